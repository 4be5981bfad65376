"""Meaning on the read path: each read is a Plan (app.store.db) that either graph can run."""
