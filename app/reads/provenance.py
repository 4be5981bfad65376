"""Provenance questions over cited facts (GET /facts): by source, confidence, mode, speaker,
entity, type, valid period, and the words of their quotes."""

from typing import Any

from app.extract.spans import sentences
from app.model.facts import FactOut, FactsOut, FactsParams, SourcesParams, SourceSummary
from app.store.codec import plain
from app.store.cypher import load
from app.store.db import Plan, step

RECALL = 1000  # quote-index hits considered before the other filters


def _fact(row: dict[str, Any]) -> FactOut:
    dates = {k: plain(v) for k, v in (row["dates"] or {}).items()}
    citations = [{**c, "attributed_to": c["attributed_to"] or None,
                  "fields": [f for f in (c["fields"] or "").split(",") if f]} for c in row["citations"]]
    return FactOut(id=row["id"], type=row["type"], subject=row["subject"], object=row["object"],
                   score=round(row["score"], 3) if row["score"] else None, citations=citations, **dates)


def list_facts(params: FactsParams) -> Plan[FactsOut]:
    rows = yield step(load("facts"), q=params.lucene, cap=RECALL, t=params.t,
                      rel_type=params.rel_type and str(params.rel_type), entity=params.entity,
                      source=params.source, min_confidence=params.min_confidence,
                      max_confidence=params.max_confidence, mode=params.mode,
                      attributed_to=params.attributed_to, include_undated=params.include_undated,
                      as_of=params.as_of, to=params.to, offset=params.offset, limit=params.limit + 1,
                      **{"from": params.from_})
    return FactsOut(results=[_fact(r) for r in rows[:params.limit]], more=len(rows) > params.limit,
                    query=params.model_dump(mode="json", by_alias=True, exclude_none=True,
                                            exclude={"limit", "offset"}))


def list_sources(params: SourcesParams) -> Plan[list[SourceSummary]]:
    rows = yield step(load("source_list"), t=params.t, publisher=params.publisher,
                      lucene=params.lucene, offset=params.offset, limit=params.limit)
    return [SourceSummary(**{k: plain(v) for k, v in row["source"].items()}, score=row["score"],
                          lede=lede(row["opening"]), relationships=row["relationships"],
                          entities=row["entities"]) for row in rows]


def lede(opening: str) -> str:
    """The first sentence of a text's opening, cut at a word near 200 characters."""
    found = sentences(opening)
    sentence = " ".join((opening[found[0].start:found[0].end] if found else opening).split())
    return sentence if len(sentence) <= 200 else sentence[:200].rsplit(" ", 1)[0] + " …"
