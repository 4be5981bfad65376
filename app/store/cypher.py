"""The one place that turns `queries/*.cypher` files into query strings.

Cypher is typed `LiteralString` everywhere else, so mypy rejects f-strings and
concatenation; only this loader casts, and it reads nothing but the project's
own files.
"""

from functools import cache
from pathlib import Path
from typing import LiteralString, cast

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"


class UnknownQuery(LookupError):
    pass


@cache
def load(name: str, directory: Path = QUERY_DIR) -> LiteralString:
    """Return the text of `<directory>/<name>.cypher`."""
    path = directory / f"{name}.cypher"
    if not path.is_file():
        raise UnknownQuery(f"no query file {path}")
    # mypy treats LiteralString as str; the cast marks the one trusted boundary.
    return cast(LiteralString, path.read_text(encoding="utf-8"))  # type: ignore[redundant-cast]


MAX_BOUND = 100


def load_bounded(name: str, **bounds: int) -> LiteralString:
    """`load(name)` with each `{{bound}}` marker replaced by an integer literal.

    Cypher takes the bounds of variable-length patterns (`*1..4`, `{1,4}`) only as literals, and
    searching to the bound the caller asked for is what keeps path queries fast. Only
    small non-negative ints (validated by the request models) are written in, so no
    text from a request ever reaches the query.
    """
    for key, value in bounds.items():
        # Checked before the cache, which would take True for 1.
        if type(value) is not int or not 0 <= value <= MAX_BOUND:
            raise ValueError(f"bound {key} must be an int from 0 to {MAX_BOUND}, not {value!r}")
    return _render(name, tuple(sorted(bounds.items())))


@cache
def _render(name: str, bounds: tuple[tuple[str, int], ...]) -> LiteralString:
    text: str = load(name)
    for key, value in bounds:
        marker = "{{" + key + "}}"
        if marker not in text:
            raise UnknownQuery(f"{name}.cypher has no {marker} marker")
        text = text.replace(marker, str(value))
    if "{{" in text:
        raise UnknownQuery(f"{name}.cypher has a marker with no value")
    return cast(LiteralString, text)  # type: ignore[redundant-cast]


def statements(path: Path) -> list[LiteralString]:
    """Split a schema file into statements (`;`-terminated, `//` comments dropped)."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if not line.strip().startswith("//")
    ]
    parts = "\n".join(lines).split(";")
    return [cast(LiteralString, p.strip()) for p in parts if p.strip()]  # type: ignore[redundant-cast]
