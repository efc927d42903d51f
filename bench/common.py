"""What the benches share: where the demo and the generated data sets are, how headless
Chromium is started, how a stage runs in a fresh process, and the words of a generated
village."""

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The generated village's activities, for the benches that draw their own villages.
from contactladder.demo.synthetic import ACTIVITIES as ACTIVITIES
from contactladder.demo.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "zwolle-demo"
#: Where the benches write their generated data sets (git ignores it).
OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
#: Headless Chromium that reaches for nothing on the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid")
ORGANISATIONS = (
    "GGD",
    "Sociaal wijkteam",
    "Kinderopvang",
    "Onderwijs",
    "Welzijn",
    "Verloskundigen",
    "Sportservice",
)


def seeded_data(contacts: int, people: int, months: int, seed: int) -> Path:
    """The folder of the seeded village of that size in :data:`OUT`, generated when missing
    (:func:`~contactladder.demo.synthetic.generate`); prints what it holds."""
    folder = OUT / f"{contacts}-{people}-{months}-{seed}"
    if not (folder / "contacts.csv").exists():
        generate(folder, contacts, people, months, seed)
    print(f"{contacts:,} contacts among {people:,} people over {months} months", flush=True)
    return folder


def measure_stage(script: str, name: str, folder: Path, timeout: float | None = None) -> dict:
    """Run the stage ``name`` of the bench ``script`` in a fresh process (``--stage NAME --out
    FOLDER``) and return the figures it prints last, as JSON; its CPU time counts the process's
    threads (DuckDB's and polars' included: ``time.process_time`` in the stage). After
    ``timeout`` seconds the process is killed and ``subprocess.TimeoutExpired`` raised."""
    done = subprocess.run(
        [sys.executable, script, "--stage", name, "--out", str(folder)],
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_or_say(script: str, name: str, folder: Path, timeout: float) -> dict:
    """:func:`measure_stage`, or ``{"error": ...}`` when the stage times out or fails (the last
    line of its error output), so that one stage does not stop a bench."""
    try:
        return measure_stage(script, name, folder, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:g} s"}
    except subprocess.CalledProcessError as failed:
        lines = (failed.stderr or "").strip().splitlines() or ["no message"]
        return {"error": "failed: " + lines[-1][:120]}


def measure_paired(
    script: str,
    names: list[str],
    folder: Path,
    *,
    rounds: int = 1,
    timeout: float = 900,
    base: str = "growth",
) -> dict[str, dict]:
    """Each stage of ``names`` measured ``rounds`` times, each time right after a run of
    ``base``, so that its ratio to ``base`` is of two runs a moment apart (this machine's speed
    drifts over minutes). Returns per stage the figures of its median round by ratio, with
    ``ratio`` (that round's) and ``ratios`` (every round's); ``base`` has the figures of its
    median round. Prints each run as it ends."""
    runs: dict[str, list[dict]] = {base: [], **{name: [] for name in names if name != base}}
    for _ in range(rounds):
        for name in names:
            if name == base:
                continue
            paired = measure_or_say(script, base, folder, timeout)
            result = measure_or_say(script, name, folder, timeout)
            runs[base].append(paired)
            if "error" not in result and "error" not in paired:
                result = {**result, "ratio": result["cpu"] / paired["cpu"]}
            runs[name].append(result)
            print(f"  ... {name}: {result} ({base}: {paired.get('cpu', paired)})", flush=True)
    results = {}
    for name, found in runs.items():
        good = [run for run in found if "error" not in run]
        if not good:
            results[name] = found[0] if found else {"error": "not measured"}
            continue
        key = "ratio" if name != base else "cpu"
        good.sort(key=lambda run: run.get(key, run["cpu"]))
        middle = good[(len(good) - 1) // 2]  # of an even number of rounds, the lower middle
        results[name] = {**middle, "ratios": [run.get("ratio") for run in good]}
    return results


def print_ratios(results: dict[str, dict], base: str = "growth", target: float = 3.0) -> None:
    """One line per stage: CPU and wall seconds, peak MiB and the CPU ratio to ``base`` (to the
    run of ``base`` just before it, when :func:`measure_paired` measured it; the range over its
    rounds beside it), with whether it is within ``target``; a stage that failed or timed out
    says so."""
    reference = results[base].get("cpu")
    width = max(22, *(len(name) for name in results))
    print(f"  {'':<{width}} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9} {'/ ' + base:>10}")
    for name, result in results.items():
        if "error" in result:
            print(f"  {name:<{width}} {result['error']}")
            continue
        value = result.get("ratio", result["cpu"] / reference if reference else None)
        ratio = f"{value:9.2f}x" if value is not None and name != base else "        -"
        spread = [r for r in result.get("ratios", []) if r is not None]
        if len(spread) > 1:
            ratio += f" ({min(spread):.2f}-{max(spread):.2f})"
        within = value is not None and value <= target
        verdict = "" if name == base or value is None else ("met" if within else "NOT met")
        print(
            f"  {name:<{width}} {result['cpu']:7.1f} {result['seconds']:7.1f} "
            f"{result['peak_mib']:9.0f} {ratio}  {verdict}"
        )


def timed(run: Callable[[], Any]) -> tuple[Any, dict]:
    """What ``run()`` returns, and its figures: CPU seconds (every thread of the process), wall
    seconds and the process's peak memory in MiB, as a stage prints them."""
    began, cpu = time.perf_counter(), time.process_time()
    result = run()
    figures = {
        "cpu": time.process_time() - cpu,
        "seconds": time.perf_counter() - began,
        "peak_mib": peak_memory_kib() / 1024,
    }
    return result, figures


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
