"""FollowTheMoney entities, one JSON object a line, so Aleph, yente and nomenklatura can
read the graph. Every entity is built and checked by the followthemoney package itself
(an unknown property raises), so what we write is what FtM accepts. README has the
mapping table; types FtM has no schema for (groups, statements, statistics) are left
out, with the relationships that touch them."""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from app.rdf.vocab import GOVERNMENT_KINDS
from app.reads.lifecycle import stages_by
from app.store.codec import decode_entity, decode_relationship, plain

SCHEMA_OF = {"Person": "Person", "Organization": "Organization", "Country": "Territory",
             "Place": "Address", "Event": "Event", "Agreement": "Contract", "Policy": "Project",
             "Post": "Position"}
Page = tuple[str, list[dict[str, Any]]]


def ftm_schema(label: str, props: dict[str, Any]) -> str | None:
    if label == "Organization" and props.get("kind") in GOVERNMENT_KINDS:
        return "PublicBody"
    return SCHEMA_OF.get(label)


def _add(proxy: EntityProxy, prop: str, value: Any) -> None:
    """Add a value that is there; an unknown property raises (quiet=False)."""
    for item in value if isinstance(value, list) else [value]:
        if item not in (None, ""):
            proxy.add(prop, str(item), quiet=False)


def _sourced(proxy: EntityProxy, citations: list[dict[str, Any]], sources: dict[str, dict[str, Any]]) -> None:
    for cite in citations[:1]:  # sourceUrl and publisher of the first source cited
        meta = sources.get(cite["source"], {})
        _add(proxy, "sourceUrl", meta.get("url"))
        _add(proxy, "publisher", meta.get("publisher"))


def article(props: dict[str, Any]) -> EntityProxy:
    proxy = model.make_entity("Article")
    proxy.id = props["id"]
    _add(proxy, "name", props.get("title") or props["id"])
    for prop, key in (("title", "title"), ("publisher", "publisher"), ("sourceUrl", "url"),
                      ("publishedAt", "published"), ("language", "language"), ("bodyText", "text")):
        _add(proxy, prop, plain(props.get(key)))
    return proxy


def entity(props: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[EntityProxy]:
    """The entity, and a Documentation tying it to each source that cites it."""
    schema = ftm_schema(props["type"], props)
    if schema is None:
        return []
    data = decode_entity(props)
    proxy = model.make_entity(schema)
    proxy.id = data["id"]
    _add(proxy, "name", data["name"])
    _add(proxy, "alias", data["aliases"] + list(data["names"].values()))
    _add(proxy, "description", data["description"])
    _add(proxy, "wikidataId", data["identifiers"].get("wikidata_qid"))
    _add(proxy, "summary", data["properties"].get("summary"))
    _details(proxy, schema, data)
    _sourced(proxy, data["citations"], sources)
    return [proxy, *_documentation(data["id"], data["citations"])]


def _details(proxy: EntityProxy, schema: str, data: dict[str, Any]) -> None:
    props, codes = data["properties"], data["identifiers"]
    if schema == "Territory":
        _add(proxy, "country", (codes.get("iso_alpha2") or "").lower() or None)
    elif schema == "Address":
        _add(proxy, "full", data["name"])
    elif schema == "Event":
        _add(proxy, "date", props.get("date"))
    elif schema in ("Contract", "Project"):
        dated = [s for s in stages_by(data["lifecycle"], None) if s.get("date")]
        first = dated[0]["date"] if dated else None
        _add(proxy, "contractDate" if schema == "Contract" else "startDate", first)
        if schema == "Contract":
            _add(proxy, "title", data["name"])


def _documentation(entity_id: str, citations: list[dict[str, Any]]) -> list[EntityProxy]:
    out = []
    for source in dict.fromkeys(c["source"] for c in citations):
        doc = model.make_entity("Documentation")
        doc.id = f"{entity_id}--documented-by--{source}"
        _add(doc, "document", source)
        _add(doc, "entity", entity_id)
        _add(doc, "role", "cites")
        out.append(doc)
    return out


LEGAL = {"Person", "Organization", "PublicBody"}


def relationship(row: dict[str, Any], sources: dict[str, dict[str, Any]]) -> EntityProxy | None:
    """The relationship as an FtM interval: Occupancy, Membership, else UnknownLink."""
    ends = [ftm_schema(row["from_type"], {}), ftm_schema(row["to_type"], {})]
    if None in ends:
        return None
    rel = decode_relationship(row["props"])
    if row["type"] == "HOLDS_POST":
        proxy, pair = model.make_entity("Occupancy"), ("holder", "post")
    elif row["type"] == "PART_OF" and ends[0] in LEGAL and row["to_type"] == "Organization":
        proxy, pair = model.make_entity("Membership"), ("member", "organization")
    else:
        proxy, pair = model.make_entity("UnknownLink"), ("subject", "object")
        _add(proxy, "role", row["type"].lower().replace("_", " "))
    proxy.id = rel["id"]
    _add(proxy, pair[0], row["from"])
    _add(proxy, pair[1], row["to"])
    _add(proxy, "startDate", rel["valid_from"])
    _add(proxy, "endDate", rel["valid_to"])
    _add(proxy, "summary", rel["citations"][0]["quote"] if rel["citations"] else None)
    _sourced(proxy, rel["citations"], sources)
    return proxy


def _line(proxy: EntityProxy) -> str:
    return json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"


def ftm_lines(pages: Iterable[Page]) -> Iterator[bytes]:
    """The dump's pages (reads.pages) as FtM JSON lines: sources as Articles first, so the
    entities after them can name their source's URL and publisher."""
    sources: dict[str, dict[str, Any]] = {}
    for kind, rows in pages:
        proxies: list[EntityProxy] = []
        for row in rows:
            if kind == "sources":
                sources[row["props"]["id"]] = {"url": row["props"].get("url"),
                                               "publisher": row["props"].get("publisher")}
                proxies.append(article(row["props"]))
            elif kind == "entities":
                proxies += entity(row["props"], sources)
            elif (link := relationship(row, sources)) is not None:
                proxies.append(link)
        yield "".join(map(_line, proxies)).encode("utf-8")
