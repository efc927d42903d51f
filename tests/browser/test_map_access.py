"""Issue 13 in headless Chromium: embedded, on phones, for everyone. The legend in an 800 px
frame, the keyboard path (a visible focus, arrows pan, + and - zoom), the map as a table, the
slider saying the period, quiet counters while playing, touch (one finger scrolls the page until
the map is tapped; a pinch zooms)."""

import pytest
from helpers import write_page

from contactladder.analysis.growth import growth
from contactladder.jobs.maps import write_map_files, write_timeline
from contactladder.render.page import embed_snippet

pytestmark = pytest.mark.browser

VIEW = """() => { const n = window.contactladder.network;
    return {scale: n.getScale(), x: n.getViewPosition().x, y: n.getViewPosition().y}; }"""


def framed(chromium, tmp_path, page_path, *, width=800, touch=False):
    """A host page with the page's embed snippet in a frame ``width`` wide; (context, page,
    frame)."""
    host = tmp_path / "rapport.html"
    host.write_text(
        '<!DOCTYPE html><html><body style="margin:0"><p style="height:150px">x</p>'
        + embed_snippet(page_path.name, title="Kaart", width=str(width))
        + '<p style="height:2000px">y</p></body></html>',
        encoding="utf-8",
    )
    context = chromium.new_context(
        viewport={"width": 900, "height": 800}, has_touch=touch, is_mobile=False
    )
    page = context.new_page()
    page.goto(host.as_uri())
    page.wait_for_selector("iframe")
    frame = page.frames[1]
    frame.wait_for_function(
        "document.documentElement.hasAttribute('data-cl-drawn')", timeout=15_000
    )
    return context, page, frame


@pytest.mark.parametrize("kind", ["map", "timeline"])
def test_legend_is_visible_in_an_800_px_frame(kind, village_net, tmp_path, chromium):
    net = village_net()
    path = write_page(net, kind, tmp_path / "kaart.html")
    context, _page, frame = framed(chromium, tmp_path, path)
    try:
        assert frame.is_visible("#cl-legend")
        legend, network = frame.evaluate("""() => ['#cl-legend', '#cl-network'].map(s => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [r.top, r.bottom, r.height]; })""")
        assert legend[0] < 640 and legend[2] > 20  # shown inside the frame, above the map
        assert network[2] > 250  # and the map keeps most of the frame
        assert "Steunen elkaar, wederzijds" in frame.inner_text("#cl-legend")
    finally:
        context.close()


def test_keyboard_focus_pan_and_zoom(village_net, tmp_path, open_page):
    visit = open_page(write_map_files(village_net(), tmp_path / "kaart.html")[0])
    page = visit.page
    for _ in range(40):  # Tab through the controls to the map
        page.keyboard.press("Tab")
        if visit.evaluate("document.activeElement.classList.contains('vis-network')"):
            break
    else:
        pytest.fail("the map never got the keyboard focus")
    outline = visit.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert outline[0] != "none" and outline[1] >= 2  # a visible focus
    assert visit.evaluate("document.activeElement.getAttribute('aria-describedby')") == "cl-keys"
    start = visit.evaluate(VIEW)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    moved = visit.evaluate(VIEW)
    assert moved["x"] > start["x"] and moved["y"] > start["y"]
    assert moved["scale"] == start["scale"]
    page.keyboard.press("+")
    assert visit.evaluate(VIEW)["scale"] > start["scale"]
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert visit.evaluate(VIEW)["scale"] < start["scale"]
    page.keyboard.press("0")
    assert visit.evaluate(VIEW)["scale"] == pytest.approx(start["scale"])
    assert visit.errors == []


def table_rows(target):
    return target.evaluate("""() => [...document.querySelectorAll('#cl-table tbody tr')]
        .map(tr => [...tr.children].map(c => c.textContent))""")


def test_the_map_as_a_table(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_map_files(net, tmp_path / "kaart.html", lang="en")[0])
    page = visit.page
    assert visit.evaluate("document.getElementById('cl-table').classList.contains('cl-sr')")
    assert (
        not page.is_visible("#cl-table table")
        or visit.evaluate("document.getElementById('cl-table').getBoundingClientRect().width") <= 1
    )
    head = page.eval_on_selector_all("#cl-table thead th", "ths => ths.map(t => t.textContent)")
    assert head[:4] == ["Role", "Wijk", "Number", "Parents without a tie"]
    assert head[4:] == [f"{r.level}. {r.label('en')}" for r in net.ladder]
    rows = table_rows(visit)
    assert sum(int(r[2]) for r in rows) == 9  # everyone, by group and wijk
    assert ["Parent", "Stadshagen"] in [r[:2] for r in rows]
    last = growth(net).iloc[-1]
    assert sum(int(r[3]) for r in rows) == last["focal_alone"]
    ends = sum(int(v) for r in rows for v in r[4:])
    assert ends == 2 * last["ties"]  # each tie counts for both its people
    page.click("#cl-table-toggle")
    assert page.get_attribute("#cl-table-toggle", "aria-expanded") == "true"
    assert page.is_visible("#cl-table table")
    assert page.inner_text("#cl-table caption") == (
        "People by role and wijk, with their ties per rung"
    )
    page.click("#cl-table-toggle")
    assert visit.evaluate("document.getElementById('cl-table').classList.contains('cl-sr')")
    assert visit.errors == []


def test_timeline_table_and_slider_say_the_step(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_timeline(net, tmp_path / "dorp.html"))
    page = visit.page
    table = growth(net)
    page.focus("#cl-step")
    page.keyboard.press("Home")
    for step in range(len(table)):
        if step:
            page.keyboard.press("ArrowRight")
        period = page.inner_text("#cl-period")
        assert page.get_attribute("#cl-step", "aria-valuetext") == period
        assert period[0].isalpha() and not period.isdigit()  # "januari 2024", not "0"
        rows = table_rows(visit)
        assert sum(int(r[2]) for r in rows) == table.loc[step, "people"], step
    assert visit.errors == []


def test_counters_are_not_announced_while_playing(village_net, tmp_path, open_page):
    visit = open_page(write_timeline(village_net(), tmp_path / "dorp.html"))
    live = (
        "() => ['#cl-period', '#cl-counters'].map(s => document.querySelector(s)"
        ".getAttribute('aria-live'))"
    )
    assert visit.evaluate(live) == ["polite", "polite"]
    visit.page.click("#cl-play")
    assert visit.evaluate(live) == ["off", "off"]
    visit.page.click("#cl-play")
    assert visit.evaluate(live) == ["polite", "polite"]
    assert visit.errors == []


def touch(cdp, kind, points):
    cdp.send(
        "Input.dispatchTouchEvent",
        {
            "type": kind,
            "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)],
        },
    )


def drag(cdp, page, start, end, steps=8):
    touch(cdp, "touchStart", [start])
    for k in range(1, steps + 1):
        touch(
            cdp,
            "touchMove",
            [
                (
                    start[0] + (end[0] - start[0]) * k / steps,
                    start[1] + (end[1] - start[1]) * k / steps,
                )
            ],
        )
        page.wait_for_timeout(20)
    touch(cdp, "touchEnd", [])
    page.wait_for_timeout(300)


def test_touch_scrolls_the_page_until_tapped_and_pinch_zooms(village_net, tmp_path, chromium):
    path = write_map_files(village_net(), tmp_path / "kaart.html")[0]
    context, page, frame = framed(chromium, tmp_path, path, touch=True)
    try:
        cdp = context.new_cdp_session(page)
        box = page.query_selector("iframe").bounding_box()
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.75)
        before = frame.evaluate(VIEW)
        drag(cdp, page, middle, (middle[0], middle[1] - 200))
        assert page.evaluate("window.scrollY") > 50  # the page scrolled
        after = frame.evaluate(VIEW)
        assert after["x"] == pytest.approx(before["x"]) and after["y"] == pytest.approx(
            before["y"]
        )  # the map did not move
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(200)
        page.touchscreen.tap(*middle)  # now one finger is the map's
        page.wait_for_timeout(300)
        assert frame.evaluate("document.getElementById('cl-stage').classList.contains('cl-active')")
        drag(cdp, page, middle, (middle[0] + 120, middle[1] - 120))
        panned = frame.evaluate(VIEW)
        assert page.evaluate("window.scrollY") < 10  # the page stays (up to a nudge)
        assert abs(panned["x"] - before["x"]) > 20 or abs(panned["y"] - before["y"]) > 20
        cdp.send(
            "Input.synthesizePinchGesture",
            {"x": middle[0], "y": middle[1], "scaleFactor": 2.0, "gestureSourceType": "touch"},
        )
        page.wait_for_timeout(400)
        assert frame.evaluate(VIEW)["scale"] > panned["scale"] * 1.2
    finally:
        context.close()
