"""Who would lose touch if someone left: the people a person's leaving cuts off.

When a person leaves, the rest of their connected component may fall apart into pieces. The
people outside the largest of those pieces have lost their way to the larger part of the village:
they are *cut off* by that person. Only an articulation point (a node whose removal disconnects
its component) cuts anyone off.

Examples
--------
A path 1-2-3-4 with a spur 3-5: without 3, both 4 and 5 are alone, and 1-2 is the larger piece.

>>> import networkx as nx
>>> cut_off(nx.Graph([(1, 2), (2, 3), (3, 4), (3, 5)]))
{1: 0, 2: 1, 3: 2, 4: 0, 5: 0}
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

__all__ = ["cut_off"]


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
    joined by the articulation points): one walk over the tree gives, for every articulation
    point, the sizes of the pieces below it, and the piece above is the rest. This takes
    O(n + m) time for n nodes and m edges, where removing each node in turn would take
    O(n (n + m)).

    Examples
    --------
    A star: its centre cuts off every leaf but one (the "larger part" is a single leaf).

    >>> cut_off(nx.star_graph(3))
    {0: 2, 1: 0, 2: 0, 3: 0}
    >>> cut_off(nx.cycle_graph(4))
    {0: 0, 1: 0, 2: 0, 3: 0}
    """
    found = dict.fromkeys(G, 0)
    for component in nx.connected_components(G):
        if len(component) >= 3:
            found.update(_in_component(G.subgraph(component)))
    return found


def _in_component(component: nx.Graph) -> dict[Hashable, int]:
    """The people each articulation point of a connected graph cuts off."""
    cuts = set(nx.articulation_points(component))
    if not cuts:
        return {}
    tree = nx.Graph()
    weight = {("cut", v): 1 for v in cuts}
    for number, block in enumerate(nx.biconnected_components(component)):
        weight[("block", number)] = sum(1 for v in block if v not in cuts)
        tree.add_edges_from((("block", number), ("cut", v)) for v in block & cuts)
    root = ("block", 0)
    parent = dict(nx.bfs_predecessors(tree, root))
    below = dict(weight)  # the people in the subtree of each node of the tree
    for node in reversed([root, *parent]):
        if node in parent:
            below[parent[node]] += below[node]
    total = component.number_of_nodes()
    found = {}
    for v in cuts:
        node = ("cut", v)
        pieces = [below[child] for child in tree[node] if parent.get(child) == node]
        pieces.append(total - below[node])
        found[v] = total - 1 - max(pieces)
    return found
