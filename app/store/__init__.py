"""Neo4j: the drivers, the Cypher loader, the codec of stored rows, the schema, the local server."""
