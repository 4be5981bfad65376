"""Who reads and writes: API key roles, the verified key, and the actor a history entry names."""

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    reader = "reader"
    editor = "editor"
    admin = "admin"


@dataclass
class Actor:
    """Who writes: an API key, or the CLI/loader acting for the operator."""

    key_id: str | None
    name: str


SEED_LOADER = Actor(None, "seed-loader")


@dataclass(frozen=True)
class Principal:
    """A verified API key: its id, name and role (never its secret)."""

    key_id: str
    name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor(self.key_id, self.name)
