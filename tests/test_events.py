"""Contact events: sensor records merged into events with a duration
(contactladder.loading.events), their use in load and check, and rungs by daily contact time.

Every figure is checked against a plain-Python (hand-made records) or pandas (the SocioPatterns
primary-school data, see tests/data/sociopatterns/README.md) computation written here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import InputFileError, UsageError
from contactladder.ladder import Ladder, Rung
from contactladder.loading import describe, load
from contactladder.loading.describe import facts
from contactladder.loading.events import (
    EVENT_COLUMNS,
    contact_events,
    daily_minutes,
    merge_gap_of,
    rungs_by_daily_minutes,
)

T0 = dt.datetime(2024, 3, 1, 9, 0, 0)
# (seconds after T0, person_a, person_b, activity): ann-bo 20 s, 19 s, 21 s, then 20 s apart
# written the other way round; ann-cem 40 s apart; bo-cem at the same times in two activities.
RECORDS = [
    (0, "ann", "bo", ""),
    (20, "bo", "ann", ""),
    (39, "ann", "bo", ""),
    (60, "ann", "bo", ""),
    (80, "bo", "ann", ""),
    (0, "cem", "ann", ""),
    (40, "ann", "cem", ""),
    (100, "bo", "cem", "koffie"),
    (120, "bo", "cem", "koffie"),
    (100, "bo", "cem", "gym"),
    (500, "ann", "bo", ""),
]


def records_table(records=RECORDS) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": [pd.Timestamp(T0 + dt.timedelta(seconds=s)) for s, *_ in records],
            "person_a": [a for _, a, _, _ in records],
            "person_b": [b for _, _, b, _ in records],
            "activity": [activity for *_, activity in records],
        }
    )


def plain_events(records, gap_seconds: float, window_seconds: float) -> list[tuple]:
    """Events by hand: (a, b, activity, start, end, records), sorted by start then pair."""
    runs: dict[tuple, list[list[float]]] = {}
    for seconds, a, b, activity in sorted(records, key=lambda r: r[0]):
        pair = (min(a, b), max(a, b), activity)
        pair_runs = runs.setdefault(pair, [])
        if pair_runs and seconds - pair_runs[-1][-1] <= gap_seconds:
            pair_runs[-1].append(seconds)
        else:
            pair_runs.append([seconds])
    events = [
        (*pair, run[0], run[-1] + window_seconds, len(run))
        for pair, pair_runs in runs.items()
        for run in pair_runs
    ]
    return sorted(events, key=lambda e: e[3])


def as_plain(events: pd.DataFrame) -> list[tuple]:
    """An events table in the form of :func:`plain_events`."""
    return [
        (
            row.person_a,
            row.person_b,
            row.activity,
            (row.start - pd.Timestamp(T0)).total_seconds(),
            (row.end - pd.Timestamp(T0)).total_seconds(),
            row.records,
        )
        for row in events.itertuples()
    ]


@pytest.mark.parametrize("gap", [19, 20, 21, 40, 60])
def test_events_match_a_plain_python_merge(gap):
    events = contact_events(records_table(), merge_gap=f"{gap}s")
    assert sorted(as_plain(events)) == sorted(plain_events(RECORDS, gap, gap))
    assert (events["duration"] == events["end"] - events["start"]).all()
    assert events["records"].sum() == len(RECORDS)


def test_gaps_just_under_and_over_the_merge_gap():
    events = contact_events(records_table(), merge_gap="20s")
    ann_bo = events[(events["person_a"] == "ann") & (events["person_b"] == "bo")]
    # 0, 20 (20 s: merged), 39 (19 s: merged) | 60 (21 s: new), 80 (bo-ann, 20 s: merged) | 500
    assert ann_bo["records"].tolist() == [3, 2, 1]
    assert ann_bo["duration"].dt.total_seconds().tolist() == [59.0, 40.0, 20.0]
    ann_cem = events[events["person_b"] == "cem"]
    assert ann_cem[ann_cem["person_a"] == "ann"]["records"].tolist() == [1, 1]


def test_records_in_another_activity_are_not_merged():
    events = contact_events(records_table(), merge_gap="1min")
    bo_cem = events[(events["person_a"] == "bo") & (events["person_b"] == "cem")]
    assert sorted(zip(bo_cem["activity"], bo_cem["records"])) == [("gym", 1), ("koffie", 2)]


def test_events_columns_order_and_resolution():
    records = records_table()
    before = records.copy()
    events = contact_events(records, merge_gap="21s", resolution="20s")
    assert events.columns.tolist() == ["person_a", "person_b", "activity", *EVENT_COLUMNS]
    assert events["start"].is_monotonic_increasing
    assert sorted(as_plain(events)) == sorted(plain_events(RECORDS, 21, 20))
    pd.testing.assert_frame_equal(records, before)  # the input is not changed


@pytest.mark.parametrize("value", ["20", "twenty", "-5s", "", 20])
def test_a_merge_gap_that_is_not_a_time_names_the_parameter(value):
    with pytest.raises(UsageError, match="not a merge gap") as raised:
        merge_gap_of(value)
    assert "merge_gap" in str(raised.value)


def test_daily_minutes_sum_the_pairs_events_of_each_start_day():
    records = [(0, "a", "b", ""), (3600, "b", "a", ""), (86400, "a", "b", ""), (0, "a", "c", "")]
    events = contact_events(records_table(records), merge_gap="20s")
    minutes = dict(
        zip(zip(events["person_a"], events["person_b"], events["start"]), daily_minutes(events))
    )
    by_hand: dict[tuple, float] = {}
    for seconds, a, b, _ in records:
        day = (T0 + dt.timedelta(seconds=seconds)).date()
        by_hand[(min(a, b), max(a, b), day)] = by_hand.get((min(a, b), max(a, b), day), 0) + 20
    assert {(a, b, start.date()): m for (a, b, start), m in minutes.items()} == {
        key: seconds / 60 for key, seconds in by_hand.items()
    }


MINUTES_LADDER = Ladder(
    [
        Rung(1, "zien", {}, "#2895aa", minutes_per_day=0.5),
        Rung(2, "spelen", {}, "#3c794f"),
        Rung(3, "vrienden", {}, "#6c4d0d", minutes_per_day=1),
    ]
)


def test_rungs_by_daily_minutes_take_the_highest_threshold_reached():
    # a-b: 3 records (60 s, 1 min) -> vrienden; a-c: 2 records (40 s) -> zien; a-d: 20 s -> none
    records = [(0, "a", "b", ""), (20, "a", "b", ""), (40, "a", "b", ""), (0, "a", "c", "")]
    records += [(20, "c", "a", ""), (0, "a", "d", "")]
    events = contact_events(records_table(records), merge_gap="20s").assign(rung=1)
    ranked = rungs_by_daily_minutes(events, MINUTES_LADDER)
    assert sorted(zip(ranked["person_b"], ranked["rung"])) == [("b", 3), ("c", 1)]
    assert MINUTES_LADDER.minutes_thresholds() == [(0.5, 1), (1.0, 3)]


# --- load and check ------------------------------------------------------------------------


def write_records(folder: Path, records=RECORDS) -> Path:
    records_table(records).to_csv(folder / "contacts.csv", index=False)
    return folder


def test_without_merge_gap_load_and_check_stay_as_they_were(tmp_path):
    folder = write_records(tmp_path)
    plain, explicit = load(folder, rung="kennen"), load(folder, rung="kennen", merge_gap=None)
    pd.testing.assert_frame_equal(plain.contacts, explicit.contacts)
    assert plain.merged is None and len(plain.contacts) == len(RECORDS)
    assert "records" not in plain.contacts and "records" not in facts(plain)
    assert describe(plain) == describe(explicit)
    assert not [line for line in describe(plain).splitlines() if line.startswith("Events")]


def test_with_merge_gap_each_contact_is_an_event_and_check_says_so(tmp_path):
    data = load(write_records(tmp_path), rung="kennen", merge_gap="20s")
    expected = plain_events(RECORDS, 20, 20)
    assert len(data.contacts) == len(expected) == data.merged.events
    assert data.merged.records == len(RECORDS)
    assert data.contacts.columns.tolist()[-3:] == ["end", "duration", "records"]
    assert data.contacts["date"].is_monotonic_increasing
    found = facts(data)
    minutes = sum(end - start for *_, start, end, _ in expected) / 60
    assert (found["records"], found["events"], found["contacts"]) == (11, len(expected), 7)
    assert found["event_minutes"] == pytest.approx(minutes, abs=0.01)
    lines = describe(data).splitlines()
    assert "Records: 11 (merged into one event when at most 20 s apart)" in lines
    assert (
        f"Events: {len(expected)} contact events, {round(minutes, 2)} minutes of contact" in lines
    )


def test_attendance_sessions_are_contacts_without_a_duration(tmp_path):
    folder = write_records(tmp_path)
    (folder / "attendance.csv").write_text(
        "date,activity,person\n2024-03-02,gym,ann\n2024-03-02,gym,bo\n", encoding="utf-8"
    )
    data = load(folder, rung="kennen", merge_gap="20s")
    sessions = data.contacts[data.contacts["source"] == "attendance"]
    assert len(sessions) == 1 and sessions["records"].tolist() == [0]
    assert sessions["duration"].isna().all()
    assert facts(data)["records"] == len(RECORDS)


def test_a_ladder_by_minutes_gives_rungs_by_daily_contact_time(tmp_path):
    folder = write_records(tmp_path)
    (folder / "ladder.toml").write_text(
        '[[rung]]\nkey = "zien"\nminutes_per_day = 0.5\n'
        '[[rung]]\nkey = "vrienden"\nminutes_per_day = 1\n',
        encoding="utf-8",
    )
    data = load(folder, merge_gap="20s")  # no rung given: the ladder decides
    by_hand: dict[tuple, float] = {}
    for a, b, _, start, end, _ in plain_events(RECORDS, 20, 20):
        by_hand[(a, b)] = by_hand.get((a, b), 0) + (end - start) / 60  # all on one day
    levels = {pair: 2 if m >= 1 else 1 for pair, m in by_hand.items() if m >= 0.5}
    got = dict(
        zip(zip(data.contacts["person_a"], data.contacts["person_b"]), data.contacts["rung"])
    )
    assert got == levels
    left_out = sum(1 for e in plain_events(RECORDS, 20, 20) if (e[0], e[1]) not in levels)
    assert data.merged.below_lowest_rung == left_out == facts(data)["events_below_lowest_rung"]


def test_a_ladder_by_minutes_needs_a_merge_gap(tmp_path):
    folder = write_records(tmp_path)
    (folder / "ladder.toml").write_text('[[rung]]\nkey = "zien"\nminutes_per_day = 1\n')
    with pytest.raises(UsageError, match="minutes_per_day") as raised:
        load(folder)
    assert "merge_gap" in str(raised.value)


def test_no_pair_reaching_the_lowest_rung_is_one_clear_error(tmp_path):
    folder = write_records(tmp_path)
    (folder / "ladder.toml").write_text('[[rung]]\nkey = "zien"\nminutes_per_day = 60\n')
    with pytest.raises(InputFileError, match="no contacts to measure; no pair reached"):
        load(folder, merge_gap="20s")


# --- the SocioPatterns primary school --------------------------------------------------------

SOURCE = Path(__file__).resolve().parent / "data" / "sociopatterns" / "primaryschool.tsv.gz"
SENSOR = dict(time_unit="s", time_origin="2009-10-01", merge_gap="20s")


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return pd.read_csv(SOURCE, sep="\t", dtype={"id1": str, "id2": str})


@pytest.fixture(scope="module")
def school(raw, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("school")
    contacts = raw.rename(columns={"Time": "date", "id1": "person_a", "id2": "person_b"})
    contacts[["date", "person_a", "person_b"]].to_csv(folder / "contacts.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def school_data(school):
    return load(school, rung="kennen", **SENSOR)


def pandas_events(raw: pd.DataFrame) -> pd.DataFrame:
    """Events by pandas: per unordered pair, a new event where the time since the pair's
    previous record is over 20 s; each lasts from its first record to its last + 20 s."""
    first = raw["id1"] < raw["id2"]
    pairs = raw.assign(
        low=raw["id1"].where(first, raw["id2"]), high=raw["id2"].where(first, raw["id1"])
    )
    pairs = pairs.sort_values(["low", "high", "Time"])
    new = pairs.groupby(["low", "high"])["Time"].diff().fillna(float("inf")) > 20
    pairs["event"] = new.cumsum()
    events = pairs.groupby("event").agg(
        low=("low", "first"), high=("high", "first"), first=("Time", "min"), last=("Time", "max")
    )
    return events.assign(seconds=events["last"] - events["first"] + 20)


def test_school_events_and_their_duration_match_pandas(school_data, raw):
    data = school_data
    expected = pandas_events(raw)
    assert len(data.contacts) == data.merged.events == len(expected) == 77_521
    assert data.merged.records == len(raw) == 125_773
    seconds = data.contacts["duration"].dt.total_seconds()
    assert seconds.sum() == expected["seconds"].sum()
    assert sorted(seconds.astype(int)) == sorted(expected["seconds"])
    # 81 fewer than the 77,602 events Stehlé et al. give: the published count was made on the
    # data before its release; every event here is an unbroken run of 20-second windows.


def test_check_on_the_school_shows_records_and_events(school_data, raw):
    data = school_data
    minutes = pandas_events(raw)["seconds"].sum() / 60
    lines = describe(data, focal="child").splitlines()
    assert "Records: 125773 (merged into one event when at most 20 s apart)" in lines
    assert f"Events: 77521 contact events, {round(minutes, 2)} minutes of contact" in lines
    assert "Contacts: 77521 (77521 rated, 0 from attendance)" in lines


def test_school_rungs_by_daily_minutes_match_pandas(school, raw, tmp_path):
    ladder = tmp_path / "ladder.toml"
    ladder.write_text(
        '[[rung]]\nkey = "kennen"\nminutes_per_day = 1\n'
        '[[rung]]\nkey = "praten"\nminutes_per_day = 10\n',
        encoding="utf-8",
    )
    data = load(school, ladder=ladder, **SENSOR)
    events = pandas_events(raw).assign(day=lambda e: e["first"] // 86400)
    per_day = events.groupby(["low", "high", "day"])["seconds"].transform("sum") / 60
    kept = events[per_day >= 1].assign(rung=(per_day[per_day >= 1] >= 10).map({True: 2, False: 1}))
    assert len(data.contacts) == len(kept)
    assert data.merged.below_lowest_rung == len(events) - len(kept)
    assert data.contacts["rung"].value_counts().sort_index().tolist() == (
        kept["rung"].value_counts().sort_index().tolist()
    )
