"""Who would lose touch if someone left: the people a person's leaving cuts off.

When a person leaves, the rest of their connected component may fall apart into pieces. The
people outside the largest of those pieces have lost their way to the larger part of the village:
they are *cut off* by that person. Only an articulation point (a node whose removal disconnects
its component) cuts anyone off.

The other measures of a network's structure that :mod:`contactladder.analysis.brokers` reads from
the same igraph graph live here too: :func:`bridges` (ties whose loss splits a component) and
:func:`local_bridge_mask` (ties whose ends have no one in common), with :func:`as_igraph`, the
graph on the nodes' numbers that they share.

Examples
--------
A path 1-2-3-4 with a spur 3-5: without 3, both 4 and 5 are alone, and 1-2 is the larger piece.

>>> import networkx as nx
>>> cut_off(nx.Graph([(1, 2), (2, 3), (3, 4), (3, 5)]))
{1: 0, 2: 1, 3: 2, 4: 0, 5: 0}
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise

import igraph
import networkx as nx
import numpy as np

from contactladder.analysis.village_index import ranges

__all__ = [
    "as_igraph",
    "bridges",
    "cut_off",
    "cut_off_counts",
    "local_bridge_codes",
    "local_bridge_mask",
    "tie_rows",
]


@nx.utils.not_implemented_for("directed")
def cut_off(G: nx.Graph) -> dict[Hashable, int]:
    """For every node: how many people lose touch with the larger part of its component if it
    left.

    Removing node ``v`` from its connected component of ``n`` nodes leaves pieces (the connected
    components of the rest); ``cut_off[v]`` is ``n - 1`` minus the size of the largest piece,
    so 0 for every node that is not an articulation point.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph; it is not changed.

    Returns
    -------
    dict
        Node -> number of people cut off, for every node of ``G`` in the graph's order.

    Raises
    ------
    networkx.NetworkXNotImplemented
        For a directed graph.

    Notes
    -----
    The pieces are read from the block-cut tree (the blocks are the biconnected components,
    joined by the articulation points, both found by igraph): one walk over the tree gives, for
    every articulation point, the sizes of the pieces below it, and the piece above is the rest.
    This takes O(n + m) time for n nodes and m edges, where removing each node in turn would
    take O(n (n + m)). Self-loops and repeated ties change no piece and are left out.

    Examples
    --------
    A star: its centre cuts off every leaf but one (the "larger part" is a single leaf).

    >>> cut_off(nx.star_graph(3))
    {0: 2, 1: 0, 2: 0, 3: 0}
    >>> cut_off(nx.cycle_graph(4))
    {0: 0, 1: 0, 2: 0, 3: 0}
    """
    nodes, graph = as_igraph(G)
    return dict(zip(nodes, cut_off_counts(graph.simplify()).tolist()))


def cut_off_counts(graph: igraph.Graph) -> np.ndarray:
    """:func:`cut_off` of a simple igraph graph, by vertex number, through its block-cut forest:
    the articulation points (tree nodes ``0 .. c-1``, each one person) and the blocks (tree nodes
    ``c ..``, each their people who are no articulation point), with one root joining a node of
    every tree.

    >>> cut_off_counts(igraph.Graph(edges=[(0, 1), (1, 2)])).tolist()
    [0, 1, 0]
    """
    n = graph.vcount()
    blocks, cuts = graph.biconnected_components(return_articulation_points=True)
    found = np.zeros(n, dtype=np.int64)
    if not cuts:
        return found
    cuts = np.asarray(sorted(cuts), dtype=np.int64)
    place = np.full(n, -1, dtype=np.int64)
    place[cuts] = np.arange(len(cuts))
    members = [np.asarray(block, dtype=np.int64) for block in blocks]
    owner = np.repeat(np.arange(len(members)), [len(block) for block in members])
    member = place[np.concatenate(members)]
    weight = np.concatenate([np.ones(len(cuts), dtype=np.int64), np.zeros(len(members), int)])
    np.add.at(weight, len(cuts) + owner[member < 0], 1)
    linked = member >= 0
    links = np.column_stack([member[linked], len(cuts) + owner[linked]])
    tree = igraph.Graph(n=len(weight) + 1, edges=links.tolist())
    membership = np.asarray(tree.connected_components().membership[:-1])
    _, firsts = np.unique(membership, return_index=True)
    tree.add_edges([(len(weight), int(node)) for node in firsts])
    order, layers, parents = tree.bfs(len(weight))
    parent = np.asarray(parents, dtype=np.int64)
    below = np.append(weight, 0)
    for start, stop in reversed(list(pairwise(layers))[1:]):
        layer = np.asarray(order[start:stop])
        np.add.at(below, parent[layer], below[layer])
    largest_child = np.zeros(len(weight) + 1, dtype=np.int64)
    inner = np.asarray(order[layers[1] :])
    np.maximum.at(largest_child, parent[inner], below[inner])
    components = graph.connected_components()
    total = np.asarray(components.sizes())[np.asarray(components.membership)[cuts]]
    here = np.arange(len(cuts))
    found[cuts] = total - 1 - np.maximum(largest_child[here], total - below[here])
    return found


def local_bridge_mask(G: nx.Graph, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the two ends of each tie ``a[t] - b[t]`` (numbers of the nodes of ``G``) have no
    neighbour in common, as :func:`networkx.local_bridges` (a self-loop makes a person their
    own neighbour): the neighbours of the end with fewer ties are looked up among the ties of
    the other.

    >>> local_bridge_mask(nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)]), np.array([0, 2]),
    ...     np.array([1, 3])).tolist()
    [False, True]
    """
    code = {node: number for number, node in enumerate(G)}
    pairs = np.asarray([(code[u], code[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    return local_bridge_codes(G.number_of_nodes(), pairs, a, b)


def local_bridge_codes(n: int, pairs: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`local_bridge_mask` of the graph on the nodes ``0 .. n-1`` whose ties (each once,
    self-loops too) are the rows of ``pairs``.

    >>> pairs = np.array([(0, 1), (1, 2), (2, 0), (2, 3)])
    >>> local_bridge_codes(4, pairs, pairs[:, 0], pairs[:, 1]).tolist()
    [False, False, False, True]
    """
    ends = np.concatenate([pairs[:, 0], pairs[:, 1][pairs[:, 0] != pairs[:, 1]]])
    others = np.concatenate([pairs[:, 1], pairs[:, 0][pairs[:, 0] != pairs[:, 1]]])
    keys = np.sort(ends * n + others)  # every (person, neighbour), loops once
    keys = keys[np.append(True, keys[1:] != keys[:-1])] if len(keys) else keys
    indptr = np.searchsorted(keys // max(n, 1), np.arange(n + 1))
    degree = np.diff(indptr)
    small = np.where(degree[a] <= degree[b], a, b)
    large = np.where(degree[a] <= degree[b], b, a)
    rows = ranges(indptr[small], indptr[small + 1])
    tie = np.repeat(np.arange(len(a)), degree[small])
    wanted = large[tie] * n + keys[rows] % max(n, 1)
    place = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    common = np.zeros(len(a), dtype=bool)
    common[tie[keys[place] == wanted]] = True
    return ~common


def bridges(G: nx.Graph) -> set[frozenset[Hashable]]:
    """The ties of ``G`` whose loss splits its component (as :func:`networkx.bridges`; two
    ties between the same people are no bridge), computed by igraph.

    >>> sorted(map(sorted, bridges(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))))
    [[3, 4]]
    """
    nodes, graph = as_igraph(G)
    ends = [graph.es[number].tuple for number in graph.bridges()]
    return {frozenset((nodes[a], nodes[b])) for a, b in ends}


def tie_rows(G: nx.Graph, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The ties ``a[t] - b[t]`` (numbers of the nodes of ``G``) and the self-loops of ``G``, as
    the rows :func:`local_bridge_codes` takes.

    >>> tie_rows(nx.Graph([(0, 1), (1, 1)]), np.array([0]), np.array([1])).tolist()
    [[0, 1], [1, 1]]
    """
    loops = {node for node, _ in nx.selfloop_edges(G)}
    looped = [number for number, node in enumerate(G) if node in loops]
    return np.concatenate([np.column_stack([a, b]), np.column_stack([looped, looped])]).astype(
        np.int64
    )


def as_igraph(G: nx.Graph) -> tuple[list[Hashable], igraph.Graph]:
    """The nodes of ``G`` in its order, and its ties (without loops) on their numbers.

    >>> as_igraph(nx.Graph([("a", "b"), ("b", "b")]))[1].get_edgelist()
    [(0, 1)]
    """
    nodes = list(G)
    code = {node: number for number, node in enumerate(nodes)}
    if G.is_multigraph() or G.is_directed():
        ends = [(code[a], code[b]) for a, b in G.edges() if a != b]
        return nodes, igraph.Graph(n=len(nodes), edges=ends)
    # Each tie once, from the end that comes first, in the order of G.edges(): in arrays.
    others: list[Hashable] = []
    degree = np.zeros(len(nodes), dtype=np.int64)
    for number, (_, around) in enumerate(G.adjacency()):
        degree[number] = len(around)
        others.extend(around)
    one = np.repeat(np.arange(len(nodes), dtype=np.int64), degree)
    other = np.fromiter(map(code.__getitem__, others), np.int64, len(others))
    first = one < other
    # Pairs of Python ints: igraph reads them several times faster than the rows of an array.
    edges = zip(one[first].tolist(), other[first].tolist(), strict=True)
    return nodes, igraph.Graph(n=len(nodes), edges=list(edges))
