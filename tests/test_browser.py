"""The report and the app in headless Chromium, used as a person would; screenshots in out/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.report import demo, render
from claimledger.store import Store

CHROMIUM = Path("/usr/bin/chromium")
OUT = Path(__file__).resolve().parent.parent / "out"
TOKEN = "browser-test-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TARGET_BG = "rgb(255, 213, 74)"  # --target in dossier.css: the evidence a link landed on

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail("CI needs /usr/bin/chromium: run scripts/install-browser.sh", pytrace=False)
    pytest.skip("no /usr/bin/chromium (scripts/install-browser.sh installs it)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_db: Any) -> str:
    return demo_db(tmp_path_factory.mktemp("browser") / "story.db", 12)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=30_000)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[str]:
    import uvicorn

    from claimledger.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, TOKEN), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the app did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records console errors and fails on any dialog (a script that ran)."""
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.set_default_timeout(15_000)
    pg.errors, pg.dialogs, pg.expected_errors = [], [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))

    def on_dialog(d: Any) -> None:
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    assert pg.dialogs == [], f"hostile text ran: {pg.dialogs}"
    unexpected = [e for e in pg.errors if not any(x in e for x in pg.expected_errors)]
    assert unexpected == [], f"console errors: {unexpected}"
    pg.close()


def shot(pg: Any, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUT / f"{name}.png"))


def landed_on(pg: Any, anchor: str) -> str:
    """The target span's text, after checking it is highlighted and in view."""
    mark = pg.locator(f"[id='{anchor}']")
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == TARGET_BG
    assert mark.is_visible() and mark.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )
    return mark.inner_text()


def test_report_charts_and_claim_to_evidence(page: Any, db: str) -> None:
    OUT.mkdir(exist_ok=True)
    report = OUT / "dossier.html"
    report.write_text(render(Store(db), "html"), encoding="utf-8")
    page.goto(report.as_uri())
    assert page.locator("svg.chart").count() >= 1
    assert page.locator("svg.chart a.mark").count() >= 10
    shot(page, "report-overview")
    page.locator("#figures .measure").first.scroll_into_view_if_needed()
    shot(page, "report-figures")
    link = page.locator("table.figures a[href^='#q-']").nth(3)
    stated = link.inner_text()
    link.click()
    anchor = page.evaluate("location.hash").lstrip("#")
    assert landed_on(page, anchor) == stated
    shot(page, "report-evidence")
    page.locator("#who ul.statements a[href^='#s-']").first.click()
    landed_on(page, page.evaluate("location.hash").lstrip("#"))
    page.goto(report.as_uri() + "#timeline")
    shot(page, "report-timeline")


def test_app_filter_then_follow_a_statement_to_its_sentence(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.locator("svg.chart").count() >= 1
    shot(page, "app-overview")
    page.goto(server + "/statements")
    page.select_option("select[name=stance]", "deny")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/statements?*stance=deny*")
    items = page.locator("ul.statements li")
    assert items.count() >= 1
    assert items.count() == page.locator("ul.statements li.stance-deny").count()
    shot(page, "app-denials")
    content = items.first.locator(".quote").inner_text()
    items.first.locator("a", has_text="show in article").click()
    page.wait_for_url("**/articles/**#s-*")
    anchor = page.evaluate("location.hash").lstrip("#")
    assert landed_on(page, anchor) in content
    shot(page, "app-article")
    page.goto(server + f"/measures/{demo.MEASURE}")
    page.locator("svg.chart a.mark").first.click()
    page.wait_for_url("**/articles/**#q-*")
    landed_on(page, page.evaluate("location.hash").lstrip("#"))


def test_app_hostile_article_is_inert(page: Any, server: str) -> None:
    page.goto(server + "/articles?q=Breaking")
    page.locator("table a").first.click()
    assert page.locator(".reader img, .reader script, .reader a").count() == 0
    assert "<script>" in page.locator(".reader").inner_text()
    shot(page, "app-hostile-article")


def test_app_add_article_without_then_with_the_token(page: Any, server: str) -> None:
    text = "Defence officials said on Tuesday that 4,000 soldiers had reached the front."
    page.goto(server + "/add")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=title]", "Browser-added report")
    page.fill("input[name=outlet]", "Test Wire")
    with page.expect_response(lambda r: r.url.endswith("/add")) as refused:
        page.click("#add-form button[type=submit]")
    assert refused.value.status == 401
    page.expected_errors.append("status of 401")  # the browser logs the refusal itself, maybe late
    assert "needs the token" in page.locator("[role=alert]").inner_text()
    shot(page, "app-add-refused")
    page.fill("input[name=token]", TOKEN)
    page.fill("input[name=title]", "Browser-added report")
    page.fill("input[name=outlet]", "Test Wire")
    page.click("#add-form button[type=submit]")
    page.wait_for_url("**/articles/*", timeout=60_000)
    assert "Browser-added report" in page.locator("h3").first.inner_text()
    assert text in page.locator(".reader").inner_text()
    shot(page, "app-added")
