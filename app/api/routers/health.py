from fastapi import APIRouter

from app.api.deps import AsyncGraphDep
from app.model.responses import ErrorOut, HealthOut
from app.reads.health import database_status, expected_schema, schema_version

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=HealthOut,
    responses={503: {"model": ErrorOut, "description": "Neo4j cannot be reached."}},
    summary="Service and database status",
)
async def health(graph: AsyncGraphDep) -> HealthOut:
    neo4j = await graph.run(database_status())
    applied = await graph.run(schema_version())
    return HealthOut(status="ok", neo4j=neo4j,
                     schema_={"applied": applied, "expected": expected_schema()})
