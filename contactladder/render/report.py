"""The report's pictures: its charts and the pictures of the village, from the tables given.

The page around them is :mod:`contactladder.render.report_sections`; the tables and the names
of their files :mod:`contactladder.render.report_tables`.

The report is anonymised: it names no person, only counts, activities and wijken. The numbers
come in as tables, computed once by the report's job
(:func:`contactladder.jobs.report.write_report`): the growth table, the transitions, the activity
yield and the growth per group, which this room shows as sentences, charts and tables in the
report's language. Small counts per group are masked by
:func:`contactladder.privacy.mask_small_counts` unless the report is exact, and the charts draw
a masked count as missing (a gap), never as zero.

At the top stand the title, the subtitle, the report's date (the data's last day, so the same
data give the same report) and the period it covers. Pictures of the village at chosen moments
(:func:`~contactladder.render.report_village.village_maps`, drawn by
:mod:`contactladder.render.static_map` with the positions, colours and legend of the interactive
maps) stand in the report for print; the interactive timeline is shown on screen only.

Examples
--------
>>> from contactladder.jobs.report import write_report
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")               # doctest: +SKIP
>>> paths = write_report(net, "outputs/report", freq="quarter")     # doctest: +SKIP
>>> paths[0].name                                                   # doctest: +SKIP
'index.html'
"""

from __future__ import annotations

from matplotlib.figure import Figure

import contactladder.render.charts as charts
from contactladder.network import LadderNetwork
from contactladder.render.report_tables import ReportTables, group_stem, row_label, shown_groups
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["report_figures"]


def report_figures(
    net: LadderNetwork, tables: ReportTables, *, lang: str = "nl"
) -> dict[str, Figure]:
    """Every chart of the report by its file stem, the network's charts first, then one per
    group (drawn from the shown values: a masked count is a gap in its line)."""
    w = words(lang)
    focal = role_word(net.focal, lang, plural=True)
    figures = {
        "people": charts.people_chart(
            tables.growth, lang=lang, focal=net.focal, title=w["report.people_chart"]
        ),
        "ties-per-rung": charts.ties_per_rung_chart(
            tables.growth, net.ladder, lang=lang, title=w["report.rungs_chart"]
        ),
        "focal-alone": charts.alone_chart(
            tables.growth,
            lang=lang,
            focal=net.focal,
            title=w["report.alone_chart"].format(Focal=focal),
        ),
    }
    shown = shown_groups(tables)
    if shown is not None and tables.by:
        for name, rows in shown.groupby("group", sort=True):
            figures[group_stem(tables.by, name)] = charts.ties_per_rung_chart(
                rows,
                net.ladder,
                lang=lang,
                stacked=False,
                title=f"{row_label(name, lang)}: {w['report.rungs_chart']}",
            )
    return figures
