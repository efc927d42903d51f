"""The report: one self-contained ``index.html`` with the growth of the network, and beside it every
chart as PNG and SVG and every table as CSV.

The report is always anonymised: it names no person, only counts, activities and wijken. In
the per-wijk tables a count of 1 to 4 is shown as ``<5`` (and the shares computed from fewer
than 5 focal people too) unless ``exact=True``.

Examples
--------
>>> from contactladder.network.ladder_network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")               # doctest: +SKIP
>>> paths = write_report(net, "outputs/report", freq="quarter")     # doctest: +SKIP
>>> paths[0].name                                                   # doctest: +SKIP
'index.html'
"""

from __future__ import annotations

import base64
from importlib import resources
import html
import re
from pathlib import Path
from typing import Callable

import pandas as pd

import contactladder.render.charts as charts
from contactladder.analysis.growth import SHARING_LEVEL, activity_yield, growth, transitions
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork
from contactladder.io.files import write_table, write_text

__all__ = ["write_report", "summary", "mask_small_counts", "SMALL"]

SMALL = 5
MAX_GROUPS = 50
PRIVATE_COLUMNS = ("id", "name", "note")
_COUNTS = ["people", "focal", "ties", "new_ties", "climbed", "focal_alone",
           "focal_only_professional", "focal_peer_ge3", "focal_peer_top", "components"]
_SHARES = ["focal_peer_degree_mean", "largest_component_share", "peer_density",
           "peer_transitivity"]
_PERIOD_WORDS = {
    "nl": {"day": ("dag", "dagen"), "week": ("week", "weken"), "month": ("maand", "maanden"),
           "quarter": ("kwartaal", "kwartalen"), "year": ("jaar", "jaar")},
    "en": {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"),
           "quarter": ("quarter", "quarters"), "year": ("year", "years")},
}
_LAST_PERIOD = {
    "nl": {"day": "de laatste dag", "week": "de laatste week", "month": "de laatste maand",
           "quarter": "het laatste kwartaal", "year": "het laatste jaar"},
    "en": {"day": "the last day", "week": "the last week", "month": "the last month",
           "quarter": "the last quarter", "year": "the last year"},
}
TEXT = {
    "nl": {
        "title": "Netwerkrapport", "summary": "Samenvatting", "growth": "Groei van het netwerk",
        "people_chart": "Mensen in het netwerk", "rungs_chart": "Banden per trede",
        "alone_chart": "Ouders zonder band of alleen met professionals",
        "climbing": "Klimmen op de ladder", "yield": "Wat activiteiten opleveren",
        "wijken": "Per wijk", "timeline": "Het dorp groeit", "methods": "Methode",
        "files": "Bestanden", "table": "Tabel",
        "grew": "In {n} {periods} groeide het netwerk van 0 naar {end} banden; {share} van de "
                "{focal_word} heeft nu minstens één band met een ander van hen op de trede "
                "'{rung}' of hoger.",
        "alone": "{alone} van de {focal} {focal_word} {have} nog geen enkele band; {only} "
                 "alleen banden met professionals.",
        "last": "In {period} kwamen er {new} banden bij en klommen {climbed} banden "
                "een trede.",
        "wijk_grew": "In {wijk} groeide het netwerk tot {end} banden tussen {people} mensen.",
        "climb_intro": "Hoe vaak banden van de ene trede naar de andere gingen, opgeteld over "
                       "alle periodes ('nieuw': een band die er nog niet was).",
        "yield_intro": "Per activiteit de banden die daar voor het eerst ontstonden, en de "
                       "trede die ze sindsdien bereikten.",
        "from": "van \\ naar", "new": "nieuw", "anonymous": "Dit rapport is geanonimiseerd: "
        "het noemt geen personen. Aantallen van 1 tot 4 per wijk staan als <5.",
        "exact": "Dit rapport is geanonimiseerd: het noemt geen personen.",
        "have": ("heeft", "hebben"), "rung": "trede",
        "ladder_intro": "Een band tussen twee mensen staat op één trede van de contactladder. "
                        "Elk contact is een gebeurtenis op een datum tussen twee mensen, met een "
                        "trede; mensen die op dezelfde dag bij dezelfde activiteit waren, hebben "
                        "elkaar ontmoet op de laagste trede.",
        "views": ["Een band heeft de hoogste trede bereikt van zijn contacten tot dan toe; de "
                  "grafieken en tabellen tonen het netwerk zoals het tot elke periode gegroeid "
                  "is. Een band is nieuw in de periode van zijn eerste contact en klimt als zijn "
                  "bereikte trede omhoog gaat.",
                  "Per wijk telt het netwerk tussen de mensen van die wijk; banden tussen wijken "
                  "tellen daar niet mee."],
        "masking": "Aantallen van 1 tot 4 in de tabellen per wijk staan als <5, net als de "
                   "verhoudingen van periodes met minder dan 5 ouders, zodat niemand "
                   "herkenbaar is; de grafieken per wijk tonen zulke aantallen als nul.",
    },
    "en": {
        "title": "Network report", "summary": "Summary", "growth": "Growth of the network",
        "people_chart": "People in the network", "rungs_chart": "Ties per rung",
        "alone_chart": "Parents without a tie or only with professionals",
        "climbing": "Climbing the ladder", "yield": "What activities yield",
        "wijken": "Per wijk", "timeline": "The village grows", "methods": "Methods",
        "files": "Files", "table": "Table",
        "grew": "In {n} {periods} the network grew from 0 to {end} ties; {share} of the "
                "{focal_word} now have at least one tie with another of them on the rung "
                "'{rung}' or higher.",
        "alone": "{alone} of the {focal} {focal_word} {have} no tie yet; {only} only have ties "
                 "with professionals.",
        "last": "In {period} {new} ties were made and {climbed} ties climbed a rung.",
        "wijk_grew": "In {wijk} the network grew to {end} ties among {people} people.",
        "climb_intro": "How often ties moved from one rung to another, summed over all periods "
                       "('new': a tie that did not exist yet).",
        "yield_intro": "Per activity, the ties first made there and the rung they have reached "
                       "since.",
        "from": "from \\ to", "new": "new", "anonymous": "This report is anonymised: it names "
        "no one. Counts of 1 to 4 per wijk are shown as <5.",
        "exact": "This report is anonymised: it names no one.",
        "have": ("has", "have"), "rung": "rung",
        "ladder_intro": "A tie between two people sits on one rung of the contact ladder. Each "
                        "contact is a dated event between two people, with a rung; people at "
                        "the same activity on the same day have met on the lowest rung.",
        "views": ["A tie has reached the highest rung of its contacts so far; the charts and "
                  "tables show the network as it has grown by each period. A tie is new in the "
                  "period of its first contact and climbs when its reached rung goes up.",
                  "Per wijk, the figures describe the network among the people of that wijk; "
                  "ties between wijken do not count there."],
        "masking": "Counts from 1 to 4 in the per-wijk tables are shown as <5, as are the "
                   "ratios of periods with fewer than 5 parents, so that no one can be "
                   "recognised; the per-wijk charts draw such counts as zero.",
    },
}
DEFINITIONS = {
    "nl": {
        "people": "mensen die in de periode aanwezig zijn: vanaf hun aanmelddatum, of vanaf het "
                  "begin van de gegevens, of vanaf hun eerste contact als dat eerder is",
        "focal": "daarvan de {focal} (de groep om wie het gaat)",
        "ties": "banden tussen de aanwezige mensen: paren die minstens één contact hadden",
        "rung_<key>": "banden per trede: de hoogste trede die het paar tot dan toe bereikte",
        "new_ties": "banden met hun eerste contact in de periode",
        "climbed": "banden die al bestonden en in de periode een hogere trede bereikten",
        "focal_alone": "{focal} zonder enige band",
        "focal_only_professional": "{focal} met banden, maar alleen met mensen in een andere rol",
        "focal_peer_ge3": "{focal} met minstens één band met een andere ouder op trede 3 of hoger",
        "from_rung, to_rung": "de trede aan het eind van de vorige en van deze periode; 'nieuw' "
                              "voor een band die er nog niet was",
        "share_ge3": "het deel van de banden van een activiteit dat trede 3 of hoger bereikte",
        "mean_rung": "de gemiddelde bereikte trede van die banden",
    },
    "en": {
        "people": "people present in the period: from the date they joined, or from the start "
                  "of the data, or from their first contact when that is earlier",
        "focal": "of them, the {focal} (the group the work is about)",
        "ties": "ties among the people present: pairs with at least one contact",
        "rung_<key>": "ties per rung: the highest rung the pair has reached so far",
        "new_ties": "ties whose first contact is in the period",
        "climbed": "ties that existed before and reached a higher rung in the period",
        "focal_alone": "{focal} without any tie",
        "focal_only_professional": "{focal} with ties, all of them to people of another role",
        "focal_peer_ge3": "{focal} with at least one tie to another of the {focal} at level 3 "
                          "or higher",
        "from_rung, to_rung": "the rung at the end of the previous period and of this one; "
                              "'new' for a tie that did not exist yet",
        "share_ge3": "the share of an activity's ties that reached level 3 or higher",
        "mean_rung": "the mean rung those ties reached",
    },
}
_FOCAL_WORDS = {"nl": {"parent": "ouders", "child": "kinderen"},
                "en": {"parent": "parents", "child": "children"}}


def write_report(net: LadderNetwork, folder: str | Path, *, freq: str = "quarter",
                 lang: str = "nl", by: str | None = "wijk", exact: bool = False,
                 timeline: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write ``index.html``, the charts (PNG and SVG) and the tables (CSV) into ``folder``.

    Parameters
    ----------
    net : LadderNetwork
    folder : path
        Created when missing; files of an earlier report there are replaced.
    freq : period of the growth table
    lang : "nl" or "en"
    by : str or None
        A people column for the per-group sections (``wijk``); None for none.
    exact : bool
        Show small counts in the per-group tables as they are.
    timeline : bool
        Embed the timeline map of the village.

    Returns
    -------
    list of Path
        ``index.html`` first, then the charts and tables.
    """
    folder = Path(folder)
    text = TEXT[lang]
    if by:
        _check_group_column(net, by)
    table = growth(net, freq=freq, progress=progress)
    moves = transitions(net, freq=freq)
    yields = activity_yield(net)
    paths = [write_table(table, folder / "growth.csv"),
             write_table(moves, folder / "transitions.csv"),
             write_table(yields, folder / "activity-yield.csv")]
    figures = {
        "people": charts.people_chart(table, lang=lang, title=text["people_chart"]),
        "ties-per-rung": charts.ties_per_rung_chart(table, net.ladder, lang=lang,
                                                    title=text["rungs_chart"]),
        "focal-alone": charts.alone_chart(table, lang=lang, title=text["alone_chart"]),
    }
    images = {}
    for stem, figure in figures.items():
        png, svg = charts.save_figure(figure, folder / stem)
        images[stem] = png
        paths += [png, svg]

    sections = [_summary_section(net, table, freq, lang),
                _growth_section(images, table, net, lang),
                _climbing_section(moves, net, lang),
                _yield_section(yields, lang)]
    if by and by in net.people.columns and net.people[by].ne("").any():
        grouped = growth(net, freq=freq, by=by)
        shown = grouped if exact else mask_small_counts(grouped)
        paths.append(write_table(shown, folder / f"growth-by-{_slug(by)}.csv"))
        group_images = {}
        for name in sorted(grouped["group"].unique()):
            stem = f"{_slug(by)}-{_slug(name)}-ties-per-rung"
            figure = charts.ties_per_rung_chart(_chart_values(shown, name), net.ladder, lang=lang,
                                                title=f"{name}: {text['rungs_chart']}")
            png, svg = charts.save_figure(figure, folder / stem)
            group_images[name] = png
            paths += [png, svg]
        sections.append(_groups_section(shown, group_images, net, lang))
    if timeline:
        sections.append(_timeline_section(net, freq, lang))
    sections.append(_methods_section(net, lang, exact))
    page = _page(f"{text['title']} — {net.data.name}", sections, lang,
                 text["exact"] if exact else text["anonymous"])
    return [write_text(folder / "index.html", page), *paths]


def _check_group_column(net: LadderNetwork, by: str) -> None:
    """Refuse a grouping that would name people in an anonymised report."""
    if by in PRIVATE_COLUMNS:
        raise UsageError("an anonymised report cannot be split by", value=by,
                         hint="use wijk, organisation or role")
    if by in net.people.columns and net.people[by].nunique() > MAX_GROUPS:
        raise UsageError(f"more than {MAX_GROUPS} groups in column", value=by,
                         hint="split the report by a column with fewer values, such as wijk")


def summary(net: LadderNetwork, table: pd.DataFrame, *, freq: str, lang: str = "nl") -> list[str]:
    """The report's summary as sentences, from the growth table of the reached view.

    >>> import pandas as pd
    >>> from contactladder.network.ladder_network import LadderNetwork
    >>> net = LadderNetwork.from_path("data/zwolle-demo")          # doctest: +SKIP
    >>> summary(net, growth(net, freq="month"), freq="month")[0]   # doctest: +SKIP
    "In 24 maanden groeide het netwerk van ... naar ... banden; ..."
    """
    text = TEXT[lang]
    last = table.iloc[-1]
    focal_word = _FOCAL_WORDS[lang].get(net.focal, net.focal)
    one, many = _PERIOD_WORDS[lang][freq]
    # The share of focal people with a peer tie at level 3 or higher, or at the top rung of a
    # ladder with fewer rungs: the figure and the rung it names are the same one.
    if len(net.ladder) >= SHARING_LEVEL:
        reached, rung = last["focal_peer_ge3"], net.ladder[SHARING_LEVEL]
    else:
        reached, rung = last["focal_peer_top"], net.ladder.top
    sentences = [
        text["grew"].format(n=len(table), periods=one if len(table) == 1 else many,
                            end=last["ties"], share=_percent(reached, last["focal"]),
                            focal_word=focal_word, rung=rung.label(lang)),
        text["alone"].format(alone=last["focal_alone"], focal=last["focal"],
                             focal_word=focal_word, only=last["focal_only_professional"],
                             have=text["have"][int(last["focal_alone"] != 1)]),
        text["last"].format(period=_LAST_PERIOD[lang][freq], new=last["new_ties"],
                            climbed=last["climbed"]),
    ]
    return sentences


def mask_small_counts(table: pd.DataFrame, *, below: int = SMALL) -> pd.DataFrame:
    """Counts from 1 to ``below - 1`` as ``<5``, and the shares of rows with so few focal people.

    >>> mask_small_counts(pd.DataFrame({"people": [0, 3, 12], "focal": [0, 2, 7],
    ...     "peer_density": [0.0, 1.0, 0.25]})).values.tolist()
    [[0, 0, 0.0], ['<5', '<5', '<5'], [12, 7, 0.25]]
    """
    masked = table.astype(object)
    label = f"<{below}"
    for column in [c for c in table.columns if c in _COUNTS or c.startswith("rung_")]:
        masked.loc[table[column].between(1, below - 1), column] = label
    if "focal" in table:
        few = table["focal"].between(1, below - 1)
        for column in [c for c in _SHARES if c in table]:
            masked.loc[few, column] = label
    return masked


# --- sections ----------------------------------------------------------------------------------

def _summary_section(net, table, freq, lang) -> str:
    sentences = summary(net, table, freq=freq, lang=lang)
    return _section("summary", TEXT[lang]["summary"],
                    "".join(f"<p>{_e(s)}</p>" for s in sentences))


def _growth_section(images, table, net, lang) -> str:
    columns = ["period", "people", "focal", "ties", *[f"rung_{r.key}" for r in net.ladder],
               "new_ties", "climbed", "focal_alone", "focal_only_professional", "focal_peer_ge3"]
    body = "".join(_image(images[stem], stem) for stem in ("people", "ties-per-rung",
                                                          "focal-alone"))
    body += _table(table[columns], "growth", "growth.csv")
    return _section("growth", TEXT[lang]["growth"], body)


def _climbing_section(moves, net, lang) -> str:
    text = TEXT[lang]
    keys = [rung.key for rung in net.ladder]
    matrix = moves.pivot_table(index="from_rung", columns="to_rung", values="ties",
                               aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=["none", *keys], columns=keys, fill_value=0)
    labels = {"none": text["new"], **{r.key: r.label(lang) for r in net.ladder}}
    matrix.index = [labels[k] for k in matrix.index]
    matrix.columns = [labels[k] for k in matrix.columns]
    matrix = matrix.reset_index().rename(columns={"index": text["from"]})
    body = f"<p>{_e(text['climb_intro'])}</p>" + _table(matrix, "transitions", "transitions.csv")
    return _section("climbing", text["climbing"], body)


def _yield_section(yields, lang) -> str:
    text = TEXT[lang]
    body = f"<p>{_e(text['yield_intro'])}</p>" + _table(yields, "yield", "activity-yield.csv",
                                                          digits=2)
    return _section("yield", text["yield"], body)


def _groups_section(table, images, net, lang) -> str:
    text = TEXT[lang]
    body = ""
    for name, rows in table.groupby("group", sort=True):
        last = rows.iloc[-1]
        sentence = text["wijk_grew"].format(wijk=name, end=last["ties"], people=last["people"])
        columns = ["period", "people", "focal", "ties", "new_ties", "climbed", "focal_alone",
                   "focal_only_professional", "focal_peer_ge3"]
        body += (f'<h3 id="group-{_e(_slug(name))}">{_e(name)}</h3><p>{_e(sentence)}</p>'
                 + _image(images[name], f"group-{_slug(name)}")
                 + _table(rows[columns], f"group-{_slug(name)}", None))
    return _section("groups", text["wijken"], body)


def _timeline_section(net, freq, lang) -> str:
    from contactladder.render.maps import timeline_html

    page = timeline_html(net, freq=freq, lang=lang, anonymize=True)
    frame = (f'<iframe class="timeline" title="{_e(TEXT[lang]["timeline"])}" '
             f'sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}"></iframe>')
    return _section("timeline", TEXT[lang]["timeline"], frame)


def _methods_section(net, lang, exact) -> str:
    text = TEXT[lang]
    ladder = pd.DataFrame({"level": [r.level for r in net.ladder],
                           "key": [r.key for r in net.ladder],
                           text["rung"]: [r.label(lang) for r in net.ladder]})
    focal_word = _FOCAL_WORDS[lang].get(net.focal, net.focal)
    definitions = "".join(
        f"<dt><code>{_e(name)}</code></dt><dd>{_e(meaning.format(focal=focal_word))}</dd>"
        for name, meaning in DEFINITIONS[lang].items())
    body = (f"<p>{_e(text['ladder_intro'])}</p>" + _table(ladder, "ladder", None)
            + "".join(f"<p>{_e(p.format(focal=focal_word))}</p>" for p in text["views"])
            + f"<dl>{definitions}</dl>"
            + ("" if exact else f"<p>{_e(text['masking'])}</p>"))
    return _section("methods", text["methods"], body)


# --- HTML pieces -------------------------------------------------------------------------------

def _page(title: str, sections: list[str], lang: str, notice: str) -> str:
    css = resources.files("contactladder").joinpath("templates", "report.css").read_text(
        encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="data:,"><title>{_e(title)}</title>'
            f"<style>{css}</style></head><body><main><h1>{_e(title)}</h1>"
            f'<p class="notice">{_e(notice)}</p>{"".join(sections)}</main></body></html>\n')


def _section(key: str, title: str, body: str) -> str:
    return f'<section id="{key}"><h2>{_e(title)}</h2>{body}</section>'


def _image(path: Path, key: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<figure id="chart-{_e(key)}"><img alt="{_e(path.stem)}" '
            f'src="data:image/png;base64,{data}"><figcaption>{_e(path.name)}, '
            f'{_e(path.with_suffix(".svg").name)}</figcaption></figure>')


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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "none"


def _e(text) -> str:
    return html.escape(str(text), quote=True)
