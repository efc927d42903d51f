"""The contacts grouped by period and pair: what every count over the periods starts from.

:class:`PairRows` holds one row per period and pair (sorted by period) with the pair's rung in
the period, the rung it has reached so far and the one before; :class:`PeriodPairs` groups a
table of contacts into them, with each row's first and last contact and how many there are.
A tie is *new* in its first row and *climbs* in a row whose reached rung is above the one
before (:mod:`contactladder.network.periods`).

Examples
--------
>>> rows = PairRows(np.array([0, 0, 1]), np.array([0, 1, 0]), np.array([1, 2, 1]),
...                 np.array([1, 2, 3]))
>>> rows.before.tolist(), rows.reached.tolist()
([0, 0, 1], [1, 2, 3])
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pandas as pd

from contactladder.loading.coded import compact_periods
from contactladder.network.periods import Step

__all__ = ["PairRows", "PeriodPairs", "ROWS_AT_ONCE"]

#: How many rows of :class:`PairRows` get their rungs reached in one go: it bounds the
#: memory of that step (about 50 bytes a row) at any size.
ROWS_AT_ONCE = 8_000_000


class PairRows:
    """One row per period and pair, sorted by period, then pair: what a count over the periods
    needs. ``code_a < code_b`` are the pair's positions in the people's order, ``rung`` the
    highest of the row's contacts, ``reached`` the tie's highest rung so far (its own row
    included) and ``before`` the one before the row (0 for a tie's first row, a new tie; a row
    climbs when ``reached`` is above ``before``).

    >>> rows = PairRows(np.array([0, 1, 1]), np.array([0, 0, 1]), np.array([1, 1, 2]),
    ...                 np.array([2, 1, 3]))
    >>> rows.reached.tolist(), rows.before.tolist(), rows.bounds(2).tolist()
    ([2, 2, 3], [0, 2, 0], [0, 1, 3])
    """

    def __init__(
        self, period: np.ndarray, code_a: np.ndarray, code_b: np.ndarray, rung: np.ndarray
    ) -> None:
        self.period, self.code_a, self.code_b, self.rung = period, code_a, code_b, rung
        self.reached, self.before = np.empty_like(rung), np.empty_like(rung)
        size = int(max(code_b.max(initial=0), code_a.max(initial=0))) + 1
        for rows in _by_first_person(code_a, size):  # a tie's rows are all in one part
            pair = code_a[rows].astype("int64") * size + code_b[rows]
            self.reached[rows], self.before[rows] = _reached_before(period[rows], pair, rung[rows])

    def bounds(self, periods: int) -> np.ndarray:
        """Where each period's rows start, and where the last ends (``periods + 1`` numbers)."""
        return np.searchsorted(self.period, np.arange(periods + 1))

    def rises(self, number: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Where a tie is new or climbs (its reached rung is above the one before; a new tie's
        before is 0), in order: its two ends through ``number`` (each person code's number in
        a drawing, -1 for none), the period and the rung reached.

        >>> rows = PairRows(np.array([0, 1]), np.array([0, 0]), np.array([1, 1]), np.array([2, 1]))
        >>> [part.tolist() for part in rows.rises(np.array([5, 7]))]
        [[5], [7], [0], [2]]
        """
        rows = np.flatnonzero(self.reached > self.before)
        ends = (number[self.code_a[rows]], number[self.code_b[rows]])
        return (*ends, self.period[rows], self.reached[rows])


class PeriodPairs(PairRows):
    """The :class:`PairRows` of the contacts, with each row's first and last contact and how
    many there are, and the pair's ids (``a``, ``b``: ``names`` at the codes). Computed for all
    rows at once, so the walk over periods only touches the graph.

    Parameters
    ----------
    contacts : DataFrame
        ``date``, ``rung`` and ``person_a``, ``person_b``.
    codes : (ndarray, ndarray)
        The position of each contact's ``person_a`` and ``person_b`` in ``names``.
    names : ndarray
        The people's ids.
    periods : ndarray
        The period number (0, 1, ...) of each contact (:attr:`Calendar.contact_period`).

    Notes
    -----
    Grouping costs O(m log m) for m contacts, with integer keys (period, pair) and numpy
    reductions: fast on a million rows.

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
    ...                          "rung": [1, 3]})
    >>> codes = (np.array([0, 0]), np.array([1, 1]))
    >>> rows = PeriodPairs(contacts, codes, np.array(["ann", "bo"], dtype=object),
    ...                    np.array([0, 1]))
    >>> rows.period.tolist(), rows.before.tolist(), rows.reached.tolist()
    ([0, 1], [0, 1], [1, 3])
    """

    def __init__(
        self,
        contacts: pd.DataFrame,
        codes: tuple[np.ndarray, np.ndarray],
        names: np.ndarray,
        periods: np.ndarray,
    ) -> None:
        size = len(names)
        key = (periods.astype("int64") * size + codes[0]) * size + codes[1]
        order = np.argsort(key)  # a group's rows in any order: only extremes and counts are kept
        key = key[order]
        starts = np.flatnonzero(np.diff(key, prepend=key[:1] - 1) != 0)  # each first row
        key = key[starts]
        moment = contacts["date"].to_numpy()[order]
        self.first = np.minimum.reduceat(moment, starts)
        self.last = np.maximum.reduceat(moment, starts)
        del moment  # each step's arrays freed before the next: they are as long as the contacts
        self.contacts = np.diff(np.r_[starts, len(order)])
        rung = np.maximum.reduceat(contacts["rung"].to_numpy()[order], starts)
        del order, starts
        small = np.int32 if size < 2**31 else np.int64
        pair = key % (size * size)
        super().__init__(
            compact_periods(key // (size * size)),
            (pair // size).astype(small),
            (pair % size).astype(small),
            rung,
        )
        self._names = names

    @functools.cached_property
    def a(self) -> np.ndarray:
        """Each row's ``person_a``, by id."""
        return self._names[self.code_a]

    @functools.cached_property
    def b(self) -> np.ndarray:
        """Each row's ``person_b``, by id."""
        return self._names[self.code_b]

    def people_in(self, rows: slice) -> list:
        """The people of these rows, sorted."""
        return sorted(set(self.a[rows]) | set(self.b[rows]))

    def add_to_reached(self, step: Step, rows: slice) -> None:
        """Note new and climbing ties; with a graph, add them and count the others' contacts."""
        before = self.before[rows]
        new = before == 0
        a, b, reached = self.a[rows], self.b[rows], self.reached[rows]
        step.new_ties = list(zip(a[new], b[new]))
        step.new_rungs = reached[new].tolist()
        climbs = ~new & (reached > before)
        step.climbed = list(
            zip(a[climbs], b[climbs], before[climbs].tolist(), reached[climbs].tolist())
        )
        if step.graph is None:
            return
        first, last = _datetimes(self.first[rows]), _datetimes(self.last[rows])
        step.graph.add_edges_from(
            (u, v, {"rung": rung, "first_contact": start, "last_contact": end, "contacts": count})
            for u, v, rung, start, end, count in zip(
                a[new],
                b[new],
                step.new_rungs,
                first[new],
                last[new],
                self.contacts[rows][new].tolist(),
            )
        )
        adjacency = step.graph.adj
        for u, v, rung, end, count in zip(
            a[~new], b[~new], reached[~new].tolist(), last[~new], self.contacts[rows][~new].tolist()
        ):
            edge = adjacency[u][v]
            edge["rung"] = rung
            edge["last_contact"] = end
            edge["contacts"] += count

    def add_to_active(self, step: Step, rows: slice) -> None:
        """Add the period's ties at the period's highest rung; note new and climbing ties."""
        assert step.graph is not None, "the active view always builds a graph"
        for a, b, rung, reached, before, first, last, count in zip(
            self.a[rows],
            self.b[rows],
            self.rung[rows].tolist(),
            self.reached[rows].tolist(),
            self.before[rows].tolist(),
            _datetimes(self.first[rows]),
            _datetimes(self.last[rows]),
            self.contacts[rows].tolist(),
        ):
            step.graph.add_edge(
                a, b, rung=rung, first_contact=first, last_contact=last, contacts=count
            )
            if not before:
                step.new_ties.append((a, b))
                step.new_rungs.append(reached)
            elif reached > before:
                step.climbed.append((a, b, before, reached))


def _by_first_person(code_a: np.ndarray, size: int) -> list:
    """The rows in parts of about :data:`ROWS_AT_ONCE`, by ranges of their first person (all
    rows as one slice when they are fewer), so that the work on each part needs little
    memory however many rows there are."""
    if len(code_a) <= ROWS_AT_ONCE:
        return [slice(None)]
    rows_before = np.cumsum(np.bincount(code_a, minlength=size))
    cuts = np.searchsorted(rows_before, np.arange(ROWS_AT_ONCE, len(code_a), ROWS_AT_ONCE))
    ranges = zip(np.r_[0, cuts + 1], np.r_[cuts + 1, size])
    return [np.flatnonzero((code_a >= low) & (code_a < high)) for low, high in ranges]


def _reached_before(
    period: np.ndarray, pair: np.ndarray, rung: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For rows in the order of their periods, at most one a period for each ``pair``: each
    row's pair's highest ``rung`` so far, its own included (reached), and before it (0 for the
    pair's first row). The pairs are numbered, then each period's rows look up and raise
    their pair's highest rung (``best``) all at once.

    >>> _reached_before(np.array([0, 0, 1, 2]), np.array([7, 9, 7, 7]), np.array([2, 1, 1, 3]))
    (array([2, 1, 2, 3]), array([0, 0, 2, 2]))
    """
    tie, _ = pd.factorize(pair)
    best = np.zeros(int(tie.max(initial=-1)) + 1, dtype=rung.dtype)
    reached, before = np.empty_like(rung), np.empty_like(rung)
    cuts = np.r_[0, np.flatnonzero(np.diff(period)) + 1, len(period)]
    for start, stop in itertools.pairwise(cuts):
        ties = tie[start:stop]
        before[start:stop] = best[ties]
        reached[start:stop] = best[ties] = np.maximum(before[start:stop], rung[start:stop])
    return reached, before


def _datetimes(moments: np.ndarray) -> np.ndarray:
    """datetime64 values as :class:`datetime.datetime` objects, converted in one go."""
    return pd.DatetimeIndex(moments).to_pydatetime()
