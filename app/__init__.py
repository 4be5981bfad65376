"""Migration-news knowledge graph service."""
