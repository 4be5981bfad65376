"""Pages that must load without a key: the browser shell and its vendored library."""

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response

from app.errors import NotFound
from app.rdf.formats import FORMATS
from app.settings import PROJECT_ROOT
from app.web.html import browser_page

router = APIRouter(include_in_schema=False)
CYTOSCAPE = PROJECT_ROOT / "node_modules" / "cytoscape" / "dist" / "cytoscape.min.js"


@router.get("/", response_class=HTMLResponse)
def home() -> str:
    links = "".join(f'<li><a href="/export?format={name}">{name}</a></li>' for name in FORMATS)
    return browser_page(
        "<h1>Migration news knowledge graph</h1><p>Actors, policies, agreements and countries "
        "behind migration news; every fact cites the exact words of its source.</p><ul>"
        '<li><a href="/docs">API (OpenAPI)</a></li>'
        '<li><a href="/.well-known/void">Dataset description (VoID, DCAT)</a></li>'
        '<li><a href="/id/us-panama-deportation-agreement-2024">An example entity</a></li>'
        '<li><a href="/context.jsonld">JSON-LD context</a> · <a href="/shapes.ttl">SHACL shapes</a>'
        ' · <a href="/vocab">vocabulary</a></li></ul><h2>Dumps</h2><ul>' + links + "</ul>")


REVIEW = PROJECT_ROOT / "app" / "web" / "static" / "review.html"


@router.get("/review", response_class=FileResponse)
@router.get("/review/{ingest_id}", response_class=FileResponse)
def review_page(ingest_id: str | None = None) -> FileResponse:
    """The review queue and one article's proposals: a page shell; its data needs an editor
    key, which the page asks for and sends itself."""
    return FileResponse(REVIEW, media_type="text/html")


@router.get("/static/vendor/cytoscape.min.js")
def cytoscape() -> Response:
    """Served from node_modules, installed by the set-up from the npm registry."""
    if not CYTOSCAPE.is_file():
        raise NotFound(f"{CYTOSCAPE} is missing; run `make setup` (npm ci)")
    return FileResponse(CYTOSCAPE, media_type="text/javascript")
