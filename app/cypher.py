"""The one place that turns `queries/*.cypher` files into query strings.

Cypher is typed `LiteralString` everywhere else, so mypy rejects f-strings and
concatenation; only this loader casts, and it reads nothing but the project's
own files.
"""

from functools import cache
from pathlib import Path
from typing import LiteralString, cast

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"


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


def statements(path: Path) -> list[LiteralString]:
    """Split a schema file into statements (`;`-terminated, `//` comments dropped)."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if not line.strip().startswith("//")
    ]
    parts = "\n".join(lines).split(";")
    return [cast(LiteralString, p.strip()) for p in parts if p.strip()]  # type: ignore[redundant-cast]
