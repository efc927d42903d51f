"""Charts of the growth table, drawn with matplotlib for reports (PNG for screens, SVG for print).

Each function takes a growth table (from :func:`contactladder.analysis.growth.growth`) and
returns a matplotlib Figure; :func:`figure_bytes` gives it as PNG or SVG, byte-identical for the
same input. The words come from the catalogue, the focal role named in them.

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

import functools
import io
from collections.abc import Callable
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from contactladder.ladder import Ladder
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["people_chart", "ties_per_rung_chart", "alone_chart", "figure_bytes", "chart_words",
           "plain_text"]

_SIZE = (7.5, 3.6)
_SAVE: Any = {"svg.hashsalt": "contactladder", "svg.fonttype": "none"}


def plain_text(function: Callable[..., Figure]) -> Callable[..., Figure]:
    """Draw the figure of ``function`` with text from the data as written: a ``$`` in a name,
    title or label never starts matplotlib's mathtext (which would fail or change the text).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"period": ["2024Q1"], "people": [3], "focal": [2]})
    >>> figure = people_chart(table, title="PC $x^{2")
    >>> figure.axes[0].get_title(loc="left"), b"PC $x^{2" in figure_bytes(figure, "svg")
    ('PC $x^{2', True)
    """
    @functools.wraps(function)
    def drawn(*args: Any, **kwargs: Any) -> Figure:
        with matplotlib.rc_context({"text.parse_math": False}):
            return function(*args, **kwargs)

    return drawn


def chart_words(lang: str = "nl", focal: str = "parent") -> dict[str, str]:
    """The words of the charts in ``lang``, the focal role named in them.

    >>> chart_words("en", focal="child")["alone"]
    'Children without a tie'
    """
    w = words(lang)
    plural = role_word(focal, lang, plural=True)
    return {key: w[f"charts.{key}"].format(Focal=plural) for key in
            ("people", "focal", "ties", "alone", "only_professional", "period", "count")}


@plain_text
def people_chart(table: pd.DataFrame, *, lang: str = "nl", focal: str = "parent",
                 title: str = "") -> Figure:
    """People and focal people present, per period."""
    names = chart_words(lang, focal)
    return _lines(table, [("people", "o", "#555555", names["people"]),
                          ("focal", "o", "#d7301f", names["focal"])], names, title)


@plain_text
def ties_per_rung_chart(table: pd.DataFrame, ladder: Ladder, *, lang: str = "nl",
                        title: str = "") -> Figure:
    """Ties per rung as a stacked area, the lowest rung at the bottom, in the ladder's colours."""
    figure, axes = _figure(title)
    x = range(len(table))
    axes.stackplot(x, *[table[f"rung_{rung.key}"] for rung in ladder],
                   labels=[rung.label(lang) for rung in ladder],
                   colors=[rung.colour for rung in ladder], alpha=0.9)
    _finish(axes, table, chart_words(lang), reverse_legend=True)
    return figure


@plain_text
def alone_chart(table: pd.DataFrame, *, lang: str = "nl", focal: str = "parent",
                title: str = "") -> Figure:
    """Focal people alone (no tie) and with ties only to professionals, per period."""
    names = chart_words(lang, focal)
    lines = [("focal_alone", "o", "#d7301f", names["alone"]),
             ("focal_only_professional", "s", "#fd8d3c", names["only_professional"])]
    return _lines(table, [line for line in lines if line[0] in table], names, title)


def figure_bytes(figure: Figure, format: str) -> bytes:
    """The figure as ``png`` or ``svg`` bytes, the same bytes for the same figure.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"period": ["2024Q1"], "people": [3], "focal": [2]})
    >>> figure_bytes(people_chart(table), "png")[:4]
    b'\\x89PNG'
    """
    metadata = {"png": {"Software": None}, "svg": {"Date": None}}[format]
    buffer = io.BytesIO()
    with matplotlib.rc_context(_SAVE):
        figure.savefig(buffer, format=format, dpi=150, metadata=metadata, bbox_inches="tight")
    return buffer.getvalue()


def _lines(table: pd.DataFrame, lines: list[tuple[str, str, str, str]], names: dict,
           title: str) -> Figure:
    """A line per ``(column, marker, colour, label)`` over the periods of ``table``."""
    figure, axes = _figure(title)
    for column, marker, colour, label in lines:
        axes.plot(range(len(table)), table[column], marker=marker, color=colour, label=label)
    _finish(axes, table, names)
    return figure


def _figure(title: str):
    figure = Figure(figsize=_SIZE)
    axes = figure.subplots()
    if title:
        axes.set_title(title, loc="left", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _finish(axes, table: pd.DataFrame, names: dict, reverse_legend: bool = False) -> None:
    labels = list(table["period"])
    step = max(1, len(labels) // 12)
    axes.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right",
                    fontsize=8)
    axes.set_ylabel(names["count"])
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    handles, names = axes.get_legend_handles_labels()
    if reverse_legend:
        handles, names = handles[::-1], names[::-1]
    axes.legend(handles, names, frameon=False, fontsize=8, loc="upper left",
                bbox_to_anchor=(1.01, 1))
