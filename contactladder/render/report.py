"""The report's page: one self-contained ``index.html`` about the growth of the network.

The report is anonymised: it names no person, only counts, activities and wijken. The numbers
come in as tables, computed once by the report's job
(:func:`contactladder.jobs.report.write_report`): the growth table, the transitions, the activity
yield and the growth per group, which this room shows as sentences, charts and tables in the
report's language. Small counts per group are masked by
:func:`contactladder.privacy.mask_small_counts` unless the report is exact.

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

import base64
import html
import re
from dataclasses import dataclass
from importlib import resources

import pandas as pd
from matplotlib.figure import Figure

import contactladder.render.charts as charts
from contactladder.analysis.growth import SHARING_LEVEL
from contactladder.network import LadderNetwork
from contactladder.privacy import SMALL, mask_small_counts
from contactladder.render.page import content_security_policy, script_hashes
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["ReportTables", "report_figures", "report_html", "summary", "shown_groups",
           "group_stem"]


@dataclass
class ReportTables:
    """The tables a report shows, each computed once.

    Attributes
    ----------
    freq : str
        The period of the tables ("quarter").
    growth, transitions, yields : DataFrame
        :func:`~contactladder.analysis.growth.growth`,
        :func:`~contactladder.analysis.transitions.transitions` and
        :func:`~contactladder.analysis.activity_yield.activity_yield` of the network.
    by : str or None
        The people column of the per-group sections.
    groups : DataFrame or None
        ``growth(net, by=by)``, exact counts (masked when shown unless ``exact``).
    exact : bool
        Show small counts as they are.
    """

    freq: str
    growth: pd.DataFrame
    transitions: pd.DataFrame
    yields: pd.DataFrame
    by: str | None = None
    groups: pd.DataFrame | None = None
    exact: bool = False


def shown_groups(tables: ReportTables) -> pd.DataFrame | None:
    """The per-group growth table as the report shows and writes it: masked unless exact."""
    if tables.groups is None:
        return None
    return tables.groups if tables.exact else mask_small_counts(tables.groups)


def group_stem(by: str, name: object) -> str:
    """The file stem of a group's chart: ``wijk-dieze-ties-per-rung``.

    >>> group_stem("wijk", "Zwolle-Zuid")
    'wijk-zwolle-zuid-ties-per-rung'
    """
    return f"{_slug(by)}-{_slug(name)}-ties-per-rung"


def report_figures(net: LadderNetwork, tables: ReportTables, *, lang: str = "nl",
                   ) -> dict[str, Figure]:
    """Every chart of the report by its file stem, the network's charts first, then one per
    group (drawn from the shown values: a masked count is drawn as zero)."""
    w = words(lang)
    focal = role_word(net.focal, lang, plural=True)
    figures = {
        "people": charts.people_chart(tables.growth, lang=lang, focal=net.focal,
                                      title=w["report.people_chart"]),
        "ties-per-rung": charts.ties_per_rung_chart(tables.growth, net.ladder, lang=lang,
                                                    title=w["report.rungs_chart"]),
        "focal-alone": charts.alone_chart(tables.growth, lang=lang, focal=net.focal,
                                          title=w["report.alone_chart"].format(Focal=focal)),
    }
    shown = shown_groups(tables)
    if shown is not None and tables.by:
        for name in sorted(shown["group"].unique()):
            figures[group_stem(tables.by, name)] = charts.ties_per_rung_chart(
                _chart_values(shown, name), net.ladder, lang=lang,
                title=f"{name}: {w['report.rungs_chart']}")
    return figures


def report_html(net: LadderNetwork, tables: ReportTables, *, images: dict[str, bytes],
                lang: str = "nl", timeline_page: str | None = None) -> str:
    """The report's ``index.html``: summary, growth, climbing, yield, groups, timeline, methods.

    ``images`` holds the PNG bytes of each chart of :func:`report_figures` by stem;
    ``timeline_page`` the timeline page to embed (None for none).
    """
    w = words(lang)
    sections = [_summary_section(net, tables, lang),
                _growth_section(images, tables.growth, net, lang),
                _climbing_section(tables.transitions, net, lang),
                _yield_section(tables.yields, lang)]
    shown = shown_groups(tables)
    if shown is not None and tables.by:
        sections.append(_groups_section(shown, images, tables.by, lang))
    if timeline_page is not None:
        sections.append(_timeline_section(timeline_page, lang))
    sections.append(_methods_section(net, lang, tables.exact))
    return _page(f"{w['report.title']} — {net.name}", sections, lang,
                 w["report.exact" if tables.exact else "report.anonymous"],
                 script_hashes(timeline_page) if timeline_page else [])


def summary(net: LadderNetwork, table: pd.DataFrame, *, freq: str, lang: str = "nl") -> list[str]:
    """The report's summary as sentences, from the growth table of the reached view.

    >>> from contactladder.analysis.growth import growth
    >>> net = LadderNetwork.from_path("data/zwolle-demo")          # doctest: +SKIP
    >>> summary(net, growth(net, freq="month"), freq="month")[0]   # doctest: +SKIP
    "In 24 maanden groeide het netwerk van ... naar ... banden; ..."
    """
    w = words(lang)
    last = table.iloc[-1]
    focal_word = _focal_word(net, lang)
    # The share of focal people with a peer tie at level 3 or higher, or at the top rung of a
    # ladder with fewer rungs: the figure and the rung it names are the same one.
    if len(net.ladder) >= SHARING_LEVEL:
        reached, rung = last["focal_peer_ge3"], net.ladder[SHARING_LEVEL]
    else:
        reached, rung = last["focal_peer_top"], net.ladder.top
    return [
        w["report.grew"].format(n=len(table), periods=w.plural(f"report.period_{freq}", len(table)),
                                end=last["ties"], share=_percent(reached, last["focal"]),
                                focal_word=focal_word, rung=rung.label(lang)),
        w["report.alone"].format(alone=last["focal_alone"], focal=last["focal"],
                                 focal_word=focal_word, only=last["focal_only_professional"],
                                 have=w.plural("report.have", int(last["focal_alone"]))),
        w["report.last"].format(period=w[f"report.last_{freq}"], new=last["new_ties"],
                                climbed=last["climbed"]),
    ]


def _focal_word(net: LadderNetwork, lang: str) -> str:
    """The focal people in the plural, in a sentence: "ouders", "children"."""
    return role_word(net.focal, lang, plural=True).lower()


# --- sections ----------------------------------------------------------------------------------

def _summary_section(net: LadderNetwork, tables: ReportTables, lang: str) -> str:
    sentences = summary(net, tables.growth, freq=tables.freq, lang=lang)
    return _section("summary", words(lang)["report.summary"],
                    "".join(f"<p>{_e(s)}</p>" for s in sentences))


def _growth_section(images: dict[str, bytes], table: pd.DataFrame, net: LadderNetwork,
                    lang: str) -> str:
    columns = ["period", "people", "focal", "ties", *[f"rung_{r.key}" for r in net.ladder],
               "new_ties", "climbed", "focal_alone", "focal_only_professional", "focal_peer_ge3"]
    body = "".join(_image(images[stem], stem) for stem in ("people", "ties-per-rung",
                                                          "focal-alone"))
    body += _table(table[columns], "growth", "growth.csv")
    return _section("growth", words(lang)["report.growth"], body)


def _climbing_section(moves: pd.DataFrame, net: LadderNetwork, lang: str) -> str:
    w = words(lang)
    keys = [rung.key for rung in net.ladder]
    matrix = moves.pivot_table(index="from_rung", columns="to_rung", values="ties",
                               aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=["none", *keys], columns=keys, fill_value=0)
    labels = {"none": w["report.new"], **{r.key: r.label(lang) for r in net.ladder}}
    matrix.index = [labels[k] for k in matrix.index]
    matrix.columns = [labels[k] for k in matrix.columns]
    matrix = matrix.reset_index().rename(columns={"index": w["report.from"]})
    body = (f"<p>{_e(w['report.climb_intro'])}</p>"
            + _table(matrix, "transitions", "transitions.csv"))
    return _section("climbing", w["report.climbing"], body)


def _yield_section(yields: pd.DataFrame, lang: str) -> str:
    w = words(lang)
    body = (f"<p>{_e(w['report.yield_intro'])}</p>"
            + _table(yields, "yield", "activity-yield.csv", digits=2))
    return _section("yield", w["report.yield"], body)


def _groups_section(table: pd.DataFrame, images: dict[str, bytes], by: str, lang: str) -> str:
    w = words(lang)
    body = ""
    for name, rows in table.groupby("group", sort=True):
        last = rows.iloc[-1]
        sentence = w["report.wijk_grew"].format(wijk=name, end=last["ties"], people=last["people"])
        columns = ["period", "people", "focal", "ties", "new_ties", "climbed", "focal_alone",
                   "focal_only_professional", "focal_peer_ge3"]
        key = f"group-{_slug(name)}"
        body += (f'<h3 id="{_e(key)}">{_e(name)}</h3><p>{_e(sentence)}</p>'
                 + _image(images[group_stem(by, name)], group_stem(by, name), key)
                 + _table(rows[columns], key, None))
    return _section("groups", w["report.wijken"], body)


def _timeline_section(page: str, lang: str) -> str:
    title = words(lang)["report.timeline"]
    frame = (f'<iframe class="timeline" title="{_e(title)}" '
             f'sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}"></iframe>')
    return _section("timeline", title, frame)


def _methods_section(net: LadderNetwork, lang: str, exact: bool) -> str:
    w = words(lang)
    ladder = pd.DataFrame({"level": [r.level for r in net.ladder],
                           "key": [r.key for r in net.ladder],
                           w["report.rung"]: [r.label(lang) for r in net.ladder]})
    focal = _focal_word(net, lang)
    definitions = "".join(
        f"<dt><code>{_e(name)}</code></dt><dd>{_e(w[key].format(focal=focal))}</dd>"
        for name, key in _DEFINED)
    body = (f"<p>{_e(w['report.ladder_intro'])}</p>" + _table(ladder, "ladder", None)
            + "".join(f"<p>{_e(w[key].format(focal=focal))}</p>"
                      for key in ("report.views_reached", "report.views_groups"))
            + f"<dl>{definitions}</dl>"
            + ("" if exact else f"<p>{_e(w['report.masking'].format(focal=focal))}</p>"))
    return _section("methods", w["report.methods"], body)


# The columns the methods section defines, with the key of each definition in the catalogue.
_DEFINED = [(name, "report.def_" + name.replace(", ", "_and_").replace("<key>", "key"))
            for name in ("people", "focal", "ties", "rung_<key>", "new_ties", "climbed",
                         "focal_alone", "focal_only_professional", "focal_peer_ge3",
                         "from_rung, to_rung", "share_ge3", "mean_rung")]


# --- HTML pieces -------------------------------------------------------------------------------

def _page(title: str, sections: list[str], lang: str, notice: str, scripts: list[str]) -> str:
    """The page around the sections, with a Content-Security-Policy that lets only the embedded
    timeline's own scripts run (an ``<iframe srcdoc>`` inherits the report's policy)."""
    css = resources.files("contactladder").joinpath("templates", "report.css").read_text(
        encoding="utf-8")
    csp = content_security_policy(scripts)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="data:,"><title>{_e(title)}</title>'
            f"<style>{css}</style></head><body><main><h1>{_e(title)}</h1>"
            f'<p class="notice">{_e(notice)}</p>{"".join(sections)}</main></body></html>\n')


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}"><h2>{_e(title)}</h2>{body}</section>'


def _image(png: bytes, stem: str, key: str | None = None) -> str:
    """A chart as an embedded PNG, captioned with the names of its PNG and SVG files."""
    data = base64.b64encode(png).decode("ascii")
    key = key or stem
    return (f'<figure id="chart-{_e(key)}"><img alt="{_e(stem)}" '
            f'src="data:image/png;base64,{data}"><figcaption>{_e(stem)}.png, '
            f'{_e(stem)}.svg</figcaption></figure>')


def _table(table: pd.DataFrame, key: str, csv_name: str | None, digits: int = 3) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(f'<td data-column="{_e(c)}">{_e(_cell(v, digits))}</td>'
                                    for c, v in zip(table.columns, row)) + "</tr>"
                   for row in table.itertuples(index=False))
    caption = f"<caption>{_e(csv_name)}</caption>" if csv_name else ""
    return (f'<div class="table"><table id="table-{_e(key)}">{caption}<thead><tr>{head}'
            f"</tr></thead><tbody>{rows}</tbody></table></div>")


def _cell(value, digits: int) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _chart_values(shown: pd.DataFrame, name) -> pd.DataFrame:
    """A group's rows as a chart draws them: cells shown as ``<5`` are drawn as zero."""
    rows = shown[shown["group"] == name]
    return rows.replace(f"<{SMALL}", 0).infer_objects()


def _percent(part, whole) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _slug(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "none"


def _e(text) -> str:
    return html.escape(str(text), quote=True)
