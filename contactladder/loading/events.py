"""Contact events: sensor records of the same pair merged into events with a duration.

Definitions
-----------
A wearable sensor writes one *record* for every short window (20 seconds for the SocioPatterns
badges) in which two people were face to face: the record's time is the end of its window. The
*resolution* is the length of that window.

A *contact event* is a run of records of the same pair, in either order (``a``–``b`` and
``b``–``a`` are one pair), whose other columns (rung, activity, wijk, note, source, ...) are all
equal, where each record is at most the *merge gap* after the one before it. Two records of
adjacent 20-second windows are 20 seconds apart, so a merge gap of 20 seconds joins unbroken
runs; a larger gap also bridges windows the sensors missed. An event *starts* at its first
record's time and *ends* at its last record's time plus the resolution (the window that record
closes), so its *duration* is ``end - start``: a single record lasts one resolution. The
resolution is the merge gap unless given (:func:`contactladder.loading.load` takes only the
merge gap: give the sensor's window, such as ``"20s"``).

The *daily contact time* of a pair on a day is the sum of the durations of the pair's events
that start on that day. A ladder whose rungs give ``minutes_per_day`` (see
:mod:`contactladder.ladder.ladder_file`) puts a pair on a day on the highest rung whose threshold
its daily contact time reaches; :func:`rungs_by_daily_minutes` does this to every event.

Merging is opt-in: :func:`contactladder.loading.load` merges only when it is given ``merge_gap``
(``None``, its default, keeps one contact per record, exactly as without this module). Whether
records are sensor windows is not something the data says: diary contacts with a time of day
would be merged as well, so the tool never guesses.

Examples
--------
>>> records = pd.DataFrame({
...     "date": pd.to_datetime(["2009-10-01 08:00:20", "2009-10-01 08:00:40",
...                             "2009-10-01 08:02:00"]),
...     "person_a": ["ann", "bo", "ann"], "person_b": ["bo", "ann", "bo"], "rung": 1})
>>> events = contact_events(records, merge_gap="20s")
>>> events[["person_a", "person_b", "records"]].values.tolist()
[['ann', 'bo', 2], ['ann', 'bo', 1]]
>>> events["duration"].dt.total_seconds().tolist()
[40.0, 20.0]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.ladder import Ladder

__all__ = [
    "SENSOR_RESOLUTION",
    "EVENT_COLUMNS",
    "Merged",
    "contact_events",
    "merge_gap_of",
    "daily_minutes",
    "rungs_by_daily_minutes",
    "merge_records",
]

SENSOR_RESOLUTION = pd.Timedelta(seconds=20)
"""The default merge gap and resolution: the 20-second windows of the SocioPatterns sensors."""

EVENT_COLUMNS = ["start", "end", "duration", "records"]
"""What :func:`contact_events` adds to the pair and the other columns of the records."""


@dataclass(frozen=True)
class Merged:
    """How the records of a data set were merged into contact events.

    Attributes
    ----------
    records : int
        The contact records read (from the contacts files; attendance sessions are not records).
    events : int
        The contact events they were merged into.
    merge_gap : Timedelta
        The longest time between two records of one event.
    below_lowest_rung : int
        Events left out because their pair's daily contact time did not reach the lowest
        ``minutes_per_day`` of the ladder (0 for a ladder without minutes).

    >>> Merged(3, 2, SENSOR_RESOLUTION).below_lowest_rung
    0
    """

    records: int
    events: int
    merge_gap: pd.Timedelta
    below_lowest_rung: int = 0


def merge_gap_of(value: str | pd.Timedelta) -> pd.Timedelta:
    """The merge gap ``value`` (``"20s"``, ``"2min"``, a Timedelta) as a Timedelta.

    Raises
    ------
    UsageError
        If it is not a time, or is negative; the hint names ``{merge_gap}``.

    >>> merge_gap_of("2min").total_seconds()
    120.0
    >>> merge_gap_of("20")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: not a merge gap '20'; give merge_gap as a time ...
    """
    hint = 'give {merge_gap} as a time with its unit, such as "20s" or "2min"'
    if isinstance(value, pd.Timedelta):
        gap = value
    elif isinstance(value, str) and value.strip()[-1:].isalpha():  # a bare number has no unit
        try:
            gap = pd.Timedelta(value)
        except ValueError as exc:
            raise UsageError("not a merge gap", value=value, hint=hint) from exc
    else:
        raise UsageError("not a merge gap", value=value, hint=hint)
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise UsageError("not a merge gap", value=value, hint=hint)
    return gap


def contact_events(
    contacts: pd.DataFrame,
    *,
    merge_gap: str | pd.Timedelta = SENSOR_RESOLUTION,
    resolution: str | pd.Timedelta | None = None,
) -> pd.DataFrame:
    """The contact events of ``contacts``: runs of records of one pair at most ``merge_gap``
    apart (see the module docstring).

    Parameters
    ----------
    contacts : DataFrame
        ``date`` (datetime64), ``person_a``, ``person_b`` and any other columns; records that
        differ in another column are never merged. Not changed.
    merge_gap : str or Timedelta
        The longest time between two records of one event; the sensor's resolution (20
        seconds) by default.
    resolution : str or Timedelta, optional
        The length of the window a record closes, added to the last record's time; the merge
        gap when not given.

    Returns
    -------
    DataFrame
        One row per event, by start (events of one start in the order of their first record):
        ``person_a`` < ``person_b``, the other columns of its records, then ``start``, ``end``
        (datetime64), ``duration`` (timedelta64) and ``records`` (int).

    Raises
    ------
    UsageError
        If ``merge_gap`` or ``resolution`` is not a time.

    Examples
    --------
    >>> records = pd.DataFrame({"date": pd.to_datetime(["2024-01-01 09:00:00",
    ...     "2024-01-01 09:00:20", "2024-01-01 09:00:41"]), "person_a": "a", "person_b": "b"})
    >>> contact_events(records)["records"].tolist()
    [2, 1]
    >>> contact_events(records, merge_gap="21s", resolution="20s")["duration"].astype(str).tolist()
    ['0 days 00:01:01']
    """
    gap = merge_gap_of(merge_gap)
    window = gap if resolution is None else merge_gap_of(resolution)
    low = np.minimum(contacts["person_a"].to_numpy(), contacts["person_b"].to_numpy())
    high = np.maximum(contacts["person_a"].to_numpy(), contacts["person_b"].to_numpy())
    table = contacts.assign(person_a=low, person_b=high, _order=np.arange(len(contacts)))
    keys = [c for c in contacts.columns if c != "date"]
    table = table.sort_values([*keys, "date", "_order"], kind="stable", ignore_index=True)
    run = table.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    dates = table["date"].to_numpy()
    starts = np.ones(len(table), dtype=bool)
    starts[1:] = (run[1:] != run[:-1]) | (dates[1:] - dates[:-1] > gap.to_timedelta64())
    event = np.cumsum(starts) - 1
    firsts = table[starts].reset_index(drop=True)
    ends = pd.Series(dates).groupby(event).max().to_numpy()
    events = firsts[keys].assign(
        start=firsts["date"],
        end=pd.to_datetime(ends) + window,
        records=np.bincount(event).astype("int64"),
    )
    events.insert(len(events.columns) - 1, "duration", events["end"] - events["start"])
    order = np.lexsort((firsts["_order"].to_numpy(), firsts["date"].to_numpy()))
    return events.iloc[order].reset_index(drop=True)


def daily_minutes(events: pd.DataFrame) -> pd.Series:
    """Each event's pair's daily contact time, in minutes: the durations of the pair's events
    that start on the same day, summed (an event over midnight counts on its start day).

    >>> events = pd.DataFrame({"person_a": "a", "person_b": "b",
    ...     "start": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 15:00", "2024-01-02 09:00"]),
    ...     "duration": pd.to_timedelta(["40s", "80s", "20s"])})
    >>> daily_minutes(events).tolist()
    [2.0, 2.0, 0.3333333333333333]
    """
    seconds = events["duration"].dt.total_seconds()
    day = events["start"].dt.normalize()
    total = seconds.groupby([events["person_a"], events["person_b"], day]).transform("sum")
    return total / 60


def rungs_by_daily_minutes(events: pd.DataFrame, ladder: Ladder) -> pd.DataFrame:
    """``events`` with each one's ``rung`` the level its pair reaches that day by contact time:
    the highest rung whose ``minutes_per_day`` the pair's :func:`daily_minutes` reach. Events
    whose pair reaches no rung that day are left out. Not changed: a new table.

    >>> from contactladder.ladder import Rung
    >>> ladder = Ladder([Rung(1, "zien", {}, "#2895aa", minutes_per_day=1),
    ...                  Rung(2, "spelen", {}, "#3c794f", minutes_per_day=10)])
    >>> events = pd.DataFrame({"person_a": ["a", "a", "c"], "person_b": ["b", "b", "d"],
    ...     "start": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 15:00", "2024-01-01 10:00"]),
    ...     "duration": pd.to_timedelta(["9min", "1min", "20s"]), "rung": 1})
    >>> rungs_by_daily_minutes(events, ladder)["rung"].tolist()
    [2, 2]
    """
    thresholds = ladder.minutes_thresholds()
    minutes = np.array([m for m, _ in thresholds], dtype=float)
    levels = np.array([level for _, level in thresholds], dtype="int64")
    reached = np.searchsorted(minutes, daily_minutes(events).to_numpy(), side="right") - 1
    kept = reached >= 0
    return events[kept].assign(rung=levels[reached[kept]]).reset_index(drop=True)


def merge_records(
    contacts: pd.DataFrame, ladder: Ladder, merge_gap: str | pd.Timedelta
) -> tuple[pd.DataFrame, Merged]:
    """The contacts of :func:`contactladder.loading.load` as one row per contact event, and
    how they were merged.

    Each event is a contact dated at its start, with the columns of its records and ``end``,
    ``duration`` and ``records``; on a ladder with ``minutes_per_day`` its rung is its pair's
    rung that day by contact time (see :func:`rungs_by_daily_minutes`).

    >>> records = pd.DataFrame({"date": pd.to_datetime(["2024-01-01 09:00:00",
    ...     "2024-01-01 09:00:20"]), "person_a": "a", "person_b": "b", "rung": 1})
    >>> events, merged = merge_records(records, Ladder.default(), "20s")
    >>> events.columns.tolist(), merged.records, merged.events
    (['date', 'person_a', 'person_b', 'rung', 'end', 'duration', 'records'], 2, 1)
    """
    gap = merge_gap_of(merge_gap)
    events = contact_events(contacts, merge_gap=gap)
    counted = len(events)
    if ladder.minutes_thresholds():
        events = rungs_by_daily_minutes(events, ladder)
    events = events.rename(columns={"start": "date"})
    columns = [*contacts.columns, *(c for c in EVENT_COLUMNS if c != "start")]
    merged = Merged(len(contacts), counted, gap, counted - len(events))
    return events[columns], merged
