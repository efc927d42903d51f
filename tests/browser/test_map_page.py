"""The map page in headless Chromium: draws, requests nothing, finds people, runs no markup."""

import networkx as nx
import pandas as pd
import pytest

from contactladder.jobs.maps import write_map
from contactladder.ladder import Ladder

pytestmark = pytest.mark.browser

LADDER = Ladder.default()
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '<a href="x" onclick="alert(1)">href</a>',
]


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
    ties = [
        ("ID-7f3a-anna", "ID-9c1d-bram", 3),
        ("ID-7f3a-anna", "ID-2b7e-cato", 1),
        ("ID-2b7e-cato", "ID-4d0f-dirk", 5),
        ("ID-9c1d-bram", "ID-3a3a-cas", 2),
    ]
    for a, b, rung in ties:
        G.add_edge(
            a,
            b,
            rung=rung,
            first_contact=day("2024-01-10"),
            last_contact=day("2024-03-01"),
            contacts=rung + 1,
            activities=("<script>alert(5)</script>",) if hostile else ("peutergym",),
        )
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
    assert counts(visit) == {
        "nodes": 6,
        "edges": 4,
        "shownNodes": 6,
        "shownEdges": 4,
        "drawnNodes": 6,
        "drawnEdges": 4,
    }
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
    label = visit.evaluate("(id) => window.contactladder.data.nodes.label[id]", selected[0])
    assert label == "Ouder 3"
    assert view["x"] == pytest.approx(node["x"], abs=1)
    assert view["y"] == pytest.approx(node["y"], abs=1)
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
    # as growth --by wijk counts a wijk: Stadshagen's two parents and the tie between them
    assert counts(visit)["shownNodes"] == 2 and counts(visit)["shownEdges"] == 1
    assert page.inner_text("#cl-subtitle").endswith("2 personen, 1 banden")
    page.select_option("#cl-wijk", "-1")
    assert page.inner_text("#cl-subtitle").endswith("6 personen, 4 banden")
    assert visit.errors == []


def test_no_wijk_menu_with_one_wijk(tmp_path, open_page):
    G = village()
    G.remove_nodes_from([n for n, w in G.nodes(data="wijk") if w != "Dieze"])
    visit = open_page(write_map(G, LADDER, tmp_path / "kaart.html", title="Dieze"))
    assert not visit.page.is_visible("#cl-wijk")
    assert visit.errors == []


def test_hostile_names_show_as_text_and_run_nothing(tmp_path, open_page):
    title = 'Zwolle </script><script>alert(3)</script><img src=x onerror=alert(4)> href'
    path = write_map(
        village(hostile=True), LADDER, tmp_path / "kaart.html", title=title, anonymize=False
    )
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
    x, y = visit.evaluate(
        """(id) => { const n = window.contactladder.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.getElementById('cl-network').getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""",
        hit,
    )
    page.mouse.move(x, y)
    page.wait_for_selector("#cl-tooltip:not([hidden])", timeout=5_000)
    tip = page.inner_text("#cl-tooltip")
    assert HOSTILE[0] in tip
    assert (
        visit.evaluate(
            "document.querySelector('#cl-tooltip')"
            ".querySelectorAll('*:not(div):not(dl):not(dt):not(dd)').length"
        )
        == 0
    )
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
    assert sorted(labels) == [
        "Ouder 1",
        "Ouder 2",
        "Ouder 3",
        "Professional 1 (GGD)",
        "Professional 2 (Sociaal wijkteam)",
        "Vrijwilliger 1",
    ]
    assert visit.page.query_selector("#cl-names") is None


def boxes(visit, *selectors):
    return visit.evaluate(
        """(sels) => sels.map(s => {
        const r = document.querySelector(s).getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom]; })""",
        list(selectors),
    )


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_legend_sits_beside_the_map_and_stays_open_when_narrow(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    network, side = boxes(visit, "#cl-network", "#cl-side")
    assert not overlap(network, side) and side[0] >= network[2]
    visit.page.set_viewport_size({"width": 820, "height": 640})  # an embedded report frame
    visit.page.wait_for_timeout(100)
    # issue 13: visible by default in a narrow frame, in a compact form above the map
    assert visit.evaluate("document.getElementById('cl-side').open") is True
    assert visit.page.is_visible("#cl-legend")
    network, side = boxes(visit, "#cl-network", "#cl-side")
    assert not overlap(network, side) and network[3] - network[1] > 300
    visit.page.click("#cl-side > summary")  # folds it, giving the map the room
    network, side = boxes(visit, "#cl-network", "#cl-side")
    assert not overlap(network, side) and not visit.page.is_visible("#cl-legend")
    assert network[3] - network[1] > 400
    assert visit.errors == []


def test_legend_closed_is_folded_until_opened(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle", legend="closed")
    visit = open_page(path)
    for width in (1280, 820):
        visit.page.set_viewport_size({"width": width, "height": 640})
        visit.page.wait_for_timeout(100)
        assert not visit.page.is_visible("#cl-legend"), width
    visit.page.click("#cl-side > summary")
    network, side = boxes(visit, "#cl-network", "#cl-side")
    assert not overlap(network, side) and visit.page.is_visible("#cl-legend")
    assert visit.errors == []


def test_labels_from_a_readable_size_and_the_hit_always(tmp_path, open_page):
    path = write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    visit = open_page(path)
    threshold = visit.evaluate(
        "window.contactladder.network.body.nodes[0].options.scaling.label.drawThreshold"
    )
    assert 9 <= threshold <= 10
    visit.evaluate("window.contactladder.find('ouder 2')")
    visit.page.wait_for_timeout(700)  # the search's animation
    written = _record_canvas_text(
        visit,
        "() => { const n = window.contactladder.network; n.moveTo({scale: 0.2}); n.redraw(); }",
    )
    assert "Ouder 2" in written and "Ouder 1" not in written  # too small to read, but pinned
    assert {"Dieze", "Stadshagen"} <= set(written)  # the names of the wijken


def _record_canvas_text(visit, action):
    """The texts written on the canvas with fillText while ``action`` runs."""
    visit.evaluate("""() => { window.__written = [];
        const fill = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
            window.__written.push(String(text)); return fill.call(this, text, ...rest); }; }""")
    visit.evaluate(action)
    return visit.evaluate("window.__written")


def test_wheel_scrolls_the_report_until_the_map_is_clicked(tmp_path, chromium):
    write_map(village(), LADDER, tmp_path / "kaart.html", title="Zwolle")
    host = tmp_path / "rapport.html"
    host.write_text(
        '<!DOCTYPE html><html><body style="margin:0"><p style="height:200px">x</p>'
        '<iframe src="kaart.html" width="820" height="640" sandbox="allow-scripts">'
        '</iframe><p style="height:2000px">y</p></body></html>',
        encoding="utf-8",
    )
    context = chromium.new_context(viewport={"width": 900, "height": 700})
    try:
        page = context.new_page()
        page.goto(host.as_uri())
        frame = page.frames[1]
        frame.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=15_000
        )
        scale = "window.contactladder.network.getScale()"
        before = frame.evaluate(scale)
        page.mouse.move(400, 500)
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(300)
        assert page.evaluate("window.scrollY") > 0 and frame.evaluate(scale) == before
        page.keyboard.down("Control")
        page.mouse.wheel(0, -100)
        page.keyboard.up("Control")
        page.wait_for_timeout(100)
        assert frame.evaluate(scale) > before
        frame.click("#cl-fit")
        assert frame.evaluate(scale) == pytest.approx(before)
        frame.click("#cl-zoom-in")
        assert frame.evaluate(scale) > before
        frame.click("#cl-zoom-out")
        frame.click("#cl-zoom-out")
        assert frame.evaluate(scale) < before
        frame.click("#cl-fit")
        box = frame.evaluate("""() => { const r = document.getElementById('cl-network')
            .getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }""")
        frame_box = page.query_selector("iframe").bounding_box()
        x, y = frame_box["x"] + box[0], frame_box["y"] + box[1]
        page.mouse.click(x, y)  # now the wheel is the map's
        scroll = page.evaluate("window.scrollY")
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(300)
        assert frame.evaluate(scale) > before and page.evaluate("window.scrollY") == scroll
    finally:
        context.close()


def test_a_ties_tooltip_gives_its_days_from_the_pages_list_of_days(tmp_path, open_page):
    G = village()
    G.edges["ID-2b7e-cato", "ID-4d0f-dirk"]["last_contact"] = pd.Timestamp("2024-05-02 14:30")
    del G.edges["ID-9c1d-bram", "ID-3a3a-cas"]["first_contact"]
    visit = open_page(write_map(G, LADDER, tmp_path / "kaart.html", title="Zwolle", lang="en"))
    data = visit.evaluate("window.contactladder.data")
    assert data["dates"] == ["2024-01-10", "2024-03-01", "2024-05-02"]

    def tooltip(level):
        edge = data["edges"]["level"].index(level)
        visit.evaluate("(j) => window.contactladder.network.emit('hoverEdge', {edge: j})", edge)
        return visit.page.inner_text("#cl-tooltip")

    assert "First contact\n2024-01-10" in tooltip(5) and "Last contact\n2024-05-02" in tooltip(5)
    second = tooltip(2)  # no first contact known: no such row
    assert "First contact" not in second and "Last contact\n2024-03-01" in second
    assert visit.errors == []
