"""What the benches share: where the demo and the generated data sets are, how headless
Chromium is started, how a stage runs in a fresh process, and the words of a generated
village."""

import json
import subprocess
import sys
from pathlib import Path

# The generated village's activities, for the benches that draw their own villages.
from contactladder.demo.synthetic import ACTIVITIES as ACTIVITIES

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


def measure_stage(script: str, name: str, folder: Path) -> dict:
    """Run the stage ``name`` of the bench ``script`` in a fresh process (``--stage NAME --out
    FOLDER``) and return the figures it prints last, as JSON; its CPU time counts the process's
    threads (DuckDB's and polars' included: ``time.process_time`` in the stage)."""
    done = subprocess.run(
        [sys.executable, script, "--stage", name, "--out", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
