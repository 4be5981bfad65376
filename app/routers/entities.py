from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.deps import AsyncGraphDep
from app.entities import get_entity, search
from app.explore import neighbors, timeline
from app.models import EntityOut, NeighborsOut, SearchPage, TimelineOut
from app.requests import EntityParams, NeighborParams, SearchParams, TimelineParams
from app.routers import ERRORS
from app.routers.lean import EntityId, LeanRoute, documented, entity_read, model_response

router = APIRouter(tags=["entities"])
# The two most-read routes check the rate limit, access and parameters themselves and return
# their Response (app.routers.lean): no dependencies solved.
lean_router = APIRouter(tags=["entities"], route_class=LeanRoute)


@router.get("/entities", response_model=SearchPage, responses=ERRORS,
            summary="Search entities by name and alias, or list them by type")
async def search_entities(params: Annotated[SearchParams, Query()], graph: AsyncGraphDep) -> SearchPage:
    return await graph.run(search(params))


@lean_router.get("/entities/{entity_id}", response_model=EntityOut, responses=ERRORS,
                 openapi_extra=documented(EntityParams),
                 summary="One entity with its relationships, grouped by type (a page of each), "
                         "and their citations")
async def read_entity(request: Request) -> Response:
    entity_id, params, graph = await entity_read(request, EntityParams)
    return model_response(await graph.run(get_entity(entity_id, params.t, params.per_type)))


@router.get("/entities/{entity_id}/neighbors", response_model=NeighborsOut, responses=ERRORS,
            summary="Neighbors up to 3 hops, with per-type counts and capped hubs")
async def read_neighbors(entity_id: EntityId, params: Annotated[NeighborParams, Query()],
                         graph: AsyncGraphDep) -> NeighborsOut:
    return await graph.run(neighbors(entity_id, params))


@lean_router.get("/entities/{entity_id}/timeline", response_model=TimelineOut, responses=ERRORS,
                 openapi_extra=documented(TimelineParams),
                 summary="The entity's relationships, events and statements by date, undated "
                         "after; a window of `limit` entries")
async def read_timeline(request: Request) -> Response:
    entity_id, params, graph = await entity_read(request, TimelineParams)
    return model_response(await graph.run(timeline(entity_id, params)))
