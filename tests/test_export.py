"""Tests of contactladder.io.export: the choice of format and files, anonymity in every format,
and the ``export`` command."""

from __future__ import annotations

import zipfile
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from helpers import EXPORT_PRIVATE as PRIVATE
from helpers import validate_gexf as validate
from helpers import write_export_village

from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.io.export import export, export_paths
from contactladder.io.gexf import gexf_bytes
from contactladder.network.ladder_network import LadderNetwork

VERSIONS = ["1.3", "1.2draft"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_export_village(tmp_path / "village")


@pytest.fixture
def net(folder: Path) -> LadderNetwork:
    return LadderNetwork.from_path(folder)


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


# --- paths and formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "format", "expected"),
    [
        ("out/v.gexf", None, ("gexf", ["out/v.gexf"])),
        ("out/v.GraphML", None, ("graphml", ["out/v.GraphML"])),
        ("out/v", "gexf", ("gexf", ["out/v.gexf"])),
        ("out/v.csv", None, ("csv", ["out/v-nodes.csv", "out/v-ties.csv"])),
        ("out/", "csv", ("csv", ["out/village-nodes.csv", "out/village-ties.csv"])),
        ("out/", "xlsx", ("xlsx", ["out/village.xlsx"])),
        (None, "XLSX", ("xlsx", ["outputs/village.xlsx"])),
    ],
)
def test_export_paths(output, format, expected):
    found, paths = export_paths(output, format=format, data_name="village")
    assert (found, [str(p) for p in paths]) == expected


def test_export_paths_folder_that_exists(tmp_path):
    assert export_paths(tmp_path, format="gexf", data_name="v")[1] == [tmp_path / "v.gexf"]


# The library's hints name its parameter (format); the command shows its option (--format).
@pytest.mark.parametrize(
    ("output", "format", "message"),
    [
        ("v.gexf", "pdf", "unknown export format 'pdf'; use gexf, graphml, csv or xlsx"),
        (
            "v.txt",
            None,
            "cannot tell the export format from the file name 'v.txt'; end it in "
            ".gexf, .graphml, .csv or .xlsx, or give format",
        ),
        ("v.gexf", "csv", "a csv export needs a file name ending in .csv, not 'v.gexf'"),
        (
            None,
            None,
            "no export format given; give format gexf|graphml|csv|xlsx, or an output "
            "file name ending in .gexf, .graphml, .csv or .xlsx",
        ),
    ],
)
def test_export_paths_bad_input(output, format, message):
    with pytest.raises(UsageError) as caught:
        export_paths(output, format=format)
    assert str(caught.value) == message
    assert caught.value.message(options={"format": "--format"}) == message.replace(
        "give format", "give --format"
    )


# --- the command --------------------------------------------------------------------------------


def test_cli_export_writes_and_prints_the_paths(folder, tmp_path):
    out = tmp_path / "out" / "village.gexf"
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out}\n"
    validate(out.read_bytes())


def test_cli_export_csv_with_names_and_lang(folder, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(folder),
            "--format",
            "csv",
            "--names",
            "--lang",
            "en",
            "-o",
            str(tmp_path / "t"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        str(tmp_path / "t-nodes.csv"),
        str(tmp_path / "t-ties.csv"),
    ]
    assert "Anna Jansen" in (tmp_path / "t-nodes.csv").read_text(encoding="utf-8")


def test_cli_export_default_output(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(folder), "--format", "graphml"])
    assert result.exit_code == 0, result.output
    assert result.output == str(Path("outputs") / "village.graphml") + "\n"
    assert nx.read_graphml(tmp_path / "outputs" / "village.graphml").number_of_edges() == 4


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--format", "pdf"],
            "Error: unknown export format 'pdf'; use gexf, graphml, csv or xlsx\n",
        ),
        (
            ["-o", "map.png"],
            "Error: cannot tell the export format from the file name 'map.png'; "
            "end it in .gexf, .graphml, .csv or .xlsx, or give --format\n",
        ),
        (
            ["--format", "gexf", "--as-of", "2031-01-01"],
            "Error: date outside the data '2031-01-01'; the contacts run from 2024-01-10 to "
            "2024-05-20\n",
        ),
    ],
)
def test_cli_export_bad_input(folder, tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(folder), *arguments])
    assert result.exit_code == 1
    assert result.output == message
    assert not (tmp_path / "outputs").exists()


def test_cli_export_current_view_writes_the_current_spells(folder, net, tmp_path):
    out = tmp_path / "current.gexf"
    arguments = ["export", str(folder), "--view", "current", "--lapse", "30d", "-o", str(out)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == gexf_bytes(net, view="current", lapse="30d")
    validate(out.read_bytes())
    printed = CliRunner().invoke(main, [*arguments[:-1], "-", "--format", "gexf"])
    assert printed.exit_code == 0 and printed.stdout_bytes == out.read_bytes()
    # the default stays the reached view, byte for byte
    assert export(net, tmp_path / "a.gexf", view="reached")[0].read_bytes() == gexf_bytes(net)


@pytest.mark.parametrize("output", ["ties.csv", "net.graphml", "-"])
def test_cli_export_current_view_is_gexf_only(folder, tmp_path, monkeypatch, output):
    monkeypatch.chdir(tmp_path)
    arguments = ["export", str(folder), "--view", "current", "-o", output]
    result = CliRunner().invoke(main, [*arguments, *(["--format", "csv"] if output == "-" else [])])
    assert result.exit_code == 1
    if output == "-":
        assert result.output.startswith("Error: the standard output takes one document")
    else:
        fmt = output.split(".")[1]
        assert result.output == (
            f"Error: the current view is exported as GEXF only, not '{fmt}'; "
            "give --format gexf, or leave out --view\n"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["village"]  # nothing written


def test_export_current_view_in_csv_refused(net, tmp_path):
    with pytest.raises(UsageError, match="exported as GEXF only"):
        export(net, tmp_path / "t", format="csv", view="current")
    assert [p.name for p in tmp_path.iterdir()] == ["village"]
