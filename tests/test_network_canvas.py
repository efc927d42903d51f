"""A Network Canvas CSV export as a data folder (loading.network_canvas, jobs.imports)."""

import shutil
from pathlib import Path

import pytest

from contactladder.cli import main
from contactladder.errors import BadValueError, MissingColumnError, UsageError
from contactladder.jobs.imports import import_networkcanvas
from contactladder.loading import load
from contactladder.loading.network_canvas import read_networkcanvas

EXPORT = Path(__file__).parent / "data" / "networkcanvas"
ANN, BO = "4a517084-363c-4e17-89b0-aac53950c993", "5190efca-1a87-470d-9434-5dc030d2ed8f"
CEM = "01ab4b4f-c12d-46df-aaef-78c335736baa"


def test_people_are_the_egos_and_the_nodes_with_their_attributes():
    people = read_networkcanvas(EXPORT).people.set_index("id")
    assert people["node_type"].value_counts().to_dict() == {"Person": 5, "ego": 2}
    assert people.loc[CEM, ["name", "rol", "organisation"]].tolist() == [
        "Cem",
        "Professional",
        "GGD",
    ]
    assert people.loc[ANN, "interview"] == "6e26f4dd-64ea-4ae5-8447-dfb44bed3354"


def test_contacts_are_the_edges_dated_by_the_interview_with_the_edge_type_as_kind():
    export = read_networkcanvas(EXPORT)
    assert export.kinds == ["helps", "knows"]
    first = export.contacts.iloc[0].tolist()
    assert first == ["2024-03-05", ANN, CEM, "helps", "networkcanvas"]
    assert sorted(export.contacts["date"].unique()) == ["2024-03-05", "2024-03-12"]


def test_the_job_writes_a_data_folder_that_loads(tmp_path):
    out = tmp_path / "data"
    result = import_networkcanvas(EXPORT, out, kinds={"knows": "kennen", "helps": "helpen"})
    assert [p.name for p in result.paths] == ["contacts.csv", "people.csv", "ladder.toml"]
    data = load(out)
    assert len(data.contacts) == 4
    assert data.contacts.loc[data.contacts["person_a"] == CEM, "rung"].tolist() == [4, 1]
    assert data.people.loc[ANN, "role"] == "parent"
    assert data.people.loc[BO, "role"] == "parent"


def test_the_rung_may_come_from_an_edge_attribute(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(EXPORT, export)
    for helps in export.glob("*_edgeList_helps.csv"):
        helps.unlink()
    import_networkcanvas(export, tmp_path / "data", rung="closeness", date="01-04-2024")
    data = load(tmp_path / "data")
    assert sorted(data.contacts["rung"].tolist()) == [1, 2, 3]
    assert set(data.contacts["date"].dt.strftime("%Y-%m-%d")) == {"2024-04-01"}


def test_an_edge_type_without_a_rung_is_one_error_naming_the_options(tmp_path):
    with pytest.raises(UsageError) as raised:
        import_networkcanvas(EXPORT, tmp_path / "data", kinds={"knows": 1})
    assert raised.value.message(options={"rung": "--rung", "kinds": "--kind"}) == (
        "no rung for the edge types 'helps'; name the edge attribute with the rung in --rung, "
        "or map each edge type to a rung in --kind"
    )
    assert not (tmp_path / "data").exists()


def test_a_missing_edge_attribute_names_the_file_and_the_attributes():
    with pytest.raises(
        MissingColumnError,
        match=r"_edgeList_helps.csv: no edge attribute "
        r"'closeness'; the attributes are none",
    ):
        read_networkcanvas(EXPORT, rung="closeness")


def test_an_edge_to_an_unknown_node_is_bad_input(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(EXPORT, export)
    for nodes in export.glob("case_2_*_attributeList_Person.csv"):
        nodes.unlink()
    with pytest.raises(
        BadValueError,
        match=r"case_2_.*_edgeList_knows.csv, line 2, column "
        r"'networkCanvasSourceUUID': an edge to a person",
    ):
        read_networkcanvas(export)


@pytest.mark.skipif("import-networkcanvas" not in main.commands, reason="wired by the lead")
def test_the_command_writes_the_data_folder(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(
        main,
        [
            "import-networkcanvas",
            str(EXPORT),
            "-o",
            str(tmp_path / "data"),
            "--kind",
            "knows=kennen",
            "--kind",
            "helps=helpen",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "people.csv").exists()
