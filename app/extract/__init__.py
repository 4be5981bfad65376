"""Extraction from article text, offline and without the database: folded text with offsets,
sentences, gazetteer and rule-based mentions, dates and relation patterns. Ingestion
(`app.reads.ingest`) feeds it the graph's names and links what it finds."""
