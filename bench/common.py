"""What the benches share: where the demo and the generated data sets are, how headless
Chromium is started, and the words of a generated village."""

from pathlib import Path

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
ACTIVITIES = (
    "Koffie en Koters",
    "OntMOED-netwerk",
    "Kindercafé Schellerhoeve",
    "peutergym",
    "babybootcamp",
    "samen muziek maken",
    "taalplezier",
)
