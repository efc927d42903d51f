"""Positions of people on a map: deterministic, seeded, fast, with each wijk in its own area.

Positions are computed once, in Python, for everyone in the data (the whole history), and every
map of the data uses them, so a reader sees the same person in the same place as the village
grows. The browser only draws: physics is off.

How the positions are made:

1. People are grouped by an attribute (``wijk`` by default; people without one form a group
   of their own).
2. Each group is laid out on its own with igraph's Fruchterman-Reingold (force-directed) layout
   of the ties inside the group, from a seeded start, and spread evenly over a disc whose area
   grows with the number of people in it (each person keeps their direction from the centre
   and their rank in distance): the same density in every group.
3. The discs are packed around the largest one along a spiral, largest first, with a gap
   between them, so people of one wijk sit together and wijken do not overlap.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from(["a", "b"], wijk="Dieze")
>>> G.add_nodes_from(["c", "d"], wijk="Zuid")
>>> G.add_edges_from([("a", "b"), ("c", "d"), ("b", "c")])
>>> pos = layout_positions(G, seed=1)
>>> sorted(pos) == ["a", "b", "c", "d"] and pos == layout_positions(G, seed=1)
True
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import igraph
import networkx as nx
import numpy as np

from contactladder.loading.coded import sorted_distinct

if TYPE_CHECKING:
    from contactladder.network import LadderNetwork

__all__ = [
    "remembered_layout",
    "layout_digest",
    "network_layout_key",
    "layout_order",
    "LAYOUT_VERSION",
    "layout_positions",
    "layout_areas",
    "layout_iterations",
    "SPACING",
    "LAYOUT_WORK",
    "MIN_ITERATIONS",
]

#: The version of the layout's method, part of :func:`layout_digest`: raise it when the same
#: input would give other positions, so that cached positions are never stale.
LAYOUT_VERSION = 2
#: Canvas units per person: a group of n people fills a disc of radius about SPACING * sqrt(n).
SPACING = 40.0
#: The work of one layout is bounded: iterations × (people + ties inside the groups) stays under
#: this, with at least :data:`MIN_ITERATIONS` iterations (about 1.5 s of CPU per 10 million).
LAYOUT_WORK = 12_000_000
#: The fewest iterations a large network's layout gets.
MIN_ITERATIONS = 30
# From this group size up igraph's grid variant of Fruchterman-Reingold is used: near-linear time.
_GRID_FROM = 400


def layout_positions(G: nx.Graph, **options: Any) -> dict[Hashable, tuple[float, float]]:
    """Seeded positions for every node of ``G``, people of one group near each other: the first
    half of :func:`layout_areas`, whose keywords it takes.

    >>> G = nx.Graph([(1, 2), (2, 3)])
    >>> layout_positions(G, group=None) == layout_areas(G, group=None)[0]
    True
    """
    return layout_areas(G, **options)[0]


def layout_areas(
    G: nx.Graph,
    *,
    group: str | None = "wijk",
    seed: int = 0,
    scale: float | None = None,
    niter: int = 500,
) -> tuple[dict[Hashable, tuple[float, float]], dict[str, tuple[float, float, float]]]:
    """Seeded positions for every node of ``G``, people of one group near each other, and the disc
    of each group: where a map writes the wijk's name.

    Parameters
    ----------
    G : networkx.Graph
        All people of the data (take the network at its last date, so that positions stay put
        across periods). It is not changed.
    group : str or None
        Node attribute whose values form the areas of the map (``"wijk"``); None lays everyone
        out as one group.
    seed : int
        Seed of the start positions and of the layout's random choices. The same graph and seed
        give the same positions, whatever the order in which nodes were added.
    scale : float or None
        None (the default) keeps the density of people constant, about :data:`SPACING` canvas
        units between neighbours, so big networks get a big canvas. A number fits the whole
        map into ``[-scale, scale]`` on both axes.
    niter : int
        Iterations of the force-directed layout (fewer for large networks: see Notes).

    Returns
    -------
    positions : dict
        Node -> ``(x, y)``, rounded to 0.1 canvas units, centred on (0, 0); y grows downwards as
        on a screen.
    areas : dict
        Group value -> ``(x, y, radius)`` of the disc its people fill, in the same canvas
        units as the positions; people without a group (value "") have no area.

    Notes
    -----
    Each group is laid out separately, so time is about that of one Fruchterman-Reingold run
    over all people: igraph's grid variant is used from 400 people in a group up, on integer
    graphs. The work is bounded (:func:`layout_iterations`): up to about 12,000 people and
    ties ``niter`` iterations, beyond that fewer, so that a layout takes about 2 s of CPU at
    most (50,000 people and 300,000 ties: 34 iterations). Ties between groups do not move
    people; they are drawn across the gap.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from(["a", "b"], wijk="Dieze"); G.add_node("c", wijk="Zuid")
    >>> positions, areas = layout_areas(G)
    >>> sorted(areas), areas["Dieze"][2] > areas["Zuid"][2]
    (['Dieze', 'Zuid'], True)
    """

    if G.number_of_nodes() == 0:
        return {}, {}
    groups: dict[str, list[Hashable]] = {}
    for node, value in G.nodes(data=group, default="") if group else ((n, "") for n in G):
        key = "" if value is None or value != value else str(value)
        groups.setdefault(key, []).append(node)
    # Largest group first; people without a group last; then by name: a stable order.
    order = sorted(groups, key=lambda k: (k == "", -len(groups[k]), k))
    members_of = [sorted(groups[key], key=_sort_key) for key in order]
    nodes = [node for members in members_of for node in members]
    inside = _ties_inside(G, nodes, [len(members) for members in members_of])
    rounds = layout_iterations(len(nodes), sum(len(edges) for edges in inside), niter=niter)
    discs = []
    for index, (members, edges) in enumerate(zip(members_of, inside)):
        unit = _layout_group(len(members), edges, seed=seed * 1009 + index, niter=rounds)
        radius = math.sqrt(len(members))
        discs.append((members, unit * radius, radius))
    centres = _pack([radius for _, _, radius in discs])
    xy = np.concatenate([points + centre for (_, points, _), centre in zip(discs, centres)])
    shift = (xy.min(axis=0) + xy.max(axis=0)) / 2
    xy -= shift
    if scale is None:
        factor = SPACING
    else:
        extent = float(np.abs(xy).max())
        factor = scale / extent if extent > 0 else 1.0
    xy = np.round(xy * factor, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    positions = {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy)}
    areas = {}
    for key, (_, _, radius), centre in zip(order, discs, centres):
        if key:
            x, y = np.round((centre - shift) * factor, 1) + 0.0
            areas[key] = (float(x), float(y), round(float(radius * factor), 1))
    return positions, areas


def layout_digest(
    G: nx.Graph,
    *,
    group: str | None = "wijk",
    seed: int = 0,
    scale: float | None = None,
    niter: int = 500,
) -> str:
    """A digest of everything that determines :func:`layout_areas` of ``G`` with these
    keywords: the people (ids and group values), the ties among them, the keywords and
    :data:`LAYOUT_VERSION`. Equal digests give equal layouts; a changed input, a new one.

    >>> G = nx.Graph([("a", "b")])
    >>> layout_digest(G) == layout_digest(nx.Graph([("b", "a")])) != layout_digest(G, seed=1)
    True
    """
    nodes = layout_order(G)
    index = {node: i for i, node in enumerate(nodes)}
    values = dict(G.nodes(data=group, default="")) if group else {}
    group_values = [values.get(node, "") for node in nodes]
    options = (group, seed, scale, niter)
    return _digest(nodes, group_values, np.sort(_pair_codes(G, index)), options)


def network_layout_key(
    net: LadderNetwork,
    *,
    group: str | None = "wijk",
    seed: int = 0,
    scale: float | None = None,
    niter: int = 500,
) -> tuple[str, list[Hashable]]:
    """:func:`layout_digest` and :func:`layout_order` of the network ``net`` (a
    :class:`~contactladder.network.LadderNetwork`) at the end of its data, as of its snapshot
    there, from its tables: the people present then, ``group`` as a column of the people
    (none: every value empty) and the pairs of its contacts, without building the graph.

    >>> from contactladder.network import LadderNetwork
    >>> net = LadderNetwork.from_path("data/zwolle-demo")
    >>> final = net.snapshot()
    >>> network_layout_key(net) == (layout_digest(final), layout_order(final))
    True
    """
    ids, a, b = net.contact_ends()
    present = (net.present_from.reindex(ids) < net.cutoff()).to_numpy()
    members = np.flatnonzero(present).tolist()
    texts = ids.tolist()
    members.sort(key=lambda code: _sort_key(texts[code]))
    nodes = [texts[code] for code in members]
    column = net.people[group].tolist() if group and net.has_column(group) else None
    group_values = [column[code] for code in members] if column is not None else [""] * len(nodes)
    place = np.full(len(ids), -1, dtype=np.int64)
    place[members] = np.arange(len(members))
    near, far = place[a], place[b]
    pairs = sorted_distinct(np.minimum(near, far) * max(len(nodes), 1) + np.maximum(near, far))
    options = (group, seed, scale, niter)
    return _digest(nodes, group_values, pairs, options), nodes


def _digest(
    nodes: list[Hashable], values: list[Any], pairs: np.ndarray, options: tuple[Any, ...]
) -> str:
    """The digest of people (``nodes`` in :func:`layout_order`, each with its group value),
    their ties (sorted ``low * n + high`` codes of their places in ``nodes``) and the layout's
    keywords ``(group, seed, scale, niter)``."""
    digest = hashlib.sha256(json.dumps([LAYOUT_VERSION, *options, len(nodes)]).encode())
    # Each person as the line ``json.dumps([type, id, group])``, all written at once.
    quoted = json.encoder.encode_basestring_ascii
    lines = []
    for node, value in zip(nodes, values):
        value = "" if value is None or value != value else str(value)
        kind, text = _sort_key(node)
        lines.append(f"[{quoted(kind)}, {quoted(text)}, {quoted(value)}]\n")
    digest.update("".join(lines).encode())
    digest.update(pairs.astype(np.int64).tobytes())
    return digest.hexdigest()


def layout_order(G: nx.Graph) -> list[Hashable]:
    """The nodes of ``G`` sorted by type name and text: the order :func:`layout_digest` sums
    them up in, whatever the order they were added in.

    >>> layout_order(nx.Graph([("b", "a"), (2, "a")]))
    [2, 'a', 'b']
    """
    return sorted(G, key=_sort_key)


def _sort_key(node: Hashable) -> tuple[str, str]:
    return (type(node).__name__, str(node))


def layout_iterations(people: int, ties: int, *, niter: int = 500) -> int:
    """The iterations a layout of ``people`` and ``ties`` gets: ``niter``, fewer when that
    would exceed :data:`LAYOUT_WORK`, never under :data:`MIN_ITERATIONS`.

    >>> layout_iterations(1_000, 2_000), layout_iterations(50_000, 300_000)
    (500, 34)
    """
    bounded = LAYOUT_WORK // max(people + ties, 1)
    return int(min(niter, max(MIN_ITERATIONS, bounded)))


def _ties_inside(G: nx.Graph, nodes: list[Hashable], sizes: list[int]) -> list[np.ndarray]:
    """For each group (``sizes`` consecutive ``nodes``), its ties as sorted unique pairs of
    indexes within the group, from one pass over the edges of ``G``."""
    index = {node: i for i, node in enumerate(nodes)}
    codes = sorted_distinct(_pair_codes(G, index))
    flat = np.column_stack([codes // len(nodes), codes % len(nodes)])
    starts = np.cumsum([0, *sizes])
    which = np.searchsorted(starts, flat, side="right") - 1
    keep = (which[:, 0] == which[:, 1]) & (flat[:, 0] != flat[:, 1])
    pairs, groups = flat[keep], which[keep, 0]
    return [
        (pairs[groups == number] - starts[number]).reshape(-1, 2) for number in range(len(sizes))
    ]


def _pair_codes(G: nx.Graph, index: dict[Hashable, int]) -> np.ndarray:
    """Each edge of ``G`` as one integer ``low * n + high`` of its ends' ``index``, in no
    particular order: read from the adjacency (each tie seen from both ends, kept once)."""
    adjacency = list(G.adjacency())
    lengths = np.fromiter(map(len, (others for _, others in adjacency)), np.int64, len(adjacency))
    ends = itertools.chain.from_iterable(others for _, others in adjacency)
    near = np.repeat(
        np.fromiter(map(index.__getitem__, (n for n, _ in adjacency)), np.int64), lengths
    )
    far = np.fromiter(map(index.__getitem__, ends), np.int64, int(lengths.sum()))
    once = near <= far
    return near[once] * max(len(index), 1) + far[once]


def _layout_group(n: int, edges: np.ndarray, *, seed: int, niter: int) -> np.ndarray:
    """Positions of ``n`` people in the unit disc, from their ``edges`` (pairs of indexes)."""
    if n == 1:
        return np.zeros((1, 2))
    graph = igraph.Graph(n=n, edges=edges.tolist())
    start = np.random.default_rng(seed).uniform(-1, 1, size=(n, 2)) * math.sqrt(n)
    previous = igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = graph.layout_fruchterman_reingold(
            seed=start.tolist(), niter=niter, grid="grid" if n > _GRID_FROM else "nogrid"
        )
    finally:
        igraph.set_random_number_generator(previous if previous is not None else random)
    points = np.asarray(layout.coords, dtype=float)
    points -= np.median(points, axis=0)
    # Into the unit disc with an even density: keep each person's direction from the centre and
    # the order of distances, but give the k-th nearest the radius sqrt(k / n). A dense core
    # opens up and far-flung people (no ties inside the group) come in to the rim.
    dist = np.hypot(points[:, 0], points[:, 1])
    rank = np.empty(n)
    rank[np.lexsort((np.arange(n), dist))] = np.arange(n)
    radius = np.sqrt((rank + 0.5) / n)
    angle = np.arctan2(points[:, 1], points[:, 0])
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _pack(radii: list[float], gap: float = 0.15) -> list[np.ndarray]:
    """Centres for discs of the given radii, largest first, along a spiral without overlap."""
    centres: list[np.ndarray] = []
    placed: list[float] = []
    for radius in radii:
        if not centres:
            centres.append(np.zeros(2))
            placed.append(radius)
            continue
        step = 0.05 * radius + 0.05
        t = 0.0
        while True:
            point = np.array([math.cos(t), math.sin(t)]) * step * t
            if all(
                np.hypot(*(point - c)) >= (radius + r) * (1 + gap) + 1
                for c, r in zip(centres, placed)
            ):
                break
            t += 0.1
        centres.append(point)
        placed.append(radius)
    return centres


def remembered_layout() -> Any:
    """:func:`layout_areas` that lays out each graph once: a second call with a graph of the
    same people, wijken and ties (:func:`layout_digest`) gives the first call's result, as a
    report's maps and timeline of one network do.

    >>> import networkx as nx
    >>> layout = remembered_layout()
    >>> layout(nx.Graph([(1, 2)])) is layout(nx.Graph([(1, 2)]))
    True
    """
    done: dict[str, Any] = {}

    def layout(G: nx.Graph) -> Any:
        digest = layout_digest(G)
        if digest not in done:
            done[digest] = layout_areas(G)
        return done[digest]

    return layout
