"""Stored records as the flat rows every tabular and graph-file export writes: one per
entity (a node) and one per relationship (an edge, with its first citation)."""

from collections.abc import Iterable, Iterator
from typing import Any

from app.store.codec import decode_entity, decode_relationship

NODE_FIELDS = ("Id", "Label", "Type", "aliases", "identifiers", "description")
EDGE_FIELDS = ("Id", "Source", "Target", "Type", "Label", "valid_from", "valid_to", "quote", "source",
               "confidence")


def node_row(props: dict[str, Any]) -> dict[str, str]:
    entity = decode_entity(props)
    return {"Id": entity["id"], "Label": entity["name"], "Type": entity["type"],
            "aliases": "; ".join(entity["aliases"]),
            "identifiers": "; ".join(f"{k}={v}" for k, v in sorted(entity["identifiers"].items())),
            "description": entity["description"] or ""}


def edge_row(from_id: str, rel_type: str, to_id: str, props: dict[str, Any]) -> dict[str, str]:
    rel = decode_relationship(props)
    first = rel["citations"][0] if rel["citations"] else {}
    return {"Id": rel["id"], "Source": from_id, "Target": to_id, "Type": rel_type,
            "Label": rel_type.lower().replace("_", " "), "valid_from": rel["valid_from"] or "",
            "valid_to": rel["valid_to"] or "", "quote": first.get("quote", ""),
            "source": first.get("source", ""), "confidence": str(first.get("confidence", ""))}


Page = tuple[str, list[dict[str, str]]]


def graph_rows(pages: Iterable[tuple[str, list[dict[str, Any]]]]) -> Iterator[Page]:
    """The dump's pages (reads.pages) as ("nodes", rows) and ("edges", rows); sources are
    not nodes here: each edge names the source of its first citation."""
    for kind, rows in pages:
        if kind == "entities":
            yield "nodes", [node_row(row["props"]) for row in rows]
        elif kind == "relationships":
            yield "edges", [edge_row(r["from"], r["type"], r["to"], r["props"]) for r in rows]
