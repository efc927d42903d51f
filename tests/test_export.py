"""Tests of contactladder.export: GEXF with time spells, GraphML, CSV and XLSX."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import etree

from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.io.export import (
    export,
    export_paths,
    gexf_bytes,
    graphml_graph,
    nodes_table,
    ties_table,
)
from contactladder.privacy import person_label
from contactladder.network.ladder_network import LadderNetwork

SCHEMAS = Path(__file__).parent / "schemas"
DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"
NAMESPACE_SCHEMA = {"http://gexf.net/1.3": SCHEMAS / "gexf-1.3" / "gexf.xsd",
                    "http://www.gexf.net/1.2draft": SCHEMAS / "gexf-1.2draft" / "gexf.xsd"}
VERSIONS = ["1.3", "1.2draft"]

PEOPLE = """\
id,role,name,organisation,wijk,joined,phone
ouder-anna,parent,Anna Jansen,,Dieze,2024-01-01,0612345678
ouder-bram,parent,Bram Smit,,Dieze,,0687654321
prof-carla,professional,Carla Visser,GGD,Dieze,2023-12-01,
vrijw-dirk,volunteer,Dirk de Wit,,Stadshagen,2024-03-01,
ouder-eva,parent,Eva Bakker,,Stadshagen,2024-05-01,
"""
CONTACTS = """\
date,person_a,person_b,rung,activity,note
2024-01-10,ouder-anna,ouder-bram,kennen,Koffie en Koters,Anna vertelde over Xylofoonstraat
2024-02-14,ouder-bram,ouder-anna,delen,,
2024-02-14,ouder-anna,ouder-bram,praten,,
2024-03-05,ouder-bram,prof-carla,praten,peutergym,
2024-04-01,ouder-anna,ouder-bram,steunen,,
2024-04-02,vrijw-dirk,ouder-anna,kennen,taalplezier,
2024-05-20,ouder-bram,prof-carla,praten,Koffie en Koters,
2024-05-20,ouder-anna,prof-carla,kennen,,
2024-05-20,ouder-anna,prof-carla,helpen,,
"""
# Everything an anonymised export must not contain: names, ids, the note, the further column.
PRIVATE = ["Anna", "Jansen", "Bram", "Smit", "Carla", "Visser", "Dirk", "Eva", "Bakker",
           "ouder-anna", "ouder-bram", "prof-carla", "vrijw-dirk", "ouder-eva", "Xylofoon",
           "0612345678", "phone"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "village"
    data.mkdir()
    (data / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (data / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    return data


@pytest.fixture
def net(folder: Path) -> LadderNetwork:
    return LadderNetwork.from_path(folder)


def validate(data: bytes) -> None:
    """Validate a GEXF document against the official schema of the version it declares."""
    document = etree.fromstring(data)
    namespace = etree.QName(document).namespace
    schema = etree.XMLSchema(etree.parse(str(NAMESPACE_SCHEMA[namespace])))
    if not schema.validate(document):
        raise AssertionError(str(schema.error_log))


def read_gexf(data: bytes) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(data))


def by_label(graph: nx.Graph) -> dict:
    return {attrs["label"]: node for node, attrs in graph.nodes(data=True)}


def label(net: LadderNetwork, person: str, lang: str = "nl") -> str:
    """The anonymous label a person gets ("Ouder 2"); numbers do not follow ids or join dates."""
    return person_label(net.snapshot().nodes[person], lang=lang)


# --- GEXF ---------------------------------------------------------------------------------------

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
    with pytest.raises(AssertionError, match="attribute 'name': The attribute 'name' is not "
                                             "allowed"):
        validate(path.read_bytes())


@pytest.mark.parametrize("version", VERSIONS)
def test_gexf_reads_back_with_networkx(net, version):
    graph = read_gexf(gexf_bytes(net, version=version))
    assert graph.graph["mode"] == "dynamic"
    assert graph.number_of_nodes() == 5 and graph.number_of_edges() == 4
    nodes = by_label(graph)
    assert set(nodes) == {"Ouder 1", "Ouder 2", "Ouder 3", "Professional 1 (GGD)",
                          "Vrijwilliger 1"}
    anna, bram, eva = (label(net, p) for p in ("ouder-anna", "ouder-bram", "ouder-eva"))
    carla = graph.nodes[nodes["Professional 1 (GGD)"]]
    assert (carla["role"], carla["organisation"], carla["wijk"], carla["focal"]) == (
        "professional", "GGD", "Dieze", False)
    # Nodes start at their first presence: joined, or the first contact when earlier.
    starts = {label: graph.nodes[node]["start"] for label, node in nodes.items()}
    assert starts == {"Professional 1 (GGD)": "2023-12-01", anna: "2024-01-01",
                      bram: "2024-01-10", "Vrijwilliger 1": "2024-03-01", eva: "2024-05-01"}
    edge = graph.edges[nodes[anna], nodes[bram]]
    assert edge["start"] == "2024-01-10"
    assert edge["weight"] == 5.0
    assert (edge["contacts"], edge["tie_type"], edge["activities"]) == (
        4, "parent-parent", "Koffie en Koters")
    assert edge["rung"] == [(1, "2024-01-10", "2024-02-13"), (3, "2024-02-14", "2024-03-31"),
                            (5, "2024-04-01", "None")]
    assert edge["rung_key"][-1] == ("steunen", "2024-04-01", "None")


def test_rung_spells_match_rung_history(net):
    graph = read_gexf(gexf_bytes(net, anonymize=False))
    history = net.rung_history()
    # Rises on the same day count once, at the highest rung of that day.
    history = history.drop_duplicates(["person_a", "person_b", "date"], keep="last")
    assert len(history) == 6
    for (a, b), rises in history.groupby(["person_a", "person_b"]):
        dates = [d.strftime("%Y-%m-%d") for d in rises["date"]]
        ends = [(d - pd.Timedelta(days=1)).strftime("%Y-%m-%d") for d in rises["date"][1:]]
        expected = list(zip(rises["rung"].tolist(), dates, ends + ["None"]))
        assert graph.edges[a, b]["rung"] == expected
        assert graph.edges[a, b]["start"] == dates[0]
        assert graph.edges[a, b]["weight"] == rises["rung"].max()
    # Bram and Carla met twice at the same rung: one spell. Anna and Carla reached kennen and
    # helpen on the same day: one spell at helpen.
    assert graph.edges["ouder-bram", "prof-carla"]["rung"] == [(2, "2024-03-05", "None")]
    assert graph.edges["ouder-anna", "prof-carla"]["rung"] == [(4, "2024-05-20", "None")]


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
    contacts.write_text(CONTACTS.replace("2024-02-14,ouder-bram", "2024-02-14T09:30,ouder-bram")
                        .replace("2024-01-10,", "2024-01-10T10:00,"), encoding="utf-8")
    data = gexf_bytes(LadderNetwork.from_path(folder), version=version, anonymize=False)
    validate(data)
    # networkx cannot read timeformat="dateTime" (KeyError), so read the spells with lxml.
    root = etree.fromstring(data)
    namespaces = {"g": etree.QName(root).namespace}
    assert root.find("g:graph", namespaces).get("timeformat") == "dateTime"
    edge = (root.find(".//g:edge[@source='ouder-anna'][@target='ouder-bram']", namespaces)
            or root.find(".//g:edge[@source='ouder-bram'][@target='ouder-anna']", namespaces))
    assert edge.get("start") == "2024-01-10T10:00:00"
    spells = [(value.get("value"), value.get("start"), value.get("end"))
              for value in edge.iterfind(".//g:attvalue[@for='rung']", namespaces)]
    # The praten contact on 14 February has no time (midnight), the delen one is at 9:30.
    assert spells == [("1", "2024-01-10T10:00:00", "2024-02-13T23:59:59"),
                      ("2", "2024-02-14T00:00:00", "2024-02-14T09:29:59"),
                      ("3", "2024-02-14T09:30:00", "2024-03-31T23:59:59"),
                      ("5", "2024-04-01T00:00:00", None)]


def test_gexf_is_deterministic(folder):
    first = gexf_bytes(LadderNetwork.from_path(folder))
    assert gexf_bytes(LadderNetwork.from_path(folder)) == first


def test_gexf_unknown_version(net):
    with pytest.raises(UsageError, match="unknown GEXF version '1.1'; use 1.3 or 1.2draft"):
        gexf_bytes(net, version="1.1")


def test_names_drop_characters_xml_cannot_hold(folder):
    people = folder / "people.csv"
    people.write_text(PEOPLE.replace("Anna Jansen", "Anna\x07 Jansen"), encoding="utf-8")
    data = gexf_bytes(LadderNetwork.from_path(folder), anonymize=False)
    validate(data)
    assert by_label(read_gexf(data))["Anna Jansen"] == "ouder-anna"


# --- anonymised and named -----------------------------------------------------------------------

def written_bytes(paths: list[Path]) -> bytes:
    """Every byte the export wrote, with the parts of a workbook unzipped."""
    data = b""
    for path in paths:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as workbook:
                data += b"".join(workbook.read(name) for name in workbook.namelist())
        else:
            data += path.read_bytes()
    return data


@pytest.mark.parametrize("name", ["out.gexf", "out.graphml", "out.csv", "out.xlsx"])
@pytest.mark.parametrize("version", VERSIONS)
def test_anonymised_export_holds_no_names_ids_or_notes(net, tmp_path, name, version):
    data = written_bytes(export(net, tmp_path / name, gexf_version=version))
    assert b"Ouder 1" in data
    for private in PRIVATE:
        assert private.encode() not in data, private


@pytest.mark.parametrize("name", ["out.gexf", "out.graphml", "out.csv", "out.xlsx"])
def test_names_keep_ids_names_and_further_columns(net, tmp_path, name):
    data = written_bytes(export(net, tmp_path / name, anonymize=False))
    for kept in ["Anna Jansen", "ouder-anna", "Carla Visser", "prof-carla"]:
        assert kept.encode() in data, kept
    if not name.endswith(".gexf"):
        assert b"0612345678" in data
    assert b"Xylofoon" not in data  # notes never leave the tool


# --- GraphML ------------------------------------------------------------------------------------

def test_graphml_snapshot_reads_back_with_every_attribute(net, tmp_path):
    (path,) = export(net, tmp_path / "snapshot.graphml", as_of="2024-03-31", lang="en")
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 2
    carla = by_label(graph)["Professional 1 (GGD)"]
    assert graph.nodes[carla] == {"label": "Professional 1 (GGD)", "role": "professional",
                                 "organisation": "GGD", "wijk": "Dieze",
                                 "joined": "2023-12-01", "present_from": "2023-12-01",
                                 "focal": False, "ties": 1}
    nodes = by_label(graph)
    anna, bram = label(net, "ouder-anna", "en"), label(net, "ouder-bram", "en")
    edge = graph.edges[nodes[anna], nodes[bram]]
    assert {edge.pop("source_label"), edge.pop("target_label")} == {anna, bram}
    assert edge == {"weight": 3,
                    "tie_type": "parent-parent", "rung": 3, "rung_key": "delen",
                    "rung_label": "Sharing experiences", "first_contact": "2024-01-10",
                    "last_contact": "2024-02-14", "contacts": 3,
                    "activities": "Koffie en Koters"}


def test_graphml_graph_has_plain_attributes_only(net):
    graph = graphml_graph(net, anonymize=False)
    plain = (str, int, float, bool)
    assert all(isinstance(value, plain) for _, attrs in graph.nodes(data=True)
               for value in attrs.values())
    assert all(isinstance(value, plain) for _, _, attrs in graph.edges(data=True)
               for value in attrs.values())
    assert graph.nodes["ouder-anna"]["phone"] == "0612345678"
    assert graph.nodes["ouder-eva"]["joined"] == "2024-05-01"


# --- CSV and XLSX -------------------------------------------------------------------------------

def test_csv_writes_nodes_and_ties_sorted_and_stable(net, tmp_path):
    paths = export(net, tmp_path / "tables" / "village.csv")
    assert [p.name for p in paths] == ["village-nodes.csv", "village-ties.csv"]
    nodes, ties = (pd.read_csv(p, keep_default_na=False) for p in paths)
    assert list(nodes.columns) == ["id", "label", "role", "organisation", "wijk", "joined",
                                   "present_from", "focal", "ties"]
    assert nodes["id"].tolist() == ["n1", "n2", "n3", "n4", "n5"]
    exported = dict(zip(nodes["label"], nodes["id"]))
    anna, bram, carla, dirk = (exported[label(net, p)] for p in (
        "ouder-anna", "ouder-bram", "prof-carla", "vrijw-dirk"))
    assert list(ties.columns) == ["source", "target", "source_label", "target_label",
                                  "tie_type", "rung", "rung_key", "rung_label", "first_contact",
                                  "last_contact", "contacts", "activities"]
    assert ties[["source", "target"]].values.tolist() == sorted(
        ties[["source", "target"]].values.tolist())
    assert {(frozenset((a, b)), rung) for a, b, rung in ties[["source", "target", "rung"]].values} \
        == {(frozenset((carla, anna)), 4), (frozenset((carla, bram)), 2),
            (frozenset((anna, bram)), 5), (frozenset((anna, dirk)), 1)}
    again = export(net, tmp_path / "again", format="csv")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


def test_xlsx_has_sheets_nodes_and_ties(net, tmp_path):
    (path,) = export(net, tmp_path / "village.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["nodes", "ties"]
    expected = ties_table(net)
    assert sheets["ties"][["source", "target", "rung", "contacts"]].values.tolist() == \
        expected[["source", "target", "rung", "contacts"]].values.tolist()
    assert len(sheets["nodes"]) == len(nodes_table(net)) == 5


# --- paths and formats --------------------------------------------------------------------------

@pytest.mark.parametrize(("output", "format", "expected"), [
    ("out/v.gexf", None, ("gexf", ["out/v.gexf"])),
    ("out/v.GraphML", None, ("graphml", ["out/v.GraphML"])),
    ("out/v", "gexf", ("gexf", ["out/v.gexf"])),
    ("out/v.csv", None, ("csv", ["out/v-nodes.csv", "out/v-ties.csv"])),
    ("out/", "csv", ("csv", ["out/village-nodes.csv", "out/village-ties.csv"])),
    ("out/", "xlsx", ("xlsx", ["out/village.xlsx"])),
    (None, "XLSX", ("xlsx", ["outputs/village.xlsx"])),
])
def test_export_paths(output, format, expected):
    found, paths = export_paths(output, format=format, data_name="village")
    assert (found, [str(p) for p in paths]) == expected


def test_export_paths_folder_that_exists(tmp_path):
    assert export_paths(tmp_path, format="gexf", data_name="v")[1] == [tmp_path / "v.gexf"]


@pytest.mark.parametrize(("output", "format", "message"), [
    ("v.gexf", "pdf", "unknown export format 'pdf'; use gexf, graphml, csv or xlsx"),
    ("v.txt", None, "cannot tell the export format from the file name 'v.txt'; end it in "
                    ".gexf, .graphml, .csv or .xlsx, or give --format"),
    ("v.gexf", "csv", "a csv export needs a file name ending in .csv, not 'v.gexf'"),
    (None, None, "no export format given; give --format gexf|graphml|csv|xlsx, or an output "
                 "file name ending in .gexf, .graphml, .csv or .xlsx"),
])
def test_export_paths_bad_input(output, format, message):
    with pytest.raises(UsageError) as caught:
        export_paths(output, format=format)
    assert str(caught.value) == message


# --- the command --------------------------------------------------------------------------------

def test_cli_export_writes_and_prints_the_paths(folder, tmp_path):
    out = tmp_path / "out" / "village.gexf"
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out}\n"
    validate(out.read_bytes())


def test_cli_export_csv_with_names_and_lang(folder, tmp_path):
    result = CliRunner().invoke(main, ["export", str(folder), "--format", "csv", "--names",
                                       "--lang", "en", "-o", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(tmp_path / "t-nodes.csv"),
                                          str(tmp_path / "t-ties.csv")]
    assert "Anna Jansen" in (tmp_path / "t-nodes.csv").read_text(encoding="utf-8")


def test_cli_export_default_output(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(folder), "--format", "graphml"])
    assert result.exit_code == 0, result.output
    assert result.output == str(Path("outputs") / "village.graphml") + "\n"
    assert nx.read_graphml(tmp_path / "outputs" / "village.graphml").number_of_edges() == 4


@pytest.mark.parametrize(("arguments", "message"), [
    (["--format", "pdf"], "Error: unknown export format 'pdf'; use gexf, graphml, csv or xlsx\n"),
    (["-o", "map.png"], "Error: cannot tell the export format from the file name 'map.png'; "
                        "end it in .gexf, .graphml, .csv or .xlsx, or give --format\n"),
    (["--format", "gexf", "--as-of", "2031-01-01"],
     "Error: date outside the data '2031-01-01'; the contacts run from 2024-01-10 to "
     "2024-05-20\n"),
])
def test_cli_export_bad_input(folder, tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(folder), *arguments])
    assert result.exit_code == 1
    assert result.output == message
    assert not (tmp_path / "outputs").exists()


# --- the demo data ------------------------------------------------------------------------------

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
        int(w) for _, _, w in graph.edges(data="weight"))
    assert sum(len(rungs) for _, _, rungs in graph.edges(data="rung")) == len(
        net.rung_history().drop_duplicates(["person_a", "person_b", "date"]))
    people = pd.read_csv(DEMO / "people.csv", keep_default_na=False)
    text = data.decode()
    for name in people["name"]:
        assert name not in text
    assert not any(f'"{person}"' in text for person in people["id"])
