"""Benchmark of the map page: generate (layout included), draw in headless Chromium, file size.

Run: ``python bench/bench_maps.py [--sizes 1000,5000,10000] [--ties-per-person 2] [--no-browser]
[--no-timeline]``

Targets (issue 3): a 10,000-person map generated in under 5 s and drawn in under 3 s; file size
growing linearly with ties; the demo's timeline (data/zwolle-demo, per month) drawn in under 3 s.
Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ACTIVITIES, CHROMIUM, CHROMIUM_ARGS, DEMO, ORGANISATIONS, WIJKEN

from contactladder.jobs.maps import write_map, write_timeline
from contactladder.ladder import Ladder
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.layout import layout_positions


def synthetic(people: int, ties_per_person: float, seed: int = 1) -> nx.Graph:
    """A fictional village: 90 % parents, 8 % professionals, 2 % volunteers; ties mostly inside a
    wijk, lower rungs more common."""
    rng = random.Random(seed)
    G = nx.Graph()
    numbers: dict[str, int] = {}
    for i in range(people):
        r = rng.random()
        role = "parent" if r < 0.9 else "professional" if r < 0.98 else "volunteer"
        numbers[role] = numbers.get(role, 0) + 1
        G.add_node(
            f"person-{i:06d}",
            role=role,
            number=numbers[role],
            name=f"Name {i}",
            wijk=rng.choice(WIJKEN),
            organisation=rng.choice(ORGANISATIONS) if role == "professional" else "",
        )
    by_wijk: dict[str, list[str]] = {}
    for node, wijk in G.nodes(data="wijk"):
        by_wijk.setdefault(wijk, []).append(node)
    nodes = list(G)
    start = pd.Timestamp("2023-01-01")
    while G.number_of_edges() < int(people * ties_per_person):
        a = rng.choice(nodes)
        pool = by_wijk[G.nodes[a]["wijk"]] if rng.random() < 0.85 else nodes
        b = rng.choice(pool)
        if a == b:
            continue
        first = start + pd.Timedelta(days=rng.randrange(700))
        G.add_edge(
            a,
            b,
            rung=rng.choices([1, 2, 3, 4, 5], [40, 25, 17, 11, 7])[0],
            first_contact=first,
            last_contact=first + pd.Timedelta(days=rng.randrange(60)),
            contacts=rng.randrange(1, 20),
            activities=tuple(sorted(rng.sample(ACTIVITIES, rng.randrange(0, 3)))),
        )
    return G


def draw_seconds(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=120_000
        )
        return time.perf_counter() - start
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000,20000")
    parser.add_argument("--ties-per-person", type=float, default=2.0)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-timeline", action="store_true", help="Skip the demo's timeline.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    ladder = Ladder.default()
    browser = playwright = None
    if not args.no_browser and Path(CHROMIUM).exists():
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    print(
        f"{'people':>7} {'ties':>7} {'layout s':>9} {'generate s':>11} {'draw s':>7} "
        f"{'size MB':>8} {'bytes/tie':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            G = synthetic(n, args.ties_per_person)
            start = time.perf_counter()
            positions = layout_positions(G)
            layout = time.perf_counter() - start
            path = write_map(
                G,
                ladder,
                Path(tmp) / f"map-{n}.html",
                title=f"Bench {n}",
                as_of="2025-01-01",
                positions=positions,
            )
            generate = time.perf_counter() - start
            size = path.stat().st_size
            draw = f"{draw_seconds(browser, path):7.2f}" if browser else f"{'-':>7}"
            base = Path(tmp) / "empty.html"
            if not base.exists():
                write_map(nx.Graph(), ladder, base, title="Bench")
            per_tie = (size - base.stat().st_size) / max(1, G.number_of_edges())
            print(
                f"{n:>7} {G.number_of_edges():>7} {layout:>9.2f} {generate:>11.2f} {draw} "
                f"{size / 1e6:>8.2f} {per_tie:>9.0f}",
                flush=True,
            )
        if not args.no_timeline:
            timeline(browser, Path(tmp))
    if browser:
        browser.close()
        playwright.stop()


def timeline(browser, folder: Path) -> None:
    """The demo's timeline per month: generate, draw, and step through every period."""
    net = LadderNetwork.from_path(DEMO)
    start = time.perf_counter()
    path = write_timeline(net, folder / "timeline.html")
    generate = time.perf_counter() - start
    print(
        f"\ndemo timeline: {len(net.column('role'))} people, {len(net.ties())} ties, "
        f"generated in {generate:.2f} s, {path.stat().st_size / 1e6:.2f} MB"
    )
    if not browser:
        return
    draw = draw_seconds(browser, path)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=120_000
        )
        steps = page.evaluate("""() => { const c = window.contactladder;
            const n = c.data.steps.label.length, t0 = performance.now();
            for (let s = 0; s < n; s++) { c.setStep(s); c.network.redraw(); }
            return [n, (performance.now() - t0) / n]; }""")
    finally:
        page.close()
    print(
        f"demo timeline drawn in {draw:.2f} s (target < 3 s); one step of {steps[0]} "
        f"takes {steps[1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
