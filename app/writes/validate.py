"""Whole-bundle validation of records before anything is written.

Validation collects every problem, each naming the file, the record and the field,
so one bad record rejects the batch with a full report.
"""

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from app.errors import SeedError
from app.model.records import Bundle, EntityRecord, RelationshipRecord, SourceRecord
from app.schema.loader import get_schema
from app.schema.types import properties_model


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


def _stage_problems(label: str, allowed: tuple[str, ...], stages: list[Any], where: str) -> list[str]:
    if stages and not allowed:
        return [f"{where}: field lifecycle: a {label} has no lifecycle"]
    return [f"{where}: field lifecycle.{k}.stage: a {label} has no stage {stage.stage!r} "
            f"(allowed: {', '.join(allowed)})"
            for k, stage in enumerate(stages) if stage.stage not in allowed]


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

    for record, text in bundle.sources:
        if not text.strip():
            problems.append(f"{origin.get(f'source:{record.id}', record.id)}: field text: a source "
                            "needs its full text, which every quote is checked against")
        if record.id in entity_type:
            problems.append(f"{origin.get(f'source:{record.id}', record.id)}: field id: "
                            f"{record.id} is already an entity id; ids share one URI space")

    def check_citations(citations: list[Any], where: str, at: str = "citations.{}") -> None:
        for i, cite in enumerate(citations):
            field = at.format(i)
            if cite.source not in source_text:
                problems.append(f"{where}: field {field}.source: unknown source {cite.source}")
            elif not quote_in_text(cite.quote, source_text[cite.source]):
                problems.append(
                    f"{where}: field {field}.quote: not found word for word in source "
                    f"{cite.source}: {cite.quote!r}"
                )
            if cite.attributed_to and cite.attributed_to not in entity_type:
                problems.append(
                    f"{where}: field {field}.attributed_to: unknown entity {cite.attributed_to}"
                )

    for entity in bundle.entities:
        where = origin.get(f"entity:{entity.id}", entity.id)
        node = schema.nodes[str(entity.type)]
        problems += _property_problems(node.label, entity.properties, where)
        problems += _stage_problems(node.label, node.lifecycle, entity.lifecycle, where)
        check_citations(entity.citations, where)
        for k, stage in enumerate(entity.lifecycle):
            check_citations([stage.citation], where, f"lifecycle.{k}.citation")
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


def record_time_problems(bundle: Bundle, origin: dict[str, str]) -> list[str]:
    """Record time is the server's: a write (or batch) that sets `recorded_at` could back-date
    a fact into a view already published. Only the operator's RDF restore keeps one."""
    dated = [(f"source:{s.id}", s.recorded_at) for s, _ in bundle.sources]
    dated += [(f"entity:{e.id}", e.recorded_at) for e in bundle.entities]
    dated += [(f"rel:{r.fact_id}", r.recorded_at) for r in bundle.relationships]
    return [f"{origin.get(key, key)}: field recorded_at: set by the server when the record is "
            "written; leave it out" for key, at in dated if at is not None]
