"""Answers: what every read and write returns."""

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


class FactFields(BaseModel):
    """What a relationship says, however it is reached: its dates, properties, citations."""

    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[CitationOut]
    recorded_at: str | None = None


class RelationshipOut(FactFields):
    """A relationship seen from one of its ends."""

    id: str
    type: str
    direction: Literal["out", "in"] = Field(description="out: this entity is the subject.")
    other: EntityRef


class StageOut(BaseModel):
    stage: str = Field(description="announced, signed, in_force, funded, suspended or ended.")
    date: str | None = Field(None, description="ISO date, where the source gives it.")
    date_text: str | None = None
    citation: CitationOut


class EntityCore(BaseModel):
    """An entity's own fields: every answer about one entity (agreements too) has them."""

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
    status: str | None = Field(None, description="An agreement's or policy's latest lifecycle stage "
                               "by `as_of` (today if not given), \"funded\" aside; null for others.")
    lifecycle: list[StageOut] = Field(default_factory=list, description="Its cited stages, dated "
                                      "where the source dates them; those after `as_of` left out.")


class EntityOut(EntityCore):
    relationships: dict[str, list[RelationshipOut]] = Field(
        default_factory=dict, description="Relationships grouped by type, by the other entity's "
        "name; at most `per_type` of each type."
    )
    relationship_counts: dict[str, int] = Field(
        default_factory=dict, description="How many relationships of each type the entity has, "
        "shown or not.")


class FactDetail(FactFields):
    """One relationship on its own: `/relationships/{id}` and the JSON of `/fact/{id}`."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    id: str
    type: str
    from_entity: EntityRef = Field(alias="from", description="The subject.")
    to_entity: EntityRef = Field(alias="to", description="The object.")


class HealthOut(BaseModel):
    status: Literal["ok"]
    neo4j: dict[str, Any]
    schema_: dict[str, Any] | None = Field(alias="schema")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class HealthDownOut(BaseModel):
    """What /health says when the database does not answer in time: a 503."""

    status: Literal["degraded"]
    error: str
    detail: str
    neo4j: dict[str, Any]
    schema_: dict[str, Any] | None = Field(alias="schema")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class FieldProblem(BaseModel):
    loc: list[str | int] = Field(description="Where: body, query, path or header, then the field.")
    msg: str


class Problem(BaseModel):
    """Every 4xx and 5xx answer (RFC 9457 problem details, application/problem+json)."""

    type: str = "about:blank"
    title: str = Field(description="The kind of problem, e.g. invalid input, not found.")
    status: int
    detail: str = Field(description="What went wrong with this request, naming the field.")
    errors: list[FieldProblem] | None = Field(None, description="Each invalid field, on a 422.")


class SearchHit(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    score: float | None = Field(None, description="Relevance; null when listing without q.")


class SearchPage(BaseModel):
    query: str | None
    total: int = Field(description="Matches in all (search counts at most 1,000).")
    limit: int
    offset: int
    results: list[SearchHit]


class EdgeOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    id: str
    type: str
    from_id: str = Field(alias="from")
    to_id: str = Field(alias="to")
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    citations: list[CitationOut]


class NeighborCount(BaseModel):
    type: str
    direction: Literal["out", "in"]
    count: int


class NeighborNode(EntityRef):
    distance: int = Field(description="Hops from the center.")


class NeighborsOut(BaseModel):
    center: EntityRef
    counts: list[NeighborCount] = Field(description="Direct relationships by type and direction, "
                                        "before filters: what each expansion would bring.")
    nodes: list[NeighborNode]
    edges: list[EdgeOut]
    total: int = Field(description="Neighbors that match the filters.")
    more: int = Field(description="Matching neighbors left out by the limit.")
    truncated: bool
    total_is_lower_bound: bool = Field(
        description="The expansion stopped at its work bound on a hub: there are at least `total`.")


class PathOut(BaseModel):
    length: int
    nodes: list[EntityRef]
    relationships: list[EdgeOut] = Field(description="In order; relationships[i] links nodes[i] "
                                         "and nodes[i+1], in either direction.")


class PathsOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    from_id: str = Field(alias="from")
    to_id: str = Field(alias="to")
    found: bool
    message: str
    paths: list[PathOut]


class ConnectionOut(BaseModel):
    entity: EntityRef
    relationships: list[EdgeOut]


class ConnectionsOut(BaseModel):
    ids: list[str]
    results: list[ConnectionOut]


class TimelineEntry(BaseModel):
    date: str | None = Field(None, description="ISO date; null in the undated list.")
    date_end: str | None = None
    date_text: str | None = Field(None, description="The date as the source words it.")
    kind: Literal["relationship", "event", "statement", "stage"]
    relationship: RelationshipOut | None = Field(None, description="Null for a lifecycle stage.")
    stage: StageOut | None = Field(None, description="The entity's own lifecycle stage, if it is one.")


class TimelineOut(BaseModel):
    entity: EntityRef
    dated: list[TimelineEntry] = Field(description="This window's dated entries, by date.")
    undated: list[TimelineEntry] = Field(description="This window's undated entries; they come "
                                         "after every dated one.")
    total_dated: int = Field(description="Dated entries in the whole timeline.")
    total_undated: int = Field(description="Undated entries in the whole timeline.")
    limit: int
    offset: int
    more: int = Field(description="Entries after this window: ask again with offset + limit.")


class FactOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    id: str
    type: str
    from_entity: EntityRef = Field(alias="from")
    to_entity: EntityRef = Field(alias="to")
    citations: list[CitationOut] = Field(description="The citations of this fact to this source.")


class CitedEntity(BaseModel):
    entity: EntityRef
    citations: list[CitationOut]


class SourceFields(BaseModel):
    """A source's metadata, in its full answer and in the list of sources."""

    id: str
    kind: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None


class SourceOut(SourceFields):
    document: str | None = None
    content_hash: str
    recorded_at: str | None = None
    text: str
    relationships: list[FactOut]
    entities: list[CitedEntity]


class SubgraphOut(BaseModel):
    nodes: list[EntityRef]
    edges: list[EdgeOut]
    missing: list[str] = Field(description="Requested ids that match no entity.")


class WriteReport(BaseModel):
    batch: str | None = Field(description="History batch id of this write.")
    created: int
    updated: int
    unchanged: int


class EntityTypeOut(BaseModel):
    label: str
    description: str
    display: dict[str, str] = Field(description="How the browser draws it: color, shape, letter.")


class RelationshipTypeOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    type: str
    description: str
    from_labels: list[str] = Field(alias="from")
    to_labels: list[str] = Field(alias="to")


class SchemaOut(BaseModel):
    version: int
    checksum: str
    entity_types: list[EntityTypeOut]
    relationship_types: list[RelationshipTypeOut]

