from typing import Annotated

from fastapi import APIRouter, Path

from app.deps import GraphDep
from app.entities import get_entity
from app.models import EntityOut, ErrorOut

router = APIRouter(tags=["entities"])

EntityId = Annotated[
    str,
    Path(min_length=1, max_length=200, description="Stable entity id.",
         examples=["alejandro-mayorkas"]),
]


@router.get(
    "/entities/{entity_id}",
    response_model=EntityOut,
    responses={404: {"model": ErrorOut}, 503: {"model": ErrorOut}},
    summary="One entity with its relationships, grouped by type, and their citations",
)
def read_entity(entity_id: EntityId, graph: GraphDep) -> EntityOut:
    return get_entity(graph, entity_id)
