"""Keys that name a proposal across ingests, so a rejected one is not proposed again:
a mention by its folded words and type, a relation by its ends' words and its type."""

from app.text import fold


def mention_key(text: str, type_: str) -> str:
    return f"m|{fold(text)}|{type_}"


def relation_key(subject: str, type_: str, obj: str) -> str:
    return f"r|{fold(subject)}|{type_}|{fold(obj)}"
