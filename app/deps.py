"""Typed dependencies: the backend reaches routers only through `GraphDep`."""

from typing import Annotated

from fastapi import Depends, Request

from app.db import Graph


async def get_graph(request: Request) -> Graph:
    # async: a sync dependency would cost a threadpool hop on every request.
    graph: Graph = request.app.state.graph
    return graph


GraphDep = Annotated[Graph, Depends(get_graph)]
