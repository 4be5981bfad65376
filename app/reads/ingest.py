"""Article ingestion, the reading half: an article becomes proposals (mentions linked by the
matcher, relations with their evidence and dates), and the review queue is read back.
Storing and reviewing are `app.writes.ingest`."""

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from app.extract.article import Extraction, extract
from app.extract.dates import FoundDate
from app.extract.defaults import defaults
from app.extract.gazetteer import Names
from app.extract.keys import mention_key, relation_key
from app.extract.mentions import Found
from app.extract.relations import FoundRelation
from app.model.ingest import (
    DateMention,
    Evidence,
    Ingest,
    IngestIn,
    IngestSource,
    IngestSummary,
    Mention,
    MentionCandidate,
    Relation,
    Span,
)
from app.model.matching import Candidate
from app.reads.matching import MatchQuery, match_many
from app.reads.names import tokens
from app.store.codec import plain
from app.store.cypher import load
from app.store.db import Plan, step

# A mention links to its top candidate at STRONG; at LINK_AT only when every word of the
# mention is in the candidate's name ("Darien" is the Darién Gap), never the other way
# round ("Panama City" is not Panama, a new agreement "between Panama and Costa Rica" is not
# the U.S.-Panama one). The reconciliation API's `match: true` (90 and a lead) is stricter
# still: it links without a person looking.
STRONG = 90.0
LINK_AT = 85.0


def ingest_ids(text: str) -> tuple[str, str]:
    """The ingest's id and the source id it becomes, both from the text's content hash."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"ingest-{digest}", f"article-{digest}"


# Types a rule is sure of: a name after a title is a person; what a relation pattern
# proposes ("an agreement", "visa requirements", "said") is of its pattern's type. A capitalised
# run's guess (organisation or place) may be wrong, so those match among every type.
SURE_TYPES = {"Country", "Person", "Agreement", "Policy", "Statement", "Event", "Post"}


def _query(found: Found) -> MatchQuery:
    """Countries match on the country's name ("Venezuelan" is Venezuela) among countries."""
    return MatchQuery(found.name, (found.type,) if found.type in SURE_TYPES else ())


def _key(query: MatchQuery) -> str:
    return f"{query.name}|{','.join(query.types)}"


def links(found: Found, top: Candidate | None) -> bool:
    if top is None or top.score < LINK_AT:
        return False
    return top.score >= STRONG or set(tokens(found.name)) <= set(tokens(top.name))


def _mention(index: int, found: Found, ex: Extraction, ranked: list[Candidate]) -> Mention:
    sentence = ex.article.sentence_at(found.start)
    link = links(found, ranked[0] if ranked else None)
    type_ = ranked[0].type if link else found.type
    return Mention(id=f"m{index}", start=found.start, end=found.end,
                   text=ex.article.text[found.start:found.end], type=type_, name=found.name,
                   sentence=Span(start=sentence.start, end=sentence.end),
                   candidates=[MentionCandidate(id=c.id, name=c.name, type=c.type, score=c.score)
                               for c in ranked],
                   proposal="link" if link else "new",
                   properties={} if link else defaults(type_, found.name, found.properties))


def _dates_in(rel: FoundRelation, dates: list[FoundDate]) -> list[FoundDate]:
    return [d for d in dates if rel.sentence.start <= d.start < rel.sentence.end]


def _relation(index: int, rel: FoundRelation, ex: Extraction) -> Relation:
    found = _dates_in(rel, ex.dates)
    days = [d.value for d in found if d.precision == "day" and d.value]
    quote = rel.sentence.of(ex.article.text)
    return Relation(id=f"r{index}", subject=f"m{rel.subject}", type=rel.type,
                    object=f"m{rel.object}",
                    evidence=Evidence(start=rel.sentence.start, end=rel.sentence.end, quote=quote),
                    valid_from=days[0] if days else None,
                    date_text="; ".join(d.text for d in found) or None, mode=rel.mode,
                    attributed_to=None if rel.attributed_to is None else f"m{rel.attributed_to}")


def _keys(ex: Extraction) -> tuple[list[str], list[str]]:
    text = ex.article.text
    mentions = [mention_key(text[m.start:m.end], m.type) for m in ex.mentions]
    relations = [relation_key(text[ex.mentions[r.subject].start:ex.mentions[r.subject].end], r.type,
                              text[ex.mentions[r.object].start:ex.mentions[r.object].end])
                 for r in ex.relations]
    return mentions, relations


def _unrejected(ex: Extraction, rejected: set[str]) -> Extraction:
    """Leave out what a reviewer rejected before, and relations that lose an end."""
    mention_keys, relation_keys = _keys(ex)
    gone = {i for i, key in enumerate(mention_keys) if key in rejected}
    rels = [r for r, key in zip(ex.relations, relation_keys, strict=True) if key not in rejected
            and not {r.subject, r.object, r.attributed_to} & gone]
    if not gone:
        return Extraction(ex.article, ex.mentions, rels, ex.dates)
    kept = [i for i in range(len(ex.mentions)) if i not in gone]
    new = {old: new for new, old in enumerate(kept)}
    rels = [FoundRelation(new[r.subject], r.type, new[r.object], r.sentence, r.mode,
                          None if r.attributed_to is None else new[r.attributed_to]) for r in rels]
    return Extraction(ex.article, [ex.mentions[i] for i in kept], rels, ex.dates)


def propose(req: IngestIn, gazetteers: list[Names]) -> Plan[Ingest]:
    """The article's proposals: two round trips (rejected keys, then one batched match)."""
    ex = extract(req.text, req.published, gazetteers)
    keys = [k for ks in _keys(ex) for k in ks]
    rows = yield step(load("ingest_rejected"), keys=keys)
    ex = _unrejected(ex, set(rows[0]["rejected"]) if rows else set())
    queries = {_key(q): q for q in map(_query, ex.mentions)}
    ranked = yield from match_many(queries)
    ingest_id, source_id = ingest_ids(req.text)
    return Ingest(
        id=ingest_id, status="pending", created_at=datetime.now(UTC), text=req.text,
        source=IngestSource(id=source_id, **req.model_dump(exclude={"text"})),
        mentions=[_mention(i, f, ex, ranked[_key(_query(f))]) for i, f in enumerate(ex.mentions)],
        relations=[_relation(i, r, ex) for i, r in enumerate(ex.relations)],
        dates=[DateMention(start=d.start, end=d.end, text=d.text, value=d.value,
                           precision=d.precision) for d in ex.dates])


def from_props(props: dict[str, Any]) -> Ingest:
    payload = json.loads(props["payload"])
    source = IngestSource(id=props["source_id"], **{k: plain(props.get(k)) for k in
                                                    ("title", "url", "publisher", "published",
                                                     "language")})
    return Ingest(id=props["id"], status=props["status"], created_at=plain(props["created_at"]),
                  reviewed_at=plain(props.get("reviewed_at")), source=source, text=props["text"],
                  **payload)


def get_ingest(ingest_id: str) -> Plan[Ingest | None]:
    rows = yield step(load("ingest_get"), id=ingest_id)
    return from_props(rows[0]["props"]) if rows else None


def list_ingests(status: str | None, limit: int, offset: int) -> Plan[list[IngestSummary]]:
    rows = yield step(load("ingest_list"), status=status, limit=limit, offset=offset)
    return [IngestSummary(**{k: plain(v) for k, v in row.items()}) for row in rows]
