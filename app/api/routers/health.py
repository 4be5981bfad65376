from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from app.api.deps import AsyncGraphDep
from app.api.routers import SERVICE
from app.errors import DatabaseUnavailable, QueryTimeout
from app.model.responses import HealthDownOut, HealthOut
from app.reads.health import database_status, expected_schema, schema_version

router = APIRouter(tags=["service"])
# A probe must answer quickly even when the database does not: a hung Neo4j is "degraded".
HEALTH_DEADLINE_SECONDS = 2.0


@router.get(
    "/health",
    response_model=HealthOut,
    responses={**SERVICE,
               503: {"model": HealthDownOut, "description": "Neo4j did not answer within 2 s."}},
    summary="Service and database status",
)
async def health(graph: AsyncGraphDep) -> HealthOut | Response:
    try:
        neo4j = await graph.run(database_status(), HEALTH_DEADLINE_SECONDS)
        applied = await graph.run(schema_version(), HEALTH_DEADLINE_SECONDS)
    except (DatabaseUnavailable, QueryTimeout) as exc:
        down = HealthDownOut(status="degraded", error=exc.title, detail=exc.message,
                             neo4j={"status": "down"}, schema_={"expected": expected_schema()})
        return JSONResponse(down.model_dump(by_alias=True), status_code=503,
                            headers={"Retry-After": str(exc.retry_after)})
    return HealthOut(status="ok", neo4j=neo4j,
                     schema_={"applied": applied, "expected": expected_schema()})
