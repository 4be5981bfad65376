"""The Reconciliation Service API 0.2 (W3C Entity Reconciliation CG), as pydantic shapes:
what OpenRefine sends in `queries` and `extend`. Unknown keys are ignored, as the spec's
clients send extras; everything we read is checked."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.model.params import AsOf, Params
from app.schema.loader import ID_PATTERN
from app.schema.types import EntityType

MAX_PROPERTIES = 20


class PropertyValue(BaseModel):
    model_config = ConfigDict(extra="ignore")

    pid: str = Field(min_length=1, max_length=100)
    v: str | int | float | bool | dict[str, str] | list[str | int | float | bool | dict[str, str]]

    def texts(self) -> list[str]:
        """The values as text; an entity value {"id": ...} by its id."""
        values = self.v if isinstance(self.v, list) else [self.v]
        return [str(v.get("id", v.get("name", ""))) if isinstance(v, dict) else str(v) for v in values]


class ReconQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    query: str = Field(min_length=1, max_length=500)
    type: EntityType | list[EntityType] | None = None
    type_strict: Literal["any", "all", "should"] | None = None
    limit: int = Field(5, ge=1, le=100)
    properties: list[PropertyValue] = Field(default_factory=list, max_length=MAX_PROPERTIES)

    def types(self) -> tuple[str, ...]:
        if self.type is None:
            return ()
        return tuple(str(t) for t in (self.type if isinstance(self.type, list) else [self.type]))


class PropertyRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=100)
    settings: dict[str, str | int | float | bool] = Field(default_factory=dict)


class ExtendRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    ids: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=1)
    properties: list[PropertyRequest] = Field(min_length=1, max_length=50)


class ReconcileParams(Params):
    queries: str | None = Field(None, max_length=1_000_000, description=(
        'A JSON batch {"q0": {"query": "Mulino", "type": "Person", "limit": 3}}.'),
        examples=['{"q0": {"query": "Secretary Mayorkas", "type": "Person"}}'])
    extend: str | None = Field(None, max_length=1_000_000, description=(
        'A JSON data-extension request {"ids": [...], "properties": [{"id": ...}]}.'),
        examples=['{"ids": ["panama"], "properties": [{"id": "in:PARTY_TO"}]}'])
    as_of: AsOf = None


class SuggestParams(Params):
    prefix: str = Field(min_length=1, max_length=200, examples=["mul"])
    cursor: int = Field(0, ge=0, le=10_000)
    type: EntityType | None = Field(None, description="Entities of this type only.", examples=["Person"])


class TermParams(BaseModel):
    """Types and properties come from the schema, which has no record time: no as_recorded."""

    model_config = ConfigDict(extra="forbid")
    prefix: str = Field(min_length=1, max_length=200, examples=["per"])
    cursor: int = Field(0, ge=0, le=10_000)


class PropertyParams(TermParams):
    type: EntityType | None = Field(None, description="Properties of this type only.",
                                    examples=["Agreement"])


class ProposeParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: EntityType = Field(examples=["Agreement"])
    limit: int = Field(0, ge=0, le=500, description="At most this many (0: all).")


class PreviewParams(Params):
    id: str = Field(min_length=1, max_length=200, pattern=ID_PATTERN, examples=["jose-raul-mulino"])
