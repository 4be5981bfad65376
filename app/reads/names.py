"""Names folded for matching: case, accents, punctuation, titles and initials.

`fold` (app.text) is what the write path stores as search keys; this goes further for
comparing a name someone typed with the names we hold: "Secretary Mayorkas" and
"J. R. Mulino" must reach "Alejandro Mayorkas" and "José Raúl Mulino".
"""

import re
from functools import lru_cache

from app.text import fold

# Titles and honorifics said before a name; dropped on both sides before comparing.
TITLES = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady sr sra don dona
president presidente vice secretary secretaria minister ministra ministro senator sen
rep representative congressman congresswoman gov governor mayor gen general col colonel
adm admiral ambassador commissioner director chief judge justice attorney pope king queen
prince princess sheikh
""".split())
# Little words an acronym skips: "Department of Homeland Security" is DHS.
SKIPPED = frozenset("of the and for de del la las los el y e da do des du von van".split())
# Articles a name may or may not start with: "the Darién jungle".
ARTICLES = frozenset("the a an el la los las le les".split())
_DOTTED = re.compile(r"(?<=\b\w)\.(?=\w\b)")  # the dots inside U.S. or J.R.


@lru_cache(maxsize=65_536)
def tokens(name: str) -> tuple[str, ...]:
    """Folded word tokens: "U.S. Customs & Border" -> ("us", "customs", "border")."""
    return tuple(re.findall(r"[^\W_]+", _DOTTED.sub("", fold(name))))


@lru_cache(maxsize=65_536)
def spellings(name: str) -> frozenset[tuple[str, ...]]:
    """The ways to read a name's words: as written, without a leading article, and with
    dotted letters apart ("J.R. Mulino" is J. R. Mulino; "U.S." stays "us" as well)."""
    found = {tokens(name), tuple(re.findall(r"[^\W_]+", fold(name)))}
    found |= {w[1:] for w in found if len(w) > 1 and w[0] in ARTICLES}
    return frozenset(found - {()})


def without_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with titles dropped, unless nothing would be left."""
    kept = [w for w in words if w not in TITLES]
    return tuple(kept) if kept else words


def acronyms(words: tuple[str, ...]) -> set[str]:
    """Initial letters, with and without the little words: DHS, and DOHS too."""
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in SKIPPED)}


def initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """Every word but the last as its initial: "jose raul mulino" -> ("j", "r", "mulino")."""
    return tuple(w[0] for w in words[:-1]) + words[-1:]


def looks_like_acronym(words: tuple[str, ...]) -> bool:
    return len(words) == 1 and 2 <= len(words[0]) <= 6
