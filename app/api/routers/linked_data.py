import json
from collections.abc import Iterator
from datetime import UTC
from email.utils import parsedate_to_datetime
from html import escape as html_escape
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from rdflib import Graph

from app.api.deps import AsyncGraphDep, GraphDep
from app.api.negotiate import choose_media_type, negotiate, represent, represent_fact
from app.api.routers import ERRORS, MOVED, NEGOTIATED, FactId
from app.errors import BadRequest, NotFound
from app.exports.formats import EXPORTS, export_file
from app.model.params import DocumentParams, ExportParams
from app.rdf.documents import dataset_description, serialize, shapes, stream_export, vocabulary
from app.rdf.export import View, jsonld_context
from app.rdf.formats import BY_MEDIA_TYPE, ENTITY_MEDIA_TYPES, FORMATS, HTML, JSON, rdf_format
from app.rdf.named_graphs import source_graph
from app.rdf.vocab import Base, base_for
from app.reads.catalog import get_source
from app.web.html import browser_page, source_page
from app.web.rdf_pages import described

router = APIRouter(tags=["linked data"])
TRIG = FORMATS["trig"].media_type
RDF_MEDIA_TYPES = [f.media_type for f in FORMATS.values()]
FORMAT_HELP = f"One of {', '.join(FORMATS)} (aliases ttl, json-ld, rdf, nq)."


FormatParam = Annotated[str | None, Query(description=f"Override Accept: json, html or {FORMAT_HELP}",
                                          examples=["ttl"])]


def base_of(request: Request) -> Base:
    return base_for(request.app.state.settings.base_uri)


def negotiated(body: bytes, media_type: str, **headers: str) -> Response:
    """A negotiated answer: text types say their charset, and every one varies by Accept."""
    charset = "; charset=utf-8" if media_type in (HTML, JSON) or media_type.startswith("text/") else ""
    return Response(body, media_type=media_type + charset, headers={"Vary": "Accept", **headers})


@router.get(
    "/id/{ident}",
    responses={**MOVED, **NEGOTIATED, 200: {"content": {m: {} for m in ENTITY_MEDIA_TYPES},
                                            "description": "The resource in the negotiated format."},
               302: {"description": "A TimeGate (RFC 7089): with Accept-Datetime, Location is this "
                                    "URI as recorded at that moment (as_recorded)."}},
    summary="Dereference an entity or source URI (content negotiation, Vary: Accept; a TimeGate "
            "with Accept-Datetime)",
)
async def dereference(
    request: Request, graph: AsyncGraphDep,
    ident: Annotated[str, Path(min_length=1, max_length=400, examples=["jose-raul-mulino"])],
    params: Annotated[DocumentParams, Query()],
    accept: Annotated[str | None, Header()] = None,
    accept_datetime: Annotated[str | None, Header(description="RFC 1123 moment: the graph as "
                                                  "recorded then (Memento TimeGate).")] = None,
) -> Response:
    if accept_datetime is not None and params.as_recorded is None:
        return time_gate(request, accept_datetime)
    media_type = choose_media_type(accept, params.format)
    try:
        body = await graph.run(represent(ident, media_type, base_of(request), params.t, params.as_of))
    except NotFound as exc:
        if media_type != HTML:
            raise
        # People get the browser, which says plainly that the id is unknown.
        message = f"<h1>Not found</h1><p>{html_escape(exc.message)}</p>"
        return HTMLResponse(browser_page(message), status_code=404, headers={"Vary": "Accept"})
    return negotiated(body, media_type, Link=f'<{base_of(request).entity(ident)}>; rel="canonical"')


def time_gate(request: Request, accept_datetime: str) -> Response:
    """302 to the as_recorded view of the same URI (the moment in UTC), or 400 if unreadable."""
    try:
        moment = parsedate_to_datetime(accept_datetime).astimezone(UTC)
    except (TypeError, ValueError):
        raise BadRequest("Accept-Datetime is not an RFC 1123 date, e.g. "
                         "'Tue, 02 Jul 2024 10:00:00 GMT'", field="Accept-Datetime") from None
    query = urlencode([*request.query_params.multi_items(), ("as_recorded", moment.isoformat())])
    return Response(status_code=302, headers={"Location": f"{request.url.path}?{query}",
                                              "Vary": "Accept-Datetime, Accept"})


@router.get(
    "/fact/{fact_id}",
    responses={**ERRORS, **NEGOTIATED, 200: {"content": {m: {} for m in ENTITY_MEDIA_TYPES},
                                             "description": "The fact in the negotiated format."}},
    summary="Dereference a fact URI: the relationship and every citation (content negotiation)",
)
async def dereference_fact(
    request: Request, graph: AsyncGraphDep, fact_id: FactId, format: FormatParam = None,
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    media_type = choose_media_type(accept, format)
    return negotiated(await graph.run(represent_fact(fact_id, media_type, base_of(request))), media_type)


@router.get(
    "/graph/{source_id}", response_class=Response,
    responses={**ERRORS, **NEGOTIATED, 200: {"content": {m: {} for m in [*RDF_MEDIA_TYPES, HTML]},
                                             "description": "The source's named graph."}},
    summary="Dereference a named-graph URI: the source and the facts it supports (TriG by "
    "default; a page for people)",
)
async def named_graph(
    request: Request, graph: AsyncGraphDep,
    source_id: Annotated[str, Path(min_length=1, max_length=200, examples=["seed-000-eb3fd6c821e75620"])],
    format: Annotated[str | None, Query(description=FORMAT_HELP, examples=["trig"])] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Response:
    media = rdf_format(format).media_type if format else negotiate(
        accept, [TRIG, *RDF_MEDIA_TYPES, HTML], TRIG)  # people get the source's page
    if media == HTML:
        return negotiated(source_page(await graph.run(get_source(source_id))).encode(), HTML)
    fmt = BY_MEDIA_TYPE[media]
    return negotiated(await graph.run(source_graph(source_id, fmt, base_of(request))), media)


EXPORT_MEDIA_TYPES = [*RDF_MEDIA_TYPES, *(f.media_type for f in EXPORTS.values())]


@router.get("/export", response_class=Response,
            responses={200: {"content": {m: {} for m in EXPORT_MEDIA_TYPES}}, **ERRORS, 400: NEGOTIATED[400]},
            summary="The whole graph as RDF, a CSV zip, GEXF or GraphML, streamed page by page")
def export(request: Request, graph: GraphDep, params: Annotated[ExportParams, Query()]) -> Response:
    view = View(params.t, params.as_of)
    if params.format in EXPORTS:
        graph.ping()  # an outage is a 503 before the first byte, not a cut stream
        table = EXPORTS[params.format]
        return attachment(export_file(graph, table, view), table.media_type, table.extension)
    fmt = rdf_format(params.format)
    return attachment(stream_export(graph, fmt, base_of(request), view), fmt.media_type, fmt.extension)


def attachment(chunks: Iterator[bytes], media_type: str, extension: str,
               name: str = "migration-graph") -> StreamingResponse:
    return StreamingResponse(chunks, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{name}.{extension}"'})


@router.get("/context.jsonld", response_class=Response,
            responses={**ERRORS, 200: {"content": {"application/ld+json": {}}}},
            summary="The JSON-LD @context the exports use")
def context(request: Request) -> Response:
    return Response(json.dumps(jsonld_context(base_of(request)), indent=2),
                    media_type="application/ld+json")


def _media(accept: str | None, format: str | None) -> str:
    """An RDF format's media type, or HTML for a browser (a ?format= is always RDF)."""
    return rdf_format(format).media_type if format else negotiate(accept, [*RDF_MEDIA_TYPES, HTML],
                                                                  "text/turtle")


def _described(media: str, doc: Graph, request: Request, title: str, intro: str) -> Response:
    if media == HTML:
        return negotiated(described(title, intro, doc).encode(), HTML)
    return negotiated(serialize(doc, BY_MEDIA_TYPE[media], base_of(request)), media)


@router.get("/.well-known/void", response_class=Response, responses={
    **ERRORS, **NEGOTIATED, 200: {"content": {m: {} for m in [*RDF_MEDIA_TYPES, HTML]}}},
            summary="VoID and DCAT description of the dataset")
async def void(request: Request, graph: AsyncGraphDep,
               format: Annotated[str | None, Query(description=FORMAT_HELP, examples=["ttl"])] = None,
               accept: Annotated[str | None, Header()] = None) -> Response:
    media = _media(accept, format)  # a bad Accept is a 406 before any database work
    return _described(media, await graph.run(dataset_description(base_of(request))), request,
                      "The dataset", "VoID and DCAT: its size, license, vocabularies and dumps.")


@router.get("/vocab", response_class=Response, responses={
    **ERRORS, **NEGOTIATED, 200: {"content": {m: {} for m in [*RDF_MEDIA_TYPES, HTML]}}},
            summary="The service's own vocabulary (mg:), tied to the standard terms")
def vocab(request: Request,
          format: Annotated[str | None, Query(description=FORMAT_HELP, examples=["ttl"])] = None,
          accept: Annotated[str | None, Header()] = None) -> Response:
    return _described(_media(accept, format), vocabulary(base_of(request)), request,
                      "The mg: vocabulary", "The service's own terms, each tied to the standard term "
                      "it refines.")


@router.get("/shapes.ttl", response_class=Response,
            responses={**ERRORS, 200: {"content": {"text/turtle": {}}}},
            summary="SHACL shapes every export conforms to")
def published_shapes(request: Request) -> Response:
    body = shapes(base_of(request)).serialize(format="turtle", encoding="utf-8")
    return Response(body, media_type="text/turtle")
