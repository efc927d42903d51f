"""The period walk: periods by name, their ISO labels, and contacts grouped by period and pair.

A *period* is a day, an ISO week (Monday to Sunday), a month, a quarter or a year: the names of
:data:`FREQUENCIES`; or a *wave* of a panel (:data:`WAVE`, :mod:`contactladder.network.waves`),
whatever the spacing of the waves. A :class:`~contactladder.network.calendar.Calendar` holds
the periods of one walk. A walk over periods (:meth:`LadderNetwork.periods
<contactladder.network.LadderNetwork.periods>`) yields one :class:`Step` per period, from the
period of the first contact to that of the last, empty periods included.

In a step a tie is *new* when its first contact is in the period, and *climbs* when it existed
before and its reached rung (the highest rung of its contacts so far) went up in the period.
:class:`PeriodPairs` works this out for all periods at once, so a walk only touches the graph.

Examples
--------
>>> import pandas as pd
>>> period_label(pd.Period("2024-03-13", "W")), period_label(pd.Period("2024-02", "Q"))
('2024-W11', '2024Q1')
>>> pandas_frequency("quarter")
'Q'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading.dates import parse_written_date

__all__ = [
    "FREQUENCIES",
    "WAVE",
    "PERIOD_NAMES",
    "Step",
    "PairRows",
    "PeriodPairs",
    "period_label",
    "label_period",
    "pandas_frequency",
    "parse_moment",
]

#: Period names (the ``freq`` of a walk), and pandas' frequency for each.
FREQUENCIES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
#: The period name of a panel's waves (not a pandas frequency: waves come from the data, see
#: :mod:`contactladder.network.waves`).
WAVE = "wave"
#: Every period name a walk takes.
PERIOD_NAMES = (*FREQUENCIES, WAVE)
#: How many rows of :class:`PairRows` get their rungs reached in one go: it bounds the
#: memory of that step (about 50 bytes a row) at any size.
ROWS_AT_ONCE = 8_000_000


@dataclass
class Step:
    """One period of :meth:`LadderNetwork.periods <contactladder.network.LadderNetwork.periods>`.

    Attributes
    ----------
    period : pandas.Period
    label : str
        ISO text: ``2024-03-15``, ``2024-W11``, ``2024-03``, ``2024Q1`` or ``2024``.
    start, end : pandas.Timestamp
        The period is ``start <= date < end``.
    graph : networkx.Graph or None
        Reached view: the network up to ``end``, the same graph object at every step, updated
        in place (copy it to keep it); None when the walk builds no graph. Active view: a new
        graph of the period's ties. Current view: a new graph of the ties current at ``end``.
    joined : list
        People who became present in this period.
    new_ties : list of (u, v)
        Ties whose first contact is in this period.
    new_rungs : list of int
        The rung each of ``new_ties`` has reached by the end of the period.
    climbed : list of (u, v, old_rung, new_rung)
        Ties that existed before and whose reached rung went up in this period (current view:
        whose current rung went up).
    declined : list of (u, v, old_rung, new_rung)
        Current view only: ties current at both ends whose current rung went down.
    ended : list of (u, v, old_rung)
        Current view only: ties current at the previous end and not at this one (see
        :mod:`contactladder.network.current`).
    missing : list
        Waves only: the people present who did not take part in this wave, sorted (see
        :mod:`contactladder.network.waves`); empty for calendar periods.

    Examples
    --------
    >>> period = pd.Period("2024-03", "M")
    >>> step = Step(period, period_label(period), period.start_time, (period + 1).start_time,
    ...             None)
    >>> step.label, step.end, step.new_ties
    ('2024-03', Timestamp('2024-04-01 00:00:00'), [])
    """

    period: pd.Period
    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    graph: nx.Graph | None
    joined: list = field(default_factory=list)
    new_ties: list = field(default_factory=list)
    new_rungs: list = field(default_factory=list)
    climbed: list = field(default_factory=list)
    declined: list = field(default_factory=list)
    ended: list = field(default_factory=list)
    missing: list = field(default_factory=list)


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
            self.reached[rows], self.before[rows] = _reached_before(pair, rung[rows])

    def bounds(self, periods: int) -> np.ndarray:
        """Where each period's rows start, and where the last ends (``periods + 1`` numbers)."""
        return np.searchsorted(self.period, np.arange(periods + 1))


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
        period = periods.astype("int64")
        pair = codes[0].astype("int64") * size + codes[1]
        key = period * size * size + pair
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.diff(key, prepend=key[:1] - 1) != 0)  # each first row
        rung = contacts["rung"].to_numpy()[order]
        moment = contacts["date"].to_numpy()[order]
        key = key[starts]
        pair = key % (size * size)
        super().__init__(
            key // (size * size), pair // size, pair % size, np.maximum.reduceat(rung, starts)
        )
        self._names = names
        self.first = np.minimum.reduceat(moment, starts)
        self.last = np.maximum.reduceat(moment, starts)
        self.contacts = np.diff(np.r_[starts, len(order)])

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


def _reached_before(pair: np.ndarray, rung: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows in the order of their periods: each row's pair's highest ``rung`` so far, its
    own included (reached), and before it (0 for the pair's first row). The rows are put in
    the order of their pair (stably, so each pair's rows stay in period order), the running
    maximum taken over all rows at once with each pair's rungs lifted above the previous
    pair's, and put back."""
    order = np.argsort(pair, kind="stable")
    by_pair = pair[order]
    first = np.diff(by_pair, prepend=by_pair[:1] - 1) != 0
    lift = (np.cumsum(first) - 1) * (int(rung.max(initial=0)) + 1)
    running = np.maximum.accumulate(rung[order] + lift) - lift
    before = np.where(first, 0, np.r_[0, running[:-1]])
    reached, previous = np.empty_like(rung), np.empty_like(rung)
    reached[order], previous[order] = running, before
    return reached, previous


def period_label(period: pd.Period) -> str:
    """A period as ISO text.

    Parameters
    ----------
    period : pandas.Period

    Returns
    -------
    str
        ``2024-03-15``, ``2024-W11`` (ISO week and its year), ``2024-03``, ``2024Q1``, ``2024``.

    Examples
    --------
    >>> period_label(pd.Period("2024-12-30", "W")), period_label(pd.Period("2024-03", "M"))
    ('2025-W01', '2024-03')
    """
    if period.freqstr.startswith("W"):
        year, week, _ = period.start_time.isocalendar()
        return f"{year}-W{week:02d}"
    return str(period)


def label_period(label: str, freq: str) -> pd.Period:
    """The period of an ISO label of :func:`period_label`: its inverse, weeks included.

    Raises
    ------
    UsageError
        For an unknown ``freq`` or a label that is not one.

    Examples
    --------
    >>> label_period("2025-W01", "week"), label_period("2024Q1", "quarter")
    (Period('2024-12-30/2025-01-05', 'W-SUN'), Period('2024Q1', 'Q-DEC'))
    >>> all(label_period(period_label(p), "week") == p
    ...     for p in pd.period_range("2020-01-01", "2026-12-31", freq="W"))
    True
    """
    code = pandas_frequency(freq)
    try:
        if code == "W":
            year, week = label.split("-W")
            return pd.Period(date.fromisocalendar(int(year), int(week), 1), code)
        return pd.Period(label, code)
    except (ValueError, TypeError, AttributeError):
        raise UsageError("not a period label", value=label, hint=f"a {freq} as ISO text") from None


def pandas_frequency(freq: str) -> str:
    """pandas' frequency code for a period name of :data:`FREQUENCIES`.

    Raises
    ------
    UsageError
        For a name that is not a period.

    Examples
    --------
    >>> pandas_frequency("fortnight")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown period 'fortnight'; use one of day, week, month, ...
    """
    if freq == WAVE:
        raise UsageError(
            "waves are not calendar periods", value=freq, hint="they come from the data"
        )
    try:
        return FREQUENCIES[freq]
    except (KeyError, TypeError):
        raise UsageError(
            "unknown period", value=freq, hint="use one of " + ", ".join(PERIOD_NAMES)
        ) from None


def _datetimes(moments: np.ndarray) -> np.ndarray:
    """datetime64 values as :class:`datetime.datetime` objects, converted in one go."""
    return pd.DatetimeIndex(moments).to_pydatetime()


# How to write each parameter that is a moment.
# How to write a date given to a parameter (named in the hint as "{" + name + "}").
_DATE_FORMS = "as YYYY-MM-DD or DD-MM-YYYY (or with HH:MM)"


# The last moment a period walk can count up to (a year before pandas' last day).
_LAST = pd.Timestamp.max - pd.Timedelta(days=366)


def parse_moment(value: object, name: str) -> pd.Timestamp:
    """``value`` as a moment without time zone (its clock time kept), for the parameter
    ``name``.

    Text is read as ``YYYY-MM-DD`` (any ISO form) or ``DD-MM-YYYY``, with an optional time, and
    nothing else: ``09-11-2026`` is 9 November. A date or datetime object is taken as it is.

    >>> parse_moment("2024-03-01T10:00+01:00", "as_of"), parse_moment("09-11-2026", "end")
    (Timestamp('2024-03-01 10:00:00'), Timestamp('2026-11-09 00:00:00'))

    Raises
    ------
    UsageError
        If ``value`` is not a date written so, naming the parameter.
    """
    if isinstance(value, str):
        moment = parse_written_date(value)
    elif isinstance(value, (int, float, bool)) or value is None:
        moment = pd.NaT
    else:
        try:
            moment = pd.Timestamp(value)
        except (ValueError, TypeError, OverflowError):
            moment = pd.NaT
    if moment is not pd.NaT and not pd.Timestamp.min <= moment.replace(tzinfo=None) <= _LAST:
        moment = pd.NaT  # a year pandas cannot count in (before 1678 or after 2261)
    if moment is pd.NaT:
        raise UsageError("not a date", value=value, hint="write {" + name + "} " + _DATE_FORMS)
    moment = moment.tz_localize(None) if moment.tzinfo is not None else moment
    return moment.as_unit("ns")
