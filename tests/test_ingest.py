"""Article ingestion against a private real Neo4j: proposals with exact spans, linking to
what the graph holds, review written in one transaction, rejections remembered, and
nothing unreviewed visible on any read route."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.extract.article import extract
from app.extract.spans import Article
from app.model.actors import Role
from app.reads.gazetteer import Gazetteer
from app.store.db import Graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.conftest import snapshot
from tests.test_routes import all_routes

# Written for this test in the style of a news report; not copied from anywhere.
ARTICLE = (
    "Panama and Costa Rica signed an agreement on Monday to share biometric records of "
    "migrants, officials said. Costa Rica's security minister Quillon Vandermeer said the "
    "accord would speed up returns. Secretary Mayorkas attended the signing ceremony in "
    "Panama City, where Jose Raul Mulino vowed to keep the Darien Gap closed. Ecuador has "
    "imposed visa requirements for Venezuelan nationals since last month, the Ecuadorian "
    "Ministry of Foreign Affairs said.")
MARKER = "Quillon Vandermeer"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def editor(db: Graph) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_key(db, 'ingest editor', Role.editor)[0]}"}


@pytest.fixture(scope="module")
def ingest(api: TestClient, editor: dict[str, str]) -> dict[str, Any]:
    answer = api.post("/ingest", json={"text": ARTICLE, "title": "A test article",
                                       "published": "2024-07-03"}, headers=editor)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def mention(ingest: dict[str, Any], text: str) -> dict[str, Any]:
    found = [m for m in ingest["mentions"] if m["text"] == text]
    assert found, f"no mention {text!r} in {[m['text'] for m in ingest['mentions']]}"
    return dict(found[0])


def test_every_mention_is_the_articles_own_words(ingest: dict[str, Any]) -> None:
    assert ingest["status"] == "pending" and ingest["source"]["title"] == "A test article"
    for m in ingest["mentions"]:
        assert ARTICLE[m["start"]:m["end"]] == m["text"]
        assert m["sentence"]["start"] <= m["start"] < m["end"] <= m["sentence"]["end"]
    for r in ingest["relations"]:
        assert ARTICLE[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["quote"]


def test_names_the_graph_holds_link_despite_titles_and_accents(ingest: dict[str, Any]) -> None:
    expected = {"Secretary Mayorkas": "alejandro-mayorkas", "Jose Raul Mulino": "jose-raul-mulino",
                "Darien Gap": "darien-gap", "Panama": "panama", "Ecuador": "ecuador"}
    for text, entity in expected.items():
        m = mention(ingest, text)
        assert (m["proposal"], m["candidates"][0]["id"]) == ("link", entity), m


def test_new_names_are_proposed_new_with_a_type(ingest: dict[str, Any]) -> None:
    person = mention(ingest, MARKER)
    assert (person["proposal"], person["type"]) == ("new", "Person")
    assert mention(ingest, "Costa Rica")["type"] == "Country"
    venezuela = mention(ingest, "Venezuelan")
    assert (venezuela["type"], venezuela["name"]) == ("Country", "Venezuela")
    assert mention(ingest, "Ecuadorian Ministry of Foreign Affairs")["type"] == "Organization"
    # A held name inside a longer one is not that entity: Panama City is not Panama, and
    # the agreement Panama and Costa Rica signed is not the U.S.-Panama one.
    city, agreement = mention(ingest, "Panama City"), mention(ingest, "agreement")
    assert (city["proposal"], city["type"]) == ("new", "Place")
    assert (agreement["proposal"], agreement["type"]) == ("new", "Agreement")


def test_proposed_names_keep_plain_spaces() -> None:
    """A name proposed from a line-wrapped sentence survives a browser's text input."""
    found = extract("Costa Rica's security minister Mario Zamora said the accord would speed up\n"
                    "returns of migrants.", None, []).mentions
    assert found and all(m.name == " ".join(m.name.split()) for m in found)


def relation(ingest: dict[str, Any], subject: str, type_: str) -> dict[str, Any]:
    by_id = {m["id"]: m for m in ingest["mentions"]}
    found = [r for r in ingest["relations"]
             if r["type"] == type_ and by_id[r["subject"]]["text"] == subject]
    assert found, f"no {subject} {type_}"
    return dict(found[0])


def test_relations_carry_evidence_dates_and_attribution(ingest: dict[str, Any]) -> None:
    signed = relation(ingest, "Panama", "SIGNED")
    assert signed["valid_from"] == "2024-07-01" and signed["date_text"] == "Monday"
    assert signed["evidence"]["quote"].startswith("Panama and Costa Rica signed an agreement")
    said = relation(ingest, MARKER, "STATED")
    assert said["mode"] == "attributed" and said["attributed_to"] == said["subject"]
    assert relation(ingest, MARKER, "HOLDS_POST")["mode"] == "asserted"
    assert relation(ingest, "Secretary Mayorkas", "ATTENDED")
    visa = relation(ingest, "Ecuador", "ISSUED")
    assert visa["date_text"] == "last month" and visa["valid_from"] is None
    dates = {d["text"]: (d["value"], d["precision"]) for d in ingest["dates"]}
    assert dates["Monday"] == ("2024-07-01", "day") and dates["last month"] == ("2024-06", "month")


def test_the_same_text_again_is_the_same_ingest(api: TestClient, editor: dict[str, str],
                                                ingest: dict[str, Any]) -> None:
    again = api.post("/ingest", json={"text": ARTICLE}, headers=editor)
    assert again.status_code == 200 and again.json()["id"] == ingest["id"]
    queue = api.get("/ingest", headers=editor).json()
    assert [q["id"] for q in queue].count(ingest["id"]) == 1


def test_ingestion_needs_an_editor_key(api: TestClient, ingest: dict[str, Any]) -> None:
    assert api.post("/ingest", json={"text": ARTICLE}).status_code == 401
    assert api.get("/ingest").status_code == 401
    assert api.get(f"/ingest/{ingest['id']}").status_code == 401


def test_nothing_unreviewed_is_readable_on_any_get_route(api: TestClient,
                                                         ingest: dict[str, Any]) -> None:
    """Every GET route, with the unreviewed name as its id and its query, never shows it.
    Queries ask for the surname and ids are lowercase, so an echo is not a leak: the given
    name, or a word only the article holds, would be."""
    leaks, walked = [], 0
    for method, path in all_routes(api.app):  # type: ignore[arg-type]
        if method != "GET" or path.startswith(("/ingest", "/static", "/docs")):
            continue
        filled = path.replace("{ingest_id}", ingest["id"])
        for value in ("quillon-vandermeer", "costa-rica", "panama"):
            url = filled.replace("{entity_id}", value).replace("{fact_id}", value)
            for query in ("", "?q=Vandermeer", "?format=nquads", "?prefix=Vander"):
                walked += 1
                body = api.get(url.split("{")[0] + query).text
                if "Quillon" in body or "biometric" in body:
                    leaks.append(url + query)
    assert walked > 100 and leaks == []
    exported = api.get("/export?format=nquads").text
    assert "Vandermeer" not in exported and "biometric" not in exported


def test_a_bad_review_is_a_422_naming_the_field_and_writes_nothing(
        api: TestClient, db: Graph, editor: dict[str, str], ingest: dict[str, Any]) -> None:
    before = snapshot(db)
    unknown = api.post(f"/ingest/{ingest['id']}/review", headers=editor,
                       json={"mentions": {"m999": {"action": "accept"}}})
    assert unknown.status_code == 422 and "m999" in unknown.json()["detail"]
    signed = relation(ingest, "Panama", "SIGNED")
    dangling = api.post(f"/ingest/{ingest['id']}/review", headers=editor,
                        json={"relations": {signed["id"]: {"action": "accept"}}})
    assert dangling.status_code == 422 and signed["id"] in dangling.json()["detail"]
    assert snapshot(db) == before


def test_review_writes_accepted_proposals_with_their_quotes(
        api: TestClient, editor: dict[str, str], ingest: dict[str, Any]) -> None:
    person, said = mention(ingest, MARKER), relation(ingest, MARKER, "STATED")
    holds = relation(ingest, MARKER, "HOLDS_POST")
    costa = mention(ingest, "Costa Rica")
    decisions = {"mentions": {person["id"]: {"action": "accept"},
                              said["object"]: {"action": "accept"},
                              holds["object"]: {"action": "reject"},
                              costa["id"]: {"action": "reject"}},
                 "relations": {said["id"]: {"action": "accept"}, holds["id"]: {"action": "reject"}}}
    answer = api.post(f"/ingest/{ingest['id']}/review", json=decisions, headers=editor)
    assert answer.status_code == 200, answer.text
    out = answer.json()
    assert out["status"] == "reviewed" and "quillon-vandermeer" in out["created"]
    entity = api.get("/entities/quillon-vandermeer").json()
    cites = [c for rels in entity["relationships"].values() for r in rels for c in r["citations"]]
    assert cites and cites[0]["quote"] == said["evidence"]["quote"]
    assert cites[0]["mode"] == "attributed" and cites[0]["attributed_to"] == "quillon-vandermeer"
    assert api.get(f"/sources/{ingest['source']['id']}").status_code == 200
    assert "Vandermeer" in api.get("/id/quillon-vandermeer?format=ttl").text
    assert any(h["id"] == "quillon-vandermeer" for h in api.get(f"/entities?q={MARKER}").json()["results"])
    history = api.get("/entities/quillon-vandermeer/history").json()["changes"]
    assert history and {c["actor"] for c in history} == {"ingest editor"}
    again = api.post(f"/ingest/{ingest['id']}/review", json=decisions, headers=editor)
    assert again.status_code == 409


def test_what_was_rejected_is_not_proposed_again(api: TestClient, editor: dict[str, str],
                                                 ingest: dict[str, Any]) -> None:
    closed = api.get(f"/ingest/{ingest['id']}", headers=editor).json()
    assert closed["status"] == "reviewed"
    assert mention(closed, "Costa Rica")["decision"] == "rejected"
    text = ("Costa Rica's security minister Quillon Vandermeer said on Tuesday that buses "
            "would carry migrants north from Panama.")
    later = api.post("/ingest", json={"text": text}, headers=editor).json()
    assert "Costa Rica" not in {m["text"] for m in later["mentions"]}
    assert mention(later, MARKER)["candidates"][0]["id"] == "quillon-vandermeer"
    assert not [r for r in later["relations"] if r["type"] == "HOLDS_POST"]


def test_the_cli_ingests_a_folder_with_counts(seeded_server: LocalNeo4j, api: TestClient,
                                              editor: dict[str, str], tmp_path: Path) -> None:
    """`mgraph ingest DIR`: a progress bar and one line of counts per article; again, nothing new."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Honduras and Guatemala signed an accord on Friday to share "
                                    "records of deported migrants, officials said.", encoding="utf-8")
    (folder / "two.txt").write_text("Nicaragua's interior minister Tamsin Oyelaran said on Friday "
                                    "that buses would carry migrants north.", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    env |= {"NEO4J_URI": seeded_server.bolt_uri, "COLUMNS": "200"}

    def ingest() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(folder), "--published",
                               "2024-08-02"], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0 and "2/2" in done.stderr, done.stderr
        return [line for line in done.stderr.splitlines() if line.startswith(("one.txt", "two.txt"))]

    first, second = ingest(), ingest()
    assert len(first) == 2 and all(" new: " in line and "relations" in line for line in first), first
    assert len(second) == 2 and all("already ingested (pending)" in line for line in second), second
    assert {"one", "two"} <= {q["title"] for q in api.get("/ingest", headers=editor).json()}


def test_the_gazetteer_learns_names_recorded_after_it_was_built(db: Graph, api: TestClient,
                                                                editor: dict[str, str]) -> None:
    """A lowercase alias no rule would find is found once the entity is recorded."""
    gazetteer = Gazetteer()
    text = Article("Buses now leave along the zeta corridor every night.")
    assert not [h for n in gazetteer.current(db.run) for h in n.find(text.folded, text.text)]
    created = api.post("/entities", headers=editor, json={
        "id": "zeta-corridor", "type": "Place", "name": "Zeta Corridor", "aliases": ["zeta corridor"],
        "citations": [{"source": "seed-000-eb3fd6c821e75620", "confidence": 1.0, "mode": "asserted",
                       "quote": "The United States and Panama have signed an agreement"}]})
    assert created.status_code == 201, created.text
    hits = [h for n in gazetteer.current(db.run) for h in n.find(text.folded, text.text)]
    assert [(text.text[h.start:h.end], h.entries[0].entity_id) for h in hits] == [
        ("zeta corridor", "zeta-corridor")]
