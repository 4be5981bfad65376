"""The graph browser in real Chromium (Debian's), against the real service and Neo4j."""

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from app.store.db import Graph
from tests.browsing import CHROMIUM, pick

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="run `make setup` to install chromium")


def node_ids(page: Page, visible_only: bool = False) -> list[str]:
    selector = "node:visible" if visible_only else "node"
    return sorted(page.evaluate(f"graphBrowser.cy.nodes('{selector}').map(n => n.id())"))


def search_and_expand(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=")  # a blank canvas (plain / draws the newest story)
    pick(page, "#search", "Mulino", "jose-raul-mulino")
    expect(page.get_by_test_id("details-title")).to_have_text("José Raúl Mulino")
    page.get_by_test_id("expand-all").click()
    page.wait_for_function("graphBrowser.cy.nodes().length > 3")


def click_element(page: Page, element_id: str) -> None:
    """A real mouse click where Cytoscape drew the node or edge."""
    point = page.evaluate(
        """id => { const cy = graphBrowser.cy, e = cy.getElementById(id);
                   cy.fit(undefined, 80);
                   const p = e.isEdge() ? e.renderedMidpoint() : e.renderedPosition();
                   const box = cy.container().getBoundingClientRect();
                   return {x: box.left + p.x, y: box.top + p.y}; }""", element_id)
    page.mouse.click(point["x"], point["y"])


def test_search_expand_filter_and_edge_quote(page: Page, live_url: str) -> None:
    search_and_expand(page, live_url)
    shown = set(node_ids(page))
    assert {"jose-raul-mulino", "president-of-panama", "inauguration-of-jose-raul-mulino"} <= shown
    counts = page.get_by_test_id("counts")
    expect(counts).to_contain_text("stated → 2")
    # Type filter: hide events.
    # Cytoscape restyles after the class change, so wait for it (fails after the timeout).
    visible = "graphBrowser.cy.getElementById('inauguration-of-jose-raul-mulino').visible()"
    page.locator("#legend input[data-type=Event]").uncheck()
    page.wait_for_function(f"!{visible}", timeout=5000)
    page.locator("#legend input[data-type=Event]").check()
    page.wait_for_function(visible, timeout=5000)
    # Relationship type filter.
    page.locator("#rel-filters input[data-rel=STATED]").uncheck()
    hidden = page.evaluate("graphBrowser.cy.edges('[type = \"STATED\"]').every(e => e.hasClass('hidden'))")
    assert hidden
    page.locator("#rel-filters input[data-rel=STATED]").check()
    # Click an edge and read its quote.
    click_element(page, "e:jose-raul-mulino--holds-post--president-of-panama")
    expect(page.get_by_test_id("details-title")).to_have_text("holds post")
    expect(page.get_by_test_id("citation").first).to_contain_text(
        "attended the inauguration of Panama’s President-elect José Raúl Mulino")
    expect(page.locator("#details a[href='/id/seed-000-eb3fd6c821e75620']").first).to_be_visible()


def test_collapse_and_undo(page: Page, live_url: str) -> None:
    search_and_expand(page, live_url)
    expanded = node_ids(page)
    page.get_by_test_id("collapse").click()
    assert node_ids(page) == ["jose-raul-mulino"]
    page.click("#undo")
    assert node_ids(page) == expanded
    page.click("#undo")  # undo the expansion itself
    assert node_ids(page) == ["jose-raul-mulino"]


def test_big_hub_is_capped_with_n_more(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=united-states")
    page.wait_for_function("graphBrowser.cy.nodes().length === 1")
    page.evaluate("expand('united-states', null, 3)")
    banner = page.locator("#banner")
    expect(banner).to_contain_text("Showing 3 of")
    expect(banner).to_contain_text("more not shown")
    banner.get_by_role("button").click()
    page.wait_for_function("graphBrowser.cy.nodes().length > 4")


@pytest.fixture
def dated_edge(graph: Graph) -> Iterator[None]:
    graph.write(
        "MATCH (a:Entity {id: 'joe-biden'}), (b:Entity {id: 'panama'}) "
        "CREATE (a)-[:ATTENDED {id: 'browser-dated', recorded_at: datetime(), "
        "valid_from: date('2020-01-01'), "
        "valid_to: date('2020-12-31'), cite_sources: ['seed-000-eb3fd6c821e75620'], "
        "cite_quotes: ['Panama'], cite_confidences: [1.0], cite_modes: ['asserted'], "
        "cite_attributed_to: [''], cite_fields: ['']}]->(b)")
    yield
    graph.write("MATCH ()-[r {id: 'browser-dated'}]->() DELETE r")


@pytest.mark.usefixtures("dated_edge")
def test_date_slider_hides_facts_not_valid_that_day(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=joe-biden,panama,president-of-the-united-states")
    page.wait_for_function("graphBrowser.cy.edges().length >= 2")
    visible = "graphBrowser.cy.getElementById('e:browser-dated').hasClass('hidden') === false"
    assert page.evaluate(visible)
    page.uncheck("#any-date")
    slider = page.locator("#date-slider")

    def move_to(day: str) -> None:
        value = page.evaluate(f"sliderFromDay('{day}')")
        slider.fill(str(value))
        expect(page.get_by_test_id("date-label")).to_have_text(f"valid on {day}")

    move_to("2024-06-01")
    assert not page.evaluate(visible)
    undated = "graphBrowser.cy.getElementById('e:joe-biden--holds-post--president-of-the-united-states')"
    assert page.evaluate(f"{undated}.hasClass('hidden')") is False
    move_to("2020-06-01")
    assert page.evaluate(visible)
    assert "d=2020-06-01" in page.url


def test_path_finder_mayorkas_to_mulino(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=")
    pick(page, "#path-from", "Mayorkas", "alejandro-mayorkas")
    pick(page, "#path-to", "Mulino", "jose-raul-mulino")
    page.click("#find-paths")
    paths = page.get_by_test_id("path-list").locator("li")
    expect(paths).to_have_count(2)
    expect(paths.first).to_have_text(
        "Alejandro Mayorkas → Inauguration of José Raúl Mulino → José Raúl Mulino")
    on_path = page.evaluate("graphBrowser.cy.$('.path').map(e => e.id()).sort()")
    assert on_path == sorted(["alejandro-mayorkas", "inauguration-of-jose-raul-mulino", "jose-raul-mulino",
                              "e:alejandro-mayorkas--attended--inauguration-of-jose-raul-mulino",
                              "e:jose-raul-mulino--honoree-of--inauguration-of-jose-raul-mulino"])
    page.click("#path-step")
    expect(page.get_by_test_id("details-title")).to_have_text("attended")
    page.click("#path-step")
    expect(page.get_by_test_id("details-title")).to_have_text("honoree of")


def test_permalink_reproduces_the_view_and_positions(page: Page, browser: Browser, live_url: str) -> None:
    search_and_expand(page, live_url)
    page.locator("#legend input[data-type=Statement]").uncheck()
    page.click("#save-positions")
    link = page.url
    assert "#n=" in link and "ht=Statement" in link and "p=" in link
    shown, positions = node_ids(page), page.evaluate(
        "Object.fromEntries(graphBrowser.cy.nodes().map(n => [n.id(), n.position()]))")
    other = browser.new_page(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    other.goto(link)
    other.wait_for_function(f"graphBrowser.cy.nodes().length === {len(shown)}")
    assert node_ids(other) == shown
    assert node_ids(other, visible_only=True) == node_ids(page, visible_only=True)
    restored = other.evaluate("Object.fromEntries(graphBrowser.cy.nodes().map(n => [n.id(), n.position()]))")
    for ident, pos in positions.items():
        assert abs(restored[ident]["x"] - pos["x"]) <= 1 and abs(restored[ident]["y"] - pos["y"]) <= 1
    expect(other.get_by_test_id("details-title")).to_have_text("José Raúl Mulino")
    other.close()


def test_unknown_id_in_a_permalink_says_so(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama,atlantis")
    expect(page.locator("#banner")).to_contain_text("atlantis")
    assert node_ids(page) == ["panama"]
    page.goto(live_url + "/id/atlantis")
    expect(page.locator("#banner")).to_contain_text("No entity with id “atlantis”")


def test_entity_uri_opens_the_browser_at_that_entity(page: Page, live_url: str) -> None:
    page.goto(live_url + "/id/alejandro-mayorkas")
    expect(page.get_by_test_id("details-title")).to_have_text("Alejandro Mayorkas")
    page.wait_for_function("graphBrowser.cy.nodes().length > 2")


def test_api_unreachable_is_reported(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.route("**/entities?**", lambda route: route.abort())
    page.fill("#search", "Panama")
    expect(page.locator("#banner")).to_contain_text("The API cannot be reached")


def test_export_png_and_json(page: Page, live_url: str) -> None:
    search_and_expand(page, live_url)
    with page.expect_download() as png:
        page.click("#export-png")
    data = Path(png.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as js:
        page.click("#export-json")
    view = json.loads(Path(js.value.path()).read_text())
    assert {n["id"] for n in view["nodes"]} == set(node_ids(page))
    assert all(edge["citations"] for edge in view["edges"])


def test_thousand_nodes_stay_usable(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama")
    page.wait_for_function("graphBrowser.cy.nodes().length === 1")
    page.evaluate("""() => { const cy = graphBrowser.cy; cy.batch(() => {
        for (let i = 0; i < 1000; i++) {
          cy.add({group: 'nodes', data: {id: 'synthetic-' + i, name: 'Synthetic ' + i,
                  type: i % 2 ? 'Person' : 'Organization'}});
          cy.add({group: 'edges', data: {id: 'e:s' + i, source: 'panama', target: 'synthetic-' + i,
                  type: 'PART_OF', label: 'part of', fact: {citations: []}}});
        } }); tuneForSize(); layout(); }""")
    assert page.evaluate("graphBrowser.cy.nodes().length") == 1001
    page.locator("#legend input[data-type=Person]").uncheck()
    assert page.evaluate("graphBrowser.cy.nodes(':visible').length") == 501
    click_element(page, "panama")
    expect(page.get_by_test_id("details-title")).to_have_text("Panama")


def test_screenshot_is_not_blank(page: Page, live_url: str) -> None:
    page.goto(live_url + "/id/us-panama-deportation-agreement-2024")
    page.wait_for_function("graphBrowser.cy.nodes().length > 6")
    page.evaluate("expand('united-states')")
    page.wait_for_function("graphBrowser.cy.nodes().length > 10")
    page.click("#relayout")
    page.wait_for_timeout(300)
    image = Image.open(io.BytesIO(page.screenshot()))
    colors = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colors) > 200, "the screenshot looks blank"
    canvas = image.crop((300, 100, 1000, 800)).convert("L")
    assert canvas.getextrema()[0] < 128, "nothing dark drawn on the graph canvas"


def test_the_page_works_under_its_own_content_security_policy(browser: Browser, live_url: str) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})  # CSP enforced
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.goto(live_url + "/id/jose-raul-mulino")
    expect(page.get_by_test_id("details-title")).to_have_text("José Raúl Mulino")
    expect(page.get_by_test_id("counts")).to_contain_text("holds post")
    page.get_by_test_id("expand-all").click()
    expect(page.locator("#rel-filters input[data-rel=STATED]")).to_be_visible()
    context.close()
    assert violations == []
