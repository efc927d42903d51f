"""A network counted period by period from a contacts file too large for memory.

A :class:`StreamedNetwork` holds the people and the ladder, but not the contacts: for each
period name asked for it lets polars' streaming engine group the contacts file by period and
pair (:mod:`contactladder.loading.streamed`) and keeps only those rows, one per period and pair
(about 0.7 per contact on the benches' village), as small integers. It answers what the growth
table's reached and active views ask (:meth:`period_rows`, the people's columns); it draws no
snapshot and walks no graph, so the commands that need them read the contacts into memory
(:class:`~contactladder.network.LadderNetwork`).

Examples
--------
>>> net = StreamedNetwork.from_path("data/zwolle-demo")
>>> calendar, rows, joined = net.period_rows("quarter")
>>> calendar.labels[0], len(rows.period) > 0, len(joined) == len(net.column("role"))
('2024Q1', True, True)
>>> from contactladder.network import LadderNetwork
>>> same = LadderNetwork.from_path("data/zwolle-demo").period_rows("quarter")[1]
>>> bool((same.reached == rows.reached).all() and (same.code_b == rows.code_b).all())
True
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading import Dataset, positions_in
from contactladder.loading.streamed import GroupedRows, StreamedContacts
from contactladder.loading.streamed_dataset import load_streamed
from contactladder.network.answers import DataAnswers
from contactladder.network.calendar import WAVE, Calendar, calendar, once_per_freq
from contactladder.network.pair_rows import PairRows
from contactladder.network.periods import Step
from contactladder.words.roles import role_in_data

__all__ = ["StreamedNetwork"]

_PEOPLE = ("person_a", "person_b")


class StreamedNetwork(DataAnswers):
    """The people, ladder and contacts file of a data set, for counts period by period.

    Parameters
    ----------
    data : Dataset
        The people, the ladder, the attendance and, as its contacts, only the contacts of
        the attendance's sessions (small: they are held in memory).
    contacts : StreamedContacts
        The contacts file, checked.
    focal : str
        The role the counts are about.
    """

    def __init__(self, data: Dataset, contacts: StreamedContacts, *, focal: str = "parent"):
        self.data, self.people, self.contacts = data, data.people, data.contacts
        self.ladder, self._key = data.ladder, data.key
        self.focal = role_in_data(focal)
        self.focal_people = self._people_in_role(self.focal)
        self.streamed = contacts
        self.start, self.end = contacts.dates.iloc[0], contacts.dates.iloc[-1]

    @classmethod
    def from_path(
        cls, path: str | Path, *, focal: str = "parent", **load_options: Any
    ) -> StreamedNetwork:
        """Read the people and check the contacts of a data folder or contacts file
        (:func:`~contactladder.loading.streamed_dataset.load_streamed` takes
        ``load_options``): their dates and rungs now, their people when the rows are first
        grouped."""
        return cls(*load_streamed(path, **load_options), focal=focal)

    @property
    def has_contacts(self) -> bool:
        """Always: a streamed file without contacts is an error when it is checked."""
        return True

    def calendar(self, freq: str) -> Calendar:
        """The periods of ``freq`` from the first contact to the last; ``contact_period`` is
        the period of each distinct date of the file, in the order of
        :attr:`StreamedContacts.dates`, then of each session contact."""
        if freq == WAVE:
            raise UsageError("waves need the contacts in memory", hint="leave out {streamed}")
        dates = np.r_[self.streamed.dates.to_numpy(), self.contacts["date"].to_numpy()]
        return calendar(freq, pd.Series(dates, dtype="datetime64[ns]"))

    def period_range(self, freq: str) -> pd.PeriodIndex:
        """Every period from the first contact to the last."""
        return self.calendar(freq).periods

    @once_per_freq
    def period_rows(self, freq: str) -> tuple[Calendar, PairRows, np.ndarray]:
        """The periods of ``freq``, the contacts grouped by period and pair
        (:class:`~contactladder.network.pair_rows.PairRows`, whose codes are positions in the
        people's order, that of :meth:`column`) and the number of the period each person
        becomes present in (``len(periods)``: after the last), as
        :meth:`LadderNetwork.period_rows <contactladder.network.LadderNetwork.period_rows>`
        gives them; grouped once per ``freq``."""
        periods = self.calendar(freq)
        distinct = len(self.streamed.dates)
        number = pd.Series(periods.contact_period[:distinct], index=self.streamed.dates.index)
        rows = self._in_people_order(
            self.streamed.grouped(number), periods.contact_period[distinct:]
        )
        return periods, rows, self._join_numbers(periods, rows)

    def periods(self, freq: str = "month", **options: Any) -> Iterator[Step]:
        """Not for a streamed network: walking the periods builds graphs of the contacts.

        Raises
        ------
        UsageError
            Always, saying to read the contacts into memory.
        """
        raise UsageError(
            "this count needs the contacts in memory",
            hint="leave out {streamed}: a streamed read counts the reached and active views",
        )

    def _in_people_order(self, grouped: GroupedRows, sessions: np.ndarray) -> PairRows:
        """The grouped rows, and the session contacts (``sessions``: the period of each), as
        one row per period and pair with their people as positions in the people's order,
        sorted by period."""
        place = self.people.index.get_indexer(self.streamed.ids).astype(np.int32)
        period, code_a, code_b, rung = grouped.period, grouped.code_a, grouped.code_b, grouped.rung
        if not np.array_equal(place, np.arange(len(place))):
            code_a, code_b = place[code_a], place[code_b]
        if not len(sessions):
            return PairRows(period, code_a, code_b, rung)
        codes = (positions_in(self.people.index, self.contacts[c]) for c in _PEOPLE)
        period, code_a, code_b = (
            np.r_[x, y] for x, y in zip((period, code_a, code_b), (sessions, *codes))
        )
        rung = np.r_[rung, self.contacts["rung"].to_numpy().astype(rung.dtype)]
        size = len(place)
        key = (period.astype("int64") * size + code_a) * size + code_b
        order = np.argsort(key)  # a group's rows in any order: only the highest rung is kept
        key = key[order]
        starts = np.flatnonzero(np.diff(key, prepend=key[:1] - 1) != 0)
        return PairRows(
            period[order][starts],
            code_a[order][starts],
            code_b[order][starts],
            np.maximum.reduceat(rung[order], starts),
        )

    def _join_numbers(self, periods: Calendar, rows: PairRows) -> np.ndarray:
        """The period each person becomes present in: that of ``joined`` (0 when not given),
        or of their first contact if earlier (rows are in period order: the last written
        of a person's rows, walking back, is their first)."""
        joined = self.people["joined"].fillna(self.start)
        numbers = periods.number(joined)
        for people in (rows.code_a, rows.code_b):
            first = np.full(len(numbers), len(periods), dtype=np.int64)
            first[people[::-1]] = rows.period[::-1]
            np.minimum(numbers, first, out=numbers)
        return numbers
