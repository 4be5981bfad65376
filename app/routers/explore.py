from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.catalog import get_source, instruments
from app.deps import AsyncGraphDep, GraphDep
from app.explore import connections, paths, subgraph
from app.models import ConnectionsOut, InstrumentOut, PathsOut, SourceOut, SubgraphOut
from app.requests import (
    AgreementParams,
    ConnectionParams,
    PathParams,
    PolicyParams,
    SnapshotParams,
    SubgraphParams,
)
from app.routers import ERRORS

router = APIRouter()


@router.get("/paths", response_model=PathsOut, responses=ERRORS, tags=["relationships"],
            summary="The shortest path between two entities, then alternative routes through "
                    "other entities; every step cited")
async def read_paths(params: Annotated[PathParams, Query()], graph: AsyncGraphDep) -> PathsOut:
    return await graph.run(paths(params))


@router.get("/connections", response_model=ConnectionsOut, responses=ERRORS,
            tags=["relationships"], summary="Entities connected to all of the given ones")
async def read_connections(params: Annotated[ConnectionParams, Query()],
                           graph: AsyncGraphDep) -> ConnectionsOut:
    return await graph.run(connections(params))


@router.get("/subgraph", response_model=SubgraphOut, responses=ERRORS, tags=["relationships"],
            summary="Given entities and the relationships among them (restores a saved view)")
async def read_subgraph(params: Annotated[SubgraphParams, Query()],
                        graph: AsyncGraphDep) -> SubgraphOut:
    return await graph.run(subgraph(params))


@router.get("/agreements", response_model=list[InstrumentOut], responses=ERRORS,
            tags=["catalog"], summary="Agreements with parties, signatories, funders and status")
def list_agreements(params: Annotated[AgreementParams, Query()],
                    graph: GraphDep) -> list[InstrumentOut]:
    status = str(params.status) if params.status else None
    return instruments(graph, "Agreement", params, status)


@router.get("/policies", response_model=list[InstrumentOut], responses=ERRORS,
            tags=["catalog"], summary="Policies with issuer, affected countries and status")
def list_policies(params: Annotated[PolicyParams, Query()], graph: GraphDep) -> list[InstrumentOut]:
    status = str(params.status) if params.status else None
    return instruments(graph, "Policy", params, status)


@router.get("/sources/{source_id}", response_model=SourceOut, responses=ERRORS, tags=["catalog"],
            summary="A source, its text, and every fact that cites it")
def read_source(
    source_id: Annotated[str, Path(min_length=1, max_length=200,
                                   examples=["seed-000-eb3fd6c821e75620"])],
    snapshot: Annotated[SnapshotParams, Query()],
    graph: GraphDep,
) -> SourceOut:
    return get_source(graph, source_id, snapshot.t)
