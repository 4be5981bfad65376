from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from app.api.deps import AsyncGraphDep
from app.api.routers import ERRORS, MOVED, EntityId, FactId
from app.model.params import EntityParams, NeighborParams, Params, SearchParams, TimelineParams
from app.model.responses import EntityOut, FactDetail, NeighborsOut, SearchPage, TimelineOut
from app.reads.entities import get_entity, search
from app.reads.explore import neighbors
from app.reads.facts import get_fact
from app.reads.timeline import timeline

router = APIRouter(tags=["entities"])


def validated(answer: BaseModel) -> Response:
    """An answer the read already built by validation, sent as it is: FastAPI would
    validate and serialize it once more against the same response model."""
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get("/entities", response_model=SearchPage, responses=ERRORS,
            summary="Search entities by name and alias, or list them by type")
async def search_entities(params: Annotated[SearchParams, Query()], graph: AsyncGraphDep) -> SearchPage:
    return await graph.run(search(params))


@router.get("/entities/{entity_id}", response_model=EntityOut, responses=MOVED,
            summary="One entity with its relationships, grouped by type (a page of each), "
                    "and their citations")
async def read_entity(entity_id: EntityId, params: Annotated[EntityParams, Query()],
                      graph: AsyncGraphDep) -> Response:
    return validated(await graph.run(get_entity(entity_id, params.t, params.per_type, params.as_of)))


@router.get("/entities/{entity_id}/neighbors", response_model=NeighborsOut, responses=MOVED,
            summary="Neighbors up to 3 hops, with per-type counts and capped hubs")
async def read_neighbors(entity_id: EntityId, params: Annotated[NeighborParams, Query()],
                         graph: AsyncGraphDep) -> NeighborsOut:
    return await graph.run(neighbors(entity_id, params))


@router.get("/entities/{entity_id}/timeline", response_model=TimelineOut, responses=MOVED,
            summary="The entity's relationships, events and statements by date, undated "
                    "after; a window of `limit` entries")
async def read_timeline(entity_id: EntityId, params: Annotated[TimelineParams, Query()],
                        graph: AsyncGraphDep) -> Response:
    return validated(await graph.run(timeline(entity_id, params)))


@router.get("/relationships/{rel_id}", response_model=FactDetail, responses=ERRORS,
            summary="One relationship (fact) with its ends, dates and citations")
async def read_relationship(rel_id: FactId, params: Annotated[Params, Query()],
                            graph: AsyncGraphDep) -> Response:
    return validated(await graph.run(get_fact(rel_id, params.t)))
