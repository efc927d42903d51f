"""Issue 14, "Files keep their permissions" and "a full disk is one line": modes kept, files
with names private, read-only files not replaced, full or read-only disks one OutputError
naming the path with nothing half-written."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from contactladder.analysis.worklist import worklist
from contactladder.errors import OutputError
from contactladder.io.export import export
from contactladder.io.files import output_set, write_bytes
from contactladder.io.sheets import write_table
from contactladder.jobs.report import write_report
from contactladder.jobs.tables import table_result
from contactladder.jobs.weaver import write_list
from contactladder.network import LadderNetwork

DEMO = Path(__file__).parents[1] / "data" / "zwolle-demo"
UMASK = os.umask(0)
os.umask(UMASK)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def net():
    return LadderNetwork.from_path(DEMO)


def test_files_keep_the_permissions_they_had(tmp_path, net):
    path = write_list(worklist(net), tmp_path / "werklijst.xlsx")
    assert _mode(path) == 0o600  # a new list with names is private
    os.chmod(path, 0o640)
    write_list(worklist(net), path)
    assert _mode(path) == 0o640  # a replaced file keeps its mode
    shared = table_result(pd.DataFrame({"a": [1]}), tmp_path / "g.csv").paths[0]
    assert _mode(shared) == 0o666 & ~UMASK
    os.chmod(shared, 0o600)
    table_result(pd.DataFrame({"a": [2]}), shared)
    assert _mode(shared) == 0o600 and shared.read_text() == "a\n2\n"


def test_files_with_names_are_created_private(tmp_path, net):
    named = export(net, tmp_path / "named", format="csv", anonymize=False)
    anonymous = export(net, tmp_path / "anon.gexf")
    html = write_list(worklist(net), tmp_path / "werklijst.html")
    assert [_mode(p) for p in [*named, html]] == [0o600] * 3
    assert _mode(anonymous[0]) == 0o666 & ~UMASK
    assert _mode(write_table(pd.DataFrame({"a": [1]}), tmp_path / "r.csv", private=True)) == 0o600


def test_a_read_only_file_is_not_replaced_silently(tmp_path, net):
    path = table_result(pd.DataFrame({"a": [1]}), tmp_path / "g.csv").paths[0]
    os.chmod(path, 0o444)
    with pytest.raises(OutputError) as caught:
        table_result(pd.DataFrame({"a": [2]}), path)
    assert str(caught.value) == (
        f"{path}: the file is read-only, so it is not replaced; make it "
        "writable (chmod u+w) or write to another path"
    )
    assert path.read_text() == "a\n1\n" and sorted(os.listdir(tmp_path)) == ["g.csv"]


def test_a_read_only_file_in_a_report_folder_is_not_replaced_silently(tmp_path, net):
    folder = tmp_path / "report"
    write_report(net, folder, timeline=False, by=None)
    os.chmod(folder / "growth.csv", 0o444)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(OutputError, match=r"growth\.csv: the file is read-only"):
        write_report(net, folder, timeline=False, by=None, lang="en")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(os.listdir(tmp_path)) == ["report"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs, mounted where root may mount one; the test is skipped otherwise."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode:
        pytest.skip(
            f"cannot mount a tiny filesystem here ({mounted.stderr.strip()}); the "
            "patched writers of test_trust_output_sets.py cover a failure half way"
        )
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_is_one_line_naming_the_path_with_nothing_half_written(tiny_disk):
    old = write_bytes(tiny_disk / "map.png", b"old")
    with pytest.raises(OutputError) as caught:
        write_bytes(old, os.urandom(200_000))
    assert str(caught.value) == (
        f"{old}: cannot write here (No space left on device); free "
        "space on the disk, or write to another disk"
    )
    assert old.read_bytes() == b"old" and os.listdir(tiny_disk) == ["map.png"]
    with (
        pytest.raises(OutputError, match="No space left on device"),
        output_set(tiny_disk / "report") as staging,
    ):
        write_bytes(staging.path("a.png"), b"a" * 20_000)
        write_bytes(staging.path("b.png"), os.urandom(100_000))
    assert os.listdir(tiny_disk) == ["map.png"]


def test_a_read_only_disk_is_one_line_naming_the_path(tiny_disk):
    table = pd.DataFrame({"a": [1]})
    table_result(table, tiny_disk / "g.csv")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    with pytest.raises(OutputError) as caught:
        table_result(table, tiny_disk / "g.csv")
    assert str(caught.value).startswith(f"{tiny_disk / 'g.csv'}: ")
    assert "cannot write here (Read-only file system); the disk is read-only" in str(caught.value)
    assert os.listdir(tiny_disk) == ["g.csv"]
