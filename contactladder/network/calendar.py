"""The periods of one walk: calendar periods or waves, and how the ties change between two ends.

A :class:`Calendar` holds, in order, the periods a walk goes through: every day, week, month,
quarter or year from the first contact to the last (:func:`calendar`, the names of
:data:`~contactladder.network.periods.FREQUENCIES`), or each wave of a panel (:data:`WAVE`,
:func:`contactladder.network.waves.wave_calendar`); with each contact's period number and, for
waves, who took part in each. :func:`current_steps` and :func:`note_changes` are the shared
steps of the current view's walks; :func:`once_per_freq` keeps what a network makes of a
``freq``, since one run asks for the same periods again and again.

Examples
--------
>>> import pandas as pd
>>> dates = pd.Series(pd.to_datetime(["2024-01-05", "2024-03-09"]))
>>> months = calendar("month", dates)
>>> months.labels, months.contact_period.tolist(), months.number(dates).tolist()
(['2024-01', '2024-02', '2024-03'], [0, 2], [0, 2])
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.network.periods import PERIOD_NAMES, WAVE, Step, pandas_frequency, period_label

if TYPE_CHECKING:  # the network calls this module; the module only reads the network
    from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "WAVE",
    "PERIOD_NAMES",
    "Calendar",
    "calendar",
    "current_steps",
    "tie_edges",
    "note_changes",
    "period_ordinals",
    "once_per_freq",
]

Made = TypeVar("Made")


def once_per_freq(method: Callable[[Any, str], Made]) -> Callable[[Any, str], Made]:
    """A method of ``freq`` whose result is kept on its object: made once per ``freq``.

    >>> class Counted:
    ...     made = 0
    ...     @once_per_freq
    ...     def periods(self, freq):
    ...         self.made += 1
    ...         return freq.upper()
    >>> counted = Counted()
    >>> counted.periods("month"), counted.periods("month"), counted.made
    ('MONTH', 'MONTH', 1)
    """
    name = f"_{method.__name__}_by_freq"

    @functools.wraps(method)
    def kept(self: Any, freq: str) -> Made:
        made = self.__dict__.setdefault(name, {})
        if freq not in made:
            made[freq] = method(self, freq)
        return made[freq]

    return kept


@dataclass(frozen=True)
class Calendar:
    """The periods of one walk, in order: calendar periods (:func:`calendar`) or waves
    (:func:`contactladder.network.waves.wave_calendar`).

    Attributes
    ----------
    periods : pandas.PeriodIndex
        One period each (a wave is the day period of its start).
    labels : list of str
        The rows' labels: ISO text (:func:`period_label`) or the waves' names.
    starts, ends : pandas.DatetimeIndex
        Period ``k`` is ``starts[k] <= date < ends[k]``.
    contact_period : ndarray
        The period number (0, 1, ...) of each contact, in the order of the contacts.
    responded : list of frozenset, or None
        Waves only: the people who took part in each wave; None when everyone did.
    """

    periods: pd.PeriodIndex
    labels: list[str]
    starts: pd.DatetimeIndex
    ends: pd.DatetimeIndex
    contact_period: np.ndarray
    responded: list[frozenset] | None = None

    def __len__(self) -> int:
        return len(self.periods)

    def number(self, moments: pd.Series) -> np.ndarray:
        """The number of the period each moment falls in: 0 for one before the first period,
        ``len(self)`` for one after the last (a moment that never comes)."""
        values = moments.to_numpy(dtype="datetime64[ns]")
        numbers = np.searchsorted(self.starts.to_numpy(), values, side="right") - 1
        numbers[values >= self.ends[-1].to_datetime64()] = len(self)
        return np.maximum(numbers, 0)

    def step(self, number: int, graph: nx.Graph | None) -> Step:
        """A new :class:`Step` for period ``number``."""
        return Step(
            self.periods[number], self.labels[number], self.starts[number], self.ends[number], graph
        )

    def joins(self, present_from: pd.Series, codes: tuple[np.ndarray, np.ndarray]) -> dict:
        """Period number -> the people who become present in it, in the order of
        ``present_from`` (:meth:`join_numbers`)."""
        grouped = present_from.index.groupby(self.join_numbers(present_from, codes))
        return {int(number): list(people) for number, people in grouped.items()}

    def join_numbers(
        self, present_from: pd.Series, codes: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        """The number of the period each person becomes present in, in the order of
        ``present_from`` (a person's present date, by id): the period of that date, or of
        their first contact (``codes``: the positions of each contact's people) if earlier;
        ``len(self)`` for someone present only after the last period."""
        numbers = self.number(present_from)
        in_order = bool(np.all(np.diff(self.contact_period) >= 0))
        for people in codes:
            if in_order:  # a person's first contact is in their first period: the last written
                first = np.full(len(numbers), len(self), dtype=np.int64)
                first[people[::-1]] = self.contact_period[::-1]
                np.minimum(numbers, first, out=numbers)
            else:
                np.minimum.at(numbers, people, self.contact_period)
        return numbers

    def missing(self, number: int, present: Iterable) -> list:
        """The people of ``present`` who did not take part in period ``number``, sorted."""
        if self.responded is None:
            return []
        return sorted(p for p in present if p not in self.responded[number])


def calendar(freq: str, dates: pd.Series) -> Calendar:
    """The calendar periods of ``freq`` from the period of the first of ``dates`` to that of the
    last, also those without dates.

    Raises
    ------
    UsageError
        For a ``freq`` that is not one of :data:`FREQUENCIES`.
    """
    code = pandas_frequency(freq)
    if not len(dates):
        empty = pd.DatetimeIndex([])
        return Calendar(pd.PeriodIndex([], freq=code), [], empty, empty, np.array([], int))
    ordinals = period_ordinals(dates.to_numpy(dtype="datetime64[ns]"), code)
    first, last = (pd.Period(ordinal=int(f(ordinals)), freq=code) for f in (np.min, np.max))
    periods = pd.period_range(first, last, freq=code)
    return Calendar(
        periods,
        [period_label(period) for period in periods],
        periods.start_time,
        (periods + 1).start_time,
        ordinals - periods[0].ordinal,
    )


def period_ordinals(moments: np.ndarray, code: str) -> np.ndarray:
    """pandas' period number (``Period.ordinal``) of each moment for the frequency ``code``
    (``D``, ``W``, ``M``, ``Q`` or ``Y``), counted on the numbers themselves: days, weeks
    (Monday to Sunday; the week of Monday 1969-12-29 is 1, as in pandas), months, quarters and
    years since 1970.

    >>> moments = pd.to_datetime(["1969-12-29", "2024-03-13"]).to_numpy()
    >>> [period_ordinals(moments, code).tolist() for code in ("W", "Q")]
    [[1, 2829], [-1, 216]]
    >>> [pd.Period(moment, "W").ordinal for moment in moments]
    [1, 2829]
    """
    if code == "W":
        return (moments.astype("datetime64[D]").astype(np.int64) + 3) // 7 + 1
    if code == "Q":
        return moments.astype("datetime64[M]").astype(np.int64) // 3
    return moments.astype(f"datetime64[{code}]").astype(np.int64)


def current_steps(net: LadderNetwork, periods: Calendar) -> Iterator[Step]:
    """A new step per period, its graph holding the people present by the period's end, with
    who joined and (for waves) who is missing; the current view's walks add the ties."""
    joining = net.joins(periods)
    present: dict = {}
    for number in range(len(periods)):
        step = periods.step(number, nx.Graph())
        step.joined = joining.get(number, [])
        present.update((person, net.person(person)) for person in step.joined)
        step.missing = periods.missing(number, present)
        assert step.graph is not None, "a current step always has a graph"
        step.graph.add_nodes_from(present.items())
        yield step


def tie_edges(rows: pd.DataFrame) -> dict:
    """Pair -> edge attributes (``rung, first_contact, last_contact, contacts``) of the rows of
    a table of ties with those columns and ``person_a, person_b``."""
    return {
        (a, b): {"rung": rung, "first_contact": first, "last_contact": last, "contacts": count}
        for a, b, rung, first, last, count in zip(
            rows["person_a"],
            rows["person_b"],
            rows["rung"].tolist(),
            rows["first_contact"].dt.to_pydatetime(),
            rows["last_contact"].dt.to_pydatetime(),
            rows["contacts"].tolist(),
        )
    }


def note_changes(step: Step, before: dict, now: dict) -> None:
    """Add the ties ``now`` (pair -> edge attributes, ``rung`` among them) to the step's graph,
    and note how they differ from those ``before``: new, climbed, declined and ended (see
    :mod:`contactladder.network.current`)."""
    assert step.graph is not None, "a current step always has a graph"
    step.graph.add_edges_from((a, b, dict(edge)) for (a, b), edge in now.items())
    for (a, b), edge in now.items():
        rung = edge["rung"]
        old = before[(a, b)]["rung"] if (a, b) in before else 0
        if not old:
            step.new_ties.append((a, b))
            step.new_rungs.append(rung)
        elif rung > old:
            step.climbed.append((a, b, old, rung))
        elif rung < old:
            step.declined.append((a, b, old, rung))
    step.ended = [(a, b, edge["rung"]) for (a, b), edge in before.items() if (a, b) not in now]
