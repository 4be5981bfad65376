"""Shapes: every pydantic model (input records, patches, query parameters, answers) and actors."""
