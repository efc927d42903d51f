"""The period walk: periods by name, their ISO labels, and contacts grouped by period and pair.

A *period* is a day, an ISO week (Monday to Sunday), a month, a quarter or a year: the names of
:data:`FREQUENCIES`; or a *wave* of a panel (:data:`WAVE`, :mod:`contactladder.network.waves`),
whatever the spacing of the waves. A :class:`~contactladder.network.calendar.Calendar` holds
the periods of one walk. A walk over periods (:meth:`LadderNetwork.periods
<contactladder.network.LadderNetwork.periods>`) yields one :class:`Step` per period, from the
period of the first contact to that of the last, empty periods included.

In a step a tie is *new* when its first contact is in the period, and *climbs* when it existed
before and its reached rung (the highest rung of its contacts so far) went up in the period.
:class:`~contactladder.network.pair_rows.PeriodPairs` works this out for all periods at once,
so a walk only touches the graph.

Examples
--------
>>> import pandas as pd
>>> period_label(pd.Period("2024-03-13", "W")), period_label(pd.Period("2024-02", "Q"))
('2024-W11', '2024Q1')
>>> pandas_frequency("quarter")
'Q'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading.dates import parse_written_date

__all__ = [
    "FREQUENCIES",
    "WAVE",
    "PERIOD_NAMES",
    "Step",
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
