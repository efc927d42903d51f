"""The report's job: compute every table once, draw the charts, fill the page, write the folder.

>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")               # doctest: +SKIP
>>> paths = write_report(net, "outputs/report", freq="quarter")     # doctest: +SKIP
>>> [p.name for p in paths[:2]]                                     # doctest: +SKIP
['index.html', 'growth.csv']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from contactladder.analysis.activity_yield import activity_yield
from contactladder.analysis.growth import TIE_TYPE, growth
from contactladder.analysis.report_figures import weaving_stages_on_codes
from contactladder.analysis.transitions import transitions
from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_bytes, write_text
from contactladder.io.sheets import write_table
from contactladder.jobs.common import Progress, Result, Source, open_source
from contactladder.jobs.map_cache import cache_folder, layout_for
from contactladder.jobs.paused_gc import collection_paused
from contactladder.jobs.shared_snapshots import layout_once, shared_snapshots
from contactladder.network import LadderNetwork
from contactladder.privacy import check_grouping
from contactladder.render import charts
from contactladder.render.layout import layout_areas
from contactladder.render.map_text import iso_date
from contactladder.render.report import report_figures
from contactladder.render.report_sections import report_html
from contactladder.render.report_tables import ReportTables, shown_groups, slug
from contactladder.render.report_village import village_maps
from contactladder.render.report_weaving import shown_stages
from contactladder.render.static_map import map_figure, picture_bytes
from contactladder.render.styles import node_order
from contactladder.words import words

if TYPE_CHECKING:
    from contactladder.render.network_map import Layout

__all__ = ["REPORT_STALE", "write_report", "report_job", "report_tables", "report_moments"]

#: Files of an earlier report that go when a report is written again into its folder, even when
#: this report does not write them (its groups may differ); other files there are kept.
REPORT_STALE = (
    "growth-by-*.csv",
    "weaving-stages.csv",
    "*-ties-per-rung.png",
    "*-ties-per-rung.svg",
    "village-*.png",
    "village-*.svg",
)


def report_tables(
    net: LadderNetwork,
    *,
    freq: str = "quarter",
    by: str | None = "wijk",
    exact: bool = False,
    title: str | None = None,
    subtitle: str | None = None,
    moments: Sequence[object] | None = None,
    progress: Progress = None,
) -> ReportTables:
    """The tables of a report, each computed once (``title``, ``subtitle`` and ``moments`` as
    in :func:`write_report`).

    Raises
    ------
    UsageError
        If ``by`` names people (a private column) or has too many values to be anonymous, or
        a moment is not a date within the data.
    """
    chosen = report_moments(net, moments)
    if by:
        check_grouping(by, net.column(by) if net.has_column(by) else None, what="report")
    table = growth(net, freq=freq, progress=progress)
    grouped = by == TIE_TYPE or bool(by and net.values(by))
    groups = growth(net, freq=freq, by=by) if grouped else None
    return ReportTables(
        freq=freq,
        growth=table,
        transitions=transitions(net, freq=freq),
        yields=activity_yield(net),
        by=by if groups is not None else None,
        groups=groups,
        exact=exact,
        title=title or None,
        subtitle=subtitle or None,
        moments=chosen,
        stages=weaving_stages_on_codes(net, freq=freq) if net.has_contacts else None,
    )


def report_moments(net: LadderNetwork, moments: Sequence[object] | None = None) -> list[str]:
    """The moments of the report's pictures of the village as ISO dates, in time order:
    ``moments`` checked, or the data's first day, the day halfway and its last day.

    Raises
    ------
    UsageError
        For a moment that is not a date, or lies outside the data.
    """
    if not net.has_contacts:
        return []
    start, end = pd.Timestamp(net.start).normalize(), pd.Timestamp(net.end).normalize()
    if moments is None:
        return sorted({iso_date(day) for day in (start, start + (end - start) / 2, end)})
    chosen = set()
    for moment in moments:
        try:
            day = pd.Timestamp(str(moment)).normalize()
        except ValueError:
            day = pd.NaT
        if pd.isna(day) or not start <= day <= end:
            raise UsageError(
                "a moment is not a date within the data",
                value=moment,
                hint=f"give {{moments}} as dates from {iso_date(start)} to {iso_date(end)}",
            )
        chosen.add(iso_date(day))
    return sorted(chosen)


def write_report(
    net: LadderNetwork,
    folder: str | Path,
    *,
    freq: str = "quarter",
    lang: str = "nl",
    by: str | None = "wijk",
    exact: bool = False,
    timeline: bool = True,
    title: str | None = None,
    subtitle: str | None = None,
    moments: Sequence[object] | None = None,
    progress: Progress = None,
    csv_dialect: str = "plain",
    layout: Layout = layout_areas,
) -> list[Path]:
    """Write ``index.html``, the charts (PNG and SVG) and the tables (CSV) into ``folder``.

    Parameters
    ----------
    net : LadderNetwork
    folder : path
        Created when missing. The folder is written as a whole (in a temporary folder beside
        it, then swapped in), under a lock: a failure or a second run never leaves a mix of
        old and new files. Files of an earlier report are replaced; other files are kept.
    freq : period of the growth table
    lang : "nl" or "en"
    by : str or None
        A people column for the per-group sections (``wijk``); None for none.
    exact : bool
        Show small counts in the per-group tables as they are.
    timeline : bool
        Embed the timeline map of the village (shown on screen, not in print); beyond the
        people a timeline draws (:data:`~contactladder.render.map_groups.AGGREGATE_ABOVE`), the
        timeline of their groups (:mod:`~contactladder.render.timeline_groups`).
    title, subtitle : str, optional
        The report's title (default: "Netwerkrapport — <data's name>"), also in the margin of
        every printed page, and a line below it.
    moments : list of dates, optional
        The moments of the pictures of the village (PNG and SVG beside the report, shown in
        it); default the data's first day, the day halfway and its last day.
    csv_dialect : {"plain", "excel-nl"}
        The dialect of the CSV tables (see :mod:`contactladder.io.sheets`).
    layout : callable
        Gives the positions and areas of everyone from the network at its last date, as for
        :func:`~contactladder.render.network_map.network_map_data`; called once for all the
        report's maps and its timeline. Positions kept for the next map, timeline or report of
        the same data: :func:`contactladder.jobs.map_cache.layout_for`.

    Returns
    -------
    list of Path
        ``index.html`` first, then the tables and charts.

    Raises
    ------
    UsageError
        For an unknown language, a grouping that would name people, or a moment that is not a
        date within the data.
    """
    words(lang)
    folder = Path(folder)
    heading: dict[str, Any] = {"title": title, "subtitle": subtitle, "moments": moments}
    tables = report_tables(net, freq=freq, by=by, exact=exact, progress=progress, **heading)
    village, timeline_page = _village_and_timeline(
        net, tables, lang, timeline=timeline, layout=layout
    )
    figures = report_figures(net, tables, lang=lang)
    pictures = {
        stem: {fmt: charts.figure_bytes(figure, fmt) for fmt in ("png", "svg")}
        for stem, figure in figures.items()
    }
    pictures.update(
        {
            stem: {fmt: picture_bytes(figure, fmt) for fmt in ("png", "svg")}
            for stem, figure in ((stem, map_figure(data)) for stem, data in village.items())
        }
    )
    page = report_html(
        net,
        tables,
        images={s: p["png"] for s, p in pictures.items()},
        lang=lang,
        village=village,
        timeline_page=timeline_page,
    )
    sheets = {
        "growth.csv": tables.growth,
        "transitions.csv": tables.transitions,
        "activity-yield.csv": tables.yields,
    }
    shown = shown_groups(tables)
    if shown is not None and tables.by:
        sheets[f"growth-by-{slug(tables.by)}.csv"] = shown
    if tables.stages is not None:
        sheets["weaving-stages.csv"] = shown_stages(tables.stages, exact=tables.exact)
    drawings = {
        f"{stem}.{fmt}": data for stem, files in pictures.items() for fmt, data in files.items()
    }
    with output_set(folder, stale=REPORT_STALE) as staging:
        write_text(staging.path("index.html"), page)
        for name, table in sheets.items():
            write_table(table, staging.path(name), dialect=csv_dialect)
        for name, data in drawings.items():
            write_bytes(staging.path(name), data)
    return [folder / name for name in ("index.html", *sheets, *drawings)]


@collection_paused
def report_job(
    source: Source | LadderNetwork,
    folder: str | Path = "outputs/report",
    *,
    layout_cache: object = True,
    **options: Any,
) -> Result:
    """``contactladder report``: :func:`write_report` of the data of ``source``; the result
    names ``index.html``, which links the rest. ``layout_cache`` is as for
    :func:`~contactladder.jobs.maps.map_job` (by default the positions are kept beside the
    data, never in ``folder``: a report after a map of the same data does not lay out again);
    the other keywords are those of :func:`write_report`."""
    net, notes = open_source(source, output=Path(folder))
    layout = layout_for(cache_folder(source, layout_cache))
    return Result(paths=write_report(net, folder, layout=layout, **options)[:1], notes=notes)


def _village_and_timeline(
    net: LadderNetwork, tables: ReportTables, lang: str, *, timeline: bool, layout: Layout
) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The map payloads of the village at the report's moments and the timeline page (None
    without ``timeline``; beyond the people a timeline draws, that of their groups). They share
    the snapshot of the whole history and its layout (by ``layout``, asked once) and its
    people's map order; the snapshots are emptied when they are done."""
    once = layout_once(layout)
    with shared_snapshots(net) as shared:
        order = node_order(shared.snapshot()) if net.has_contacts else []
        village = village_maps(shared, tables.moments, lang=lang, layout=once, order=order)
        page = _timeline_page(shared, tables, lang, once, order) if timeline else None
        return village, page


def _timeline_page(
    net: LadderNetwork, tables: ReportTables, lang: str, layout: Any, order: list
) -> str:
    """The anonymised timeline page of the report, from the report's own growth table.

    It shows the counters of the whole network only (the per-wijk counters would show exactly
    what the report's tables mask as ``<5``) and people as anonymous dots: no wijk,
    organisation or start per person, no tooltip over a person; beyond the people a timeline
    draws, the groups of the anonymised grouped map (their small counts masked).
    """
    from contactladder.render.page import timeline_html

    return timeline_html(
        net,
        counters=tables.growth,
        counters_by_wijk=None,
        freq=tables.freq,
        lang=lang,
        anonymize=True,
        details=False,
        layout=layout,
        order=order,
    )
