"""Citable snapshots (RFC 7089 Mementos): POST freezes a subgraph as recorded now and
hashes it; GET serves it, immutable, in JSON, HTML, every RDF format and DataCite JSON."""

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response, status

from app.api.auth import EditorDep
from app.api.deps import GraphDep
from app.api.negotiate import negotiate
from app.api.routers import ERRORS, NEGOTIATED
from app.api.routers.curation import WRITE_ERRORS
from app.errors import Conflict
from app.model.snapshots import SnapshotChanges, SnapshotIn, SnapshotOut, datacite
from app.rdf.formats import BY_MEDIA_TYPE, FORMATS, HTML, JSON, rdf_format
from app.rdf.snapshots import canonical_nt, digest, snapshot_graph
from app.rdf.vocab import base_for
from app.reads.snapshots import changes_since, get_snapshot, list_snapshots, snapshot_pages, stored
from app.web.html import page
from app.writes.snapshots import store_snapshot

router = APIRouter(tags=["snapshots"])
DATACITE = "application/vnd.datacite.datacite+json"
MEDIA = [JSON, HTML, *(f.media_type for f in FORMATS.values()), DATACITE]
SnapshotId = Annotated[str, Path(pattern=r"^snap-[0-9a-f]{20}$", examples=["snap-0123456789abcdef0123"])]


def _out(request: Request, snap: dict[str, Any]) -> SnapshotOut:
    base = request.app.state.settings.base_uri.rstrip("/")
    url = f"{base}/snapshots/{snap['id']}"
    day = snap["recorded_at"][:10]
    return SnapshotOut(
        id=snap["id"], title=snap["title"], sha256=snap["sha256"], recorded_at=snap["recorded_at"],
        created_by=snap.get("created_by"), roots=snap["roots"], depth=snap["depth"], types=snap["types"],
        as_of=snap.get("as_of"), entities=snap["entities"], triples=snap["triples"],
        citation=f"“{snap['title']}”, Migration news graph, snapshot of {day}, {url} "
                 f"(sha256 {snap['sha256'][:12]}…).",
        links={"self": url, "original": f"{base}/id/{snap['roots'][0]}",
               "timemap": f"{base}/snapshots?root={snap['roots'][0]}",
               **{name: f"{url}?format={name}" for name in ("nt", "ttl", "jsonld", "datacite", "html")}})


def _memento_headers(request: Request, snap: dict[str, Any]) -> dict[str, str]:
    out = _out(request, snap)
    moment = datetime.fromisoformat(snap["recorded_at"]).astimezone(UTC)
    return {"ETag": f'"{snap["sha256"]}"', "Cache-Control": "public, max-age=31536000, immutable",
            "Memento-Datetime": format_datetime(moment, usegmt=True), "Vary": "Accept",
            "Link": f'<{out.links["original"]}>; rel="original", <{out.links["timemap"]}>; rel="timemap"'}


Pages = list[tuple[str, list[dict[str, Any]]]]


def _rebuilt(graph: GraphDep, request: Request, snap: dict[str, Any]) -> Pages:
    """The snapshot's pages read again at its moment; the hash proves they did not change."""
    spec = SnapshotIn.model_validate(snap["spec"])
    pages = graph.run(snapshot_pages(spec, datetime.fromisoformat(snap["recorded_at"])))
    if digest(canonical_nt(pages, base_for(request.app.state.settings.base_uri))) != snap["sha256"]:
        raise Conflict(f"snapshot {snap['id']} no longer reproduces its hash; the history was altered")
    return pages


@router.post("/snapshots", status_code=status.HTTP_201_CREATED, response_model=SnapshotOut,
             responses={**WRITE_ERRORS, 200: {"model": SnapshotOut, "description": "The same content "
                                                "was frozen before: that snapshot."}},
             summary="Freeze a subgraph as recorded now: a citable, hashed, immutable snapshot (editor)")
def create(spec: SnapshotIn, who: EditorDep, graph: GraphDep, request: Request,
           response: Response) -> SnapshotOut:
    # A write whose transaction began before the frozen moment may still be committing:
    # the moment trails the clock (SNAPSHOT_SETTLE_SECONDS), so what it shows cannot change.
    moment = datetime.now(UTC) - timedelta(seconds=request.app.state.settings.snapshot_settle_seconds)
    pages = graph.run(snapshot_pages(spec, moment))
    canonical = canonical_nt(pages, base_for(request.app.state.settings.base_uri))
    entities = [row["props"]["id"] for kind, rows in pages if kind == "entities" for row in rows]
    facts = [row["id"] for kind, rows in pages if kind == "relationships" for row in rows]
    props, created = store_snapshot(graph, spec, moment, digest(canonical), entities, facts,
                                    canonical.count(b"\n"), who.name)
    if not created:
        response.status_code = status.HTTP_200_OK
    snap = stored(props)
    response.headers["Location"] = f"/snapshots/{snap['id']}"
    return _out(request, snap)


def get_snapshot_props(graph: GraphDep, snapshot_id: str) -> dict[str, Any]:
    return graph.run(get_snapshot(snapshot_id))


@router.get("/snapshots", response_model=list[SnapshotOut], responses=ERRORS,
            summary="Snapshots, newest first; with root, the TimeMap of that entity's snapshots")
def snapshots(graph: GraphDep, request: Request,
              root: Annotated[str | None, Query(max_length=200, description="Only snapshots of this root.",
                                                examples=["us-panama-deportation-agreement-2024"])] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> list[SnapshotOut]:
    return [_out(request, s) for s in graph.run(list_snapshots(root, limit, offset))]


@router.get("/snapshots/{snapshot_id}", response_class=Response, responses={
    **ERRORS, **NEGOTIATED, 200: {"content": {m: {} for m in MEDIA}, "description": "The snapshot, "
                                  "immutable: ETag is its hash, Memento-Datetime its moment."}},
            summary="A snapshot in JSON, HTML, any RDF format or DataCite JSON (content negotiation)")
def read_snapshot(snapshot_id: SnapshotId, graph: GraphDep, request: Request,
                  format: Annotated[str | None, Query(max_length=20, examples=["nt"], description=(
                      "Override Accept: json, html, datacite, or an RDF format (nt, ttl, ...)."))] = None,
                  accept: Annotated[str | None, Header(include_in_schema=False)] = None) -> Response:
    snap = get_snapshot_props(graph, snapshot_id)
    media = _media(format, accept)
    headers = _memento_headers(request, snap)
    if media == JSON:
        return Response(_out(request, snap).model_dump_json(), media_type=JSON, headers=headers)
    pages = _rebuilt(graph, request, snap)
    if media == DATACITE:
        return Response(_datacite(request, snap, pages), media_type=DATACITE, headers=headers)
    if media == HTML:
        changed = graph.run(changes_since(snap)).total
        return Response(_page(_out(request, snap), changed), media_type=HTML, headers=headers)
    fmt = BY_MEDIA_TYPE[media]
    base = base_for(request.app.state.settings.base_uri)
    if fmt.name == "nt":
        body = canonical_nt(pages, base)  # the very bytes the hash was taken over
    else:
        body = snapshot_graph(pages, base, fmt).serialize(format=fmt.rdflib, encoding="utf-8")
    return Response(body, media_type=fmt.media_type, headers=headers)


def _media(format_param: str | None, accept: str | None) -> str:
    if format_param:
        named = {"json": JSON, "html": HTML, "datacite": DATACITE}.get(format_param.lower())
        return named or rdf_format(format_param).media_type
    return negotiate(accept, MEDIA, JSON)


def _datacite(request: Request, snap: dict[str, Any], pages: Pages) -> bytes:
    base = request.app.state.settings.base_uri.rstrip("/")
    sources = sorted({f"{base}/id/{s}" for kind, rows in pages for row in rows
                      for s in (row["props"].get("cite_sources") or [])})
    out = _out(request, snap)
    return json.dumps(datacite(out, out.links["self"], "Migration news graph", sources)).encode()


def _page(out: SnapshotOut, changed: int) -> str:
    note = (f"<p class='note'><strong>{changed} facts changed since this snapshot.</strong> "
            f"<a href='/snapshots/{out.id}/changes'>See what changed</a>.</p>") if changed else (
        "<p class='meta'>Nothing has changed in the live graph since this snapshot.</p>")
    rows = "".join(f"<li><a href='/id/{escape(i)}'>{escape(i)}</a></li>" for i in out.entities)
    return page(out.title, (
        f"<h1>{escape(out.title)}</h1><p class='type'>Snapshot of the graph as recorded at "
        f"{escape(out.recorded_at)}</p>{note}<p><strong>Cite as:</strong> {escape(out.citation)}</p>"
        f"<p class='meta'>sha256 {escape(out.sha256)} · {out.triples} triples · "
        + " · ".join(f"<a href='{escape(u)}'>{escape(k)}</a>" for k, u in out.links.items() if k != "self")
        + f"</p><h2>Entities</h2><ul>{rows}</ul>"))


@router.get("/snapshots/{snapshot_id}/changes", response_model=SnapshotChanges, responses=ERRORS,
            summary="What changed in the live graph since the snapshot: edited, retracted, merged, new")
def snapshot_changes(snapshot_id: SnapshotId, graph: GraphDep) -> SnapshotChanges:
    return graph.run(changes_since(get_snapshot_props(graph, snapshot_id)))
