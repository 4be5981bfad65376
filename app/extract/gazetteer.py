"""Every name and alias in the graph, found in an article in one pass (Aho-Corasick over
folded text, pyahocorasick), plus country names and nationalities from the packages that
ship them (pycountry's names, countrynames' variants such as "Venezuelan").
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick
import countrynames
import pycountry
from countrynames.data import DATA as COUNTRY_VARIANTS

from app.extract.spans import Folded, fold_with_offsets


@dataclass(frozen=True)
class Entry:
    entity_id: str
    type: str
    name: str           # the entity's preferred name
    exact_case: bool    # an all-capitals short form ("US", "DHS") matches only as written
    proper: bool        # written with a capital: then only a capitalised span matches


@dataclass(frozen=True)
class Hit:
    start: int          # in the original text
    end: int
    entries: tuple[Entry, ...]


def _key(name: str) -> str:
    return fold_with_offsets(name).text.strip()


class Names:
    """One Aho-Corasick automaton over folded names; add, then `seal`, then `find`."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._entries: list[list[Entry]] = []
        self._index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, entity_id: str, type_: str, name: str, forms: Iterable[str]) -> None:
        for form in forms:
            key = _key(form)
            if len(key) < 2 or not any(ch.isalpha() for ch in key):
                continue
            exact = form.isupper() and len(form.replace(".", "")) <= 5
            if key not in self._index:
                self._index[key] = len(self._entries)
                self._entries.append([])
                self._automaton.add_word(key, (self._index[key], len(key)))
            self._enter(key, Entry(entity_id, type_, name, exact, form[:1].isupper() or form[:1].isdigit()))

    def _enter(self, key: str, entry: Entry) -> None:
        """One entry per entity and key; of its forms, the loosest case rule holds ("Zeta
        Corridor" and "zeta corridor" are found written either way)."""
        entries = self._entries[self._index[key]]
        for i, held in enumerate(entries):
            if held.entity_id == entry.entity_id:
                entries[i] = replace(held, exact_case=held.exact_case and entry.exact_case,
                                     proper=held.proper and entry.proper)
                return
        entries.append(entry)

    def seal(self) -> "Names":
        if len(self._automaton):
            self._automaton.make_automaton()
        return self

    def find(self, folded: Folded, original: str) -> Iterator[Hit]:
        if not len(self._automaton):
            return
        text = folded.text
        for last, (index, length) in self._automaton.iter(text):
            first = last - length + 1
            if not _bounded(text, first, last + 1):
                continue
            start, end = folded.span(first, last + 1)
            entries = tuple(e for e in self._entries[index] if _case_fits(e, original[start:end]))
            if entries:
                yield Hit(start, end, entries)


# A place is also called by its name without these ("the Darién" for the Darién Gap).
PLACE_TAILS = frozenset("gap jungle river region desert valley mountains".split())


def place_forms(name: str) -> list[str]:
    """`name` and, for a place ending in one of PLACE_TAILS, the name without it."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in PLACE_TAILS and words[-2][:1].isupper():
        return [name, " ".join(words[:-1])]
    return [name]


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _case_fits(entry: Entry, written: str) -> bool:
    """A name is a proper noun: written with a capital (or a digit), and an all-capitals
    short form only in capitals, so "us" is never the United States."""
    if entry.exact_case:
        return written.isupper()
    return not entry.proper or written[:1].isupper() or written[:1].isdigit()


@lru_cache(maxsize=1)
def countries() -> Names:
    """Country names and nationalities, each entry named by the country's common name."""
    names = Names()
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        english = {country.name, common, getattr(country, "official_name", country.name)}
        english |= {v for v in COUNTRY_VARIANTS.get(country.alpha_2, []) if _english_variant(v)}
        names.add(country.alpha_2, "Country", common, english)
    return names.seal()


def _english_variant(name: str) -> bool:
    """Variants worth finding in English news: Latin letters, capitalised, not all capitals."""
    return (name.isascii() and name[:1].isupper() and not name.isupper()
            and all(w[:1].isupper() or w in ("of", "the", "and") for w in name.split()))


# Nationality endings and what the country's name may end in instead.
ENDINGS = (("ian", ("", "i", "ia")), ("ese", ("", "a")), ("an", ("", "a", "as", "o")), ("n", ("",)))


def nationality(word: str) -> str | None:
    """The ISO code behind a nationality word countrynames lacks ("Ecuadorian", "Honduran")."""
    for suffix, endings in ENDINGS:
        stem = word[:-len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        for end in endings:
            code = countrynames.to_code(stem + end)
            if code and pycountry.countries.get(alpha_2=code):
                return str(code)
    return None
