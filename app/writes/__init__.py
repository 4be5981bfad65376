"""Meaning on the write path: validation, batch parsing, the loader, curation, keys, history."""
