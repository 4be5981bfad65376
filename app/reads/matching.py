"""Name matching: the full-text index for recall, rapidfuzz over folded names to score.

One query per batch of names (queries/match_candidates.cypher) brings each name's
candidates; every candidate is scored on its name, aliases and names in other languages,
and ranked. Reconciliation and article ingestion both match through here.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz

from app.model.matching import Candidate, Feature
from app.model.params import FAR_FUTURE
from app.reads.names import (
    TITLES,
    acronyms,
    initials,
    looks_like_acronym,
    spellings,
    tokens,
    without_titles,
)
from app.store.cypher import load
from app.store.db import Plan, step
from app.text import fold

# `match: true` needs a score of THRESHOLD and a lead of MARGIN over the next candidate.
THRESHOLD = 90.0
MARGIN = 8.0
RECALL = 40          # full-text hits scored per name
SUBSET_CAP = 88.0    # every word of the query in a longer name: likely, not certain,
SUBSET_PER_WORD = 5.0  # and less so for each word the name has beyond one more
TITLED_EXACT = 96.0  # the same name once a title is dropped ("Secretary Mayorkas")
INITIALS_CAP = 95.0  # "J. R. Mulino": as good as a name, but for the lost letters
PROPERTY_POINTS = 10.0


@dataclass(frozen=True)
class MatchQuery:
    name: str
    types: tuple[str, ...] = ()
    properties: tuple[tuple[str, str], ...] = field(default=())
    limit: int = 5


def recall_terms(name: str) -> str:
    """Lucene OR over the words of every spelling: any one may be a typo, a title or
    missing from the name. Titles count for less. Whole words only (a name to match is
    typed out; prefixes are for suggest), so the index visits few terms at 1M."""
    forms = asked_forms(name)
    plain = {w for form, titled in forms.items() if not titled for w in form if w not in TITLES}
    clauses = []
    for word in sorted({w for form in forms for w in form}):
        boost = "^3" if word in plain else ""
        fuzzy = f" OR {word}~{1 if len(word) < 8 else 2}" if len(word) >= 4 else ""
        clauses.append(f"{word}{boost}{fuzzy}")
    return " OR ".join(f"({c})" for c in clauses)


def asked_forms(name: str) -> dict[tuple[str, ...], bool]:
    """The query's spellings, each with whether a title was dropped to get it. Titles go
    from the query only: a held "DHS Secretary" must not become "DHS"."""
    forms = {words: False for words in spellings(name)}
    for words in list(forms):
        forms.setdefault(without_titles(words), True)
    return forms


def _subset(a: str, asked: tuple[str, ...], h: str, held: tuple[str, ...]) -> float:
    extra = max(0, len(held) - len(asked) - 1)
    return min(fuzz.token_set_ratio(a, h), SUBSET_CAP) - SUBSET_PER_WORD * extra


def _name_features(query: dict[tuple[str, ...], bool], names: Iterable[str]) -> dict[str, float]:
    best = {"name_exact": 0.0, "name_fuzzy": 0.0, "name_subset": 0.0, "acronym": 0.0, "initials": 0.0}
    for held in (v for n in names for v in spellings(n)):
        for asked, titled in query.items():
            a, h = " ".join(asked), " ".join(held)
            found = {"name_exact": 100.0 if asked == held else 0.0,
                     "name_fuzzy": fuzz.token_sort_ratio(a, h),
                     "name_subset": _subset(a, asked, h, held),
                     "acronym": 100.0 if looks_like_acronym(asked) and asked[0] in acronyms(held)
                     else 0.0,
                     "initials": _initials(asked, held)}
            cap = TITLED_EXACT if titled else 100.0  # a dropped title costs a little
            best = {k: max(v, min(found[k], cap)) for k, v in best.items()}
    return best


def _initials(asked: tuple[str, ...], held: tuple[str, ...]) -> float:
    if not any(len(w) == 1 for w in asked) or len(held) < 2:
        return 0.0
    return min(fuzz.ratio(" ".join(initials(asked)), " ".join(initials(held))), INITIALS_CAP)


def _property_points(wanted: tuple[tuple[str, str], ...], held: list[Any]) -> dict[str, float]:
    """+points where the candidate holds the value asked for, -points where it holds another."""
    points = {}
    for (pid, value), have in zip(wanted, held, strict=True):
        if have is None or have == []:
            continue
        values = {fold(str(v)) for v in (have if isinstance(have, list) else [have])}
        share = PROPERTY_POINTS / len(wanted)
        points[f"property:{pid}"] = share if fold(value) in values else -share
    return points


def score(query: MatchQuery, hit: dict[str, Any]) -> tuple[float, list[Feature]]:
    names = [hit["name"], *hit["aliases"], *(n.split(":", 1)[-1] for n in hit["names"])]
    features = {**_name_features(asked_forms(query.name), names),
                **_property_points(query.properties, hit["wanted"])}
    name_score = max(v for k, v in features.items() if not k.startswith("property:"))
    total = name_score + sum(v for k, v in features.items() if k.startswith("property:"))
    return round(min(max(total, 0.0), 100.0), 1), [Feature(id=k, value=round(v, 1))
                                                   for k, v in features.items() if v]


def rank(query: MatchQuery, hits: list[dict[str, Any]]) -> list[Candidate]:
    scored = sorted(((*score(query, hit), hit) for hit in hits), key=lambda s: (-s[0], s[2]["name"]))
    ranked = [Candidate(id=hit["id"], name=hit["name"], type=hit["type"], score=total,
                        description=hit.get("description"), match=False, features=features)
              for total, features, hit in scored[:query.limit]]
    if ranked and ranked[0].score >= THRESHOLD:
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        ranked[0].match = ranked[0].score - runner_up >= MARGIN
    return ranked


def match_many(queries: dict[str, MatchQuery], t: datetime = FAR_FUTURE,
               ) -> Plan[dict[str, list[Candidate]]]:
    """Ranked candidates for each keyed query, in one database round trip."""
    asked = [{"key": key, "lucene": recall_terms(q.name),
              "types": list(q.types), "pids": [pid for pid, _ in q.properties]}
             for key, q in queries.items() if tokens(q.name)]
    rows = (yield step(load("match_candidates"), queries=asked, cap=RECALL, t=t)) if asked else []
    found = {row["key"]: rank(queries[row["key"]], row["hits"]) for row in rows}
    return {key: found.get(key, []) for key in queries}


def match(name: str, types: tuple[str, ...] = (), properties: tuple[tuple[str, str], ...] = (),
          limit: int = 5, t: datetime = FAR_FUTURE) -> Plan[list[Candidate]]:
    """Ranked candidates {id, name, type, score 0-100, match, features} for one name."""
    found = yield from match_many({"q": MatchQuery(name, types, properties, limit)}, t)
    return found["q"]
