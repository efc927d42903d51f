"""Shared fixtures. Browser fixtures open pages in headless Chromium (Debian's /usr/bin/chromium).

What the fixtures build from (villages, hostile strings, oracles) lives in ``helpers.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, write_village


@dataclass
class Visit:
    """A page opened from disk, with everything it did."""

    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: object = None) -> object:
        return self.page.evaluate(script, arg)


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium; the test is skipped when Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium):
    """Open an HTML file from disk and wait until the page says it has drawn.

    Records console errors, uncaught exceptions, dialogs (dismissed) and every request other than
    the file itself. ``blackhole=True`` routes every request that is not the file to a handler
    that never answers, like a network that hangs.
    """
    contexts = []

    def open_(
        path: Path,
        *,
        blackhole: bool = False,
        ready: str = "data-cl-drawn",
        timeout: float = 30_000,
    ) -> Visit:
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        url = Path(path).resolve().as_uri()
        visit = Visit(page, url)
        page.on(
            "console",
            lambda m: (
                m.type in ("error", "warning")
                and visit.errors.append(f"console {m.type}: {m.text}")
            ),
        )
        page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
        page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: r.url != url and visit.requests.append(r.url))
        if blackhole:
            page.route(re.compile(r"^(?!file:).*"), lambda route: None)  # never answered
        page.goto(url, wait_until="load", timeout=timeout)
        page.wait_for_function(f"document.documentElement.hasAttribute({ready!r})", timeout=timeout)
        return visit

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def village_net(tmp_path):
    """``village_net(hostile=False, name="Zwolle")``: the village as a LadderNetwork."""
    from contactladder.network import LadderNetwork

    def make(*, hostile: bool = False, name: str = "Zwolle"):
        return LadderNetwork.from_path(write_village(tmp_path / name, hostile=hostile))

    return make
