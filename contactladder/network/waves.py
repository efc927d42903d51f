"""Waves of a panel: each survey round one period, who took part, and the current view of a panel.

A *wave* is one round of a survey. The waves of a network are the distinct values of its
contacts' ``wave`` column (a contact without one, such as a session, counts in a wave named by
its date), or, when the contacts have no ``wave`` column, each distinct date (``2024-03-01``).
They are ordered by their first date (then by name, ``2`` before ``10``), and each is one
period whatever the spacing: wave ``k`` runs from the day of its first date to the start of wave
``k + 1`` (the last wave to the day after its last date). A wave exists when it has contacts.

*Non-response*: the people column ``responded`` (:data:`RESPONDED`) lists the waves a person
took part in, separated by ``;``, ``,`` or spaces (``1;2``); an empty cell is no wave. Without
that column everyone took part in every wave. The people present who did not take part in a
wave are its *missing* people (``Step.missing``): they are neither alone nor without ties there.

*The current view of a panel* (``view="current"`` with ``freq="wave"``): a tie's current rung in
a wave is the rung reported in that wave (the highest of the wave's reports of the pair); a tie
not reported in a wave in which both people took part has *ended*; a tie not reported in a wave
that one of them missed keeps the rung of its latest report (it is not counted as ended).

Examples
--------
Three waves of one pair and a third person; ``cem`` missed wave 2:

>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading import Dataset
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-01-10", "2024-06-01",
...     "2025-03-01"]), "person_a": ["ann", "ann", "ann", "ann"],
...     "person_b": ["bo", "cem", "bo", "bo"], "rung": [3, 2, 1, 2], "activity": "",
...     "wijk": "", "note": "", "source": "", "wave": ["1", "1", "2", "3"]})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT, "responded": ["1;2;3", "1;2;3", "1;3"]},
...     index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "panel"))
>>> [(s.label, sorted(s.graph.edges(data="rung")), s.missing, len(s.declined), len(s.ended))
...  for s in net.periods("wave", view="current")]  # doctest: +NORMALIZE_WHITESPACE
[('1', [('ann', 'bo', 3), ('ann', 'cem', 2)], [], 0, 0),
 ('2', [('ann', 'bo', 1), ('ann', 'cem', 2)], ['cem'], 1, 0),
 ('3', [('ann', 'bo', 2)], [], 0, 1)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.network.calendar import WAVE, Calendar, current_steps, note_changes, tie_edges
from contactladder.network.periods import Step

if TYPE_CHECKING:  # the network calls this module; the module only reads the network
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["RESPONDED", "wave_calendar", "wave_names", "wave_current_walk", "wave_reports"]

#: The people column listing the waves each person took part in.
RESPONDED = "responded"
_SEPARATORS = re.compile(r"[;,\s]+")


def wave_names(contacts: pd.DataFrame) -> pd.Series:
    """The wave of each contact: its ``wave``, or its date as ``YYYY-MM-DD`` without one.

    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-02-01"]),
    ...                          "wave": ["w1", ""]})
    >>> wave_names(contacts).tolist()
    ['w1', '2024-02-01']
    """
    days = contacts["date"].dt.strftime("%Y-%m-%d")
    if "wave" not in contacts:
        return days
    names = contacts["wave"].astype(str).str.strip()
    return names.where(names != "", days)


def wave_calendar(contacts: pd.DataFrame, people: pd.DataFrame) -> Calendar:
    """The waves of ``contacts`` as the periods of a walk, with who took part in each (from the
    ``responded`` column of ``people``, see the module docstring).

    Raises
    ------
    UsageError
        When ``responded`` names a wave the contacts do not have.

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-09-01", "2024-03-01"]),
    ...                          "wave": ["10", "2"]})
    >>> waves = wave_calendar(contacts, pd.DataFrame(index=pd.Index(["ann"], name="id")))
    >>> waves.labels, waves.contact_period.tolist(), [str(day.date()) for day in waves.ends]
    (['2', '10'], [1, 0], ['2024-09-01', '2024-09-02'])
    """
    if not len(contacts):
        empty = pd.DatetimeIndex([])
        return Calendar(pd.PeriodIndex([], freq="D"), [], empty, empty, np.array([], int))
    names = wave_names(contacts)
    spans = contacts["date"].groupby(names.to_numpy()).agg(["min", "max"])
    order = sorted(spans.index, key=lambda name: (spans.at[name, "min"], _natural(name)))
    starts = pd.DatetimeIndex([spans.at[name, "min"].normalize() for name in order])
    last = spans.at[order[-1], "max"].normalize() + pd.Timedelta(days=1)
    return Calendar(
        pd.PeriodIndex([start.to_period("D") for start in starts]),
        list(order),
        starts,
        pd.DatetimeIndex([*starts[1:], last]),
        pd.Index(order).get_indexer(names),
        _responded(people, order),
    )


def wave_current_walk(net: LadderNetwork) -> Iterator[Step]:
    """Walk the waves in the current view of a panel (see the module docstring), one
    :class:`~contactladder.network.periods.Step` each.

    Each step's graph holds the people present by the wave's end and the ties current in it
    (edges ``rung, first_contact, last_contact, contacts`` of the latest wave that reported the
    tie); ``missing`` the people present who did not take part; ``new_ties``, ``climbed``,
    ``declined`` and ``ended`` compare with the previous wave.
    """
    waves = net.calendar(WAVE)
    if not len(waves):
        return
    reports = (
        net.contact_rows()
        .assign(step=waves.contact_period)
        .groupby(["step", "person_a", "person_b"], sort=True)
        .agg(
            rung=("rung", "max"),
            first_contact=("date", "min"),
            last_contact=("date", "max"),
            contacts=("rung", "size"),
        )
        .reset_index()
    )
    bounds = np.searchsorted(reports["step"].to_numpy(), np.arange(len(waves) + 1))
    before: dict = {}
    for number, step in enumerate(current_steps(net, waves)):
        now = tie_edges(reports.iloc[bounds[number] : bounds[number + 1]])
        missed = set(step.missing)
        for (a, b), edge in before.items():
            if (a, b) not in now and (a in missed or b in missed):
                now[(a, b)] = edge  # not asked: the latest report stands
        note_changes(step, before, now)
        before = now
        yield step


def wave_reports(net: LadderNetwork) -> pd.DataFrame:
    """Each wave's reports, directed: ``wave`` (its number, 0, 1, ...), ``reporter``, ``alter``
    and ``rung`` (the highest of the wave's reports of that reporter about that alter).

    A contact with a ``reporter`` is a report of the reporter about the other person; a contact
    without one (undirected data) is a report in both directions.

    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10"] * 2),
    ...     "person_a": "ann", "person_b": ["bo", "cem"], "rung": [3, 2], "activity": "",
    ...     "wijk": "", "note": "", "source": "", "reporter": ["bo", ""]})
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading import Dataset
    >>> from contactladder.network import LadderNetwork
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
    ...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "panel"))
    >>> wave_reports(net).values.tolist()
    [[0, 'ann', 'cem', 2], [0, 'bo', 'ann', 3], [0, 'cem', 'ann', 2]]
    """
    contacts = net.contact_rows()
    waves = net.calendar(WAVE)
    reporter = contacts["reporter"] if "reporter" in contacts else pd.Series("", contacts.index)
    by_a = reporter == contacts["person_a"]
    by_b = reporter == contacts["person_b"]
    both = ~by_a & ~by_b
    forward = by_a | both
    backward = by_b | both
    reports = pd.DataFrame(
        {
            "wave": np.r_[waves.contact_period[forward], waves.contact_period[backward]],
            "reporter": np.r_[contacts["person_a"][forward], contacts["person_b"][backward]],
            "alter": np.r_[contacts["person_b"][forward], contacts["person_a"][backward]],
            "rung": np.r_[contacts["rung"][forward], contacts["rung"][backward]],
        }
    )
    table = reports.groupby(["wave", "reporter", "alter"], sort=True)["rung"].max()
    return table.reset_index()


def _natural(name: str) -> list:
    """A sort key in which the numbers of a name count as numbers: ``w2`` before ``w10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _responded(people: pd.DataFrame, waves: list[str]) -> list[frozenset] | None:
    """The people who took part in each wave, from the ``responded`` column; None without it."""
    if RESPONDED not in people.columns:
        return None
    took_part: dict[str, set] = {wave: set() for wave in waves}
    for person, value in people[RESPONDED].items():
        text = "" if pd.isna(value) else str(value)
        for wave in _SEPARATORS.split(text.strip()):
            if wave and wave not in took_part:
                raise UsageError(
                    f"a wave in the people column {RESPONDED!r} that the contacts do not have",
                    value=wave,
                    hint="the waves are " + ", ".join(waves),
                )
            if wave:
                took_part[wave].add(person)
    return [frozenset(took_part[wave]) for wave in waves]
