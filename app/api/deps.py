"""Typed dependencies: the backend reaches routers only through these aliases."""

from typing import Annotated

from fastapi import Depends, Request

from app.store.db import AsyncGraph, Graph


async def get_graph(request: Request) -> Graph:
    # async: a sync dependency would cost a threadpool hop on every request.
    graph: Graph = request.app.state.graph
    return graph


async def get_async_graph(request: Request) -> AsyncGraph:
    graph: AsyncGraph = request.app.state.async_graph
    return graph


GraphDep = Annotated[Graph, Depends(get_graph)]
# For async routes: reads on the event loop, no worker thread.
AsyncGraphDep = Annotated[AsyncGraph, Depends(get_async_graph)]
