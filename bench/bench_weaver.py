"""Time the weaver's commands against the growth table on the same generated data.

Usage::

    .venv/bin/python bench/bench_weaver.py [--sizes 100000 1000000] [--only alone brokers]

For each size (contacts; people are one in twenty, over 24 months) it writes the seeded data set
of ``bench_growth.py`` into ``bench/out/`` (reused when there) and runs each command through its
job, in a fresh Python process, from reading the data to writing its CSV (beside the data
folder, in ``<folder>-weaver/``): ``growth``, ``alone``, ``alone --suggest 3``, ``introduce``
(a parent in the middle of the ids), ``brokers``, ``yield`` and ``gesprek`` (that parent's
conversation sheet; its picture's positions are kept beside the data by the first run, as a
map's are). It prints the CPU seconds of each (user + system, so that ratios hold on a busy
machine), the wall seconds, the peak memory and the ratio to ``growth`` (target: at most 3),
each command's to the run of ``growth`` just before it (``common.measure_paired``: this
machine's speed drifts over minutes); ``--rounds N`` measures each N times and prints the
median ratio with its range.
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path

from common import measure_paired, print_ratios, seeded_data, timed

# Imported before any timing: the stages time work, not imports.
from contactladder.demo.synthetic import START
from contactladder.jobs.common import Source
from contactladder.jobs.tables import growth_job, yield_job
from contactladder.jobs.weaver import alone_job, brokers_job, introduce_job
from contactladder.jobs.weaver_logs import conversation_job

MONTHS, TARGET = 24, 3.0
#: The day the weaver's lists are measured from: the last day of the generated data.
TODAY = (START + datetime.timedelta(days=730) - datetime.timedelta(days=1)).date()

COMMANDS = {
    "growth": lambda source, out, _: growth_job(source, out / "growth.csv"),
    "alone": lambda source, out, _: alone_job(source, out / "alone.csv", today=TODAY),
    "alone --suggest 3": lambda source, out, _: alone_job(
        source, out / "suggest.csv", today=TODAY, suggest=3
    ),
    "introduce": lambda source, out, person: introduce_job(
        source, person, out / "introduce.csv", today=TODAY
    ),
    "brokers": lambda source, out, _: brokers_job(source, out / "brokers.csv", today=TODAY),
    "yield": lambda source, out, _: yield_job(source, out / "yield.csv"),
    "gesprek": lambda source, out, person: conversation_job(
        source, person, out / "gesprek.html", today=TODAY
    ),
}


def _a_parent(source: Source) -> str:
    """A parent in the middle of the ids (the people file is read before the clock starts)."""
    import pandas as pd

    people = pd.read_csv(source.path / "people.csv", usecols=["id", "role"])
    parents = people.loc[people["role"] == "parent", "id"].tolist()
    return str(parents[len(parents) // 2])


def stage(name: str, folder: Path) -> None:
    """Run one command in this process; print its CPU and wall time and peak memory as JSON."""
    source, out = Source(folder), folder.with_name(folder.name + "-weaver")
    out.mkdir(exist_ok=True)
    for stale in out.glob("*.csv"):
        stale.unlink()  # an earlier list would be compared with: time the first run
    person = _a_parent(source)
    _, figures = timed(lambda: COMMANDS[name](source, out, person))
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", nargs="+", choices=list(COMMANDS), help="These commands.")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=1, help="Times each command is measured.")
    parser.add_argument("--stage", choices=list(COMMANDS), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.stage, args.out)
        return
    names = [n for n in (args.only or COMMANDS) if n != "growth"]
    for contacts in args.sizes:
        people = contacts // 20
        folder = seeded_data(contacts, people, MONTHS, args.seed)
        print_ratios(measure_paired(__file__, names, folder, rounds=args.rounds), target=TARGET)


if __name__ == "__main__":
    main()
