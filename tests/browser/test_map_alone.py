"""Issue 13 in headless Chromium: the people who need a link stand out on the map and on every
step of the timeline (drawn size, ring, legend count, the filter, the clickable counter)."""

import statistics

import pytest

from contactladder.analysis.growth import growth
from contactladder.jobs.maps import write_map_files, write_timeline

pytestmark = pytest.mark.browser

RING = "#d4006a"


def drawn_people(visit):
    """Per person drawn: size, border colour and width from vis-network's body, the kind of
    the payload's state, and whether the ring's colour is in the canvas's pixels there."""
    return visit.evaluate(
        """(ring) => { const c = window.contactladder, n = c.network;
        const canvas = document.querySelector('#cl-network canvas');
        const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth;
        const rgb = [1, 3, 5].map(k => parseInt(ring.slice(k, k + 2), 16));
        return n.body.nodeIndices.map(id => { const node = n.body.nodes[id];
            const p = n.canvasToDOM({x: node.x, y: node.y});
            const r = Math.ceil((node.options.size + node.options.borderWidth) * n.getScale()) + 2;
            const px = ctx.getImageData(Math.round((p.x - r) * ratio), Math.round((p.y - r) * ratio),
                                        Math.round(2 * r * ratio), Math.round(2 * r * ratio)).data;
            let ringed = false;
            for (let k = 0; k < px.length; k += 4) {
                if (Math.abs(px[k] - rgb[0]) + Math.abs(px[k + 1] - rgb[1]) +
                    Math.abs(px[k + 2] - rgb[2]) < 40) { ringed = true; break; } }
            return {id: id, size: node.options.size, border: node.options.color.border,
                    borderWidth: node.options.borderWidth, kind: c.state.kinds[id],
                    dashed: !!node.options.shapeProperties.borderDashes, ringed: ringed}; }); }""",
        RING,
    )


def errors(visit):
    """The page's errors, but for Chromium's hint about the test's own reading of pixels."""
    return [e for e in visit.errors if "willReadFrequently" not in e]


def legend_counts(visit):
    return visit.evaluate("""() => [...document.querySelectorAll('#cl-legend .cl-alone li')]
        .map(li => [li.dataset.kind, li.textContent])""")


def check_people(people):
    median = statistics.median(p["size"] for p in people)
    for person in people:
        if person["kind"]:
            assert person["size"] >= median, person
            assert person["border"] == RING and person["borderWidth"] >= 3, person
            assert person["ringed"], person  # the ring is in the drawn pixels
            assert person["dashed"] == (person["kind"] == 2), person
        else:
            assert person["border"] != RING, person


def test_alone_parents_stand_out_on_the_map(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_map_files(net, tmp_path / "kaart.html")[0])
    people = drawn_people(visit)
    check_people(people)
    table = growth(net).iloc[-1]
    kinds = [p["kind"] for p in people]
    assert kinds.count(1) == table["focal_alone"] == 1
    assert kinds.count(2) == table["focal_only_professional"]
    assert legend_counts(visit) == [
        ["1", f"Ouders zonder band ({table['focal_alone']})"],
        ["2", f"Ouders zonder band met andere ouders ({table['focal_only_professional']})"],
    ]
    assert errors(visit) == []


def test_the_filter_shows_only_them_and_centres_on_them(village_net, tmp_path, open_page):
    visit = open_page(write_map_files(village_net(), tmp_path / "kaart.html", lang="en")[0])
    page = visit.page
    assert page.inner_text("#cl-alone-label") == "Only parents without a tie"
    page.check("#cl-only-alone")
    shown = visit.evaluate("""() => { const c = window.contactladder, n = c.network;
        const ids = n.body.nodeIndices, node = n.body.nodes[ids[0]];
        return {ids: ids, kinds: ids.map(i => c.state.kinds[i]), edges: n.body.edgeIndices.length,
                view: n.getViewPosition(), at: {x: node.x, y: node.y}}; }""")
    assert shown["kinds"] == [1] and shown["edges"] == 0
    assert shown["view"]["x"] == pytest.approx(shown["at"]["x"], abs=1)
    assert shown["view"]["y"] == pytest.approx(shown["at"]["y"], abs=1)
    assert page.inner_text("#cl-subtitle").endswith("1 people, 0 ties")
    page.uncheck("#cl-only-alone")
    assert visit.evaluate("window.contactladder.network.body.nodeIndices.length") == 9
    assert errors(visit) == []


def test_every_timeline_step_marks_and_counts_them(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_timeline(net, tmp_path / "dorp.html"))
    page = visit.page
    table = growth(net)
    page.click("#cl-point-out")  # the counter focal_alone: points them out at every step
    assert page.get_attribute("#cl-point-out", "aria-pressed") == "true"
    for step in range(len(table)):
        visit.evaluate("(s) => window.contactladder.setStep(s)", step)
        people = drawn_people(visit)
        check_people(people)
        row = table.iloc[step]
        kinds = [p["kind"] for p in people]
        assert kinds.count(1) == row["focal_alone"], step
        assert kinds.count(2) == row["focal_only_professional"], step
        counter = page.inner_text("#cl-counters [data-key=focal_alone] dd")
        assert int(counter) == row["focal_alone"]
        marked = visit.evaluate("window.contactladder.pointedOut()")
        assert sorted(marked) == sorted(p["id"] for p in people if p["kind"] == 1)
        assert legend_counts(visit)[0][1].endswith(f"({row['focal_alone']})")
    assert table["focal_alone"].max() > 0
    page.click("#cl-point-out")
    assert visit.evaluate("window.contactladder.pointedOut()") == []
    assert errors(visit) == []


def test_timeline_filter_follows_the_step(village_net, tmp_path, open_page):
    net = village_net()
    visit = open_page(write_timeline(net, tmp_path / "dorp.html"))
    table = growth(net)
    visit.page.check("#cl-only-alone")
    for step in range(len(table)):
        visit.evaluate("(s) => window.contactladder.setStep(s)", step)
        assert (
            visit.evaluate("window.contactladder.network.body.nodeIndices.length")
            == table.loc[step, "focal_alone"]
        ), step
    assert errors(visit) == []
