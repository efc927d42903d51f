"""Record the outputs that ``tests/test_identity.py`` compares with, from a checkout's code.

Usage::

    git worktree add /tmp/golden f27ce81
    .venv/bin/python tests/data/identity/record.py /tmp/golden
    git worktree remove /tmp/golden

The commands run from the code of CHECKOUT (put first on ``sys.path``; the script stops if
``contactladder`` is imported from anywhere else), on the demo of CHECKOUT and on a seeded
synthetic village made by this working tree's ``contactladder/demo/synthetic.py`` (which
CHECKOUT need not have). Every output's sha256 and size, the commands and the inputs' sha256
go into ``manifest.json``; the demo's growth tables are kept whole beside it (``*.csv``), so
that a failure can show the line that changed.

The test imports :func:`run_command`, :func:`fingerprints` and the names from here and replays
the commands of the manifest, so that both sides run the same commands in the same way.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
MANIFEST = HERE / "manifest.json"
#: A fixed private key, so that the opaque ids of exports are the same in every run.
KEY = "00112233445566778899aabbccddeeff" * 2
#: The seeded village: contacts, people, months, seed (``synthetic.generate``'s arguments).
VILLAGE = {"name": "village-100k", "contacts": 100_000, "people": 5_000, "months": 24, "seed": 42}
DEMO = "zwolle-demo"
#: The demo outputs kept whole beside the manifest.
#: Lines per hash of :func:`line_blocks`.
BLOCK = 32
KEPT = ("growth", "growth --by wijk", "growth --view active", "growth --view current")

#: Each command's arguments; ``{data}``, ``{out}``, ``{today}`` and ``{parent}`` are filled in
#: per data set. Every command also gets ``--key-file`` and ``-q``.
COMMANDS = {
    "growth": ["growth", "{data}", "--period", "month", "-o", "{out}/growth.csv"],
    "growth --by wijk": ["growth", "{data}", "--by", "wijk", "-o", "{out}/growth.csv"],
    "growth --view active": ["growth", "{data}", "--view", "active", "-o", "{out}/growth.csv"],
    "growth --view current": ["growth", "{data}", "--view", "current", "-o", "{out}/growth.csv"],
    "alone --suggest 3": [
        *("alone", "{data}", "--as-of", "{today}", "--suggest", "3", "-o", "{out}/alone.csv")
    ],
    "introduce": ["introduce", "{data}", "{parent}", "--as-of", "{today}", "-o", "{out}/i.csv"],
    "brokers": ["brokers", "{data}", "--as-of", "{today}", "-o", "{out}/brokers.csv"],
    "export gexf": ["export", "{data}", "--format", "gexf", "-o", "{out}/network.gexf"],
    "export gexf 1.2draft": [
        *("export", "{data}", "--format", "gexf", "--gexf-version", "1.2draft"),
        *("-o", "{out}/network.gexf"),
    ],
    "export graphml": ["export", "{data}", "--format", "graphml", "-o", "{out}/network.graphml"],
    "export csv": ["export", "{data}", "--format", "csv", "-o", "{out}/network"],
    "yield": ["yield", "{data}", "-o", "{out}/yield.csv"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def facts(folder: Path) -> dict:
    """The inputs' sha256, the last day of the contacts and a parent in the middle of the ids:
    the fixed ``today`` and ``PERSON`` of the weaver's commands."""
    with open(folder / "contacts.csv", newline="", encoding="utf-8") as file:
        today = max(row["date"] for row in csv.DictReader(file))
    with open(folder / "people.csv", newline="", encoding="utf-8") as file:
        parents = sorted(row["id"] for row in csv.DictReader(file) if row["role"] == "parent")
    inputs = {path.name: sha256(path) for path in sorted(folder.glob("*.csv"))}
    return {"inputs": inputs, "today": today[:10], "parent": parents[len(parents) // 2]}


def run_command(args: list[str], folder: Path, out: Path, facts: dict, key_file: Path) -> None:
    """Run one command of :data:`COMMANDS` (its ``args``) on ``folder`` through the CLI, in
    this process, writing into ``out`` (created, must not exist)."""
    from click.testing import CliRunner

    from contactladder.cli import main

    out.mkdir(parents=True)
    fill = {"data": str(folder), "out": str(out), **facts}
    filled = [part.format(**fill) for part in args]
    result = CliRunner().invoke(main, [*filled, "--key-file", str(key_file), "-q"])
    if result.exit_code != 0:
        raise RuntimeError(
            f"{filled} failed ({result.exit_code}): {result.output}"
        ) from result.exception


def line_blocks(path: Path) -> str:
    """The short sha256 of each :data:`BLOCK` lines of a text file, space-separated: enough to
    find where two versions first differ without keeping the file."""
    lines = path.read_bytes().splitlines(keepends=True)
    return " ".join(
        hashlib.sha256(b"".join(lines[start : start + BLOCK])).hexdigest()[:8]
        for start in range(0, len(lines), BLOCK)
    )


def first_line(path: Path) -> str:
    """The first line of a text file, without its end."""
    return path.read_bytes().split(b"\n", 1)[0].decode("utf-8").rstrip("\r")


def fingerprints(out: Path) -> dict[str, dict]:
    """The sha256 and size of every file under ``out``, by path relative to it; for a CSV also
    its header and :func:`line_blocks`."""
    found = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            found[path.relative_to(out).as_posix()] = {
                "sha256": sha256(path),
                "size": path.stat().st_size,
                **(
                    {"header": first_line(path), "blocks": line_blocks(path)}
                    if path.suffix == ".csv"
                    else {}
                ),
            }
    return found


def kept_name(name: str) -> str:
    """The file a kept output of the command ``name`` is stored in: ``growth-by-wijk.csv``."""
    return name.replace(" --", "-").replace(" ", "-") + ".csv"


def out_name(name: str) -> str:
    """The folder the command ``name`` writes into: ``growth_--by_wijk``."""
    return name.replace(" ", "_")


def record(folder: Path, work: Path, key_file: Path) -> tuple[dict, dict]:
    """Run every command on ``folder``; its facts and its outputs' fingerprints."""
    known = facts(folder)
    outputs = {}
    for name in COMMANDS:
        out = work / folder.name / out_name(name)
        run_command(COMMANDS[name], folder, out, known, key_file)
        outputs[name] = fingerprints(out)
        if folder.name == DEMO and name in KEPT:
            (HERE / kept_name(name)).write_bytes((out / "growth.csv").read_bytes())
    return known, outputs


def _load_generator() -> Callable[..., None]:
    """This working tree's ``synthetic.generate``, whatever the checkout holds."""
    path = REPO / "contactladder" / "demo" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("identity_synthetic", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", type=Path, help="The checkout whose code makes the outputs.")
    checkout = parser.parse_args().checkout.resolve()
    sys.path.insert(0, str(checkout))
    import contactladder

    if not Path(contactladder.__file__).resolve().is_relative_to(checkout):
        sys.exit(f"contactladder comes from {contactladder.__file__}, not from {checkout}")
    commit = subprocess.run(
        ["git", "-C", str(checkout), "log", "-1", "--format=%h %s"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    generate = _load_generator()
    manifest: dict = {"recorded_from": commit, "key": KEY, "village": VILLAGE, "commands": COMMANDS}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        key_file = work / "key"
        key_file.write_text(KEY + "\n")
        village = work / "data" / str(VILLAGE["name"])
        generate(village, *(VILLAGE[k] for k in ("contacts", "people", "months", "seed")))
        data = {}
        for folder in (checkout / "data" / DEMO, village):
            known, outputs = record(folder, work / "out", key_file)
            data[folder.name] = {**known, "outputs": outputs}
            print(f"{folder.name}: {sum(map(len, outputs.values()))} files", file=sys.stderr)
    manifest["data"] = data
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
