"""RDF: the graph in standard vocabularies, and back."""
