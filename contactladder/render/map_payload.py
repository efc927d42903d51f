"""The map page's payload: everything a map shows, as plain JSON-able data built from a graph.

:func:`map_data` takes any :class:`networkx.Graph` with the project's node attributes (``role``,
``wijk``, ``organisation``, ``number``, ``name``) and edge attributes (``rung``,
``first_contact``, ``last_contact``, ``contacts``, ``activities``) and returns the payload that
:func:`contactladder.render.page.render_map` puts into the page and
:func:`contactladder.render.static_map.map_figure` draws. Its fields are named, tables are
column-wise (``nodes["label"][i]`` is the label of person ``i``); the structure is described
once, in :mod:`contactladder.render.payload_schema`, and checked by its ``check_payload``.

The payload holds no ids, and no names when anonymised: people are numbered 0, 1, ... in map
order (:func:`~contactladder.render.styles.node_order`), labelled "Ouder 12",
"Professional 3 (GGD)" by :func:`contactladder.privacy.person_label`.

The map of a :class:`~contactladder.network.LadderNetwork` with the options of the ``map``
command is :func:`contactladder.render.network_map.network_map_data`.

Examples
--------
>>> G = nx.Graph()
>>> G.add_node("p-anna", role="parent", number=1, name="Anna", wijk="Dieze")
>>> G.add_node("p-ben", role="professional", number=1, organisation="GGD", wijk="Dieze")
>>> G.add_edge("p-anna", "p-ben", rung=3, contacts=2, activities=("Koffie en Koters",))
>>> data = map_data(G, Ladder.default(), title="Dieze", as_of="2025-03-01", lang="en")
>>> data["nodes"]["label"], data["edges"]["level"], data["subtitle"]
(['Parent 1', 'Professional 1 (GGD)'], [3], 'As of 1 March 2025 · 2 people, 1 ties')
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np

from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.privacy import person_labels
from contactladder.render.layout import layout_areas
from contactladder.render.map_text import counts_text, iso_date, iso_dates, long_date, page_text
from contactladder.render.map_ties import tie_columns
from contactladder.render.styles import (
    ALONE_COLOUR,
    alone_kinds,
    alone_size,
    edge_width,
    group_key,
    group_styles,
    node_order,
    node_size,
)
from contactladder.words import attribute_text
from contactladder.words.roles import role_key

__all__ = [
    "map_data",
    "people_payload",
    "focus_graph",
    "latest_contact",
    "legend_option",
    "LEGEND_OPTIONS",
    "LABELS_UP_TO",
]

#: The ``legend`` option: open, closed, or None (automatic: beside a wide map, above a narrow
#: one in a compact form; open either way).
LEGEND_OPTIONS = ("open", "closed", None)
#: A static picture of at most this many people carries their labels
#: (:mod:`contactladder.render.static_map`).
LABELS_UP_TO = 30
#: What an anonymous dot shows of a person (``map_data(dots=True)``).
_DOT_ATTRIBUTES = ("role", "number", "focal")

Positions = Mapping[Hashable, tuple[float, float]]
Areas = Mapping[str, tuple[float, float, float]]


def map_data(
    G: nx.Graph,
    ladder: Ladder,
    *,
    title: str,
    as_of: object = None,
    lang: str = "nl",
    anonymize: bool = True,
    positions: Positions | None = None,
    focus: Hashable | None = None,
    min_rung: int | None = None,
    colours: Mapping[str, str] | None = None,
    areas: Areas | None = None,
    part: bool = False,
    focal: str = "parent",
    legend: str | None = None,
    faded_before: object = None,
    ties: bool = True,
    order: list[Hashable] | None = None,
    picture: bool = False,
    dots: bool = False,
) -> dict[str, Any]:
    """The payload of the map of ``G``: the people, their ties, legend and words.

    Parameters
    ----------
    G : networkx.Graph
        People and their ties at one moment (``LadderNetwork.snapshot(as_of)``). Not changed.
    ladder : Ladder
        Gives the rungs' labels and colours.
    title : str
        The page's heading (shown as text).
    as_of : date-like, optional
        The moment shown in the subtitle; by default the last contact in ``G``.
    lang : {"nl", "en"}
    anonymize : bool
        True (the default): people are "Ouder 12"; False: their names.
    positions : mapping, optional
        Node -> (x, y) for every node of ``G`` (:func:`~contactladder.render.layout.
        layout_positions` over all people of the data, so maps of different dates line up).
        Computed from ``G`` when not given.
    focus : node, optional
        The person to highlight and centre on (see :func:`focus_graph`).
    min_rung : int, optional
        The level of the lowest rung shown when the page opens.
    colours : mapping, optional
        Organisation -> colour, for all the data's professionals (:func:`network_colours`).
    areas : mapping, optional
        Wijk -> (x, y, radius) of the disc its people fill (from ``layout_areas``); made from
        the positions when not given.
    part : bool
        The map shows part of the data (one wijk, one person's network): the legend says the
        sizes count the ties in this map.
    focal : str
        The focal role (``net.focal``): its people with no tie, or none with another focal
        person, stand out (:func:`~contactladder.render.styles.alone_kinds`), drawn at least
        the median person's size.
    legend : {"open", "closed", None}
        Whether the legend shows when the page opens; None (the default): open, in a compact
        form above a map narrower than 1000 px (an embedded frame).
    faded_before : date-like, optional
        Ties whose last contact is before this day are *faded*: drawn dashed and lighter.
    ties : bool
        False leaves the ties' columns empty (for a page that gives its own, as the
        timeline does); the people's sizes still count their ties.
    order : list, optional
        ``node_order(G)`` (:func:`~contactladder.render.styles.node_order`), when the caller
        has it already; made from ``G`` when not given.
    picture : bool
        True gives only what a static picture draws (:func:`~contactladder.render.static_map.
        map_figure`): the ties' ends and levels (no dates, contacts, activities or fading) and
        the people's labels only for a map of at most :data:`LABELS_UP_TO` people; the rest of
        the payload as it is. Such a payload is not for a page.

    Returns
    -------
    dict
        The map payload (see :mod:`contactladder.render.payload_schema`). The same input gives
        the same payload, whatever the order of ``G``'s nodes and edges.

    Raises
    ------
    UsageError
        For an unknown language.
    ValueError
        If ``positions`` lacks a node of ``G``.
    """
    if positions is None:
        positions, areas = layout_areas(G)
    missing = sum(1 for node in G if node not in positions)
    if missing:
        raise ValueError(f"positions lack {missing} of the {len(G)} people of the graph")
    order = node_order(G) if order is None else order
    index = {node: i for i, node in enumerate(order)}
    people = list(map(dict(G.nodes(data=True)).__getitem__, order))
    kinds = list(map(alone_kinds(G, focal=focal).__getitem__, order))
    degrees = list(map(dict(G.degree()).__getitem__, order))
    activities, dates, edges = tie_columns(
        G if ties else nx.Graph(), index, ladder, picture=picture
    )
    if not picture:
        # The days are sorted: a tie's last contact is before ``fade`` when its number is.
        fade = bisect.bisect_left(dates, iso_date(faded_before)) if faded_before is not None else 0
        lasts = np.asarray(edges["last_contact"], dtype=np.int64)
        edges["faded"] = ((lasts >= 0) & (lasts < fade)).astype(np.int64).tolist()
    date = iso_date(as_of) if as_of is not None else _latest(G, dates, edges, ties and not picture)
    return people_payload(
        people,
        [positions[node] for node in order],
        degrees,
        kinds,
        edges,
        ladder,
        title=title,
        date=date,
        lang=lang,
        anonymize=anonymize,
        focus=index.get(focus, -1) if focus is not None else None,
        min_rung=min_rung,
        colours=colours,
        areas=areas if areas is not None else _areas(G, positions),
        part=part,
        focal=focal,
        legend=legend,
        activities=activities,
        dates=dates,
        picture=picture,
        dots=dots,
    )


def people_payload(
    people: list[Mapping[str, Any]],
    xy: list[tuple[float, float]],
    degrees: list[int],
    kinds: list[int],
    edges: dict[str, list[Any]],
    ladder: Ladder,
    *,
    title: str,
    date: str,
    areas: Areas,
    lang: str = "nl",
    anonymize: bool = True,
    focus: int | None = None,
    min_rung: int | None = None,
    colours: Mapping[str, str] | None = None,
    part: bool = False,
    focal: str = "parent",
    legend: str | None = None,
    activities: list[str] | None = None,
    dates: list[str] | None = None,
    picture: bool = False,
    dots: bool = False,
) -> dict[str, Any]:
    """The payload of :func:`map_data` from its people's columns, worked out by the caller:
    each person's node attributes, place, number of ties and :func:`~contactladder.render.
    styles.alone_kinds` in map order, the ties' columns (``edges``, as ``tie_columns`` gives
    them, with the ``activities`` and ``dates`` they number into), the ``date`` it is as of
    (ISO text, "" for none) and the number of the person in ``focus`` (None: no focus); the
    other keywords as for :func:`map_data`. For a caller that knows the people and ties of a
    map without a graph (:mod:`contactladder.render.report_village`).

    Raises
    ------
    UsageError
        For an unknown language or legend setting.
    """
    legend = legend_option(legend)
    text = page_text(lang, part=part, focal=focal)
    if dots:
        people = [{key: attrs.get(key) for key in _DOT_ATTRIBUTES} for attrs in people]
    keys = list(map(group_key, people))
    styles = group_styles(keys, lang=lang, colours=colours)
    group_index = {key: i for i, key in enumerate(styles)}
    wijk_of = [attribute_text(attrs.get("wijk")) for attrs in people]
    wijken = sorted(set(wijk_of) - {""})
    wijk_index = {w: i for i, w in enumerate(wijken)}
    size_of = {degree: node_size(degree) for degree in set(degrees)}
    sizes = list(map(size_of.__getitem__, degrees))
    least = alone_size(sizes)
    xs, ys = np.array(xy, dtype=float).reshape(-1, 2).T.tolist()
    nodes = {
        "x": [round(x, 1) for x in xs],
        "y": [round(y, 1) for y in ys],
        "size": [max(size, least) if kind else size for kind, size in zip(kinds, sizes)],
        "group": list(map(group_index.__getitem__, keys)),
        "wijk": [wijk_index.get(wijk, -1) for wijk in wijk_of],
        "label": [],
        "alone": kinds,
    }
    if not picture or len(people) <= LABELS_UP_TO:
        nodes["label"] = person_labels(people, lang=lang, anonymize=anonymize)
    lead = [f"{text['as_of']} {long_date(date, lang)}"] if date else []
    shown = [w for w in wijken if w in areas] if focus is None else []
    return {
        "title": str(title),
        "subtitle": " · ".join([*lead, counts_text(len(people), len(edges["a"]), lang)]),
        "subtitle_lead": lead,
        "as_of": date,
        "lang": lang,
        "anonymized": bool(anonymize),
        "text": text,
        "rungs": [
            {
                "level": r.level,
                "key": r.key,
                "label": r.label(lang),
                "colour": r.colour,
                "width": edge_width(r.level, ladder),
            }
            for r in ladder
        ],
        "groups": list(styles.values()),
        "focal_role": role_key(focal),
        "alone_colour": ALONE_COLOUR,
        "legend": legend or "",
        "wijken": wijken,
        "areas": {
            "wijk": [wijk_index[w] for w in shown],
            **{
                name: [round(float(areas[w][k]), 1) for w in shown]
                for k, name in enumerate(("x", "y", "radius"))
            },
        },
        "activities": activities or [],
        "dates": dates or [],
        "focus": focus if focus is not None else -1,
        "min_level": int(min_rung) if min_rung is not None else ladder.bottom.level,
        "grouped": False,
        "nodes": nodes,
        "edges": edges,
    }


def _latest(G: nx.Graph, dates: list[str], edges: Mapping[str, list[Any]], ties: bool) -> str:
    """The latest last contact of a tie, as ISO text ("" for none): from the ties' columns
    (numbers into the sorted ``dates``), or from ``G`` without them."""
    if ties:
        latest = max(edges["last_contact"], default=-1)
        return dates[latest] if latest >= 0 else ""
    return latest_contact(G)


def latest_contact(G: nx.Graph) -> str:
    """The latest ``last_contact`` of the ties of ``G`` as ISO text, "" for none: the date a
    map of ``G`` is as of by default (each distinct date converted once).

    >>> latest_contact(nx.Graph([(1, 2, {"last_contact": "2025-03-01"}), (2, 3)]))
    '2025-03-01'
    """
    ties = itertools.chain.from_iterable(others.values() for _, others in G.adjacency())
    lasts = map(dict.get, ties, itertools.repeat("last_contact"))  # each tie from both ends
    distinct = {id(last): last for last in lasts}
    return max((d for d in iso_dates(list(distinct.values())) if d), default="")


def focus_graph(G: nx.Graph, person: Hashable) -> nx.Graph:
    """One person's own network: them, the people they are tied to, and the ties among those.

    For a one-to-one conversation with a parent about their village. Returns a read-only view
    of ``G``; ``G`` is not changed.

    >>> G = nx.Graph([("ann", "bo"), ("bo", "cem"), ("ann", "cem"), ("cem", "dirk")])
    >>> sorted(focus_graph(G, "ann").edges())
    [('ann', 'bo'), ('ann', 'cem'), ('bo', 'cem')]
    """
    return G.subgraph([person, *G[person]])


def legend_option(legend: object) -> str | None:
    """``legend`` checked: "open", "closed" or None (automatic).

    >>> legend_option(" Closed "), legend_option(None)
    ('closed', None)
    >>> legend_option("half")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown legend setting 'half'; use open or closed, ...
    """
    if legend is None:
        return None
    value = str(legend).strip().lower()
    if value not in LEGEND_OPTIONS:
        raise UsageError(
            "unknown legend setting", value=legend, hint="use open or closed, or leave out {legend}"
        )
    return value


def _areas(G: nx.Graph, positions: Positions) -> dict[str, tuple[float, float, float]]:
    """Where the people of each wijk of ``G`` sit, from their positions: the centre of their
    bounding box and the distance to the farthest, for a map given positions but no areas."""
    points: dict[str, list[tuple[float, float]]] = {}
    for node, value in G.nodes(data="wijk"):
        wijk = attribute_text(value)
        if wijk:
            points.setdefault(wijk, []).append(positions[node])
    areas = {}
    for wijk, xy in points.items():
        xs, ys = [p[0] for p in xy], [p[1] for p in xy]
        x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        areas[wijk] = (x, y, max(math.hypot(px - x, py - y) for px, py in xy) + 20.0)
    return areas
