"""What a new entity of each type needs beyond its name, guessed from the name; the
reviewer sees it and may change the type."""

from typing import Any

MEDIA = ("news", "times", "post", "press", "radio", "television", "tv")


def organization_kind(name: str) -> str:
    words = set(name.lower().replace("-", " ").split())
    if "ministry" in words:
        return "ministry"
    if words & set(MEDIA):
        return "media_outlet"
    if name[:1].islower() or words & {"migrants", "nationals", "workers", "families", "people"}:
        return "group"
    if words & {"government", "administration", "authorities"}:
        return "government"
    return "government_agency"


def defaults(type_: str, name: str, given: dict[str, Any] | None = None) -> dict[str, Any]:
    props = dict(given or {})
    if type_ == "Organization":
        props.setdefault("kind", organization_kind(name))
    elif type_ == "Policy":
        props.setdefault("instrument", "executive_action")
    elif type_ == "Statement":
        props.setdefault("kind", "statement")
        props.setdefault("text", name)
    keep = {"Organization": {"kind"}, "Policy": {"instrument"},
            "Statement": {"kind", "text"}}.get(type_, set())
    return {k: v for k, v in props.items() if k in keep}
