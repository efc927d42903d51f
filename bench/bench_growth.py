"""Time the growth table on a large generated data set, against a naive baseline and a floor.

Usage::

    .venv/bin/python bench/bench_growth.py [--contacts 1000000] [--people 50000] [--months 24]

Writes a seeded data set (``contacts.csv``, ``people.csv``) into ``bench/out/`` and times, each in
a fresh Python process so that times and peak memory do not mix:

growth
    ``LadderNetwork.from_path`` + ``growth(net, freq="month")``: the public API, loading and
    validation included, reached view.
baseline
    The naive way: read the contacts with pandas, then for every month rebuild the snapshot graph
    with networkx from all contacts so far and compute each column from scratch
    (``nx.number_connected_components``, ``nx.transitivity``, ``nx.density``, degrees ...).
floor
    Reading the contacts with pandas and grouping them by pair and month (highest rung), nothing
    else: what any tool has to do at least.

Prints the three times, the ratios baseline/growth and growth/floor, peak memory of each process,
and checks that growth and the baseline give the same table. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from common import ACTIVITIES as VILLAGE_ACTIVITIES
from common import OUT

# Imported before any timing, as pandas is for the floor: the stages time work, not imports.
from contactladder import LadderNetwork, growth

START = pd.Timestamp("2024-01-01")
WIJKEN = ["Dieze", "Stadshagen", "Zwolle-Zuid", "Holtenbroek", "Assendorp"]
ACTIVITIES = [*VILLAGE_ACTIVITIES, ""]  # "": a contact outside any activity
RUNG_KEYS = ["kennen", "praten", "delen", "helpen", "steunen"]
TARGET_SPEEDUP, TARGET_FLOOR = 5.0, 3.0


# --- the data ----------------------------------------------------------------------------------


def generate(folder: Path, contacts: int, people: int, months: int, seed: int = 42) -> None:
    """A seeded data set: parents and professionals in wijken, who meet mostly near each other.

    People are placed on a ring by wijk; most contacts are between near neighbours on the ring
    (so the peer graph has triangles, as real neighbourhood networks do), a few are long-range.
    Pairs meet again and again (a heavy-tailed number of times) and their rungs rise as they do.
    About a third of the people join during the two years.
    """
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ids = np.array([f"p{i:06d}" for i in range(people)])
    roles = rng.choice(["parent", "professional", "volunteer"], size=people, p=[0.85, 0.12, 0.03])
    wijk = np.array(WIJKEN)[np.arange(people) * len(WIJKEN) // people]
    end = START + pd.DateOffset(months=months)
    span = (end - START).days
    join_day = np.where(rng.random(people) < 0.35, rng.integers(0, span, size=people), -1)
    joined = pd.Series(START + pd.to_timedelta(np.maximum(join_day, 0), unit="D"))
    joined[join_day < 0] = pd.NaT
    people_table = pd.DataFrame(
        {
            "id": ids,
            "role": roles,
            "wijk": wijk,
            "organisation": np.where(
                roles == "professional",
                rng.choice(
                    ["GGD", "sociaal wijkteam", "kinderopvang", "onderwijs", "welzijn"], size=people
                ),
                "",
            ),
            "joined": joined.dt.strftime("%Y-%m-%d").fillna(""),
        }
    )
    people_table.to_csv(folder / "people.csv", index=False)

    pairs = contacts // 3  # distinct ties, about
    a = rng.integers(0, people, size=pairs)
    near = rng.random(pairs) < 0.9
    offset = np.where(near, rng.integers(1, 40, size=pairs), rng.integers(1, people, size=pairs))
    b = (a + offset) % people
    repeats = np.minimum(rng.zipf(1.8, size=pairs), 60)
    scale = contacts / repeats.sum()
    repeats = np.maximum(1, np.round(repeats * scale)).astype(int)
    pair_of = np.repeat(np.arange(pairs), repeats)[:contacts]
    if len(pair_of) < contacts:
        pair_of = np.concatenate([pair_of, rng.integers(0, pairs, size=contacts - len(pair_of))])
    first_day = np.maximum(join_day[a], join_day[b]).clip(min=0)[pair_of]
    day = first_day + (rng.random(contacts) * (span - first_day)).astype(int)
    order = np.lexsort((day, pair_of))
    pair_of, day = pair_of[order], day[order]
    # The n-th meeting of a pair is at rung 1 + a random share of n (capped at the top).
    nth = np.arange(contacts) - np.searchsorted(pair_of, pair_of)
    rung = np.minimum(5, 1 + (nth * rng.random(contacts) * 0.6).astype(int))
    frame = pd.DataFrame(
        {
            "date": (START + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d"),
            "person_a": ids[a[pair_of]],
            "person_b": ids[b[pair_of]],
            "rung": np.array(RUNG_KEYS)[rung - 1],
            "activity": rng.choice(ACTIVITIES, size=contacts),
        }
    )
    frame = frame.sample(frac=1, random_state=seed)  # files are rarely sorted
    frame.to_csv(folder / "contacts.csv", index=False)


# --- the three measurements ------------------------------------------------------------------


def run_growth(folder: Path) -> pd.DataFrame:
    net = LadderNetwork.from_path(folder)
    return growth(net, freq="month")


def run_floor(folder: Path) -> pd.DataFrame:
    contacts = pd.read_csv(
        folder / "contacts.csv", usecols=["date", "person_a", "person_b", "rung"]
    )
    contacts["rung"] = contacts["rung"].map({key: n for n, key in enumerate(RUNG_KEYS, start=1)})
    month = pd.to_datetime(contacts["date"], format="%Y-%m-%d").dt.to_period("M")
    return (
        contacts.assign(month=month)
        .groupby(["month", "person_a", "person_b"])["rung"]
        .max()
        .reset_index()
    )


def run_baseline(folder: Path) -> pd.DataFrame:
    """Rebuild the snapshot graph every month and compute every column from scratch."""
    import networkx as nx

    levels = {key: level for level, key in enumerate(RUNG_KEYS, start=1)}
    contacts = pd.read_csv(folder / "contacts.csv", dtype=str, keep_default_na=False)
    people = pd.read_csv(folder / "people.csv", dtype=str, keep_default_na=False).set_index("id")
    contacts["date"] = pd.to_datetime(contacts["date"], format="ISO8601")
    contacts["rung"] = contacts["rung"].map(levels)
    low = np.minimum(contacts["person_a"].values, contacts["person_b"].values)
    high = np.maximum(contacts["person_a"].values, contacts["person_b"].values)
    contacts["person_a"], contacts["person_b"] = low, high
    first_seen = (
        pd.concat(
            [contacts.groupby("person_a")["date"].min(), contacts.groupby("person_b")["date"].min()]
        )
        .groupby(level=0)
        .min()
    )
    start = contacts["date"].min()
    joined = pd.to_datetime(people["joined"].replace("", None)).fillna(start)
    present_from = pd.concat([joined, first_seen.reindex(joined.index)], axis=1).min(axis=1)
    role = people["role"].to_dict()
    rows, before = [], pd.Series(dtype="int64")
    for month in pd.period_range(start.to_period("M"), contacts["date"].max().to_period("M")):
        end = (month + 1).start_time
        reached = contacts[contacts["date"] < end].groupby(["person_a", "person_b"])["rung"].max()
        graph = nx.Graph()
        graph.add_nodes_from(present_from.index[present_from < end])
        graph.add_edges_from((a, b, {"rung": r}) for (a, b), r in reached.items())
        focal = [p for p in graph if role[p] == "parent"]
        peers = graph.subgraph(focal)
        old = before.reindex(reached.index)
        peer_top = {
            p: max((r for _, _, r in peers.edges(p, data="rung")), default=0) for p in focal
        }
        components = list(nx.connected_components(graph))
        largest = max(components, key=lambda c: (len(c), sum(role[p] == "parent" for p in c)))
        rows.append(
            {
                "period": str(month),
                "people": graph.number_of_nodes(),
                "focal": len(focal),
                "ties": graph.number_of_edges(),
                **{f"rung_{key}": int((reached == level).sum()) for key, level in levels.items()},
                "new_ties": int(old.isna().sum()),
                "climbed": int((reached > old).sum()),
                "focal_alone": sum(graph.degree(p) == 0 for p in focal),
                "focal_only_professional": sum(
                    graph.degree(p) > 0 and peers.degree(p) == 0 for p in focal
                ),
                "focal_peer_ge3": sum(r >= 3 for r in peer_top.values()),
                "focal_peer_top": sum(r >= 5 for r in peer_top.values()),
                "focal_peer_degree_mean": sum(d for _, d in peers.degree()) / len(focal),
                "components": len(components),
                "largest_component_share": sum(role[p] == "parent" for p in largest) / len(focal),
                "peer_density": nx.density(peers),
                "peer_transitivity": nx.transitivity(peers),
            }
        )
        before = reached
    return pd.DataFrame(rows)


STAGES = {"growth": run_growth, "baseline": run_baseline, "floor": run_floor}


def stage(name: str, folder: Path) -> None:
    """Run one measurement in this process; print its time and peak memory as JSON."""
    began = time.perf_counter()
    table = STAGES[name](folder)
    seconds = time.perf_counter() - began
    peak_kib = peak_memory_kib()
    if name != "floor":
        table.to_csv(folder / f"{name}.csv", index=False)
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "rows": len(table)}))


def peak_memory_kib() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss where /proc is missing).

    ru_maxrss alone would report the parent's peak: Linux carries it over fork and exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(name: str, folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", name, "--out", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="Data folder (default: bench/out/<contacts>-<people>-<months>).",
    )
    parser.add_argument("--skip-baseline", action="store_true", help="Time growth and floor only.")
    parser.add_argument("--stage", choices=list(STAGES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.out or OUT / f"{args.contacts}-{args.people}-{args.months}-{args.seed}"
    if args.stage:
        stage(args.stage, folder)
        return

    if not (folder / "contacts.csv").exists():
        began = time.perf_counter()
        generate(folder, args.contacts, args.people, args.months, args.seed)
        print(f"generated {folder} in {time.perf_counter() - began:.1f} s")
    print(
        f"{args.contacts:,} contacts among {args.people:,} people over {args.months} months; "
        f"monthly growth table, reached view"
    )
    results = {
        name: measure(name, folder)
        for name in ("floor", "growth", "baseline")
        if not (name == "baseline" and args.skip_baseline)
    }
    for name, result in results.items():
        print(f"  {name:<9} {result['seconds']:8.1f} s   peak memory {result['peak_mib']:7.0f} MiB")
    growth_s = results["growth"]["seconds"]
    ratio_floor = growth_s / results["floor"]["seconds"]
    print(
        f"  growth / floor     {ratio_floor:6.2f}   (target <= {TARGET_FLOOR:g}: "
        f"{'met' if ratio_floor <= TARGET_FLOOR else 'NOT met'})"
    )
    if "baseline" in results:
        speedup = results["baseline"]["seconds"] / growth_s
        print(
            f"  baseline / growth  {speedup:6.2f}   (target >= {TARGET_SPEEDUP:g}: "
            f"{'met' if speedup >= TARGET_SPEEDUP else 'NOT met'})"
        )
        ours = pd.read_csv(folder / "growth.csv")
        naive = pd.read_csv(folder / "baseline.csv")
        same = ours[naive.columns].round(9).equals(naive.round(9))
        print(f"  growth and baseline tables agree: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
