"""The report's section on the stage of network weaving of each wijk, period by period.

The table of :func:`~contactladder.analysis.weaving_wijken.weaving_stages` is shown as a grid: a
row per wijk, a cell per period holding the stage's name from the catalogue, coloured from the
least woven (scattered fragments, pale) to the most (core and periphery, dark), with the
measures behind the stage in the cell's title. Below it, each stage in a sentence and the rules
that decide it. A wijk of a period with fewer than five focal people shows ``<5`` instead of a
stage, as the other tables about groups do, unless the report shows exact counts.

Examples
--------
>>> import pandas as pd
>>> stages = pd.DataFrame({"period": ["2024Q1", "2024Q2"], "wijk": "Dieze",
...     "weaving_stage": ["fragments", "multi_hub"], "focal_people": [3, 12],
...     "components": [3, 4], "largest_share": [0.33, 0.7], "hub_dependence": [None, 0.4],
...     "hubs": [0, 2], "core_k": [1, 2], "core_share": [0.0, 0.0]})
>>> html = weaving_section(stages, focal="parent", lang="en")
>>> '<td class="stage stage-multi_hub"' in html, ">&lt;5</td>" in html
(True, True)
"""

from __future__ import annotations

import pandas as pd

from contactladder.analysis.weaving_stage import (
    CONNECTED_SHARE,
    CORE_HUB_DEPENDENCE,
    CORE_K,
    CORE_SHARE,
    STAGES,
    stage_words,
)
from contactladder.privacy import SMALL
from contactladder.render.report_parts import escape, section_html
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["weaving_section", "shown_stages"]

# The measures a cell's title shows, with the number of digits.
_MEASURES = (("largest_share", 2), ("hub_dependence", 2), ("hubs", 0), ("core_share", 2))


def shown_stages(stages: pd.DataFrame, *, exact: bool = False) -> pd.DataFrame:
    """The stages as the report shows and writes them: where a wijk has fewer than five focal
    people in a period, its stage and measures are ``<5`` (unless ``exact``).

    >>> table = pd.DataFrame({"weaving_stage": ["fragments"], "focal_people": [2], "hubs": [0]})
    >>> shown_stages(table).values.tolist()
    [['<5', '<5', '<5']]
    """
    if exact:
        return stages
    shown = stages.astype(object)
    few = stages["focal_people"].between(1, SMALL - 1)
    measures = [c for c in stages.columns if c not in ("period", "wijk")]
    shown.loc[few, measures] = f"<{SMALL}"
    return shown


def weaving_section(
    stages: pd.DataFrame, *, focal: str, rung: str = "", lang: str = "nl", exact: bool = False
) -> str:
    """The section ``weaving`` of the report: the grid of stages by wijk and period, what each
    stage means and how it is decided (``rung``: the label of the lowest rung counted)."""
    w = words(lang)
    people = role_word(focal, lang, plural=True).lower()
    shown = shown_stages(stages, exact=exact)
    periods = list(dict.fromkeys(shown["period"]))
    head = "".join(f'<th scope="col">{escape(p)}</th>' for p in periods)
    rows = ""
    for wijk, cells in shown.groupby("wijk", sort=True):
        by_period = {row["period"]: row for _, row in cells.iterrows()}
        rows += f'<tr><th scope="row">{escape(wijk or w["report.none"])}</th>'
        rows += "".join(_cell(by_period.get(p), people, lang) for p in periods) + "</tr>"
    grid = (
        f'<div class="table"><table id="table-weaving" class="stages"><thead><tr>'
        f'<th scope="col">{escape(w["report.col_wijk"])}</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    legend = "".join(
        f'<li><span class="stage stage-{stage}">{escape(name)}</span>: {escape(sentence)}</li>'
        for stage in STAGES
        for name, sentence in [stage_words(stage, focal=focal, lang=lang)]
    )
    rules = w["report.weaving_rules"].format(
        rung=rung,
        people=people,
        connected=_percent(CONNECTED_SHARE),
        core_share=_percent(CORE_SHARE),
        core_k=CORE_K,
        dependence=_percent(CORE_HUB_DEPENDENCE),
    )
    body = (
        f"<p>{escape(w['report.weaving_intro'].format(people=people))}</p>{grid}"
        f'<ul class="stages">{legend}</ul><p>{escape(rules)}</p>'
    )
    return section_html("weaving", w["weaving.stage"], body)


def _cell(row: pd.Series | None, people: str, lang: str) -> str:
    """A period's cell of a wijk: the stage's name, coloured, the measures in its title."""
    if row is None:
        return "<td></td>"
    stage = row["weaving_stage"]
    if stage not in STAGES:  # masked
        return f"<td>{escape(stage)}</td>"
    w = words(lang)
    title = "; ".join(
        f"{w['weaving.' + name].format(people=people)}: {_number(row[name], digits)}"
        for name, digits in _MEASURES
    )
    name = stage_words(stage, lang=lang)[0]
    return f'<td class="stage stage-{stage}" title="{escape(title)}">{escape(name)}</td>'


def _number(value: object, digits: int) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def _percent(share: float) -> str:
    return f"{share:.0%}"
