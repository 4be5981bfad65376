"""Response models shared by the routers."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class CitationOut(BaseModel):
    source: str = Field(description="Id of the source; see GET /sources/{id}.")
    quote: str = Field(description="The exact words in the source.")
    confidence: float
    mode: Literal["asserted", "attributed"] = Field(
        description="asserted: the source states it; attributed: the source reports someone's claim."
    )
    attributed_to: str | None = None
    fields: list[str] = Field(default_factory=list, description="Attributes this citation supports.")


class EntityRef(BaseModel):
    id: str
    name: str
    type: str


class RelationshipOut(BaseModel):
    id: str
    type: str
    direction: Literal["out", "in"] = Field(description="out: this entity is the subject.")
    other: EntityRef
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[CitationOut]
    recorded_at: str | None = None


class EntityOut(BaseModel):
    id: str
    type: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    names: dict[str, str] = Field(default_factory=dict)
    description: str | None = None
    identifiers: dict[str, str] = Field(default_factory=dict)
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[CitationOut] = Field(default_factory=list)
    recorded_at: str | None = None
    relationships: dict[str, list[RelationshipOut]] = Field(
        default_factory=dict, description="Relationships grouped by type."
    )


class HealthOut(BaseModel):
    status: Literal["ok"]
    neo4j: dict[str, Any]
    schema_: dict[str, Any] | None = Field(alias="schema")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class ErrorOut(BaseModel):
    error: str
    detail: str
