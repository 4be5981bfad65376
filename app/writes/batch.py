"""Batch files in the seed format: JSON ({"sources", "entities", "relationships"}) or CSV.

CSV has one row per record and citation. `record` says which kind; rows that
repeat a record (same kind and id, or for relationships the same from/type/to)
add citations to it. List cells are separated by ";", names are "lang:text",
properties are a JSON object.
"""

import csv
import io
import json
from typing import Any

from pydantic import ValidationError

from app.errors import InvalidInput, PayloadTooLarge, SeedError
from app.model.records import Bundle, EntityRecord, RelationshipRecord, SourceRecord
from app.writes.validate import describe

CSV_COLUMNS = ["record", "id", "type", "name", "aliases", "names", "description", "wikidata_qid",
               "from", "to", "valid_from", "valid_to", "date_text", "properties", "source", "quote",
               "confidence", "mode", "attributed_to", "fields", "kind", "title", "publisher", "url",
               "published", "language", "text"]
CITATION_COLUMNS = ("source", "quote", "confidence", "mode", "attributed_to", "fields")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _csv_record(row: dict[str, str], where: str, problems: list[str]) -> tuple[str, str, dict[str, Any]]:
    kind = row.get("record", "").strip()
    cells = {k: (v or "").strip() for k, v in row.items() if k}
    data: dict[str, Any] = {}
    if kind == "source":
        for key in ("id", "kind", "title", "publisher", "url", "published", "language", "text"):
            if cells.get(key):
                data[key] = cells[key]
        return kind, data.get("id", ""), data
    if kind not in ("entity", "relationship"):
        problems.append(f"{where}: field record: expected source, entity or relationship")
        return kind, "", data
    for key in ("id", "type", "name", "description", "wikidata_qid", "from", "to", "valid_from",
                "valid_to", "date_text"):
        if cells.get(key):
            data[key] = cells[key]
    if cells.get("aliases"):
        data["aliases"] = _split(cells["aliases"])
    if cells.get("names"):
        data["names"] = dict(p.split(":", 1) for p in _split(cells["names"]) if ":" in p)
    if cells.get("properties"):
        try:
            data["properties"] = json.loads(cells["properties"])
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: field properties: not a JSON object ({exc.msg})")
    key = data.get("id") or f"{data.get('from')}|{data.get('type')}|{data.get('to')}"
    return kind, key, data


def _citation(row: dict[str, str]) -> dict[str, Any] | None:
    cells = {k: (row.get(k) or "").strip() for k in CITATION_COLUMNS}
    if not cells["source"] and not cells["quote"]:
        return None
    cite: dict[str, Any] = {"source": cells["source"], "quote": cells["quote"],
                            "mode": cells["mode"] or "asserted", "fields": _split(cells["fields"])}
    cite["confidence"] = cells["confidence"] or None
    if cells["attributed_to"]:
        cite["attributed_to"] = cells["attributed_to"]
    return cite


def parse_csv(text: str) -> dict[str, list[dict[str, Any]]]:
    try:
        return _parse_csv(text)
    except csv.Error as exc:  # e.g. a stray carriage return inside a field
        raise InvalidInput(f"not valid CSV: {exc}") from exc


def _parse_csv(text: str) -> dict[str, list[dict[str, Any]]]:
    # newline="": the csv module reads line endings itself, quoted ones included.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    unknown = sorted(set(reader.fieldnames or []) - set(CSV_COLUMNS))
    if not reader.fieldnames or "record" not in reader.fieldnames:
        raise InvalidInput("the CSV needs a header row with a `record` column; columns: "
                           + ", ".join(CSV_COLUMNS))
    if unknown:
        raise InvalidInput(f"unknown CSV column(s): {', '.join(unknown)}; known: {', '.join(CSV_COLUMNS)}")
    problems: list[str] = []
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for line, row in enumerate(reader, start=2):
        where = f"line {line}"
        kind, key, data = _csv_record(row, where, problems)
        if kind not in ("source", "entity", "relationship"):
            continue
        record = records.setdefault((kind, key), {**data, "citations": []})
        cite = _citation(row)
        if cite and kind != "source":
            record["citations"].append(cite)
    if problems:
        raise SeedError(problems)
    out: dict[str, list[dict[str, Any]]] = {"sources": [], "entities": [], "relationships": []}
    for (kind, _), record in records.items():
        if kind == "source":
            record.pop("citations")
        out[{"source": "sources", "entity": "entities", "relationship": "relationships"}[kind]].append(record)
    return out


def parse_json(text: str) -> dict[str, list[dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(data, dict) or not set(data) <= {"sources", "entities", "relationships"}:
        raise InvalidInput('expected an object with "sources", "entities" and/or "relationships" lists')
    for key, value in data.items():
        if not isinstance(value, list):
            raise InvalidInput(f'"{key}" must be a list of records')
    return data


def to_bundle(data: dict[str, list[dict[str, Any]]]) -> Bundle:
    """Validate every record (all problems reported, each with its record and field)."""
    bundle, problems = Bundle(), list[str]()
    models: list[tuple[str, type[Any]]] = [("sources", SourceRecord), ("entities", EntityRecord),
                                           ("relationships", RelationshipRecord)]
    for key, model in models:
        for index, raw in enumerate(data.get(key, [])):
            label = raw.get("id") if isinstance(raw, dict) else None
            where = f"{key}[{index}]" + (f" (id={label})" if label else "")
            try:
                record = model.model_validate(raw)
            except ValidationError as exc:
                problems.extend(f"{where}: {m}" for m in describe(exc))
                continue
            if isinstance(record, SourceRecord):
                if record.text_file:
                    problems.append(f"{where}: field text_file: give the text inline in a batch")
                    continue
                bundle.sources.append((record, record.text or ""))
            elif isinstance(record, EntityRecord):
                bundle.entities.append(record)
            else:
                bundle.relationships.append(record)
    if problems:
        raise SeedError(problems)
    return bundle


def parse_batch(body: bytes, content_type: str, max_records: int) -> Bundle:
    """The batch as a bundle; more than `max_records` records is refused before any work:
    a write that big would fail in Neo4j's transaction memory, which no retry mends."""
    bundle = _parse_batch(body, content_type)
    count = len(bundle.sources) + len(bundle.entities) + len(bundle.relationships)
    if count > max_records:
        raise PayloadTooLarge(f"the batch holds {count:,} records; at most {max_records:,} are "
                              "written in one transaction: split it", max_records=max_records)
    return bundle


def _parse_batch(body: bytes, content_type: str) -> Bundle:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"the batch is not UTF-8 text (byte {exc.start})") from exc
    if "csv" in content_type:
        return to_bundle(parse_csv(text))
    if "json" in content_type or not content_type:
        return to_bundle(parse_json(text))
    raise InvalidInput(f"unsupported content type {content_type!r}; send application/json or text/csv")
