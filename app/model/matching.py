"""What the matcher returns: ranked candidates, each with the feature scores behind it."""

from pydantic import BaseModel, Field


class Feature(BaseModel):
    id: str = Field(description="name_exact, name_fuzzy, name_subset, acronym, initials or "
                    "property:<pid>.")
    value: float = Field(description="0-100 for name features; +/- points for a property.")


class Candidate(BaseModel):
    id: str
    name: str
    type: str
    description: str | None = None
    score: float = Field(ge=0, le=100)
    match: bool = Field(description="True only for a top candidate at or above the threshold "
                        "and clearly ahead of the next (see README, Name matching).")
    features: list[Feature]
