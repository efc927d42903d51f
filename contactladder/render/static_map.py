"""The map as a static picture (PNG for screens, SVG for print), drawn with matplotlib.

The picture shows what the map page shows when it opens: the same positions, the same colours
and shapes per role and organisation, people sized by their number of ties, ties coloured by
rung and thicker higher up the ladder (only those from the lowest rung shown), the legend of
roles and rungs, the names of the wijken above their areas and the title. It is drawn from the
map payload (:func:`contactladder.render.map_payload.map_data`), so it holds no more than the
page: anonymised labels unless names were asked for. Small maps (a person's own network) carry
the people's labels; the person in focus is ringed. The people who need a link (``nodes.alone``)
are ringed in the payload's ``alone_colour`` (solid: no tie; dashed: no tie to another focal
person), at least the median size, and counted in the legend.

:func:`map_picture` returns the file's bytes; writing them is the job's. The same data give
byte-identical files: SVG ids are salted with a fixed string and neither format records a date
or the software version.

Examples
--------
>>> import networkx as nx
>>> from contactladder.ladder import Ladder
>>> from contactladder.render.map_payload import map_data
>>> G = nx.Graph()
>>> G.add_edge("a", "b", rung=3)
>>> G.nodes["a"].update(role="parent", number=1); G.nodes["b"].update(role="parent", number=2)
>>> figure = map_figure(map_data(G, Ladder.default(), title="Dieze", lang="en"))
>>> for text in figure.legends[0].get_texts()[:4]: print(text.get_text())
Parent
Parents without a tie (0)
Parents with no tie to other parents (0)
1. Acquaintance
>>> map_picture(map_data(G, Ladder.default(), title="Dieze"), "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.collections import Collection, LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.path import Path

from contactladder.errors import UsageError
from contactladder.privacy import names_notice
from contactladder.render.charts import PICTURE_FORMATS, plain_text, saved_bytes
from contactladder.render.map_payload import LABELS_UP_TO
from contactladder.render.tie_raster import draw_tie_image

__all__ = [
    "map_figure",
    "map_picture",
    "picture_bytes",
    "picture_format",
    "LABELS_UP_TO",
    "VECTOR_UP_TO",
    "DPI",
]

_MARKERS = {
    "dot": "o",
    "diamond": "D",
    "triangle": "^",
    "square": "s",
    "triangleDown": "v",
    "star": "*",
    "hexagon": "h",
}
#: An SVG of more people draws its people and ties as one picture inside it (the names, legend
#: and title stay text): tens of thousands of markers and lines as vectors make a file of tens
#: of megabytes that is slow to write, open and print.
VECTOR_UP_TO = 5_000
_WIDTH_IN = 11.0
_HEIGHT_IN = 8.0
#: Dots per inch of the pictures (and of the picture of the ties inside a large map).
DPI = 150
_TIE_ALPHA = 0.8
#: In an SVG of more than VECTOR_UP_TO people, everything up to this zorder (ties 1, people 2,
#: rings 3; not the labels and names above them) is one picture: one image to draw and store.
_RASTER_UP_TO_ZORDER = 3.5


@plain_text
def map_figure(data: Mapping[str, Any]) -> Figure:
    """The map of a map payload (:func:`~contactladder.render.map_payload.map_data`) as a
    matplotlib Figure.

    Canvas units become points at the scale that fits the whole map: node sizes and tie widths
    keep their proportions to the distances between people, as in the page when it opens
    (with a floor, so that big maps stay readable).
    """
    figure = Figure(figsize=(_WIDTH_IN, _HEIGHT_IN))
    axes = figure.add_axes((0.02, 0.03, 0.70, 0.84))
    axes.set_axis_off()
    axes.set_aspect("equal")
    nodes, edges = data["nodes"], data["edges"]
    xs, ys, size, label = nodes["x"], nodes["y"], nodes["size"], nodes["label"]
    margin = 30.0
    x0, x1 = min(xs, default=0.0) - margin, max(xs, default=0.0) + margin
    y0, y1 = min(ys, default=0.0) - margin, max(ys, default=0.0) + margin
    areas = data["areas"]
    named = len(areas["wijk"]) > 1
    if named:  # room for the wijken's names above their areas
        y0 = min(y0, min(y - r for y, r in zip(areas["y"], areas["radius"])) - 2 * margin)
    axes.set_xlim(x0, x1)
    axes.set_ylim(y1, y0)  # canvas y grows downwards, as on the screen
    box_w, box_h = 0.70 * _WIDTH_IN * 72, 0.84 * _HEIGHT_IN * 72
    points = min(box_w / (x1 - x0), box_h / (y1 - y0))  # points per canvas unit

    raster = len(xs) > VECTOR_UP_TO
    if raster:  # ties, people and rings as one picture in an SVG (a PNG is all one anyway)
        axes.set_rasterization_zorder(_RASTER_UP_TO_ZORDER)
    rungs = {r["level"]: r for r in data["rungs"]}
    lowest = data["min_level"] or min(rungs, default=1)
    ties = _tie_lines(edges, xs, ys, lowest)
    if ties is not None:
        segments, levels = ties
        known = sorted(set(levels.tolist()))
        colour = [to_rgba(rungs[k]["colour"] if k in rungs else "#999999") for k in known]
        width = [max(0.25, rungs.get(k, {"width": 1.0})["width"] * points) for k in known]
        which = np.searchsorted(known, levels)
        if raster:
            draw_tie_image(axes, segments, which, colour, width, dpi=DPI, alpha=_TIE_ALPHA)
        else:
            lines = LineCollection(
                [],
                colors=np.array(colour)[which],
                linewidths=np.array(width)[which],
                alpha=_TIE_ALPHA,
                capstyle="round",
                zorder=1,
            )
            Collection.set_paths(lines, _segment_paths(segments))  # paths as they are
            axes.add_collection(lines, autolim=False)  # the limits are set above

    # Arrays, not lists, for matplotlib: it checks a list item by item.
    x_of, y_of = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    size_of = np.asarray(size, dtype=float)
    group_of, kind_of = np.asarray(nodes["group"]), np.asarray(nodes["alone"])
    for g, group in enumerate(data["groups"]):
        marker = _MARKERS.get(group["shape"], "o")
        scale = 0.8 if marker in ("D", "^", "s") else 1.0
        area = np.maximum(2.0, 2 * size_of * points * scale) ** 2
        for members, marker_area in _batches(np.flatnonzero(group_of == g), area, raster):
            axes.scatter(
                x_of[members],
                y_of[members],
                s=marker_area,
                marker=marker,
                c=group["colour"],
                edgecolors="#ffffff",
                linewidths=0.5,
                zorder=2,
                rasterized=raster,
            )
    for kind, style in ((1, "solid"), (2, (0, (2, 1)))):
        area = (2 * size_of * points + 3) ** 2
        for ringed, marker_area in _batches(np.flatnonzero(kind_of == kind), area, raster):
            axes.scatter(
                x_of[ringed],
                y_of[ringed],
                s=marker_area,
                marker="o",
                facecolors="none",
                edgecolors=data["alone_colour"],
                linewidths=1.6,
                linestyles=style,
                zorder=3,
                rasterized=raster,
            )
    focus = data["focus"]
    if 0 <= focus < len(xs):
        axes.scatter(
            [xs[focus]],
            [ys[focus]],
            s=(2 * size[focus] * points + 8) ** 2,
            marker="o",
            facecolors="none",
            edgecolors="#000000",
            linewidths=2.0,
            zorder=3,
        )
    if 0 < len(xs) <= LABELS_UP_TO:
        for i in range(len(xs)):
            axes.annotate(
                label[i],
                (xs[i], ys[i]),
                xytext=(0, -(size[i] * points + 7)),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8 if i != focus else 9,
                fontweight="bold" if i == focus else "normal",
                color="#222222",
                zorder=4,
            )

    if named:
        for wijk, x, y, radius in zip(areas["wijk"], areas["x"], areas["y"], areas["radius"]):
            axes.text(
                x,
                y - radius - 4,
                data["wijken"][wijk],
                ha="center",
                va="bottom",
                fontsize=10,
                fontweight="bold",
                color="#5a5a5a",
                zorder=5,
            )

    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=_MARKERS.get(g["shape"], "o"),
            markerfacecolor=g["colour"],
            markeredgecolor="#555555",
            markeredgewidth=0.5,
            markersize=8,
            label=g["label"],
        )
        for g in data["groups"]
    ]
    text = data["text"]
    handles += [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor="#ffffff",
            markeredgecolor=data["alone_colour"],
            markeredgewidth=width,
            markersize=8,
            label=f"{text[key]} ({nodes['alone'].count(kind)})",
        )
        for kind, key, width in ((1, "alone", 2.0), (2, "no_peer_tie", 1.0))
    ]
    handles += [
        Line2D(
            [],
            [],
            color=r["colour"],
            linewidth=max(1.0, r["width"] * 0.9),
            label=f"{r['level']}. {r['label']}",
        )
        for r in data["rungs"]
    ]
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.74, 0.86),
        frameon=False,
        fontsize=8,
        title=f"{text['legend_people']} · {text['legend_rungs']}",
        title_fontsize=8,
        alignment="left",
    )
    figure.text(0.74, 0.05, text["size_note"], fontsize=7, color="#555555")
    figure.text(0.02, 0.965, data["title"], fontsize=14, fontweight="bold", va="top")
    figure.text(0.02, 0.915, data["subtitle"], fontsize=9, color="#555555", va="top")
    if not data["anonymized"]:
        figure.text(
            0.98,
            0.965,
            names_notice(data["lang"]),
            fontsize=9,
            color="#ffffff",
            ha="right",
            va="top",
            fontweight="bold",
            bbox={"facecolor": "#b30000", "edgecolor": "none", "pad": 3},
        )
    return figure


def picture_format(name: str) -> str:
    """The picture format of a file name: "png" or "svg", by its suffix.

    Raises
    ------
    UsageError
        For any other suffix, naming the file.

    >>> picture_format("kaart.SVG")
    'svg'
    """
    fmt = name.rpartition(".")[2].lower() if "." in name else ""
    if fmt not in PICTURE_FORMATS:
        raise UsageError(
            "unknown picture format", value=name, hint="end the file name in .png or .svg"
        )
    return fmt


def _tie_lines(
    edges: Mapping[str, Any], xs: list[float], ys: list[float], lowest: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """The ties from rung ``lowest`` up as line segments (n × 2 × 2) and their levels, by level
    then ends (higher rungs drawn over lower ones); None when there are none."""
    a, b = np.asarray(edges["a"], dtype=np.int64), np.asarray(edges["b"], dtype=np.int64)
    levels = np.asarray(edges["level"], dtype=np.int64)
    keep = levels >= lowest
    if not keep.any():
        return None
    a, b, levels = a[keep], b[keep], levels[keep]
    order = np.lexsort((b, a, levels))
    a, b, levels = a[order], b[order], levels[order]
    x, y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    segments = np.stack([np.column_stack([x[a], y[a]]), np.column_stack([x[b], y[b]])], axis=1)
    return segments, levels


def _batches(
    members: np.ndarray, area: np.ndarray, raster: bool
) -> list[tuple[np.ndarray, np.ndarray | float]]:
    """``members`` with their markers' ``area`` (of everyone) as one batch, or for a raster
    one batch per area, given as one number: matplotlib draws markers of one size as one
    stamp, many times faster than each on its own. Larger ones first, so that small people
    are not hidden under larger ones."""
    if not len(members):
        return []
    if not raster:
        return [(members, area[members])]
    values = area[members]
    return [(members[values == value], float(value)) for value in np.unique(values)[::-1]]


def _segment_paths(segments: np.ndarray) -> list[Path]:
    """The line segments (n × 2 × 2) as matplotlib paths, the same as ``LineCollection`` makes
    of them, built without checking each one again (a map has hundreds of thousands)."""
    if not len(segments):
        return []
    first = Path(segments[0])
    fast = Path._fast_from_codes_and_verts  # type: ignore[attr-defined]  # not in the stubs
    return [first, *(fast(seg, None, first) for seg in segments[1:])]


def map_picture(data: Mapping[str, Any], fmt: str) -> bytes:
    """:func:`map_figure` as the bytes of a PNG or SVG file (``fmt`` "png" or "svg").

    Raises
    ------
    UsageError
        For another format.
    """
    return picture_bytes(map_figure(data), fmt)


def picture_bytes(figure: Figure, fmt: str) -> bytes:
    """A map's figure (:func:`map_figure`) as the bytes of a PNG or SVG file: one figure can
    be saved in both.

    Raises
    ------
    UsageError
        For another format.
    """
    # Fixed SVG ids, text as text, every point kept: the same data give the same bytes.
    rc = {"svg.hashsalt": "contactladder", "svg.fonttype": "none", "path.simplify": False}
    return saved_bytes(figure, fmt, dpi=DPI, rc=rc)
