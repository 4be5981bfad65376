"""Scores ingestion proposals against the labelled articles in articles/.

Named entities are people, organisations, countries and places. A labelled entity is found
when a proposed mention's words (folded) are one of its names; a proposed mention of those
types is right when its words are a name of some labelled entity. Linking: each mention of
a labelled entity the graph holds must be proposed as a link to that entity (a "new"
proposal there would be a duplicate). A proposed relation is right when a labelled one has
its subject's words, its type, and its object's words (or "*").
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.model.ingest import Ingest
from app.text import fold

ARTICLES = Path(__file__).with_name("articles")
NAMED = {"Person", "Organization", "Country", "Place"}


def articles(held_out: bool) -> list[dict[str, Any]]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8")) | {"file": p.name}
             for p in sorted(ARTICLES.glob("*.yaml"))]
    return [a for a in found if a["held_out"] == held_out]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    proposed: int = 0
    right: int = 0
    links: int = 0
    linked_right: int = 0
    duplicates: int = 0
    relations: int = 0
    relations_right: int = 0
    relations_gold: int = 0
    relations_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def ratios(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(100 * a / b, 1) if b else 100.0
        return {"recall": ratio(self.found, self.gold), "precision": ratio(self.right, self.proposed),
                "linking": ratio(self.linked_right, self.links),
                "relation_precision": ratio(self.relations_right, self.relations),
                "relation_recall": ratio(self.relations_found, self.relations_gold)}


def score(article: dict[str, Any], ingest: Ingest) -> Score:
    s = Score()
    names = {fold(n): e for e in article["entities"] for n in e["names"]}
    texts = {fold(m.text) for m in ingest.mentions}
    for entity in article["entities"]:
        s.gold += 1
        if any(fold(n) in texts for n in entity["names"]):
            s.found += 1
        else:
            s.misses.append(f"missed {entity['names'][0]}")
    proposed = {fold(m.text) for m in ingest.mentions if m.type in NAMED}
    s.proposed, s.right = len(proposed), len(proposed & set(names))
    s.misses += [f"extra {p}" for p in sorted(proposed - set(names))]
    for m in ingest.mentions:
        entity = names.get(fold(m.text))
        if entity and entity["link"]:
            s.links += 1
            ok = m.proposal == "link" and m.candidates[0].id == entity["link"]
            s.linked_right += ok
            s.duplicates += m.proposal == "new"
            if not ok:
                s.misses.append(f"mislinked {m.text} -> {m.candidates[0].id if m.candidates else None}")
    _relations(article, ingest, s)
    return s


def _relations(article: dict[str, Any], ingest: Ingest, s: Score) -> None:
    words = {m.id: fold(m.text) for m in ingest.mentions}
    gold = [(fold(a), t, b if b == "*" else fold(b)) for a, t, b in article["relations"]]
    proposed = [(words[r.subject], r.type, words[r.object]) for r in ingest.relations]
    fits = [any(g[0] == p[0] and g[1] == p[1] and g[2] in ("*", p[2]) for g in gold) for p in proposed]
    s.relations, s.relations_right = len(proposed), sum(fits)
    s.relations_gold = len(gold)
    s.relations_found = sum(any(g[0] == p[0] and g[1] == p[1] and g[2] in ("*", p[2])
                                for p in proposed) for g in gold)
    s.misses += [f"wrong relation {p}" for p, ok in zip(proposed, fits, strict=True) if not ok]
