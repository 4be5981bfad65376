"""An entity's timeline: its relationships, events and statements by date, undated after."""

from typing import Any

from app.model.params import FAR_FUTURE, TimelineParams
from app.model.responses import TimelineOut
from app.reads.entities import missing_entities, relationship_data
from app.reads.history import revert
from app.reads.lifecycle import RANK, stages_by
from app.store.codec import decode_lifecycle, unstamp
from app.store.cypher import load
from app.store.db import Plan, step


def _timeline_entry(raw: dict[str, Any]) -> dict[str, Any]:
    """A `TimelineEntry` in plain data; `timeline` validates the whole answer once."""
    rel = relationship_data(raw)
    other = raw["other"]
    kind = {"Event": "event", "Statement": "statement"}.get(other["type"], "relationship")
    date = rel["valid_from"] or (str(other["date"]) if other.get("date") else None)
    return {"date": date, "date_end": rel["valid_to"],
            "date_text": rel["date_text"] or other.get("date_text"), "kind": kind,
            "relationship": rel}


def _dated(entry: dict[str, Any]) -> bool:
    return bool(entry["date"] or entry["date_end"])


def _timeline_order(entry: dict[str, Any]) -> tuple[bool, str, str, str, str]:
    """timeline.cypher's order: dated first by day, then type, other name, id."""
    rel = entry["relationship"]
    day = entry["date"] or entry["date_end"]
    return day is None, day or "", rel["type"], rel["other"]["name"], rel["id"]


def _stage_entry(stage: dict[str, Any]) -> dict[str, Any]:
    return {"date": stage.get("date"), "date_end": None, "date_text": stage.get("date_text"),
            "kind": "stage", "stage": stage}


def _order(entry: dict[str, Any]) -> tuple[bool, str, str, str, str]:
    """timeline.cypher's order, with the entity's own lifecycle stages among the entries."""
    if entry["kind"] != "stage":
        return _timeline_order(entry)
    day = entry["date"]
    return day is None, day or "", "", "", str(RANK[entry["stage"]["stage"]])


def timeline(entity_id: str, params: TimelineParams) -> Plan[TimelineOut]:
    """A window of the entity's timeline. In the present the database sorts and cuts the
    window. At an earlier record time the values shown are reverted from the history,
    dates included, and an agreement's or policy's lifecycle stages join the entries, so
    then every entry is read, reverted, then sorted and cut here."""
    cut = params.t >= FAR_FUTURE
    rows = yield step(load("timeline"), id=entity_id, t=params.t, as_of=params.as_of,
                      offset=params.offset, limit=params.limit if cut else None)
    if not rows:
        yield from missing_entities([entity_id], params.t)
    if cut and rows[0]["props"].get("lifecycle"):
        cut = False
        rows = yield step(load("timeline"), id=entity_id, t=params.t, as_of=params.as_of,
                          offset=0, limit=None)
    row = rows[0]
    yield from revert(params.t, [row["props"], *(r["props"] for r in row["rels"])])
    unstamp(r["props"] for r in row["rels"])
    entries = [_timeline_entry(raw) for raw in row["rels"]]
    total, total_dated = row["total"], row["dated"]
    if not cut:
        entries += map(_stage_entry, stages_by(decode_lifecycle(row["props"]), params.as_of))
        entries.sort(key=_order)
        total, total_dated = len(entries), sum(map(_dated, entries))
        entries = entries[params.offset:params.offset + params.limit]
    props = row["props"]
    return TimelineOut.model_validate({
        "entity": {"id": props["id"], "name": props["name"], "type": props["type"]},
        "dated": [e for e in entries if _dated(e)],
        "undated": [e for e in entries if not _dated(e)],
        "total_dated": total_dated, "total_undated": total - total_dated,
        "limit": params.limit, "offset": params.offset,
        "more": max(0, total - params.offset - len(entries)),
    })
