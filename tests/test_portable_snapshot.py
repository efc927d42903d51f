"""Tests of ``snapshot(as_of, portable=True)`` and ``contactladder.network.portable``: networkx's
own writers (GraphML, GEXF, GML, node-link JSON) take the portable graph as it is, and what
networkx reads back is the default snapshot, typed as text and numbers.
"""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from helpers import DEMO, dataset

from contactladder.network import LadderNetwork
from contactladder.network.portable import portable_graph, portable_value
from contactladder.words import LIST_SEPARATOR


def write_graphml(G, path):
    nx.write_graphml(G, path)
    return nx.read_graphml(path)


def write_gexf(G, path):
    nx.write_gexf(G, path)
    return nx.read_gexf(path)


def write_gml(G, path):
    nx.write_gml(G, path)
    return nx.read_gml(path)


def write_node_link(G, path):
    path.write_text(json.dumps(nx.node_link_data(G, edges="edges")), encoding="utf-8")
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


WRITERS = [write_graphml, write_gexf, write_gml, write_node_link]
# What a reader adds of its own: GEXF gives every node a label and every edge an id.
READER_ATTRIBUTES = {"label", "id"}


def tiny_network():
    """Times of day, a person without a join date, a list of two activities, a wijk with é."""
    data = dataset(
        [
            ("2024-01-05 09:30", "ann", "bo", 1, "Kindercafé"),
            ("2024-02-09", "bo", "ann", 3, "peutergym"),
            ("2024-02-20 15:00", "bo", "cem", 2),
        ],
        {"ann": ("parent", "Zwolle-Zuid", None), "cem": ("professional", "Dieze", "2024-01-01")},
    )
    return LadderNetwork(data)


def networks():
    return {"tiny": tiny_network(), "demo": LadderNetwork.from_path(DEMO)}


def assert_reads_as(read, typed):
    """``read`` (from a file) holds ``typed`` (an attribute dict of the default snapshot)."""
    assert set(read) - set(typed) <= READER_ATTRIBUTES, set(read) - set(typed)
    for key, value in typed.items():
        if value is None or (not isinstance(value, tuple) and pd.isna(value)):
            assert key not in read, key
        elif isinstance(value, pd.Timestamp):
            assert pd.Timestamp(read[key]) == value, key
        elif isinstance(value, tuple):
            assert read[key] == LIST_SEPARATOR.join(value), key
        elif isinstance(value, bool):
            assert read[key] in (0, 1) and bool(read[key]) is value, key  # GML has no booleans
        else:
            assert read[key] == value and type(read[key]) is type(value), key


@pytest.mark.parametrize("name", ["tiny", "demo"])
@pytest.mark.parametrize("write", WRITERS, ids=lambda write: write.__name__)
def test_every_networkx_writer_takes_the_portable_snapshot(tmp_path, name, write):
    net = networks()[name]
    as_of = "2024-02-15" if name == "tiny" else None
    typed = net.snapshot(as_of)
    read = write(net.snapshot(as_of, portable=True), tmp_path / "graph")
    assert sorted(read.nodes) == sorted(typed.nodes)
    assert {frozenset(edge) for edge in read.edges} == {frozenset(edge) for edge in typed.edges}
    for node, attrs in typed.nodes(data=True):
        assert_reads_as(read.nodes[node], attrs)
    for a, b, attrs in typed.edges(data=True):
        assert_reads_as(read.edges[a, b], attrs)


@pytest.mark.parametrize("write", WRITERS, ids=lambda write: write.__name__)
def test_the_default_snapshot_keeps_typed_dates_that_writers_refuse(tmp_path, write):
    G = tiny_network().snapshot()
    assert isinstance(G.edges["ann", "bo"]["first_contact"], pd.Timestamp)
    assert G.edges["ann", "bo"]["activities"] == ("Kindercafé", "peutergym")
    with pytest.raises((TypeError, ValueError, nx.NetworkXError)):
        write(G, tmp_path / "graph")


def test_dates_of_one_attribute_all_with_time_or_all_without():
    G = tiny_network().snapshot(portable=True)
    # first contacts have times of day (09:30, 15:00): every one is written with its time
    assert G.edges["ann", "bo"]["first_contact"] == "2024-01-05T09:30:00"
    assert G.edges["bo", "cem"]["first_contact"] == "2024-02-20T15:00:00"
    assert G.edges["ann", "bo"]["last_contact"] == "2024-02-09T00:00:00"
    # join dates are dates; ann has none, so she has no joined attribute
    assert G.nodes["cem"]["joined"] == "2024-01-01" and "joined" not in G.nodes["ann"]
    assert G.edges["ann", "bo"]["activities"] == "Kindercafé | peutergym"


def test_portable_graph_copies_and_keeps_the_kind_of_graph():
    G = nx.MultiDiGraph(name="x", made=pd.Timestamp("2024-05-01"))
    G.add_node(1, size=np.float32(1.5), seen=np.datetime64("2024-01-05T10:00"), flag=np.True_)
    G.add_edge(1, 2, key="k", weight=np.int64(4), tags=frozenset({"b", "a"}), gone=pd.NA)
    H = portable_graph(G)
    assert type(H) is nx.MultiDiGraph and list(H.edges(keys=True)) == [(1, 2, "k")]
    assert H.graph == {"name": "x", "made": "2024-05-01"}
    assert H.nodes[1] == {"size": 1.5, "seen": "2024-01-05T10:00:00", "flag": True}
    assert type(H.nodes[1]["size"]) is float and type(H.nodes[1]["flag"]) is bool
    assert H.edges[1, 2, "k"] == {"weight": 4, "tags": "a | b"}
    assert type(H.edges[1, 2, "k"]["weight"]) is int
    # the input is unchanged
    assert isinstance(G.nodes[1]["seen"], np.datetime64) and G.edges[1, 2, "k"]["gone"] is pd.NA


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        (float("nan"), None),
        (pd.NaT, None),
        (np.nan, None),
        ("", ""),
        ((), ""),
        (["a", 1], "a | 1"),
        (np.int32(7), 7),
        (np.bool_(False), False),
        (pd.Timedelta("1D"), "1 days 00:00:00"),
        ({"a": 1}, "{'a': 1}"),
    ],
)
def test_portable_value(value, expected):
    assert portable_value(value) == expected
    assert type(portable_value(value)) is type(expected)
