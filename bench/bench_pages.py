"""Benchmark of redrawing the map and timeline pages (issue 13): a slider step, a wijk change
and a rung-filter change, in headless Chromium, at the sizes researchers have.

Run: ``python bench/bench_pages.py [--sizes 10000,50000] [--ties-per-person 2] [--months 24]
[--repeat 5]``

For each size a seeded data folder is written once into ``bench/out/pages-<people>-<ties>-
<months>/`` (git ignores ``bench/out/``): parents, professionals and volunteers in three wijken,
ties mostly inside a wijk that start over the months and climb, a tenth of the parents alone.
Its map page and monthly timeline are generated, opened in headless Chromium and changed as a
reader does; each change is timed from the call to the end of vis-network's redraw
(``performance.now()`` in the page), as the median of ``--repeat`` changes. The demo
(data/zwolle-demo) is measured in the same run, as the baseline.

Targets (issue 13): at 10,000 people each change under 300 ms, at 50,000 under 1.5 s.
Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import CHROMIUM, CHROMIUM_ARGS, DEMO, ORGANISATIONS, OUT, WIJKEN

from contactladder.jobs.maps import write_timeline
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.network_map import network_map_data
from contactladder.render.page import render_map

# Each change, as the page's reader makes it; `s` is a step index, `w` a wijk index.
CHANGES = {
    "timeline": {
        "slider step": "(s) => window.contactladder.setStep(s)",
        "wijk change": "(w) => window.contactladder.setFilter(w, window.contactladder.state"
        ".minLevel)",
        "rung filter": "(level) => window.contactladder.setFilter(window.contactladder.state"
        ".wijk, level)",
    },
    "map": {
        "wijk change": "(w) => window.contactladder.setFilter(w, window.contactladder.state"
        ".minLevel)",
        "rung filter": "(level) => window.contactladder.setFilter(window.contactladder.state"
        ".wijk, level)",
    },
}


def data_folder(people: int, ties_per_person: float, months: int, seed: int = 1) -> Path:
    """A seeded data folder of ``people`` people, written once."""
    folder = OUT / f"pages-{people}-{ties_per_person:g}-{months}"
    if (folder / "contacts.csv").exists():
        return folder
    rng = random.Random(seed)
    rows, by_wijk = [], {w: [] for w in WIJKEN}
    for i in range(people):
        r = rng.random()
        role = "parent" if r < 0.9 else "professional" if r < 0.98 else "volunteer"
        wijk = rng.choice(WIJKEN)
        rows.append(
            (
                f"p{i:06d}",
                role,
                wijk,
                rng.choice(ORGANISATIONS[:5]) if role == "professional" else "",
            )
        )
        if not (role == "parent" and rng.random() < 0.1):  # a tenth of the parents alone
            by_wijk[wijk].append(f"p{i:06d}")
    start = pd.Timestamp("2024-01-01")
    everyone = [p for members in by_wijk.values() for p in members]
    contacts, pairs = [], set()
    while len(pairs) < int(people * ties_per_person):
        a = rng.choice(everyone)
        wijk = rows[int(a[1:])][2]
        b = rng.choice(by_wijk[wijk] if rng.random() < 0.85 else everyone)
        if a == b or (a, b) in pairs or (b, a) in pairs:
            continue
        pairs.add((a, b))
        day = rng.randrange(months * 30)
        rung = rng.choices([1, 2, 3], [60, 30, 10])[0]
        for _ in range(rng.choices([1, 2, 3], [60, 30, 10])[0]):  # meetings that climb
            contacts.append(((start + pd.Timedelta(days=day)).strftime("%Y-%m-%d"), a, b, rung))
            day += rng.randrange(20, 120)
            rung = min(5, rung + rng.choice([0, 1, 1, 2]))
            if day >= months * 30:
                break
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=["id", "role", "wijk", "organisation"]).to_csv(
        folder / "people.csv", index=False
    )
    pd.DataFrame(contacts, columns=["date", "person_a", "person_b", "rung"]).to_csv(
        folder / "contacts.csv", index=False
    )
    return folder


def timed(page, change: str, args: list) -> float:
    """The median time (ms) of ``change`` called with each of ``args``, up to the end of the
    redraw it causes (the pages redraw at once, within the call; else the bench redraws)."""
    times = page.evaluate(
        """([change, args]) => { const f = eval(change), c = window.contactladder;
        let drawn = 0; c.network.on("afterDrawing", () => { drawn += 1; });
        return args.map(a => { const t0 = performance.now(), before = drawn; f(a);
                               if (drawn === before) { c.network.redraw(); }
                               return performance.now() - t0; }); }""",
        [change, args],
    )
    return statistics.median(times)


def measure(browser, path: Path, kind: str, repeat: int) -> dict[str, float]:
    """Open the page (its Content-Security-Policy lifted: the bench evaluates its own calls)
    and time each change of ``kind``."""
    page = browser.new_page(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    try:
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=600_000
        )
        figures = {"open": (time.perf_counter() - start) * 1000}
        data = page.evaluate("""() => { const d = window.contactladder.data;
            return [d.steps ? d.steps.label.length : 0, d.wijken.length, d.rungs.length]; }""")
        steps, wijken, rungs = data
        for name, change in CHANGES[kind].items():
            if name == "slider step":  # one step back and forth, as a dragged slider does
                args = [max(0, steps - 2 - (k % 2)) for k in range(repeat)]
            elif name == "wijk change":
                args = [(k % (wijken + 1)) - 1 for k in range(1, repeat + 1)]
            else:
                args = [1 + (k % min(3, rungs)) for k in range(1, repeat + 1)]
            figures[name] = timed(page, change, args)
        return figures
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--ties-per-person", type=float, default=2.0)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: the bench draws in headless Chromium")
    from playwright.sync_api import sync_playwright

    cases = [("demo", DEMO)] + [(f"{int(n):,}", None) for n in args.sizes.split(",")]
    print(
        f"{'data':>8} {'page':>9} {'people':>7} {'ties':>7} {'generate s':>10} {'open ms':>8} "
        f"{'step ms':>8} {'wijk ms':>8} {'rung ms':>8}",
        flush=True,
    )
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, folder in cases:
            if folder is None:
                folder = data_folder(int(name.replace(",", "")), args.ties_per_person, args.months)
            net = LadderNetwork.from_path(folder)
            people, ties = len(net.column("role")), len(net.ties())
            for kind in ("timeline", "map"):
                start = time.perf_counter()
                path = Path(tmp) / f"{kind}-{name}.html"
                if kind == "timeline":
                    write_timeline(net, path)
                else:
                    path.write_text(render_map(network_map_data(net)), encoding="utf-8")
                generate = time.perf_counter() - start
                figures = measure(browser, path, kind, args.repeat)
                step = f"{figures['slider step']:8.0f}" if "slider step" in figures else f"{'-':>8}"
                print(
                    f"{name:>8} {kind:>9} {people:>7} {ties:>7} {generate:>10.1f} "
                    f"{figures['open']:>8.0f} {step} {figures['wijk change']:>8.0f} "
                    f"{figures['rung filter']:>8.0f}",
                    flush=True,
                )
        browser.close()
    print("\ntargets: each change < 300 ms at 10,000 people, < 1.5 s at 50,000 (issue 13)")


if __name__ == "__main__":
    main()
