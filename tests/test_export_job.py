"""Tests of contactladder.jobs.export: the export and demo jobs return what they wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write_export_village

from contactladder.demo import DEMO_FILES
from contactladder.errors import UsageError
from contactladder.jobs.common import Source
from contactladder.jobs.export import demo_job, export_job
from contactladder.network import LadderNetwork


def test_export_job_reads_the_source_and_returns_the_paths(tmp_path):
    source = Source(write_export_village(tmp_path / "village"))
    result = export_job(source, tmp_path / "out" / "v", format="csv", lang="en")
    assert result.paths == [tmp_path / "out" / "v-nodes.csv", tmp_path / "out" / "v-ties.csv"]
    assert all(path.exists() for path in result.paths)
    assert (result.text, result.notes) == ("", [])


def test_export_job_takes_a_network(tmp_path):
    net = LadderNetwork.from_path(write_export_village(tmp_path / "village"))
    (path,) = export_job(net, tmp_path / "v.gexf", gexf_version="1.2draft").paths
    assert b'version="1.2"' in path.read_bytes()


def test_export_job_checks_the_format_before_reading(tmp_path):
    missing = Source(tmp_path / "no-such-folder")
    with pytest.raises(UsageError, match="unknown export format 'pdf'"):
        export_job(missing, tmp_path / "v", format="pdf")


def test_export_job_notes_where_rejects_went(tmp_path):
    folder = write_export_village(tmp_path / "village")
    with (folder / "contacts.csv").open("a", encoding="utf-8") as contacts:
        contacts.write("2024-05-21,ouder-anna,ouder-anna,kennen,,\n")
    result = export_job(Source(folder, {"skip_invalid": True}), tmp_path / "out" / "v.graphml")
    rejects = tmp_path / "out" / "private" / "v.rejects.csv"
    assert result.notes == [
        f"Set aside 1 invalid rows: {rejects} (holds personal data: keep it to yourself)"
    ]
    assert rejects.exists()


def test_demo_job_writes_the_demo_files(tmp_path):
    result = demo_job(tmp_path / "demo", seed=7)
    assert [path.name for path in result.paths] == list(DEMO_FILES)
    assert result.paths[0] == Path(tmp_path / "demo" / "contacts.csv")
