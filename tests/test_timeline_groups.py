"""The grouped timeline's steps against the grouped map of the snapshot at each step's end."""

import pytest

from contactladder.analysis.growth import growth
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.map_groups import group_map_data, group_size, groups_of
from contactladder.render.network_map import map_options, shared_map_options
from contactladder.render.payload_schema import check_payload
from contactladder.render.timeline_groups import group_steps
from contactladder.render.timeline_payload import timeline_data

DEMO = "data/zwolle-demo"


def value_at(history, step):
    """What the page reads at ``step`` from ``[step, value, ...]``: the last value by then, 0
    before the first (clHelpers.levelAt)."""
    found = 0
    for at, value in zip(history[::2], history[1::2]):
        if at <= step:
            found = value
    return found


@pytest.fixture(scope="module")
def net():
    return LadderNetwork.from_path(DEMO)


@pytest.mark.parametrize("freq", ["quarter", "month"])
def test_each_step_is_the_grouped_map_of_its_snapshot(net, freq):
    """At every step: a group's size is that of its members present by the step's end, and
    the tie between two groups is at the highest rung their members' ties reached by then."""
    final = net.snapshot()
    found = group_steps(net, freq, final, anonymize=False)
    group = dict(zip(final, found.groups.member.tolist()))
    number = {g: n for n, g in enumerate(found.order)}
    histories = {(a, b): [] for a, b in zip(found.a.tolist(), found.b.tolist())}
    for a, b, step, level in zip(found.a, found.b, found.steps, found.levels):
        histories[(int(a), int(b))] += [int(step), int(level)]
    for step, period in enumerate(net.period_range(freq)):
        snapshot = net.snapshot(period.end_time.date())
        members = [0] * len(found.order)
        for person in snapshot:
            members[number[group[person]]] += 1
        expected = [group_size(count) if count else 0 for count in members]
        assert [value_at(sizes, step) for sizes in found.sizes] == expected
        assert [n for n, count in enumerate(members) if count] == [
            n for n, first in enumerate(found.appear) if 0 <= first <= step
        ]
        rungs = {}
        for u, v, rung in snapshot.edges(data="rung"):
            a, b = sorted((number[group[u]], number[group[v]]))
            if a != b:
                rungs[(a, b)] = max(rungs.get((a, b), 0), rung)
        drawn = {pair: value_at(history, step) for pair, history in histories.items()}
        assert {pair: level for pair, level in drawn.items() if level} == rungs


def test_the_payload_is_the_grouped_maps_at_the_end(net):
    """The timeline's nodes and ties at its last step are those of the grouped map of the
    whole history, in its order: the same sizes, the same pairs at the same rungs."""
    counters = growth(net, freq="quarter")
    by_wijk = growth(net, freq="quarter", by="wijk")
    data = timeline_data(
        net, counters=counters, counters_by_wijk=by_wijk, freq="quarter", aggregate="groups"
    )
    check_payload(data, "timeline")
    final = net.snapshot()
    options = map_options(net, lang="nl", wijk=None, min_rung=None, title=None)
    shared = shared_map_options(net, options, final, lang="nl", anonymize=True, legend=None)
    grouped = group_map_data(final, net.ladder, title="x", groups=groups_of(final), **shared)
    last = len(data["steps"]["label"]) - 1
    assert data["grouped"] and len(data["nodes"]["x"]) == len(grouped["nodes"]["x"])
    assert [value_at(sizes, last) for sizes in data["group_sizes"]] == grouped["nodes"]["size"]
    at_end = {
        (a, b): value_at(history, last)
        for a, b, history in zip(*(data["edges"][key] for key in ("a", "b", "history")))
    }
    assert at_end == {
        (a, b): level for a, b, level in zip(*(grouped["edges"][k] for k in ("a", "b", "level")))
    }
    assert data["nodes"]["label"] == grouped["nodes"]["label"]
    assert data["counters"]["all"]["people"] == counters["people"].tolist()


def test_a_timeline_of_people_has_no_group_sizes(net):
    data = timeline_data(net, counters=growth(net, freq="quarter"), freq="quarter")
    assert data["grouped"] is False and data["group_sizes"] == []
    check_payload(data, "timeline")
