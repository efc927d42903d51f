"""The report's section on the stage of network weaving: a row per wijk, a cell per period."""

import html
import re

import pandas as pd
from helpers import DEMO

from contactladder.analysis.weaving_stage import STAGES, stage_words
from contactladder.analysis.weaving_wijken import weaving_stages
from contactladder.jobs.report import write_report
from contactladder.network import LadderNetwork
from contactladder.render.report_weaving import shown_stages, weaving_section


def _grid(page: str) -> list[list[str]]:
    table = re.search(r'<table id="table-weaving".*?</table>', page, re.S).group(0)
    return [
        [html.unescape(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def test_the_report_shows_each_wijks_stage_per_period(tmp_path):
    net = LadderNetwork.from_path(DEMO)
    write_report(net, tmp_path / "report", freq="quarter", lang="en", timeline=False)
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    expected = weaving_stages(net, freq="quarter")
    grid = _grid(page)
    periods = list(dict.fromkeys(expected["period"]))
    assert grid[0] == ["Wijk", *periods]
    assert [row[0] for row in grid[1:]] == net.wijken()
    for row in grid[1:]:
        stages = expected[expected["wijk"] == row[0]]["weaving_stage"]
        assert row[1:] == [stage_words(stage, lang="en")[0] for stage in stages]
    for stage in STAGES:  # the legend says what each stage means
        assert html.escape(stage_words(stage, lang="en")[1], quote=True) in page
    written = pd.read_csv(tmp_path / "report" / "weaving-stages.csv", dtype={"period": str})
    assert written["weaving_stage"].tolist() == expected["weaving_stage"].tolist()


def test_a_wijk_with_few_focal_people_shows_no_stage():
    stages = pd.DataFrame(
        {
            "period": ["2024Q1", "2024Q1"],
            "wijk": ["Dieze", "Zuid"],
            "weaving_stage": ["hub_and_spoke", "multi_hub"],
            "focal_people": [4, 20],
            "components": [1, 3],
            "largest_share": [1.0, 0.8],
            "hub_dependence": [1.0, 0.4],
            "hubs": [1, 2],
            "core_k": [1, 2],
            "core_share": [0.0, 0.1],
        }
    )
    assert shown_stages(stages).iloc[0].tolist()[2:] == ["<5"] * 8
    assert shown_stages(stages, exact=True).equals(stages)
    grid = _grid(weaving_section(stages, focal="parent", lang="nl"))
    assert grid[1] == ["Dieze", "<5"] and grid[2] == ["Zuid", "meerdere spinnen"]
    exact = _grid(weaving_section(stages, focal="parent", lang="nl", exact=True))
    assert exact[1] == ["Dieze", "één spin in het web"]


def test_the_rules_name_the_lowest_rung_counted(tmp_path):
    net = LadderNetwork.from_path(DEMO)
    write_report(net, tmp_path / "report", freq="quarter", lang="en", timeline=False)
    page = html.unescape((tmp_path / "report" / "index.html").read_text(encoding="utf-8"))
    level = weaving_stages(net, freq="quarter").attrs["min_rung"]
    assert f"(ties from the rung '{net.ladder[level].label('en')}' up)" in page
