"""Article ingestion: what is posted, the proposals it becomes, and a reviewer's decisions."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.model.records import Id
from app.schema.types import EntityType, RelType

Status = Literal["pending", "reviewed", "rejected"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IngestIn(Strict):
    text: str = Field(min_length=20, max_length=200_000, description="The article's full text.",
                      examples=["Panama and the United States signed an agreement on Monday."])
    title: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    publisher: str | None = Field(None, max_length=200)
    published: date | None = Field(None, description="Resolves relative dates (\"last month\").")
    language: str | None = Field("en", max_length=20)


class Span(BaseModel):
    start: int
    end: int


class MentionCandidate(BaseModel):
    id: str
    name: str
    type: str
    score: float


class Mention(BaseModel):
    id: str
    start: int
    end: int
    text: str = Field(description="Exactly text[start:end] of the article.")
    type: str
    name: str = Field(description="The name a new entity would get (a country's for a nationality).")
    sentence: Span
    candidates: list[MentionCandidate]
    proposal: Literal["link", "new"]
    properties: dict[str, Any] = Field(default_factory=dict,
                                       description="What a new entity of this type needs.")
    decision: str | None = Field(None, description="After review: accepted, linked or rejected.")
    entity: str | None = Field(None, description="After review: the entity it became or links to.")


class Evidence(BaseModel):
    start: int
    end: int
    quote: str


class Relation(BaseModel):
    id: str
    subject: str
    type: str
    object: str
    evidence: Evidence
    valid_from: date | None = None
    valid_to: date | None = None
    date_text: str | None = None
    mode: Literal["asserted", "attributed"]
    attributed_to: str | None = None
    decision: str | None = None


class DateMention(BaseModel):
    start: int
    end: int
    text: str
    value: str | None
    precision: Literal["day", "month", "year"]


class IngestSource(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None


class Ingest(BaseModel):
    id: str
    status: Status
    created_at: datetime
    reviewed_at: datetime | None = None
    source: IngestSource
    text: str
    mentions: list[Mention]
    relations: list[Relation]
    dates: list[DateMention]


class IngestSummary(BaseModel):
    id: str
    status: Status
    created_at: datetime
    title: str | None
    mentions: int
    relations: int


class MentionDecision(Strict):
    action: Literal["accept", "reject", "link"] = Field(
        description="accept: link to the top candidate if proposed as a link, else create; "
        "link: link to `id`; reject: leave it out (and never propose it again).")
    id: Id | None = Field(None, description="With link: the entity to link to.")
    name: str | None = Field(None, min_length=1, max_length=300, description="A new entity's name.")
    type: EntityType | None = Field(None, description="A new entity's type.")


class RelationDecision(Strict):
    action: Literal["accept", "reject"]
    type: RelType | None = None
    valid_from: date | None = None
    valid_to: date | None = None


MentionId = Annotated[str, Field(pattern=r"^m\d+$")]
RelationId = Annotated[str, Field(pattern=r"^r\d+$")]


class ReviewIn(Strict):
    mentions: dict[MentionId, MentionDecision] = Field(default_factory=dict)
    relations: dict[RelationId, RelationDecision] = Field(default_factory=dict)
    confidence: float = Field(0.9, ge=0, le=1, description="The citations' confidence.")


class ReviewOut(BaseModel):
    id: str
    status: Status
    source: str | None
    created: list[str] = Field(description="Ids of the entities created.")
    linked: list[str]
    relationships: list[str]
    rejected: int
