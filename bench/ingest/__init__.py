"""Article ingestion measured: quality on labelled articles, speed at size (issue 27)."""
