"""RDF: every format round-trips, the export is SHACL-valid, URIs negotiate, imports are lossless."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from app.errors import InvalidInput, SeedError
from app.rdf.documents import shapes
from app.rdf.export import export_chunks, iter_pages
from app.rdf.formats import FORMATS, RdfFormat
from app.rdf.importer import import_rdf
from app.rdf.lines import Lines
from app.rdf.vocab import ORG, PROV, SCHEMA, VOID, base_for
from app.store.db import Graph as Neo4jGraph
from app.store.db import open_graph
from app.store.localserver import LocalNeo4j
from app.store.schema_apply import apply_schema
from tests.conftest import settings_for, snapshot

BASE = base_for("http://127.0.0.1:8000")
V = BASE.vocab


def dump(graph: Neo4jGraph, fmt: RdfFormat, page_size: int = 500) -> bytes:
    return b"".join(export_chunks(graph, fmt, BASE, page_size))


def parse(data: bytes, fmt: RdfFormat) -> Dataset:
    store = Dataset(default_union=True)
    store.parse(data=data, format=fmt.rdflib)
    return store


def triples(store: Dataset) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o, _ in store.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def reference(graph: Neo4jGraph) -> set[tuple[object, object, object]]:
    return triples(parse(dump(graph, FORMATS["nt"]), FORMATS["nt"]))


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_parses_back_to_the_same_triples(graph: Neo4jGraph, name: str,
                                                      reference: set[object]) -> None:
    fmt = FORMATS[name]
    assert len(reference) > 1500
    assert triples(parse(dump(graph, fmt), fmt)) == reference
    # Small pages exercise the streaming concatenation: still one valid document.
    assert triples(parse(dump(graph, fmt, page_size=4), fmt)) == reference


def test_export_pages_stay_small_whatever_the_degrees(graph: Neo4jGraph) -> None:
    """A hub's relationships spread over pages: memory follows the page size, not the degree."""
    pages = list(iter_pages(graph, 3))
    assert all(len(rows) <= 3 for _, rows in pages)
    rels = [(row["from"], row["id"]) for kind, rows in pages if kind == "relationships" for row in rows]
    published = graph.read("MATCH (a:Entity)-[r]->(b:Entity) WHERE r.retracted_at IS NULL "
                           "AND a.retracted_at IS NULL AND b.retracted_at IS NULL RETURN count(r) AS n")
    assert len(rels) == len(set(rels)) == published[0]["n"] > 50
    assert rels == sorted(rels)  # keyset order: nothing skipped, nothing twice
    hub = max({f for f, _ in rels}, key=lambda f: sum(1 for g, _ in rels if g == f))
    assert sum(1 for f, _ in rels if f == hub) > 3  # the hub did need several pages


def test_the_pages_record_times_are_the_drivers_own(graph: Neo4jGraph) -> None:
    """The export queries hand `recorded_at` over as its parts (hydrating a DateTime was
    half the dump's reading); read back, each is what the driver's DateTime gives."""
    pages = list(iter_pages(graph, 50))
    stamped = {row["props"]["id"]: row["props"]["recorded_at"] for _, rows in pages for row in rows}
    hydrated = graph.read("MATCH (n) WHERE n:Entity OR n:Source RETURN n.id AS id, n.recorded_at AS at "
                          "UNION ALL MATCH ()-[r]->() WHERE r.id IS NOT NULL "
                          "RETURN r.id AS id, r.recorded_at AS at")
    known = {row["id"]: row["at"].to_native() for row in hydrated if row["id"] in stamped}
    assert len(known) == len(stamped) > 50
    assert all(type(stamped[i]) is datetime and stamped[i] == known[i]
               and stamped[i].isoformat() == known[i].isoformat() for i in known)


@pytest.mark.parametrize("name", ["trig", "nquads"])
def test_quads_put_each_sources_facts_in_its_named_graph(graph: Neo4jGraph, name: str) -> None:
    store = Dataset()  # no default union: each graph on its own
    store.parse(data=dump(graph, FORMATS[name]), format=FORMATS[name].rdflib)
    named = URIRef(BASE.graph("seed-000-eb3fd6c821e75620"))
    fact = (URIRef(BASE.fact("united-states--party-to--us-panama-deportation-agreement-2024")),
            RDF.type, RDF.Statement)
    holding = {str(g.identifier) for g in store.graphs() if fact in g}
    assert holding == {str(named)}
    assert len(store.graph(named)) > 1500


def test_vocabulary_mapping_uses_standard_terms(graph: Neo4jGraph) -> None:
    g = parse(dump(graph, FORMATS["turtle"]), FORMATS["turtle"])
    mayorkas, panama = URIRef(BASE.entity("alejandro-mayorkas")), URIRef(BASE.entity("panama"))
    post = URIRef(BASE.entity("us-secretary-of-homeland-security"))
    agreement = URIRef(BASE.entity("us-panama-deportation-agreement-2024"))
    assert (mayorkas, RDF.type, SCHEMA.Person) in g
    assert (mayorkas, ORG.holds, post) in g                       # the direct triple
    assert (panama, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q804")) in g
    assert (panama, SCHEMA.name, Literal("Panamá", lang="es")) in g
    assert (agreement, RDF.type, SCHEMA.Legislation) in g
    assert (URIRef(BASE.entity("us-department-of-homeland-security")), RDF.type,
            SCHEMA.GovernmentOrganization) in g
    assert (URIRef(BASE.entity("seed-000-eb3fd6c821e75620")), RDF.type, SCHEMA.NewsArticle) in g
    assert (URIRef(BASE.entity("mulino-vow-to-close-darien-gap")), RDF.type, SCHEMA.Claim) in g
    fact = URIRef(BASE.fact("united-states--party-to--us-panama-deportation-agreement-2024"))
    assert (fact, RDF.subject, URIRef(BASE.entity("united-states"))) in g
    assert (fact, RDF.object, agreement) in g
    assert (fact, PROV.wasDerivedFrom, URIRef(BASE.entity("seed-000-eb3fd6c821e75620"))) in g
    citation = g.value(fact, PROV.qualifiedDerivation)
    assert str(g.value(citation, V.quote)) == "The United States and Panama have signed an agreement"
    assert str(g.value(citation, V.mode)) == "asserted"
    statement_cite = URIRef(BASE.entity("mulino-accuses-aid-workers") + "#citation-0")
    assert g.value(statement_cite, PROV.wasAttributedTo) == URIRef(BASE.entity("jose-raul-mulino"))


def test_the_full_export_conforms_to_the_shapes(graph: Neo4jGraph) -> None:
    data = Graph().parse(data=dump(graph, FORMATS["turtle"]), format="turtle")
    conforms, _, report = validate(data, shacl_graph=shapes(BASE), inference="none")
    assert conforms, report


def test_the_shapes_catch_a_broken_export(graph: Neo4jGraph) -> None:
    data = Graph().parse(data=dump(graph, FORMATS["turtle"]), format="turtle")
    fact = URIRef(BASE.fact("united-states--party-to--us-panama-deportation-agreement-2024"))
    citation = data.value(fact, PROV.qualifiedDerivation)
    data.remove((citation, V.quote, None))
    data.set((URIRef(BASE.entity("panama")), V.isoAlpha2, Literal("Panama")))
    conforms, _, report = validate(data, shacl_graph=shapes(BASE), inference="none")
    assert not conforms
    assert "quote" in report and "isoAlpha2" in report


def test_dataset_description_is_valid_and_counts_the_triples(client: TestClient,
                                                              reference: set[object]) -> None:
    response = client.get("/.well-known/void")
    assert response.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=response.text, format="turtle")
    conforms, _, report = validate(g, shacl_graph=shapes(BASE), inference="none")
    assert conforms, report
    dataset = URIRef(BASE.dataset)
    assert int(g.value(dataset, VOID.triples)) == len(reference)  # type: ignore[arg-type]
    dumps = {str(o) for o in g.objects(dataset, VOID.dataDump)}
    assert dumps == {f"{BASE.base}/export?format={name}" for name in FORMATS}
    assert client.get("/", headers={"Accept": "text/html"}).text.count("/.well-known/void") >= 1


# --- content negotiation -------------------------------------------------------

@pytest.mark.parametrize("accept, media", [
    ("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"), ("application/rdf+xml", "application/rdf+xml"),
    ("text/html", "text/html"), ("application/json", "application/json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("application/rdf+xml;q=0.5, text/turtle;q=0.9", "text/turtle"),
    ("*/*", "text/turtle"),
])
def test_entity_uri_negotiates(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/id/jose-raul-mulino", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "Accept" in response.headers["vary"]
    if media in ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"):
        fmt = next(f for f in FORMATS.values() if f.media_type == media)
        g = parse(response.content, fmt)
        assert (URIRef(BASE.entity("jose-raul-mulino")), RDF.type, SCHEMA.Person) in triples(g)
    elif media == "application/json":
        assert response.json()["id"] == "jose-raul-mulino"
    else:
        assert "José Raúl Mulino" in response.text


@pytest.mark.parametrize("name, media", [("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
                                         ("nt", "application/n-triples"), ("xml", "application/rdf+xml"),
                                         ("json", "application/json"), ("html", "text/html")])
def test_format_parameter_overrides_accept(client: TestClient, name: str, media: str) -> None:
    response = client.get(f"/id/panama?format={name}", headers={"Accept": "text/html"})
    assert response.headers["content-type"].split(";")[0] == media


def test_sources_dereference_too(client: TestClient) -> None:
    response = client.get("/id/seed-000-eb3fd6c821e75620", headers={"Accept": "text/turtle"})
    g = parse(response.content, FORMATS["turtle"])
    assert (URIRef(BASE.entity("seed-000-eb3fd6c821e75620")), RDF.type, V.Source) in triples(g)


def test_bad_formats_list_what_is_supported(client: TestClient) -> None:
    unknown = client.get("/id/panama?format=yaml")
    assert unknown.status_code == 400 and "turtle" in unknown.json()["detail"]
    refused = client.get("/id/panama", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and "text/turtle" in refused.json()["detail"]
    assert client.get("/export?format=yaml").status_code == 400


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "text/html",
                                    "application/json", "application/n-triples"])
def test_unknown_id_is_404_in_every_format(client: TestClient, accept: str) -> None:
    response = client.get("/id/atlantis", headers={"Accept": accept})
    assert response.status_code == 404
    assert "atlantis" in response.text


def test_export_endpoint_streams_and_context_and_shapes_are_published(
        client: TestClient, reference: set[object]) -> None:
    for name, fmt in FORMATS.items():
        response = client.get(f"/export?format={name}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(fmt.media_type)
        assert triples(parse(response.content, fmt)) == reference
    ctx = client.get("/context.jsonld").json()["@context"]
    assert ctx["schema"] == "https://schema.org/" and ctx["prov"] == "http://www.w3.org/ns/prov#"
    published = Graph().parse(data=client.get("/shapes.ttl").text, format="turtle")
    assert len(published) > 50
    vocab = Graph().parse(data=client.get("/vocab").text, format="turtle")
    assert (V.Person, RDF.type, OWL.Class) in vocab


# --- import round trip -------------------------------------------------------------

@pytest.fixture
def empty_db(own_server: LocalNeo4j) -> Iterator[Neo4jGraph]:
    graph = open_graph(settings_for(own_server))
    apply_schema(graph)
    yield graph
    graph.close()


def data_only(snap: dict[str, object]) -> dict[str, object]:
    # The export is the published graph: schema bookkeeping and edit history stay out.
    nodes = [n for n in snap["nodes"]  # type: ignore[attr-defined]
             if not {"SchemaMeta", "Change"} & set(n["labels"])]
    return {"nodes": nodes, "rels": snap["rels"]}


def test_import_round_trip_is_lossless_in_every_format(graph: Neo4jGraph, empty_db: Neo4jGraph) -> None:
    original = data_only(snapshot(graph))
    for name, fmt in FORMATS.items():
        empty_db.write("MATCH (n) WHERE NOT n:SchemaMeta DETACH DELETE n")
        report = import_rdf(empty_db, dump(graph, fmt, page_size=7), fmt)
        assert (report.entities, report.relationships) == (36, 54), name
        assert data_only(snapshot(empty_db)) == original, name
    # Importing the same document again changes nothing.
    import_rdf(empty_db, dump(graph, FORMATS["nquads"]), FORMATS["nquads"])
    assert data_only(snapshot(empty_db)) == original


def test_malformed_rdf_names_the_line_and_writes_nothing(graph: Neo4jGraph, empty_db: Neo4jGraph) -> None:
    text = dump(graph, FORMATS["nt"]).decode().splitlines()
    text[40] = text[40][:-2] + " garbage ."
    with pytest.raises(InvalidInput) as err:
        import_rdf(empty_db, "\n".join(text).encode(), FORMATS["nt"])
    assert "line 41:" in err.value.message and "garbage" in err.value.message
    with pytest.raises(InvalidInput) as err:
        import_rdf(empty_db, b"@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e ]] .",
                   FORMATS["turtle"])
    assert "line 3" in err.value.message
    with pytest.raises(InvalidInput) as err:
        import_rdf(empty_db, dump(graph, FORMATS["turtle"])[:5000], FORMATS["turtle"])
    assert "truncated" in err.value.message or "line" in err.value.message
    assert data_only(snapshot(empty_db)) == {"nodes": [], "rels": []}


def test_tampered_quote_or_text_is_rejected_and_writes_nothing(graph: Neo4jGraph,
                                                              empty_db: Neo4jGraph) -> None:
    data = dump(graph, FORMATS["nt"]).decode()
    forged = data.replace('"The United States and Panama have signed an agreement"',
                          '"The United States and Panama have cancelled an agreement"', 1)
    with pytest.raises(SeedError) as err:
        import_rdf(empty_db, forged.encode(), FORMATS["nt"])
    assert "not found word for word" in err.value.message
    retexted = data.replace("Darién Gap, a once-impenetrable", "Darién Gap, an impenetrable", 1)
    with pytest.raises(SeedError) as err:
        import_rdf(empty_db, retexted.encode(), FORMATS["nt"])
    assert "content hash" in err.value.message
    assert data_only(snapshot(empty_db)) == {"nodes": [], "rels": []}


def test_the_vocabulary_and_void_answer_in_every_format(client: TestClient) -> None:
    """A plain graph asked for as TriG or N-Quads is the dataset's default graph, not a 500."""
    for path in ("/vocab", "/.well-known/void"):
        for fmt in ("ttl", "nt", "jsonld", "xml", "trig", "nquads"):
            answer = client.get(f"{path}?format={fmt}")
            assert answer.status_code == 200, (path, fmt, answer.text[:200])
            assert "vocab" in answer.text


def test_the_vocabulary_defines_every_term_of_ours_the_export_uses(client: TestClient,
                                                                   graph: Neo4jGraph) -> None:
    exported = Dataset()
    exported.parse(data=b"".join(export_chunks(graph, FORMATS["nquads"], BASE)), format="nquads")
    ours = str(BASE.vocab)
    used = {t for q in exported.quads((None, None, None, None)) for t in (q[1], q[2])
            if isinstance(t, URIRef) and str(t).startswith(ours)}
    vocab = Graph().parse(data=client.get("/vocab?format=ttl").text, format="turtle")
    assert len(used) > 40 and used - set(vocab.subjects()) == set()


def test_the_vocabulary_and_the_dataset_description_have_a_page_for_people(client: TestClient) -> None:
    for path, words in (("/vocab", ["mg: vocabulary", "quote", "partyTo"]),
                        ("/.well-known/void", ["The dataset", "void:triples"])):
        answer = client.get(path, headers={"Accept": "text/html"})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
        assert all(w in answer.text for w in words) and "null" not in answer.text
        assert "Accept" in answer.headers["vary"].split(", ")
        assert client.get(path).headers["content-type"].startswith("text/turtle")  # the default
        assert client.get(path, headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("name", ["nt", "nquads", "turtle", "trig", "jsonld"])
def test_the_direct_line_writer_gives_rdflibs_triples(graph: Neo4jGraph, name: str) -> None:
    """N-Triples, N-Quads, Turtle, TriG and JSON-LD are written term by term (rdf/lines.py,
    rdf/jsonld.py): the same quads, named graphs included, as the rdflib graph per page
    they replaced."""
    fmt = FORMATS[name]
    fast = b"".join(export_chunks(graph, fmt, BASE, 7))
    slow = b"".join(export_chunks(graph, fmt, BASE, 7, rdflib_pages=True))
    assert set(parse(fast, fmt).quads()) == set(parse(slow, fmt).quads())
    assert len(parse(fast, fmt)) > 1000
    if name in ("nt", "nquads"):  # line for line what rdflib writes (in another order)
        assert {line for line in fast.splitlines() if line} == {line for line in slow.splitlines() if line}
    day = "<http://www.w3.org/2001/XMLSchema#date>"
    tricky = Graph().parse(format="nt", data='<http://x/s> <http://x/p> "a \\" b\\\\c\\nd\\te é"@es .\n'
                           f'<http://x/s> <http://x/q> "2024-07-01"^^{day} .\n')
    lines = Lines(False, str)
    for triple in tricky:
        lines.graph(None).add(triple)
    assert set(Graph().parse(data=lines.take(), format="nt")) == set(tricky) and len(tricky) == 2
