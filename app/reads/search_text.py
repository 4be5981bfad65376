"""Search words to a Lucene query for the full-text index over names and aliases."""

import re

from app.text import fold


def search_terms(text: str) -> list[str]:
    """Folded word tokens; nothing that Lucene reads as syntax survives."""
    return re.findall(r"[^\W_]+", fold(text))


def lucene_query(terms: list[str]) -> str:
    """Every term must match: exactly (boosted), as a prefix, or within a small edit distance."""
    clauses = []
    for term in terms:
        if len(term) <= 3:
            clauses.append(f"({term}^3 OR {term}*)")
        else:
            distance = 1 if len(term) < 8 else 2
            clauses.append(f"({term}^3 OR {term}*^2 OR {term}~{distance})")
    return " AND ".join(clauses)
