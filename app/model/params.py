"""Typed query parameters. FastAPI turns a failed check into a 422 naming the field."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.model.times import to_utc
from app.schema.loader import ID_PATTERN, get_schema
from app.schema.types import EntityType, RelType

IdParam = Annotated[str, Field(min_length=1, max_length=200, pattern=ID_PATTERN)]
AsOf = Annotated[date | None, Field(
    None, description="Only facts valid on this day (YYYY-MM-DD). Undated facts are kept: "
    "the source gave no dates, which is not the same as not valid.", examples=["2024-07-01"])]


FAR_FUTURE = datetime(9999, 12, 31, tzinfo=UTC)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    as_recorded: datetime | None = Field(
        None, description="Answer from the graph as it was recorded at this moment (ISO 8601; "
        "UTC if no offset), e.g. the view published with a story. Separate from as_of.",
        examples=["2099-12-31T23:59:59Z"])

    @field_validator("as_recorded")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        """Store and compare in UTC (Neo4j also refuses offsets beyond 18 hours)."""
        try:
            return to_utc(value)
        except ValueError:
            raise ValueError("as_recorded is out of range") from None

    @property
    def t(self) -> datetime:
        """The record-time cut-off every read query takes as $t (already UTC, see above)."""
        return self.as_recorded or FAR_FUTURE


class Direction(StrEnum):
    out = "out"
    in_ = "in"
    both = "both"


class SearchParams(Params):
    as_of: date | None = Field(None, description="Only entities that existed on this day: an "
                               "event or agreement dated later is left out (undated ones are kept).",
                               examples=["2024-07-01"])
    q: str | None = Field(None, min_length=1, max_length=200,
                          description="Words to find in names, aliases and names in other "
                          "languages. Case, accents and small typos do not matter.",
                          examples=["Jose Raul Mulino"])
    type: list[EntityType] = Field(default_factory=list, description="Only these entity types.",
                                   examples=[["Person"]])
    limit: int = Field(20, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000)

    @field_validator("q")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("q must contain words; leave it out to list entities by type")
        return value


class NeighborParams(Params):
    depth: int = Field(1, ge=1, le=3, description="Hops from the entity (1 to 3).")
    type: list[EntityType] = Field(default_factory=list, description="Only neighbors of these types.",
                                   examples=[["Person", "Organization"]])
    rel_type: list[RelType] = Field(default_factory=list, description="Only these relationship types.",
                                    examples=[["PARTY_TO"]])
    direction: Direction = Field(Direction.both, description="Follow relationships out, in or both.")
    as_of: AsOf = None
    limit: int = Field(50, ge=1, le=1000, description="At most this many neighbors; the response "
                       "says how many more there are.")


class PathParams(Params):
    from_id: IdParam = Field(alias="from", description="Start entity id.", examples=["alejandro-mayorkas"])
    to_id: IdParam = Field(alias="to", description="End entity id.", examples=["jose-raul-mulino"])
    k: int = Field(3, ge=1, le=10, description=(
        "At most this many paths: the shortest first, then alternative routes that avoid "
        "the entities in between (and the direct links) of those already found."))
    max_hops: int = Field(4, ge=1, le=6, description="Longest path, in relationships.")
    as_of: AsOf = None
    exclude_type: list[EntityType] = Field(default_factory=list, examples=[["Event"]],
                                           description="Entity types no path may pass through.")
    exclude_rel_type: list[RelType] = Field(default_factory=list, examples=[["REPORTED"]],
                                            description="Relationship types no path may use.")

    @model_validator(mode="after")
    def _distinct(self) -> "PathParams":
        if self.from_id == self.to_id:
            raise ValueError("from and to must be different entities")
        return self


class ConnectionParams(Params):
    ids: list[IdParam] = Field(min_length=2, max_length=10,
                               description="Two to ten entity ids; repeat the parameter.",
                               examples=[["united-states", "panama"]])
    as_of: AsOf = None
    limit: int = Field(50, ge=1, le=500)

    @field_validator("ids")
    @classmethod
    def _unique(cls, ids: list[str]) -> list[str]:
        if len(set(ids)) != len(ids):
            raise ValueError("ids must be distinct")
        return ids


def _status_values(label: str) -> tuple[str, ...]:
    """The states its lifecycle can put a type in ("funded" is a step, never a status)."""
    return tuple(s for s in get_schema().nodes[label].lifecycle if s != "funded")


AgreementStatus = StrEnum("AgreementStatus", {v: v for v in _status_values("Agreement")})  # type: ignore[misc]
PolicyStatus = StrEnum("PolicyStatus", {v: v for v in _status_values("Policy")})  # type: ignore[misc]


class InstrumentParams(Params):
    country: IdParam | None = Field(None, description="Only those linked to this country (as party, "
                                    "issuer, affected, or through its organizations).",
                                    examples=["panama"])
    as_of: AsOf = None
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000)


class AgreementParams(InstrumentParams):
    status: AgreementStatus | None = Field(None, examples=["signed"])


class PolicyParams(InstrumentParams):
    status: PolicyStatus | None = Field(None, examples=["in_force"])


class SubgraphFormat(StrEnum):
    json = "json"
    csv = "csv"
    gexf = "gexf"
    graphml = "graphml"
    ftm = "ftm"


class SubgraphParams(Params):
    ids: list[IdParam] = Field(min_length=1, max_length=1000,
                               description="Entity ids; repeat the parameter.",
                               examples=[["alejandro-mayorkas", "jose-raul-mulino"]])
    as_of: AsOf = None
    format: SubgraphFormat = Field(SubgraphFormat.json, description=(
        "json (the view), or a file: csv (a zip of nodes.csv and edges.csv), gexf (GEXF 1.3), "
        "graphml, or ftm (FollowTheMoney JSON lines, for Aleph)."))


class SnapshotParams(Params):
    """For reads that take the record-time axis (and, where they say so, as_of)."""


class DatedParams(SnapshotParams):
    as_of: AsOf = None


class TimelineParams(DatedParams):
    limit: int = Field(100, ge=1, le=1000, description=(
        "At most this many entries: the dated ones by date, then the undated. A country "
        "has thousands; page with offset."))
    offset: int = Field(0, ge=0, le=100_000, description="Entries to skip.")


class DocumentParams(DatedParams):
    """/id/{id}: both time axes, and the format."""

    format: str | None = Field(None, max_length=20, description="Override Accept: json, html, or "
                               "ttl, jsonld, nt, xml, trig, nquads.", examples=["ttl"])


class ExportParams(DatedParams):
    """/export: both time axes, and the format."""

    format: str = Field("turtle", max_length=20, description="RDF: turtle, jsonld, nt, xml, trig or "
                        "nquads (aliases ttl, json-ld, rdf, nq); or csv (a zip of nodes.csv and "
                        "edges.csv), gexf (GEXF 1.3), graphml, or ftm (FollowTheMoney JSON lines).",
                        examples=["nt"])


class EntityParams(DatedParams):
    per_type: int = Field(50, ge=1, le=10_000, description=(
        "At most this many relationships of each type, by the other entity's name; "
        "relationship_counts has the totals. Hubs such as countries have thousands."))
