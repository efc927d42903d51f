"""The grouped timeline page in headless Chromium: at each step the groups present, sized by
their people then, and the ties between them; no one ringed; the counters of the people."""

import json
from pathlib import Path

import pytest
from helpers import embedded_data
from test_timeline_page import drawn, slide_to

from contactladder.analysis.growth import growth
from contactladder.jobs.common import Source
from contactladder.jobs.maps import timeline_job
from contactladder.network.ladder_network import LadderNetwork

pytestmark = pytest.mark.browser

DEMO = Path(__file__).resolve().parents[2] / "data" / "zwolle-demo"


def value_at(history, step):
    found = 0
    for at, value in zip(history[::2], history[1::2]):
        if at <= step:
            found = value
    return found


def test_grouped_timeline_grows_step_by_step(tmp_path, open_page):
    out = timeline_job(
        Source(DEMO), tmp_path / "tijdlijn.html", freq="quarter", aggregate="groups", lang="en"
    ).paths[0]
    data = json.loads(embedded_data(out.read_text(encoding="utf-8")))
    table = growth(LadderNetwork.from_path(DEMO), freq="quarter")
    visit = open_page(out)
    assert visit.errors == [] and visit.requests == []
    assert visit.evaluate("() => document.getElementById('cl-point-out').disabled")
    steps = len(data["steps"]["label"])
    for step in (0, steps // 2, steps - 1):
        slide_to(visit, step)
        shown = drawn(visit)
        groups = [i for i, first in enumerate(data["nodes"]["appear"]) if 0 <= first <= step]
        ties = [h for h in data["edges"]["history"] if value_at(h, step)]
        assert shown["step"] == step and shown["nodes"] == len(groups)
        assert shown["edges"] == len(ties)
        assert shown["counters"]["people"] == table["people"].iloc[step]
        sizes = visit.evaluate(
            "ids => ids.map(i => window.contactladder.nodes.get(i).size)", groups
        )
        assert sizes == [value_at(data["group_sizes"][i], step) for i in groups]
        assert visit.evaluate("() => Array.from(window.contactladder.state.kinds)") == [0] * len(
            data["nodes"]["x"]
        )
    assert data["group_sizes"][0] != data["group_sizes"][0][:2]  # a group that grows
    subtitle = visit.page.inner_text("#cl-subtitle")
    assert "Grouped by wijk and organisation" in subtitle
    assert not visit.page.is_visible("#cl-only-alone")
    assert visit.page.query_selector_all("#cl-legend .cl-alone") == []
