from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import AsyncGraphDep
from app.api.routers import MOVED
from app.model.params import ConnectionParams, PathParams, SubgraphParams
from app.model.responses import ConnectionsOut, PathsOut, SubgraphOut
from app.reads.explore import connections, paths, subgraph

router = APIRouter(tags=["relationships"])


@router.get("/paths", response_model=PathsOut, responses=MOVED,
            summary="The shortest path between two entities, then alternative routes through "
                    "other entities; every step cited")
async def read_paths(params: Annotated[PathParams, Query()], graph: AsyncGraphDep) -> PathsOut:
    return await graph.run(paths(params))


@router.get("/connections", response_model=ConnectionsOut, responses=MOVED,
            summary="Entities connected to all of the given ones")
async def read_connections(params: Annotated[ConnectionParams, Query()],
                           graph: AsyncGraphDep) -> ConnectionsOut:
    return await graph.run(connections(params))


@router.get("/subgraph", response_model=SubgraphOut, responses=MOVED,
            summary="Given entities and the relationships among them (restores a saved view)")
async def read_subgraph(params: Annotated[SubgraphParams, Query()],
                        graph: AsyncGraphDep) -> SubgraphOut:
    return await graph.run(subgraph(params))
