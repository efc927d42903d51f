"""The GEXF export opened by the programs people read it with: graphology-gexf (Gephi Lite's
parser, run by Node) and networkx (the installed version and 3.4.2), compared with the tables.

The clients live in folders of the test run, filled by ``.ci/run``:

- ``.cache/npm``: ``npm install --prefix .cache/npm graphology@0.26.0 graphology-gexf@0.13.2``;
- ``.cache/nx34``: ``pip install --target .cache/nx34 networkx==3.4.2``.

Each test skips with a message when its client is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import DEMO, write_export_village
from helpers import EXPORT_CONTACTS as CONTACTS

from contactladder.io.gexf import write_gexf
from contactladder.io.network_tables import nodes_table, ties_table
from contactladder.io.values import date_text, datetime_text, has_time
from contactladder.network.ladder_network import LadderNetwork

pytestmark = pytest.mark.client

ROOT = Path(__file__).parent.parent
NPM = ROOT / ".cache" / "npm"
NX34 = ROOT / ".cache" / "nx34"
READER = Path(__file__).parent / "js" / "read_gexf.mjs"
VERSIONS = ["1.3", "1.2draft"]
NETWORKS = ["demo", "times-of-day"]
# networkx reads a file and prints its version, nodes and edges as JSON.
NETWORKX_READER = """
import json, sys
import networkx as nx
graph = nx.read_gexf(sys.argv[1])
print(json.dumps({
    "version": nx.__version__,
    "nodes": {node: attrs for node, attrs in graph.nodes(data=True)},
    "edges": [[a, b, attrs] for a, b, attrs in graph.edges(data=True)],
}))
"""


@pytest.fixture(params=NETWORKS)
def net(request, tmp_path: Path) -> LadderNetwork:
    if request.param == "demo":
        if not (DEMO / "contacts.csv").exists():
            pytest.skip("no demo data in data/zwolle-demo")
        return LadderNetwork.from_path(DEMO)
    folder = write_export_village(tmp_path / "village")
    (folder / "contacts.csv").write_text(
        CONTACTS.replace("2024-02-14,ouder-bram", "2024-02-14T09:30,ouder-bram").replace(
            "2024-01-10,", "2024-01-10T10:00,"
        ),
        encoding="utf-8",
    )
    return LadderNetwork.from_path(folder)


def graphology(path: Path) -> dict:
    """What graphology-gexf's default parser reads from ``path``."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: install Node.js 18 or later to test with graphology-gexf")
    if not (NPM / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip(
            "graphology-gexf is missing: run "
            "npm install --prefix .cache/npm graphology@0.26.0 graphology-gexf@0.13.2"
        )
    result = subprocess.run(
        [node, str(READER), str(NPM), str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def networkx(path: Path, folder: Path | None) -> subprocess.CompletedProcess:
    """Run networkx's read_gexf on ``path`` in a new Python, from ``folder`` when given."""
    env = dict(os.environ)
    if folder is not None:
        if not (folder / "networkx").is_dir():
            pytest.skip(
                f"networkx 3.4.2 is missing: run pip install --target {folder.relative_to(ROOT)} networkx==3.4.2"
            )
        env["PYTHONPATH"] = str(folder)
    return subprocess.run(
        [sys.executable, "-c", NETWORKX_READER, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def expected(net: LadderNetwork) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tables, with dates as the GEXF writes them."""
    nodes, ties = nodes_table(net), ties_table(net)
    with_time = has_time(nodes["present_from"]) or has_time(ties["first_contact"])
    when = datetime_text if with_time else date_text
    for column in ("first_contact", "last_contact"):
        ties[column] = ties[column].map(when)
    nodes["present_from"] = nodes["present_from"].map(when)
    return nodes, ties


@pytest.mark.parametrize("version", VERSIONS)
def test_graphology_reads_the_gexf_with_its_defaults(net, version, tmp_path):
    read = graphology(write_gexf(net, tmp_path / "network.gexf", version=version))
    nodes, ties = expected(net)
    assert read["type"] == "undirected"
    assert len(read["nodes"]) == len(nodes) and len(read["edges"]) == len(ties)
    # Numbers are numbers, booleans booleans, the rest text.
    assert read["types"]["node"] == {
        name: [kind]
        for name, kind in [
            ("label", "string"),
            ("role", "string"),
            ("organisation", "string"),
            ("wijk", "string"),
            ("focal", "boolean"),
        ]
        if name not in ("organisation", "wijk") or (nodes[name] != "").any()
    }
    for name in ("weight", "contacts", "rung"):
        assert read["types"]["edge"][name] == ["number"]
    people = {node["key"]: node["attributes"] for node in read["nodes"]}
    for row in nodes.itertuples(index=False):
        attrs = people[row.id]
        assert (attrs["label"], attrs["role"], attrs["focal"]) == (row.label, row.role, row.focal)
        assert attrs.get("organisation", "") == row.organisation
    edges = {(edge["source"], edge["target"]): edge["attributes"] for edge in read["edges"]}
    for row in ties.itertuples(index=False):
        attrs = edges[row.source, row.target]
        assert attrs["weight"] == attrs["rung"] == row.rung
        assert (attrs["rung_key"], attrs["contacts"], attrs["tie_type"]) == (
            row.rung_key,
            row.contacts,
            row.tie_type,
        )
        assert (attrs["first_contact"], attrs["last_contact"]) == (
            row.first_contact,
            row.last_contact,
        )
        assert attrs.get("activities", "") == row.activities


@pytest.mark.parametrize("folder", [None, NX34], ids=["installed", "networkx-3.4.2"])
@pytest.mark.parametrize("version", VERSIONS)
def test_networkx_reads_the_gexf(net, version, folder, tmp_path):
    result = networkx(write_gexf(net, tmp_path / "network.gexf", version=version), folder)
    if folder is not None and version == "1.3":
        # networkx before 3.6 does not know the 1.3 namespace: use 1.2draft with it.
        assert "No <graph> element in GEXF file" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["version"] == ("3.4.2" if folder else __import__("networkx").__version__)
    nodes, ties = expected(net)
    assert set(read["nodes"]) == set(nodes["id"]) and len(read["edges"]) == len(ties)
    for row in nodes.itertuples(index=False):
        attrs = read["nodes"][row.id]
        assert (attrs["label"], attrs["role"], attrs["focal"]) == (row.label, row.role, row.focal)
        assert attrs["start"] == row.present_from
    edges = {frozenset((a, b)): attrs for a, b, attrs in read["edges"]}
    for row in ties.itertuples(index=False):
        attrs = edges[frozenset((row.source, row.target))]
        assert attrs["weight"] == float(row.rung) and attrs["start"] == row.first_contact
        assert attrs["contacts"] == [[row.contacts, row.first_contact, "None"]]
        assert attrs["first_contact"] == [[row.first_contact, row.first_contact, "None"]]
        # The rung spells: from the first contact, each ending where the next starts, the
        # last one open and at the rung reached.
        spells = attrs["rung"]
        assert spells[0][1] == row.first_contact and spells[-1] == [row.rung, spells[-1][1], "None"]
        assert [start for _, start, _ in spells[1:]] == [end for _, _, end in spells[:-1]]
        assert attrs["rung_key"][-1][0] == row.rung_key


def naive_last_current_rungs(net: LadderNetwork, lapse_days: int) -> dict:
    """{(a, b): rung} of each tie on the last day it was current (or the data's last day):
    the highest rung of its contacts in the lapse window before that day's end (pandas)."""
    contacts = net.contact_rows()[["date", "person_a", "person_b", "rung"]]
    contacts = contacts.assign(day=contacts["date"].dt.floor("D"))
    lapse = pd.Timedelta(lapse_days, "D")
    last = contacts.groupby(["person_a", "person_b"])["day"].max()
    final = (last + lapse - pd.Timedelta(days=1)).clip(upper=net.end.floor("D"))
    merged = contacts.join(final.rename("final"), on=["person_a", "person_b"])
    inside = merged[(merged["day"] > merged["final"] - lapse) & (merged["day"] <= merged["final"])]
    return inside.groupby(["person_a", "person_b"])["rung"].max().to_dict()


@pytest.mark.parametrize("version", VERSIONS)
def test_graphology_reads_the_current_view(version, tmp_path):
    if not (DEMO / "contacts.csv").exists():
        pytest.skip("no demo data in data/zwolle-demo")
    net = LadderNetwork.from_path(DEMO)
    path = write_gexf(
        net,
        tmp_path / "current.gexf",
        version=version,
        view="current",
        lapse="90d",
        anonymize=False,
    )
    read = graphology(path)
    expected_rungs = naive_last_current_rungs(net, 90)
    edges = {frozenset((e["source"], e["target"])): e["attributes"] for e in read["edges"]}
    assert len(edges) == len(read["edges"]) == len(expected_rungs)
    # graphology keeps the last spell's value: the rung on the tie's last day current
    assert {pair: attrs["rung"] for pair, attrs in edges.items()} == {
        frozenset(pair): rung for pair, rung in expected_rungs.items()
    }
    assert all(attrs["weight"] == attrs["rung"] for attrs in edges.values())
