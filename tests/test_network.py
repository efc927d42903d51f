"""Tests of ``contactladder.network``: snapshots, active graphs, ties, rung history, periods.

Tiny networks are built inline; :func:`random_data` writes seeded random data folders (late
joiners, professionals, climbing ties, empty periods) that ``test_metrics`` uses as well. Every
expectation is computed here with pandas and networkx from the generated tables, not from the
code under test.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.loading.dataset import Dataset, load
from contactladder.network.ladder_network import FREQUENCIES, LadderNetwork, period_label

DEMO = Path(__file__).resolve().parent.parent / "data" / "zwolle-demo"
CONTACT_COLUMNS = ["date", "person_a", "person_b", "rung", "activity", "wijk", "note", "source"]
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


# --- data --------------------------------------------------------------------------------------

def dataset(rows, people=None, ladder=None) -> Dataset:
    """A Dataset from ``(date, a, b, rung[, activity])`` rows and ``{id: (role, wijk, joined)}``."""
    contacts = pd.DataFrame([(*row, "")[:5] for row in rows],
                            columns=["date", "person_a", "person_b", "rung", "activity"])
    contacts["date"] = pd.to_datetime(contacts["date"], format="ISO8601")
    swap = contacts.person_a > contacts.person_b
    contacts.loc[swap, ["person_a", "person_b"]] = contacts.loc[swap, ["person_b", "person_a"]].values
    for column in ("wijk", "note", "source"):
        contacts[column] = ""
    contacts = contacts.sort_values(["date", "person_a", "person_b"], kind="stable",
                                    ignore_index=True)[CONTACT_COLUMNS]
    ids = sorted(set(contacts.person_a) | set(contacts.person_b) | set(people or {}))
    people = people or {}
    table = pd.DataFrame({
        "role": [people.get(i, ("parent", "", None))[0] for i in ids],
        "name": "", "organisation": "",
        "wijk": [people.get(i, ("parent", "", None))[1] for i in ids],
        "joined": pd.to_datetime([people.get(i, ("parent", "", None))[2] for i in ids])},
        index=pd.Index(ids, name="id"))
    return Dataset(contacts, table, ladder or Ladder.default(), "tiny")


def random_data(folder: Path, seed: int, *, times: bool = False, ladder: str | None = None,
                days: int = 400) -> tuple[pd.DataFrame, pd.DataFrame]:
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
    joined = [None if k == "none" else start - pd.Timedelta(days=30) if k == "before"
              else start + pd.Timedelta(days=int(o)) if k == "during"
              else start + pd.Timedelta(days=days + 40) for k, o in zip(kind, offsets)]
    people = pd.DataFrame({"role": roles, "wijk": wijken, "joined": pd.to_datetime(joined)},
                          index=pd.Index(ids, name="id"))
    # Everyone but the last two may have contacts: those two stay without any.
    active = ids[:-2]
    gap = range(120, 180)
    usable = np.array([d for d in range(days) if d not in gap])
    activities = ["Koffie en Koters", "peutergym", "taalplezier", ""]
    rows = []
    pairs = [tuple(sorted(rng.choice(active, size=2, replace=False))) for _ in range(n * 2)]
    # Most contacts fall after both people joined; one in ten is earlier (and brings them in).
    first_day = {p: (int((j - start).days) if k == "during" else 0)
                 for p, j, k in zip(ids, people["joined"], kind)}
    for a, b in pairs:
        rung = int(rng.integers(1, 3))
        later = usable[usable >= max(first_day[a], first_day[b])]
        days_from = later if len(later) and rng.random() < 0.9 else usable
        for day in np.sort(rng.choice(days_from, size=int(rng.integers(1, 9)))):
            if rng.random() < 0.35:
                rung = min(levels, rung + int(rng.integers(1, 3)))
            shown = rung if rng.random() < 0.8 else int(rng.integers(1, rung + 1))
            rows.append((int(day), a, b, shown, str(rng.choice(activities))))
    for _ in range(n):      # single meetings
        a, b = sorted(rng.choice(active, size=2, replace=False))
        rows.append((int(rng.choice(usable)), a, b, int(rng.integers(1, levels + 1)),
                     str(rng.choice(activities))))
    # The first and the last contact fix the data's span, so the gap stays inside it.
    rows += [(0, ids[0], ids[1], 1, "peutergym"), (days - 1, ids[0], ids[2], 2, "")]
    contacts = pd.DataFrame(rows, columns=["day", "person_a", "person_b", "rung", "activity"])
    minutes = (rng.integers(8 * 60, 22 * 60, size=len(contacts)) if times
               else np.zeros(len(contacts), dtype=int))
    contacts["date"] = (start + pd.to_timedelta(contacts["day"], unit="D")
                        + pd.to_timedelta(minutes, unit="min"))
    contacts = contacts.drop(columns="day")
    # Write the files with pairs in either order and rungs by key or level.
    keys = (["groeten", "praten", "vrienden"] if ladder
            else ["kennen", "praten", "delen", "helpen", "steunen"])
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


RANDOM_CASES = [dict(seed=1), dict(seed=2, times=True, days=200), dict(seed=3, ladder=THREE_RUNGS),
                dict(seed=4, days=60)]


RANDOM_IDS = ["seed1", "seed2-times", "seed3-ladder3", "seed4-60days"]


@pytest.fixture(params=RANDOM_CASES, ids=RANDOM_IDS)
def random_case(request, tmp_path):
    """(network, contacts, people) for one seeded random data folder."""
    contacts, people = random_data(tmp_path / "data", **request.param)
    return LadderNetwork(load(tmp_path / "data")), contacts, people


def present_from(contacts: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Joined (the first contact's date when not given), or an earlier own contact."""
    dates = pd.concat([contacts.set_index("person_a")["date"], contacts.set_index("person_b")["date"]])
    first = dates.groupby(level=0).min().reindex(people.index)
    joined = people["joined"].fillna(contacts["date"].min())
    return pd.concat([joined, first], axis=1).min(axis=1)


def naive_ties(contacts: pd.DataFrame) -> dict:
    """{(a, b): rung}: the highest rung of each pair's contacts (a loop; pandas when large)."""
    if len(contacts) > 5000:
        return {pair: int(rung) for pair, rung in
                contacts.groupby(["person_a", "person_b"])["rung"].max().items()}
    ties: dict = {}
    for a, b, rung in zip(contacts["person_a"], contacts["person_b"], contacts["rung"]):
        ties[(a, b)] = max(ties.get((a, b), 0), int(rung))
    return ties


# --- snapshot, active, ties ----------------------------------------------------------------------

def test_snapshot_of_a_tiny_network():
    data = dataset([("2024-01-05", "ann", "bo", 1, "peutergym"), ("2024-02-09", "bo", "ann", 3),
                    ("2024-02-20 15:00", "bo", "cem", 2, "taalplezier")],
                   {"cem": ("professional", "Dieze", "2024-02-01"), "dan": ("parent", "", "2024-03-01")})
    net = LadderNetwork(data)
    january = net.snapshot("2024-01-31")
    assert sorted(january.nodes) == ["ann", "bo"]
    assert list(january.edges(data="rung")) == [("ann", "bo", 1)]
    whole = net.snapshot()
    assert sorted(whole.nodes) == ["ann", "bo", "cem"]     # dan joins after the last contact
    edge = whole["ann"]["bo"]
    assert (edge["rung"], edge["contacts"], edge["activities"]) == (3, 2, ("peutergym",))
    assert edge["first_contact"] == pd.Timestamp("2024-01-05")
    assert edge["last_contact"] == pd.Timestamp("2024-02-09")
    assert whole.nodes["cem"]["role"] == "professional" and whole.nodes["cem"]["wijk"] == "Dieze"
    assert whole.nodes["cem"]["focal"] is False and whole.nodes["ann"]["focal"] is True


@pytest.mark.parametrize("as_of, edges", [
    ("2024-02-20", {("ann", "bo"), ("bo", "cem")}),       # a date counts the whole day
    ("2024-02-20 14:59", {("ann", "bo")}),                # a moment counts up to itself
    ("2024-02-20 15:00", {("ann", "bo")}),                # ... exclusive
    ("2024-02-20 15:01", {("ann", "bo"), ("bo", "cem")}),
    (pd.Timestamp("2024-01-05"), {("ann", "bo")}),
])
def test_snapshot_cutoff_within_a_day(as_of, edges):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1),
                                 ("2024-02-20 15:00", "bo", "cem", 2),
                                 ("2024-02-21", "ann", "bo", 1)]))
    assert set(net.snapshot(as_of).edges) == edges


@pytest.mark.parametrize("as_of", ["2024-01-04", "2024-02-22", "2030-01-01", "1999-12-31"])
def test_cutoff_outside_the_data_is_a_usage_error(as_of):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1), ("2024-02-21", "ann", "cem", 2)]))
    with pytest.raises(UsageError, match="date outside the data.*2024-01-05 to 2024-02-21"):
        net.snapshot(as_of)
    with pytest.raises(UsageError, match="date outside the data"):
        net.ties(as_of)
    with pytest.raises(UsageError, match="date outside the data"):
        net.cutoff(as_of)


@pytest.mark.parametrize("as_of", ["yesterday", "2024-13-45"])
def test_cutoff_of_a_non_date_is_a_usage_error(as_of):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1)]))
    with pytest.raises(UsageError, match="not a date"):
        net.cutoff(as_of)


@pytest.mark.parametrize("as_of, cutoff", [
    (None, "2024-02-22"), ("2024-01-05", "2024-01-06"), ("2024-02-21", "2024-02-22"),
    ("2024-01-10 12:30", "2024-01-10 12:30")])
def test_cutoff_is_the_first_moment_after(as_of, cutoff):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1), ("2024-02-21", "ann", "cem", 2)]))
    assert net.cutoff(as_of) == pd.Timestamp(cutoff)


def test_snapshots_match_a_naive_rebuild(random_case):
    net, contacts, people = random_case
    start = pd.Timestamp(contacts["date"].min()).normalize()
    last = pd.Timestamp(contacts["date"].max()).normalize()
    since = present_from(contacts, people)
    for day in pd.date_range(start, last, freq="17D").append(pd.DatetimeIndex([last])):
        end = day + pd.Timedelta(days=1)
        graph = net.snapshot(day)
        upto = contacts[contacts["date"] < end]
        assert set(graph.nodes) == set(since.index[since < end]), day
        reached = {(min(a, b), max(a, b)): r for a, b, r in graph.edges(data="rung")}
        assert reached == naive_ties(upto), day
        ties = net.ties(day)
        assert list(zip(ties.person_a, ties.person_b)) == sorted(naive_ties(upto)), day
        counts = upto.groupby(["person_a", "person_b"]).size()
        assert ties.set_index(["person_a", "person_b"])["contacts"].to_dict() == counts.to_dict()


def test_active_graph_of_a_period(random_case):
    net, contacts, _ = random_case
    start, end = pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-15")
    inside = contacts[(contacts["date"] >= start) & (contacts["date"] < end)]
    graph = net.active(start, end)
    assert set(graph.nodes) == set(inside.person_a) | set(inside.person_b)
    assert {(min(a, b), max(a, b)): r for a, b, r in graph.edges(data="rung")} == naive_ties(inside)
    assert net.active("2024-05-01", "2024-06-28").number_of_nodes() == 0   # the gap


def test_ties_columns_and_activities():
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1, "peutergym"),
                                 ("2024-01-06", "ann", "bo", 2, "Koffie en Koters"),
                                 ("2024-01-07", "ann", "bo", 1, "peutergym"),
                                 ("2024-01-08", "ann", "cem", 4)]))
    ties = net.ties()
    assert list(ties.columns) == ["person_a", "person_b", "rung", "first_contact", "last_contact",
                                  "contacts", "activities"]
    assert ties.values.tolist() == [
        ["ann", "bo", 2, pd.Timestamp("2024-01-05"), pd.Timestamp("2024-01-07"), 3,
         ("Koffie en Koters", "peutergym")],
        ["ann", "cem", 4, pd.Timestamp("2024-01-08"), pd.Timestamp("2024-01-08"), 1, ()]]


def test_rung_history_matches_a_loop(random_case):
    net, contacts, _ = random_case
    # Contacts of a pair at the same moment count as one: the highest of their rungs.
    expected, reached = [], {}
    moments = contacts.groupby(["person_a", "person_b", "date"])["rung"].max()
    for (a, b, date), rung in moments.items():
        if rung > reached.get((a, b), 0):
            reached[(a, b)] = rung
            expected.append((a, b, date, rung))
    history = net.rung_history()
    assert list(history.columns) == ["person_a", "person_b", "date", "rung"]
    rows = list(history.itertuples(index=False, name=None))
    assert rows == sorted(rows, key=lambda r: (r[0], r[1], r[2]))
    assert rows == expected


def test_present_from_joined_or_earlier_contact():
    net = LadderNetwork(dataset(
        [("2024-01-05", "ann", "bo", 1), ("2024-03-01", "bo", "cem", 1)],
        {"ann": ("parent", "", "2023-06-01"), "bo": ("parent", "", "2024-05-01"),
         "cem": ("parent", "", None), "dan": ("parent", "", "2024-02-10")}))
    assert net.present_from.to_dict() == {
        "ann": pd.Timestamp("2023-06-01"), "bo": pd.Timestamp("2024-01-05"),
        "cem": pd.Timestamp("2024-01-05"), "dan": pd.Timestamp("2024-02-10")}
    assert sorted(net.snapshot("2024-02-09").nodes) == ["ann", "bo", "cem"]
    assert sorted(net.snapshot("2024-02-10").nodes) == ["ann", "bo", "cem", "dan"]


def test_numbers_count_within_role_and_say_nothing_about_join_order():
    ids = [f"p{n:03d}" for n in range(1, 21)]
    contacts = [(f"2024-01-{n:02d}", ids[n - 1], ids[n], 1) for n in range(1, 20)]
    people = {"k01": ("professional", "", None), "k02": ("professional", "", None)}
    net = LadderNetwork(dataset(contacts + [("2024-02-01", "k01", "k02", 2)], people))
    numbers = {p: d["number"] for p, d in net.snapshot().nodes(data=True)}
    parents = [numbers[p] for p in ids]
    assert sorted(parents) == list(range(1, 21))
    assert sorted([numbers["k01"], numbers["k02"]]) == [1, 2]
    assert parents != list(range(1, 21))            # not the order of ids or of joining
    again = LadderNetwork(dataset(contacts + [("2024-02-01", "k01", "k02", 2)], people))
    assert {p: d["number"] for p, d in again.snapshot("2024-01-10").nodes(data=True)} == {
        p: numbers[p] for p in again.snapshot("2024-01-10").nodes}


def test_from_path_reads_a_folder(tmp_path):
    random_data(tmp_path, 5)
    net = LadderNetwork.from_path(tmp_path, focal="professional")
    assert net.focal == "professional"
    assert all(d["focal"] == (d["role"] == "professional") for _, d in net.snapshot().nodes(data=True))


# --- periods ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("period, label", [
    (pd.Period("2024-03-15", "D"), "2024-03-15"), (pd.Period("2024-03-13", "W"), "2024-W11"),
    (pd.Period("2024-12-30", "W"), "2025-W01"), (pd.Period("2021-01-03", "W"), "2020-W53"),
    (pd.Period("2024-03", "M"), "2024-03"), (pd.Period("2024-05", "Q"), "2024Q2"),
    (pd.Period("2024", "Y"), "2024")])
def test_period_label(period, label):
    assert period_label(period) == label


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


@pytest.mark.parametrize("freq", list(FREQUENCIES))
@pytest.mark.parametrize("view", ["reached", "active"])
def test_periods_walk_every_period_with_its_changes(random_case, freq, view):
    net, contacts, people = random_case
    bounds = naive_bounds(contacts["date"].min(), contacts["date"].max(), freq)
    steps = list(net.periods(freq, view=view))
    assert [(s.label, s.start, s.end) for s in steps] == bounds
    since = present_from(contacts, people)
    graphs = {id(s.graph) for s in steps}
    assert len(graphs) == (1 if view == "reached" else len(steps))
    previous: dict = {}
    joined_before: set = set()
    for step, (label, start, end) in zip(steps, bounds):
        reached = naive_ties(contacts[contacts["date"] < end])
        assert sorted(step.new_ties) == sorted(set(reached) - set(previous)), label
        assert sorted(step.climbed) == sorted((a, b, previous[a, b], r) for (a, b), r in reached.items()
                                             if (a, b) in previous and r > previous[a, b]), label
        if view == "reached":
            present = set(since.index[since < end])
            assert sorted(step.joined) == sorted(present - joined_before), label
            joined_before = present
        previous = reached
    # The reached graph of the last step is the whole network.
    last = steps[-1].graph
    if view == "reached":
        assert nx.utils.graphs_equal(nx.Graph(last.edges), nx.Graph(net.snapshot().edges))
        assert {(min(a, b), max(a, b)): (r, n) for a, b, r, n in
                ((a, b, d["rung"], d["contacts"]) for a, b, d in last.edges(data=True))} == {
            k: (v, int(((contacts.person_a == k[0]) & (contacts.person_b == k[1])).sum()))
            for k, v in naive_ties(contacts).items()}


def test_active_steps_hold_the_period_ties(random_case):
    net, contacts, _ = random_case
    for step in net.periods("month", view="active"):
        inside = contacts[(contacts["date"] >= step.start) & (contacts["date"] < step.end)]
        assert set(step.graph.nodes) == set(inside.person_a) | set(inside.person_b), step.label
        assert {(min(a, b), max(a, b)): r for a, b, r in step.graph.edges(data="rung")} \
            == naive_ties(inside), step.label


@pytest.mark.parametrize("freq, view, match", [("fortnight", "reached", "unknown period"),
                                               ("month", "grown", "unknown view")])
def test_periods_refuse_unknown_names(freq, view, match):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1)]))
    with pytest.raises(UsageError, match=match):
        list(net.periods(freq, view=view))


def test_periods_of_no_contacts_are_none():
    data = dataset([("2024-01-05", "ann", "bo", 1)])
    data.contacts = data.contacts.iloc[:0]
    net = LadderNetwork(data)
    assert list(net.periods("month")) == []
    assert len(net.period_range("day")) == 0


def test_demo_last_snapshot_matches_a_naive_rebuild():
    data = load(DEMO)
    net = LadderNetwork(data)
    assert naive_ties(data.contacts) == {(min(a, b), max(a, b)): r
                                         for a, b, r in net.snapshot().edges(data="rung")}
    assert set(net.snapshot().nodes) == set(present_from(data.contacts, data.people).pipe(
        lambda s: s.index[s <= data.contacts["date"].max()]))


def test_rung_history_does_not_depend_on_row_order():
    # Contacts of a pair at the same moment count as one, whatever their order in the file.
    net = LadderNetwork(dataset([("2024-01-05", "a", "b", 2), ("2024-01-05", "a", "b", 3)]))
    assert net.rung_history().values.tolist() == [["a", "b", pd.Timestamp("2024-01-05"), 3]]
