"""Shared fixtures. Browser fixtures open pages in headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CONTACTLADDER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


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

    def open_(path: Path, *, blackhole: bool = False, ready: str = "data-cl-drawn",
              timeout: float = 30_000) -> Visit:
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        url = Path(path).resolve().as_uri()
        visit = Visit(page, url)
        page.on("console", lambda m: m.type in ("error", "warning") and visit.errors.append(
            f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
        page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: r.url != url and visit.requests.append(r.url))
        if blackhole:
            page.route(re.compile(r"^(?!file:).*"), lambda route: None)  # never answered
        page.goto(url, wait_until="load", timeout=timeout)
        page.wait_for_function(f"document.documentElement.hasAttribute({ready!r})",
                               timeout=timeout)
        return visit

    yield open_
    for context in contexts:
        context.close()


# --- a small village as a data folder, for the maps -------------------------------------------

#: Markup that must show as text wherever it appears (names, wijken, titles, activities).
HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>",
           '<a href="javascript:alert(1)">href</a>']

#: id, role, name, organisation, wijk, joined. Distinctive ids and names, so that finding one in
#: an anonymised page cannot be chance.
VILLAGE_PEOPLE = [
    ("ID-7f3a-anna", "parent", "Annabel Zuiderveld", "", "Dieze", ""),
    ("ID-9c1d-bram", "parent", "Bramwell Oosterhof", "", "Dieze", ""),
    ("ID-2b7e-cato", "professional", "Catootje Wessels", "GGD", "Dieze", ""),
    ("ID-3a3a-cas", "parent", "Casper Hollander", "", "Stadshagen", ""),
    ("ID-4d0f-dirk", "professional", "Dirkjan Veldkamp", "Sociaal wijkteam", "Stadshagen", ""),
    ("ID-5e5e-ella", "parent", "Elleke Brinkhorst", "", "Stadshagen", ""),
    ("ID-6f6f-fenna", "volunteer", "Fennigje Lubbersen", "", "Stadshagen", ""),
    ("ID-8a8a-gijs", "parent", "Gijsbertus Heuvelink", "", "Dieze", "2024-04-01"),
    ("ID-9b9b-hugo", "parent", "Hugolinus Kamphorst", "", "Stadshagen", "2024-03-01"),
]
#: date, a, b, rung, activity: ties that are new and climb in different months.
VILLAGE_CONTACTS = [
    ("2024-01-10", "ID-7f3a-anna", "ID-9c1d-bram", 1, "peutergym"),
    ("2024-01-10", "ID-7f3a-anna", "ID-2b7e-cato", 1, "peutergym"),
    ("2024-01-20", "ID-3a3a-cas", "ID-4d0f-dirk", 2, "taalplezier"),
    ("2024-02-05", "ID-7f3a-anna", "ID-9c1d-bram", 3, "Koffie en Koters"),
    ("2024-02-14", "ID-9c1d-bram", "ID-2b7e-cato", 1, "peutergym"),
    ("2024-02-20", "ID-3a3a-cas", "ID-5e5e-ella", 1, "taalplezier"),
    ("2024-03-03", "ID-7f3a-anna", "ID-9c1d-bram", 5, ""),
    ("2024-03-03", "ID-3a3a-cas", "ID-4d0f-dirk", 4, "taalplezier"),
    ("2024-03-15", "ID-5e5e-ella", "ID-6f6f-fenna", 2, "babybootcamp"),
    ("2024-04-02", "ID-9c1d-bram", "ID-8a8a-gijs", 1, "peutergym"),
    ("2024-04-20", "ID-3a3a-cas", "ID-5e5e-ella", 3, "Koffie en Koters"),
]


def write_village(folder: Path, *, hostile: bool = False) -> Path:
    """Write the village as contacts.csv and people.csv into ``folder``; return the folder.

    With ``hostile`` the first names are markup, Dieze is called ``<b>Dieze</b> href``, one
    organisation and one activity are markup.
    """
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    people = pd.DataFrame(VILLAGE_PEOPLE, columns=["id", "role", "name", "organisation", "wijk",
                                                   "joined"])
    contacts = pd.DataFrame(VILLAGE_CONTACTS, columns=["date", "person_a", "person_b", "rung",
                                                       "activity"])
    if hostile:
        people.loc[:len(HOSTILE) - 1, "name"] = HOSTILE
        people["wijk"] = people["wijk"].replace("Dieze", "<b>Dieze</b> href")
        people.loc[people["organisation"] == "GGD", "organisation"] = "<i>GGD</i> href"
        contacts.loc[0, "activity"] = "<script>alert(5)</script>"
    people.to_csv(folder / "people.csv", index=False)
    contacts.to_csv(folder / "contacts.csv", index=False)
    return folder


@pytest.fixture
def village_net(tmp_path):
    """``village_net(hostile=False, name="Zwolle")``: the village as a LadderNetwork."""
    from contactladder.network.ladder_network import LadderNetwork

    def make(*, hostile: bool = False, name: str = "Zwolle"):
        return LadderNetwork.from_path(write_village(tmp_path / name, hostile=hostile))

    return make
