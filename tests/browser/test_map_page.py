"""The map page in headless Chromium: draws, requests nothing, finds people, runs no markup."""

import networkx as nx
import pandas as pd
import pytest

from contactladder.ladder import Ladder
from contactladder.maps import write_map

pytestmark = pytest.mark.browser

LADDER = Ladder.default()
HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>",
           '<a href="x" onclick="alert(1)">href</a>']


def village(hostile=False):
    G = nx.Graph()
    people = [
        ("ID-7f3a-anna", "parent", 1, "Annabel Zuiderveld", "Dieze", ""),
        ("ID-9c1d-bram", "parent", 2, "Bramwell Oosterhof", "Stadshagen", ""),
        ("ID-3a3a-cas", "parent", 3, "Casper Hollander", "Stadshagen", ""),
        ("ID-2b7e-cato", "professional", 1, "Catootje Wessels", "Dieze", "GGD"),
        ("ID-4d0f-dirk", "professional", 2, "Dirkjan Veldkamp", "", "Sociaal wijkteam"),
        ("ID-8e5a-ella", "volunteer", 1, "Elleke Brinkhorst", "Dieze", ""),
    ]
    for i, (pid, role, number, name, wijk, org) in enumerate(people):
        if hostile and i < len(HOSTILE):
            name = HOSTILE[i]
        G.add_node(pid, role=role, number=number, name=name, wijk=wijk, organisation=org)
    day = pd.Timestamp
    ties = [("ID-7f3a-anna", "ID-9c1d-bram", 3), ("ID-7f3a-anna", "ID-2b7e-cato", 1),
            ("ID-2b7e-cato", "ID-4d0f-dirk", 5), ("ID-9c1d-bram", "ID-3a3a-cas", 2)]
    for a, b, rung in ties:
        G.add_edge(a, b, rung=rung, first_contact=day("2024-01-10"),
                   last_contact=day("2024-03-01"), contacts=rung + 1,
                   activities=("<script>alert(5)</script>",) if hostile else ("peutergym",))
    return G


def counts(visit):
    return visit.evaluate("""() => { const c = window.contactladder; return {
        nodes: c.nodes.length, edges: c.edges.length,
        shownNodes: c.nodeView.length, shownEdges: c.edgeView.length,
        drawnNodes: Object.keys(c.network.body.nodes).length,
        drawnEdges: c.network.body.edgeIndices.length}; }""")


def test_page_draws_with_no_errors_and_no_requests(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    assert visit.errors == []
    assert visit.requests == []
    assert counts(visit) == {"nodes": 6, "edges": 4, "shownNodes": 6, "shownEdges": 4,
                             "drawnNodes": 6, "drawnEdges": 4}
    legend = visit.page.inner_text("#cl-legend")
    assert "Professional (GGD)" in legend and "Steunen elkaar, wederzijds" in legend


def test_page_draws_with_the_network_black_holed(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle", lang="en")
    visit = open_page(path, blackhole=True, timeout=10_000)
    assert visit.errors == [] and visit.requests == []
    assert counts(visit)["drawnEdges"] == 4
    assert "Mutual support" in visit.page.inner_text("#cl-legend")


def test_search_finds_a_person_and_centres_on_them(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    page = visit.page
    page.fill("#cl-search", "ouder 3")
    page.click("#cl-find")
    assert page.inner_text("#cl-found") == "Gevonden: Ouder 3"
    page.wait_for_timeout(700)  # the 400 ms animation
    view, node, selected = visit.evaluate("""() => { const n = window.contactladder.network;
        const id = n.getSelectedNodes()[0];
        return [n.getViewPosition(), n.getPositions([id])[id], n.getSelectedNodes()]; }""")
    assert visit.evaluate("(id) => window.contactladder.data.nodes[id][5]", selected[0]) == "Ouder 3"
    assert view["x"] == pytest.approx(node["x"], abs=1) and view["y"] == pytest.approx(node["y"], abs=1)
    page.fill("#cl-search", "niemand")
    page.click("#cl-find")
    assert page.inner_text("#cl-found") == "Niet gevonden"
    assert visit.errors == []


def test_filters_by_wijk_and_lowest_rung(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    page = visit.page
    options = page.eval_on_selector_all("#cl-wijk option", "os => os.map(o => o.textContent)")
    assert options == ["Alle wijken", "Dieze", "Stadshagen"]
    page.select_option("#cl-min-rung", "3")
    assert counts(visit)["shownEdges"] == 2 and counts(visit)["drawnEdges"] == 2
    page.select_option("#cl-min-rung", "1")
    page.select_option("#cl-wijk", label="Stadshagen")
    # Stadshagen's two parents, and Anna from Dieze, tied to one of them
    assert counts(visit)["shownNodes"] == 3 and counts(visit)["shownEdges"] == 2
    assert visit.errors == []


def test_hostile_names_show_as_text_and_run_nothing(tmp_path, open_page):
    title = 'Zwolle </script><script>alert(3)</script><img src=x onerror=alert(4)> href'
    path = write_map(village(hostile=True), LADDER, tmp_path / "kaart.html", title=title,
                     anonymize=False)
    visit = open_page(path)
    page = visit.page
    assert page.inner_text("#cl-title") == title
    assert page.title() == title
    assert visit.evaluate("document.querySelectorAll('img, a, #cl-main script').length") == 0
    # datalist options (filled when the search box gets focus) carry names as values, not markup
    page.focus("#cl-search")
    values = page.eval_on_selector_all("#cl-people option", "os => os.map(o => o.value)")
    assert set(HOSTILE) <= set(values)
    # the tooltip of a hostile person, and of a tie with a hostile activity, is text
    page.fill("#cl-search", HOSTILE[0])
    page.click("#cl-find")
    page.wait_for_timeout(600)
    hit = visit.evaluate("window.contactladder.network.getSelectedNodes()[0]")
    x, y = visit.evaluate("""(id) => { const n = window.contactladder.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.getElementById('cl-network').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""", hit)
    page.mouse.move(x, y)
    page.wait_for_selector("#cl-tooltip:not([hidden])", timeout=5_000)
    tip = page.inner_text("#cl-tooltip")
    assert HOSTILE[0] in tip
    assert visit.evaluate("document.querySelector('#cl-tooltip').querySelectorAll('*:not(div):not(dl):not(dt):not(dd)').length") == 0
    page.wait_for_timeout(300)
    assert visit.dialogs == []
    assert visit.errors == []
    assert visit.requests == []


def test_anonymised_page_shows_no_names(tmp_path, open_page):
    G = village()
    path = write_map(G, LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    text = visit.page.inner_text("body")
    labels = visit.evaluate("window.contactladder.nodes.map(n => n.label)")
    for _, name in G.nodes(data="name"):
        assert name not in text and name not in labels
    assert sorted(labels) == ["Ouder 1", "Ouder 2", "Ouder 3", "Professional 1 (GGD)",
                              "Professional 2 (Sociaal wijkteam)", "Vrijwilliger 1"]
    assert visit.page.query_selector("#cl-names") is None
