"""The graph browser's fixtures: the real service on a free port, Debian's Chromium, and
a page that fails its test on any uncaught script error (conftest registers this module)."""

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from app.main import create_app
from app.settings import Settings
from app.store.db import Graph
from tests.conftest import free_port

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def live_url(settings: Settings, graph: Graph) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the API did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # bypass_csp: the tests inspect the page with evaluated JavaScript, which our CSP forbids.
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True,
                                  bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, errors


def pick(page: Page, selector: str, text: str, choice: str) -> None:
    page.fill(selector, text)
    listbox = f"xpath=//input[@id='{selector[1:]}']/following-sibling::ul"
    option = page.locator(f"{listbox}/li[@data-id='{choice}']")
    option.wait_for()
    option.click()
