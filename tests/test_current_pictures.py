"""The map and the timeline in the current view, against a computation from the definition.

A tie is *current* at a moment when it had a contact within the lapse window before it
(``moment - lapse <= date < moment``), at the highest rung of those contacts; the reference
here is written with pandas from that sentence, per period end (the timeline) or at the end of
``as_of`` (the map).
"""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import UPS_AND_DOWNS, UPS_AND_DOWNS_PEOPLE, dataset, naive_bounds, timeline_levels_at

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.jobs.maps import timeline_counters
from contactladder.network import LadderNetwork
from contactladder.render.network_map import network_map_data
from contactladder.render.payload_schema import check_payload
from contactladder.render.timeline_payload import timeline_data


def village() -> LadderNetwork:
    """The village above, each person named by their id (so that a named page shows ids)."""
    data = dataset(UPS_AND_DOWNS, UPS_AND_DOWNS_PEOPLE)
    data.people["name"] = data.people.index
    return LadderNetwork(data)


def naive_current(moment: pd.Timestamp, lapse: str) -> dict:
    """{(a, b): rung} of the ties current at ``moment``, straight from the definition."""
    contacts = pd.DataFrame(UPS_AND_DOWNS, columns=["date", "a", "b", "rung"])
    contacts["date"] = pd.to_datetime(contacts["date"])
    window = pd.Timedelta(int(lapse.removesuffix("d")), "D")
    inside = contacts[(contacts["date"] >= moment - window) & (contacts["date"] < moment)]
    return {
        tuple(sorted(pair)): int(rung)
        for pair, rung in inside.groupby(["a", "b"])["rung"].max().items()
    }


def drawn(data: dict, levels: list) -> dict:
    """{(a, b): level} of the payload's ties with a level above 0, by the people's labels."""
    label = data["nodes"]["label"]
    return {
        tuple(sorted((label[a], label[b]))): level
        for a, b, level in zip(data["edges"]["a"], data["edges"]["b"], levels)
        if level > 0
    }


@pytest.mark.parametrize("lapse", ["30d", "45d", "90d"])
def test_timeline_steps_draw_the_ties_current_at_each_end(lapse):
    net = village()
    counted = timeline_counters(net, freq="month", view="current", lapse=lapse)
    data = timeline_data(
        net, freq="month", view="current", lapse=lapse, anonymize=False, lang="en", **counted
    )
    check_payload(data, "timeline")
    assert data["view"] == "current"
    bounds = naive_bounds(pd.Timestamp("2024-01-10"), pd.Timestamp("2024-05-03"), "month")
    assert data["steps"]["label"] == [label for label, _, _ in bounds]
    for step, (_, _, end) in enumerate(bounds):
        levels = [timeline_levels_at(h, step) for h in data["edges"]["history"]]
        assert drawn(data, levels) == naive_current(end, lapse), step
    table = growth(net, freq="month", view="current", lapse=lapse)
    for column in ("ties", "new_ties", "climbed", "ended_ties", "declined"):
        assert data["counters"]["all"][column] == table[column].tolist()


def test_timeline_history_of_a_tie_that_declines_ends_and_comes_back():
    net = village()
    data = timeline_data(
        net,
        freq="month",
        view="current",
        lapse="30d",
        anonymize=False,
        **timeline_counters(net, freq="month", view="current", lapse="30d"),
    )
    label = data["nodes"]["label"]
    histories = {
        tuple(sorted((label[a], label[b]))): h
        for a, b, h in zip(data["edges"]["a"], data["edges"]["b"], data["edges"]["history"])
    }
    # delen in January, kennen in February, ended in March, helpen in April, ended in May
    assert histories["ann", "bo"] == [0, 3, 1, 1, 2, 0, 3, 4, 4, 0]
    assert set(data["text"]) >= {"ended_ties", "declined", "ended"}
    assert "30d" in data["subtitle"]


def test_the_reached_timeline_is_as_before():
    net = village()
    data = timeline_data(net, freq="month", **timeline_counters(net, freq="month"))
    check_payload(data, "timeline")
    assert data["view"] == "reached"
    assert "ended_ties" not in data["counters"]["columns"]
    assert all(0 not in history[1::2] for history in data["edges"]["history"])


@pytest.mark.parametrize("as_of", ["2024-01-31", "2024-02-29", "2024-03-31", "2024-05-03"])
@pytest.mark.parametrize("lapse", ["30d", "60d"])
def test_map_draws_the_ties_current_at_as_of(as_of, lapse):
    data = network_map_data(village(), as_of=as_of, view="current", lapse=lapse, anonymize=False)
    check_payload(data, "map")
    moment = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    assert drawn(data, data["edges"]["level"]) == naive_current(moment, lapse)
    reached = network_map_data(village(), as_of=as_of, anonymize=False)
    assert sorted(data["nodes"]["label"]) == sorted(reached["nodes"]["label"])  # people stay


def test_map_and_timeline_refuse_an_unknown_view_or_lapse():
    net = village()
    with pytest.raises(UsageError, match="unknown view"):
        network_map_data(net, view="active")
    with pytest.raises(UsageError, match="not a duration"):
        network_map_data(net, view="current", lapse="soon")
    with pytest.raises(UsageError, match="unknown view"):
        timeline_counters(net, view="sideways")
