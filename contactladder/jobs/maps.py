"""The jobs of the ``map`` and ``timeline`` commands, and the functions that write map pages.

A job computes each table once, renders, writes every file whole (:mod:`contactladder.io.files`)
and returns a :class:`~contactladder.jobs.common.Result`: the paths written (the page first),
the embed snippet as ``text`` when asked, and a note when the page shows names.

- :func:`map_job`: the map of one moment
  (:func:`~contactladder.render.network_map.network_map_data`), with its static pictures and
  embed snippet when asked.
- :func:`timeline_job`: the village over time; the growth tables it counts are computed once
  (:func:`timeline_counters`) and handed to :func:`~contactladder.render.timeline_payload.
  timeline_data`.

The ``write_*`` functions do the same for scripts that want the paths only. Both jobs run with
the cyclic garbage collector paused (:mod:`contactladder.jobs.paused_gc`): at a million
contacts it was half of their time.

Examples
--------
>>> import tempfile, pathlib
>>> from contactladder.network.ladder_network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
>>> result = map_job(net, "outputs/map.html", png=True)  # doctest: +SKIP
>>> [p.name for p in result.paths]  # doctest: +SKIP
['map.html', 'map.png']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import contactladder.render.page as pages
from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_bytes, write_text
from contactladder.jobs.common import Result, Source, open_source, status_of
from contactladder.jobs.map_cache import cache_folder, layout_for
from contactladder.jobs.paused_gc import collection_paused
from contactladder.network.current import DEFAULT_LAPSE

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from contactladder.ladder import Ladder
    from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "map_job",
    "timeline_job",
    "timeline_counters",
    "Counters",
    "write_map",
    "write_map_files",
    "write_timeline",
    "write_timeline_files",
    "write_embed",
    "save_map_picture",
]


class Counters(TypedDict):
    """The growth tables a timeline counts, as keywords of ``timeline_data``."""

    counters: pd.DataFrame
    counters_by_wijk: pd.DataFrame | None


@collection_paused
def map_job(
    source: Source | LadderNetwork,
    output: str | Path = "outputs/map.html",
    *,
    png: bool = False,
    svg: bool = False,
    embed: bool = False,
    layout_cache: object = True,
    **options: Any,
) -> Result:
    """The ``map`` command: write the map page of the network and, when asked, its pictures
    and embed snippet.

    Parameters
    ----------
    source : Source or LadderNetwork
        The network, or where to read it (:func:`~contactladder.jobs.common.open_source`; rows
        set aside are written beside ``output``). ``output`` is checked before anything is
        read.
    output : path
        The page, ending in ``.html`` (or ``.htm``).
    png, svg : bool
        Also write the same map as a static picture beside it (``<name>.png``, ``<name>.svg``):
        the same positions, colours, sizes and legend.
    embed : bool
        Also write ``<name>.embed.html``, the ``<iframe>`` snippet to paste into a web page or
        report; the snippet is the result's ``text``.
    layout_cache : bool or path
        Where the positions are kept for the next map or timeline of the same data
        (:mod:`contactladder.jobs.map_cache`): True, beside the data of a ``Source`` (none for
        a network given as it is); a folder; or False for none.
    **options :
        Those of :func:`~contactladder.render.network_map.network_map_data`: ``as_of, wijk,
        min_rung, focus, anonymize, lang, title, legend`` ("open", "closed" or None: open, in
        a compact form in a frame narrower than 1000 px).

    Returns
    -------
    Result
        The page, then the PNG, the SVG and the snippet, as asked; a note when names are shown.

    Raises
    ------
    UsageError
        If ``output`` does not end in ``.html``, or for the reasons of ``network_map_data``.
    """
    from contactladder.render.network_map import network_map_data

    output = pages.html_path(output)
    net, notes = open_source(source, output=output)
    layout = layout_for(cache_folder(source, layout_cache))
    data = network_map_data(net, status=status_of(source, net), layout=layout, **options)
    if options.get("focus") is not None:
        notes = [f"Reference day: {data['as_of']}", *notes]
    pictures = [output.with_suffix("." + f) for f, wanted in (("png", png), ("svg", svg)) if wanted]
    files = [output, *pictures, *([_embed_path(output)] if embed else [])]
    with output_set(files, private=not options.get("anonymize", True)) as staging:
        write_text(staging.path(output), pages.render_map(data))
        for picture in pictures:
            save_map_picture(data, staging.path(picture))
        if embed:
            write_embed(staging.path(output), title=data["title"])
    return _result(output, files, notes, data["title"], embed, options)


@collection_paused
def timeline_job(
    source: Source | LadderNetwork,
    output: str | Path = "outputs/timeline.html",
    *,
    freq: str = "month",
    embed: bool = False,
    layout_cache: object = True,
    **options: Any,
) -> Result:
    """The ``timeline`` command: write the timeline page of the network (and its embed
    snippet).

    ``source``, ``output``, ``embed`` and ``layout_cache`` are as in :func:`map_job`; ``freq``
    is the length of one step and ``options`` are those of :func:`~contactladder.render.
    timeline_payload.timeline_data` (``lang, anonymize, title, wijk, min_rung, legend, view,
    lapse, aggregate``). The growth tables are computed once, here, in the same ``view``.

    Raises
    ------
    UsageError
        If ``output`` does not end in ``.html``, for an unknown period, language, wijk or
        rung, or (``aggregate="people"``) more people than a timeline draws
        (:func:`~contactladder.render.map_groups.check_timeline_size`).
    """
    from contactladder.render.map_groups import check_timeline_size
    from contactladder.render.timeline_payload import timeline_data

    output = pages.html_path(output)
    net, notes = open_source(source, output=output)
    every = options.get("aggregate", "auto") == "people" and options.get("wijk") is None
    if every:  # refused before the growth is counted (one wijk: later)
        check_timeline_size(int((net.present_from < net.cutoff()).sum()))
    counted = timeline_counters(
        net,
        freq=freq,
        wijk=options.get("wijk"),
        view=options.get("view", "reached"),
        lapse=options.get("lapse", DEFAULT_LAPSE),
    )
    layout = layout_for(cache_folder(source, layout_cache))
    data = timeline_data(net, freq=freq, layout=layout, **counted, **options)
    files = [output, *([_embed_path(output)] if embed else [])]
    with output_set(files, private=not options.get("anonymize", True)) as staging:
        write_text(staging.path(output), pages.render_timeline(data))
        if embed:
            write_embed(staging.path(output), title=data["title"])
    return _result(output, files, notes, data["title"], embed, options)


def timeline_counters(
    net: LadderNetwork,
    *,
    freq: str = "month",
    wijk: str | None = None,
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> Counters:
    """The growth tables a timeline counts, each computed once: ``counters`` (``growth(net,
    freq=freq, view=view, lapse=lapse)``) and, when the page needs it, ``counters_by_wijk``
    (``by="wijk"``), else None.

    Pass them on as keywords: ``timeline_data(net, freq=freq, **timeline_counters(net, ...))``.
    """
    from contactladder.analysis.growth import growth
    from contactladder.render.timeline_payload import needs_wijk_counters

    net.period_range(freq)  # an unknown period fails here, before any counting
    if view not in ("reached", "current"):
        raise UsageError("unknown view", value=view, hint="use reached or current")
    by_wijk = None
    if needs_wijk_counters(net, wijk=wijk):
        by_wijk = growth(net, freq=freq, by="wijk", view=view, lapse=lapse)
    return Counters(
        counters=growth(net, freq=freq, view=view, lapse=lapse), counters_by_wijk=by_wijk
    )


def write_map(G: nx.Graph, ladder: Ladder, path: str | Path, **options: Any) -> Path:
    """Write :func:`~contactladder.render.page.map_html` of ``G`` to ``path`` (UTF-8), whole or
    not at all, and return the path.

    The page is written to a temporary file in the same folder and renamed over ``path``, so a
    reader never sees half a file; a missing folder is made.

    Raises
    ------
    ContactLadderError
        If the file cannot be written (no permission).
    """
    return write_text(path, pages.map_html(G, ladder, **options))


def write_map_files(
    net: LadderNetwork,
    path: str | Path = "outputs/map.html",
    *,
    png: bool = False,
    svg: bool = False,
    embed: bool = False,
    **options: Any,
) -> list[Path]:
    """:func:`map_job`'s paths: the page, then the PNG, the SVG and the snippet, as asked."""
    return map_job(net, path, png=png, svg=svg, embed=embed, **options).paths


def write_timeline(
    net: LadderNetwork, path: str | Path = "outputs/timeline.html", **options: Any
) -> Path:
    """Write the timeline page of ``net`` to ``path`` (``.html``), whole or not at all.

    Keywords are those of :func:`timeline_job` (``freq``, and those of ``timeline_data``).
    """
    return timeline_job(net, path, **options).paths[0]


def write_timeline_files(
    net: LadderNetwork,
    path: str | Path = "outputs/timeline.html",
    *,
    embed: bool = False,
    **options: Any,
) -> list[Path]:
    """:func:`timeline_job`'s paths: the page, then with ``embed`` its snippet."""
    return timeline_job(net, path, embed=embed, **options).paths


def write_embed(page: str | Path, *, title: str) -> Path:
    """Write the :func:`~contactladder.render.page.embed_snippet` of ``page`` beside it, as
    ``<name>.embed.html``."""
    page = Path(page)
    return write_text(_embed_path(page), pages.embed_snippet(page.name, title=title) + "\n")


def _embed_path(page: Path) -> Path:
    """``<name>.embed.html`` beside the page."""
    return page.with_name(page.stem + ".embed.html")


def save_map_picture(data: Mapping[str, Any], path: str | Path) -> Path:
    """Write the picture of a map payload as PNG or SVG (by the suffix of ``path``), whole or
    not at all.

    Raises
    ------
    UsageError
        If the suffix is neither ``.png`` nor ``.svg``.
    """
    from contactladder.render.static_map import map_picture, picture_format

    path = Path(path)
    return write_bytes(path, map_picture(data, picture_format(path.name)))


def _result(
    output: Path,
    paths: list[Path],
    notes: list[str],
    title: str,
    embed: bool,
    options: Mapping[str, Any],
) -> Result:
    """The job's result: the paths, the snippet when asked, a note when names are shown."""
    text = pages.embed_snippet(output.name, title=title) + "\n" if embed else ""
    if not options.get("anonymize", True):
        notes = [*notes, f"Note: {output} shows names: for internal use only; do not share it."]
    return Result(paths=paths, text=text, notes=notes)
