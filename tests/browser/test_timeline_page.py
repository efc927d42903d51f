"""The timeline page in headless Chromium: the slider, play/pause, counters equal to the growth
table, no requests, hostile text as text, nothing private in an anonymised page."""

import html
import time
from pathlib import Path

import pytest
from helpers import CHROMIUM_ARGS, HOSTILE, VILLAGE_PEOPLE  # noqa: F401

from contactladder.analysis.growth import growth
from contactladder.jobs.maps import timeline_counters, write_map_files, write_timeline
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.page import timeline_html

pytestmark = pytest.mark.browser

DEMO = Path(__file__).resolve().parents[2] / "data" / "zwolle-demo"


def wait_until(target, expression, timeout=5.0):
    """Poll ``expression`` in a page or frame until it is true (wait_for_function would need
    eval, which the page's Content-Security-Policy forbids)."""
    deadline = time.monotonic() + timeout
    while not target.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


def drawn(visit):
    return visit.evaluate("""() => { const c = window.contactladder; return {
        step: c.state.step, nodes: c.network.body.nodeIndices.length,
        edges: c.network.body.edgeIndices.length,
        period: document.getElementById('cl-period').textContent,
        counters: Object.fromEntries([...document.querySelectorAll('#cl-counters [data-key]')]
            .map(d => [d.dataset.key, Number(d.querySelector('dd').textContent)]))}; }""")


def slide_to(visit, step):
    """Move the slider as a reader does: Home, then the right arrow key."""
    page = visit.page
    page.focus("#cl-step")
    page.keyboard.press("Home")
    for _ in range(step):
        page.keyboard.press("ArrowRight")


def check_steps(visit, table, steps):
    columns = [
        "people",
        "ties",
        *[c for c in table.columns if c.startswith("rung_")],
        "focal_alone",
        "new_ties",
        "climbed",
    ]
    for step in steps:
        slide_to(visit, step)
        shown = drawn(visit)
        row = table.iloc[step]
        assert shown["step"] == step
        assert shown["edges"] == row["ties"], (step, shown, row["ties"])
        assert shown["nodes"] == row["people"]
        assert shown["counters"] == {c: int(row[c]) for c in columns}, step


def test_slider_shows_the_growth_table(village_net, tmp_path, open_page):
    net = village_net()
    path = write_timeline(net, tmp_path / "dorp.html")
    visit = open_page(path)
    table = growth(net)
    assert drawn(visit)["step"] == len(table) - 1  # opens on the grown village
    check_steps(visit, table, [0, 1, 2, 3, 1])
    assert visit.page.inner_text("#cl-period") == "februari 2024"
    assert visit.errors == [] and visit.requests == []


OPAQUE_STROKES = """() => { const c = window.contactladder, rungs = c.data.rungs;
    const colours = new Set(rungs.map(r => r.colour)), strokes = [];
    const stroke = CanvasRenderingContext2D.prototype.stroke;
    CanvasRenderingContext2D.prototype.stroke = function (...args) {
        if (colours.has(this.strokeStyle)) { strokes.push([this.strokeStyle, this.lineWidth]); }
        return stroke.apply(this, args); };
    try { c.network.redraw(); } finally { CanvasRenderingContext2D.prototype.stroke = stroke; }
    return strokes; }"""


def opaque_strokes(visit):
    """The lines drawn in a rung's colour at full opacity during one redraw, with their
    width (vis-network draws the faint ties in rgba colours)."""
    return visit.evaluate(OPAQUE_STROKES)


def test_new_and_climbing_ties_stand_out(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_timeline(net, tmp_path / "dorp.html"))
    slide_to(visit, 1)  # February: one tie climbs (1 -> 3), two are new
    shown = visit.evaluate("""() => { const c = window.contactladder;
        const width = Object.fromEntries(c.data.rungs.map(r => [r.level, r.width]));
        const fresh = new Set(c.freshTies().filter((_, k) => k % 2 === 0));
        return c.edgeView.get().map(e => ({fresh: fresh.has(e.id),
            shadow: !!(e.shadow && e.shadow.enabled),
            opacity: e.color.opacity, rungWidth: e.width === width[e.level]})); }""")
    table = growth(net)
    fresh = [e for e in shown if e["fresh"]]
    assert len(fresh) == table.loc[1, "new_ties"] + table.loc[1, "climbed"] == 3
    # they stand out by opacity, not by width (width always says the rung) nor by a shadow:
    # every tie is drawn faint, and the fresh ones again over it, opaque, at the rung's width
    assert all(e["rungWidth"] for e in shown)
    assert not any(e["shadow"] for e in shown)
    assert all(e["opacity"] < 1 for e in shown)
    widths = {r["colour"]: r["width"] for r in visit.evaluate("window.contactladder.data.rungs")}
    strokes = opaque_strokes(visit)
    assert len(strokes) == 3 and all(widths[colour] == width for colour, width in strokes)


def test_a_busy_period_does_not_glow(tmp_path, open_page):
    net = LadderNetwork.from_path(DEMO)
    table = growth(net)
    busy = int((table["new_ties"] + table["climbed"]).to_numpy().argmax())
    assert table.loc[busy, "new_ties"] + table.loc[busy, "climbed"] > 25
    visit = open_page(write_timeline(net, tmp_path / "timeline.html"))
    slide_to(visit, busy)
    # issue 13: no shadow at all (a busy step would turn into grey haze), on ties or people;
    # the fresh ties are marked by being drawn again, opaque
    shadows = visit.evaluate("""() => { const c = window.contactladder;
        return [...c.edgeView.get(), ...c.nodeView.get()]
            .filter(e => e.shadow && e.shadow.enabled).length; }""")
    assert shadows == 0
    assert len(opaque_strokes(visit)) == table.loc[busy, "new_ties"] + table.loc[busy, "climbed"]


def test_play_advances_and_pause_stops(village_net, tmp_path, open_page):
    visit = open_page(write_timeline(village_net(), tmp_path / "dorp.html"))
    page = visit.page
    assert page.inner_text("#cl-play") == "Afspelen"
    page.click("#cl-play")  # at the last step: starts again from the first
    assert page.inner_text("#cl-play") == "Pauze"
    wait_until(page, "window.contactladder.state.step >= 2")
    page.click("#cl-play")
    step = drawn(visit)["step"]
    page.wait_for_timeout(1_300)
    assert drawn(visit)["step"] == step and page.inner_text("#cl-play") == "Afspelen"
    assert visit.errors == [] and visit.requests == []


def test_wijk_filter_shows_the_wijk_rows(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_timeline(net, tmp_path / "dorp.html", lang="en"))
    visit.page.select_option("#cl-wijk", label="Stadshagen")
    table = growth(net, by="wijk")
    check_steps(visit, table[table["group"] == "Stadshagen"].reset_index(drop=True), [0, 2, 3])


def test_draws_with_the_network_black_holed(village_net, tmp_path, open_page):
    path = write_timeline(village_net(), tmp_path / "dorp.html", lang="en")
    visit = open_page(path, blackhole=True, timeout=10_000)
    assert visit.errors == [] and visit.requests == []
    assert drawn(visit)["edges"] == 7
    assert "Mutual support" in visit.page.inner_text("#cl-legend")


def test_hostile_text_shows_as_text_and_runs_nothing(village_net, tmp_path, open_page):
    title = 'Zwolle </script><script>alert(3)</script><img src=x onerror=alert(4)> href'
    path = write_timeline(
        village_net(hostile=True), tmp_path / "dorp.html", title=title, anonymize=False
    )
    visit = open_page(path)
    page = visit.page
    assert page.inner_text("#cl-title") == title and page.title() == title
    options = page.eval_on_selector_all("#cl-wijk option", "os => os.map(o => o.textContent)")
    assert options == ["Alle wijken", "<b>Dieze</b> href", "Stadshagen"]
    labels = visit.evaluate("window.contactladder.nodes.map(n => n.label)")
    assert set(HOSTILE) <= set(labels)
    assert "Professional (<i>GGD</i> href)" in page.inner_text("#cl-legend")
    assert visit.evaluate("document.querySelectorAll('img, a, b, i, #cl-main script').length") == 0
    page.select_option("#cl-wijk", label="<b>Dieze</b> href")
    check_steps(visit, _wijk_table(visit), [0, 3])
    page.wait_for_timeout(300)
    assert visit.dialogs == [] and visit.errors == [] and visit.requests == []


def _wijk_table(visit):
    import pandas as pd

    data = visit.evaluate("window.contactladder.data.counters")
    return pd.DataFrame(data["wijken"][0], columns=data["columns"])


def test_anonymised_timeline_shows_no_names_or_ids(village_net, tmp_path, open_page):
    path = write_timeline(village_net(), tmp_path / "dorp.html")
    source = path.read_text(encoding="utf-8")
    visit = open_page(path)
    text = visit.page.inner_text("body")
    labels = visit.evaluate("window.contactladder.nodes.map(n => n.label)")
    for pid, _, name, *_ in VILLAGE_PEOPLE:
        for secret in (pid, name, name.split()[0]):
            assert secret not in source and secret not in text and secret not in labels
    assert sorted(labels)[:2] == ["Ouder 1", "Ouder 2"]
    assert visit.page.query_selector("#cl-names") is None


def test_works_inside_a_sandboxed_srcdoc_iframe(village_net, tmp_path, chromium):
    net = village_net()
    page_html = timeline_html(net, **timeline_counters(net), lang="en")
    wrapper = tmp_path / "report.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body><h1>Report</h1><iframe id="f" '
        'sandbox="allow-scripts" style="width:1000px;height:700px" srcdoc="'
        + html.escape(page_html, quote=True)
        + '"></iframe></body></html>',
        encoding="utf-8",
    )
    context = chromium.new_context()
    try:
        page = context.new_page()
        errors, requests = [], []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda r: r.url != wrapper.as_uri() and requests.append(r.url))
        page.goto(wrapper.as_uri())
        frame = page.frames[1]
        frame.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=15_000
        )
        assert frame.evaluate("window.contactladder.network.body.edgeIndices.length") == 7
        frame.click("#cl-play")
        wait_until(frame, "window.contactladder.state.step >= 1")
        assert errors == [] and [r for r in requests if not r.startswith("about:")] == []
    finally:
        context.close()


def test_embed_snippet_shows_the_map(village_net, tmp_path, chromium):
    paths = write_map_files(village_net(), tmp_path / "kaart.html", embed=True)
    wrapper = tmp_path / "page.html"
    wrapper.write_text(
        "<!DOCTYPE html><html><body>" + paths[-1].read_text(encoding="utf-8") + "</body></html>",
        encoding="utf-8",
    )
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(wrapper.as_uri())
        page.wait_for_function("document.querySelector('iframe') !== null")
        frame = page.frames[1]
        frame.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=15_000
        )
        assert frame.evaluate("window.contactladder.network.body.edgeIndices.length") == 7
    finally:
        context.close()


def test_map_page_focus_and_lowest_rung(village_net, tmp_path, open_page):
    path = write_map_files(
        village_net(), tmp_path / "kaart.html", focus="ID-9c1d-bram", min_rung="delen"
    )[0]
    visit = open_page(path)
    selected, focus = visit.evaluate("""() => { const c = window.contactladder;
        return [c.network.getSelectedNodes(), c.data.focus]; }""")
    assert selected == [focus] and focus >= 0
    labels = visit.evaluate("window.contactladder.data.nodes.label")
    assert labels[focus].startswith("Ouder ")  # whichever number Bram has
    assert "aantal banden in deze kaart" in visit.page.inner_text("#cl-legend")
    assert visit.page.eval_on_selector("#cl-min-rung", "s => s.value") == "3"
    assert visit.evaluate("window.contactladder.network.body.edgeIndices.length") == 1
    assert visit.errors == [] and visit.requests == []


def test_demo_timeline(tmp_path, open_page):
    net = LadderNetwork.from_path(DEMO)
    table = growth(net)
    visit = open_page(write_timeline(net, tmp_path / "timeline.html"))
    check_steps(visit, table, [0, 5, 11, len(table) - 1])
    visit.page.select_option("#cl-min-rung", "1")
    assert visit.errors == [] and visit.requests == []
    source = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    for pid, name in net.people["name"].items():
        assert f'"{pid}"' not in source and name not in source


def test_current_view_fades_out_ties_that_ended(village_net, tmp_path, open_page):
    import pandas as pd
    from helpers import VILLAGE_CONTACTS

    net = village_net()
    path = write_timeline(
        net, tmp_path / "dorp.html", view="current", lapse="30d", anonymize=False, lang="en"
    )
    visit = open_page(path)
    contacts = pd.DataFrame(VILLAGE_CONTACTS, columns=["date", "a", "b", "rung", "activity"])
    contacts["date"] = pd.to_datetime(contacts["date"])
    name = {pid: person for pid, _, person, *_ in VILLAGE_PEOPLE}
    table = growth(net, view="current", lapse="30d")
    for step, end in enumerate(
        pd.to_datetime(["2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"])
    ):
        slide_to(visit, step)
        inside = contacts[
            (contacts["date"] >= end - pd.Timedelta(days=30)) & (contacts["date"] < end)
        ]
        expected = {
            (*sorted((name[a], name[b])), int(rung))
            for (a, b), rung in inside.groupby(["a", "b"])["rung"].max().items()
        }
        shown = visit.evaluate("""() => { const c = window.contactladder, L = c.data.nodes.label;
            return c.edgeView.get().map(e => [...[L[c.data.edges.a[e.id]],
                L[c.data.edges.b[e.id]]].sort(), e.level]); }""")
        assert {tuple(edge) for edge in shown} == expected, step
        assert drawn(visit)["edges"] == len(expected) == table.loc[step, "ties"]
        assert drawn(visit)["counters"]["ended_ties"] == table.loc[step, "ended_ties"]
    # at the last step Annabel and Bramwell's tie (last contact 3 March) has ended: not drawn
    assert ("Annabel Zuiderveld", "Bramwell Oosterhof", 5) not in expected
    assert "Ended ties" in visit.page.inner_text("#cl-counters")
    assert visit.errors == [] and visit.requests == []
