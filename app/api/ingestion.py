"""Ingesting one article, for the router and the CLI alike: proposing reads the graph
(`app.reads.ingest`), storing writes it (`app.writes.ingest`); this joins the two, which
may not import each other."""

from app.model.actors import Actor
from app.model.ingest import Ingest, IngestIn
from app.reads.gazetteer import Gazetteer
from app.reads.ingest import get_ingest, ingest_ids, propose
from app.store.db import Graph
from app.writes.ingest import save_ingest


def ingest_article(graph: Graph, gazetteer: Gazetteer, body: IngestIn, actor: Actor) -> tuple[Ingest, bool]:
    """The stored ingest of this text, or a new one: (ingest, created)."""
    existing = graph.run(get_ingest(ingest_ids(body.text)[0]))
    if existing is not None:
        return existing, False
    proposal = graph.run(propose(body, gazetteer.current(graph.run)))
    if not save_ingest(graph, proposal, actor):  # a concurrent post of the same text won
        return graph.run(get_ingest(proposal.id)) or proposal, False
    return proposal, True
