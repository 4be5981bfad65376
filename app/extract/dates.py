"""Dates in an article: expressions found by pattern, each resolved by dateparser against
the article's publication day (RELATIVE_BASE), so "signed Monday", "last month", "in
November" and "July 1" become dates with their precision. Without a publication day only
dates that carry their own year get a value; the rest keep their words alone."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from dateparser.date import DateDataParser

Precision = Literal["day", "month", "year"]
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DAY = r"\.? \d{1,2}(?:st|nd|rd|th)?"  # "Jan. 5", "July 1st"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)"
# Longest forms first: the alternation takes the first that fits at each place.
PATTERN = re.compile("|".join([
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b{MONTH}{DAY},? \d{{4}}\b",
    rf"\b\d{{1,2}} {MONTH},? \d{{4}}\b",
    rf"\b{MONTH}{DAY}\b",
    rf"\b{MONTH},? \d{{4}}\b",
    rf"\b(?:last|next|this) (?:{MONTH}|{WEEKDAY}|week|month|year)\b",
    rf"\b{NUMBER} (?:days?|weeks?|months?|years?) ago\b",
    r"\b(?:yesterday|today)\b",
    rf"\b{WEEKDAY}\b",
    # A bare month or year only after a word that makes it a date ("in November", "in 2023").
    rf"\b(?P<lead>(?:in|by|since|until|through|from|of|before|after|early|late) )"
    rf"(?:{MONTH}(?:{DAY})?(?:,? \d{{4}})?(?!\w)|(?:19|20)\d{{2}}\b)",
]), re.IGNORECASE)
RELATIVE = re.compile(rf"\b(?:last|next|this|ago|yesterday|today)\b|^{WEEKDAY}$", re.IGNORECASE)
HAS_YEAR = re.compile(r"\b\d{4}\b")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    value: str | None
    precision: Precision


def _precision(text: str, period: str | None) -> Precision:
    if re.fullmatch(r"(?:19|20)\d{2}", text) or period == "year":
        return "year"
    if period == "month":
        return "month"
    return "day"


def _value(found: datetime, precision: Precision) -> str:
    return {"day": found.strftime("%Y-%m-%d"), "month": found.strftime("%Y-%m"),
            "year": found.strftime("%Y")}[precision]


def find_dates(text: str, published: date | None) -> list[FoundDate]:
    base = datetime.combine(published, datetime.min.time()) if published else None
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base or datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"})
    out = []
    for match in PATTERN.finditer(text):
        start = match.end("lead") if match.group("lead") else match.start()
        words = text[start:match.end()]
        data = parser.get_date_data(words)
        precision = _precision(words, data.period)
        resolvable = base is not None or (HAS_YEAR.search(words) and not RELATIVE.search(words))
        value = _value(data.date_obj, precision) if data.date_obj and resolvable else None
        out.append(FoundDate(start, match.end(), words, value, precision))
    return out
