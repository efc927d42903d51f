import copy

import pytest
from helpers import map_village

from contactladder.analysis.growth import growth
from contactladder.ladder import Ladder
from contactladder.render.map_payload import map_data
from contactladder.render.payload_schema import KINDS, check_payload
from contactladder.render.timeline_payload import timeline_data

MAP = map_data(map_village(), Ladder.default(), title="Zwolle")


@pytest.fixture
def timeline(village_net):
    net = village_net()
    return timeline_data(net, counters=growth(net), counters_by_wijk=growth(net, by="wijk"))


def test_kinds():
    assert KINDS == ("map", "timeline")
    with pytest.raises(ValueError, match="no payload schema for 'chart'"):
        check_payload(MAP, "chart")


def test_a_map_is_no_timeline():
    check_payload(MAP, "map")
    with pytest.raises(ValueError, match=r"payload field nodes\.appear: missing"):
        check_payload(MAP, "timeline")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("nodes"), "nodes: missing"),
        (lambda d: d.update(extra=1), "extra: not in the schema"),
        (lambda d: d["nodes"]["x"].append(3.0), "nodes: columns of different lengths"),
        (
            lambda d: d["nodes"]["group"].__setitem__(0, 99),
            r"nodes.group\[0\]: 99 points at nothing",
        ),
        (lambda d: d["nodes"]["wijk"].__setitem__(0, -2), r"nodes.wijk\[0\]: -2 points at nothing"),
        (lambda d: d["edges"]["a"].__setitem__(0, 5), r"edges.a\[0\]: 5 points at nothing"),
        (lambda d: d["edges"]["activities"][0].append(9), r"edges.activities\[0\]\[1\]: 9 points"),
        (lambda d: d.update(focus=5), r"focus\[0\]: 5 points at nothing"),
        (
            lambda d: d["edges"]["last_contact"].__setitem__(1, len(d["dates"])),
            r"edges.last_contact\[1\]: \d+ points at nothing",
        ),
        (
            lambda d: d["edges"]["first_contact"].__setitem__(0, "2024-01-10"),
            r"edges.first_contact\[0\]: expected int, got str",
        ),
        (lambda d: d.update(anonymized=1), "anonymized: expected bool, got int"),
        (lambda d: d["nodes"]["size"].__setitem__(1, True), r"nodes.size\[1\]: expected float"),
        (lambda d: d["rungs"][0].pop("colour"), r"rungs\[0\].colour: missing"),
        (lambda d: d["text"].update(play=3), "text.play: expected str, got int"),
    ],
)
def test_a_wrong_field_is_named(change, message):
    data = copy.deepcopy(MAP)
    change(data)
    with pytest.raises(ValueError, match="payload field " + message):
        check_payload(data, "map")


def test_timeline_fits(timeline):
    check_payload(timeline, "timeline")
    with pytest.raises(ValueError, match=r"payload field nodes\.appear: not in the schema"):
        check_payload(timeline, "map")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["edges"]["history"][0].pop(), r"edges.history\[0\]: not pairs"),
        (lambda d: d["edges"]["history"][0].__setitem__(0, 40), r"edges.history\[0\]\[0\]: 40"),
        (lambda d: d["nodes"]["appear"].__setitem__(0, 40), r"nodes.appear\[0\]: 40 points"),
        (lambda d: d["counters"]["all"]["ties"].pop(), "counters.all: columns of different"),
        (lambda d: d["counters"]["all"].pop("climbed"), "counters.all.climbed: missing"),
        (lambda d: d["counters"]["wijken"].pop(), "counters.wijken: not one table per wijk"),
        (lambda d: d.update(sizes=[]), "sizes: empty"),
        (lambda d: d.update(grouped=True), "group_sizes: not one list per group"),
        (
            lambda d: d.update(group_sizes=[[0, 24.0, 40, 48.0]] * len(d["nodes"]["x"])),
            r"group_sizes\[0\]\[1\]: 40",
        ),
        (lambda d: d.update(group_sizes=[[0]]), r"group_sizes\[0\]: not pairs"),
    ],
)
def test_a_wrong_timeline_field_is_named(timeline, change, message):
    data = copy.deepcopy(timeline)
    change(data)
    with pytest.raises(ValueError, match="payload field " + message):
        check_payload(data, "timeline")


@pytest.mark.parametrize(
    "change, message",
    [  # issue 13: the people who need a link, legend
        (lambda d: d.pop("alone_colour"), "alone_colour: missing"),
        (lambda d: d.pop("focal_role"), "focal_role: missing"),
        (lambda d: d["nodes"]["alone"].__setitem__(0, 3), r"nodes.alone\[0\]: 3 points at nothing"),
        (lambda d: d.update(legend="half"), "legend: 'half' is not one of 'open', 'closed', ''"),
        (lambda d: d["groups"][0].pop("role_key"), r"groups\[0\].role_key: missing"),
    ],
)
def test_fields_of_issue_13_are_checked(change, message):
    data = copy.deepcopy(MAP)
    change(data)
    with pytest.raises(ValueError, match=message):
        check_payload(data, "map")
