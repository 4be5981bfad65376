"""Text folding shared by the loader (search keys) and search (query terms)."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lowercase, strip accents, collapse spaces: "José  Raúl" -> "jose raul"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().lower()


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
