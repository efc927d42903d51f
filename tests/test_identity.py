"""The outputs are identical before and after the speed work (issue 15).

"The previous implementation" is commit f27ce81, where main stood before this session's speed
work began. Its outputs were recorded by ``tests/data/identity/record.py``, run from that
commit's code, into ``tests/data/identity/manifest.json``: the sha256 and size of every file
the commands write (growth tables in the reached, active and current view and by wijk, the
worklist with suggestions, ``introduce`` for a fixed parent, ``brokers``, ``yield``, and the
exports in GEXF 1.3 and 1.2draft, GraphML and CSV), for the shipped demo and for a seeded
village of 100k contacts among 5k people over 24 months (``contactladder.demo.synthetic``,
regenerated here, not stored). The weaver's commands count from a fixed day, the last day of
the contacts; exports number people with a fixed key. No output holds anything of the run
(no date of the run, no path), so nothing is normalised before the comparison.

This test runs the same commands, through the CLI in this process, with the current code and
asserts every file's sha256 equals the recorded one. On a CSV that differs it names the first
line that differs (exactly for the demo's growth tables, kept whole beside the manifest;
within a block of lines for the others).

To re-record (only when an output is meant to change, and say why in the commit)::

    git worktree add /tmp/golden <commit>
    .venv/bin/python tests/data/identity/record.py /tmp/golden
    git worktree remove /tmp/golden
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from contactladder.demo.synthetic import generate

IDENTITY = Path(__file__).parent / "data" / "identity"
DEMO = Path(__file__).resolve().parent.parent / "data" / "zwolle-demo"
_spec = importlib.util.spec_from_file_location("identity_record", IDENTITY / "record.py")
assert _spec and _spec.loader
record = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(record)
MANIFEST = json.loads((IDENTITY / "manifest.json").read_text(encoding="utf-8"))
COMMANDS = MANIFEST["commands"]


@pytest.fixture(scope="session")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("identity") / "key"
    path.write_text(MANIFEST["key"] + "\n")
    return path


@pytest.fixture(scope="session")
def village(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded 100k village, made once per session; its files as recorded."""
    spec = MANIFEST["village"]
    folder = tmp_path_factory.mktemp("identity") / spec["name"]
    generate(folder, spec["contacts"], spec["people"], spec["months"], spec["seed"])
    assert record.facts(folder) == {
        key: MANIFEST["data"][folder.name][key] for key in ("inputs", "today", "parent")
    }, "the generator's files changed"
    return folder


def first_difference(path: Path, recorded: dict, kept: Path | None) -> str:
    """Where the CSV at ``path`` first differs from its recording, in words."""
    now = path.read_bytes().decode("utf-8").splitlines()
    if kept is not None:
        before = kept.read_text(encoding="utf-8").splitlines()
        for number, (old, new) in enumerate(zip(before, now, strict=False), start=1):
            if old != new:
                return f"line {number}\n  was: {old}\n  now: {new}"
        return f"{len(before)} lines were recorded, {len(now)} now"
    if now[:1] != [recorded["header"]]:
        return f"the header\n  was: {recorded['header']}\n  now: {(now or [''])[0]}"
    blocks = recorded["blocks"].split()
    for number, (old, new) in enumerate(zip(blocks, record.line_blocks(path).split()), start=0):
        if old != new:
            first = number * record.BLOCK
            shown = now[first : first + record.BLOCK]
            return (
                f"lines {first + 1}-{first + len(shown)} (the first block of {record.BLOCK} "
                f"lines that differs), which now begin: {shown[0] if shown else '(no lines)'}"
            )
    return f"about {len(blocks) * record.BLOCK} lines were recorded, {len(now)} now"


def check_identical(name: str, folder: Path, tmp_path: Path, key_file: Path) -> None:
    """Run the command ``name`` on ``folder`` and compare each output with the recording."""
    recorded = MANIFEST["data"][folder.name]
    out = tmp_path / record.out_name(name)
    record.run_command(COMMANDS[name], folder, out, recorded, key_file)
    expected, found = recorded["outputs"][name], record.fingerprints(out)
    assert sorted(found) == sorted(expected), f"{name} wrote other files"
    for file, fingerprint in expected.items():
        if found[file]["sha256"] == fingerprint["sha256"]:
            continue
        message = f"{name}: {file} differs from the recording"
        if file.endswith(".csv"):
            kept = IDENTITY / record.kept_name(name)
            kept_here = kept if folder.name == record.DEMO and name in record.KEPT else None
            message += " at " + first_difference(out / file, fingerprint, kept_here)
        else:
            message += f" ({fingerprint['size']} bytes recorded, {found[file]['size']} now)"
        pytest.fail(message)


def test_demo_is_as_recorded() -> None:
    assert record.facts(DEMO) == {
        key: MANIFEST["data"][record.DEMO][key] for key in ("inputs", "today", "parent")
    }


@pytest.mark.parametrize("name", COMMANDS)
def test_demo_outputs_are_as_recorded(name: str, tmp_path: Path, key_file: Path) -> None:
    check_identical(name, DEMO, tmp_path, key_file)


@pytest.mark.slow
@pytest.mark.parametrize("name", COMMANDS)
def test_village_outputs_are_as_recorded(
    name: str, village: Path, tmp_path: Path, key_file: Path
) -> None:
    check_identical(name, village, tmp_path, key_file)


def test_kept_growth_tables_are_the_recorded_ones() -> None:
    """The whole files kept for readable failures are the ones the manifest fingerprints."""
    outputs = MANIFEST["data"][record.DEMO]["outputs"]
    for name in record.KEPT:
        kept = IDENTITY / record.kept_name(name)
        assert record.sha256(kept) == outputs[name]["growth.csv"]["sha256"]
