"""The page: HTML views of entities and sources, and the graph browser in static/."""
