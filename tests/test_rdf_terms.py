"""The dumps' N-Triples text terms (rdf/terms.py, LineTerms) against rdflib's own objects
and serializer, on records holding every kind of value a property may have. No database:
the records are written here, so the awkward values are there on purpose."""

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from neo4j.time import Date, DateTime
from rdflib import Dataset, Graph

from app.rdf.export import jsonld_context, prefixes
from app.rdf.jsonld import JsonNodes
from app.rdf.lines import Lines
from app.rdf.mapping import Emitter
from app.rdf.vocab import base_for
from app.store.codec import stamp_datetime

BASE = base_for("http://127.0.0.1:8000")
AWKWARD = 'a "quoted" back\\slash\nnew line\r\ttab é 中文 \U0001f30d \x01 end'
CITES = {"cite_sources": ["src-1", "src-2"], "cite_quotes": [AWKWARD, "plain words"],
         "cite_confidences": [0.8, 1], "cite_modes": ["asserted", "reported"],
         "cite_attributed_to": ["person-1", ""], "cite_fields": ["name,description", ""]}
STAGE = {"stage": "in_force", "date": "2024-07-01", "date_text": "on 1 July",
         "citation": {"source": "src-1", "quote": "in force", "confidence": 0.9, "mode": "asserted",
                      "attributed_to": None, "fields": []}}


def records() -> list[tuple[str, Any]]:
    east = timezone(timedelta(hours=5, minutes=30))
    return [
        ("source", {"id": "src-1", "kind": "news_article", "content_hash": "abc", "title": AWKWARD,
                    "published": date(2024, 7, 1), "url": "https://example.org/a?b=c&d",
                    "recorded_at": datetime(2024, 7, 2, 10, 0, 0, 123456, tzinfo=UTC)}),
        ("source", {"id": "src-2", "kind": "report", "content_hash": "def", "text": "Text.",
                    "published": Date(2023, 1, 31),
                    "recorded_at": DateTime(2024, 7, 2, 10, 0, 0, 999999999)}),
        ("entity", {"id": "person-1", "type": "Person", "name": AWKWARD, "aliases": ["Alias", "Ál"],
                    "names": ["es:Nombre \"x\"", "ar:اسم"], "wikidata_qid": "Q42", "description": AWKWARD,
                    "recorded_at": datetime(2024, 7, 2, 10, 0, tzinfo=east), **CITES}),
        ("entity", {"id": "stat-1", "type": "Statistic", "name": "Crossings", "value": 520000,
                    "unit": "people", "measures": "crossings", "qualifier": "more_than",
                    "recorded_at": datetime(2024, 7, 2, tzinfo=UTC)}),
        ("entity", {"id": "stat-2", "type": "Statistic", "name": "Share", "value": 0.1 + 0.2,
                    "unit": "%", "measures": "share",
                    "recorded_at": datetime(1969, 12, 31, 23, 59, 59, 1, tzinfo=UTC)}),
        ("entity", {"id": "event-1", "type": "Event", "name": "Signing", "date": Date(2024, 7, 1),
                    "kind": "signing", "recorded_at": DateTime(2024, 7, 2, 10, 0, 0, 5000, tzinfo=UTC)}),
        ("entity", {"id": "agreement-1", "type": "Agreement", "name": "MoU", "date_signed": date(2024, 7, 1),
                    "summary": AWKWARD, "lifecycle": [json.dumps(STAGE)],
                    "recorded_at": datetime(2024, 7, 2, tzinfo=UTC)}),
        ("relationship", ("person-1", "HOLDS_POST", "post-1", {
            "id": "person-1--holds-post--post-1", "valid_from": date(2024, 7, 1),
            "valid_to": Date(2029, 6, 30),
            "date_text": "since July", "recorded_at": datetime(2024, 7, 2, tzinfo=UTC), **CITES})),
        ("relationship", ("country-1", "FUNDS", "agreement-1", {
            "id": "country-1--funds--agreement-1", "purpose": AWKWARD,
            "recorded_at": datetime(2024, 7, 2, tzinfo=UTC), **CITES})),
    ]


def emit(emitter: Emitter) -> None:
    for kind, record in records():
        if kind == "source":
            emitter.source(record)
        elif kind == "entity":
            emitter.entity(record)
        else:
            emitter.relationship(*record)


@pytest.mark.parametrize("quads", [False, True])
def test_text_terms_write_what_rdflib_writes_line_for_line(quads: bool) -> None:
    store: Dataset | Graph = Dataset() if quads else Graph()
    emit(Emitter(BASE, store))
    expected = store.serialize(format="nquads" if quads else "nt", encoding="utf-8")
    lines = Lines(quads, BASE.graph)
    emit(Emitter(BASE, lines))
    written = lines.take()
    # rdflib ends a default-graph quad with two spaces before the dot; the rest is alike.
    assert set(written.splitlines()) == {line.removesuffix(b"  .") + (b" ." if line.endswith(b"  .") else b"")
                                         for line in expected.splitlines() if line}
    if quads:
        assert set(Dataset().parse(data=written, format="nquads").quads()) == set(store.quads())
    assert len(set(written.splitlines())) > 150
    for needle in (b'"520000.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                   b'"0.30000000000000004"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                   b'"2024-07-02T10:00:00+05:30"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
                   b'"2024-07-01"^^<http://www.w3.org/2001/XMLSchema#date>',
                   b'@es <' if quads else b'@es .'):
        assert needle in written, needle


def test_text_terms_parse_back_to_the_values_given() -> None:
    lines = Lines(False, BASE.graph)
    emit(Emitter(BASE, lines))
    parsed = Graph().parse(data=lines.take(), format="nt")
    values = {str(o) for o in parsed.objects()}
    assert AWKWARD in values and "Nombre \"x\"" in values and "اسم" in values


@pytest.mark.parametrize("value", [
    DateTime(2024, 7, 2, 10, 0, 0, 999999999, tzinfo=UTC),
    DateTime(1969, 12, 31, 23, 59, 59, 1500, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
    DateTime(2026, 1, 1, 0, 0, 0, 0, tzinfo=timezone(timedelta(hours=5, minutes=45))),
])
def test_a_stamp_reads_as_the_drivers_own_datetime(value: DateTime) -> None:
    """The dumps read `recorded_at` as its parts (codec.stamp_datetime), not hydrated."""
    offset = value.utcoffset()
    assert offset is not None
    parts = [value.year, value.month, value.day, value.hour, value.minute, value.second,
             value.nanosecond, int(offset.total_seconds())]
    native = stamp_datetime(parts)
    assert native == value.to_native() and native is not None
    assert native.isoformat() == value.to_native().isoformat()
    assert stamp_datetime([None] * 8) is None


def test_json_terms_give_rdflibs_triples() -> None:
    """The JSON-LD dump's node objects (rdf/jsonld.py) hold the triples rdflib's own
    objects make, values and datatypes alike."""
    store = Graph()
    emit(Emitter(BASE, store))
    nodes = JsonNodes(prefixes(BASE))
    emit(Emitter(BASE, nodes))
    doc = {**jsonld_context(BASE), "@graph": [json.loads(text) for text in nodes.take()]}
    parsed = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert set(parsed) == set(store) and len(store) > 150
    person = next(n for n in doc["@graph"] if n["@id"].endswith("/id/person-1"))
    assert person["@type"] == ["mg:Entity", "mg:Person", "schema:Person", "prov:Agent", "foaf:Person"]
    assert {"@language": "es", "@value": 'Nombre "x"'} in person["schema:name"]
    assert list(nodes.take()) == []  # a page's nodes are forgotten once written
