"""Tests of ``contactladder.network``: snapshots, active graphs, ties, rung history, periods,
and the questions consumers ask the network instead of reaching into its tables.

Tiny networks are built inline; ``helpers.random_data`` writes seeded random data folders (late
joiners, professionals, climbing ties, empty periods). Every expectation is computed with pandas
and networkx from the generated tables (the naive oracles in ``helpers``), not from the code
under test.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from helpers import (
    DEMO,
    RANDOM_CASES,
    RANDOM_IDS,
    dataset,
    naive_bounds,
    naive_ties,
    present_from,
    random_data,
)

from contactladder.errors import UsageError
from contactladder.loading import load
from contactladder.network import FREQUENCIES, LadderNetwork, Step, period_label
from contactladder.network.periods import pandas_frequency


@pytest.fixture(params=RANDOM_CASES, ids=RANDOM_IDS)
def random_case(request, tmp_path):
    """(network, contacts, people) for one seeded random data folder."""
    contacts, people = random_data(tmp_path / "data", **request.param)
    return LadderNetwork(load(tmp_path / "data")), contacts, people


# --- snapshot, active, ties ----------------------------------------------------------------------


def test_snapshot_of_a_tiny_network():
    data = dataset(
        [
            ("2024-01-05", "ann", "bo", 1, "peutergym"),
            ("2024-02-09", "bo", "ann", 3),
            ("2024-02-20 15:00", "bo", "cem", 2, "taalplezier"),
        ],
        {"cem": ("professional", "Dieze", "2024-02-01"), "dan": ("parent", "", "2024-03-01")},
    )
    net = LadderNetwork(data)
    january = net.snapshot("2024-01-31")
    assert sorted(january.nodes) == ["ann", "bo"]
    assert list(january.edges(data="rung")) == [("ann", "bo", 1)]
    whole = net.snapshot()
    assert sorted(whole.nodes) == ["ann", "bo", "cem"]  # dan joins after the last contact
    edge = whole["ann"]["bo"]
    assert (edge["rung"], edge["contacts"], edge["activities"]) == (3, 2, ("peutergym",))
    assert edge["first_contact"] == pd.Timestamp("2024-01-05")
    assert edge["last_contact"] == pd.Timestamp("2024-02-09")
    assert whole.nodes["cem"]["role"] == "professional" and whole.nodes["cem"]["wijk"] == "Dieze"
    assert whole.nodes["cem"]["focal"] is False and whole.nodes["ann"]["focal"] is True


@pytest.mark.parametrize(
    "as_of, edges",
    [
        ("2024-02-20", {("ann", "bo"), ("bo", "cem")}),  # a date counts the whole day
        ("2024-02-20 14:59", {("ann", "bo")}),  # a moment counts up to itself
        ("2024-02-20 15:00", {("ann", "bo")}),  # ... exclusive
        ("2024-02-20 15:01", {("ann", "bo"), ("bo", "cem")}),
        (pd.Timestamp("2024-01-05"), {("ann", "bo")}),
    ],
)
def test_snapshot_cutoff_within_a_day(as_of, edges):
    net = LadderNetwork(
        dataset(
            [
                ("2024-01-05", "ann", "bo", 1),
                ("2024-02-20 15:00", "bo", "cem", 2),
                ("2024-02-21", "ann", "bo", 1),
            ]
        )
    )
    assert set(net.snapshot(as_of).edges) == edges


@pytest.mark.parametrize("as_of", ["2024-01-04", "2024-02-22", "2030-01-01", "1999-12-31"])
def test_cutoff_outside_the_data_is_a_usage_error(as_of):
    net = LadderNetwork(dataset([("2024-01-05", "ann", "bo", 1), ("2024-02-21", "ann", "cem", 2)]))
    with pytest.raises(UsageError, match=r"date outside the data.*2024-01-05 to 2024-02-21"):
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


@pytest.mark.parametrize(
    "as_of, cutoff",
    [
        (None, "2024-02-22"),
        ("2024-01-05", "2024-01-06"),
        ("2024-02-21", "2024-02-22"),
        ("2024-01-10 12:30", "2024-01-10 12:30"),
    ],
)
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
    assert net.active("2024-05-01", "2024-06-28").number_of_nodes() == 0  # the gap


def test_ties_columns_and_activities():
    net = LadderNetwork(
        dataset(
            [
                ("2024-01-05", "ann", "bo", 1, "peutergym"),
                ("2024-01-06", "ann", "bo", 2, "Koffie en Koters"),
                ("2024-01-07", "ann", "bo", 1, "peutergym"),
                ("2024-01-08", "ann", "cem", 4),
            ]
        )
    )
    ties = net.ties()
    assert list(ties.columns) == [
        "person_a",
        "person_b",
        "rung",
        "first_contact",
        "last_contact",
        "contacts",
        "activities",
    ]
    assert ties.values.tolist() == [
        [
            "ann",
            "bo",
            2,
            pd.Timestamp("2024-01-05"),
            pd.Timestamp("2024-01-07"),
            3,
            ("Koffie en Koters", "peutergym"),
        ],
        ["ann", "cem", 4, pd.Timestamp("2024-01-08"), pd.Timestamp("2024-01-08"), 1, ()],
    ]


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
    net = LadderNetwork(
        dataset(
            [("2024-01-05", "ann", "bo", 1), ("2024-03-01", "bo", "cem", 1)],
            {
                "ann": ("parent", "", "2023-06-01"),
                "bo": ("parent", "", "2024-05-01"),
                "cem": ("parent", "", None),
                "dan": ("parent", "", "2024-02-10"),
            },
        )
    )
    assert net.present_from.to_dict() == {
        "ann": pd.Timestamp("2023-06-01"),
        "bo": pd.Timestamp("2024-01-05"),
        "cem": pd.Timestamp("2024-01-05"),
        "dan": pd.Timestamp("2024-02-10"),
    }
    assert sorted(net.snapshot("2024-02-09").nodes) == ["ann", "bo", "cem"]
    assert sorted(net.snapshot("2024-02-10").nodes) == ["ann", "bo", "cem", "dan"]


def test_numbers_count_within_role_and_say_nothing_about_join_order():
    ids = [f"p{n:03d}" for n in range(1, 21)]
    contacts = [(f"2024-01-{n:02d}", ids[n - 1], ids[n], 1) for n in range(1, 20)]
    people = {"k01": ("professional", "", None), "k02": ("professional", "", None)}
    key = bytes(range(32))
    net = LadderNetwork(dataset([*contacts, ("2024-02-01", "k01", "k02", 2)], people), key=key)
    numbers = {p: d["number"] for p, d in net.snapshot().nodes(data=True)}
    parents = [numbers[p] for p in ids]
    assert sorted(parents) == list(range(1, 21))
    assert sorted([numbers["k01"], numbers["k02"]]) == [1, 2]
    assert parents != list(range(1, 21))  # not the order of ids or of joining
    again = LadderNetwork(dataset([*contacts, ("2024-02-01", "k01", "k02", 2)], people), key=key)
    assert {p: d["number"] for p, d in again.snapshot("2024-01-10").nodes(data=True)} == {
        p: numbers[p] for p in again.snapshot("2024-01-10").nodes
    }


def test_from_path_reads_a_folder(tmp_path):
    random_data(tmp_path, 5)
    net = LadderNetwork.from_path(tmp_path, focal="professional")
    assert net.focal == "professional"
    assert all(
        d["focal"] == (d["role"] == "professional") for _, d in net.snapshot().nodes(data=True)
    )


# --- periods -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period, label",
    [
        (pd.Period("2024-03-15", "D"), "2024-03-15"),
        (pd.Period("2024-03-13", "W"), "2024-W11"),
        (pd.Period("2024-12-30", "W"), "2025-W01"),
        (pd.Period("2021-01-03", "W"), "2020-W53"),
        (pd.Period("2024-03", "M"), "2024-03"),
        (pd.Period("2024-05", "Q"), "2024Q2"),
        (pd.Period("2024", "Y"), "2024"),
    ],
)
def test_period_label(period, label):
    assert period_label(period) == label


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
    for step, (label, _, end) in zip(steps, bounds):
        reached = naive_ties(contacts[contacts["date"] < end])
        assert sorted(step.new_ties) == sorted(set(reached) - set(previous)), label
        assert sorted(step.climbed) == sorted(
            (a, b, previous[a, b], r)
            for (a, b), r in reached.items()
            if (a, b) in previous and r > previous[a, b]
        ), label
        if view == "reached":
            present = set(since.index[since < end])
            assert sorted(step.joined) == sorted(present - joined_before), label
            joined_before = present
        previous = reached
    # The reached graph of the last step is the whole network.
    last = steps[-1].graph
    if view == "reached":
        assert nx.utils.graphs_equal(nx.Graph(last.edges), nx.Graph(net.snapshot().edges))
        assert {
            (min(a, b), max(a, b)): (r, n)
            for a, b, r, n in (
                (a, b, d["rung"], d["contacts"]) for a, b, d in last.edges(data=True)
            )
        } == {
            k: (v, int(((contacts.person_a == k[0]) & (contacts.person_b == k[1])).sum()))
            for k, v in naive_ties(contacts).items()
        }


def test_active_steps_hold_the_period_ties(random_case):
    net, contacts, _ = random_case
    for step in net.periods("month", view="active"):
        inside = contacts[(contacts["date"] >= step.start) & (contacts["date"] < step.end)]
        assert set(step.graph.nodes) == set(inside.person_a) | set(inside.person_b), step.label
        assert {
            (min(a, b), max(a, b)): r for a, b, r in step.graph.edges(data="rung")
        } == naive_ties(inside), step.label


@pytest.mark.parametrize(
    "freq, view, match",
    [("fortnight", "reached", "unknown period"), ("month", "grown", "unknown view")],
)
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
    assert naive_ties(data.contacts) == {
        (min(a, b), max(a, b)): r for a, b, r in net.snapshot().edges(data="rung")
    }
    assert set(net.snapshot().nodes) == set(
        present_from(data.contacts, data.people).pipe(
            lambda s: s.index[s <= data.contacts["date"].max()]
        )
    )


def test_rung_history_does_not_depend_on_row_order():
    # Contacts of a pair at the same moment count as one, whatever their order in the file.
    net = LadderNetwork(dataset([("2024-01-05", "a", "b", 2), ("2024-01-05", "a", "b", 3)]))
    assert net.rung_history().values.tolist() == [["a", "b", pd.Timestamp("2024-01-05"), 3]]


def test_walk_without_a_graph_reports_the_same_changes(random_case):
    net, _, _ = random_case
    with_graph = [
        (s.label, s.joined, s.new_ties, s.new_rungs, s.climbed) for s in net.periods("month")
    ]
    without = list(net.periods("month", graph=False))
    assert all(isinstance(s, Step) and s.graph is None for s in without)
    assert [(s.label, s.joined, s.new_ties, s.new_rungs, s.climbed) for s in without] == with_graph


@pytest.mark.parametrize(
    "freq, code", [("day", "D"), ("week", "W"), ("month", "M"), ("quarter", "Q"), ("year", "Y")]
)
def test_period_names_and_their_pandas_frequency(freq, code):
    assert FREQUENCIES[freq] == code and pandas_frequency(freq) == code


# --- what consumers ask the network ----------------------------------------------------------


def asked() -> LadderNetwork:
    """Four people (one silent), a professional of the GGD, an extra people column, attendance."""
    data = dataset(
        [
            ("2024-01-05", "ann", "bo", 1, "peutergym"),
            ("2024-02-09", "ann", "cem", 3),
            ("2024-03-01", "bo", "cem", 2, "taalplezier"),
        ],
        {
            "ann": ("parent", "Dieze", None),
            "bo": ("parent", " Stadshagen ", None),
            "cem": ("professional", "Dieze", None),
            "dan": ("parent", "", None),
        },
    )
    data.people["organisation"] = ["", "", "GGD", ""]
    data.people["child_age"] = ["2", "", "", "3"]
    data.attendance = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-08", "2024-03-04", "2024-03-04"]),
            "activity": ["peutergym", "", "taalplezier"],
            "person": ["ann", "bo", "dan"],
        }
    )
    data.name = "Dieze & co"
    return LadderNetwork(data)


def test_name_rejects_and_contacts_are_answered():
    net = asked()
    assert net.name == "Dieze & co"
    assert net.has_contacts is True
    assert net.rejects.empty and list(net.rejects.columns) == [
        "file",
        "line",
        "column",
        "value",
        "reason",
        "row",
    ]
    data = dataset([("2024-01-05", "ann", "bo", 1)])
    data.contacts = data.contacts.iloc[:0]
    assert LadderNetwork(data).has_contacts is False


def test_rejects_are_those_set_aside_by_loading(tmp_path):
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,1\n2024-01-02,a,a,1\n", encoding="utf-8"
    )
    net = LadderNetwork.from_path(tmp_path, skip_invalid=True)
    assert net.rejects[["line", "reason"]].values.tolist() == [
        [3, "a contact of a person with themself"]
    ]


def test_people_columns_and_one_column():
    net = asked()
    assert net.people_columns() == ["role", "name", "organisation", "wijk", "joined", "child_age"]
    assert net.has_column("child_age") and not net.has_column("colour")
    assert net.column("organisation").to_dict() == {"ann": "", "bo": "", "cem": "GGD", "dan": ""}
    with pytest.raises(
        UsageError,
        match=r"no people column 'colour'; the columns are role, "
        r"name, organisation, wijk, joined, child_age",
    ):
        net.column("colour")


def test_values_are_distinct_stripped_sorted_and_empty_without_the_column():
    net = asked()
    assert net.values("role") == ["parent", "professional"]
    assert net.values("child_age") == ["2", "3"]
    assert net.values("colour") == []
    assert net.wijken() == ["Dieze", "Stadshagen"]


def test_knows_and_person():
    net = asked()
    assert net.knows("cem") and net.knows(" dan ") and not net.knows("dirk")
    cem = net.person("cem")
    assert (cem["role"], cem["organisation"], cem["focal"]) == ("professional", "GGD", False)
    assert net.person("dan")["child_age"] == "3"  # people without contacts too
    cem["role"] = "changed"
    assert net.person("cem")["role"] == "professional"  # a copy
    with pytest.raises(UsageError, match="unknown person 'dirk'; give an id from the people file"):
        net.person("dirk")


def test_attendance_keeps_named_activities_before_a_cutoff():
    net = asked()
    assert net.attendance()["person"].tolist() == ["ann", "dan"]
    assert net.attendance(before=net.cutoff("2024-02-20"))["person"].tolist() == ["ann"]


def test_contact_rows_before_a_cutoff():
    net = asked()
    assert len(net.contact_rows()) == 3
    rows = net.contact_rows(before=net.cutoff("2024-02-09"))
    assert rows[["person_a", "person_b", "rung"]].values.tolist() == [
        ["ann", "bo", 1],
        ["ann", "cem", 3],
    ]


def test_focal_people_follow_the_focal_role():
    net = asked()
    assert net.focal_people == frozenset({"ann", "bo", "dan"})
    professionals = LadderNetwork(net.data, focal="professional")
    assert professionals.focal_people == frozenset({"cem"})
    assert professionals.person("cem")["focal"] is True


def test_describe_names_the_focal_parameter_as_the_reader_calls_it():
    net = LadderNetwork(asked().data, focal="child")
    assert "Data set: Dieze & co" in net.describe()
    assert (
        "Warning: no one has the focal role 'child': give roles in a people file, or name "
        "the focal role with focal."
    ) in net.describe()
    assert "or name the focal role with --focal." in net.describe(options={"focal": "--focal"})


@pytest.mark.parametrize("kinds", [5, 80])  # a bit mask per tie, and beyond 63 activities
def test_each_ties_activities_are_its_named_ones_sorted(kinds):
    rng = np.random.default_rng(kinds)
    people = [f"p{i}" for i in range(12)]
    names = ["", *(f"activity {k:02d}" for k in range(kinds))]
    rows = []
    for day in range(400):
        a, b = sorted(rng.choice(people, size=2, replace=False))
        rows.append((f"2024-01-01 {day % 24:02d}:00", a, b, 1, str(rng.choice(names))))
    net = LadderNetwork(dataset(rows))
    expected: dict[tuple, set] = {}
    for _, a, b, _, activity in rows:
        expected.setdefault((a, b), set()).update({activity} - {""})
    ties = net.ties()
    found = dict(zip(zip(ties["person_a"], ties["person_b"]), ties["activities"]))
    assert found == {pair: tuple(sorted(kinds)) for pair, kinds in expected.items()}
