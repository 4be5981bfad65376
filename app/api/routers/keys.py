from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, status

from app.api.auth import AdminDep
from app.api.deps import AsyncGraphDep, GraphDep
from app.api.routers.curation import WRITE_ERRORS
from app.model.actors import Role
from app.reads.keys import list_keys
from app.writes.keys import create_key, revoke_key

router = APIRouter(prefix="/keys", tags=["keys"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=WRITE_ERRORS,
             summary="Create an API key; the key is shown this once (admin)")
def post_key(who: AdminDep, graph: GraphDep,
             name: Annotated[str, Body(min_length=1, max_length=100, examples=["desk editor"])],
             role: Annotated[Role, Body(examples=["editor"])]) -> dict[str, Any]:
    key, record = create_key(graph, name, role)
    return {**record, "key": key}


@router.get("", responses=WRITE_ERRORS, summary="List keys, without secrets (admin)")
async def get_keys(who: AdminDep, graph: AsyncGraphDep) -> list[dict[str, Any]]:
    return await graph.run(list_keys())


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_ERRORS,
               summary="Revoke a key (admin)")
def delete_key(key_id: Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", examples=["0123456789ab"])],
               who: AdminDep,
               graph: GraphDep) -> None:
    revoke_key(graph, key_id)
