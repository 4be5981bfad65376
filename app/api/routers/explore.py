from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.api.deps import AsyncGraphDep
from app.api.routers import MOVED
from app.exports.formats import EXPORTS, subgraph_file
from app.model.params import ConnectionParams, PathParams, SubgraphFormat, SubgraphParams
from app.model.responses import ConnectionsOut, PathsOut, SubgraphOut
from app.reads.explore import connections, paths, subgraph, subgraph_pages

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


@router.get("/subgraph", response_model=SubgraphOut, summary=(
    "Given entities and the relationships among them (restores a saved view); or the same as a "
    "CSV zip, GEXF or GraphML file"), responses={**MOVED, 200: {"content": {
        "application/json": {}, **{f.media_type: {} for f in EXPORTS.values()}}}})
async def read_subgraph(params: Annotated[SubgraphParams, Query()],
                        graph: AsyncGraphDep) -> SubgraphOut | Response:
    if params.format is SubgraphFormat.json:
        return await graph.run(subgraph(params))
    fmt = EXPORTS[params.format]
    pages = await graph.run(subgraph_pages(params))
    return Response(b"".join(subgraph_file(fmt, pages)), media_type=fmt.media_type, headers={
        "Content-Disposition": f'attachment; filename="subgraph.{fmt.extension}"'})
