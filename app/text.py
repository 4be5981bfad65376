"""Text folding shared by the write path (search keys) and the read path (query terms)."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lowercase, strip accents, collapse spaces: "José  Raúl" -> "jose raul"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().lower()
