"""Tests of ``contactladder.metrics``: the growth table, transitions and activity yield.

The key test compares every column of ``growth()``, in both views, for every period and with and
without ``by``, against :func:`naive_growth`: a from-scratch computation written here that builds
each period's graph anew with pandas and networkx and measures it with networkx functions.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from helpers import (
    DEMO,
    RANDOM_CASES,
    RANDOM_IDS,
    THREE_RUNGS,
    dataset,
    naive_bounds,
    naive_figures,
    naive_tie_types,
    naive_ties,
    present_from,
    random_data,
)

from contactladder.analysis.activity_yield import activity_yield
from contactladder.analysis.growth import growth, growth_columns
from contactladder.analysis.transitions import transitions
from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.loading.dataset import load
from contactladder.network import FREQUENCIES, LadderNetwork

NO_GROUP = "(none)"


# --- the naive computation -------------------------------------------------------------------


def naive_growth(
    contacts: pd.DataFrame,
    people: pd.DataFrame,
    ladder: Ladder,
    *,
    freq: str,
    view: str,
    by: str | None = None,
    focal: str = "parent",
) -> pd.DataFrame:
    """The growth table, rebuilt from scratch for every period.

    ``contacts``: ``date, person_a < person_b, rung``; ``people``: indexed by id with ``role``
    (and the ``by`` column). Reached view: the graph of the people present and the ties of all
    contacts before the period's end. Active view: the ties of the period's contacts and the
    people in them.
    """
    levels = [(rung.level, rung.key) for rung in ladder]
    top = ladder.top.level
    since = present_from(contacts, people)
    role = people["role"].to_dict()
    group_of = people[by].fillna("").astype(str).replace("", NO_GROUP).to_dict() if by else {}
    names = sorted(set(group_of.values())) if by else [None]
    rows = []
    for label, start, end in naive_bounds(contacts["date"].min(), contacts["date"].max(), freq):
        before = naive_ties(contacts[contacts["date"] < start])
        reached = naive_ties(contacts[contacts["date"] < end])
        new = [pair for pair in reached if pair not in before]
        climbed = [pair for pair in before if reached[pair] > before[pair]]
        graph = nx.Graph()
        if view == "reached":
            graph.add_nodes_from(since.index[since < end])
            ties = reached
        else:
            inside = contacts[(contacts["date"] >= start) & (contacts["date"] < end)]
            graph.add_nodes_from(set(inside["person_a"]) | set(inside["person_b"]))
            ties = naive_ties(inside)
        graph.add_edges_from((a, b, {"rung": rung}) for (a, b), rung in ties.items())
        for name in names:
            members = (
                graph if name is None else graph.subgraph([p for p in graph if group_of[p] == name])
            )
            inside_group = (
                (lambda pairs: pairs)
                if name is None
                else (
                    lambda pairs, name=name: [
                        (a, b) for a, b in pairs if group_of[a] == name and group_of[b] == name
                    ]
                )
            )
            row = {"period": label, **({"group": name} if by else {})}
            row.update(naive_figures(members, role, focal, levels, top))
            row["new_ties"] = len(inside_group(new))
            row["climbed"] = len(inside_group(climbed))
            row["period_start"] = start
            rows.append(row)
    columns = (
        ["period"]
        + (["group"] if by else [])
        + ["people", "focal", "ties"]
        + [f"rung_{key}" for _, key in levels]
        + list(naive_tie_types(nx.Graph(), {}, focal))
        + [
            "new_ties",
            "climbed",
            "focal_alone",
            "focal_only_professional",
            "focal_peer_ge3",
            "focal_peer_top",
            "focal_peer_degree_mean",
            "components",
            "largest_component_share",
            "peer_density",
            "peer_transitivity",
            "period_start",
        ]
    )
    return pd.DataFrame(rows, columns=columns)


def assert_same_table(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True),
        expected,
        check_dtype=False,
        check_exact=False,
        rtol=1e-12,
        atol=1e-12,
    )


# --- the key test: every column against the naive computation ---------------------------------


@pytest.mark.parametrize("case", RANDOM_CASES, ids=RANDOM_IDS)
@pytest.mark.parametrize("freq", list(FREQUENCIES))
@pytest.mark.parametrize("view", ["reached", "active"])
def test_growth_matches_naive_on_random_data(tmp_path, case, freq, view):
    contacts, people = random_data(tmp_path, **case)
    data = load(tmp_path)
    many = (None, "wijk") if freq == "day" else (None, "wijk", "role")  # days are many
    for focal, bys in (("parent", many), ("professional", many[: 2 if freq != "day" else 1])):
        net = LadderNetwork(data, focal=focal)
        for by in bys:
            expected = naive_growth(
                contacts, people, data.ladder, freq=freq, view=view, by=by, focal=focal
            )
            got = growth(net, freq=freq, view=view, by=by)
            assert_same_table(got, expected)


def test_random_data_has_the_shapes_the_naive_test_needs(tmp_path):
    """The comparison above is only worth something if the data has these shapes."""
    contacts, people = random_data(tmp_path, 1)
    net = LadderNetwork(load(tmp_path))
    table = growth(net, freq="week", view="active")
    assert (table["ties"] == 0).sum() >= 4  # empty periods
    reached = growth(net, freq="month")
    assert reached["climbed"].sum() > 10 and reached["new_ties"].sum() > 30
    assert reached["people"].is_monotonic_increasing and reached["people"].nunique() > 3
    assert (reached["focal_peer_ge3"] > 0).any() and (reached["focal_peer_top"] > 0).any()
    assert (reached["components"] > 1).all() and (reached["peer_transitivity"] > 0).any()
    assert set(people["role"]) == {"parent", "professional", "volunteer"}
    assert (people["joined"] > contacts["date"].max()).any()


@pytest.mark.parametrize(
    "freq, view, by",
    [
        ("week", "active", "wijk"),
        ("month", "reached", None),
        ("month", "reached", "wijk"),
        ("month", "active", None),
        ("month", "active", "wijk"),
        ("quarter", "reached", "role"),
        ("quarter", "active", None),
        ("year", "reached", "wijk"),
        ("year", "active", "wijk"),
    ],
)
def test_growth_matches_naive_on_the_demo(demo_data, freq, view, by):
    net = LadderNetwork(demo_data)
    expected = naive_growth(
        demo_data.contacts, demo_data.people, demo_data.ladder, freq=freq, view=view, by=by
    )
    assert_same_table(growth(net, freq=freq, view=view, by=by), expected)


@pytest.fixture(scope="module")
def demo_data():
    return load(DEMO)


# --- small networks by hand ------------------------------------------------------------------


def test_growth_of_a_triangle_and_a_professional():
    net = LadderNetwork(
        dataset(
            [
                ("2024-01-02", "ann", "bo", 3),
                ("2024-01-03", "bo", "cem", 1),
                ("2024-02-01", "ann", "cem", 5),
                ("2024-02-02", "dan", "gw", 2),
                ("2024-02-03", "bo", "cem", 2),
            ],
            {"gw": ("professional", "", None), "eva": ("parent", "", "2024-02-15")},
        )
    )
    table = growth(net, freq="month").set_index("period")
    assert table.loc["2024-01"].drop("period_start").to_dict() == {
        "people": 5,
        "focal": 4,
        "ties": 2,
        "rung_kennen": 1,
        "rung_praten": 0,
        "rung_delen": 1,
        "rung_helpen": 0,
        "rung_steunen": 0,
        "ties_parent_parent": 2,
        "ties_parent_professional": 0,
        "ties_professional_professional": 0,
        "new_ties": 2,
        "climbed": 0,
        "focal_alone": 1,
        "focal_only_professional": 0,
        "focal_peer_ge3": 2,
        "focal_peer_top": 0,
        "focal_peer_degree_mean": 1.0,
        "components": 3,
        "largest_component_share": 0.75,
        "peer_density": 2 / 6,
        "peer_transitivity": 0.0,
    }
    february = table.loc["2024-02"]
    assert (february["people"], february["focal"], february["ties"]) == (6, 5, 4)
    assert (february["ties_parent_parent"], february["ties_parent_professional"]) == (3, 1)
    assert (february["new_ties"], february["climbed"]) == (2, 1)
    assert february["focal_alone"] == 1  # eva
    assert february["focal_only_professional"] == 1  # dan
    assert (february["focal_peer_ge3"], february["focal_peer_top"]) == (3, 2)
    assert february["peer_transitivity"] == 1.0 and february["components"] == 3
    assert february["largest_component_share"] == pytest.approx(3 / 5)
    assert february["focal_peer_degree_mean"] == pytest.approx(6 / 5)


def test_largest_component_ties_go_to_more_focal_people():
    net = LadderNetwork(
        dataset(
            [("2024-01-02", "gw", "ann", 1), ("2024-01-02", "bo", "cem", 1)],
            {"gw": ("professional", "", None)},
        )
    )
    assert growth(net, freq="year")["largest_component_share"].tolist() == [2 / 3]


def test_growth_columns_follow_the_ladder(tmp_path):
    random_data(tmp_path, 3, ladder=THREE_RUNGS)
    net = LadderNetwork(load(tmp_path))
    assert growth_columns(net)[3:7] == ["ties", "rung_groeten", "rung_praten", "rung_vrienden"]
    assert growth_columns(net, by="wijk")[:3] == ["period", "group", "people"]
    assert list(growth(net, freq="year").columns) == growth_columns(net)


def test_growth_by_an_unknown_column_is_a_usage_error():
    net = LadderNetwork(dataset([("2024-01-02", "ann", "bo", 1)]))
    with pytest.raises(UsageError, match="no such people column 'buurt'"):
        growth(net, by="buurt")


def test_growth_reports_progress():
    net = LadderNetwork(dataset([("2024-01-02", "ann", "bo", 1), ("2024-04-02", "ann", "bo", 2)]))
    calls = []
    growth(net, freq="month", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_growth_of_no_contacts_is_an_empty_table():
    data = dataset([("2024-01-02", "ann", "bo", 1)])
    data.contacts = data.contacts.iloc[:0]
    table = growth(LadderNetwork(data))
    assert table.empty and list(table.columns) == growth_columns(LadderNetwork(data))


def test_growth_does_not_change_the_network(demo_data):
    net = LadderNetwork(demo_data)
    before = net.contacts.copy(), net.people.copy()
    first = growth(net, freq="quarter", by="wijk")
    assert first.equals(growth(net, freq="quarter", by="wijk"))
    pd.testing.assert_frame_equal(net.contacts, before[0])
    pd.testing.assert_frame_equal(net.people, before[1])


# --- transitions -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", RANDOM_CASES[:3], ids=RANDOM_IDS[:3])
@pytest.mark.parametrize("freq", ["week", "month", "quarter"])
def test_transitions_match_a_naive_diff(tmp_path, case, freq):
    contacts, _ = random_data(tmp_path, **case)
    net = LadderNetwork(load(tmp_path))
    keys = {rung.level: rung.key for rung in net.ladder}
    expected = []
    before: dict = {}
    for label, _, end in naive_bounds(contacts["date"].min(), contacts["date"].max(), freq):
        reached = naive_ties(contacts[contacts["date"] < end])
        moves = pd.Series(
            [(keys.get(before.get(pair), "none"), keys[rung]) for pair, rung in reached.items()],
            dtype=object,
        ).value_counts()
        expected += [(label, old, new, int(n)) for (old, new), n in moves.items()]
        before = reached
    table = transitions(net, freq=freq)
    assert list(table.columns) == ["period", "from_rung", "to_rung", "ties"]
    assert sorted(table.itertuples(index=False, name=None)) == sorted(expected)
    # The rows of a period add up to the ties at its end.
    ties = growth(net, freq=freq).set_index("period")["ties"]
    sums = table.groupby("period")["ties"].sum().reindex(ties.index, fill_value=0)
    assert sums.equals(ties)


def test_transitions_of_a_tiny_network():
    net = LadderNetwork(
        dataset(
            [
                ("2024-01-02", "ann", "bo", 1),
                ("2024-01-03", "bo", "cem", 2),
                ("2024-02-01", "ann", "bo", 3),
                ("2024-02-02", "ann", "bo", 4),
            ]
        )
    )
    assert transitions(net).values.tolist() == [
        ["2024-01", "none", "kennen", 1],
        ["2024-01", "none", "praten", 1],
        ["2024-02", "kennen", "helpen", 1],
        ["2024-02", "praten", "praten", 1],
    ]


# --- activity yield --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 4])
@pytest.mark.parametrize("as_of", [None, "2024-03-31"])
def test_activity_yield_matches_pandas(tmp_path, seed, as_of):
    random_data(tmp_path, seed, days=200 if seed == 4 else 400)
    data = load(tmp_path)
    net = LadderNetwork(data)
    contacts = data.contacts
    if as_of:
        contacts = contacts[contacts["date"] < pd.Timestamp(as_of) + pd.Timedelta(days=1)]
    # The first contact of each tie in the order the loader keeps (by date, then file order).
    first = contacts.groupby(["person_a", "person_b"], sort=False).head(1)
    ties = (
        contacts.groupby(["person_a", "person_b"])["rung"]
        .max()
        .rename("rung")
        .reset_index()
        .merge(first[["person_a", "person_b", "activity"]])
    )
    ties["activity"] = ties["activity"].replace("", NO_GROUP)
    expected = []
    for activity, group in ties.groupby("activity"):
        counts = [int((group["rung"] == rung.level).sum()) for rung in net.ladder]
        expected.append(
            [
                activity,
                len(group),
                *counts,
                float((group["rung"] >= 3).mean()),
                float(group["rung"].mean()),
            ]
        )
    expected.sort(key=lambda row: (-row[1], row[0]))
    table = activity_yield(net, as_of=as_of)
    assert list(table.columns) == (
        ["activity", "ties"] + [f"rung_{r.key}" for r in net.ladder] + ["share_ge3", "mean_rung"]
    )
    assert len(table) == len(expected)
    for got, want in zip(table.values.tolist(), expected):
        assert got[:-2] == want[:-2]
        assert got[-2:] == pytest.approx(want[-2:], rel=1e-12)


def test_activity_yield_credits_the_first_activity():
    net = LadderNetwork(
        dataset(
            [
                ("2024-01-02", "ann", "bo", 1, "peutergym"),
                ("2024-01-09", "ann", "bo", 4, "Koffie en Koters"),
                ("2024-01-09", "ann", "cem", 2),
            ]
        )
    )
    assert activity_yield(net).values.tolist() == [
        ["(none)", 1, 0, 1, 0, 0, 0, 0.0, 2.0],
        ["peutergym", 1, 0, 0, 0, 1, 0, 1.0, 4.0],
    ]
    assert activity_yield(net, as_of="2024-01-02").values.tolist() == [
        ["peutergym", 1, 1, 0, 0, 0, 0, 0.0, 1.0]
    ]
    with pytest.raises(UsageError, match="date outside the data"):
        activity_yield(net, as_of="2024-02-01")


def test_people_who_left_are_counted_apart_and_change_no_other_figure(tmp_path):
    from contactladder.jobs.common import Source
    from contactladder.jobs.tables import growth_job

    demo = Path(__file__).parent.parent / "data" / "zwolle-demo"
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("contacts.csv", "people.csv", "attendance.csv"):
        (folder / name).write_bytes((demo / name).read_bytes())
    before = growth_job(Source(folder), tmp_path / "before.csv", freq="quarter").paths[0]
    (folder / "status.csv").write_text(
        "person,status,since\np001,moved,2025-06-01\n"
        "p002,no_contact,2024-01-01\np003,paused,2025-01-01\n"
    )
    after = growth_job(Source(folder), tmp_path / "after.csv", freq="quarter").paths[0]
    old, new = pd.read_csv(before), pd.read_csv(after)
    pd.testing.assert_frame_equal(new.drop(columns="left"), old)
    expected = [int(period >= "2024Q1") + int(period >= "2025Q2") for period in new["period"]]
    assert new["left"].tolist() == expected
