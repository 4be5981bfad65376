"""The benchmark's phases: load, queries, concurrency, rdf; each returns its part of the report."""
