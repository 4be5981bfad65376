"""The name matcher: folding, features, and quality on the labelled seed variants
(bench/matching/labels.yaml) against the real index. Speed is measured in bench/."""

from pathlib import Path

import pytest
import yaml

from app.reads.matching import MARGIN, THRESHOLD, MatchQuery, match, match_many
from app.reads.names import acronyms, spellings, tokens
from app.store.db import Graph

LABELS = yaml.safe_load((Path(__file__).parent.parent / "bench" / "matching" / "labels.yaml")
                        .read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, words", [
    ("José  Raúl Mulino", ("jose", "raul", "mulino")),
    ("U.S. Customs & Border Protection", ("us", "customs", "border", "protection")),
    ("Martínez-Acha", ("martinez", "acha")),
])
def test_names_fold_case_accents_and_punctuation(name: str, words: tuple[str, ...]) -> None:
    assert tokens(name) == words


def test_dotted_initials_and_articles_have_every_reading() -> None:
    assert {("j", "r", "mulino"), ("jr", "mulino")} <= spellings("J.R. Mulino")
    assert ("darien", "jungle") in spellings("the Darién jungle")
    assert "dhs" in acronyms(tokens("Department of Homeland Security"))


def test_titles_accents_and_acronyms_reach_the_entity(graph: Graph) -> None:
    found = graph.run(match_many({
        "title": MatchQuery("Secretary Mayorkas"), "accent": MatchQuery("Jose Raul Mulino"),
        "acronym": MatchQuery("DHS"), "spanish": MatchQuery("Estados Unidos"),
        "typo": MatchQuery("Alejandro Mayorcas")}))
    assert {k: v[0].id for k, v in found.items()} == {
        "title": "alejandro-mayorkas", "accent": "jose-raul-mulino",
        "acronym": "us-department-of-homeland-security", "spanish": "united-states",
        "typo": "alejandro-mayorkas"}
    assert found["accent"][0].match and found["title"][0].match
    assert {"id": "acronym", "value": 100.0} in [f.model_dump() for f in found["acronym"][0].features]


def test_match_is_true_only_when_clearly_ahead(graph: Graph) -> None:
    for name in ("Mulino", "Panama", "Biden", "Darien Gap", "DHS Secretary"):
        ranked = graph.run(match(name))
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        assert ranked[0].match == (ranked[0].score >= THRESHOLD and ranked[0].score - runner_up >= MARGIN)
        assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert graph.run(match("Panama Canal"))[0].match is False  # not the country


def test_a_type_and_a_property_narrow_the_candidates(graph: Graph) -> None:
    assert {c.type for c in graph.run(match("Panama", types=("Country",)))} == {"Country"}
    right = graph.run(match("Mexico", properties=(("wikidata_qid", "Q96"),)))[0]
    wrong = graph.run(match("Mexico", properties=(("wikidata_qid", "Q1"),)))[0]
    assert right.id == "mexico" and right.score > wrong.score


def test_quality_on_the_labelled_seed_variants(graph: Graph) -> None:
    items = [*LABELS["match"], *({"name": n, "id": None} for n in LABELS["none"])]
    queries = {str(i): MatchQuery(item["name"], tuple(filter(None, [item.get("type")])),
                                  tuple((item.get("properties") or {}).items()))
               for i, item in enumerate(items)}
    found = {}
    for start in range(0, len(items), 10):
        found.update(graph.run(match_many({k: queries[k] for k in list(queries)[start:start + 10]})))
    tops = [(item, (found[str(i)] or [None])[0]) for i, item in enumerate(items)]
    labelled = [(item, top) for item, top in tops if item["id"]]
    right = [item["name"] for item, top in labelled if top and top.id == item["id"]]
    false = [item["name"] for item, top in tops if top and top.match and top.id != item["id"]]
    assert len(labelled) >= 120 and len(items) - len(labelled) >= 50
    assert len(right) / len(labelled) >= 0.95, set(i["name"] for i, _ in labelled) - set(right)
    assert len(false) / len(items) <= 0.01, false
