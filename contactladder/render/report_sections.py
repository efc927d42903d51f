"""The report's page: one self-contained ``index.html`` of sections in the report's language.

:func:`report_html` puts together the heading (title, subtitle, date, period covered), the
summary in sentences, the growth charts and table, the pictures of the village, the climbing on
the ladder, the activity yield, one section per group, the timeline (screen only) and the
methods. Every word comes from the catalogue; every value from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from contactladder.analysis.growth import sharing_column
from contactladder.network import LadderNetwork
from contactladder.render.map_text import iso_date, long_date
from contactladder.render.page import content_security_policy, script_hashes
from contactladder.render.report_columns import column_headers, transitions_table
from contactladder.render.report_parts import (
    escape,
    figure_html,
    page_html,
    section_html,
    table_html,
)
from contactladder.render.report_tables import (
    GROUP_COLUMNS,
    GROWTH_COLUMNS,
    ReportTables,
    group_stem,
    row_label,
    shown_groups,
    slug,
)
from contactladder.render.report_weaving import weaving_section
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["report_html", "summary"]


def report_html(
    net: LadderNetwork,
    tables: ReportTables,
    *,
    images: Mapping[str, bytes],
    lang: str = "nl",
    timeline_page: str | None = None,
    village: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """The report's ``index.html``: heading, summary, growth, the village, climbing, yield,
    groups, the stage of network weaving per wijk, timeline (screen only), methods.

    ``images`` holds the PNG bytes of each chart of :func:`report_figures` and each picture of
    :func:`~contactladder.render.report_village.village_maps` by stem; ``village`` their map
    payloads (for their captions); ``timeline_page`` the timeline page to embed (None for none).
    """
    w = words(lang)
    headers = column_headers(net.ladder, lang, focal=net.focal)
    sections = [
        _summary_section(net, tables, lang),
        _growth_section(images, tables.growth, net, headers, lang),
    ]
    if village:
        sections.append(_village_section(images, village, lang))
    sections += [
        _climbing_section(tables.transitions, net, headers, lang),
        _yield_section(tables.yields, headers, lang),
    ]
    shown = shown_groups(tables)
    if shown is not None and tables.by:
        columns = _columns(GROUP_COLUMNS, net)
        shown = shown[["group", *columns]]
        sections.append(_groups_section(shown, images, tables.by, headers, lang))
    if tables.stages is not None and len(tables.stages):
        lowest = net.ladder[tables.stages.attrs["min_rung"]].label(lang)
        stages = weaving_section(
            tables.stages, focal=net.focal, rung=lowest, lang=lang, exact=tables.exact
        )
        sections.append(stages)
    if timeline_page is not None:
        sections.append(_timeline_section(timeline_page, lang))
    sections.append(_methods_section(net, lang, tables.exact))
    title = tables.title or f"{w['report.title']} — {net.name}"
    date = long_date(iso_date(net.end), lang) if net.has_contacts else ""
    return page_html(
        title=title,
        lang=lang,
        head=_heading(net, tables, title, date, lang),
        sections=sections,
        margin_title=title,
        margin_date=date,
        csp=content_security_policy(script_hashes(timeline_page) if timeline_page else []),
    )


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
    # The share of focal people with a peer tie at the ladder's sharing rung or higher (level 3,
    # or the top rung of a shorter ladder): the figure and the rung it names are the same one.
    reached, rung = last[sharing_column(net.ladder)], net.ladder.sharing
    return [
        w["report.grew"].format(
            n=len(table),
            periods=w.plural(f"report.period_{freq}", len(table)),
            end=last["ties"],
            share=_percent(reached, last["focal"]),
            focal_word=focal_word,
            rung=rung.label(lang),
        ),
        w["report.alone"].format(
            alone=last["focal_alone"],
            focal=last["focal"],
            focal_word=focal_word,
            only=last["focal_only_professional"],
            have=w.plural("report.have", int(last["focal_alone"])),
        ),
        w["report.last"].format(
            period=w[f"report.last_{freq}"], new=last["new_ties"], climbed=last["climbed"]
        ),
    ]


def _focal_word(net: LadderNetwork, lang: str) -> str:
    """The focal people in the plural, in a sentence: "ouders", "children"."""
    return role_word(net.focal, lang, plural=True).lower()


# --- sections ----------------------------------------------------------------------------------


def _heading(net: LadderNetwork, tables: ReportTables, title: str, date: str, lang: str) -> str:
    """The title, the subtitle, the date and period covered, and the anonymity notice."""
    w = words(lang)
    periods = list(tables.growth["period"])
    facts = []
    if date:
        facts.append(f"{w['report.date']}: {date}")
    if periods:
        facts.append(
            w["report.covered"].format(
                first=periods[0],
                last=periods[-1],
                n=len(periods),
                periods=w.plural(f"report.period_{tables.freq}", len(periods)),
            )
        )
    subtitle = f'<p class="subtitle">{escape(tables.subtitle)}</p>' if tables.subtitle else ""
    notice = w["report.exact" if tables.exact else "report.anonymous"]
    return (
        f"<header><h1>{escape(title)}</h1>{subtitle}"
        f'<p class="facts">{escape(" · ".join(facts))}</p>'
        f'<p class="notice">{escape(notice)}</p></header>'
    )


def _summary_section(net: LadderNetwork, tables: ReportTables, lang: str) -> str:
    sentences = summary(net, tables.growth, freq=tables.freq, lang=lang)
    return section_html(
        "summary", words(lang)["report.summary"], "".join(f"<p>{escape(s)}</p>" for s in sentences)
    )


def _growth_section(
    images: Mapping[str, bytes],
    table: pd.DataFrame,
    net: LadderNetwork,
    headers: dict[str, str],
    lang: str,
) -> str:
    w = words(lang)
    focal = role_word(net.focal, lang, plural=True)
    body = "".join(
        _chart(
            images, stem, w[f"report.caption_{key}"].format(Focal=focal, focal=focal.lower()), lang
        )
        for stem, key in (
            ("people", "people"),
            ("ties-per-rung", "rungs"),
            ("focal-alone", "alone"),
        )
    )
    body += table_html(
        table[_columns(GROWTH_COLUMNS, net)], "growth", headers=headers, caption="growth.csv"
    )
    return section_html("growth", w["report.growth"], body)


def _village_section(
    images: Mapping[str, bytes], village: Mapping[str, Mapping[str, Any]], lang: str
) -> str:
    w = words(lang)
    pictures = "".join(
        figure_html(
            images[stem],
            stem,
            kind="village",
            alt=w["report.village_alt"].format(when=data["subtitle"]),
            caption=f"{data['subtitle']} ({stem}.png, {stem}.svg)",
        )
        for stem, data in village.items()
    )
    return section_html(
        "village",
        w["report.village"],
        f"<p>{escape(w['report.village_intro'])}</p><div class=\"village-maps\">{pictures}</div>",
    )


def _climbing_section(
    moves: pd.DataFrame, net: LadderNetwork, headers: dict[str, str], lang: str
) -> str:
    w = words(lang)
    matrix = transitions_table(moves, net.ladder, lang)
    body = f"<p>{escape(w['report.climb_intro'])}</p>" + table_html(
        matrix, "transitions", headers=headers, caption="transitions.csv"
    )
    return section_html("climbing", w["report.climbing"], body)


def _yield_section(yields: pd.DataFrame, headers: dict[str, str], lang: str) -> str:
    w = words(lang)
    shown = yields.assign(activity=[row_label(a, lang) for a in yields["activity"]])
    body = f"<p>{escape(w['report.yield_intro'])}</p>" + table_html(
        shown, "yield", headers=headers, caption="activity-yield.csv", digits=2
    )
    return section_html("yield", w["report.yield"], body)


def _groups_section(
    table: pd.DataFrame, images: Mapping[str, bytes], by: str, headers: dict[str, str], lang: str
) -> str:
    w = words(lang)
    body = ""
    for name, rows in table.groupby("group", sort=True):
        rows = rows.drop(columns="group")
        last = rows.iloc[-1]
        label = row_label(name, lang)
        sentence = w["report.wijk_grew"].format(wijk=label, end=last["ties"], people=last["people"])
        key = f"group-{slug(name)}"
        caption = w["report.caption_group"].format(group=label)
        body += (
            f'<h3 id="{escape(key)}">{escape(label)}</h3><p>{escape(sentence)}</p>'
            + _chart(images, group_stem(by, name), caption, lang)
            + table_html(rows, key, headers=headers)
        )
    return section_html("groups", w["report.wijken"], body)


def _timeline_section(page: str, lang: str) -> str:
    """The timeline ``page`` in a frame."""
    title = words(lang)["report.timeline"]
    frame = (
        f'<iframe class="timeline" title="{escape(title)}" '
        f'sandbox="allow-scripts" srcdoc="{escape(page)}"></iframe>'
    )
    return section_html("timeline", title, frame)


def _methods_section(net: LadderNetwork, lang: str, exact: bool) -> str:
    w = words(lang)
    ladder = pd.DataFrame(
        {
            "level": [r.level for r in net.ladder],
            "key": [r.key for r in net.ladder],
            "rung": [r.label(lang) for r in net.ladder],
        }
    )
    focal = _focal_word(net, lang)
    rung = net.ladder.sharing.label(lang)
    definitions = "".join(
        f"<dt><code>{escape(name)}</code></dt>"
        f"<dd>{escape(w[key].format(focal=focal, rung=rung))}</dd>"
        for name, key in _definitions(net)
    )
    masking = "".join(
        f"<p>{escape(w[key].format(focal=focal))}</p>"
        for key in ("report.masking", "report.masking_second")
    )
    body = (
        f"<p>{escape(w['report.ladder_intro'])}</p>"
        + table_html(ladder, "ladder", headers=column_headers(net.ladder, lang, focal=net.focal))
        + "".join(
            f"<p>{escape(w[key].format(focal=focal))}</p>"
            for key in ("report.views_reached", "report.views_groups")
        )
        + f"<dl>{definitions}</dl>"
        + ("" if exact else masking)
    )
    return section_html("methods", w["report.methods"], body)


# The columns the methods section defines, with the key of each definition in the catalogue.
_DEFINED = [
    (name, "report.def_" + name.replace(", ", "_and_").replace("<key>", "key"))
    for name in (*GROWTH_COLUMNS[1:], "from_rung, to_rung", "share_ge3", "mean_rung")
]


def _definitions(net: LadderNetwork) -> list[tuple[str, str]]:
    """The columns the methods section defines with their catalogue keys, the growth table's
    sharing column named and defined for the ladder's sharing rung."""
    column = sharing_column(net.ladder)
    if column == "focal_peer_ge3":
        return _DEFINED
    sharing = (column, "report.def_focal_peer_ge_rung")
    return [sharing if name == "focal_peer_ge3" else (name, key) for name, key in _DEFINED]


# --- pieces ------------------------------------------------------------------------------------


def _chart(images: Mapping[str, bytes], stem: str, caption: str, lang: str) -> str:
    """A chart with its caption (what it shows) and the names of its files."""
    files = words(lang)["report.files_of"].format(png=f"{stem}.png", svg=f"{stem}.svg")
    return figure_html(images[stem], stem, alt=caption, caption=f"{caption} ({files})")


def _columns(columns: Sequence[str], net: LadderNetwork) -> list[str]:
    """``columns`` with ``rung_<key>`` as one column per rung of the ladder, and
    ``focal_peer_ge3`` as the ladder's sharing column (:func:`sharing_column`)."""
    named = {"focal_peer_ge3": [sharing_column(net.ladder)]}
    named["rung_<key>"] = [f"rung_{rung.key}" for rung in net.ladder]
    return [c for column in columns for c in named.get(column, [column])]


def _percent(part, whole) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"
