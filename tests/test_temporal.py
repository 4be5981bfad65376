"""The fast DateTime formatters print exactly what the driver's iso_format prints."""

import random
from datetime import timedelta, timezone

import pytz  # type: ignore[import-untyped]  # the driver's own dependency, no stubs
from fastapi.testclient import TestClient
from neo4j.time import DateTime

from app.reads.entities import get_entity_rows
from app.store.codec import _offset_suffix, iso_datetime, plain, stamp_iso
from app.store.db import Graph

STAMP = "[v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond, v.offsetSeconds]"


def random_datetimes(count: int) -> list[DateTime]:
    rng = random.Random(3)
    values = []
    for _ in range(count):
        minutes = rng.choice([0, 60, -300, -330, 345, -570, 840, -720, rng.randint(-1080, 1080)])
        zone = rng.choice([timezone(timedelta(minutes=minutes)), pytz.FixedOffset(minutes), pytz.utc])
        values.append(DateTime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28),
                               rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                               rng.choice([0, 854_000_000, rng.randint(0, 999_999_999)]), tzinfo=zone))
    return values


def test_the_fast_format_equals_the_drivers_for_fixed_offsets() -> None:
    for value in random_datetimes(2000):
        assert iso_datetime(value) == value.iso_format()


def test_named_zones_and_local_datetimes_take_the_drivers_path() -> None:
    paris = pytz.timezone("Europe/Paris").localize(DateTime(2024, 7, 1, 12, 30, 5, 1))
    local = DateTime(2024, 7, 1, 12, 30, 5, 1)
    for value in (paris, local):
        assert iso_datetime(value) == value.iso_format()
    assert plain({"at": [local]}) == {"at": [local.iso_format()]}


def test_neo4j_hands_back_fixed_offsets_so_the_fast_path_runs(graph: Graph) -> None:
    row = graph.read("RETURN datetime() AS now, datetime('2024-07-01T12:00:00-05:30') AS there")[0]
    for value in row.values():
        assert _offset_suffix(value.tzinfo) is not None
        assert iso_datetime(value) == value.iso_format()


def test_stamps_from_cypher_print_as_the_driver_prints_the_datetime(graph: Graph) -> None:
    """The read queries hand `recorded_at` over as parts; the text must not change."""
    named = [pytz.timezone(z) for z in ("Europe/Paris", "America/St_Johns", "Asia/Kathmandu",
                                        "America/Sao_Paulo", "Australia/Lord_Howe")]
    rng = random.Random(5)
    values = random_datetimes(600)
    # Named zones where the server's zone rules and pytz's agree: pytz has no daylight
    # saving after 2037, Java's rules go on. (`recorded_at` is written with fixed offsets:
    # datetime.transaction(), or an imported timestamp's own offset.)
    for _ in range(400):
        naive = DateTime(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28),
                         rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                         rng.choice([0, 1, rng.randint(0, 999_999_999)]))
        values.append(rng.choice(named).localize(naive))
    # The server's own values too: what datetime.transaction() stores on every write.
    rows = graph.read("UNWIND $values + [datetime(), datetime.transaction()] AS v "
                      f"RETURN v, {STAMP} AS stamp", values=values)
    assert len(rows) == len(values) + 2
    for row in rows:
        assert stamp_iso(row["stamp"]) == row["v"].iso_format(), row["v"]
    assert stamp_iso([None] * 8) is None


def test_entity_and_timeline_reads_show_recorded_at_as_before(graph: Graph, client: TestClient) -> None:
    """Stamped reads (JSON) and DateTime reads (RDF documents, merges) agree."""
    props, rels = graph.run(get_entity_rows("alejandro-mayorkas"))
    typed = {r["props"]["id"]: plain(r["props"]["recorded_at"]) for r in rels}
    body = client.get("/entities/alejandro-mayorkas").json()
    assert body["recorded_at"] == plain(props["recorded_at"])
    shown = {r["id"]: r["recorded_at"] for group in body["relationships"].values() for r in group}
    assert shown == typed and all(shown.values())
    timeline = client.get("/entities/alejandro-mayorkas/timeline").json()
    entries = [*timeline["dated"], *timeline["undated"]]
    assert {e["relationship"]["id"]: e["relationship"]["recorded_at"] for e in entries} == typed
