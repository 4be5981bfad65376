"""Article ingestion and its review queue (editor key): HTTP only; proposing is
`app.reads.ingest`, storing and reviewing `app.writes.ingest`."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool

from app.api.auth import EditorDep
from app.api.deps import GraphDep
from app.api.ingestion import ingest_article
from app.api.routers import ERRORS
from app.errors import NotFound
from app.model.ingest import Ingest, IngestIn, IngestSummary, ReviewIn, ReviewOut
from app.model.responses import Problem
from app.reads.ingest import get_ingest, list_ingests
from app.store.db import Graph
from app.writes.ingest import review

router = APIRouter(tags=["ingestion"])
INGEST_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": Problem, "description": "Missing, malformed, unknown or revoked key."},
    403: {"model": Problem, "description": "The key's role is too low (editor needed)."},
    409: {"model": Problem, "description": "The ingest was reviewed already."},
    422: {"model": Problem, "description": "Invalid input, naming the field."},
}
# The id that POST /ingest's own example text gets: try that first, then this.
IngestId = Annotated[str, Path(pattern=r"^ingest-[0-9a-f]{16}$", examples=["ingest-9cde00f56061bdb6"])]


@router.post("/ingest", status_code=status.HTTP_201_CREATED, response_model=Ingest,
             responses={**INGEST_ERRORS, 200: {"model": Ingest, "description": "This text was "
                                               "ingested before: the stored ingest."}},
             summary="Propose an article's entities, relationships and dates for review (editor)")
def post_ingest(body: IngestIn, who: EditorDep, graph: GraphDep, request: Request,
                response: Response) -> Ingest:
    ingest, created = ingest_article(graph, request.app.state.gazetteer, body, who.actor)
    if not created:
        response.status_code = status.HTTP_200_OK
    return ingest


@router.get("/ingest", response_model=list[IngestSummary], responses=INGEST_ERRORS,
            summary="The review queue, newest first (editor)")
def queue(who: EditorDep, graph: GraphDep,
          state: Annotated[Literal["pending", "reviewed", "rejected"] | None,
                           Query(alias="status", description="Only ingests in this state.",
                                 examples=["pending"])] = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 50,
          offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> list[IngestSummary]:
    return graph.run(list_ingests(state, limit, offset))


def _one(graph: Graph, ingest_id: str) -> Ingest:
    found = graph.run(get_ingest(ingest_id))
    if found is None:
        raise NotFound(f"no ingest with id {ingest_id!r}", id=ingest_id)
    return found


@router.get("/ingest/{ingest_id}", response_model=Ingest, responses=INGEST_ERRORS,
            summary="One ingest with its proposals (editor)")
def one(ingest_id: IngestId, who: EditorDep, graph: GraphDep) -> Ingest:
    return _one(graph, ingest_id)


@router.post("/ingest/{ingest_id}/review", response_model=ReviewOut, responses=INGEST_ERRORS,
             summary="Accept, link, edit or reject each proposal; accepted ones are written in "
             "one transaction with history (editor)")
async def post_review(ingest_id: IngestId, decisions: ReviewIn, who: EditorDep,
                      graph: GraphDep) -> ReviewOut:
    ingest = await run_in_threadpool(_one, graph, ingest_id)
    return await run_in_threadpool(review, graph, ingest, decisions, who.actor)
