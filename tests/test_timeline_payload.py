import re
import statistics

import pandas as pd
import pytest
from helpers import VILLAGE_PEOPLE, records, timeline_levels_at, write_village

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.jobs.maps import timeline_counters
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.network_map import network_map_data
from contactladder.render.payload_schema import check_payload
from contactladder.render.timeline_payload import timeline_data


def timeline(net, *, freq="month", **options):
    """timeline_data with the growth tables it is given by its job."""
    return timeline_data(
        net, freq=freq, **timeline_counters(net, freq=freq, wijk=options.get("wijk")), **options
    )


@pytest.mark.parametrize("freq", ["month", "week", "quarter"])
def test_timeline_counters_are_the_growth_table(village_net, freq):
    net = village_net()
    data = timeline(net, freq=freq)
    table = growth(net, freq=freq)
    columns = data["counters"]["columns"]
    assert columns == [
        "people",
        "ties",
        "rung_kennen",
        "rung_praten",
        "rung_delen",
        "rung_helpen",
        "rung_steunen",
        "focal_alone",
        "new_ties",
        "climbed",
    ]
    assert data["counters"]["all"] == {c: table[c].tolist() for c in columns}
    assert data["steps"]["label"] == table["period"].tolist()
    # and the encoded history gives the same counts, step by step
    for step, row in enumerate(records(data["counters"]["all"])):
        shown = [timeline_levels_at(h, step) for h in data["edges"]["history"]]
        assert sum(1 for a in data["nodes"]["appear"] if 0 <= a <= step) == row["people"]
        assert sum(1 for lvl in shown if lvl) == row["ties"]
        assert [shown.count(lvl) for lvl in range(1, 6)] == [row[c] for c in columns[2:7]]
    check_payload(data, "timeline")


def test_timeline_history_is_the_snapshots(village_net):
    """Per step, the people and ties (with rungs) the page shows are net.snapshot at its end."""
    net = village_net()
    data = timeline(net, anonymize=False)
    name_of = {p[0]: p[2] for p in VILLAGE_PEOPLE}
    labels = data["nodes"]["label"]
    for step, label in enumerate(data["steps"]["label"]):
        end = pd.Period(label, "M").end_time.normalize()
        G = net.snapshot(min(end, net.end))
        assert {labels[i] for i, a in enumerate(data["nodes"]["appear"]) if 0 <= a <= step} == {
            name_of[p] for p in G
        }
        edges = records(data["edges"])
        shown = {
            frozenset((labels[e["a"]], labels[e["b"]])): timeline_levels_at(e["history"], step)
            for e in edges
            if timeline_levels_at(e["history"], step)
        }
        assert shown == {frozenset((name_of[a], name_of[b])): r for a, b, r in G.edges(data="rung")}


def test_timeline_marks_new_and_climbing_ties(village_net):
    data = timeline(village_net(), anonymize=False)
    labels = data["nodes"]["label"]
    pair = {"Annabel Zuiderveld", "Bramwell Oosterhof"}
    edge = next(e for e in records(data["edges"]) if {labels[e["a"]], labels[e["b"]]} == pair)
    # new in January at 1, to 3 in February, 5 in March
    assert edge["history"] == [0, 1, 1, 3, 2, 5]


def test_timeline_positions_are_those_of_the_map(village_net):
    net = village_net()
    nodes = timeline(net)["nodes"]
    at = dict(zip(nodes["label"], zip(nodes["x"], nodes["y"])))
    early = network_map_data(net, as_of="2024-01-31")["nodes"]
    early_at = dict(zip(early["label"], zip(early["x"], early["y"])))
    assert early_at and all(at[label] == xy for label, xy in early_at.items())


def test_timeline_of_one_wijk_counts_as_growth_by_wijk(village_net):
    net = village_net()
    data = timeline(net, wijk="stadshagen")  # case-insensitive
    table = growth(net, by="wijk")
    rows = table[table["group"] == "Stadshagen"]
    assert data["counters"]["all"] == {c: rows[c].tolist() for c in data["counters"]["columns"]}
    assert data["counters"]["wijken"] == []
    assert data["title"] == "Zwolle — Stadshagen"
    assert {g["label"] for g in data["groups"]} == {
        "Ouder",
        "Professional (Sociaal wijkteam)",
        "Vrijwilliger",
    }


def test_timeline_has_counters_per_wijk_for_the_page_filter(village_net):
    net = village_net()
    data = timeline(net)
    table = growth(net, by="wijk")
    assert data["wijken"] == ["Dieze", "Stadshagen"]
    for wijk, counted in zip(data["wijken"], data["counters"]["wijken"]):
        rows = table[table["group"] == wijk]
        assert counted == {c: rows[c].tolist() for c in data["counters"]["columns"]}


def test_timeline_without_wijk_counters_has_no_wijk_filter(village_net):
    net = village_net()
    data = timeline_data(net, counters=growth(net))
    assert data["counters"]["wijken"] == []
    with pytest.raises(ValueError, match="needs counters_by_wijk"):
        timeline_data(net, counters=growth(net), wijk="Dieze")


def test_counters_of_another_period_are_refused(village_net):
    net = village_net()
    with pytest.raises(ValueError, match="the counters have 2 rows for 4 periods"):
        timeline_data(net, counters=growth(net, freq="quarter"))


def test_timeline_in_english(village_net):
    net = village_net()
    data = timeline(net, lang="en", freq="quarter", min_rung="delen")
    assert data["steps"] == {"label": ["2024Q1", "2024Q2"], "text": ["2024 Q1", "2024 Q2"]}
    assert data["subtitle"] == "Per quarter · 2024 Q1 – 2024 Q2 · 9 people, 7 ties"
    assert data["focal_alone_label"] == "Parents without a tie" and data["min_level"] == 3


def test_focal_word_follows_the_focal_role(tmp_path):
    net = LadderNetwork.from_path(write_village(tmp_path / "Zwolle"), focal="volunteer")
    assert timeline(net)["focal_alone_label"] == "Vrijwilligers zonder band"
    assert timeline(net, lang="en")["focal_alone_label"] == "Volunteers without a tie"


def test_sizes_are_looked_up_by_number_of_ties(village_net):
    data = timeline(village_net())
    ties = [0] * len(data["nodes"]["x"])
    for a, b in zip(data["edges"]["a"], data["edges"]["b"]):
        ties[a] += 1
        ties[b] += 1
    assert len(data["sizes"]) == max(ties) + 1
    # people who need a link are drawn at least the median person's size (issue 13)
    median = statistics.median(data["sizes"][t] for t in ties)
    assert [
        max(data["sizes"][t], median) if alone else data["sizes"][t]
        for t, alone in zip(ties, data["nodes"]["alone"])
    ] == data["nodes"]["size"]
    assert any(data["nodes"]["alone"])


@pytest.mark.parametrize(
    "options, message",
    [
        ({"wijk": "Atlantis"}, "unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen"),
        ({"min_rung": "vrienden"}, "unknown rung 'vrienden'"),
        ({"freq": "decade"}, "unknown period 'decade'"),
        ({"lang": "fr"}, "unknown language 'fr'"),
    ],
)
def test_timeline_bad_options(village_net, options, message):
    net = village_net()
    with pytest.raises(UsageError, match=re.escape(message)):
        timeline_data(net, counters=growth(net), **options)


def test_an_organisation_keeps_its_colour_on_the_timeline(village_net):
    net = village_net()
    full = {
        g["organisation"]: g["colour"] for g in network_map_data(net)["groups"] if g["organisation"]
    }
    for options, expected in (({"wijk": "Stadshagen"}, {"Sociaal wijkteam"}), ({}, set(full))):
        groups = timeline(net, **options)["groups"]
        assert {g["organisation"]: g["colour"] for g in groups if g["organisation"]} == {
            o: full[o] for o in expected
        }


def test_timeline_areas_and_subtitle_lead(village_net):
    net = village_net()
    data = timeline(net)
    assert data["areas"] == network_map_data(net)["areas"]
    counts = data["subtitle"].split(" · ")[-1]
    assert data["subtitle"] == " · ".join([*data["subtitle_lead"], counts])


def plain_histories(net, freq, index, view, lapse):
    """The tie histories as the timeline made them before: a dict per pair, then sorted."""
    appear, history = [-1] * len(index), {}
    for number, step in enumerate(net.periods(freq, graph=False, view=view, lapse=lapse)):
        for person in step.joined:
            if person in index and appear[index[person]] < 0:
                appear[index[person]] = number
        changes = [(a, b, rung) for (a, b), rung in zip(step.new_ties, step.new_rungs)]
        changes += [(a, b, new) for a, b, _, new in [*step.climbed, *step.declined]]
        changes += [(a, b, 0) for a, b, _ in step.ended]
        for a, b, level in changes:
            if a in index and b in index:
                pair = tuple(sorted((index[a], index[b])))
                history.setdefault(pair, []).extend((number, int(level)))
    pairs = sorted(history)
    return appear, [p[0] for p in pairs], [p[1] for p in pairs], [history[p] for p in pairs]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("view", ["reached", "current"])
def test_tie_histories_are_the_plain_ones(tmp_path, seed, view):
    import random

    from helpers import random_data

    from contactladder.render.timeline_payload import _histories

    random_data(tmp_path, seed)
    net = LadderNetwork.from_path(tmp_path)
    people = list(net.present_from.index)
    random.Random(seed).shuffle(people)
    index = {person: i for i, person in enumerate(people[: len(people) * 4 // 5])}
    lapse = pd.Timedelta(days=60)
    for freq in ("month", "week"):
        ours = _histories(net, freq, index, view, lapse)
        assert ours == plain_histories(net, freq, index, view, lapse)
        assert len(ours[1]) > 0
