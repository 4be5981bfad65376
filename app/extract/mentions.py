"""Mentions: gazetteer hits (the graph's names, then countries and nationalities) and rule
names, one per stretch of text (the longest wins; on a tie the graph, then countries, then
rules), and a person's surname said again later."""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import pycountry

from app.extract.gazetteer import Names, countries, nationality
from app.extract.names import RuleName, classify, person_after_role, runs, tokens
from app.extract.spans import Article

PRIORITY = {"graph": 0, "country": 1, "rule": 2}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    name: str                          # the name to propose (or to match on)
    via: str                           # graph, country or rule
    entity_ids: tuple[str, ...] = ()   # gazetteer entries (ids in the graph; ISO codes for countries)
    properties: dict[str, Any] = field(default_factory=dict)  # what a new record would need


def _graph_hits(article: Article, gazetteers: list[Names]) -> list[Found]:
    return [Found(h.start, h.end, h.entries[0].type, article.text[h.start:h.end], "graph",
                  tuple(e.entity_id for e in h.entries))
            for names in gazetteers for h in names.find(article.folded, article.text)]


def _country_hits(article: Article) -> list[Found]:
    return [Found(h.start, h.end, "Country", h.entries[0].name, "country",
                  tuple(e.entity_id for e in h.entries))
            for h in countries().find(article.folded, article.text)]


def _rule_hits(article: Article) -> list[Found]:
    found = []
    for sentence in article.sentences:
        toks = tokens(article.text, sentence)
        for run in runs(article.text, toks):
            first = run[0] is toks[0]
            for rule in classify(toks, run, first):
                found.append(_from_rule(article, rule))
            if person_after_role(toks, run) and len(run) in (2, 3):
                found.append(Found(run[0].start, run[-1].end, "Person",
                                   article.text[run[0].start:run[-1].end], "rule"))
    return [_nationality(article, f) for f in found]


# "Costa Rican government", "Panamanian border police": a country's word and a body of it.
BODIES = re.compile(r"\s+((?:border |migration |immigration |national |federal )?(?:government|"
                    r"authorities|officials|police|army|military|navy|coast guard|forces|"
                    r"security forces|ministry|officers))\b")


def _bodies(article: Article, countries_found: list[Found]) -> list[Found]:
    out = []
    for f in countries_found:
        m = BODIES.match(article.text, f.end)
        if m:
            words = article.text[f.start:m.end()]
            out.append(Found(f.start, m.end(), "Organization", words, "rule"))
    return out


def _from_rule(article: Article, rule: RuleName) -> Found:
    return Found(rule.start, rule.end, rule.type, article.text[rule.start:rule.end], "rule")


def _nationality(article: Article, found: Found) -> Found:
    """A lone word such as "Ecuadorian" is its country."""
    words = article.text[found.start:found.end]
    code = nationality(words) if " " not in words else None
    if code is None:
        return found
    country = countries_by_code().get(code, words)
    return Found(found.start, found.end, "Country", country, "country", (code,))


@lru_cache(maxsize=1)
def countries_by_code() -> dict[str, str]:
    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def resolve(found: list[Found]) -> list[Found]:
    """One mention per stretch of text: the longest, then by PRIORITY."""
    taken: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, PRIORITY[f.via], f.start)):
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


def surnames(article: Article, taken: list[Found]) -> list[Found]:
    """A person named in full is later called by the last word of the name alone."""
    people: dict[str, Found] = {}
    for f in taken:
        words = f.name.split()
        if f.type == "Person" and len(words) > 1:
            people.setdefault(words[-1], f)
    more = []
    for sentence in article.sentences:
        for tok in tokens(article.text, sentence):
            person = people.get(tok.text)
            if person and tok.start >= person.end:
                more.append(replace(person, start=tok.start, end=tok.end))
    return more


def find_mentions(article: Article, gazetteers: list[Names]) -> list[Found]:
    rules = _rule_hits(article)
    national = _country_hits(article) + [f for f in rules if f.via == "country"]
    taken = resolve(_graph_hits(article, gazetteers) + national + rules + _bodies(article, national))
    return resolve(taken + surnames(article, taken))
