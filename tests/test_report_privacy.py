"""The report keeps its own privacy promise: no file of the report's folder tells a count that
a per-group table masks, in a place that says which group and period it belongs to; the charts
draw masked counts as gaps; one colour means one thing across the report's charts.

The search (:func:`leaks`) reads every file of the folder: the CSV files, the HTML tables and
sentences of each group, the text of every SVG, and the timeline's payload inside the page's
``srcdoc``. It is shown to find what it looks for first, in an exact report and in a timeline
with counters per wijk.
"""

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.jobs.report import write_report
from contactladder.ladder import Ladder
from contactladder.network import LadderNetwork
from contactladder.privacy import mask_small_counts
from contactladder.render import charts
from contactladder.render.page import timeline_html
from contactladder.render.report import report_figures
from contactladder.render.report_tables import ReportTables, shown_groups, slug
from contactladder.render.timeline_payload import counter_columns

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"
FREQ = "quarter"


@pytest.fixture(scope="module")
def net():
    return LadderNetwork.from_path(DEMO)


@pytest.fixture(scope="module")
def masked_cells(net):
    """Every cell the per-wijk table masks: (group, period, column, true value)."""
    exact = growth(net, freq=FREQ, by="wijk")
    shown = mask_small_counts(exact)
    cells = [
        (exact.at[i, "group"], exact.at[i, "period"], column, exact.at[i, column])
        for column in shown.columns
        for i in shown.index
        if shown.at[i, column] == "<5"
    ]
    assert cells, "the demo has small counts to mask"
    return cells


def first_group(pattern: str, text: str, flags: int = 0) -> str:
    """The first group of ``pattern`` in ``text`` (which must hold it)."""
    match = re.search(pattern, text, flags)
    assert match, pattern
    return match.group(1)


def ydata(figure, label: str) -> list:
    """The values drawn by the line ``label`` of the figure's chart."""
    return list(next(x for x in figure.axes[0].lines if x.get_label() == label).get_ydata())


def _number(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def csv_leaks(path: Path, cells) -> set:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"period", "group"} <= set(table.columns):
        return set()
    rows = {
        (g, p): row for g, p, row in zip(table["group"], table["period"], table.to_dict("records"))
    }
    return {
        (path.name, g, p, c)
        for g, p, c, v in cells
        if c in table.columns and rows.get((g, p), {}).get(c) in (str(v), _number(v))
    }


def html_leaks(path: Path, cells, periods: list[str]) -> set:
    """The group's table row of the period, and the group's sentence about the last period."""
    page = path.read_text(encoding="utf-8")
    found = set()
    for section in re.split(r"(?=<h3 )", page)[1:]:
        group = html.unescape(first_group(r"^<h3[^>]*>(.*?)</h3>", section))
        sentence = first_group(r"</h3><p>(.*?)</p>", section)
        rows = {}
        for row in re.findall(r"<tr>(.*?)</tr>", section):
            values = dict(re.findall(r'data-column="([^"]+)">([^<]*)<', row))
            if "period" in values:
                rows[values["period"]] = values
        for g, p, c, v in cells:
            if g != group:
                continue
            if rows.get(p, {}).get(c) in (str(v), _number(v)):
                found.add((path.name, g, p, c))
            if p == periods[-1] and re.search(rf"\b{v}\b", sentence):
                found.add((path.name + " sentence", g, p, c))
    return found


def svg_leaks(path: Path, cells) -> set:
    """A text of a group's chart that names the period next to the count."""
    texts = [
        html.unescape(t)
        for t in re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text(encoding="utf-8"))
    ]
    return {
        (path.name, g, p, c)
        for g, p, c, v in cells
        if f"-{slug(g)}-" in path.name
        for t in texts
        if p in t and re.search(rf"\b{v}\b", t.replace(p, ""))
    }


def timeline_leaks(page: str, cells) -> set:
    frame = re.search(r'srcdoc="([^"]*)"', page)
    if frame is None:
        return set()
    data = json.loads(
        first_group(
            r'<script type="application/json" id="cl-data">(.*?)</script>',
            html.unescape(frame.group(1)),
            re.S,
        )
    )
    labels = data["steps"]["label"]
    found = set()
    for name, counters in zip(data["wijken"], data["counters"]["wijken"]):
        for g, p, c, v in cells:
            if g == name and c in counters and p in labels and counters[c][labels.index(p)] == v:
                found.add(("timeline", g, p, c))
    return found


def leaks(folder: Path, cells, periods: list[str]) -> set:
    found = set()
    for path in sorted(folder.iterdir()):
        if path.suffix == ".csv":
            found |= csv_leaks(path, cells)
        elif path.suffix == ".svg":
            found |= svg_leaks(path, cells)
        elif path.suffix == ".html":
            found |= html_leaks(path, cells, periods)
            found |= timeline_leaks(path.read_text(encoding="utf-8"), cells)
    return found


def test_the_search_finds_counts_that_are_not_masked(net, masked_cells, tmp_path):
    write_report(net, tmp_path, freq=FREQ, lang="en", exact=True, timeline=False)
    periods = list(growth(net, freq=FREQ)["period"])
    found = leaks(tmp_path, masked_cells, periods)
    assert {f[0] for f in found} >= {"growth-by-wijk.csv", "index.html"}
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    head = first_group(r'(<table id="table-group-dieze".*?</thead>)', page, re.S)
    columns = set(re.findall(r'data-column="([^"]+)"', head))
    in_tables = [cell for cell in masked_cells if cell[2] in columns]
    assert in_tables and len({f for f in found if f[0] == "index.html"}) == len(in_tables)
    wijken = growth(net, freq=FREQ, by="wijk")
    page = timeline_html(
        net, counters=growth(net, freq=FREQ), counters_by_wijk=wijken, freq=FREQ, lang="en"
    )
    srcdoc = f'<iframe srcdoc="{html.escape(page, quote=True)}"></iframe>'
    counted = [cell for cell in masked_cells if cell[2] in counter_columns(net)]
    assert counted and len(timeline_leaks(srcdoc, masked_cells)) == len(counted)


def test_no_file_of_the_report_tells_a_masked_count(net, masked_cells, tmp_path):
    paths = write_report(net, tmp_path, freq=FREQ, lang="en")
    assert any(p.suffix == ".svg" and "-dieze-" in p.name for p in paths)
    periods = list(growth(net, freq=FREQ)["period"])
    assert leaks(tmp_path, masked_cells, periods) == set()


def test_masked_counts_are_gaps_in_the_charts_not_zeros(net, masked_cells):
    tables = ReportTables(
        freq=FREQ,
        growth=growth(net, freq=FREQ),
        transitions=pd.DataFrame(),
        yields=pd.DataFrame(),
        by="wijk",
        groups=growth(net, freq=FREQ, by="wijk"),
    )
    figures = report_figures(net, tables, lang="en")
    shown = shown_groups(tables)
    assert shown is not None
    periods = list(tables.growth["period"])
    checked = 0
    for group, period, column, _ in masked_cells:
        if not column.startswith("rung_"):
            continue
        rung = next(r for r in net.ladder if f"rung_{r.key}" == column)
        drawn = ydata(figures[f"wijk-{slug(group)}-ties-per-rung"], rung.label("en"))
        assert pd.isna(drawn[periods.index(period)]), (group, period, column)
        checked += 1
    assert checked
    top = net.ladder.top
    zeros = shown[shown[f"rung_{top.key}"].astype(str) == "0"]
    assert len(zeros)  # a true zero is drawn as zero, not as a gap
    for group, period in zip(zeros["group"], zeros["period"]):
        drawn = ydata(figures[f"wijk-{slug(group)}-ties-per-rung"], top.label("en"))
        assert drawn[periods.index(period)] == 0


DEFAULT_RUNGS = tuple(rung.colour for rung in Ladder.default())


def test_one_colour_means_one_thing_across_the_reports_charts(net):
    tables = ReportTables(
        freq=FREQ,
        growth=growth(net, freq=FREQ),
        transitions=pd.DataFrame(),
        yields=pd.DataFrame(),
        by="wijk",
        groups=growth(net, freq=FREQ, by="wijk"),
    )
    meaning: dict[str, set[str]] = {}
    for figure in report_figures(net, tables, lang="en").values():
        legend = figure.legends[0]
        handles: list = legend.legend_handles
        for handle, text in zip(handles, legend.get_texts()):
            colour = handle.get_facecolor() if hasattr(handle, "get_xy") else handle.get_color()
            key = charts.matplotlib.colors.to_hex(colour)
            meaning.setdefault(key, set()).add(" ".join(text.get_text().split()))
    assert all(len(things) == 1 for things in meaning.values()), meaning
    series = list(charts.SERIES_COLOURS.values())
    assert len(set(series)) == len(series)
    rungs = {*DEFAULT_RUNGS, *(r.colour for r in net.ladder)}
    assert not set(series) & rungs
    assert charts.SERIES_COLOURS["focal_alone"] in meaning


def test_the_report_timeline_shows_people_as_anonymous_dots(tmp_path):
    net = LadderNetwork.from_path(Path(__file__).parent.parent / "data" / "zwolle-demo")
    index = write_report(net, tmp_path / "report", freq="quarter")[0]
    frame = html.unescape(
        re.search(r'srcdoc="([^"]*)"', index.read_text(encoding="utf-8")).group(1)
    )
    data = json.loads(
        re.search(
            r'<script type="application/json" id="cl-data">(.*?)</script>', frame, re.S
        ).group(1)
    )
    assert data["details"] is False and data["wijken"] == [] and data["areas"]["wijk"] == []
    assert set(data["nodes"]["wijk"]) == {-1}
    assert all(group["organisation"] == "" for group in data["groups"])
    for wijk in net.wijken():
        assert wijk not in frame
