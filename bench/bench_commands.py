"""Time the other commands against the growth table on the same generated data.

Usage::

    .venv/bin/python bench/bench_commands.py [--contacts 1000000] [--people 50000]
    .venv/bin/python bench/bench_commands.py --contacts 100000 --people 5000 --only map report

It writes the seeded village of :mod:`contactladder.demo.synthetic` into ``bench/out/`` (reused
when there) and runs each command through its job, in a fresh Python process, from reading the
data to writing its files (beside the data folder, in ``<folder>-commands/``): ``growth``,
``growth --view active`` and ``--view current``, ``growth --by wijk --between`` (reached and
current), ``weaving`` (reached and current), ``check``, ``map``, ``map --png``,
``timeline``, ``report`` and ``export`` in every format (GEXF 1.3 and 1.2draft, GraphML, CSV,
XLSX, RSiena). It prints the CPU seconds of each (every thread of the process, so that ratios
hold on a busy machine), the wall seconds, the peak memory and the ratio to ``growth``
(target, issue 15: at most 3 at 1M contacts), each command's to the run of ``growth`` just
before it (``common.measure_paired``: this machine's speed drifts over minutes; ``--rounds N``
measures each N times and prints the median ratio with its range). A command that takes longer
than ``--timeout`` seconds (default 900) is stopped and reported as timed out; one that fails
is reported with the last line of its error. The weaver's commands and ``yield`` are timed by
``bench_weaver.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import measure_paired, print_ratios, seeded_data, timed

# Imported before any timing: the stages time work, not imports.
from contactladder.jobs.common import Source
from contactladder.jobs.export import export_job
from contactladder.jobs.maps import map_job, timeline_job
from contactladder.jobs.report import report_job
from contactladder.jobs.tables import check_job, growth_job, weaving_job

MONTHS, TARGET = 24, 3.0


def _export(format: str, name: str, **options: Any) -> Callable[[Source, Path], object]:
    return lambda source, out: export_job(source, out / name, format=format, **options)


COMMANDS: dict[str, Callable[[Source, Path], object]] = {
    "growth": lambda source, out: growth_job(source, out / "growth.csv"),
    "growth --view active": lambda source, out: growth_job(source, out / "g.csv", view="active"),
    "growth --view current": lambda source, out: growth_job(source, out / "g.csv", view="current"),
    "growth --by wijk --between": lambda source, out: growth_job(
        source, out / "g.csv", by="wijk", between=True
    ),
    "growth --by wijk --between --view current": lambda source, out: growth_job(
        source, out / "g.csv", by="wijk", between=True, view="current"
    ),
    "weaving": lambda source, out: weaving_job(source, out / "w.csv"),
    "weaving --view current": lambda source, out: weaving_job(
        source, out / "w.csv", view="current"
    ),
    "check": lambda source, out: check_job(source),
    "map": lambda source, out: map_job(source, out / "map.html"),
    "map --png": lambda source, out: map_job(source, out / "map.html", png=True),
    "timeline": lambda source, out: timeline_job(source, out / "timeline.html"),
    "report": lambda source, out: report_job(source, out / "report"),
    "export gexf": _export("gexf", "network.gexf"),
    "export gexf 1.2draft": _export("gexf", "network.gexf", gexf_version="1.2draft"),
    "export graphml": _export("graphml", "network.graphml"),
    "export csv": _export("csv", "network"),
    "export xlsx": _export("xlsx", "network.xlsx"),
    "export rsiena": _export("rsiena", "rsiena"),
}


def stage(name: str, folder: Path) -> None:
    """Run one command in this process; print its CPU and wall time and peak memory as JSON."""
    source = Source(folder)
    out = folder.with_name(folder.name + "-commands") / name.replace(" ", "_")
    shutil.rmtree(out, ignore_errors=True)  # an earlier output would be compared with or kept
    out.mkdir(parents=True)
    _, figures = timed(lambda: COMMANDS[name](source, out))
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=None, help="Default: contacts / 20.")
    parser.add_argument("--only", nargs="+", choices=list(COMMANDS), help="These commands.")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--timeout", type=float, default=900, help="Seconds per command.")
    parser.add_argument("--rounds", type=int, default=1, help="Times each command is measured.")
    parser.add_argument("--stage", choices=list(COMMANDS), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.stage, args.out)
        return
    contacts, people = args.contacts, args.people or args.contacts // 20
    folder = seeded_data(contacts, people, MONTHS, args.seed)
    names = [n for n in (args.only or COMMANDS) if n != "growth"]
    results = measure_paired(__file__, names, folder, rounds=args.rounds, timeout=args.timeout)
    print_ratios(results, target=TARGET)


if __name__ == "__main__":
    main()
