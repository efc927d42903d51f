"""Tests of contactladder.io.gexf: dynamic GEXF with rung spells, valid against the schemas."""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from helpers import DEMO, dataset, naive_current_on, spell_value_on, write_export_village
from helpers import EXPORT_CONTACTS as CONTACTS
from helpers import EXPORT_PEOPLE as PEOPLE
from helpers import anonymous_label as label
from helpers import nodes_by_label as by_label
from helpers import validate_gexf as validate
from lxml import etree

from contactladder.errors import UsageError
from contactladder.io.gexf import gexf_bytes, rung_spells, write_gexf
from contactladder.network.ladder_network import LadderNetwork

VERSIONS = ["1.3", "1.2draft"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_export_village(tmp_path / "village")


@pytest.fixture
def net(folder: Path) -> LadderNetwork:
    return LadderNetwork.from_path(folder)


def read_gexf(data: bytes) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(data))


@pytest.mark.parametrize("version", VERSIONS)
def test_gexf_declares_its_version_and_is_valid(net, version):
    data = gexf_bytes(net, version=version)
    root = etree.fromstring(data)
    namespace = {"1.3": "http://gexf.net/1.3", "1.2draft": "http://www.gexf.net/1.2draft"}
    assert etree.QName(root).namespace == namespace[version]
    assert root.get("version") == {"1.3": "1.3", "1.2draft": "1.2"}[version]
    validate(data)


def test_networkx_write_gexf_fails_the_schema(net, tmp_path):
    # The check has teeth: networkx's own writer puts a `name` attribute on <graph>.
    path = tmp_path / "networkx.gexf"
    nx.write_gexf(nx.Graph(nx.path_graph(3), name="village"), path, version="1.2draft")
    with pytest.raises(
        AssertionError, match="attribute 'name': The attribute 'name' is not allowed"
    ):
        validate(path.read_bytes())


@pytest.mark.parametrize("version", VERSIONS)
def test_gexf_reads_back_with_networkx(net, version):
    graph = read_gexf(gexf_bytes(net, version=version))
    assert graph.graph["mode"] == "dynamic"
    assert graph.number_of_nodes() == 5 and graph.number_of_edges() == 4
    nodes = by_label(graph)
    assert set(nodes) == {"Ouder 1", "Ouder 2", "Ouder 3", "Professional 1 (GGD)", "Vrijwilliger 1"}
    anna, bram, eva = (label(net, p) for p in ("ouder-anna", "ouder-bram", "ouder-eva"))
    carla = graph.nodes[nodes["Professional 1 (GGD)"]]
    assert (carla["role"], carla["organisation"], carla["wijk"], carla["focal"]) == (
        "professional",
        "GGD",
        "Dieze",
        False,
    )
    # Nodes start at their first presence: joined, or the first contact when earlier.
    starts = {label: graph.nodes[node]["start"] for label, node in nodes.items()}
    assert starts == {
        "Professional 1 (GGD)": "2023-12-01",
        anna: "2024-01-01",
        bram: "2024-01-10",
        "Vrijwilliger 1": "2024-03-01",
        eva: "2024-05-01",
    }
    edge = graph.edges[nodes[anna], nodes[bram]]
    assert edge["start"] == "2024-01-10"
    assert edge["weight"] == 5.0
    # One dynamic edge block: networkx gives every edge attribute as (value, start, end); the
    # tie's plain values have one spell, from its first contact.
    assert (edge["contacts"], edge["tie_type"], edge["activities"]) == (
        [(4, "2024-01-10", "None")],
        [("parent-parent", "2024-01-10", "None")],
        [("Koffie en Koters", "2024-01-10", "None")],
    )
    # A spell ends where the next one starts: no gap on Gephi's timeline.
    assert edge["rung"] == [
        (1, "2024-01-10", "2024-02-14"),
        (3, "2024-02-14", "2024-04-01"),
        (5, "2024-04-01", "None"),
    ]
    assert edge["rung_key"][-1] == ("steunen", "2024-04-01", "None")


def test_rung_spells_match_rung_history(net):
    graph = read_gexf(gexf_bytes(net, anonymize=False))
    history = net.rung_history()
    # Rises on the same day count once, at the highest rung of that day.
    history = history.drop_duplicates(["person_a", "person_b", "date"], keep="last")
    assert len(history) == 6
    for (a, b), rises in history.groupby(["person_a", "person_b"]):
        dates = [d.strftime("%Y-%m-%d") for d in rises["date"]]
        expected = list(zip(rises["rung"].tolist(), dates, [*dates[1:], "None"]))
        assert graph.edges[a, b]["rung"] == expected
        assert graph.edges[a, b]["start"] == dates[0]
        assert graph.edges[a, b]["weight"] == rises["rung"].max()
    # Bram and Carla met twice at the same rung: one spell. Anna and Carla reached kennen and
    # helpen on the same day: one spell at helpen.
    assert graph.edges["ouder-bram", "prof-carla"]["rung"] == [(2, "2024-03-05", "None")]
    assert graph.edges["ouder-anna", "prof-carla"]["rung"] == [(4, "2024-05-20", "None")]


@pytest.mark.parametrize("version", VERSIONS)
def test_one_attribute_block_per_class_with_a_dynamic_weight(net, version):
    root = etree.fromstring(gexf_bytes(net, version=version))
    namespaces = {"g": etree.QName(root).namespace}
    blocks = root.findall("g:graph/g:attributes", namespaces)
    assert [(block.get("class"), block.get("mode")) for block in blocks] == [
        ("node", "static"),
        ("edge", "dynamic"),
    ]
    weight = blocks[1].find("g:attribute[@id='weight']", namespaces)
    assert (weight.get("title"), weight.get("type")) == ("weight", "double")
    for edge in root.iterfind(".//g:edge", namespaces):

        def spells(name, edge=edge):
            return [
                (value.get("value"), value.get("start"), value.get("end"))
                for value in edge.iterfind(f".//g:attvalue[@for='{name}']", namespaces)
            ]

        # The weight follows the rung, and the last spell is the weight reached.
        assert spells("weight") == spells("rung")
        assert spells("weight")[-1][0] == edge.get("weight")
        assert spells("weight")[-1][2] is None


def test_rung_spells_are_keyed_by_exported_ids(net):
    spells = rung_spells(net, as_of="2024-03-31")
    assert all(source.startswith("n") and target.startswith("n") for source, target in spells)
    assert sorted(len(history) for history in spells.values()) == [1, 2]


@pytest.mark.parametrize("version", VERSIONS)
def test_gexf_as_of_cuts_the_history(net, version):
    data = gexf_bytes(net, as_of="2024-03-31", version=version)
    validate(data)
    graph = read_gexf(data)
    assert graph.graph["end"] == "2024-03-31"
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 2
    nodes = by_label(graph)
    edge = graph.edges[nodes[label(net, "ouder-anna")], nodes[label(net, "ouder-bram")]]
    assert edge["weight"] == 3.0
    assert edge["rung"][-1] == (3, "2024-02-14", "None")


@pytest.mark.parametrize("version", VERSIONS)
def test_gexf_with_times_of_day_uses_datetime(folder, version):
    contacts = folder / "contacts.csv"
    contacts.write_text(
        CONTACTS.replace("2024-02-14,ouder-bram", "2024-02-14T09:30,ouder-bram").replace(
            "2024-01-10,", "2024-01-10T10:00,"
        ),
        encoding="utf-8",
    )
    data = gexf_bytes(LadderNetwork.from_path(folder), version=version, anonymize=False)
    validate(data)
    # timeformat stays "date" (networkx raises KeyError on "dateTime"); the times are written.
    root = etree.fromstring(data)
    namespaces = {"g": etree.QName(root).namespace}
    assert root.find("g:graph", namespaces).get("timeformat") == "date"
    (edge,) = [
        edge
        for edge in root.iterfind(".//g:edge", namespaces)
        if {edge.get("source"), edge.get("target")} == {"ouder-anna", "ouder-bram"}
    ]
    assert edge.get("start") == "2024-01-10T10:00:00"
    spells = [
        (value.get("value"), value.get("start"), value.get("end"))
        for value in edge.iterfind(".//g:attvalue[@for='rung']", namespaces)
    ]
    # The praten contact on 14 February has no time (midnight), the delen one is at 9:30.
    assert spells == [
        ("1", "2024-01-10T10:00:00", "2024-02-14T00:00:00"),
        ("2", "2024-02-14T00:00:00", "2024-02-14T09:30:00"),
        ("3", "2024-02-14T09:30:00", "2024-04-01T00:00:00"),
        ("5", "2024-04-01T00:00:00", None),
    ]
    graph = read_gexf(data)
    assert graph.edges["ouder-anna", "ouder-bram"]["rung"] == [
        (int(level), start, str(end)) for level, start, end in spells
    ]


def test_gexf_is_deterministic(folder):
    first = gexf_bytes(LadderNetwork.from_path(folder))
    assert gexf_bytes(LadderNetwork.from_path(folder)) == first


def test_write_gexf_writes_the_bytes(net, tmp_path):
    path = write_gexf(net, tmp_path / "v.gexf", version="1.2draft")
    assert path.read_bytes() == gexf_bytes(net, version="1.2draft")


def test_gexf_unknown_version(net):
    with pytest.raises(UsageError, match=r"unknown GEXF version '1.1'; use 1.3 or 1.2draft"):
        gexf_bytes(net, version="1.1")


def test_names_drop_characters_xml_cannot_hold(folder):
    people = folder / "people.csv"
    people.write_text(PEOPLE.replace("Anna Jansen", "Anna\x07 Jansen"), encoding="utf-8")
    data = gexf_bytes(LadderNetwork.from_path(folder), anonymize=False)
    validate(data)
    assert by_label(read_gexf(data))["Anna Jansen"] == "ouder-anna"


@pytest.mark.skipif(not (DEMO / "contacts.csv").exists(), reason="no demo data")
@pytest.mark.parametrize("version", VERSIONS)
def test_demo_gexf_is_valid_and_complete(version):
    net = LadderNetwork.from_path(DEMO)
    data = gexf_bytes(net, version=version)
    validate(data)
    graph = read_gexf(data)
    snapshot = net.snapshot()
    assert graph.number_of_nodes() == snapshot.number_of_nodes()
    assert graph.number_of_edges() == snapshot.number_of_edges()
    assert sorted(rung for _, _, rung in snapshot.edges(data="rung")) == sorted(
        int(w) for _, _, w in graph.edges(data="weight")
    )
    assert sum(len(rungs) for _, _, rungs in graph.edges(data="rung")) == len(
        net.rung_history().drop_duplicates(["person_a", "person_b", "date"])
    )
    people = pd.read_csv(DEMO / "people.csv", keep_default_na=False)
    text = data.decode()
    for name in people["name"]:
        assert name not in text
    assert not any(f'"{person}"' in text for person in people["id"])


# --- the current view: spells that end when the tie ends -----------------------------------

LEVELS = {"kennen": 1, "praten": 2, "delen": 3, "helpen": 4, "steunen": 5}
# ann–bo at delen, down to kennen (with a long lapse) or ended, back at helpen; bo–cem ends.
UPS_AND_DOWNS = [
    ("2024-01-10", "ann", "bo", 3),
    ("2024-01-20", "bo", "cem", 1),
    ("2024-02-15", "ann", "bo", 1),
    ("2024-04-20", "ann", "bo", 4),
    ("2024-05-03", "ann", "cem", 5),
]


def current_case(name, folder):
    """A network and its contacts as ``date, a, b, rung`` rows (ids as exported with names)."""
    if name == "village":
        contacts = pd.read_csv(io.StringIO(CONTACTS), parse_dates=["date"])
        contacts = contacts.rename(columns={"person_a": "a", "person_b": "b"})
        return LadderNetwork.from_path(folder), contacts.assign(rung=contacts["rung"].map(LEVELS))
    contacts = pd.DataFrame(UPS_AND_DOWNS, columns=["date", "a", "b", "rung"])
    return LadderNetwork(dataset(UPS_AND_DOWNS)), contacts.assign(
        date=pd.to_datetime(contacts["date"])
    )


def edge_times(attrs):
    """The stretches of time an edge read by networkx is there, as (start, end) text."""
    return attrs.get("spells") or [(attrs["start"], attrs.get("end", "None"))]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("lapse", ["20d", "45d", "60d", "90d"])
@pytest.mark.parametrize("case", ["village", "ups-and-downs"])
@pytest.mark.parametrize("as_of", [None, "2024-03-31"])
def test_current_spells_follow_the_current_rung_day_by_day(folder, case, lapse, version, as_of):
    net, contacts = current_case(case, folder)
    data = gexf_bytes(
        net, view="current", lapse=lapse, anonymize=False, version=version, as_of=as_of
    )
    validate(data)
    graph = read_gexf(data)
    last = pd.Timestamp(as_of) if as_of else contacts["date"].max()
    for day in pd.date_range(contacts["date"].min() - pd.Timedelta(days=1), last):
        text = day.strftime("%Y-%m-%d")
        expected = naive_current_on(contacts, day, lapse)
        rungs = {
            frozenset((a, b)): spell_value_on(attrs["rung"], text)
            for a, b, attrs in graph.edges(data=True)
        }
        assert {pair: rung for pair, rung in rungs.items() if rung is not None} == expected, text
        there = {
            frozenset((a, b))
            for a, b, attrs in graph.edges(data=True)
            if spell_value_on([(1, *times) for times in edge_times(attrs)], text)
        }
        assert there == set(expected), text
    # nothing after the end: the ties current on the last day run on, the others have ended
    for a, b, attrs in graph.edges(data=True):
        open_end = edge_times(attrs)[-1][1] == "None"
        assert open_end == (frozenset((a, b)) in naive_current_on(contacts, last, lapse))
        assert attrs["rung"][-1][2] == ("None" if open_end else edge_times(attrs)[-1][1])


def test_current_tie_that_ended_and_came_back_has_spells():
    net, _ = current_case("ups-and-downs", None)
    text = gexf_bytes(net, view="current", lapse="30d", anonymize=False).decode()
    edges = {
        frozenset(re.search(r'source="(\w+)" target="(\w+)"', edge).groups()): edge
        for edge in text.split("<edge ")[1:]
    }
    # ann–bo: ended on 9 February, back on the 15th, ended again, back in April for good
    assert (
        edges[frozenset(("ann", "bo"))]
        .split(">", 1)[1]
        .startswith(
            "\n        <spells>\n"
            '          <spell start="2024-01-10" end="2024-02-08" />\n'
            '          <spell start="2024-02-15" end="2024-03-15" />\n'
            '          <spell start="2024-04-20" />\n        </spells>'
        )
    )
    assert 'weight="1" start="2024-01-20" end="2024-02-18">' in edges[frozenset(("bo", "cem"))]


def test_current_view_of_times_of_day_ends_to_the_second():
    net = LadderNetwork(
        dataset([("2024-01-10T10:00", "ann", "bo", 2), ("2024-01-30", "bo", "cem", 1)])
    )
    text = gexf_bytes(net, view="current", lapse="1d", anonymize=False).decode()
    validate(text.encode())
    assert 'start="2024-01-10T10:00:00" end="2024-01-11T09:59:59"' in text


def test_reached_view_is_the_default(net):
    assert gexf_bytes(net, view="reached") == gexf_bytes(net)
    with pytest.raises(UsageError, match="unknown view"):
        gexf_bytes(net, view="active")
    with pytest.raises(UsageError, match="not a duration"):
        gexf_bytes(net, view="current", lapse="soon")
