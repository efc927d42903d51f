"""Tests of contactladder.io.graphml: one snapshot with plain attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from helpers import anonymous_label as label
from helpers import nodes_by_label as by_label
from helpers import write_export_village

from contactladder.io.export import export
from contactladder.io.graphml import graphml_graph, write_graphml
from contactladder.network.ladder_network import LadderNetwork


@pytest.fixture
def net(tmp_path: Path) -> LadderNetwork:
    return LadderNetwork.from_path(write_export_village(tmp_path / "village"))


def test_graphml_snapshot_reads_back_with_every_attribute(net, tmp_path):
    (path,) = export(net, tmp_path / "snapshot.graphml", as_of="2024-03-31", lang="en")
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 2
    carla = by_label(graph)["Professional 1 (GGD)"]
    assert graph.nodes[carla] == {
        "label": "Professional 1 (GGD)",
        "role": "professional",
        "organisation": "GGD",
        "wijk": "Dieze",
        "joined": "2023-12-01",
        "present_from": "2023-12-01",
        "focal": False,
        "ties": 1,
    }
    nodes = by_label(graph)
    anna, bram = label(net, "ouder-anna", "en"), label(net, "ouder-bram", "en")
    edge = graph.edges[nodes[anna], nodes[bram]]
    assert {edge.pop("source_label"), edge.pop("target_label")} == {anna, bram}
    assert edge == {
        "weight": 3,
        "tie_type": "parent-parent",
        "rung": 3,
        "rung_key": "delen",
        "rung_label": "Sharing experiences",
        "first_contact": "2024-01-10",
        "last_contact": "2024-02-14",
        "contacts": 3,
        "activities": "Koffie en Koters",
    }


def test_graphml_graph_has_plain_attributes_only(net):
    graph = graphml_graph(net, anonymize=False)
    plain = (str, int, float, bool)
    assert all(
        isinstance(value, plain) for _, attrs in graph.nodes(data=True) for value in attrs.values()
    )
    assert all(
        isinstance(value, plain)
        for _, _, attrs in graph.edges(data=True)
        for value in attrs.values()
    )
    assert graph.nodes["ouder-anna"]["phone"] == "0612345678"
    assert graph.nodes["ouder-eva"]["joined"] == "2024-05-01"


def test_write_graphml_reads_back_as_the_graph(net, tmp_path):
    path = write_graphml(net, tmp_path / "v.graphml")
    graph, read = graphml_graph(net), nx.read_graphml(path)
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert list(read.edges(data=True)) == list(graph.edges(data=True))
    assert read.graph["name"] == graph.graph["name"] == "village"
