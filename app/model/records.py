"""Input records (seeds, imports, writes): sources, entities, relationships, citations.

Cross-record checks (quotes found in their source, endpoint types) are in
`app.writes.validate`.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.model.times import UtcDateTime
from app.schema.loader import FACT_ID_PATTERN, ID_PATTERN, LIFECYCLE_STAGES, wikidata_pattern
from app.schema.types import EntityType, RelType

WIKIDATA_QID = wikidata_pattern()
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=200)]
FactId = Annotated[str, Field(pattern=FACT_ID_PATTERN, max_length=400)]
RecordedAt = Annotated[UtcDateTime | None, Field(
    description="When the fact entered the graph: set by the server (a value sent to the API is "
    "refused); an RDF restore keeps the exported one.", json_schema_extra={"readOnly": True})]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Citation(Strict):
    source: Id = Field(description="Id of the Source that supports the fact.")
    quote: str = Field(min_length=3, description="Words copied exactly from the source text.")
    confidence: float = Field(
        ge=0, le=1, description="How sure the curator is that the quote supports the fact."
    )
    mode: Literal["asserted", "attributed"] = Field(
        description="asserted: the source states the fact itself; attributed: it reports someone's claim."
    )
    attributed_to: Id | None = Field(None, description="Who made the claim, for attributed citations.")
    fields: list[str] = Field(default_factory=list, description="Entity attributes the quote supports.")

    @model_validator(mode="after")
    def _attribution(self) -> "Citation":
        if self.mode == "attributed" and not self.attributed_to:
            raise ValueError("an attributed citation needs attributed_to")
        return self


StageName = Literal[LIFECYCLE_STAGES]  # type: ignore[valid-type]
Day = date  # a stage's field is called `date`, which would shadow the type in its class


class Stage(Strict):
    """One cited step in an agreement's or policy's life: announced, signed, in force..."""

    stage: StageName = Field(description="Which step; the type's schema says which it may have.")
    date: Day | None = Field(None, description="The day, where the source gives it (YYYY-MM-DD).")
    date_text: str | None = Field(None, description="The date as the source words it, if not a day.")
    citation: Citation = Field(description="The words that state this step.")


class SourceRecord(Strict):
    id: Id
    kind: Literal["news_article", "document", "press_release", "report"]
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    document: str | None = None
    language: str | None = None
    text: str | None = Field(None, description="The full text, inline.")
    text_file: str | None = Field(None, description="Or a file beside the seed file holding it.")
    recorded_at: RecordedAt = None

    @model_validator(mode="after")
    def _has_text(self) -> "SourceRecord":
        if bool(self.text) == bool(self.text_file):
            raise ValueError("give exactly one of text and text_file")
        return self


class EntityRecord(Strict):
    id: Id
    type: EntityType
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    names: dict[str, str] = Field(default_factory=dict)
    description: str | None = None
    wikidata_qid: str | None = Field(None, pattern=WIKIDATA_QID)
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[Citation] = Field(min_length=1)
    lifecycle: list[Stage] = Field(default_factory=list, max_length=50, description=(
        "An agreement's or policy's cited stages; its status is derived from them."))
    recorded_at: RecordedAt = None

    @property
    def every_citation(self) -> list[Citation]:
        """Its own citations and its stages' (which sources and speakers it needs)."""
        return [*self.citations, *(stage.citation for stage in self.lifecycle)]


class RelationshipRecord(Strict):
    id: FactId | None = None
    type: RelType
    from_id: Id = Field(alias="from")
    to_id: Id = Field(alias="to")
    valid_from: date | None = None
    valid_to: date | None = None
    date_text: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[Citation] = Field(min_length=1)
    recorded_at: RecordedAt = None

    @model_validator(mode="after")
    def _dates(self) -> "RelationshipRecord":
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    @property
    def fact_id(self) -> str:
        return self.id or f"{self.from_id}--{self.type.lower().replace('_', '-')}--{self.to_id}"


@dataclass
class Bundle:
    """Everything to write in one go, after validation."""

    sources: list[tuple[SourceRecord, str]] = field(default_factory=list)  # with its text
    entities: list[EntityRecord] = field(default_factory=list)
    relationships: list[RelationshipRecord] = field(default_factory=list)
