"""Seed and import records: their pydantic models and the whole-bundle validation.

Validation runs before anything is written and collects every problem, each
naming the file, the record and the field, so one bad record rejects the batch
with a full report.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import SeedError
from app.schema import FACT_ID_PATTERN, ID_PATTERN, EntityType, RelType, get_schema, properties_model

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=200)]
FactId = Annotated[str, Field(pattern=FACT_ID_PATTERN, max_length=400)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Citation(Strict):
    source: Id = Field(description="Id of the Source that supports the fact.")
    quote: str = Field(min_length=3, description="Words copied exactly from the source text.")
    confidence: float = Field(
        ge=0, le=1, description="How sure the curator is that the quote supports the fact."
    )
    mode: Literal["asserted", "attributed"] = Field(
        description="asserted: the source states the fact itself; attributed: it reports someone's claim."
    )
    attributed_to: Id | None = Field(None, description="Who made the claim, for attributed citations.")
    fields: list[str] = Field(default_factory=list, description="Entity attributes the quote supports.")

    @model_validator(mode="after")
    def _attribution(self) -> "Citation":
        if self.mode == "attributed" and not self.attributed_to:
            raise ValueError("an attributed citation needs attributed_to")
        return self


class SourceRecord(Strict):
    id: Id
    kind: Literal["news_article", "document", "press_release", "report"]
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    document: str | None = None
    language: str | None = None
    text: str | None = Field(None, description="The full text, inline.")
    text_file: str | None = Field(None, description="Or a file beside the seed file holding it.")
    recorded_at: datetime | None = Field(
        None, description="When the fact entered the graph; kept by RDF restores, else set on write."
    )

    @model_validator(mode="after")
    def _has_text(self) -> "SourceRecord":
        if bool(self.text) == bool(self.text_file):
            raise ValueError("give exactly one of text and text_file")
        return self


class EntityRecord(Strict):
    id: Id
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    names: dict[str, str] = Field(default_factory=dict)
    description: str | None = None
    wikidata_qid: str | None = Field(None, pattern=r"^Q[1-9][0-9]*$")
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[Citation] = Field(min_length=1)
    recorded_at: datetime | None = Field(
        None, description="When the fact entered the graph; kept by RDF restores, else set on write."
    )


class RelationshipRecord(Strict):
    id: FactId | None = None
    type: RelType
    from_id: Id = Field(alias="from")
    to_id: Id = Field(alias="to")
    valid_from: date | None = None
    valid_to: date | None = None
    date_text: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[Citation] = Field(min_length=1)
    recorded_at: datetime | None = Field(
        None, description="When the fact entered the graph; kept by RDF restores, else set on write."
    )

    @model_validator(mode="after")
    def _dates(self) -> "RelationshipRecord":
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    @property
    def fact_id(self) -> str:
        return self.id or f"{self.from_id}--{self.type.lower().replace('_', '-')}--{self.to_id}"


@dataclass
class Bundle:
    """Everything to write in one go, after validation."""

    sources: list[tuple[SourceRecord, str]] = field(default_factory=list)  # with its text
    entities: list[EntityRecord] = field(default_factory=list)
    relationships: list[RelationshipRecord] = field(default_factory=list)


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote_in_text(quote: str, text: str) -> bool:
    """Word for word, ignoring only differences in white space."""
    return _squash(quote) in _squash(text)


def describe(error: ValidationError) -> list[str]:
    out = []
    for err in error.errors():
        loc = ".".join(str(part) for part in err["loc"]) or "(record)"
        out.append(f"field {loc}: {err['msg']}")
    return out


def _parse(model: type[BaseModel], raw: Any, where: str, problems: list[str]) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(f"{where}: {msg}" for msg in describe(exc))
        return None


def _record_label(file: str, index: int, raw: Any) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return f"{file}: record {index}" + (f" (id={rid})" if rid else "")


def read_records(path: Path, problems: list[str]) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        problems.append(f"{path}: not valid YAML: {exc}")
        return []
    if not isinstance(data, list):
        problems.append(f"{path}: expected a list of records")
        return []
    return data


def parse_bundle(folders: list[Path]) -> tuple[Bundle, list[str], dict[str, str]]:
    """Parse every seed folder; return the bundle, the problems and where each record came from."""
    bundle, problems, origin = Bundle(), list[str](), dict[str, str]()
    for folder in folders:
        for kind, model in (("sources", SourceRecord), ("entities", EntityRecord),
                            ("relationships", RelationshipRecord)):
            path = folder / f"{kind}.yaml"
            if not path.exists():
                continue
            for index, raw in enumerate(read_records(path, problems)):
                where = _record_label(str(path), index, raw)
                record = _parse(model, raw, where, problems)
                if record is None:
                    continue
                if isinstance(record, SourceRecord):
                    text = record.text
                    if record.text_file:
                        text_path = folder / record.text_file
                        if not text_path.is_file():
                            problems.append(f"{where}: field text_file: no file {text_path}")
                            continue
                        text = text_path.read_text(encoding="utf-8")
                    bundle.sources.append((record, text or ""))
                    origin[f"source:{record.id}"] = where
                elif isinstance(record, EntityRecord):
                    bundle.entities.append(record)
                    origin[f"entity:{record.id}"] = where
                else:
                    bundle.relationships.append(record)
                    origin[f"rel:{record.fact_id}"] = where
    return bundle, problems, origin


def _property_problems(kind: str, properties: dict[str, Any], where: str) -> list[str]:
    """Type-specific properties checked against the schema's model for `kind`."""
    try:
        properties_model(kind).model_validate(properties)
    except ValidationError as exc:
        return [f"{where}: {msg.replace('field ', 'field properties.', 1)}" for msg in describe(exc)]
    return []


def _duplicate_problems(kind: str, ids: list[tuple[str, str]]) -> list[str]:
    """(id, where) pairs: one problem for each id seen before."""
    seen: set[str] = set()
    problems = []
    for ident, where in ids:
        if ident in seen:
            problems.append(f"{where}: field id: duplicate {kind} id {ident}")
        seen.add(ident)
    return problems


def check_bundle(
    bundle: Bundle,
    origin: dict[str, str],
    known_sources: dict[str, str] | None = None,
    known_entities: dict[str, str] | None = None,
) -> list[str]:
    """Cross-record checks. `known_*` are what the database already holds (id -> text/type)."""
    schema = get_schema()
    problems: list[str] = []
    source_text = dict(known_sources or {})
    entity_type = dict(known_entities or {})

    problems += _duplicate_problems("source", [(r.id, origin.get(f"source:{r.id}", r.id))
                                               for r, _ in bundle.sources])
    problems += _duplicate_problems("entity", [(e.id, origin.get(f"entity:{e.id}", e.id))
                                               for e in bundle.entities])
    problems += _duplicate_problems("relationship", [
        (r.fact_id, origin.get(f"rel:{r.fact_id}", r.fact_id)) for r in bundle.relationships])
    source_text.update((record.id, text) for record, text in bundle.sources)
    entity_type.update((entity.id, str(entity.type)) for entity in bundle.entities)

    for record, _ in bundle.sources:
        if record.id in entity_type:
            problems.append(f"{origin.get(f'source:{record.id}', record.id)}: field id: "
                            f"{record.id} is already an entity id; ids share one URI space")

    def check_citations(citations: list[Any], where: str) -> None:
        for i, cite in enumerate(citations):
            if cite.source not in source_text:
                problems.append(f"{where}: field citations.{i}.source: unknown source {cite.source}")
            elif not quote_in_text(cite.quote, source_text[cite.source]):
                problems.append(
                    f"{where}: field citations.{i}.quote: not found word for word in source "
                    f"{cite.source}: {cite.quote!r}"
                )
            if cite.attributed_to and cite.attributed_to not in entity_type:
                problems.append(
                    f"{where}: field citations.{i}.attributed_to: unknown entity {cite.attributed_to}"
                )

    for entity in bundle.entities:
        where = origin.get(f"entity:{entity.id}", entity.id)
        node = schema.nodes[str(entity.type)]
        problems += _property_problems(node.label, entity.properties, where)
        check_citations(entity.citations, where)
        cited = {f for c in entity.citations for f in c.fields}
        for name in entity.properties:
            spec = node.properties.get(name)
            if spec and not spec.reference and name not in cited:
                problems.append(
                    f"{where}: field properties.{name}: no citation lists it in `fields`"
                )
        for i, cite in enumerate(entity.citations):
            for f in cite.fields:
                if f not in node.properties and f not in schema.entity_properties:
                    problems.append(f"{where}: field citations.{i}.fields: unknown attribute {f!r}")

    for rel in bundle.relationships:
        where = origin.get(f"rel:{rel.fact_id}", rel.fact_id)
        rel_spec = schema.relationships[str(rel.type)]
        for end, ident, allowed in (("from", rel.from_id, rel_spec.from_labels),
                                    ("to", rel.to_id, rel_spec.to_labels)):
            actual = entity_type.get(ident)
            if actual is None:
                problems.append(f"{where}: field {end}: unknown entity {ident}")
            elif actual not in allowed:
                problems.append(
                    f"{where}: field {end}: {rel.type} cannot {'start' if end == 'from' else 'end'} "
                    f"at a {actual} (allowed: {', '.join(allowed)})"
                )
        problems += _property_problems(rel_spec.type, rel.properties, where)
        check_citations(rel.citations, where)
    return problems


def load_bundle(folders: list[Path]) -> Bundle:
    """Parse and check seed folders; raise SeedError listing every problem."""
    bundle, problems, origin = parse_bundle(folders)
    if not problems:
        problems = check_bundle(bundle, origin)
    if problems:
        raise SeedError(problems)
    return bundle


def seed_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
