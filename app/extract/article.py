"""One article in, its mentions, dates and relations out: the whole extraction."""

from dataclasses import dataclass
from datetime import date

from app.extract.dates import FoundDate, find_dates
from app.extract.gazetteer import Names
from app.extract.mentions import Found, find_mentions
from app.extract.relations import FoundRelation, sentence_relations
from app.extract.spans import Article
from app.schema.loader import get_schema


@dataclass
class Extraction:
    article: Article
    mentions: list[Found]
    relations: list[FoundRelation]
    dates: list[FoundDate]


def fits_schema(rel: FoundRelation, mentions: list[Found]) -> bool:
    spec = get_schema().relationships.get(rel.type)
    return spec is not None and mentions[rel.subject].type in spec.from_labels and \
        mentions[rel.object].type in spec.to_labels and rel.subject != rel.object


def extract(text: str, published: date | None, gazetteers: list[Names]) -> Extraction:
    article = Article(text)
    mentions = find_mentions(article, gazetteers)
    relations: list[FoundRelation] = []
    for sentence in article.sentences:
        relations.extend(sentence_relations(article, sentence, mentions))
    return _ordered(article, mentions, relations, find_dates(text, published))


def _ordered(article: Article, mentions: list[Found], relations: list[FoundRelation],
             dates: list[FoundDate]) -> Extraction:
    """Mentions in text order (relations renumbered), relations once each and schema-valid."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    seen, kept = set(), []
    for rel in relations:
        if not fits_schema(rel, mentions):
            continue
        moved = FoundRelation(new_index[rel.subject], rel.type, new_index[rel.object], rel.sentence,
                              rel.mode, None if rel.attributed_to is None else new_index[rel.attributed_to])
        key = (moved.subject, moved.type, moved.object)
        if key not in seen:
            seen.add(key)
            kept.append(moved)
    return Extraction(article, [mentions[i] for i in order], kept, dates)
