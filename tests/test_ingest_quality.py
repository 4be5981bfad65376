"""Ingestion quality on the labelled development articles (bench/ingest/articles), against
the seed story in the real Neo4j. The held-out articles are scored only by the bench."""

from datetime import date

import pytest

from app.model.ingest import IngestIn
from app.reads.gazetteer import Gazetteer
from app.reads.ingest import propose
from app.store.db import Graph
from bench.ingest.quality import Score, articles, score


@pytest.fixture(scope="module")
def total(graph: Graph) -> Score:
    gazetteer, out = Gazetteer(), Score()
    for article in articles(held_out=False):
        body = IngestIn(text=article["text"], published=date.fromisoformat(str(article["published"])))
        out.add(score(article, graph.run(propose(body, gazetteer.current(graph.run)))))
    return out


def test_the_labelled_set_has_eight_articles_three_held_out() -> None:
    assert len(articles(held_out=False)) >= 5 and len(articles(held_out=True)) == 3


def test_named_entities_are_found_and_proposed_precisely(total: Score) -> None:
    ratios = total.ratios()
    assert ratios["recall"] >= 90 and ratios["precision"] >= 80, (ratios, total.misses)


def test_names_the_graph_holds_link_and_never_duplicate(total: Score) -> None:
    assert total.ratios()["linking"] >= 95 and total.duplicates == 0, total.misses


def test_proposed_relations_are_mostly_right(total: Score) -> None:
    assert total.ratios()["relation_precision"] >= 70, total.misses
