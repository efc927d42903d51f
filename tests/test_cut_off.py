"""Who would lose touch if someone left (contactladder.analysis.cut_off), against the naive
computation: remove each node in turn and count."""

import random

import networkx as nx
import pytest
from helpers import naive_cut_off

from contactladder.analysis.cut_off import cut_off


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
