"""The streamed writers: GEXF and GraphML made in chunks, the text a tree writer gives.

GraphML is compared byte for byte with networkx's own writer of :func:`graphml_graph`; GEXF is
read back by ElementTree, with text that XML must escape in every attribute.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from contactladder.io import files
from contactladder.io.gexf import gexf_bytes, gexf_chunks, write_gexf
from contactladder.io.graphml import graphml_bytes, graphml_chunks, graphml_graph
from contactladder.network.ladder_network import LadderNetwork

PEOPLE = pd.DataFrame(
    {
        "id": ["a&b", "b<c", "c>d"],
        "role": ["parent", "parent", "professional"],
        "name": ['Anna "A" <Jansen>', "Bram\x07 Smit", "Carla"],
        "organisation": ["", 'GGD "oost"', "GGD & co"],
        "wijk": ["Dieze & Zuid", "Dieze", "Zuid, Oost"],
        "joined": ["2024-01-01", "", "2023-12-01"],
        "hobby": ["tab\there", "", "a\r\nb"],
    }
)
CONTACTS = pd.DataFrame(
    {
        "date": ["2024-01-10", "2024-02-14", "2024-03-01"],
        "person_a": ["a&b", "b<c", "a&b"],
        "person_b": ["b<c", "a&b", "c>d"],
        "rung": ["kennen", "delen", "praten"],
        "activity": ["Koffie & <Koters>", 'Taal "plezier"', ""],
    }
)


@pytest.fixture
def net(tmp_path: Path) -> LadderNetwork:
    folder = tmp_path / "odd"
    folder.mkdir()
    PEOPLE.to_csv(folder / "people.csv", index=False)
    CONTACTS.to_csv(folder / "contacts.csv", index=False)
    return LadderNetwork.from_path(folder)


@pytest.mark.parametrize("anonymize", [True, False])
@pytest.mark.parametrize("as_of", [None, "2024-02-20"])
def test_graphml_is_the_bytes_networkx_writes(net, anonymize, as_of):
    expected = io.BytesIO()
    graph = graphml_graph(net, anonymize=anonymize, as_of=as_of)
    nx.write_graphml(graph, expected, encoding="utf-8")
    assert graphml_bytes(net, anonymize=anonymize, as_of=as_of) == expected.getvalue()


@pytest.mark.parametrize("view", ["reached", "current"])
def test_gexf_reads_back_with_the_escaped_text(net, view):
    root = ET.fromstring(gexf_bytes(net, anonymize=False, view=view, lapse="20d"))
    ns = {"g": "http://gexf.net/1.3"}
    labels = {node.get("id"): node.get("label") for node in root.iterfind(".//g:node", ns)}
    assert labels == {"a&b": 'Anna "A" <Jansen>', "b<c": "Bram Smit", "c>d": "Carla"}
    values = {v.get("value") for v in root.iterfind(".//g:attvalue", ns)}
    assert {"Dieze & Zuid", 'GGD "oost"', "Koffie & <Koters> | Taal \"plezier\""} <= values


def test_chunks_come_before_the_document_is_whole(net, monkeypatch):
    monkeypatch.setattr("contactladder.io.gexf._CHUNK", 1)
    monkeypatch.setattr("contactladder.io.graphml._CHUNK", 1)
    for chunks in (gexf_chunks(net), graphml_chunks(net)):
        parts = list(chunks)
        assert len(parts) > 3 and all(isinstance(part, bytes) for part in parts)
    assert b"".join(gexf_chunks(net)) == gexf_bytes(net)


def test_a_failing_stream_leaves_the_old_file(net, tmp_path):
    path = write_gexf(net, tmp_path / "out" / "village.gexf")
    before = path.read_bytes()

    def broken():
        yield b"<gexf>"
        raise OSError(28, "No space left on device")

    with pytest.raises(files.OutputError):
        files.write_chunks(path, broken())
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["village.gexf"]
