"""Charts of the growth table, drawn with matplotlib for reports (PNG for screens, SVG for print).

Each function takes a growth table (from :func:`contactladder.metrics.growth`) and returns a
matplotlib Figure; :func:`save_figure` writes it as PNG and SVG, byte-identical for the same
input.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> table = pd.DataFrame({"period": ["2024Q1", "2024Q2"], "people": [10, 14], "focal": [8, 11],
...     "ties": [3, 9], "rung_kennen": [2, 5], "rung_praten": [1, 2], "rung_delen": [0, 2],
...     "rung_helpen": [0, 0], "rung_steunen": [0, 0], "focal_alone": [5, 3]})
>>> figure = ties_per_rung_chart(table, Ladder.default(), lang="en")
>>> [text.get_text() for text in figure.axes[0].get_legend().get_texts()][-2:]
['Chatting', 'Acquaintance']
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from contactladder.ladder import Ladder
from contactladder.io.files import replacing

__all__ = ["people_chart", "ties_per_rung_chart", "alone_chart", "save_figure", "WORDS"]

WORDS = {
    "nl": {"people": "Mensen", "focal": "Ouders (focus)", "ties": "Banden",
           "alone": "Ouders zonder band", "only_professional": "Alleen banden met professionals",
           "period": "Periode", "count": "Aantal"},
    "en": {"people": "People", "focal": "Parents (focal)", "ties": "Ties",
           "alone": "Parents without a tie", "only_professional": "Only ties with professionals",
           "period": "Period", "count": "Number"},
}
_SIZE = (7.5, 3.6)
_SAVE = {"svg.hashsalt": "contactladder", "svg.fonttype": "none"}


def people_chart(table: pd.DataFrame, *, lang: str = "nl", title: str = "") -> Figure:
    """People and focal people present, per period."""
    words = WORDS[lang]
    figure, axes = _figure(title)
    x = range(len(table))
    axes.plot(x, table["people"], marker="o", color="#555555", label=words["people"])
    axes.plot(x, table["focal"], marker="o", color="#d7301f", label=words["focal"])
    _finish(axes, table, words)
    return figure


def ties_per_rung_chart(table: pd.DataFrame, ladder: Ladder, *, lang: str = "nl",
                        title: str = "") -> Figure:
    """Ties per rung as a stacked area, the lowest rung at the bottom, in the ladder's colours."""
    figure, axes = _figure(title)
    x = range(len(table))
    axes.stackplot(x, *[table[f"rung_{rung.key}"] for rung in ladder],
                   labels=[rung.label(lang) for rung in ladder],
                   colors=[rung.colour for rung in ladder], alpha=0.9)
    _finish(axes, table, WORDS[lang], reverse_legend=True)
    return figure


def alone_chart(table: pd.DataFrame, *, lang: str = "nl", title: str = "") -> Figure:
    """Focal people alone (no tie) and with ties only to professionals, per period."""
    words = WORDS[lang]
    figure, axes = _figure(title)
    x = range(len(table))
    axes.plot(x, table["focal_alone"], marker="o", color="#d7301f", label=words["alone"])
    if "focal_only_professional" in table:
        axes.plot(x, table["focal_only_professional"], marker="s", color="#fd8d3c",
                  label=words["only_professional"])
    _finish(axes, table, words)
    return figure


def save_figure(figure: Figure, stem: str | Path) -> list[Path]:
    """Write ``stem.png`` and ``stem.svg``, each whole or not at all."""
    paths = []
    with matplotlib.rc_context(_SAVE):
        for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None})):
            path = Path(f"{stem}{suffix}")
            with replacing(path) as temporary:
                figure.savefig(temporary, format=suffix[1:], dpi=150, metadata=metadata,
                               bbox_inches="tight")
            paths.append(path)
    return paths


def _figure(title: str):
    figure = Figure(figsize=_SIZE)
    axes = figure.subplots()
    if title:
        axes.set_title(title, loc="left", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _finish(axes, table: pd.DataFrame, words: dict, reverse_legend: bool = False) -> None:
    labels = list(table["period"])
    step = max(1, len(labels) // 12)
    axes.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right",
                    fontsize=8)
    axes.set_ylabel(words["count"])
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    handles, names = axes.get_legend_handles_labels()
    if reverse_legend:
        handles, names = handles[::-1], names[::-1]
    axes.legend(handles, names, frameon=False, fontsize=8, loc="upper left",
                bbox_to_anchor=(1.01, 1))
