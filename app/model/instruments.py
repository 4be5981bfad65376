"""Agreements and policies: the entity shape, plus who stands where and the countries."""

from pydantic import Field

from app.model.responses import EntityCore, RelationshipOut


class InstrumentOut(EntityCore):
    """An agreement or policy as `/entities/{id}` shows it (its status derived from its
    lifecycle), with its relationships sorted by role instead of by type."""

    countries: list[str] = Field(description="Countries linked directly or through their "
                                 "organizations, and the jurisdiction of its issuers.")
    parties: list[RelationshipOut] = Field(default_factory=list)
    signatories: list[RelationshipOut] = Field(default_factory=list)
    funders: list[RelationshipOut] = Field(default_factory=list)
    issuers: list[RelationshipOut] = Field(default_factory=list)
    initiators: list[RelationshipOut] = Field(default_factory=list)
    implementers: list[RelationshipOut] = Field(default_factory=list, description="Who carries it out.")
    affected: list[RelationshipOut] = Field(default_factory=list)
    other: list[RelationshipOut] = Field(default_factory=list)
