"""The review page in real Chromium (Debian's), under the page's own CSP, against the real
service and a private Neo4j: the article with its mentions highlighted, decisions, and
"Add to graph" writing what was chosen."""

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from app.main import create_app
from app.model.actors import Role
from app.store.db import Graph
from app.store.localserver import LocalNeo4j
from app.writes.keys import create_key
from tests.browsing import CHROMIUM, FLAGS
from tests.conftest import free_port, settings_for

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "review.png"
# Written for this test in the style of a news report.
ARTICLE = ("Guatemala and Mexico signed an agreement on Tuesday to patrol their shared border "
           "together. Guatemala's interior minister Orsolya Brandtner said the patrols would begin "
           "in August. Homeland Security Secretary Alejandro Mayorkas welcomed the plan.")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="run `make setup` to install chromium")


@pytest.fixture(scope="module")
def live(seeded_server: LocalNeo4j, db: Graph) -> Iterator[tuple[str, str]]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings_for(seeded_server)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", create_key(db, "page editor", Role.editor)[0]
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(live: tuple[str, str]) -> Iterator[Page]:
    with sync_playwright() as p:
        browser: Browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        yield pg
        browser.close()
        assert not errors, errors


def sign_in(page: Page, url: str, key: str) -> None:
    page.goto(url)
    page.get_by_test_id("key").fill(key)
    page.get_by_role("button", name="Use key").click()


def inside_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    assert box is not None
    return box["x"] >= 0 and box["x"] + box["width"] <= 1280 + 1


def test_review_page_highlights_decides_and_adds_to_the_graph(page: Page, live: tuple[str, str]) -> None:
    base, key = live
    auth = {"Authorization": f"Bearer {key}"}
    ingest = httpx.post(f"{base}/ingest", json={"text": ARTICLE, "title": "Joint border patrols",
                                                 "published": "2024-07-10"}, headers=auth).json()
    page.goto(f"{base}/review/{ingest['id']}")
    expect(page.locator("#banner")).to_contain_text("editor key")  # no key yet: told what to do
    sign_in(page, f"{base}/review/{ingest['id']}", key)
    expect(page.locator("#title")).to_have_text("Joint border patrols")
    marks = page.locator("#text mark")
    expect(marks).to_have_count(len(ingest["mentions"]))
    assert page.locator("#text").inner_text() == ARTICLE  # highlighting changes no word
    shown = [marks.nth(i).inner_text() for i in range(marks.count())]
    assert shown == [m["text"] for m in ingest["mentions"]]
    body = page.locator("body").inner_text()
    assert "null" not in body and "undefined" not in body
    assert inside_viewport(page, "#proposals") and inside_viewport(page, "#article")
    mayorkas = page.locator("select[aria-label='Decision for Alejandro Mayorkas']")
    assert mayorkas.input_value() == "link:alejandro-mayorkas"
    mexico = next(m for m in ingest["mentions"] if m["text"] == "Mexico")
    page.locator(f"select[data-mention='{mexico['id']}']").select_option("reject")
    expect(page.locator(f"#mark-{mexico['id']}")).to_have_class("rejected")
    touching = [r["id"] for r in ingest["relations"] if mexico["id"] in (r["subject"], r["object"])]
    assert touching
    for rid in touching:  # its relations are unticked and cannot be ticked
        expect(page.locator(f"input[data-relation='{rid}']")).not_to_be_checked()
        expect(page.locator(f"input[data-relation='{rid}']")).to_be_disabled()
    person = next(m for m in ingest["mentions"] if m["text"] == "Orsolya Brandtner")
    expect(page.locator(f"input[data-name='{person['id']}']")).to_be_visible()  # new: editable
    expect(page.locator(f"input[data-name='{mexico['id']}']")).to_be_hidden()  # rejected: not
    page.locator(f"input[data-name='{person['id']}']").fill("Orsolya Brandtner-Kovacs")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.get_by_test_id("add").click()
    expect(page.get_by_test_id("result")).to_contain_text("new entities")
    assert page.locator("#banner").inner_text() == "Added to the graph."
    expect(page.get_by_test_id("add")).to_be_disabled()
    expect(page.locator("#meta")).to_contain_text("status: reviewed")
    made = httpx.get(f"{base}/entities/orsolya-brandtner-kovacs").json()  # the edited name
    assert (made["name"], made["type"]) == ("Orsolya Brandtner-Kovacs", "Person")
    assert made["citations"][0]["quote"].startswith("Guatemala's interior")
    guatemala = httpx.get(f"{base}/entities/guatemala").json()  # said twice, made once
    assert httpx.get(f"{base}/entities/guatemala-2").status_code == 404
    signed = {r["other"]["id"] for r in guatemala["relationships"]["SIGNED"]}
    assert signed == {"agreement-between-guatemala-and-mexico"}
    closed = httpx.get(f"{base}/ingest/{ingest['id']}", headers=auth).json()
    assert closed["status"] == "reviewed"
    assert next(m for m in closed["mentions"] if m["id"] == mexico["id"])["decision"] == "rejected"


def test_the_queue_lists_ingested_articles(page: Page, live: tuple[str, str]) -> None:
    base, key = live
    sign_in(page, f"{base}/review", key)
    expect(page.locator("#queue-list li").first).to_contain_text("Joint border patrols")
    assert page.locator("#queue-list a").first.get_attribute("href").startswith("/review/ingest-")
