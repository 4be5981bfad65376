"""Exports people hand on: a CSV zip for spreadsheets and Gephi, GEXF and GraphML."""
