"""The current view: ties at the rung of their latest evidence, which decline and end.

Every figure of ``growth(view="current")`` and ``transitions(view="current")`` is checked against
:func:`naive_current`, written here from the definition with pandas and networkx: at each
period's end the ties are those with a contact in the lapse window before it, at the highest
rung of those contacts; the figures of that graph come from ``helpers.naive_figures``.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from helpers import (
    RANDOM_CASES,
    RANDOM_IDS,
    UPS_AND_DOWNS,
    UPS_AND_DOWNS_PEOPLE,
    dataset,
    naive_bounds,
    naive_figures,
    naive_tie_types,
    present_from,
    random_data,
)

from contactladder.analysis.growth import growth, growth_columns
from contactladder.analysis.transitions import transitions
from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.loading.dataset import load
from contactladder.network import LadderNetwork
from contactladder.network.current import current_by_period, current_walk, parse_lapse

NO_GROUP = "(none)"


def naive_current(
    contacts: pd.DataFrame,
    people: pd.DataFrame,
    ladder: Ladder,
    *,
    freq: str,
    lapse: str,
    by: str | None = None,
    focal: str = "parent",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The growth table and the transitions of the current view, from scratch per period."""
    window = pd.Timedelta(lapse.replace("d", "D"))
    levels = [(rung.level, rung.key) for rung in ladder]
    keys = dict(levels)
    since = present_from(contacts, people)
    role = people["role"].to_dict()
    group_of = people[by].fillna("").astype(str).replace("", NO_GROUP).to_dict() if by else {}
    names = sorted(set(group_of.values())) if by else [None]
    rows, moves = [], []
    before: dict = {}
    for label, start, end in naive_bounds(contacts["date"].min(), contacts["date"].max(), freq):
        inside = contacts[(contacts["date"] >= end - window) & (contacts["date"] < end)]
        now = inside.groupby(["person_a", "person_b"])["rung"].max().to_dict()
        changes = pd.DataFrame(
            [
                (pair, before.get(pair, 0), now.get(pair, 0))
                for pair in sorted(set(before) | set(now))
            ],
            columns=["pair", "old", "new"],
        )
        counted = changes[changes["old"] != changes["new"]]
        stayed = changes[(changes["old"] == changes["new"]) & (changes["new"] > 0)]
        for (old, new), n in pd.concat([counted, stayed]).groupby(["old", "new"]).size().items():
            moves.append(
                (label, keys.get(old, "none"), keys.get(new, "ended"), int(n), old, new or 99)
            )
        G = nx.Graph()
        G.add_nodes_from(since.index[since < end])
        G.add_edges_from((a, b, {"rung": rung}) for (a, b), rung in now.items())
        for name in names:
            members = G if name is None else G.subgraph([p for p in G if group_of[p] == name])

            def count(frame, name=name):
                if name is None:
                    return len(frame)
                return sum(group_of[a] == name == group_of[b] for a, b in frame["pair"])

            row = {"period": label, **({"group": name} if by else {})}
            row.update(naive_figures(members, role, focal, levels, ladder.top.level))
            row["new_ties"] = count(changes[(changes["old"] == 0) & (changes["new"] > 0)])
            row["climbed"] = count(
                changes[(changes["old"] > 0) & (changes["new"] > changes["old"])]
            )
            row["ended_ties"] = count(changes[(changes["old"] > 0) & (changes["new"] == 0)])
            row["declined"] = count(
                changes[(changes["new"] > 0) & (changes["new"] < changes["old"])]
            )
            row["period_start"] = start
            rows.append(row)
        before = now
    moves.sort(key=lambda move: (move[0], move[4], move[5]))  # period, from, to (ended last)
    table = pd.DataFrame(
        [move[:4] for move in moves], columns=["period", "from_rung", "to_rung", "ties"]
    )
    columns = (
        ["period", *(["group"] if by else []), "people", "focal", "ties"]
        + [f"rung_{key}" for _, key in levels]
        + list(naive_tie_types(nx.Graph(), {}, focal))
        + "new_ties climbed ended_ties declined focal_alone focal_only_professional".split()
        + "focal_peer_ge3 focal_peer_top focal_peer_degree_mean components".split()
        + "largest_component_share peer_density peer_transitivity period_start".split()
    )
    return pd.DataFrame(rows, columns=columns), table


def ups_and_downs() -> LadderNetwork:
    return LadderNetwork(dataset(UPS_AND_DOWNS, UPS_AND_DOWNS_PEOPLE))


def test_ups_downs_and_ends_by_hand():
    table = growth(ups_and_downs(), freq="month", view="current", lapse="30d")
    figures = ["period", "people", "ties", "new_ties", "climbed", "ended_ties", "declined"]
    assert table[figures].values.tolist() == [
        ["2024-01", 4, 2, 2, 0, 0, 0],
        ["2024-02", 5, 2, 0, 1, 0, 1],
        ["2024-03", 5, 2, 1, 0, 1, 0],
        ["2024-04", 5, 1, 1, 0, 2, 0],
        ["2024-05", 5, 1, 1, 0, 1, 0],
    ]
    assert table["rung_helpen"].tolist() == [0, 0, 0, 1, 0]
    assert table["focal_alone"].tolist() == [0, 1, 2, 2, 2]  # dan joins in February
    before = table["ties"].shift(fill_value=0)
    assert (table["ties"] == before + table["new_ties"] - table["ended_ties"]).all()


def test_current_transitions_by_hand():
    moves = transitions(ups_and_downs(), freq="month", view="current", lapse="30d")
    assert moves.values.tolist() == [
        ["2024-01", "none", "kennen", 1],
        ["2024-01", "none", "delen", 1],
        ["2024-02", "kennen", "praten", 1],
        ["2024-02", "delen", "kennen", 1],
        ["2024-03", "none", "praten", 1],
        ["2024-03", "kennen", "ended", 1],
        ["2024-03", "praten", "praten", 1],
        ["2024-04", "none", "helpen", 1],
        ["2024-04", "praten", "ended", 2],
        ["2024-05", "none", "steunen", 1],
        ["2024-05", "helpen", "ended", 1],
    ]


@pytest.mark.parametrize("lapse", ["30d", "45d", "400d"])
@pytest.mark.parametrize("freq", ["week", "month", "quarter"])
@pytest.mark.parametrize("by", [None, "wijk"])
def test_current_view_matches_pandas_by_hand(lapse, freq, by):
    net = ups_and_downs()
    expected, moves = naive_current(
        net.contact_rows(), net.data.people, net.ladder, freq=freq, lapse=lapse, by=by
    )
    got = growth(net, freq=freq, view="current", lapse=lapse, by=by)
    assert list(got.columns) == list(expected.columns) == growth_columns(net, by=by, view="current")
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    if by is None:
        got_moves = transitions(net, freq=freq, view="current", lapse=lapse)
        pd.testing.assert_frame_equal(got_moves, moves, check_dtype=False)


@pytest.mark.parametrize("case", RANDOM_CASES, ids=RANDOM_IDS)
@pytest.mark.parametrize("freq, lapse", [("week", "20d"), ("month", "60d"), ("quarter", "180d")])
def test_current_view_matches_pandas_on_random_data(tmp_path, case, freq, lapse):
    contacts, people = random_data(tmp_path, **case)
    data = load(tmp_path)
    net = LadderNetwork(data)
    for by in (None, "wijk"):
        expected, moves = naive_current(
            contacts, people, data.ladder, freq=freq, lapse=lapse, by=by
        )
        got = growth(net, freq=freq, view="current", lapse=lapse, by=by)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-12)
    pd.testing.assert_frame_equal(
        transitions(net, freq=freq, view="current", lapse=lapse), moves, check_dtype=False
    )
    assert expected["ended_ties"].sum() > 0 or case.get("days") == 60  # 60 days: few ends


def test_random_data_has_the_shapes_the_current_test_needs(tmp_path):
    """The comparison above is only worth something if ties climb, decline, end and return."""
    random_data(tmp_path, 1)
    table = growth(LadderNetwork(load(tmp_path)), freq="month", view="current", lapse="60d")
    assert (table[["climbed", "declined", "ended_ties"]].sum() > 3).all()
    assert table["new_ties"].sum() > table["ties"].iloc[-1] + table["ended_ties"].sum() - 1


def test_a_lapse_longer_than_the_data_is_the_reached_view_without_declines():
    net = ups_and_downs()
    current = growth(net, freq="month", view="current", lapse="1000d")
    reached = growth(net, freq="month")
    assert current.drop(columns=["ended_ties", "declined"]).equals(reached)
    assert current["ended_ties"].sum() == current["declined"].sum() == 0


def test_the_current_graph_carries_the_window_contacts():
    steps = list(current_walk(ups_and_downs(), "month", lapse="45d"))
    edge = steps[1].graph["bo"]["cem"]
    assert (edge["rung"], edge["contacts"]) == (2, 2)  # 20 January and 25 February
    assert str(edge["first_contact"].date()) == "2024-01-20"
    assert steps[2].ended == [("ann", "bo", 1)] and steps[1].declined == [("ann", "bo", 3, 1)]


@pytest.mark.parametrize("case", RANDOM_CASES[:2], ids=RANDOM_IDS[:2])
@pytest.mark.parametrize(
    "freq, lapse", [("day", "10d"), ("week", "3d"), ("month", "20d"), ("quarter", "100d")]
)
def test_the_ties_on_codes_are_those_of_the_graph_walk(tmp_path, case, freq, lapse):
    """The growth table's current ties (integer codes, a sliding window) step by step against
    the graphs of :func:`current_walk` (text ids, every window grouped anew); a lapse shorter
    than a period leaves contacts current at no end."""
    random_data(tmp_path, **case)
    net = LadderNetwork(load(tmp_path))
    ids = net.contact_ends()[0]
    steps = list(current_walk(net, freq, lapse=lapse))
    coded = list(current_by_period(net, net.calendar(freq), lapse=lapse))
    assert len(coded) == len(steps) > 2

    def ends(a, b):
        return [tuple(sorted(pair)) for pair in zip(ids[a], ids[b])]

    for step, ties in zip(steps, coded):
        edges = sorted((*sorted((u, v)), rung) for u, v, rung in step.graph.edges(data="rung"))
        assert sorted((*e, r) for e, r in zip(ends(ties.a, ties.b), ties.rung.tolist())) == edges
        for key, changed in (
            ("new_ties", step.new_ties),
            ("climbed", step.climbed),
            ("declined", step.declined),
            ("ended_ties", step.ended),
        ):
            assert sorted(ends(*ties.changes[key][:2])) == sorted(
                tuple(sorted(change[:2])) for change in changed
            ), key
    changes = {key: sum(len(t.changes[key][0]) for t in coded) for key in coded[0].changes}
    assert min(changes.values()) > 0, changes
    # Without graphs the walk gives the same steps, lists in the same order.
    for step, light in zip(steps, current_walk(net, freq, lapse=lapse, graph=False), strict=True):
        assert light.graph is None and light.label == step.label
        for part in ("joined", "new_ties", "new_rungs", "climbed", "declined", "ended"):
            assert getattr(light, part) == getattr(step, part), part


@pytest.mark.parametrize("lapse", ["", "soon", "0d", "-3d", 180, None, "3 months"])
def test_a_lapse_that_is_not_a_duration_is_a_usage_error(lapse):
    with pytest.raises(UsageError, match="not a duration"):
        growth(ups_and_downs(), view="current", lapse=lapse)


def test_lapse_units():
    assert parse_lapse("26W") == pd.Timedelta(weeks=26) and parse_lapse("90 d").days == 90
    assert parse_lapse("12h") == pd.Timedelta(hours=12) and parse_lapse("20s").seconds == 20


def test_an_unknown_view_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown view 'now'; use reached, active or current"):
        growth(ups_and_downs(), view="now")
    with pytest.raises(UsageError, match="transitions follow ties"):
        transitions(ups_and_downs(), view="active")
