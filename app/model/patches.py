"""The changes an editor may send: fields to change, each change with a new citation."""

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.model.records import WIKIDATA_QID, Citation, Stage


class EntityPatch(BaseModel):
    """Fields to change. New citations are required and must cover every changed attribute."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1)
    aliases: list[str] | None = None
    names: dict[str, str] | None = None
    description: str | None = None
    wikidata_qid: str | None = Field(None, pattern=WIKIDATA_QID)
    properties: dict[str, Any] | None = Field(None, description="Merged into the current ones.")
    lifecycle: list[Stage] | None = Field(None, max_length=50, description=(
        "Stages to add (each cites its own words); a stage already there with the same date "
        "is replaced."))
    citations: list[Citation] = Field(default_factory=list, description=(
        "New citations covering every changed attribute; at least one unless only stages are added."))

    @model_validator(mode="after")
    def _something_cited(self) -> "EntityPatch":
        if not self.citations and not self.lifecycle:
            raise ValueError("a change needs at least one new citation (or cited lifecycle stages)")
        return self


class RelationshipPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    valid_from: date | None = Field(None, description="YYYY-MM-DD")
    valid_to: date | None = Field(None, description="YYYY-MM-DD")
    date_text: str | None = None
    properties: dict[str, Any] | None = None
    citations: list[Citation] = Field(min_length=1, description="At least one new citation.")


class SourcePatch(BaseModel):
    """Metadata only: the text is what quotes are checked against, so it never changes."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
