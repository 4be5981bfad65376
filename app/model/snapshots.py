"""Citable snapshots: a frozen, hashed view of a subgraph, as the graph recorded it."""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.model.params import IdParam
from app.schema.types import EntityType


class SnapshotIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[IdParam] = Field(min_length=1, max_length=1000, description=(
        "The root entities: at most 50 with depth 1 or 2, up to 1,000 (a browser view) with 0."),
        examples=[["us-panama-deportation-agreement-2024"]])
    depth: int = Field(1, ge=0, le=2, description="Hops around the roots (0: the roots alone).")
    types: list[EntityType] = Field(default_factory=list, description="Only neighbors of these types.")
    as_of: date | None = Field(None, description="Only facts valid on this day (YYYY-MM-DD).")
    title: str = Field(min_length=1, max_length=300, examples=["The graph behind our story on the "
                                                                "U.S.-Panama deportation agreement"])

    @model_validator(mode="after")
    def _bounded(self) -> "SnapshotIn":
        if self.depth and len(self.ids) > 50:
            raise ValueError("with depth 1 or 2, at most 50 ids; freeze a larger view with depth 0")
        return self


class SnapshotOut(BaseModel):
    id: str = Field(description="Derived from the hash: the same content is the same snapshot.")
    title: str
    sha256: str = Field(description="sha256 of the snapshot's canonical N-Triples (sorted lines).")
    recorded_at: str = Field(description="The frozen as_recorded: the graph as it was then.")
    created_by: str | None = None
    roots: list[str]
    depth: int
    types: list[str]
    as_of: str | None = None
    entities: list[str] = Field(description="Every entity the snapshot holds.")
    triples: int
    citation: str = Field(description="A ready citation line.")
    links: dict[str, str] = Field(description="The snapshot in other formats, and the live graph.")


class ChangeOut(BaseModel):
    kind: Literal["edited", "retracted", "merged", "new"]
    record: Literal["entity", "relationship"]
    id: str
    at: str


class SnapshotChanges(BaseModel):
    snapshot: str
    since: str
    total: int = Field(description="Facts and entities changed since the snapshot.")
    changes: list[ChangeOut]


def datacite(snapshot: SnapshotOut, url: str, publisher: str, sources: list[str]) -> dict[str, Any]:
    """DataCite metadata (the REST API's JSON attributes) a newsroom can deposit for a DOI."""
    return {"data": {"type": "dois", "attributes": {
        "titles": [{"title": snapshot.title}],
        "creators": [{"name": snapshot.created_by or publisher, "nameType": "Organizational"}],
        "publisher": publisher, "publicationYear": int(snapshot.recorded_at[:4]),
        "types": {"resourceTypeGeneral": "Dataset", "resourceType": "Knowledge graph snapshot"},
        "url": url, "version": snapshot.sha256,
        "identifiers": [{"identifier": url, "identifierType": "URL"}],
        "relatedIdentifiers": [{"relatedIdentifier": s, "relatedIdentifierType": "URL",
                                "relationType": "IsDerivedFrom"} for s in sources],
        "dates": [{"date": snapshot.recorded_at, "dateType": "Created"}],
    }}}
