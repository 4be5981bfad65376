"""The fast DateTime formatter prints exactly what the driver's iso_format prints."""

import random
from datetime import timedelta, timezone

import pytz  # type: ignore[import-untyped]  # the driver's own dependency, no stubs
from neo4j.time import DateTime

from app.db import Graph
from app.storage import _offset_suffix, iso_datetime, plain


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
