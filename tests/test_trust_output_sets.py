"""Issue 14, "Outputs written as a set": all files of one output or none, under a lock, no
temporary file left behind; every output byte-identical for the same input."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import OutputError
from contactladder.io.export import export
from contactladder.io.files import output_set, write_text
from contactladder.io.locks import lock_path, output_lock
from contactladder.jobs.report import write_report
from contactladder.jobs.tables import table_result
from contactladder.jobs.weaver import write_list
from contactladder.network import LadderNetwork

DEMO = Path(__file__).parents[1] / "data" / "zwolle-demo"
FORMULAS = Path(__file__).parent / "data" / "trust" / "formulas"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"/"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def net():
    return LadderNetwork.from_path(FORMULAS, skip_invalid=True)


def test_outputs_written_as_a_set_keep_the_old_pair_when_a_writer_fails_half_way(
    tmp_path, net, monkeypatch
):
    export(net, tmp_path / "v", format="csv")
    before = _tree(tmp_path)
    import contactladder.io.table_files as tables

    real = tables.write_table
    calls = []

    def half(table, path, **options):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(table.head(0), path, **options)  # other bytes than before

    monkeypatch.setattr(tables, "write_table", half)
    with pytest.raises(OutputError, match="No space left on device"):
        export(net, tmp_path / "v", format="csv")
    assert len(calls) == 2
    assert _tree(tmp_path) == before  # old nodes and ties as they were, nothing left behind


def test_outputs_written_as_a_set_swap_a_folder_whole(tmp_path):
    folder = tmp_path / "report"
    with output_set(folder) as staging:
        write_text(staging.path("index.html"), "old")
        write_text(staging.path("growth-by-wijk.csv"), "old")
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(RuntimeError), output_set(folder) as staging:
        write_text(staging.path("index.html"), "new")
        raise RuntimeError("stopped half way")
    assert _tree(tmp_path) == {
        "report": b"/",
        "report/growth-by-wijk.csv": b"old",
        "report/index.html": b"old",
        "report/notes.txt": b"mine",
    }
    with output_set(folder, stale=("growth-by-*.csv",)) as staging:
        write_text(staging.path(folder / "index.html"), "new")
    assert _tree(tmp_path) == {
        "report": b"/",
        "report/index.html": b"new",
        "report/notes.txt": b"mine",
    }


def test_outputs_written_as_a_set_wait_for_a_second_run_or_fail_naming_the_lock(tmp_path):
    target = tmp_path / "growth.csv"
    table = pd.DataFrame({"a": [1]})
    with (
        output_lock(target),
        pytest.raises(OutputError, match="another run is writing this output") as caught,
        output_set([target], wait=0.2),
    ):
        pass
    assert caught.value.file == str(lock_path(target))
    assert list(tmp_path.iterdir()) == []

    held = threading.Event()

    def first_run():
        with output_lock(target):
            held.set()
            time.sleep(0.3)

    thread = threading.Thread(target=first_run)
    thread.start()
    held.wait()
    table_result(table, target)  # waits for the first run, then writes
    thread.join()
    assert target.read_text() == "a\n1\n" and sorted(os.listdir(tmp_path)) == ["growth.csv"]


def test_outputs_written_as_a_set_take_over_the_lock_of_a_killed_run(tmp_path):
    # a run killed with SIGKILL half way leaves its lock and staging folder behind
    script = (
        "import os, signal, sys\n"
        "from contactladder.io.files import output_set, write_text\n"
        "with output_set(sys.argv[1]) as staging:\n"
        "    write_text(staging.path('index.html'), 'half')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    folder = tmp_path / "report"
    write_text(folder / "index.html", "old")
    killed = subprocess.run(
        [sys.executable, "-c", script, str(folder)], cwd=Path(__file__).parents[1]
    )
    assert killed.returncode == -9
    assert lock_path(folder).exists() and len(list(tmp_path.glob(".report.staging-*"))) == 1
    assert (folder / "index.html").read_text() == "old"
    with output_set(folder, wait=0.5) as staging:
        write_text(staging.path("index.html"), "new")
    assert _tree(tmp_path) == {"report": b"/", "report/index.html": b"new"}


def test_every_output_is_byte_identical_for_the_same_input_report_folder(tmp_path):
    net = LadderNetwork.from_path(DEMO)
    first = write_report(net, tmp_path / "a", freq="quarter", timeline=False)
    write_report(net, tmp_path / "b", freq="quarter", timeline=False)
    write_report(net, tmp_path / "a", freq="quarter", timeline=False)  # replaced in place
    assert len(first) > 5 and _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_every_output_is_byte_identical_for_the_same_input_worklist_xlsx(tmp_path):
    from contactladder.analysis.worklist import worklist

    net = LadderNetwork.from_path(DEMO)
    first = write_list(worklist(net, lang="en"), tmp_path / "a.xlsx").read_bytes()
    second = write_list(worklist(net, lang="en"), tmp_path / "b.xlsx").read_bytes()
    assert first == second
