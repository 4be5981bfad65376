"""GET /facts and GET /sources: provenance questions. Which facts a source supports, which are attributed to
someone, which are uncertain, which held in a period, which quote says what."""

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from app.model.params import AsOf, IdParam, Params
from app.model.responses import CitationOut, EntityRef, SourceFields
from app.schema.types import RelType

# Lucene's operators: a query is words, never syntax ("fact_quotes" must not fail on "(").
LUCENE_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/]')


class Worded(Params):
    """A `q` of plain words for a full-text index; Lucene syntax is never passed through."""

    q: str | None = None

    @field_validator("q")
    @classmethod
    def _words(cls, value: str | None) -> str | None:
        if value is not None and not LUCENE_SPECIAL.sub(" ", value).split():
            raise ValueError("q needs at least one word")
        return value

    @property
    def lucene(self) -> str | None:
        """Every word required, as plain terms (lowercase: Lucene reads AND, OR, NOT as operators)."""
        if self.q is None:
            return None
        return " AND ".join(LUCENE_SPECIAL.sub(" ", self.q).lower().split())


class FactsParams(Worded):
    q: str | None = Field(None, min_length=2, max_length=200, description="Words of a quote "
                          "(every word must appear; stemmed, so 'vows' finds 'vowed').",
                          examples=["deportation infrastructure"])
    source: IdParam | None = Field(None, description="Only citations from this source.",
                                   examples=["seed-000-eb3fd6c821e75620"])
    min_confidence: float | None = Field(None, ge=0, le=1, examples=[0.5])
    max_confidence: float | None = Field(None, ge=0, le=1, examples=[0.99])
    mode: Literal["asserted", "attributed"] | None = Field(None, examples=["attributed"])
    attributed_to: IdParam | None = Field(None, description="Only claims made by this entity.",
                                          examples=["jose-raul-mulino"])
    entity: IdParam | None = Field(None, description="Only facts touching this entity.",
                                   examples=["panama"])
    rel_type: RelType | None = Field(None, description="Only relationships of this type "
                                     "(entity attributes are left out).", examples=["PARTY_TO"])
    from_: date | None = Field(None, alias="from", description="Facts whose valid time overlaps "
                               "[from, to].", examples=["2024-06-01"])
    to: date | None = Field(None, examples=["2024-06-30"])
    include_undated: bool = Field(False, description="With from/to: keep facts without dates.")
    as_of: AsOf = None
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000)

    @model_validator(mode="after")
    def _ranges(self) -> "FactsParams":
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError("to is before from")
        if (self.min_confidence or 0) > (self.max_confidence if self.max_confidence is not None else 1):
            raise ValueError("min_confidence is above max_confidence")
        return self


class FactOut(BaseModel):
    id: str = Field(description="The fact's id (/fact/{id}), or the entity's for an attribute.")
    type: str = Field(description="The relationship type, or ATTRIBUTE for what an entity's "
                      "citations support (see `fields`).")
    subject: EntityRef
    object: EntityRef | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    score: float | None = Field(None, description="Quote search relevance (with q).")
    citations: list[CitationOut] = Field(description="The citations that pass the filters.")


class FactsOut(BaseModel):
    results: list[FactOut]
    more: bool = Field(description="More facts follow: ask again with offset + limit.")
    query: dict[str, Any] = Field(description="The filters applied.")




class SourcesParams(Worded):
    q: str | None = Field(None, min_length=2, max_length=200, description="Words in the source's "
                          "title or text (every word must appear; stemmed); the best matches first.",
                          examples=["deportation infrastructure"])
    publisher: str | None = Field(None, max_length=200, description="Only this publisher's sources.",
                                  examples=["U.S. Department of Homeland Security"])
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=100_000)


class SourceSummary(SourceFields):
    relationships: int = Field(description="Relationships citing it.")
    entities: int = Field(description="Entities citing it.")
    score: float | None = Field(None, description="With q: how well it matches (higher is better).")
    lede: str = Field(description="The text's first sentence (at most 200 characters): what a "
                      "reader sees of a source without a title.")
