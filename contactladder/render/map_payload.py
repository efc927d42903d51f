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

:func:`network_map_data` is the map of a :class:`~contactladder.network.ladder_network.
LadderNetwork` with the options of the ``map`` command (a date, a wijk, a person in focus); it
places everyone where the layout of the whole history puts them, so maps of different dates
line up, and gives an organisation the same colour on every map of the data.

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

import math
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx
import pandas as pd

from contactladder.errors import UsageError, literal
from contactladder.ladder import Ladder
from contactladder.privacy import person_label
from contactladder.render.layout import layout_areas
from contactladder.render.map_text import counts_text, iso_date, long_date, page_text
from contactladder.render.styles import (
    ALONE_COLOUR,
    alone_kinds,
    alone_size,
    edge_width,
    group_key,
    node_order,
    node_size,
    organisation_colours,
    role_styles,
)
from contactladder.words import attribute_text, check_lang
from contactladder.words.roles import role_key

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["map_data", "focus_graph", "network_map_data", "MapOptions", "map_options",
           "in_wijk", "network_colours", "legend_option", "LEGEND_OPTIONS"]

#: The ``legend`` option: open, closed, or None (automatic: beside a wide map, above a narrow
#: one in a compact form; open either way).
LEGEND_OPTIONS = ("open", "closed", None)

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
    legend = legend_option(legend)
    text = page_text(lang, part=part, focal=focal)
    if positions is None:
        positions, areas = layout_areas(G)
    missing = sum(1 for node in G if node not in positions)
    if missing:
        raise ValueError(f"positions lack {missing} of the {len(G)} people of the graph")
    styles = role_styles(G, lang=lang, colours=colours)
    group_index = {key: i for i, key in enumerate(styles)}
    order = node_order(G)
    index = {node: i for i, node in enumerate(order)}
    wijken = sorted({attribute_text(w) for _, w in G.nodes(data="wijk")} - {""})
    wijk_index = {w: i for i, w in enumerate(wijken)}
    nodes: dict[str, list[Any]] = {"x": [], "y": [], "size": [], "group": [], "wijk": [],
                                   "label": [], "alone": []}
    kinds = alone_kinds(G, focal=focal)
    least = alone_size(node_size(G.degree(node)) for node in order)
    for node in order:
        attrs = G.nodes[node]
        x, y = positions[node]
        nodes["x"].append(round(float(x), 1))
        nodes["y"].append(round(float(y), 1))
        size = node_size(G.degree(node))
        nodes["size"].append(max(size, least) if kinds[node] else size)
        nodes["alone"].append(kinds[node])
        nodes["group"].append(group_index[group_key(attrs)])
        nodes["wijk"].append(wijk_index.get(attribute_text(attrs.get("wijk")), -1))
        nodes["label"].append(person_label(attrs, lang=lang, anonymize=anonymize))
    activities = sorted({str(a) for _, _, acts in G.edges(data="activities", default=())
                         for a in (acts or ())})
    activity_index = {a: i for i, a in enumerate(activities)}
    rows = sorted(
        (*sorted((index[u], index[v])), int(attrs.get("rung") or ladder.bottom.level),
         iso_date(attrs.get("first_contact")), iso_date(attrs.get("last_contact")),
         int(attrs.get("contacts") or 0),
         sorted(activity_index[str(x)] for x in (attrs.get("activities") or ())))
        for u, v, attrs in G.edges(data=True))
    edges: dict[str, list[Any]] = {name: [row[k] for row in rows] for k, name in enumerate(
        ("a", "b", "level", "first_contact", "last_contact", "contacts", "activities"))}
    date = iso_date(as_of) if as_of is not None else max(
        (d for d in edges["last_contact"] if d), default="")
    lead = [f"{text['as_of']} {long_date(date, lang)}"] if date else []
    if areas is None:
        areas = _areas(G, positions)
    shown = [w for w in wijken if w in areas] if focus is None else []
    return {
        "title": str(title),
        "subtitle": " · ".join([*lead, counts_text(len(order), len(rows), lang)]),
        "subtitle_lead": lead,
        "as_of": date,
        "lang": lang,
        "anonymized": bool(anonymize),
        "text": text,
        "rungs": [{"level": r.level, "key": r.key, "label": r.label(lang), "colour": r.colour,
                   "width": edge_width(r.level, ladder)} for r in ladder],
        "groups": list(styles.values()),
        "focal_role": role_key(focal),
        "alone_colour": ALONE_COLOUR,
        "legend": legend or "",
        "wijken": wijken,
        "areas": {"wijk": [wijk_index[w] for w in shown],
                  **{name: [round(float(areas[w][k]), 1) for w in shown]
                     for k, name in enumerate(("x", "y", "radius"))}},
        "activities": activities,
        "focus": index.get(focus, -1) if focus is not None else -1,
        "min_level": int(min_rung) if min_rung is not None else ladder.bottom.level,
        "nodes": nodes,
        "edges": edges,
    }


def focus_graph(G: nx.Graph, person: Hashable) -> nx.Graph:
    """One person's own network: them, the people they are tied to, and the ties among those.

    For a one-to-one conversation with a parent about their village. Returns a read-only view
    of ``G``; ``G`` is not changed.

    >>> G = nx.Graph([("ann", "bo"), ("bo", "cem"), ("ann", "cem"), ("cem", "dirk")])
    >>> sorted(focus_graph(G, "ann").edges())
    [('ann', 'bo'), ('ann', 'cem'), ('bo', 'cem')]
    """
    return G.subgraph([person, *G[person]])


def network_map_data(
    net: LadderNetwork,
    *,
    as_of: object = None,
    wijk: str | None = None,
    min_rung: object = None,
    focus: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    title: str | None = None,
    legend: str | None = None,
) -> dict[str, Any]:
    """:func:`map_data` of a network at one moment, with the options of the ``map`` command.

    Positions come from the layout of the whole history (the network at its last date), so
    every map and every step of the timeline puts a person in the same place.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date-like, optional
        The network as far as it has grown by this date (default: the end of the data).
    wijk : str, optional
        Only the people of this wijk and the ties among them (as ``growth(by="wijk")`` counts
        them); case-insensitive.
    min_rung : level, key or label, optional
        The lowest rung shown when the page opens (the reader can change it in the page; the
        static picture draws only the ties from this rung up).
    focus : str, optional
        The id of a person: only their own network (:func:`focus_graph`), with them highlighted.
    anonymize, lang, legend :
        As in :func:`map_data`.
    title : str, optional
        The heading; by default the data's name, with the wijk or the person in focus.

    Raises
    ------
    UsageError
        For an unknown wijk, rung, person or language, a person not present by ``as_of`` or not
        in ``wijk``, or a date outside the data. Messages name what was typed, never other
        people's ids.
    """
    options = map_options(net, lang=lang, wijk=wijk, min_rung=min_rung, title=title)
    final = net.snapshot()
    positions, areas = layout_areas(final)
    G = in_wijk(final if as_of is None else net.snapshot(as_of), options.wijk)
    if as_of is None and net.has_contacts:
        as_of = net.end  # the data's end date, whichever part of the data is shown
    parts = list(options.title_parts)
    person = None
    if focus is not None:
        person = _resolve_person(net, G, focus, options.wijk)
        G = focus_graph(G, person)
        if title is None:
            parts.append(person_label(G.nodes[person], lang=lang, anonymize=anonymize))
    return map_data(G, net.ladder, title=" — ".join(parts), as_of=as_of, lang=lang,
                    anonymize=anonymize, positions=positions, focus=person,
                    min_rung=options.level, colours=network_colours(net), areas=areas,
                    part=options.wijk is not None or person is not None, focal=net.focal,
                    legend=legend)


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
        raise UsageError("unknown legend setting", value=legend,
                         hint="use open or closed, or leave out {legend}")
    return value


class MapOptions(NamedTuple):
    """The options a map and a timeline share, checked (see :func:`map_options`)."""

    level: int | None
    wijk: str | None
    title_parts: tuple[str, ...]


def map_options(net: LadderNetwork, *, lang: str, wijk: str | None, min_rung: object,
                title: str | None) -> MapOptions:
    """The level of ``min_rung``, the wijk as written in the data (case-insensitive match), and
    the parts of the heading (the title, else the data's name and the wijk).

    Raises
    ------
    UsageError
        For an unknown language, rung or wijk.
    """
    check_lang(lang)
    level = None
    if min_rung is not None:
        level = net.ladder.level_of(min_rung)
        if level is None:
            raise UsageError("unknown rung", value=min_rung, hint=literal(net.ladder.hint()))
    wijk_name = None
    if wijk is not None:
        names = net.wijken()
        wijk_name = next((n for n in names if n.lower() == str(wijk).strip().lower()), None)
        if wijk_name is None:
            raise UsageError("unknown wijk", value=wijk, hint=literal(
                "use one of: " + ", ".join(names) if names else "the data name no wijken"))
    parts = [str(title) if title is not None else net.name]
    if wijk_name is not None and title is None:
        parts.append(wijk_name)
    return MapOptions(level, wijk_name, tuple(parts))


def in_wijk(G: nx.Graph, wijk: str | None) -> nx.Graph:
    """The people of ``wijk`` and the ties among them (a view of ``G``), or ``G`` for None.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> G.nodes["a"]["wijk"] = G.nodes["b"]["wijk"] = "Dieze"
    >>> sorted(in_wijk(G, "Dieze").edges())
    [('a', 'b')]
    """
    if wijk is None:
        return G
    return G.subgraph([node for node, value in G.nodes(data="wijk")
                       if attribute_text(value) == wijk])


def network_colours(net: LadderNetwork) -> dict[str, str]:
    """:func:`~contactladder.render.styles.organisation_colours` of all professionals in the
    data: one table for every map of it."""
    if not net.has_column("organisation"):
        return {}
    roles = net.column("role")
    professional = [role_key(r) == "professional" for r in roles]
    return organisation_colours(net.column("organisation")[professional])


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


def _resolve_person(net: LadderNetwork, G: nx.Graph, person: object,
                    wijk: str | None) -> Hashable:
    """The node of the person with id ``person``, who must be in ``G``."""
    attrs = net.person(person)  # UsageError for an unknown id
    key = str(person).strip()
    if key in G:
        return key
    if wijk is not None and attribute_text(attrs.get("wijk")) != wijk:
        raise UsageError("person not in this wijk", value=person,
                         hint="leave out {wijk} or use the wijk of " + literal(key))
    start = pd.Timestamp(net.present_from[key]).strftime("%Y-%m-%d")
    raise UsageError("person not present by this date", value=person,
                     hint=f"they are present from {start}")
