"""Mixing between groups: ``growth(by=..., between=True)`` against an independent pandas
computation of the ties between each pair of wijken, period by period."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.loading.dataset import load
from contactladder.network import LadderNetwork
from tests.helpers import RANDOM_CASES, RANDOM_IDS, dataset, random_data

ROWS = [
    ("2024-01-05", "ann", "bo", 1),  # Dieze–Dieze: within, counts nowhere here
    ("2024-01-09", "ann", "cem", 2),  # Dieze–Zuid
    ("2024-02-02", "ann", "cem", 4),  # climbs
    ("2024-02-10", "bo", "dirk", 3),  # Dieze–(none)
    ("2024-03-03", "cem", "eva", 2),  # Zuid–Zuid
    ("2024-03-20", "eva", "dirk", 5),  # Zuid–(none)
    ("2024-03-21", "bo", "eva", 1),  # Dieze–Zuid
]
WIJK = {"ann": "Dieze", "bo": "Dieze", "cem": "Zuid", "eva": "Zuid", "dirk": ""}


@pytest.fixture
def net():
    people = {person: ("parent", wijk, None) for person, wijk in WIJK.items()}
    return LadderNetwork(dataset(ROWS, people))


def expected(view: str) -> pd.DataFrame:
    """The between table, computed from the rows with pandas."""
    contacts = pd.DataFrame(ROWS, columns=["date", "a", "b", "rung"])
    contacts["date"] = pd.to_datetime(contacts["date"])
    contacts["month"] = contacts["date"].dt.to_period("M")
    group = {p: w or "(none)" for p, w in WIJK.items()}
    ends = contacts[["a", "b"]].apply(lambda r: sorted((group[r.a], group[r.b])), axis=1)
    contacts["group"], contacts["other"] = ends.str[0], ends.str[1]
    contacts = contacts[contacts["group"] != contacts["other"]]
    first = contacts.groupby(["a", "b"])["month"].transform("min")
    rows = []
    for month in pd.period_range("2024-01", "2024-03", freq="M"):
        now = contacts[contacts["month"] <= month] if view == "reached" else contacts
        now = now[now["month"] == month] if view == "active" else now
        ties = now.groupby(["a", "b", "group", "other"])["rung"].max().reset_index()
        before = contacts[contacts["month"] < month].groupby(["a", "b"])["rung"].max()
        for g, o in combinations(sorted(set(group.values())), 2):
            mine = ties[(ties["group"] == g) & (ties["other"] == o)]
            new = contacts[(first == month) & (contacts["group"] == g) & (contacts["other"] == o)]
            row = {"period": str(month), "group": g, "other_group": o, "ties": len(mine)}
            for level, key in enumerate(["kennen", "praten", "delen", "helpen", "steunen"], 1):
                row[f"rung_{key}"] = int((mine["rung"] == level).sum())
            row["new_ties"] = new[["a", "b"]].drop_duplicates().shape[0]
            old = before.reindex(pd.MultiIndex.from_frame(mine[["a", "b"]]))
            row["climbed"] = int((old.notna() & (mine["rung"].to_numpy() > old.to_numpy())).sum())
            rows.append(row)
    return pd.DataFrame(rows)


@pytest.mark.parametrize("view", ["reached", "active"])
def test_ties_between_each_pair_of_groups(net, view):
    got = growth(net, freq="month", by="wijk", between=True, view=view)
    want = expected(view)
    pd.testing.assert_frame_equal(
        got.drop(columns="period_start"), want, check_dtype=False, check_index_type=False
    )
    assert got["period_start"].dt.strftime("%Y-%m").tolist() == got["period"].tolist()
    assert str(got["ties"].dtype) == "int64"


def test_the_cross_ties_are_those_the_group_rows_leave_out(net):
    within = growth(net, freq="month", by="wijk").groupby("period")["ties"].sum()
    between = growth(net, freq="month", by="wijk", between=True).groupby("period")["ties"].sum()
    everyone = growth(net, freq="month").set_index("period")["ties"]
    assert (within + between).to_dict() == everyone.to_dict()


def test_the_current_view_adds_its_losses(net):
    got = growth(net, freq="month", by="wijk", between=True, view="current", lapse="30d")
    assert {"ended_ties", "declined"} <= set(got.columns)
    # ann–cem (Dieze–Zuid) has no contact in the 30 days before the end of March: ended
    march = got[(got["period"] == "2024-03") & (got["group"] == "Dieze")]
    assert march.set_index("other_group").loc["Zuid", "ended_ties"] == 1


def test_between_needs_a_people_column(net):
    for by in (None, "tie_type"):
        with pytest.raises(UsageError, match="between groups") as caught:
            growth(net, by=by, between=True)
        assert "{by}" in caught.value.hint


def between_from_graphs(net: LadderNetwork, freq: str, view: str, lapse: str) -> pd.DataFrame:
    """The between table by wijk from the graphs of ``net.periods``, tie by tie (how it was
    counted before it was counted on codes)."""
    wijk = net.column("wijk").fillna("").astype(str).replace("", "(none)").to_dict()
    order = sorted(set(wijk.values()))
    changes = ["new_ties", "climbed", *(["ended_ties", "declined"] if view == "current" else [])]
    rows = []
    for step in net.periods(freq, view=view, lapse=lapse):
        counts = {
            pair: dict.fromkeys(["ties", *(f"rung_{r.key}" for r in net.ladder), *changes], 0)
            for pair in combinations(order, 2)
        }

        def pair_of(a, b):
            return tuple(sorted((wijk[a], wijk[b]))) if wijk[a] != wijk[b] else None

        for a, b, rung in step.graph.edges(data="rung"):
            if pair_of(a, b):
                counts[pair_of(a, b)]["ties"] += 1
                counts[pair_of(a, b)][f"rung_{net.ladder[rung].key}"] += 1
        lists = [step.new_ties, step.climbed, step.ended, step.declined]
        for column, ties in zip(["new_ties", "climbed", "ended_ties", "declined"], lists):
            for a, b, *_ in ties if column in changes else []:
                if pair_of(a, b):
                    counts[pair_of(a, b)][column] += 1
        for (first, second), figures in counts.items():
            rows.append({"period": step.label, "group": first, "other_group": second, **figures})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("case", RANDOM_CASES[:2], ids=RANDOM_IDS[:2])
@pytest.mark.parametrize(
    "freq, view, lapse",
    [
        ("month", "reached", "180d"),
        ("week", "active", "180d"),
        ("month", "current", "45d"),
        ("quarter", "current", "30d"),
    ],
)
def test_the_counts_on_codes_are_those_of_the_graphs(tmp_path, case, freq, view, lapse):
    random_data(tmp_path, **case)
    net = LadderNetwork(load(tmp_path))
    got = growth(net, freq=freq, by="wijk", between=True, view=view, lapse=lapse)
    want = between_from_graphs(net, freq, view, lapse)
    pd.testing.assert_frame_equal(got.drop(columns="period_start"), want, check_dtype=False)
    assert got["ties"].sum() > 0 and got["new_ties"].sum() > 0 and got["climbed"].sum() > 0
    if view == "current":
        assert got["ended_ties"].sum() > 0
