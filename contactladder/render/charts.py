"""Charts of the growth table, drawn with matplotlib for reports (PNG for screens, SVG for print).

Each function takes a growth table (from :func:`contactladder.analysis.growth.growth`) and
returns a matplotlib Figure; :func:`figure_bytes` gives it as PNG or SVG, byte-identical for the
same input. The words come from the catalogue, the focal role named in them.

Every chart has the same size (:data:`SIZE`) and type sizes, with its legend inside the figure,
so the report shows them at one width. One colour means one thing (:data:`SERIES_COLOURS`):
people, focal people, focal people alone and those with ties only to professionals each have
their own colour, none of them a rung colour, so a colour never stands for a rung and a group of
people at once. A cell the report masks (``<5``) is drawn as missing: a gap in the line, never a
zero.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> table = pd.DataFrame({"period": ["2024Q1", "2024Q2"], "people": [10, 14], "focal": [8, 11],
...     "ties": [3, 9], "rung_kennen": [2, 5], "rung_praten": [1, 2], "rung_delen": [0, 2],
...     "rung_helpen": [0, 0], "rung_steunen": [0, 0], "focal_alone": [5, 3]})
>>> figure = ties_per_rung_chart(table, Ladder.default(), lang="en")
>>> [text.get_text() for text in figure.legends[0].get_texts()][-2:]
['Chatting', 'Acquaintance']
>>> masked = table.assign(focal_alone=[5, "<5"])
>>> alone_chart(masked).axes[0].lines[0].get_ydata().tolist()
[5.0, nan]
"""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Callable
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PIL import Image

from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.render.styles import ALONE_COLOUR
from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = [
    "people_chart",
    "ties_per_rung_chart",
    "alone_chart",
    "figure_bytes",
    "chart_words",
    "plain_text",
    "SERIES_COLOURS",
    "SIZE",
    "PICTURE_FORMATS",
    "saved_bytes",
    "drawn_values",
]

#: The size of every chart in inches (width, height): the report shows them at one width.
SIZE = (7.5, 3.6)
#: The colour of each series the charts draw, one meaning each and none a rung colour of the
#: default ladder (nor a colour of a role or organisation on the maps); focal people without a
#: tie in the colour of their ring on the maps.
SERIES_COLOURS = {
    "people": "#4d4d4d",
    "focal": "#08306b",
    "focal_alone": ALONE_COLOUR,
    "focal_only_professional": "#543005",
}
#: The formats a figure is saved in: PNG for screens, SVG for print.
PICTURE_FORMATS = ("png", "svg")
_SAVE: Any = {"svg.hashsalt": "contactladder", "svg.fonttype": "none", "font.size": 9}
# The axes' place in the figure (left, bottom, width, height), the legend to their right.
_AXES = (0.1, 0.2, 0.55, 0.68)
# Legend entries longer than this are wrapped onto more lines, to stay inside the figure.
_LEGEND_CHARACTERS = 28


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
    return {
        key: w[f"charts.{key}"].format(Focal=plural)
        for key in ("people", "focal", "ties", "alone", "only_professional", "period", "count")
    }


def drawn_values(table: pd.DataFrame, column: str) -> pd.Series:
    """The values a chart draws of ``column``: numbers, and a masked cell (``<5``) as missing.

    >>> drawn_values(pd.DataFrame({"ties": [0, "<5", 12]}), "ties").tolist()
    [0.0, nan, 12.0]
    """
    return pd.to_numeric(table[column], errors="coerce").astype(float)


@plain_text
def people_chart(
    table: pd.DataFrame, *, lang: str = "nl", focal: str = "parent", title: str = ""
) -> Figure:
    """People and focal people present, per period."""
    names = chart_words(lang, focal)
    return _lines(
        table, [("people", "o", names["people"]), ("focal", "o", names["focal"])], names, title
    )


@plain_text
def ties_per_rung_chart(
    table: pd.DataFrame, ladder: Ladder, *, lang: str = "nl", title: str = "", stacked: bool = True
) -> Figure:
    """Ties per rung in the ladder's colours: a stacked area, the lowest rung at the bottom, or
    (``stacked=False``) a line per rung, so that a masked count is a gap in its own line only."""
    figure, axes = _figure(title)
    x = range(len(table))
    if stacked:
        axes.stackplot(
            x,
            *[drawn_values(table, f"rung_{rung.key}") for rung in ladder],
            labels=[rung.label(lang) for rung in ladder],
            colors=[rung.colour for rung in ladder],
            alpha=0.9,
        )
    else:
        for rung in ladder:
            axes.plot(
                x,
                drawn_values(table, f"rung_{rung.key}"),
                marker="o",
                markersize=3,
                color=rung.colour,
                label=rung.label(lang),
            )
    _finish(figure, axes, table, chart_words(lang), reverse_legend=True)
    return figure


@plain_text
def alone_chart(
    table: pd.DataFrame, *, lang: str = "nl", focal: str = "parent", title: str = ""
) -> Figure:
    """Focal people alone (no tie) and with ties only to professionals, per period."""
    names = chart_words(lang, focal)
    lines = [
        ("focal_alone", "o", names["alone"]),
        ("focal_only_professional", "s", names["only_professional"]),
    ]
    return _lines(table, [line for line in lines if line[0] in table], names, title)


def figure_bytes(figure: Figure, format: str) -> bytes:
    """The figure as ``png`` or ``svg`` bytes, the same bytes for the same figure, always of
    the figure's own size (nothing trimmed, so every chart has the same width).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"period": ["2024Q1"], "people": [3], "focal": [2]})
    >>> figure_bytes(people_chart(table), "png")[:4]
    b'\\x89PNG'
    """
    return saved_bytes(figure, format, dpi=150, rc=_SAVE)


def saved_bytes(figure: Figure, format: str, *, dpi: int, rc: Any) -> bytes:
    """``figure`` saved as ``png`` or ``svg`` at ``dpi`` on white, with the matplotlib settings
    ``rc``: the same bytes for the same figure (an SVG without its date, a PNG without text
    chunks). A PNG holds RGB pixels, with no alpha channel (the background is opaque), at
    zlib's fastest level: the same pixels as matplotlib's RGBA file, in about 85% of its size
    and 70% of its time (the 1,650 × 1,200 pixels of a map of 50,000 people: 0.12 s, not 0.17).

    >>> figure = Figure(figsize=(1, 0.5))
    >>> png = saved_bytes(figure, "png", dpi=100, rc={})
    >>> png[:4], png[16:24] == (100).to_bytes(4, "big") + (50).to_bytes(4, "big")
    (b'\\x89PNG', True)

    Raises
    ------
    UsageError
        For another format.
    """
    if format not in PICTURE_FORMATS:
        raise UsageError("unknown picture format", value=format, hint="use png or svg")
    buffer = io.BytesIO()
    # Never trimmed, whatever the user's matplotlibrc says: the pixels are read at this size.
    with matplotlib.rc_context({**rc, "savefig.bbox": "standard"}):
        if format == "svg":
            figure.savefig(buffer, format="svg", dpi=dpi, metadata={"Date": None}, facecolor="w")
            return buffer.getvalue()
        figure.savefig(buffer, format="rgba", dpi=dpi, facecolor="w")
    # The size matplotlib's renderer takes: the figure's inches times the dots, truncated.
    width, height = (int(inches * dpi) for inches in figure.get_size_inches())
    pixels = Image.frombuffer("RGBA", (width, height), buffer.getvalue(), "raw", "RGBA", 0, 1)
    png = io.BytesIO()
    pixels.convert("RGB").save(png, format="png", compress_level=1, dpi=(dpi, dpi))
    return png.getvalue()


def _lines(
    table: pd.DataFrame, lines: list[tuple[str, str, str]], names: dict, title: str
) -> Figure:
    """A line per ``(column, marker, label)`` over the periods of ``table``, each in the
    column's colour."""
    figure, axes = _figure(title)
    for column, marker, label in lines:
        axes.plot(
            range(len(table)),
            drawn_values(table, column),
            marker=marker,
            color=SERIES_COLOURS[column],
            label=label,
        )
    _finish(figure, axes, table, names)
    return figure


def _figure(title: str):
    figure = Figure(figsize=SIZE)
    axes = figure.add_axes(_AXES)
    if title:  # at the top of the axes, as matplotlib would put it: no top ticks to clear
        axes.set_title(title, loc="left", fontsize=11, y=1.0)
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _finish(
    figure: Figure, axes, table: pd.DataFrame, names: dict, reverse_legend: bool = False
) -> None:
    labels = list(table["period"])
    step = max(1, len(labels) // 12)
    axes.set_xticks(
        range(0, len(labels), step), labels[::step], rotation=45, ha="right", fontsize=8
    )
    axes.tick_params(axis="y", labelsize=8)
    axes.set_ylabel(names["count"], fontsize=9)
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    handles, texts = axes.get_legend_handles_labels()
    if reverse_legend:
        handles, texts = handles[::-1], texts[::-1]
    texts = [textwrap.fill(text, _LEGEND_CHARACTERS) for text in texts]
    figure.legend(
        handles,
        texts,
        frameon=False,
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(_AXES[0] + _AXES[2] + 0.02, _AXES[1] + _AXES[3]),
    )
