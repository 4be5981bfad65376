"""The graph browser tried as a new user would (issue 25), in real Chromium: each test
checks what the page renders, not only that a click went through."""

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from app.model.actors import Role
from app.store.db import Graph
from app.writes.keys import create_key
from tests.browsing import CHROMIUM, pick

SEED = "seed-000-eb3fd6c821e75620"
LEDE = "The United States and Panama have signed an agreement"
DOCS = Path(__file__).resolve().parent.parent / "docs"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="run `make setup` to install chromium")

# The rendered state, read from the page: node boxes (label included) and the canvas.
BOXES = """() => { const cy = graphBrowser.cy, c = cy.container().getBoundingClientRect();
  return {width: c.width, height: c.height, zoom: cy.zoom(),
          nodes: cy.nodes(':visible').map(n => ({id: n.id(),
                                                  ...n.renderedBoundingBox({includeLabels: true})}))}; }"""


def settled(page: Page) -> dict[str, Any]:
    page.wait_for_function("!graphBrowser.state.laying")
    page.wait_for_timeout(350)  # any fit animation ends within 250 ms
    return dict(page.evaluate(BOXES))


def overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """The overlap of two boxes as a share of the smaller one."""
    dx = min(a["x2"], b["x2"]) - max(a["x1"], b["x1"])
    dy = min(a["y2"], b["y2"]) - max(a["y1"], b["y1"])
    smaller = min(a["w"] * a["h"], b["w"] * b["h"]) or 1
    return max(0.0, dx) * max(0.0, dy) / smaller


def assert_rendered_well(page: Page) -> None:
    """Every node inside the canvas, no two overlapping by more than 20 %, no null text."""
    view = settled(page)
    outside = [n["id"] for n in view["nodes"] if n["x1"] < -1 or n["y1"] < -1
               or n["x2"] > view["width"] + 1 or n["y2"] > view["height"] + 1]
    if outside:
        page.screenshot(path="/tmp/outside.png")
    assert outside == [], (outside, view)
    nodes = view["nodes"]
    crowded = [(a["id"], b["id"], round(overlap(a, b), 2)) for i, a in enumerate(nodes)
               for b in nodes[i + 1:] if overlap(a, b) > 0.2]
    assert crowded == [], crowded
    text = page.locator("body").inner_text()
    assert not re.search(r"\bnull\b|\bundefined\b|\[object Object\]", text), text


def test_the_landing_page_lists_the_stories_and_starts_somewhere(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    stories = page.get_by_test_id("stories")
    expect(stories.locator(f"button[data-source='{SEED}']")).to_contain_text(LEDE)
    expect(stories).to_contain_text("facts")
    expect(page.get_by_test_id("landing-note")).to_contain_text("most connected")
    page.wait_for_function("graphBrowser.cy.nodes().length >= 10")
    hub = page.evaluate("graphBrowser.cy.nodes().length")
    assert hub <= 15 and "united-states" in page.evaluate("graphBrowser.cy.nodes().map(n => n.id())")
    assert page.title().startswith("“The United States and Panama") or LEDE in page.title()
    assert_rendered_well(page)
    stories.locator(f"button[data-source='{SEED}']").click()
    page.wait_for_function(f"graphBrowser.cy.nodes().length > {hub}")
    assert_rendered_well(page)
    assert f"st={SEED}" in page.url


def test_the_details_panel_never_shows_null(page: Page, live_url: str) -> None:
    """An entity without a description, a timeline with undated entries, and a fact."""
    event = "inauguration-of-jose-raul-mulino"
    page.goto(f"{live_url}/#n={event},jose-raul-mulino&s={event}")
    expect(page.get_by_test_id("details-title")).to_have_text("Inauguration of José Raúl Mulino")
    page.locator("#details details summary").first.click()  # open "N undated"
    details = page.get_by_test_id("details").inner_text()
    assert "undated" in details and not re.search(r"\bnull\b|\bundefined\b", details), details
    assert page.title() == "Inauguration of José Raúl Mulino · Migration news graph"


def test_path_nodes_keep_their_size_and_undo_restores_everything(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=")
    pick(page, "#search", "Mulino", "jose-raul-mulino")
    expect(page.get_by_test_id("details-title")).to_have_text("José Raúl Mulino")
    page.get_by_test_id("expand-all").click()
    page.wait_for_function("graphBrowser.cy.nodes().length > 3")
    before = ui(page)
    pick(page, "#path-from", "Mayorkas", "alejandro-mayorkas")
    pick(page, "#path-to", "Mulino", "jose-raul-mulino")
    page.click("#find-paths")
    expect(page.get_by_test_id("path-list").locator("li")).to_have_count(2)
    sizes = page.evaluate("""() => { const cy = graphBrowser.cy;
        return {path: cy.$('node.path').map(n => [n.width(), n.height()]),
                other: cy.$('node').not('.path').map(n => [n.width(), n.height()])}; }""")
    assert sizes["path"] and {tuple(s) for s in sizes["path"]} == {tuple(s) for s in sizes["other"]}, sizes
    page.click("#path-step")
    expect(page.get_by_test_id("details-title")).to_have_text("attended")
    assert ui(page) != before
    page.click("#undo")
    expect(page.get_by_test_id("details-title")).to_have_text(before["details"])  # read again
    assert ui(page) == before
    expect(page.locator("#path-step")).to_be_hidden()
    assert_rendered_well(page)


def ui(page: Page) -> dict[str, Any]:
    """Everything an undo must put back besides the nodes."""
    return dict(page.evaluate("""() => ({
        nodes: graphBrowser.cy.nodes().map(n => n.id()).sort(),
        paths: document.querySelector('#path-list').innerText,
        step: document.querySelector('#path-step').hidden,
        faded: graphBrowser.cy.$('.faded, .path, .step').length,
        filters: document.querySelector('#rel-filters').innerText,
        details: document.querySelector('#details h2')?.innerText ?? null })"""))


def test_expansions_do_not_stack_nodes_and_the_graph_fits(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=")
    pick(page, "#search", "Mulino", "jose-raul-mulino")
    page.get_by_test_id("expand-all").click()
    page.wait_for_function("graphBrowser.cy.nodes().length > 3")
    assert_rendered_well(page)
    for hub in ("inauguration-of-jose-raul-mulino", "panama"):
        count = page.evaluate("graphBrowser.cy.nodes().length")
        page.evaluate(f"expand('{hub}')")
        page.wait_for_function(f"graphBrowser.cy.nodes().length > {count}")
        assert_rendered_well(page)


@pytest.mark.parametrize("entity", ["us-panama-deportation-agreement-2024", "jose-raul-mulino", "panama",
                                    "alejandro-mayorkas", "darien-gap"])
def test_an_entity_uri_opens_with_the_whole_graph_on_screen(page: Page, live_url: str, entity: str) -> None:
    page.goto(f"{live_url}/id/{entity}")
    page.wait_for_function("graphBrowser.cy.nodes().length > 2")
    expect(page.get_by_test_id("details-title")).not_to_have_text("Loading…")
    assert_rendered_well(page)
    assert settled(page)["zoom"] <= 1.6


def test_a_small_graph_is_not_tiny(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama,mexico")
    page.wait_for_function("graphBrowser.cy.nodes().length === 2")
    view = settled(page)
    assert view["zoom"] == pytest.approx(1.6)


def test_pasting_a_permalink_into_an_open_tab_draws_it(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama")
    page.wait_for_function("graphBrowser.cy.nodes().length === 1")
    page.goto(live_url + "/#n=mexico,china&s=china")  # only the hash changes: no reload
    page.wait_for_function("graphBrowser.cy.nodes().map(n => n.id()).sort().join() === 'china,mexico'")
    expect(page.get_by_test_id("details-title")).to_have_text("China")


def test_a_malformed_permalink_is_one_readable_sentence(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama,Not%20an%20id!")
    banner = page.locator("#banner")
    expect(banner).to_have_text(
        "This link is malformed: an entity id in it is not valid, so its view cannot be shown.")
    assert not re.search(r"[{}\[\]]|loc|pattern", banner.inner_text())


def test_a_search_without_a_match_says_so(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=")
    page.fill("#search", "Zyxwvut")
    expect(page.get_by_test_id("no-match")).to_have_text(
        "No entity matches “Zyxwvut”. Try another spelling, or fewer words.")


def test_the_date_slider_recovers_when_any_date_is_ticked_again(page: Page, live_url: str) -> None:
    page.goto(live_url + "/#n=panama")
    page.uncheck("#any-date")
    page.locator("#date-slider").fill(str(page.evaluate("sliderFromDay('2020-06-01')")))
    expect(page.get_by_test_id("date-label")).to_have_text("valid on 2020-06-01")
    page.check("#any-date")
    expect(page.get_by_test_id("date-label")).to_have_text("all facts")
    slider = page.locator("#date-slider")
    assert slider.input_value() == slider.get_attribute("max")


def test_a_cut_label_shows_the_whole_name_on_hover(page: Page, live_url: str) -> None:
    name = "Inauguration of José Raúl Mulino"
    page.goto(live_url + "/#n=inauguration-of-jose-raul-mulino")
    page.wait_for_function("graphBrowser.cy.nodes().length === 1")
    settled(page)
    point = page.evaluate("""() => { const n = graphBrowser.cy.nodes()[0], p = n.renderedPosition();
        const box = graphBrowser.cy.container().getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y}; }""")
    page.mouse.move(point["x"], point["y"])
    expect(page.locator("#cy")).to_have_attribute("title", name)


def test_citations_name_their_source_and_speaker(page: Page, live_url: str) -> None:
    statement = "mulino-vow-to-close-darien-gap"
    page.goto(f"{live_url}/#n=jose-raul-mulino,{statement}")
    page.wait_for_function("graphBrowser.cy.edges().length >= 1")
    page.evaluate("graphBrowser.cy.edges()[0].emit('tap')")
    citation = page.get_by_test_id("citation").first
    expect(citation.get_by_test_id("source")).to_contain_text(LEDE[:30])
    expect(citation).to_contain_text("confidence 100%")
    expect(citation).not_to_contain_text(SEED)
    page.goto(f"{live_url}/#n={statement}&s={statement}")  # Mulino is not drawn: his name is fetched
    expect(page.get_by_test_id("speaker").first).to_have_text("José Raúl Mulino")
    expect(page.get_by_test_id("citation").first).to_contain_text("claim by José Raúl Mulino")


@pytest.fixture
def later_fact(graph: Graph) -> Iterator[str]:
    """A fact recorded after the seed; yields a moment between the two."""
    seeded = graph.read("MATCH (n:Entity {id: 'panama'}) RETURN toString(n.recorded_at) AS at")[0]["at"]
    # The picker takes minutes: the next whole minute after the seed, before the new fact.
    moment = (datetime.fromisoformat(seeded.replace("Z", "+00:00")) + timedelta(minutes=1)).astimezone(UTC)
    graph.write(
        "MATCH (a:Entity {id: 'panama'}), (b:Entity {id: 'mexico'}) "
        "CREATE (a)-[:RELIES_ON {id: 'browser-later', recorded_at: datetime() + duration({minutes: 2}), "
        "purpose: 'Border talks.', cite_sources: [$seed], cite_quotes: ['Panama'], cite_confidences: [1.0], "
        "cite_modes: ['asserted'], cite_attributed_to: [''], cite_fields: ['']}]->(b)", seed=SEED)
    yield moment.strftime("%Y-%m-%dT%H:%M")
    graph.write("MATCH ()-[r {id: 'browser-later'}]->() DELETE r")


def test_a_view_as_published_then_is_in_the_link(page: Page, browser: Browser, live_url: str,
                                                  later_fact: str) -> None:
    page.goto(live_url + "/#n=panama,mexico")
    page.wait_for_function("graphBrowser.cy.getElementById('e:browser-later').nonempty()")
    page.fill("#as-recorded", later_fact)
    page.locator("#as-recorded").dispatch_event("change")
    page.wait_for_function("graphBrowser.cy.nodes().length === 2 && "
                           "graphBrowser.cy.getElementById('e:browser-later').empty()")
    expect(page.locator("#banner")).to_contain_text("Showing the graph as recorded on")
    assert "r=" in page.url
    other = browser.new_page(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    other.goto(page.url)
    other.wait_for_function("graphBrowser.cy.nodes().length === 2")
    assert other.evaluate("graphBrowser.cy.getElementById('e:browser-later').empty()")
    expect(other.locator("#banner")).to_contain_text("as recorded on")
    other.click("#recorded-now")
    other.wait_for_function("graphBrowser.cy.getElementById('e:browser-later').nonempty()")
    other.close()


def test_a_phone_keeps_the_canvas_and_stacks_the_panels(browser: Browser, live_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    phone = context.new_page()
    phone.goto(live_url + "/id/jose-raul-mulino")
    phone.wait_for_function("graphBrowser.cy.nodes().length > 2")
    canvas = phone.locator("#cy").bounding_box()
    details = phone.get_by_test_id("details").bounding_box()
    assert canvas and details and canvas["width"] >= 350 and canvas["height"] >= 300
    assert details["y"] >= canvas["y"] + canvas["height"] - 1  # below the canvas, not squeezed beside it
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    DOCS.mkdir(exist_ok=True)
    phone.screenshot(path=str(DOCS / "browser-phone.png"))
    context.close()


def test_without_javascript_the_entity_page_hides_the_dead_controls(browser: Browser, live_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(live_url + "/id/jose-raul-mulino")
    expect(plain.locator("#static-view h1")).to_have_text("José Raúl Mulino")
    for dead in ("main", "header .tools", "header .search"):
        expect(plain.locator(dead)).to_be_hidden()
    context.close()


def test_the_png_is_publishable_and_the_data_link_is_a_menu(page: Page, live_url: str) -> None:
    page.goto(live_url + "/id/us-panama-deportation-agreement-2024")
    page.wait_for_function("graphBrowser.cy.nodes().length > 3")
    caption = page.evaluate("captions()")
    assert caption["title"] == "U.S.–Panama agreement on deportations from the Darién Gap"
    assert "Agreement" in caption["types"] and any(LEDE[:30] in s for s in caption["sources"])
    assert "as recorded on" in caption["when"]
    with page.expect_download() as png:
        page.click("#export-png")
    picture = Image.open(io.BytesIO(Path(png.value.path()).read_bytes())).convert("L")
    graph = page.evaluate("""() => new Promise(done => { const img = new Image();
        img.onload = () => done(img.height); img.src = graphBrowser.cy.png({full: true, scale: 2}); })""")
    assert picture.height > graph + 150  # a title above, the legend, sources and credit below
    title_band = picture.crop((0, 0, picture.width, 100))
    credit_band = picture.crop((0, picture.height - 60, picture.width, picture.height))
    assert title_band.getextrema()[0] < 100 and credit_band.getextrema()[0] < 200
    page.click("[data-testid=data-menu] summary")
    menu = page.get_by_test_id("data-menu")
    expect(menu.locator("a[href='/export?format=ttl']")).to_be_visible()
    expect(menu.locator("a[href='/.well-known/void']")).to_be_visible()


def test_the_main_states_look_right(page: Page, live_url: str) -> None:
    """Full-page screenshots of the landing page, an expansion, a path and an edge's
    details, each checked against the rules; the README shows the landing and the path."""
    DOCS.mkdir(exist_ok=True)
    page.goto(live_url + "/")
    page.wait_for_function("graphBrowser.cy.nodes().length >= 10")
    assert_rendered_well(page)
    page.screenshot(path=str(DOCS / "browser.png"), full_page=True)
    pick(page, "#search", "Mulino", "jose-raul-mulino")
    page.get_by_test_id("expand-all").click()
    page.wait_for_function("graphBrowser.cy.$id('mulino-vow-to-close-darien-gap').nonempty()")
    assert_rendered_well(page)
    page.screenshot(path=str(DOCS / "browser-expanded.png"), full_page=True)
    pick(page, "#path-from", "Mayorkas", "alejandro-mayorkas")
    pick(page, "#path-to", "Mulino", "jose-raul-mulino")
    page.click("#find-paths")
    expect(page.get_by_test_id("path-list").locator("li")).to_have_count(2)
    page.click("#path-step")
    expect(page.get_by_test_id("details-title")).to_have_text("attended")
    assert_rendered_well(page)
    page.screenshot(path=str(DOCS / "browser-path.png"), full_page=True)
    colors = Image.open(DOCS / "browser-path.png").convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colors) > 200


def test_cite_this_view_freezes_it_and_hands_over_a_citation(page: Page, live_url: str, graph: Graph) -> None:
    secret = create_key(graph, "browser cite", Role.editor)[0]
    try:
        page.goto(live_url + "/#n=panama,mexico")
        page.wait_for_function("graphBrowser.cy.nodes().length === 2")
        page.once("dialog", lambda dialog: dialog.accept(secret))
        page.click("#cite")
        expect(page.get_by_test_id("citation-line")).to_contain_text("Migration news graph, snapshot of")
        snapshot = page.locator("#cite").get_attribute("data-snapshot")
        frozen = graph.read("MATCH (s:Snapshot {id: $id}) RETURN s.entities AS ids", id=snapshot)
        assert frozen and sorted(frozen[0]["ids"]) == ["mexico", "panama"]
    finally:  # the shared database keeps no snapshot or key of this test
        graph.write("MATCH (s:Snapshot) DETACH DELETE s")
        graph.write("MATCH (k:ApiKey {name: 'browser cite'}) DETACH DELETE k")
