"""What the commands off target cannot go below: the parts of a command that no rework of the
rest of it removes, timed inside the command, against growth and the best floor in the same run.

Usage::

    .venv/bin/python bench/bench_parts.py [--rounds 3]

On the 1M data set of the other benches (1M contacts among 50,000 people over 24 months) it
runs, each in a fresh process: polars' floors (in memory and streaming, as ``bench_growth.py``
runs them), then ``growth``, ``brokers``, ``report``, ``map --png`` and ``alone --suggest 3``
(their jobs, as ``bench_commands.py`` and ``bench_weaver.py`` run them), each right after a run
of ``growth`` (``common.measure_paired``), and times inside each command the parts that stay
whatever the rest of it costs:

reading
    ``LadderNetwork.from_path``: reading and checking the files, which every command does,
    growth included.
betweenness
    igraph's betweenness from the 500 sampled sources of ``brokers``: the estimator its numbers
    are defined by (:mod:`contactladder.analysis.brokers`), in the C library built for it.
pictures
    matplotlib drawing the figures and pictures of the village into their files, and Pillow
    writing the PNGs: the report's 22 pictures, PNG and SVG.

It prints each command's CPU seconds and its ratios to growth and to the best floor, its
reading, and for ``brokers`` and ``report`` their part (seconds, and its ratio to the floor)
and their least ratio, ``(reading + part) / growth``, which no rework of the rest of the
command lowers as long as reading and growth get no slower (the report's tables, its growth
table among them, come on top). Last, what the two targets of issue 15 ask together: growth
within 3 times the floor and every command within 3 times growth put every command within 9
times the floor, and which commands are above that.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import igraph
from bench_commands import COMMANDS as TABLE_COMMANDS
from bench_weaver import COMMANDS as WEAVER_COMMANDS
from common import measure_paired, measure_stage, seeded_data, timed
from matplotlib.figure import Figure
from PIL import Image

from contactladder.jobs.common import Source
from contactladder.network import LadderNetwork

CONTACTS, PEOPLE, MONTHS, SEED = 1_000_000, 50_000, 24, 42
TARGET, FLOOR_TARGET = 3.0, 3.0
FLOORS = ("floor polars", "floor streaming")
COMMANDS: dict[str, Callable[[Source, Path], object]] = {
    "growth": TABLE_COMMANDS["growth"],
    "brokers": lambda source, out: WEAVER_COMMANDS["brokers"](source, out, None),
    "report": TABLE_COMMANDS["report"],
    "map --png": TABLE_COMMANDS["map --png"],
    "alone --suggest 3": lambda source, out: WEAVER_COMMANDS["alone --suggest 3"](
        source, out, None
    ),
}
#: The part of each command that stays, beside the reading.
KEPT = {"brokers": "betweenness", "report": "pictures"}
#: CPU seconds spent in each part, in this process.
PARTS = {"reading": 0.0, "betweenness": 0.0, "pictures": 0.0}


def _time_into(part: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, its CPU time added to ``PARTS[part]`` (once, when it calls itself or
    another function of the same part)."""
    inside = [0]

    @functools.wraps(function)
    def timed_call(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        inside[0] += 1
        try:
            return function(*args, **kwargs)
        finally:
            inside[0] -= 1
            if not inside[0]:
                PARTS[part] += time.process_time() - began

    return timed_call


def _watch_parts() -> None:
    """Time the parts wherever the command calls them."""
    reading = _time_into("reading", LadderNetwork.from_path.__func__)
    LadderNetwork.from_path = classmethod(reading)
    igraph.Graph.betweenness = _time_into("betweenness", igraph.Graph.betweenness)
    Figure.savefig = _time_into("pictures", Figure.savefig)
    Image.Image.save = _time_into("pictures", Image.Image.save)


def stage(name: str, folder: Path) -> None:
    """Run one command in this process, its parts timed; print the figures as JSON."""
    out = folder.with_name(folder.name + "-parts") / name
    shutil.rmtree(out, ignore_errors=True)  # an earlier output would be compared with or kept
    out.mkdir(parents=True)
    _watch_parts()
    _, figures = timed(lambda: COMMANDS[name](Source(folder), out))
    print(json.dumps({**figures, "parts": PARTS}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="Times each command is measured.")
    parser.add_argument("--stage", choices=list(COMMANDS), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        stage(args.stage, args.out)
        return
    folder = seeded_data(CONTACTS, PEOPLE, MONTHS, SEED)
    growth_bench = str(Path(__file__).with_name("bench_growth.py"))
    floors = {
        name: statistics.median(
            measure_stage(growth_bench, name, folder)["cpu"] for _ in range(args.rounds)
        )
        for name in FLOORS
    }
    best = min(floors, key=floors.__getitem__)
    results = measure_paired(__file__, list(COMMANDS), folder, rounds=args.rounds)
    _print_parts(results, floors[best], best)


def _print_parts(results: dict[str, dict], floor: float, floor_name: str) -> None:
    """The table of the commands, their parts and least ratios, and the two targets together."""
    width = max(len(name) for name in results)
    print(f"  best floor: {floor_name}, {floor:.2f} CPU s (median of its rounds)")
    print(
        f"  {'':<{width}} {'CPU s':>6} {'/ growth':>9} {'/ floor':>8} {'reading':>8} "
        f"{'its part':>9} {'/ floor':>8} {'least / growth':>15}"
    )
    for name, result in results.items():
        paired = result["cpu"] / result.get("ratio", 1.0)  # growth: itself
        parts = result["parts"]
        line = (
            f"  {name:<{width}} {result['cpu']:6.2f} {result['cpu'] / paired:8.2f}x "
            f"{result['cpu'] / floor:7.2f}x {parts['reading']:8.2f} "
        )
        if name in KEPT:
            kept = KEPT[name]
            least = (parts["reading"] + parts[kept]) / paired
            verdict = (
                "not ruled out by these parts"
                if least <= TARGET
                else f"over {TARGET:g} with these parts alone"
            )
            line += f"{parts[kept]:9.2f} {parts[kept] / floor:7.2f}x {least:14.2f}x  {verdict}"
        print(line)
    most = FLOOR_TARGET * TARGET * floor
    over = [name for name, result in results.items() if result["cpu"] > most]
    print(
        f"  growth within {FLOOR_TARGET:g}x the floor and every command within {TARGET:g}x "
        f"growth ask every command within {FLOOR_TARGET * TARGET:g}x the floor, {most:.2f} CPU s "
        f"here; above it: {', '.join(over) or 'none'}"
    )


if __name__ == "__main__":
    main()
