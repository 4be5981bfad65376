from fastapi import APIRouter

from app.deps import GraphDep
from app.entities import database_status, expected_schema
from app.models import ErrorOut, HealthOut
from app.schema import schema_version

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=HealthOut,
    responses={503: {"model": ErrorOut, "description": "Neo4j cannot be reached."}},
    summary="Service and database status",
)
def health(graph: GraphDep) -> HealthOut:
    neo4j = database_status(graph)
    applied = schema_version(graph)
    return HealthOut(
        status="ok",
        neo4j=neo4j,
        schema_={"applied": applied, "expected": expected_schema()},
    )
