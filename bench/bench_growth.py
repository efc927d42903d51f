"""Time the growth table on a large generated data set, against a naive baseline and a floor.

Usage::

    .venv/bin/python bench/bench_growth.py [--size 1M|10M|100M] [--contacts N] [--people N]

Writes a seeded data set (``contacts.csv``, ``people.csv``) into ``bench/out/`` and times, each in
a fresh Python process so that times and peak memory do not mix, the CPU time (all threads of
the process, ``time.process_time``, so that ratios hold on a busy machine) beside the wall time:

growth
    ``LadderNetwork.from_path`` + ``growth(net, freq="month")``: the public API, loading and
    validation included, reached view.
growth streamed
    ``StreamedNetwork.from_path`` + ``growth``: ``growth --streamed``, the contacts checked and
    grouped out of core by polars' streaming engine; the same table.
baseline
    The naive way: read the contacts with pandas, then for every month rebuild the snapshot graph
    with networkx from all contacts so far and compute each column from scratch
    (``nx.number_connected_components``, ``nx.transitivity``, ``nx.density``, degrees ...).
floor, floor polars, floor streaming, floor duckdb
    Reading the contacts and grouping them by pair and month (highest rung), nothing else: what
    any tool has to do at least, with pandas, polars (in memory, and its streaming engine) and
    DuckDB.

Prints the times, peak memory of each process (``VmHWM``), the ratios of growth to the best
floor and to pandas' (CPU) and baseline/growth, and checks that growth and the baseline give the
same table, and that growth and growth streamed do. ``--size 10M`` (10M contacts, 500k
people) leaves the baseline out; ``--size 100M`` (100M contacts, 5M people: a 5 GB file written
part by part, :func:`~contactladder.demo.synthetic.generate_in_parts`) times only what works out
of core: growth streamed and the streaming and DuckDB floors, with the peak memory targets (2 GB
at 10M, 8 GB streamed at 100M). See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import polars as pl
from common import OUT, measure_stage, timed

# Imported before any timing, as pandas, polars and DuckDB are for the floors: the stages time
# work, not imports.
from contactladder import LadderNetwork, growth
from contactladder.demo.synthetic import RUNG_KEYS, generate, generate_in_parts
from contactladder.network import StreamedNetwork

TARGET_SPEEDUP, TARGET_FLOOR = 5.0, 3.0


# --- the three measurements ------------------------------------------------------------------


def run_growth(folder: Path) -> pd.DataFrame:
    net = LadderNetwork.from_path(folder)
    return growth(net, freq="month")


def run_growth_streamed(folder: Path) -> pd.DataFrame:
    """``growth --streamed``: the contacts read and grouped out of core."""
    return growth(StreamedNetwork.from_path(folder), freq="month")


def run_floor(folder: Path) -> pd.DataFrame:
    """The pandas floor: read the contacts, rung keys to levels, dates to months, group by month
    and pair (highest rung)."""
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


def _polars_floor(folder: Path) -> pl.LazyFrame:
    """Reading the contacts and grouping them by month and pair (highest rung), in polars."""
    levels = {key: n for n, key in enumerate(RUNG_KEYS, start=1)}
    return (
        pl.scan_csv(folder / "contacts.csv")
        .select(
            pl.col("date").str.to_date("%Y-%m-%d").dt.truncate("1mo").alias("month"),
            "person_a",
            "person_b",
            pl.col("rung").replace_strict(levels, return_dtype=pl.Int8),
        )
        .group_by("month", "person_a", "person_b")
        .agg(pl.col("rung").max())
    )


def run_floor_polars(folder: Path) -> pd.DataFrame:
    """The same floor with polars (its lazy reader), the groups collected in memory."""
    return pd.DataFrame({"rows": [_polars_floor(folder).collect().height]})


def run_floor_streaming(folder: Path) -> pd.DataFrame:
    """The polars floor with its streaming engine: out of core, for files beyond memory."""
    counted = _polars_floor(folder).select(pl.len()).collect(engine="streaming")
    return pd.DataFrame({"rows": [counted.item()]})


def run_ties_polars(folder: Path) -> pd.DataFrame:
    """An independent count of two columns of the growth table, straight from the file with
    polars: ``new_ties`` (the pairs whose first contact is in the month) and ``ties`` (their
    running sum), for checking the streamed growth where nothing else can hold the data."""
    a, b = pl.col("person_a"), pl.col("person_b")
    first = (
        pl.scan_csv(folder / "contacts.csv")
        .group_by(pl.min_horizontal(a, b).alias("low"), pl.max_horizontal(a, b).alias("high"))
        .agg(pl.col("date").min().str.slice(0, 7).alias("period"))
        .group_by("period")
        .agg(pl.len().alias("new_ties"))
        .sort("period")
        .collect(engine="streaming")
    )
    return pd.DataFrame(
        {
            "period": first["period"].to_list(),
            "new_ties": first["new_ties"].to_numpy(),
            "ties": first["new_ties"].to_numpy().cumsum(),
        }
    )


def run_floor_duckdb(folder: Path) -> pd.DataFrame:
    """The same floor with DuckDB (its CSV reader and hash aggregate), the groups kept in a
    table of its own (as polars keeps them in a frame), spilled to disk beyond 6 GB."""
    cases = " ".join(f"WHEN '{key}' THEN {n}" for n, key in enumerate(RUNG_KEYS, start=1))
    duckdb.sql("SET memory_limit = '6GB'")
    duckdb.sql(
        f"""CREATE TEMP TABLE grouped AS
            SELECT date_trunc('month', CAST(date AS DATE)) AS month, person_a, person_b,
                   max(CASE rung {cases} END) AS rung
            FROM read_csv('{folder / "contacts.csv"}', all_varchar = true)
            GROUP BY ALL"""
    )
    (rows,) = duckdb.sql("SELECT count(*) FROM grouped").fetchall()[0]
    return pd.DataFrame({"rows": [rows]})


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


STAGES = {
    "floor": run_floor,
    "floor polars": run_floor_polars,
    "floor streaming": run_floor_streaming,
    "floor duckdb": run_floor_duckdb,
    "growth": run_growth,
    "growth streamed": run_growth_streamed,
    "ties polars": run_ties_polars,
    "baseline": run_baseline,
}
FLOORS = ("floor", "floor polars", "floor streaming", "floor duckdb")
GROWTHS = ("growth", "growth streamed")
#: The sizes of --size: contacts, people.
SIZES = {"1M": (1_000_000, 50_000), "10M": (10_000_000, 500_000), "100M": (100_000_000, 5_000_000)}
#: What --size 100M measures: what works out of core (the 5 GB file is written in parts).
OUT_OF_CORE = ("growth streamed", "ties polars", "floor streaming", "floor duckdb")
#: Peak memory targets (issue 15), MiB: growth at 10M contacts, streamed growth at 100M.
PEAK_TARGETS = {"10M": 2_000, "100M": 8_000}


def stage(name: str, folder: Path) -> None:
    """Run one measurement in this process; print its wall and CPU time and peak memory as
    JSON."""
    table, figures = timed(lambda: STAGES[name](folder))
    if name not in FLOORS:
        table.to_csv(folder / f"{name.replace(' ', '_')}.csv", index=False)
    print(json.dumps({**figures, "rows": len(table)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        default=None,
        help="1M (the default), 10M or 100M contacts (100M: streamed growth and floors only).",
    )
    parser.add_argument("--contacts", type=int, default=None)
    parser.add_argument("--people", type=int, default=None)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="Data folder (default: bench/out/<contacts>-<people>-<months>).",
    )
    parser.add_argument("--skip-baseline", action="store_true", help="Time growth and floors only.")
    parser.add_argument("--stage", choices=list(STAGES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    contacts, people = SIZES[args.size or "1M"]
    contacts, people = args.contacts or contacts, args.people or people
    folder = args.out or OUT / f"{contacts}-{people}-{args.months}-{args.seed}"
    if args.stage:
        stage(args.stage, folder)
        return

    if not (folder / "contacts.csv").exists():
        began = time.perf_counter()
        write = generate_in_parts if contacts > 20_000_000 else generate
        write(folder, contacts, people, args.months, args.seed)
        print(f"generated {folder} in {time.perf_counter() - began:.1f} s")
    print(
        f"{contacts:,} contacts among {people:,} people over {args.months} months; "
        f"monthly growth table, reached view"
    )
    skip_baseline = args.skip_baseline or args.size in ("10M", "100M")
    names = OUT_OF_CORE if args.size == "100M" else STAGES
    results = {
        name: measure_stage(__file__, name, folder)
        for name in names
        if not (name == "baseline" and skip_baseline)
    }
    print(f"  {'':<15} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9}")
    for name, result in results.items():
        print(
            f"  {name:<15} {result['cpu']:7.1f} {result['seconds']:7.1f} {result['peak_mib']:9.0f}"
        )
    _print_ratios(results, PEAK_TARGETS.get(args.size or "1M"))
    if "ties polars" in results:
        ours = pd.read_csv(folder / "growth_streamed.csv", usecols=["period", "ties", "new_ties"])
        theirs = pd.read_csv(folder / "ties_polars.csv")[ours.columns]
        same = ours.equals(theirs)
        print(f"  growth streamed's ties and new_ties agree with polars' own count: {same}")
    if all(name in results for name in GROWTHS):
        same = (folder / "growth.csv").read_bytes() == (folder / "growth_streamed.csv").read_bytes()
        print(f"  growth and growth streamed tables agree: {'yes' if same else 'NO'}")
    if "baseline" in results:
        speedup = results["baseline"]["cpu"] / results["growth"]["cpu"]
        print(
            f"  baseline / growth      {speedup:6.2f} CPU  (target >= {TARGET_SPEEDUP:g}: "
            f"{'met' if speedup >= TARGET_SPEEDUP else 'NOT met'})"
        )
        ours = pd.read_csv(folder / "growth.csv")
        naive = pd.read_csv(folder / "baseline.csv")
        same = ours[naive.columns].round(9).equals(naive.round(9))
        print(f"  growth and baseline tables agree: {'yes' if same else 'NO'}")


def _print_ratios(results: dict, peak_target: int | None) -> None:
    """Each growth's CPU time over the best embedded engine's floor (and pandas'), and its
    peak memory against the target of this size."""
    best = min((n for n in FLOORS[1:] if n in results), key=lambda n: results[n]["cpu"])
    for growth_name in (n for n in GROWTHS if n in results):
        for name in (best, "floor"):
            if name not in results:
                continue
            ratio = results[growth_name]["cpu"] / results[name]["cpu"]
            met = "met" if ratio <= TARGET_FLOOR else "NOT met"
            target = f"(target <= {TARGET_FLOOR:g}: {met})" if name == best else ""
            print(f"  {growth_name} / {name:<15} {ratio:6.2f} CPU  {target}")
        if peak_target is not None:
            peak = results[growth_name]["peak_mib"]
            met = "met" if peak <= peak_target else "NOT met"
            print(f"  {growth_name} peak {peak:,.0f} MiB  (target <= {peak_target:,}: {met})")


if __name__ == "__main__":
    main()
