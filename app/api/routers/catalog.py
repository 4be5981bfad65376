from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import AsyncGraphDep
from app.api.routers import ERRORS
from app.model.facts import FactsOut, FactsParams, SourcesParams, SourceSummary
from app.model.instruments import InstrumentOut
from app.model.params import AgreementParams, DatedParams, PolicyParams
from app.model.responses import SchemaOut, SourceOut
from app.reads.catalog import get_source, instruments
from app.reads.provenance import list_facts, list_sources
from app.schema.loader import get_schema

router = APIRouter(tags=["catalog"])


@router.get("/facts", response_model=FactsOut, responses=ERRORS,
            summary="Cited facts by source, confidence, mode, speaker, entity, type, period or quote")
async def facts(params: Annotated[FactsParams, Query()], graph: AsyncGraphDep) -> FactsOut:
    return await graph.run(list_facts(params))


@router.get("/sources", response_model=list[SourceSummary], responses=ERRORS,
            summary="Sources, newest first, with how many facts cite each")
async def sources(params: Annotated[SourcesParams, Query()], graph: AsyncGraphDep) -> list[SourceSummary]:
    return await graph.run(list_sources(params))


@router.get("/agreements", response_model=list[InstrumentOut], responses=ERRORS,
            summary="Agreements with parties, signatories, funders and status")
async def list_agreements(params: Annotated[AgreementParams, Query()],
                          graph: AsyncGraphDep) -> list[InstrumentOut]:
    status = str(params.status) if params.status else None
    return await graph.run(instruments("Agreement", params, status))


@router.get("/policies", response_model=list[InstrumentOut], responses=ERRORS,
            summary="Policies with issuer, affected countries and status")
async def list_policies(params: Annotated[PolicyParams, Query()],
                        graph: AsyncGraphDep) -> list[InstrumentOut]:
    status = str(params.status) if params.status else None
    return await graph.run(instruments("Policy", params, status))


@router.get("/sources/{source_id}", response_model=SourceOut, responses=ERRORS,
            summary="A source, its text, and every fact that cites it")
async def read_source(
    source_id: Annotated[str, Path(min_length=1, max_length=200,
                                   examples=["seed-000-eb3fd6c821e75620"])],
    params: Annotated[DatedParams, Query()],
    graph: AsyncGraphDep,
) -> SourceOut:
    return await graph.run(get_source(source_id, params.t, params.as_of))


@router.get("/schema", response_model=SchemaOut, tags=["service"], responses=ERRORS,
            summary="The entity and relationship types, with how the browser draws each")
async def read_schema() -> SchemaOut:
    schema = get_schema()
    return SchemaOut.model_validate({
        "version": schema.version, "checksum": schema.checksum,
        "entity_types": [{"label": n.label, "description": n.description, "display": n.display}
                         for n in schema.nodes.values() if n.is_entity],
        "relationship_types": [{"type": r.type, "description": r.description,
                                "from": list(r.from_labels), "to": list(r.to_labels)}
                               for r in schema.relationships.values()],
    })
