"""`/graph/{source_id}`: the named graph of one source, as the TriG and N-Quads exports hold
it: the source, and the facts and entities whose citations it carries."""

from rdflib import Dataset, Graph, URIRef

from app.errors import NotFound
from app.model.params import FAR_FUTURE
from app.rdf.documents import serialize
from app.rdf.export import new_store
from app.rdf.formats import FORMATS, RdfFormat
from app.rdf.mapping import Emitter
from app.rdf.vocab import Base
from app.store.cypher import load
from app.store.db import Plan, step

FACT_LIMIT = 5000


def source_graph(source_id: str, fmt: RdfFormat, base: Base) -> Plan[bytes]:
    rows = yield step(load("source_get"), id=source_id, t=FAR_FUTURE, limit=FACT_LIMIT, times=True,
                      as_of=None)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}", id=source_id)
    everything = new_store(FORMATS["trig"], base)
    emitter = Emitter(base, everything)
    emitter.source(rows[0]["props"])
    for props in rows[0]["entities"]:
        emitter.entity(props)
    for rel in rows[0]["rels"]:
        emitter.relationship(rel["from"]["id"], rel["type"], rel["to"]["id"], rel["props"])
    return serialize(_only(everything, URIRef(base.graph(source_id)), fmt, base), fmt, base)


def _only(everything: Dataset | Graph, name: URIRef, fmt: RdfFormat, base: Base) -> Dataset | Graph:
    """The one named graph: as a dataset for TriG and N-Quads, as plain triples otherwise."""
    assert isinstance(everything, Dataset)
    out = new_store(fmt, base)
    target = out.graph(name) if isinstance(out, Dataset) else out
    for triple in everything.graph(name):
        target.add(triple)
    return out
