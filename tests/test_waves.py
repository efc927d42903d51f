"""Waves as periods, non-response and the current view of a panel (issue 11, "Waves").

Two panels: a hand-made one with ups, downs, ends and non-response, and the Glasgow teenage
friends (s50, three waves of 50 girls' nominations, tests/data/panels/s50). Every figure is
checked against an independent computation in this file: plain dictionaries for the hand-made
panel, numpy on the s50 matrices.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.analysis.report_figures import weaving_stages_on_codes
from contactladder.analysis.transitions import transitions
from contactladder.analysis.weaving_wijken import weaving_stages
from contactladder.errors import UsageError
from contactladder.io.rsiena import write_rsiena
from contactladder.network import LadderNetwork
from contactladder.network.calendar import PERIOD_NAMES, WAVE

S50 = Path(__file__).parent / "data" / "panels" / "s50"
S50_DATES = {"1": "1995-02-01", "2": "1996-02-01", "3": "1997-02-01"}

# --- the hand-made panel ---------------------------------------------------------------------

# (respondent, alter, rung, wave). Wave "10" sorts after "9": waves are ordered by date.
REPORTS = [
    ("a", "b", 2, "1"),
    ("b", "a", 1, "1"),  # both report a-b; the tie's rung is the higher, 2
    ("a", "c", 3, "1"),
    ("c", "d", 1, "1"),
    ("d", "e", 2, "1"),
    ("b", "c", 1, "1"),
    ("a", "b", 4, "2"),  # a-b climbs to 4
    ("a", "c", 1, "2"),  # a-c declines to 1
    # b-c not reported in wave 2, both took part: ended; c-d, d-e: d missed wave 2, kept
    ("b", "e", 1, "2"),
    ("a", "b", 4, "9"),
    ("c", "d", 2, "9"),  # c-d, kept at 1 in wave 2, climbs
    # a-c, d-e and b-e not reported in wave 9, everyone took part: ended
    ("a", "c", 2, "10"),  # b missed wave 10: a-b kept at 4
    ("c", "d", 1, "10"),
]
WAVE_DATES = {"1": "2024-01-15", "2": "2024-06-01", "9": "2025-01-20", "10": "2025-09-01"}
ORDER = ["1", "2", "9", "10"]
RESPONDED = {"a": "1;2;9;10", "b": "1;2;9", "c": "1,2,9,10", "d": "1 9 10", "e": "1;2;9;10"}
ROLES = {"a": "parent", "b": "parent", "c": "parent", "d": "parent", "e": "professional"}


def write_panel(folder: Path, reports, responded: dict | None, roles: dict) -> Path:
    """A data folder: the long survey table and a people file (with ``responded`` if given)."""
    folder.mkdir(parents=True, exist_ok=True)
    survey = pd.DataFrame(reports, columns=["respondent", "alter", "rung", "wave"])
    survey.to_csv(folder / "contacts.csv", index=False)
    people = pd.DataFrame({"id": list(roles), "role": list(roles.values())})
    if responded is not None:
        people["responded"] = [responded.get(p, "") for p in roles]
    people.to_csv(folder / "people.csv", index=False)
    return folder


@pytest.fixture
def panel(tmp_path) -> LadderNetwork:
    folder = write_panel(tmp_path / "panel", REPORTS, RESPONDED, ROLES)
    return LadderNetwork.from_path(folder, wave_dates=WAVE_DATES)


def naive_current(reports, responded: dict, order: list[str]) -> list[dict]:
    """The current ties of each wave by the rule, written out plainly."""
    took_part = {
        wave: {
            p
            for p, text in responded.items()
            if wave in text.replace(",", ";").replace(" ", ";").split(";")
        }
        for wave in order
    }
    result, before = [], {}
    for wave in order:
        now: dict = {}
        for a, b, rung, w in reports:
            if w == wave:
                pair = tuple(sorted((a, b)))
                now[pair] = max(now.get(pair, 0), rung)
        for pair, rung in before.items():
            if pair not in now and not set(pair) <= took_part[wave]:
                now[pair] = rung
        result.append(now)
        before = now
    return result


def test_waves_are_periods_in_date_order(panel):
    assert WAVE in PERIOD_NAMES
    steps = list(panel.periods("wave"))
    assert [s.label for s in steps] == ORDER
    assert [str(s.start.date()) for s in steps] == [WAVE_DATES[w] for w in ORDER]
    assert [str(s.end.date()) for s in steps] == [
        "2024-06-01",
        "2025-01-20",
        "2025-09-01",
        "2025-09-02",
    ]
    assert len(panel.period_range("wave")) == 4
    assert [sorted(s.missing) for s in steps] == [[], ["d"], [], ["b"]]


def test_current_view_of_a_panel(panel):
    expected = naive_current(REPORTS, RESPONDED, ORDER)
    steps = list(panel.periods("wave", view="current"))
    before: dict = {}
    for step, now in zip(steps, expected):
        edges = {tuple(sorted((a, b))): rung for a, b, rung in step.graph.edges(data="rung")}
        assert edges == now, step.label
        assert sorted(step.graph.nodes) == list("abcde")  # missing people stay present
        assert sorted(step.new_ties) == sorted(set(now) - set(before))
        assert sorted(step.ended) == sorted(
            (a, b, r) for (a, b), r in before.items() if (a, b) not in now
        )
        assert sorted(step.climbed) == sorted(
            (a, b, before[a, b], r)
            for (a, b), r in now.items()
            if (a, b) in before and r > before[a, b]
        )
        assert sorted(step.declined) == sorted(
            (a, b, before[a, b], r)
            for (a, b), r in now.items()
            if (a, b) in before and r < before[a, b]
        )
        before = now
    # The story of the panel, in words: a-b climbs, a-c declines, b-c ends, c-d and d-e are
    # kept while d is away, then a-c, d-e and b-e end; a-b is kept while b is away, and a-c
    # comes back.
    assert [sorted(s.ended) for s in steps] == [
        [],
        [("b", "c", 1)],
        [("a", "c", 1), ("b", "e", 1), ("d", "e", 2)],
        [],
    ]
    assert steps[1].climbed == [("a", "b", 2, 4)] and steps[1].declined == [("a", "c", 3, 1)]
    assert steps[2].climbed == [("c", "d", 1, 2)] and steps[3].new_ties == [("a", "c")]
    assert steps[3].graph["a"]["b"]["rung"] == 4 and steps[3].declined == [("c", "d", 2, 1)]


def test_growth_per_wave(panel):
    expected = naive_current(REPORTS, RESPONDED, ORDER)
    table = growth(panel, freq="wave", view="current")
    assert table["period"].tolist() == ORDER
    assert table["ties"].tolist() == [len(now) for now in expected]
    for level, key in [(1, "kennen"), (2, "praten"), (3, "delen"), (4, "helpen")]:
        assert table[f"rung_{key}"].tolist() == [
            sum(1 for r in now.values() if r == level) for now in expected
        ], key
    previous = [{}, *expected[:-1]]
    assert table["ended_ties"].tolist() == [
        len(set(b) - set(n)) for b, n in zip(previous, expected)
    ]
    assert table["new_ties"].tolist() == [len(set(n) - set(b)) for b, n in zip(previous, expected)]
    assert table["period_start"].dt.strftime("%Y-%m-%d").tolist() == [WAVE_DATES[w] for w in ORDER]
    reached = growth(panel, freq="wave")
    union: dict = {}
    counts = []
    for wave in ORDER:
        for a, b, rung, w in REPORTS:
            if w == wave:
                pair = tuple(sorted((a, b)))
                union[pair] = max(union.get(pair, 0), rung)
        counts.append(len(union))
    assert reached["ties"].tolist() == counts


def test_transitions_per_wave(panel):
    expected = naive_current(REPORTS, RESPONDED, ORDER)
    moves = transitions(panel, freq="wave", view="current")
    names = {0: "none", 1: "kennen", 2: "praten", 3: "delen", 4: "helpen"}
    naive = []
    before: dict = {}
    for wave, now in zip(ORDER, expected):
        counted: dict = {}
        for pair in set(before) | set(now):
            move = (names[before.get(pair, 0)], names[now[pair]] if pair in now else "ended")
            counted[move] = counted.get(move, 0) + 1
        naive += [(wave, *move, n) for move, n in counted.items()]
        before = now
    assert sorted(map(tuple, moves.values.tolist())) == sorted(naive)


def test_without_responded_everyone_took_part(tmp_path):
    folder = write_panel(tmp_path / "all", REPORTS, None, ROLES)
    net = LadderNetwork.from_path(folder, wave_dates=WAVE_DATES)
    everyone = {p: ";".join(ORDER) for p in ROLES}
    expected = naive_current(REPORTS, everyone, ORDER)
    steps = list(net.periods("wave", view="current"))
    assert all(s.missing == [] for s in steps)
    assert [
        {tuple(sorted((a, b))): r for a, b, r in s.graph.edges(data="rung")} for s in steps
    ] == expected


def test_dates_are_waves_without_a_wave_column(tmp_path):
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-03-01,a,b,2\n2024-03-01,b,c,1\n2024-03-20,a,b,1\n"
    )
    net = LadderNetwork.from_path(folder)
    steps = list(net.periods("wave", view="current"))
    assert [s.label for s in steps] == ["2024-03-01", "2024-03-20"]
    assert [len(s.ended) for s in steps] == [0, 1] and steps[1].declined == [("a", "b", 2, 1)]


def test_a_responded_wave_the_data_do_not_have(tmp_path):
    folder = write_panel(tmp_path / "typo", REPORTS, {**RESPONDED, "a": "1;3"}, ROLES)
    net = LadderNetwork.from_path(folder, wave_dates=WAVE_DATES)
    with pytest.raises(UsageError, match="'3'"):
        list(net.periods("wave"))


# --- the s50 panel -----------------------------------------------------------------------------


def s50_matrices() -> list[np.ndarray]:
    return [np.loadtxt(S50 / f"s50-network{k}.dat", dtype=int) for k in (1, 2, 3)]


def girl(i: int) -> str:
    return f"g{i + 1:02d}"


@pytest.fixture(scope="module")
def s50(tmp_path_factory) -> LadderNetwork:
    matrices = s50_matrices()
    reports = [
        (girl(i), girl(j), int(m[i, j]), str(k))
        for k, m in enumerate(matrices, start=1)
        for i, j in zip(*np.nonzero(m))
    ]
    roles = {girl(i): "child" for i in range(50)}
    folder = write_panel(tmp_path_factory.mktemp("s50"), reports, None, roles)
    return LadderNetwork.from_path(folder, focal="child", wave_dates=S50_DATES)


def test_s50_nominations_are_the_documented_ones():
    assert [int(m.sum()) for m in s50_matrices()] == [113, 116, 122]


def test_s50_growth_per_wave_against_numpy(s50):
    matrices = s50_matrices()
    undirected = [np.triu((m + m.T) > 0, k=1) for m in matrices]  # a tie when either names
    table = growth(s50, freq="wave", view="current")
    assert table["period"].tolist() == ["1", "2", "3"]
    assert table["people"].tolist() == [50, 50, 50]
    assert table["ties"].tolist() == [int(u.sum()) for u in undirected]
    assert table["rung_kennen"].tolist() == [int(u.sum()) for u in undirected]
    np.testing.assert_allclose(table["peer_density"], [u.sum() / (50 * 49 / 2) for u in undirected])
    symmetric = [u | u.T for u in undirected]
    assert table["focal_alone"].tolist() == [int((s.sum(axis=1) == 0).sum()) for s in symmetric]
    assert table["components"].tolist() == [
        nx.number_connected_components(nx.from_numpy_array(s.astype(int))) for s in symmetric
    ]
    assert table["new_ties"].tolist()[1:] == [
        int((undirected[k] & ~undirected[k - 1]).sum()) for k in (1, 2)
    ]
    assert table["ended_ties"].tolist() == [0] + [
        int((undirected[k - 1] & ~undirected[k]).sum()) for k in (1, 2)
    ]
    moves = transitions(s50, freq="wave", view="current")
    stayed = moves[(moves["from_rung"] == "kennen") & (moves["to_rung"] == "kennen")]
    assert stayed["ties"].tolist() == [
        int((undirected[k - 1] & undirected[k]).sum()) for k in (1, 2)
    ]


def test_s50_rsiena_export_round_trips(s50, tmp_path):
    paths = write_rsiena(s50, tmp_path / "siena", anonymize=False)
    folder = tmp_path / "siena"
    actors = pd.read_csv(folder / "actors.txt", sep=" ")
    assert actors["row"].tolist() == list(range(1, 51))
    position = [int(name[1:]) - 1 for name in actors["id"]]  # g01 -> 0
    for k, original in enumerate(s50_matrices(), start=1):
        exported = np.loadtxt(folder / f"wave-{k}.dat", dtype=int)
        back = np.zeros_like(exported)
        back[np.ix_(position, position)] = exported
        assert (back == original).all(), k  # directed: row i = what girl i reported
    covariates = np.loadtxt(folder / "covariates.dat", dtype=int)
    assert covariates.shape == (50, 2) and (covariates[:, 0] == 1).all()
    assert (covariates[:, 1] == 9).all()  # no wijk: the missing code
    readme = (folder / "README.txt").read_text()
    assert "sienaDependent" in readme and "wave-3.dat: wave 3, 50 took part, 0 missing" in readme
    assert {p.name for p in paths} == {p.name for p in folder.iterdir()}


def test_an_unknown_period_names_waves_too(panel):
    with pytest.raises(UsageError, match="day, week, month, quarter, year, wave"):
        growth(panel, freq="fortnight")


@pytest.mark.parametrize("view", ["reached", "current"])
def test_growth_per_wave_counts_the_missing_and_they_are_not_alone(tmp_path, view):
    from contactladder.analysis.growth import growth

    # f, a parent, reports no one and misses waves 2 and 10; g, a parent, takes part but
    # reports no one either: g is alone in every wave, f only in the waves f took part in.
    roles = {**ROLES, "f": "parent", "g": "parent"}
    responded = {**RESPONDED, "f": "1;9", "g": "1;2;9;10"}
    folder = write_panel(tmp_path / "panel", REPORTS, responded, roles)
    net = LadderNetwork.from_path(folder, wave_dates=WAVE_DATES)
    table = growth(net, freq="wave", view=view)
    took_part = {
        p: set(text.replace(",", ";").replace(" ", ";").split(";")) for p, text in responded.items()
    }
    assert table["missing"].tolist() == [
        sum(wave not in waves for waves in took_part.values()) for wave in ORDER
    ]
    assert list(table.columns[:4]) == ["period", "people", "missing", "focal"]
    steps = list(net.periods("wave", view=view, graph=True))
    expected = []
    for wave, step in zip(ORDER, steps):
        tieless = [p for p in step.graph if roles[p] == "parent" and step.graph.degree(p) == 0]
        expected.append(sum(wave in took_part[p] for p in tieless))
    assert table["focal_alone"].tolist() == expected
    assert table.loc[table["period"] == "2", "focal_alone"].item() == 1  # g, not f


def test_the_timeline_and_the_report_step_by_wave(panel, tmp_path):
    import json
    import re

    from contactladder.jobs.maps import timeline_job
    from contactladder.jobs.report import write_report

    timeline_job(panel, tmp_path / "t.html", freq="wave", lang="en")
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="cl-data">(.*?)</script>', page, re.S)
    data = json.loads(found[1])
    assert data["steps"]["label"] == ORDER
    assert data["steps"]["text"] == [f"wave {wave}" for wave in ORDER]
    write_report(panel, tmp_path / "report", freq="wave", lang="nl", timeline=False)
    table = pd.read_csv(tmp_path / "report" / "growth.csv", dtype={"period": str})
    assert table["period"].tolist() == ORDER
    assert "4 golven" in (tmp_path / "report" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("view", ["reached", "active", "current"])
def test_the_weaving_stages_of_a_panel_on_codes_are_those_of_the_graphs(panel, view):
    expected = weaving_stages(panel, freq="wave", view=view)
    assert len(expected) == len(ORDER)
    pd.testing.assert_frame_equal(
        weaving_stages_on_codes(panel, freq="wave", view=view), expected, check_exact=True
    )
