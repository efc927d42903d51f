"""Who would lose touch if someone left (contactladder.analysis.cut_off), against the naive
computation: remove each node in turn and count."""

import random

import networkx as nx
import numpy as np
import pytest
from helpers import naive_cut_off

from contactladder.analysis.cut_off import cut_off, local_bridge_mask


@pytest.mark.parametrize("seed", range(40))
def test_cut_off_agrees_with_removing_each_node(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 14)
    G = nx.gnp_random_graph(n, rng.choice([0.1, 0.2, 0.3, 0.5]), seed=seed)
    G = nx.relabel_nodes(G, {v: f"p{v}" for v in G})
    edges = sorted(G.edges)
    assert cut_off(G) == naive_cut_off(G)
    assert sorted(G.edges) == edges  # the graph is not changed


@pytest.mark.parametrize(
    "graph, expected",
    [
        (nx.Graph(), {}),
        (nx.empty_graph(2), {0: 0, 1: 0}),
        (nx.path_graph(2), {0: 0, 1: 0}),
        (nx.path_graph(5), {0: 0, 1: 1, 2: 2, 3: 1, 4: 0}),
        (nx.barbell_graph(3, 0), {0: 0, 1: 0, 2: 2, 3: 2, 4: 0, 5: 0}),
    ],
)
def test_cut_off_by_hand(graph, expected):
    assert cut_off(graph) == expected


def test_cut_off_refuses_a_directed_graph():
    with pytest.raises(nx.NetworkXNotImplemented):
        cut_off(nx.DiGraph([(1, 2)]))


@pytest.mark.parametrize("seed", range(30))
def test_cut_off_on_several_components_isolated_people_and_loops(seed):
    """igraph's blocks give networkx's values on forests of pieces, with people alone and
    self-loops (which cut no one off)."""
    rng = random.Random(seed)
    parts = [
        nx.gnp_random_graph(rng.randint(1, 25), rng.choice([0.05, 0.1, 0.2]), seed=seed + k)
        for k in range(rng.randint(2, 5))
    ]
    G = nx.disjoint_union_all([*parts, nx.empty_graph(rng.randint(0, 3))])
    G.add_edges_from((v, v) for v in rng.sample(list(G), min(2, len(G))))
    G = nx.relabel_nodes(G, {v: f"p{v:02d}" for v in G})
    without_loops = nx.Graph(G)
    without_loops.remove_edges_from(nx.selfloop_edges(G))
    assert cut_off(G) == naive_cut_off(without_loops)
    assert list(cut_off(G)) == list(G)  # in the graph's order


@pytest.mark.parametrize("seed", range(20))
def test_local_bridge_mask_agrees_with_networkx(seed):
    """The ties whose ends have no one in common, as networkx.local_bridges, self-loops too."""
    rng = random.Random(seed)
    G = nx.gnp_random_graph(rng.randint(2, 30), rng.choice([0.05, 0.1, 0.3]), seed=seed)
    G.add_edges_from((v, v) for v in rng.sample(list(G), 2))
    expected = {frozenset(edge) for edge in nx.local_bridges(G, with_span=False)}
    ties = [(a, b) for a, b in G.edges() if a != b]
    a, b = (np.array([tie[k] for tie in ties], dtype=np.int64) for k in (0, 1))
    found = local_bridge_mask(G, a, b).tolist()
    assert found == [frozenset(tie) in expected for tie in ties]
