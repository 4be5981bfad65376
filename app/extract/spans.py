"""Folded text that remembers where each character came from, and sentence spans.

Matching runs over folded text (lowercase, no accents, straight quotes) so "Darien" finds
"Darién"; every hit is mapped back to the original characters, so a mention's
`text[start:end]` is always the article's own words.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

# Typographic marks folded to their plain forms (the seed article writes Panama’s).
PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Folded:
    """`text` folded; `origin[i]` is the index in the original of folded character i."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A folded span [start, end) as a span of the original text."""
        return self.origin[start], self.origin[end - 1] + 1


def fold_with_offsets(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text.translate(PLAIN)):
        for part in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(part):
                for low in part.lower():
                    chars.append(low)
                    origin.append(index)
    return Folded("".join(chars), tuple(origin))


# A period after these does not end a sentence ("U.S. officials", "Mr. Mulino", "Jan. 5").
ABBREVIATIONS = frozenset("""u.s u.k u.n mr mrs ms dr st gen sen rep gov lt col sgt jan feb mar apr
jun jul aug sep sept oct nov dec no vs e.g i.e inc corp jr sr""".split())
_END = re.compile(r"[.!?]+[\"'”’)]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or len(token) == 1  # "J. R. Mulino"


def sentences(text: str) -> list[Sentence]:
    """Sentence spans, trimmed of white space; a period after an abbreviation or an
    initial does not end one, nor does one before a lowercase word."""
    found, start = [], 0
    for end in _END.finditer(text):
        nxt = text[end.end():end.end() + 1]
        if text[end.start()] == "." and "\n" not in end.group() and (
                _abbreviation_before(text, end.start()) or nxt.islower()):
            continue
        found.append(_trimmed(text, start, end.end()))
        start = end.end()
    found.append(_trimmed(text, start, len(text)))
    return [s for s in found if s.end > s.start]


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


@dataclass(frozen=True)
class Article:
    """An article's text with its folded form and sentences, computed once."""

    text: str

    @cached_property
    def folded(self) -> Folded:
        return fold_with_offsets(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.text)

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Sentence(offset, offset)
