"""Tests of contactladder.io.network_tables: the nodes and ties tables, CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from helpers import anonymous_label as label
from helpers import write_export_village

from contactladder.errors import UsageError
from contactladder.io.export import export
from contactladder.io.network_tables import export_ids, nodes_table, tie_type, ties_table
from contactladder.io.table_files import write_tables
from contactladder.network.ladder_network import LadderNetwork


@pytest.fixture
def net(tmp_path: Path) -> LadderNetwork:
    return LadderNetwork.from_path(write_export_village(tmp_path / "village"))


def test_csv_writes_nodes_and_ties_sorted_and_stable(net, tmp_path):
    paths = export(net, tmp_path / "tables" / "village.csv")
    assert [p.name for p in paths] == ["village-nodes.csv", "village-ties.csv"]
    nodes, ties = (pd.read_csv(p, keep_default_na=False) for p in paths)
    assert list(nodes.columns) == [
        "id",
        "label",
        "role",
        "organisation",
        "wijk",
        "joined",
        "present_from",
        "focal",
        "ties",
    ]
    assert nodes["id"].tolist() == ["n1", "n2", "n3", "n4", "n5"]
    exported = dict(zip(nodes["label"], nodes["id"]))
    anna, bram, carla, dirk = (
        exported[label(net, p)] for p in ("ouder-anna", "ouder-bram", "prof-carla", "vrijw-dirk")
    )
    assert list(ties.columns) == [
        "source",
        "target",
        "source_label",
        "target_label",
        "tie_type",
        "rung",
        "rung_key",
        "rung_label",
        "first_contact",
        "last_contact",
        "contacts",
        "activities",
    ]
    assert ties[["source", "target"]].values.tolist() == sorted(
        ties[["source", "target"]].values.tolist()
    )
    assert {
        (frozenset((a, b)), rung) for a, b, rung in ties[["source", "target", "rung"]].values
    } == {
        (frozenset((carla, anna)), 4),
        (frozenset((carla, bram)), 2),
        (frozenset((anna, bram)), 5),
        (frozenset((anna, dirk)), 1),
    }
    again = export(net, tmp_path / "again", format="csv")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


def test_xlsx_has_sheets_nodes_and_ties(net, tmp_path):
    (path,) = export(net, tmp_path / "village.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["nodes", "ties"]
    expected = ties_table(net)
    assert (
        sheets["ties"][["source", "target", "rung", "contacts"]].values.tolist()
        == expected[["source", "target", "rung", "contacts"]].values.tolist()
    )
    assert len(sheets["nodes"]) == len(nodes_table(net)) == 5


def test_export_ids_follow_the_privacy_numbering(net):
    people = list(net.snapshot().nodes)
    assert export_ids(net, people) == net.opaque_ids(people)
    assert list(export_ids(net, people, anonymize=False)) == list(net.opaque_ids(people))
    assert nodes_table(net)["id"].tolist() == list(net.opaque_ids(people).values())


def test_named_nodes_table_has_further_columns_but_no_notes(tmp_path):
    folder = write_export_village(tmp_path / "village")
    people = (folder / "people.csv").read_text(encoding="utf-8").splitlines()
    people = [people[0] + ",note"] + [line + ",zorgen thuis" for line in people[1:]]
    (folder / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    table = nodes_table(LadderNetwork.from_path(folder), anonymize=False)
    assert list(table.columns)[-2:] == ["name", "phone"]
    assert "zorgen thuis" not in table.to_csv()


def test_tie_type_puts_the_focal_role_first():
    assert tie_type({"role": "volunteer"}, {"role": "child"}, "child") == "child-volunteer"
    assert tie_type({"role": ""}, {"role": "parent"}, "parent") == "parent-unknown"


def test_one_table_path_must_be_a_workbook(net, tmp_path):
    with pytest.raises(UsageError, match=r"a workbook needs an .xlsx file name 'v.csv'"):
        write_tables(net, [tmp_path / "v.csv"])
    assert list(tmp_path.iterdir()) == [tmp_path / "village"]
