"""Article ingestion, the writing half: proposals stored under their own label, and a
review that writes what was accepted (source, new entities, relationships with the
evidence sentence as their quote) through the curation path in one transaction."""

import json
import re
from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from app.errors import Conflict, InvalidInput
from app.extract.defaults import defaults
from app.extract.keys import mention_key, relation_key
from app.model.actors import Actor
from app.model.ingest import Ingest, Mention, Relation, ReviewIn, ReviewOut
from app.model.records import Bundle, Citation, EntityRecord, RelationshipRecord, SourceRecord
from app.store.cypher import load
from app.store.db import Graph
from app.text import fold
from app.writes.curation import record, validate
from app.writes.history import ChangeSet
from app.writes.loader import bundle_rows, write_rows_tx


def _payload(ingest: Ingest) -> str:
    return json.dumps(ingest.model_dump(mode="json", include={"mentions", "relations", "dates"}))


def save_ingest(graph: Graph, ingest: Ingest, actor: Actor) -> bool:
    """Store the proposals; False when the same text was stored before (nothing changes)."""
    src = ingest.source
    props = {"id": ingest.id, "status": "pending", "created_at": ingest.created_at,
             "created_by": actor.key_id, "text": ingest.text, "source_id": src.id,
             "title": src.title, "url": src.url, "publisher": src.publisher,
             "published": src.published, "language": src.language, "payload": _payload(ingest),
             "mention_count": len(ingest.mentions), "relation_count": len(ingest.relations)}
    rows = graph.write(load("ingest_create"), id=ingest.id, props=props)
    return bool(rows and rows[0]["created"])


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].strip("-") or "entity"


class Review:
    """One review: each decision checked against the ingest, then turned into records."""

    def __init__(self, graph: Graph, ingest: Ingest, decisions: ReviewIn) -> None:
        if ingest.status != "pending":
            raise Conflict(f"ingest {ingest.id!r} was {ingest.status} already")
        self.graph, self.ingest, self.decisions = graph, ingest, decisions
        self.mentions = {m.id: m for m in ingest.mentions}
        self.relations = {r.id: r for r in ingest.relations}
        self._unknown("mentions", set(decisions.mentions) - set(self.mentions))
        self._unknown("relations", set(decisions.relations) - set(self.relations))
        self.entity_of: dict[str, str] = {}
        self.created: list[EntityRecord] = []
        self.taken: set[str] = set()
        self.new_ids: dict[tuple[str, str], str] = {}

    @staticmethod
    def _unknown(field: str, ids: set[str]) -> None:
        if ids:
            raise InvalidInput(f"field {field}: no such proposal: {', '.join(sorted(ids))}",
                               field=field)

    def cite(self, quote: str, mode: str = "asserted", by: str | None = None,
             fields: list[str] | None = None) -> Citation:
        return Citation(source=self.ingest.source.id, quote=quote, confidence=self.decisions.confidence,
                        mode=mode, attributed_to=by, fields=fields or [])

    def resolve_mentions(self) -> None:
        for mid, decision in self.decisions.mentions.items():
            mention = self.mentions[mid]
            if decision.action == "link":
                if not decision.id:
                    raise InvalidInput(f"field mentions.{mid}.id: link needs the id to link to",
                                       field=f"mentions.{mid}.id")
                self.entity_of[mid] = decision.id
            elif decision.action == "accept":
                self._accept(mid, mention, decision.name, decision.type)

    def _accept(self, mid: str, mention: Mention, name: str | None, type_: str | None) -> None:
        if mention.proposal == "link" and mention.candidates and not (name or type_):
            self.entity_of[mid] = mention.candidates[0].id
            return
        name, type_ = name or mention.name, type_ or mention.type
        if (type_, name) in self.new_ids:  # "Guatemala" said twice is one new country
            self.entity_of[mid] = self.new_ids[(type_, name)]
            return
        entity_id = self.new_ids[(type_, name)] = self._free_id(slug(name))
        quote = self.ingest.text[mention.sentence.start:mention.sentence.end]
        given = mention.properties if type_ == mention.type else {}
        props = defaults(type_, name, given)
        # "X and Y signed an agreement": the new agreement's first stage, cited by that sentence.
        stages = [{"stage": given["stage"], "citation": self.cite(quote).model_dump()}
                  ] if "stage" in given else []
        self.created.append(record(EntityRecord, {
            "id": entity_id, "type": type_, "name": name, "properties": props, "lifecycle": stages,
            "citations": [self.cite(quote, fields=["name", *props]).model_dump()]}, f"mentions.{mid}"))
        self.entity_of[mid] = entity_id

    def _free_id(self, base: str) -> str:
        held = {row["id"] for row in self.graph.read(load("known_entities"),
                                                     ids=[base, *(f"{base}-{n}" for n in range(2, 50))])}
        for candidate in [base, *(f"{base}-{n}" for n in range(2, 1000))]:
            if candidate not in held and candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        raise Conflict(f"no free id for {base!r}")

    def relationships(self) -> list[RelationshipRecord]:
        out = []
        for rid, decision in self.decisions.relations.items():
            if decision.action == "accept":
                out.append(self._relationship(rid, self.relations[rid], decision))
        return out

    def _end(self, rid: str, mid: str | None) -> str | None:
        if mid is None:
            return None
        if mid not in self.entity_of:
            raise InvalidInput(f"field relations.{rid}: mention {mid} is not accepted or linked; "
                               "accept it too, or reject the relation", field=f"relations.{rid}")
        return self.entity_of[mid]

    def _relationship(self, rid: str, rel: Relation, decision: Any) -> RelationshipRecord:
        data = {"type": decision.type or rel.type, "from": self._end(rid, rel.subject),
                "to": self._end(rid, rel.object),
                "valid_from": decision.valid_from or rel.valid_from,
                "valid_to": decision.valid_to or rel.valid_to, "date_text": rel.date_text,
                "citations": [self.cite(rel.evidence.quote, rel.mode,
                                        self._end(rid, rel.attributed_to)).model_dump()]}
        return record(RelationshipRecord, data, f"relations.{rid}")

    def bundle(self) -> Bundle:
        self.resolve_mentions()
        rels = self.relationships()
        src = self.ingest.source
        source = SourceRecord(id=src.id, kind="news_article", title=src.title, url=src.url,
                              publisher=src.publisher, published=src.published,
                              language=src.language, text=self.ingest.text)
        return Bundle(sources=[(source, self.ingest.text)] if (self.created or rels) else [],
                      entities=self.created, relationships=rels)

    def closed(self) -> Ingest:
        """The ingest with every decision marked on its proposals."""
        out = self.ingest.model_copy(deep=True)
        for m in out.mentions:
            action = self.decisions.mentions.get(m.id)
            m.decision = {"accept": "accepted", "link": "linked", "reject": "rejected"}.get(
                action.action) if action else None
            m.entity = self.entity_of.get(m.id)
        for r in out.relations:
            verdict = self.decisions.relations.get(r.id)
            r.decision = ("accepted" if verdict.action == "accept" else "rejected") if verdict else None
        return out

    def rejections(self) -> list[str]:
        keys = [mention_key(self.mentions[mid].text, self.mentions[mid].type)
                for mid, d in self.decisions.mentions.items() if d.action == "reject"]
        for rid, d in self.decisions.relations.items():
            if d.action == "reject":
                rel = self.relations[rid]
                keys.append(relation_key(self.mentions[rel.subject].text, rel.type,
                                         self.mentions[rel.object].text))
        return keys


def review(graph: Graph, ingest: Ingest, decisions: ReviewIn, actor: Actor) -> ReviewOut:
    """Write the accepted proposals and close the ingest, in one transaction (or nothing)."""
    work = Review(graph, ingest, decisions)
    bundle = work.bundle()
    if bundle.sources:
        validate(graph, bundle)
    closed = work.closed()
    status = "reviewed" if bundle.sources else "rejected"
    sources, entities, rels = bundle_rows(bundle)
    changes = ChangeSet(actor)

    def write(tx: ManagedTransaction) -> None:
        changes.rows.clear()
        write_rows_tx(tx, sources, entities, rels, changes)
        changes.write(tx)
        done = tx.run(load("ingest_review"), id=ingest.id, status=status, payload=_payload(closed),
                      now=datetime.now(UTC), reviewer=actor.key_id,
                      rejections=work.rejections()).single(strict=True)["updated"]
        if not done:  # another review closed it between our read and this write
            raise Conflict(f"ingest {ingest.id!r} was reviewed already")

    graph.write_transaction(write)
    return ReviewOut(id=ingest.id, status=status, source=ingest.source.id if bundle.sources else None,
                     created=[e.id for e in work.created],
                     linked=sorted({v for v in work.entity_of.values()} - {e.id for e in work.created}),
                     relationships=[r.fact_id for r in bundle.relationships],
                     rejected=len(work.rejections()))
