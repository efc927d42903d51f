"""Helpers shared between test files: small villages, checkers and oracles.

Test files import from here (``from helpers import ...``); they never import each other.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.ladder import Ladder
from contactladder.loading import Dataset

SCHEMAS = Path(__file__).parent / "schemas"
DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"

# --- a small village to export: five people, private columns and a note ------------------------

EXPORT_PEOPLE = """\
id,role,name,organisation,wijk,joined,phone
ouder-anna,parent,Anna Jansen,,Dieze,2024-01-01,0612345678
ouder-bram,parent,Bram Smit,,Dieze,,0687654321
prof-carla,professional,Carla Visser,GGD,Dieze,2023-12-01,
vrijw-dirk,volunteer,Dirk de Wit,,Stadshagen,2024-03-01,
ouder-eva,parent,Eva Bakker,,Stadshagen,2024-05-01,
"""
EXPORT_CONTACTS = """\
date,person_a,person_b,rung,activity,note
2024-01-10,ouder-anna,ouder-bram,kennen,Koffie en Koters,Anna vertelde over Xylofoonstraat
2024-02-14,ouder-bram,ouder-anna,delen,,
2024-02-14,ouder-anna,ouder-bram,praten,,
2024-03-05,ouder-bram,prof-carla,praten,peutergym,
2024-04-01,ouder-anna,ouder-bram,steunen,,
2024-04-02,vrijw-dirk,ouder-anna,kennen,taalplezier,
2024-05-20,ouder-bram,prof-carla,praten,Koffie en Koters,
2024-05-20,ouder-anna,prof-carla,kennen,,
2024-05-20,ouder-anna,prof-carla,helpen,,
"""
# Everything an anonymised export must not contain: names, ids, the note, the further column.
EXPORT_PRIVATE = [
    "Anna",
    "Jansen",
    "Bram",
    "Smit",
    "Carla",
    "Visser",
    "Dirk",
    "Eva",
    "Bakker",
    "ouder-anna",
    "ouder-bram",
    "prof-carla",
    "vrijw-dirk",
    "ouder-eva",
    "Xylofoon",
    "0612345678",
    "phone",
]
GEXF_SCHEMAS = {
    "http://gexf.net/1.3": SCHEMAS / "gexf-1.3" / "gexf.xsd",
    "http://www.gexf.net/1.2draft": SCHEMAS / "gexf-1.2draft" / "gexf.xsd",
}


def write_export_village(folder: Path) -> Path:
    """Write the small export village (people.csv, contacts.csv) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "people.csv").write_text(EXPORT_PEOPLE, encoding="utf-8")
    (folder / "contacts.csv").write_text(EXPORT_CONTACTS, encoding="utf-8")
    return folder


def validate_gexf(data: bytes) -> None:
    """Validate a GEXF document against the official schema of the version it declares."""
    from lxml import etree

    document = etree.fromstring(data)
    namespace = etree.QName(document).namespace
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMAS[namespace])))
    if not schema.validate(document):
        raise AssertionError(str(schema.error_log))


def nodes_by_label(graph) -> dict:
    """Label -> node of a graph read back from a file."""
    return {attrs["label"]: node for node, attrs in graph.nodes(data=True)}


def anonymous_label(net, person: str, lang: str = "nl") -> str:
    """The anonymous label a person gets ("Ouder 2"); numbers do not follow ids or join dates."""
    from contactladder.privacy import person_label

    return person_label(net.snapshot().nodes[person], lang=lang)


# --- the weaver's villages (worklist, introductions, commands) ----------------------------------


def weaver_folder(path: Path, contacts: str, people: str) -> Path:
    """Write a tiny data folder ``path/data``: contacts ``date,person_a,person_b,rung,activity``
    and people; outputs go beside it, in ``path``."""
    path = path / "data"
    path.mkdir(parents=True, exist_ok=True)
    (path / "contacts.csv").write_text(
        "date,person_a,person_b,rung,activity\n" + contacts, encoding="utf-8"
    )
    (path / "people.csv").write_text(people, encoding="utf-8")
    return path


# The reference day is the last contact, 2024-12-31. By hand:
#   alo       joined long ago, no tie                                 alone                 5
#   newbie    joined 2024-12-01, no tie                               alone + new           7
#   pro       only a tie with k1, recent                              only_professionals    3
#   profade   only a tie with k1, last 2024-06-01                     only_prof. + fading   6
#   newpro    joined 2024-12-10, only a tie with k1                   only_prof. + new      5
#   stuck1/2  a peer tie at rung 2 after a year                       stuck_low             1
#   drift1/2  a peer tie at rung 4, last 2024-08-01                   fading                3
#   driftlow  one peer tie at rung 1, last 2024-05-01                 fading + stuck_low    4
#   fine1/2   a peer tie at rung 3, recent                            (none)
#   young1/2  a peer tie at rung 1, three months in the project       (none)
WORK_CONTACTS = """\
2024-05-01,driftlow,fine1,1,peutergym
2024-06-01,k1,profade,2,
2024-08-01,drift1,drift2,4,taalplezier
2024-12-15,k1,newpro,1,
2024-12-20,k1,pro,2,peutergym
2024-12-30,stuck1,stuck2,2,peutergym
2024-12-31,fine1,fine2,3,peutergym
2024-12-31,young1,young2,1,taalplezier
"""
WORK_PEOPLE = """\
id,role,name,organisation,wijk,joined,child_age_group
alo,parent,Alo <b>Alone</b>,,Zuid,2024-01-01,0-1
newbie,parent,Nina Nieuw,,Dieze,2024-12-01,0-1
pro,parent,Piet Pro,,Dieze,2024-01-01,1-2
profade,parent,Paula Fade,,Dieze,2024-01-01,1-2
newpro,parent,Noor Pro,,Dieze,2024-12-10,2-4
stuck1,parent,Sam Een,,Dieze,2024-01-01,0-1
stuck2,parent,Sam Twee,,Dieze,2024-01-01,2-4
drift1,parent,Dirk Een,,Dieze,2024-01-01,2-4
drift2,parent,Dirk Twee,,Dieze,2024-01-01,4-6
driftlow,parent,Dora Laag,,Dieze,2024-01-01,4-6
fine1,parent,Fien Een,,Dieze,2024-01-01,0-1
fine2,parent,Fien Twee,,Dieze,2024-01-01,0-1
young1,parent,Joost Een,,Dieze,2024-10-01,1-2
young2,parent,Joost Twee,,Dieze,2024-10-01,1-2
k1,professional,Kim,GGD,Dieze,,
"""
WORK_EXPECTED = [  # person, priority, reasons, in order
    ("newbie", 7, "alone | new_unconnected"),
    ("profade", 6, "only_professionals | fading"),
    ("alo", 5, "alone"),  # never had a contact: the longest silence comes first
    ("newpro", 5, "only_professionals | new_unconnected"),
    ("driftlow", 4, "fading | stuck_low"),
    ("drift1", 3, "fading"),  # 152 days without contact
    ("drift2", 3, "fading"),
    ("pro", 3, "only_professionals"),  # 11 days
    ("stuck1", 1, "stuck_low"),
    ("stuck2", 1, "stuck_low"),
]

# By hand, for ann (Dieze, 0-1; activities peutergym and taalplezier; ties k1, bo at rung 1, dan
# at rung 2):
#   bo    taalplezier + peutergym 6, Dieze 2, 0-1 2, shared k1 1      = 11 (9 without --match)
#   cem   peutergym 3, Dieze 2, shared k1 and dan 2                  = 7
#   dan   a tie at rung 2 already: never suggested
#   eva   Zuid, 0-1 2                                                = 2 (0 without --match)
#   fay   Zuid, 2-4, nothing in common                               left out
#   gus   Dieze 2                                                    = 2
#   k1    peutergym 3, Dieze 2, shared bo 1, knows cem 1             = 7 (professionals only)
#   k2    knows eva and gus 2                                        = 2 (professionals only)
INTRO_CONTACTS = """\
2024-01-10,ann,k1,1,peutergym
2024-01-10,bo,k1,1,peutergym
2024-01-10,cem,k1,1,peutergym
2024-01-11,ann,bo,1,taalplezier
2024-01-12,ann,dan,2,
2024-01-12,cem,dan,3,
2024-01-13,eva,k2,1,babybootcamp
2024-01-13,gus,k2,1,
"""
INTRO_PEOPLE = """\
id,role,name,organisation,wijk,joined,child_age_group
ann,parent,Ann,,Dieze,,0-1
bo,parent,Bo,,Dieze,,0-1
cem,parent,Cem,,Dieze,,1-2
dan,parent,Dan,,Dieze,,0-1
eva,parent,Eva,,Zuid,,0-1
fay,parent,Fay,,Zuid,,2-4
gus,parent,Gus,,Dieze,,2-4
k1,professional,Kim,GGD,Dieze,,
k2,professional,Koen,welzijn,Zuid,,
late,parent,Lot,,Dieze,2030-01-01,0-1
"""


def naive_cut_off(graph) -> dict:
    """The oracle of ``cut_off``: remove each node in turn and count the people outside the
    largest piece of what is left of its component."""
    import networkx as nx

    found = {}
    for node in graph:
        component = nx.node_connected_component(graph, node) - {node}
        pieces = [len(p) for p in nx.connected_components(graph.subgraph(component))]
        found[node] = len(component) - max(pieces, default=0)
    return found


# --- the network's data: tiny data sets inline, seeded random data folders, naive oracles ------

# The columns of loaded contacts, written out here so that the oracles do not trust the loader.
LOADED_CONTACT_COLUMNS = [
    "date",
    "person_a",
    "person_b",
    "rung",
    "activity",
    "wijk",
    "note",
    "source",
]
THREE_RUNGS = """
[[rung]]
key = "groeten"
nl = "Groeten elkaar"
en = "Greeting"

[[rung]]
key = "praten"
nl = "Praten"
en = "Talking"

[[rung]]
key = "vrienden"
nl = "Zijn vrienden"
en = "Friends"
"""


def dataset(rows, people=None, ladder=None) -> Dataset:
    """A Dataset from ``(date, a, b, rung[, activity])`` rows and ``{id: (role, wijk, joined)}``."""
    contacts = pd.DataFrame(
        [(*row, "")[:5] for row in rows],
        columns=["date", "person_a", "person_b", "rung", "activity"],
    )
    contacts["date"] = pd.to_datetime(contacts["date"], format="ISO8601")
    swap = contacts.person_a > contacts.person_b
    contacts.loc[swap, ["person_a", "person_b"]] = contacts.loc[
        swap, ["person_b", "person_a"]
    ].values
    for column in ("wijk", "note", "source"):
        contacts[column] = ""
    contacts = contacts.sort_values(
        ["date", "person_a", "person_b"], kind="stable", ignore_index=True
    )[LOADED_CONTACT_COLUMNS]
    ids = sorted(set(contacts.person_a) | set(contacts.person_b) | set(people or {}))
    people = people or {}
    table = pd.DataFrame(
        {
            "role": [people.get(i, ("parent", "", None))[0] for i in ids],
            "name": "",
            "organisation": "",
            "wijk": [people.get(i, ("parent", "", None))[1] for i in ids],
            "joined": pd.to_datetime([people.get(i, ("parent", "", None))[2] for i in ids]),
        },
        index=pd.Index(ids, name="id"),
    )
    return Dataset(contacts, table, ladder or Ladder.default(), "tiny")


def random_data(
    folder: Path, seed: int, *, times: bool = False, ladder: str | None = None, days: int = 400
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Write a seeded random data folder; return its contacts and people as generated.

    People: parents, professionals and volunteers in two wijken and none; some joined before
    the data starts, some during it (some of those have contacts before they joined), some
    after the last contact, some never. Contacts: pairs that keep meeting and climb, single
    meetings, several contacts of a pair in one period, and a two-month gap without contacts.
    Returned tables use the loader's names: ``date`` (datetime64), ``person_a < person_b``,
    ``rung`` (level), ``activity``; people indexed by ``id`` with ``role, wijk, joined``.
    """
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    levels = 3 if ladder else 5
    n = int(rng.integers(25, 40))
    ids = [f"p{i:02d}" for i in range(n)]
    roles = rng.choice(["parent", "professional", "volunteer"], size=n, p=[0.65, 0.25, 0.1])
    roles[:3] = ["parent", "parent", "professional"]
    wijken = rng.choice(["Dieze", "Stadshagen", ""], size=n, p=[0.45, 0.4, 0.15])
    start = pd.Timestamp("2024-01-01")
    offsets = rng.integers(0, days, size=n)
    kind = rng.choice(["none", "before", "during", "after"], size=n, p=[0.35, 0.1, 0.45, 0.1])
    joined = [
        None
        if k == "none"
        else start - pd.Timedelta(days=30)
        if k == "before"
        else start + pd.Timedelta(days=int(o))
        if k == "during"
        else start + pd.Timedelta(days=days + 40)
        for k, o in zip(kind, offsets)
    ]
    people = pd.DataFrame(
        {"role": roles, "wijk": wijken, "joined": pd.to_datetime(joined)},
        index=pd.Index(ids, name="id"),
    )
    # Everyone but the last two may have contacts: those two stay without any.
    active = ids[:-2]
    gap = range(120, 180)
    usable = np.array([d for d in range(days) if d not in gap])
    activities = ["Koffie en Koters", "peutergym", "taalplezier", ""]
    rows = []
    pairs = [tuple(sorted(rng.choice(active, size=2, replace=False))) for _ in range(n * 2)]
    # Most contacts fall after both people joined; one in ten is earlier (and brings them in).
    first_day = {
        p: (int((j - start).days) if k == "during" else 0)
        for p, j, k in zip(ids, people["joined"], kind)
    }
    for a, b in pairs:
        rung = int(rng.integers(1, 3))
        later = usable[usable >= max(first_day[a], first_day[b])]
        days_from = later if len(later) and rng.random() < 0.9 else usable
        for day in np.sort(rng.choice(days_from, size=int(rng.integers(1, 9)))):
            if rng.random() < 0.35:
                rung = min(levels, rung + int(rng.integers(1, 3)))
            shown = rung if rng.random() < 0.8 else int(rng.integers(1, rung + 1))
            rows.append((int(day), a, b, shown, str(rng.choice(activities))))
    for _ in range(n):  # single meetings
        a, b = sorted(rng.choice(active, size=2, replace=False))
        rows.append(
            (
                int(rng.choice(usable)),
                a,
                b,
                int(rng.integers(1, levels + 1)),
                str(rng.choice(activities)),
            )
        )
    # The first and the last contact fix the data's span, so the gap stays inside it.
    rows += [(0, ids[0], ids[1], 1, "peutergym"), (days - 1, ids[0], ids[2], 2, "")]
    contacts = pd.DataFrame(rows, columns=["day", "person_a", "person_b", "rung", "activity"])
    minutes = (
        rng.integers(8 * 60, 22 * 60, size=len(contacts))
        if times
        else np.zeros(len(contacts), dtype=int)
    )
    contacts["date"] = (
        start + pd.to_timedelta(contacts["day"], unit="D") + pd.to_timedelta(minutes, unit="min")
    )
    contacts = contacts.drop(columns="day")
    # Write the files with pairs in either order and rungs by key or level.
    keys = (
        ["groeten", "praten", "vrienden"]
        if ladder
        else ["kennen", "praten", "delen", "helpen", "steunen"]
    )
    written = contacts.copy()
    flip = rng.random(len(written)) < 0.5
    written.loc[flip, ["person_a", "person_b"]] = written.loc[flip, ["person_b", "person_a"]].values
    by_key = rng.random(len(written)) < 0.5
    written["rung"] = [keys[r - 1] if k else str(r) for r, k in zip(written["rung"], by_key)]
    written["date"] = written["date"].dt.strftime("%Y-%m-%d %H:%M" if times else "%Y-%m-%d")
    written = written.sample(frac=1, random_state=seed)
    written.to_csv(folder / "contacts.csv", index=False)
    out = people.copy()
    out["joined"] = out["joined"].dt.strftime("%Y-%m-%d")
    out.to_csv(folder / "people.csv")
    if ladder:
        (folder / "ladder.toml").write_text(ladder, encoding="utf-8")
    return contacts, people


RANDOM_CASES = [
    dict(seed=1),
    dict(seed=2, times=True, days=200),
    dict(seed=3, ladder=THREE_RUNGS),
    dict(seed=4, days=60),
]


RANDOM_IDS = ["seed1", "seed2-times", "seed3-ladder3", "seed4-60days"]


def present_from(contacts: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Joined (the first contact's date when not given), or an earlier own contact."""
    dates = pd.concat(
        [contacts.set_index("person_a")["date"], contacts.set_index("person_b")["date"]]
    )
    first = dates.groupby(level=0).min().reindex(people.index)
    joined = people["joined"].fillna(contacts["date"].min())
    return pd.concat([joined, first], axis=1).min(axis=1)


def naive_ties(contacts: pd.DataFrame) -> dict:
    """{(a, b): rung}: the highest rung of each pair's contacts (a loop; pandas when large)."""
    if len(contacts) > 5000:
        return {
            pair: int(rung)
            for pair, rung in contacts.groupby(["person_a", "person_b"])["rung"].max().items()
        }
    ties: dict = {}
    for a, b, rung in zip(contacts["person_a"], contacts["person_b"], contacts["rung"]):
        ties[(a, b)] = max(ties.get((a, b), 0), int(rung))
    return ties


def naive_tie_types(graph, role: dict, focal_role: str) -> dict:
    """``ties_<a>_<b>``: the ties between the focal role and ``professional``, by the roles at
    their two ends (one column when the focal role is ``professional``)."""
    kinds = [(focal_role, focal_role), (focal_role, "professional")]
    kinds += [("professional", "professional")]
    counts = {f"ties_{a}_{b}": 0 for a, b in kinds}
    for u, v in graph.edges():
        ends = {role[u], role[v]}
        for a, b in kinds:
            if ends == {a, b}:
                counts[f"ties_{a}_{b}"] += 1
                break
    return counts


def naive_figures(graph, role: dict, focal_role: str, levels, top: int) -> dict:
    """The growth figures of one graph (edges with ``rung``), measured with networkx functions:
    what ``growth()`` counts, rebuilt from scratch (undefined ratios as NaN)."""
    import networkx as nx

    focal = [p for p in graph if role[p] == focal_role]
    peers = graph.subgraph(focal)
    rungs = [rung for _, _, rung in graph.edges(data="rung")]

    def peer_rung_at_least(person, level):
        return any(peers.edges[person, other]["rung"] >= level for other in peers[person])

    components = list(nx.connected_components(graph))
    largest = max(
        components, key=lambda c: (len(c), sum(role[p] == focal_role for p in c)), default=set()
    )
    return {
        "people": graph.number_of_nodes(),
        "focal": len(focal),
        "ties": graph.number_of_edges(),
        **{f"rung_{key}": rungs.count(level) for level, key in levels},
        **naive_tie_types(graph, role, focal_role),
        "focal_alone": sum(graph.degree(p) == 0 for p in focal),
        "focal_only_professional": sum(graph.degree(p) > 0 and peers.degree(p) == 0 for p in focal),
        "focal_peer_ge3": sum(peer_rung_at_least(p, 3) for p in focal),
        "focal_peer_top": sum(peer_rung_at_least(p, top) for p in focal),
        "focal_peer_degree_mean": (
            float(np.mean([peers.degree(p) for p in focal])) if focal else np.nan
        ),
        "components": nx.number_connected_components(graph),
        "largest_component_share": (
            sum(role[p] == focal_role for p in largest) / len(focal) if focal else np.nan
        ),
        # Undefined ratios are missing: a density of fewer than two, no connected triples.
        "peer_density": nx.density(peers) if len(focal) > 1 else np.nan,
        "peer_transitivity": (
            nx.transitivity(peers) if any(d > 1 for _, d in peers.degree()) else np.nan
        ),
    }


def naive_bounds(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> list:
    """(label, start, end) of every period from the first date to the last, by date arithmetic."""

    def start_of(day):
        day = day.normalize()
        if freq == "day":
            return day
        if freq == "week":
            return day - pd.Timedelta(days=day.weekday())
        if freq == "month":
            return day.replace(day=1)
        if freq == "quarter":
            return day.replace(day=1, month=3 * ((day.month - 1) // 3) + 1)
        return day.replace(day=1, month=1)

    def next_start(day):
        if freq == "day":
            return day + pd.Timedelta(days=1)
        if freq == "week":
            return day + pd.Timedelta(days=7)
        months = {"month": 1, "quarter": 3, "year": 12}[freq]
        return day + pd.DateOffset(months=months)

    def label(day):
        if freq == "day":
            return day.strftime("%Y-%m-%d")
        if freq == "week":
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}"
        if freq == "month":
            return day.strftime("%Y-%m")
        if freq == "quarter":
            return f"{day.year}Q{(day.month - 1) // 3 + 1}"
        return str(day.year)

    bounds, day = [], start_of(first)
    while day <= last:
        bounds.append((label(day), day, next_start(day)))
        day = next_start(day)
    return bounds


# --- the pages' payloads: maps and the timeline -------------------------------------------------


def records(table: dict) -> list[dict]:
    """The rows of a column-wise payload table (``{"x": [...], "y": [...]}``) as dicts."""
    columns = list(table)
    return [dict(zip(columns, values)) for values in zip(*(table[c] for c in columns))]


def embedded_data(page: str) -> str:
    """The text of a page's ``<script type="application/json" id="cl-data">`` block."""
    import re

    match = re.search(r'<script type="application/json" id="cl-data">(.*?)</script>', page, re.S)
    return match.group(1)


def map_village():
    """Five people as a graph, with distinctive ids, names and notes that must never leak."""
    import networkx as nx

    G = nx.Graph()
    G.add_node(
        "ID-7f3a-anna",
        role="parent",
        number=1,
        name="Annabel Zuiderveld",
        wijk="Dieze",
        organisation="",
        note="NOTE-private-anna",
        phone="06-12345678",
    )
    G.add_node(
        "ID-9c1d-bram",
        role="parent",
        number=2,
        name="Bramwell Oosterhof",
        wijk="Stadshagen",
        organisation="",
        note="NOTE-private-bram",
    )
    G.add_node(
        "ID-2b7e-cato",
        role="professional",
        number=1,
        name="Catootje Wessels",
        wijk="Dieze",
        organisation="GGD",
    )
    G.add_node(
        "ID-4d0f-dirk",
        role="professional",
        number=2,
        name="Dirkjan Veldkamp",
        wijk="",
        organisation="Sociaal wijkteam",
    )
    G.add_node(
        "ID-8e5a-ella",
        role="volunteer",
        number=1,
        name="Elleke Brinkhorst",
        wijk="Dieze",
        organisation="",
    )
    day = pd.Timestamp
    G.add_edge(
        "ID-7f3a-anna",
        "ID-9c1d-bram",
        rung=3,
        first_contact=day("2024-01-10"),
        last_contact=day("2024-03-01"),
        contacts=4,
        activities=("Koffie en Koters",),
    )
    G.add_edge(
        "ID-7f3a-anna",
        "ID-2b7e-cato",
        rung=1,
        first_contact=day("2024-01-10"),
        last_contact=day("2024-01-10"),
        contacts=1,
        activities=("peutergym",),
    )
    G.add_edge(
        "ID-2b7e-cato",
        "ID-4d0f-dirk",
        rung=5,
        first_contact=day("2023-11-02"),
        last_contact=day("2024-02-20"),
        contacts=9,
        activities=(),
    )
    return G


def hostile_map_village():
    """:func:`map_village` with markup (:data:`HOSTILE`) for names, an organisation and an
    activity."""
    G = map_village()
    for node, text in zip(G, HOSTILE):
        G.nodes[node]["name"] = text
    G.nodes["ID-4d0f-dirk"]["organisation"] = "<b>GGD</b> href"
    G.edges["ID-7f3a-anna", "ID-9c1d-bram"]["activities"] = ("<script>alert(2)</script>",)
    return G


def timeline_levels_at(history: list, step: int) -> int:
    """The rung of a timeline tie's history ``[step, level, ...]`` at ``step`` (0: not yet)."""
    level = 0
    for s, new in zip(history[::2], history[1::2]):
        if s <= step:
            level = new
    return level


# --- headless Chromium, for the browser tests --------------------------------------------------

CHROMIUM = os.environ.get("CONTACTLADDER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# --- a small village as a data folder, for the maps -------------------------------------------

#: Markup that must show as text wherever it appears (names, wijken, titles, activities).
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">href</a>',
]

#: id, role, name, organisation, wijk, joined. Distinctive ids and names, so that finding one in
#: an anonymised page cannot be chance.
VILLAGE_PEOPLE = [
    ("ID-7f3a-anna", "parent", "Annabel Zuiderveld", "", "Dieze", ""),
    ("ID-9c1d-bram", "parent", "Bramwell Oosterhof", "", "Dieze", ""),
    ("ID-2b7e-cato", "professional", "Catootje Wessels", "GGD", "Dieze", ""),
    ("ID-3a3a-cas", "parent", "Casper Hollander", "", "Stadshagen", ""),
    ("ID-4d0f-dirk", "professional", "Dirkjan Veldkamp", "Sociaal wijkteam", "Stadshagen", ""),
    ("ID-5e5e-ella", "parent", "Elleke Brinkhorst", "", "Stadshagen", ""),
    ("ID-6f6f-fenna", "volunteer", "Fennigje Lubbersen", "", "Stadshagen", ""),
    ("ID-8a8a-gijs", "parent", "Gijsbertus Heuvelink", "", "Dieze", "2024-04-01"),
    ("ID-9b9b-hugo", "parent", "Hugolinus Kamphorst", "", "Stadshagen", "2024-03-01"),
]
#: date, a, b, rung, activity: ties that are new and climb in different months.
VILLAGE_CONTACTS = [
    ("2024-01-10", "ID-7f3a-anna", "ID-9c1d-bram", 1, "peutergym"),
    ("2024-01-10", "ID-7f3a-anna", "ID-2b7e-cato", 1, "peutergym"),
    ("2024-01-20", "ID-3a3a-cas", "ID-4d0f-dirk", 2, "taalplezier"),
    ("2024-02-05", "ID-7f3a-anna", "ID-9c1d-bram", 3, "Koffie en Koters"),
    ("2024-02-14", "ID-9c1d-bram", "ID-2b7e-cato", 1, "peutergym"),
    ("2024-02-20", "ID-3a3a-cas", "ID-5e5e-ella", 1, "taalplezier"),
    ("2024-03-03", "ID-7f3a-anna", "ID-9c1d-bram", 5, ""),
    ("2024-03-03", "ID-3a3a-cas", "ID-4d0f-dirk", 4, "taalplezier"),
    ("2024-03-15", "ID-5e5e-ella", "ID-6f6f-fenna", 2, "babybootcamp"),
    ("2024-04-02", "ID-9c1d-bram", "ID-8a8a-gijs", 1, "peutergym"),
    ("2024-04-20", "ID-3a3a-cas", "ID-5e5e-ella", 3, "Koffie en Koters"),
]


def write_village(folder: Path, *, hostile: bool = False) -> Path:
    """Write the village as contacts.csv and people.csv into ``folder``; return the folder.

    With ``hostile`` the first names are markup, Dieze is called ``<b>Dieze</b> href``, one
    organisation and one activity are markup.
    """
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    people = pd.DataFrame(
        VILLAGE_PEOPLE, columns=["id", "role", "name", "organisation", "wijk", "joined"]
    )
    contacts = pd.DataFrame(
        VILLAGE_CONTACTS, columns=["date", "person_a", "person_b", "rung", "activity"]
    )
    if hostile:
        people.loc[: len(HOSTILE) - 1, "name"] = HOSTILE
        people["wijk"] = people["wijk"].replace("Dieze", "<b>Dieze</b> href")
        people.loc[people["organisation"] == "GGD", "organisation"] = "<i>GGD</i> href"
        contacts.loc[0, "activity"] = "<script>alert(5)</script>"
    people.to_csv(folder / "people.csv", index=False)
    contacts.to_csv(folder / "contacts.csv", index=False)
    return folder


def write_page(net, kind: str, path: Path) -> Path:
    """Write the ``kind`` page ("map" or "timeline") of ``net`` to ``path``; return its path."""
    from contactladder.jobs.maps import write_map_files, write_timeline

    return write_map_files(net, path)[0] if kind == "map" else write_timeline(net, path)


# --- the weaver's candidates, the plain way (the oracle of the candidate sets) ----------------


def reference_candidates(
    net, *, as_of=None, match=(), professionals=False, status=None, together="1m"
):
    """The candidates as the first implementation found them: a function of a person that
    scores every other person one by one in plain Python, ``[(candidate, score, reasons),
    ...]`` best first (score, then the seeded tiebreak). Fading is the default 90 days."""
    from bisect import bisect_left

    from contactladder.analysis.durations import parse_duration
    from contactladder.analysis.village import STATUSES, is_activity, statuses_on

    cutoff = net.cutoff(as_of, open_end=True)
    graph = net.snapshot(as_of, open_end=True)
    day = (cutoff - pd.Timedelta(1, "ns")).normalize()
    window = (day + parse_duration(together, name="together")) - day
    statuses = statuses_on(status, day)
    visits: dict = {}
    contacts = net.contact_rows(before=cutoff)
    for date, a, b, activity in zip(
        contacts["date"], contacts["person_a"], contacts["person_b"], contacts["activity"]
    ):
        for one in (a, b):
            visits.setdefault((one, activity), []).append(date)
    attended = net.attendance(before=cutoff)
    for date, one, activity in zip(attended["date"], attended["person"], attended["activity"]):
        visits.setdefault((one, activity), []).append(date)
    places = {}
    for (one, activity), dates in visits.items():
        if is_activity(activity) and one in graph:
            places.setdefault(one, {})[activity] = sorted(dates)

    def shared(p, q):
        found = []
        for activity in sorted(set(places.get(p, {})) & set(places.get(q, {}))):
            theirs = places[q][activity]
            for moment in places[p][activity]:
                at = bisect_left(theirs, moment - window)
                if at < len(theirs) and theirs[at] <= moment + window:
                    found.append(activity)
                    break
        return found

    def within_reach(q):
        dates = [data["last_contact"] for data in graph[q].values()]
        allowed = STATUSES.get(statuses.get(q, ""), (True, True))[1]
        return allowed and bool(dates) and max(dates) >= day - parse_duration("90d", name="x")

    def candidates_of(person):
        return _reference_rows(graph, person, net, match, professionals, shared, within_reach)

    return candidates_of


def _reference_rows(graph, person, net, match, professionals, shared, within_reach):
    from contactladder.analysis.introductions import CAPS, POINTS, tiebreak
    from contactladder.words import attribute_text

    def text(p, column):
        return attribute_text(graph.nodes[p].get(column))

    mine = set(graph[person])
    rows = []
    for other in graph:
        focal = graph.nodes[other]["focal"]
        if other == person or (not professionals and not focal) or not within_reach(other):
            continue
        if other in mine and graph[person][other]["rung"] >= min(2, len(net.ladder)):
            continue
        reasons = []
        if shared(person, other):
            reasons.append(("same_activity", POINTS["same_activity"] * len(shared(person, other))))
        if text(person, "wijk") and text(other, "wijk") == text(person, "wijk"):
            reasons.append(("same_wijk", POINTS["same_wijk"]))
        for column in match:
            if text(person, column) and text(other, column) == text(person, column):
                reasons.append((f"match:{column}", POINTS["match"]))
        common = mine & set(graph[other])
        if common:
            points = min(len(common) * POINTS["shared_contacts"], CAPS["shared_contacts"])
            reasons.append(("shared_contacts", points))
        if not focal:
            reach = [p for p in graph[other] if graph.nodes[p]["focal"] and p != person]
            reach = [p for p in reach if p not in mine]
            if reach:
                reasons.append(("bridge", min(len(reach) * POINTS["bridge"], CAPS["bridge"])))
        if reasons:
            keys = " | ".join(key for key, _ in reasons)
            rows.append((other, sum(points for _, points in reasons), keys))
    rows.sort(key=lambda row: (-row[1], tiebreak(person, row[0])))
    return rows


def reference_suggestions(net, people, *, top, most=None, **options) -> list[str]:
    """The ``suggestions`` column of a worklist of ``people``, the plain way (with the
    candidate ids in place of names): going down the list, the ``top`` best of
    :func:`reference_candidates`, equal scores to the one suggested least so far, no one more
    than ``most`` times."""
    from collections import Counter

    uses: Counter = Counter()
    texts = []
    candidates_of = reference_candidates(net, **options)
    for person in people:
        rows = candidates_of(person)
        order = {row[0]: place for place, row in enumerate(rows)}
        rows = [row for row in rows if most is None or uses[row[0]] < most]
        rows.sort(key=lambda row: (-row[1], uses[row[0]], order[row[0]]))
        uses.update(row[0] for row in rows[:top])
        texts.append(" | ".join(f"{row[0]} {row[1]}" for row in rows[:top]))
    return texts


def naive_current_on(contacts: pd.DataFrame, day: pd.Timestamp, lapse: str) -> dict:
    """{frozenset((a, b)): rung} of the ties current on ``day`` (``date, a, b, rung`` rows):
    those with a contact in the lapse window before the day's end, at its highest rung."""
    end = day + pd.Timedelta(days=1)
    window = pd.Timedelta(int(lapse.removesuffix("d")), "D")
    inside = contacts[(contacts["date"] >= end - window) & (contacts["date"] < end)]
    ends = pd.DataFrame(np.sort(inside[["a", "b"]].to_numpy(dtype=str), axis=1), columns=["a", "b"])
    rungs = ends.assign(rung=inside["rung"].to_numpy()).groupby(["a", "b"])["rung"].max()
    return {frozenset(pair): int(rung) for pair, rung in rungs.items()}


def spell_value_on(spells: list, day: str):
    """The value of networkx's ``[(value, start, end), ...]`` (end inclusive, "None": open)
    on ``day`` (ISO), or None; where two spells touch, the day is the later one's."""
    value_on = None
    for value, start, end in spells:
        if start <= day and (end == "None" or day <= end):
            value_on = value
    return value_on


# Ups, downs, ends, a tie that comes back and a parent without contacts (lapse 30 days):
# ann–bo at delen, down to kennen, ended, back at helpen, ended; bo–cem climbs and ends;
# cem–gw (a professional) is current one month; ann–cem starts at the top in the last month.
UPS_AND_DOWNS = [
    ("2024-01-10", "ann", "bo", 3),
    ("2024-01-20", "bo", "cem", 1),
    ("2024-02-15", "ann", "bo", 1),
    ("2024-02-25", "bo", "cem", 2),
    ("2024-03-05", "cem", "gw", 2),
    ("2024-03-28", "bo", "cem", 2),
    ("2024-04-20", "ann", "bo", 4),
    ("2024-05-03", "ann", "cem", 5),
]
UPS_AND_DOWNS_PEOPLE = {"gw": ("professional", "Dieze", None), "dan": ("parent", "", "2024-02-10")}
