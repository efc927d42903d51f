"""The grouped map page in headless Chromium: draws one node per group, requests nothing."""

import pytest
from helpers import write_village

from contactladder.jobs.common import Source
from contactladder.jobs.maps import map_job
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.map_groups import group_tables

pytestmark = pytest.mark.browser


def test_grouped_page_draws_the_groups_with_no_requests(tmp_path, open_page):
    folder = write_village(tmp_path / "data")
    out = tmp_path / "out" / "kaart.html"
    path = map_job(Source(folder), out, aggregate="groups", lang="en", anonymize=False).paths[0]
    people, ties = group_tables(LadderNetwork.from_path(folder).snapshot())
    visit = open_page(path)
    assert visit.errors == [] and visit.requests == []
    drawn = visit.evaluate("""() => { const c = window.contactladder; return [
        Object.keys(c.network.body.nodes).length, c.network.body.edgeIndices.length,
        c.data.nodes.label]; }""")
    assert drawn[0] == len(people) and drawn[1] == len(ties)
    assert all(" · " in label and (" people" in label or " person" in label) for label in drawn[2])
    subtitle = visit.page.inner_text("#cl-subtitle")
    assert "Grouped by wijk and organisation" in subtitle
    assert subtitle.endswith(f"in {len(people)} groups")
    # Groups are never ringed as alone: no filter of the people alone, no count of them.
    assert not visit.page.is_visible("#cl-only-alone")
    assert visit.page.query_selector_all("#cl-legend .cl-alone") == []
