"""The current view: each tie at the rung of its latest evidence, so ties can decline and end.

Three views of a tie, side by side (the first two in :mod:`contactladder.network.ladder_network`):

- *reached* at a moment t: the highest rung of the pair's contacts before t; it only rises;
- *active* in a period: the pair had a contact in the period, at its highest rung there;
- *current* at a moment t: the pair had a contact in the lapse window before t
  (``t - lapse <= date < t``; ``lapse`` is :data:`DEFAULT_LAPSE` unless given), at the highest
  rung of those contacts. When the window passes without a contact the tie has *ended*; a later
  contact starts it again. In wave data walked by wave (``freq="wave"``) the current rung is the
  rung reported in the latest wave, and a tie not reported in a wave in which both people took
  part has ended (:mod:`contactladder.network.waves`).

Period by period the current view is measured at each period's end. Between the ends of two
consecutive periods a tie is

- *new*: current now and not at the previous end (a first tie, or one that came back);
- *ended*: current at the previous end and not now;
- *climbed* / *declined*: current at both ends, its rung now higher / lower;

so the ties at a period's end are those at the previous end, plus the new, minus the ended.
People are present as in the reached view (from joining, or their first contact): a person whose
ties have all ended is present and alone.

Examples
--------
One tie met at "delen" in January and at "kennen" in March, with a lapse of 40 days:

>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading import Dataset
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-25", "2024-03-20"]),
...     "person_a": "ann", "person_b": "bo", "rung": [3, 1], "activity": "", "wijk": "",
...     "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> [(s.label, sorted(s.graph.edges(data="rung")), len(s.new_ties), len(s.ended))
...  for s in current_walk(net, "month", lapse="40d")]  # doctest: +NORMALIZE_WHITESPACE
[('2024-01', [('ann', 'bo', 3)], 1, 0), ('2024-02', [('ann', 'bo', 3)], 0, 0),
 ('2024-03', [('ann', 'bo', 1)], 0, 0)]
>>> [(s.label, len(s.ended)) for s in current_walk(net, "month", lapse="20d")]
[('2024-01', 0), ('2024-02', 1), ('2024-03', 0)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading.coded import sorted_distinct
from contactladder.network.calendar import WAVE, Calendar, current_steps, note_changes, tie_edges
from contactladder.network.periods import Step
from contactladder.network.waves import wave_current_walk

if TYPE_CHECKING:  # the network calls this module; the module only reads the network
    from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "VIEWS",
    "DEFAULT_LAPSE",
    "CHANGES",
    "check_view",
    "parse_lapse",
    "current_ties",
    "current_walk",
    "CurrentTies",
    "current_by_period",
]

#: The three views of a tie.
VIEWS = ("reached", "active", "current")

#: How long a tie stays current after its last contact, unless told otherwise.
DEFAULT_LAPSE = "180d"
# A duration as written: a number and a unit (seconds, minutes, hours, days, weeks).
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|min|h|d|w)", re.IGNORECASE)
_UNITS = {"s": "s", "min": "min", "h": "h", "d": "D", "w": "W"}
#: How a tie can change between two ends, by the names of the growth table's columns.
CHANGES = ("new_ties", "climbed", "declined", "ended_ties")


def check_view(view: object) -> str:
    """``view`` when it is one of :data:`VIEWS`.

    Raises
    ------
    UsageError
        For any other value.

    >>> check_view("current")
    'current'
    """
    if view not in VIEWS:
        raise UsageError("unknown view", value=view, hint="use reached, active or current")
    return str(view)


def parse_lapse(lapse: object) -> pd.Timedelta:
    """The lapse window as a positive duration: ``"180d"``, ``"26W"``, ``"12h"`` or a Timedelta.

    Raises
    ------
    UsageError
        For anything that is not a positive duration, naming the parameter ``lapse``.

    Examples
    --------
    >>> parse_lapse("180d"), parse_lapse(pd.Timedelta(hours=12))
    (Timedelta('180 days 00:00:00'), Timedelta('0 days 12:00:00'))
    >>> parse_lapse("soon")
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: not a duration 'soon'; write lapse as a number and a unit, \
such as 180d, 26W or 12h
    """
    window = pd.NaT
    written = _DURATION.fullmatch(lapse.strip()) if isinstance(lapse, str) else None
    if written:
        window = pd.Timedelta(float(written[1]), unit=_UNITS[written[2].lower()])
    elif isinstance(lapse, timedelta):  # a pandas Timedelta too
        window = pd.Timedelta(lapse)
    if window is pd.NaT or window <= pd.Timedelta(0):
        raise UsageError(
            "not a duration",
            value=lapse,
            hint="write {lapse} as a number and a unit, such as 180d, 26W or 12h",
        )
    return window


def current_ties(
    contacts: pd.DataFrame, ends: pd.DatetimeIndex, *, lapse: object = DEFAULT_LAPSE
) -> pd.DataFrame:
    """The ties current at each moment of ``ends``, one row per moment and tie.

    Parameters
    ----------
    contacts : DataFrame
        ``date, person_a, person_b, rung``.
    ends : DatetimeIndex
        The moments, sorted (the ends of the periods of a walk).
    lapse : str or Timedelta
        The lapse window (:func:`parse_lapse`).

    Returns
    -------
    DataFrame
        ``step`` (the position of the moment in ``ends``), ``person_a, person_b``, ``rung``
        (the highest rung of the window's contacts), ``first_contact, last_contact``
        and ``contacts`` (of the window), sorted by step and pair.

    Notes
    -----
    Each contact counts at every moment within ``lapse`` after it, so the work is in
    proportion to the contacts times the periods a lapse window spans (plus one).

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-20"]),
    ...     "person_a": "a", "person_b": "b", "rung": [4, 2]})
    >>> ends = pd.DatetimeIndex(["2024-02-01", "2024-03-01", "2024-04-01"])
    >>> current_ties(contacts, ends, lapse="45d")[["step", "rung", "contacts"]].values.tolist()
    [[0, 4, 1], [1, 2, 1], [2, 2, 1]]
    """
    window = parse_lapse(lapse)
    dates = contacts["date"].to_numpy(dtype="datetime64[ns]")
    moments = ends.to_numpy(dtype="datetime64[ns]")
    first = np.searchsorted(moments, dates, side="right")  # the first moment after the contact
    last = np.searchsorted(moments, dates + window.to_timedelta64(), side="right") - 1
    counts = np.maximum(last - first + 1, 0)
    rows = np.repeat(np.arange(len(dates)), counts)
    offsets = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    expanded = pd.DataFrame(
        {
            "step": first[rows] + offsets,
            "person_a": contacts["person_a"].to_numpy()[rows],
            "person_b": contacts["person_b"].to_numpy()[rows],
            "rung": contacts["rung"].to_numpy()[rows],
            "date": dates[rows],
        }
    )
    table = expanded.groupby(["step", "person_a", "person_b"], sort=True).agg(
        rung=("rung", "max"),
        first_contact=("date", "min"),
        last_contact=("date", "max"),
        contacts=("rung", "size"),
    )
    return table.reset_index()


def current_walk(
    net: LadderNetwork, freq: str = "month", *, lapse: object = DEFAULT_LAPSE, graph: bool = True
) -> Iterator[Step]:
    """Walk the periods in the current view, one :class:`~contactladder.network.periods.Step`
    each, from the period of the first contact to that of the last.

    Each step's ``graph`` is a new graph of the people present by the period's end and the ties
    current then (edges ``rung, first_contact, last_contact, contacts`` of the lapse window);
    ``joined`` the people who became present; ``new_ties`` / ``new_rungs``, ``climbed``,
    ``declined`` and ``ended`` compare the ties current at the period's end with those at the
    previous end (see the module docstring), each list in the order of the pairs' ids. With
    ``graph=False`` no graph is built (``step.graph`` is None) and the ties are followed on
    codes (:func:`current_by_period`): the same changes, in a tenth of the time. With
    ``freq="wave"`` the walk is that of a panel (:func:`~contactladder.network.waves.
    wave_current_walk`: the rung of the latest wave, with graphs; ``lapse`` is not used).

    Raises
    ------
    UsageError
        For an unknown ``freq`` or a ``lapse`` that is not a duration.
    """
    window = parse_lapse(lapse)
    if freq == WAVE:
        yield from wave_current_walk(net)
        return
    periods = net.calendar(freq)
    if not len(periods):
        return
    if not graph:
        yield from _changes_only(net, periods, window)
        return
    table = current_ties(net.contact_rows(), periods.ends, lapse=window)
    bounds = np.searchsorted(table["step"].to_numpy(), np.arange(len(periods) + 1))
    before: dict = {}
    for number, step in enumerate(current_steps(net, periods)):
        now = tie_edges(table.iloc[bounds[number] : bounds[number + 1]])
        note_changes(step, before, now)
        before = now
        yield step


def _changes_only(net: LadderNetwork, periods: Calendar, lapse: pd.Timedelta) -> Iterator[Step]:
    """The steps of :func:`current_walk` without graphs, from :func:`current_by_period`."""
    ids = net.contact_ends()[0].to_numpy(dtype=object)
    joining = net.joins(periods)
    for number, ties in enumerate(current_by_period(net, periods, lapse=lapse)):
        step = periods.step(number, None)
        step.joined = joining.get(number, [])
        found = {}
        for key, (a, b, old, new) in ties.changes.items():
            ends = (ids[a].tolist(), ids[b].tolist())
            # Each pair as the contacts hold it (the lower id first), the pairs in that order.
            pairs = [(u, v) if u < v else (v, u) for u, v in zip(*ends)]
            found[key] = sorted(zip(pairs, old.tolist(), new.tolist()))
        step.new_ties = [pair for pair, _, _ in found["new_ties"]]
        step.new_rungs = [new for _, _, new in found["new_ties"]]
        step.climbed = [(*pair, old, new) for pair, old, new in found["climbed"]]
        step.declined = [(*pair, old, new) for pair, old, new in found["declined"]]
        step.ended = [(*pair, old) for pair, old, _ in found["ended_ties"]]
        yield step


class CurrentTies(NamedTuple):
    """The ties current at one period's end, people as positions in the people's order (those
    of :meth:`~contactladder.network.LadderNetwork.contact_ends`): each tie's two ends and
    rung, and for each of :data:`CHANGES` the ties that changed so since the previous end:
    their two ends, their rung then (0: none) and now."""

    a: np.ndarray
    b: np.ndarray
    rung: np.ndarray
    changes: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]


def current_by_period(
    net: LadderNetwork, periods: Calendar, *, lapse: object = DEFAULT_LAPSE
) -> Iterator[CurrentTies]:
    """The ties current at the end of each of ``periods`` (calendar periods: not waves) and how
    they changed, as :func:`current_walk` finds them, on integer codes and without graphs.

    A window of ``lapse`` slides over the contacts, sorted by date; each pair keeps a count of
    its contacts in the window at each rung, and only the pairs whose contacts came into it or
    left it are looked at again: the work is in proportion to the contacts, plus the ties
    current at each end, whatever the number of periods a lapse spans.

    Raises
    ------
    UsageError
        For a ``lapse`` that is not a duration.

    Examples
    --------
    The tie of the module's example, with a lapse of 20 days:

    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-25", "2024-03-20"]),
    ...     "person_a": "ann", "person_b": "bo", "rung": [3, 1], "activity": "", "wijk": "",
    ...     "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
    ...     "joined": pd.NaT}, index=pd.Index(["ann", "bo"], name="id"))
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading import Dataset
    >>> from contactladder.network import LadderNetwork
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
    >>> [(ties.rung.tolist(), [k for k, (a, *_) in ties.changes.items() if len(a)])
    ...  for ties in current_by_period(net, net.calendar("month"), lapse="20d")]
    [([3], ['new_ties']), ([], ['ended_ties']), ([1], ['new_ties'])]
    """
    window = parse_lapse(lapse).to_timedelta64()
    ids, one, other = net.contact_ends()
    size = max(len(ids), 1)
    pairs, pair = np.unique(
        np.minimum(one, other).astype(np.int64) * size + np.maximum(one, other), return_inverse=True
    )
    rung = net.contact_rows()["rung"].to_numpy(dtype=np.int64)
    top = int(rung.max(initial=0)) + 1  # the counts of a pair: one per rung, 0 .. the highest
    counts, unit = np.zeros((len(pairs), top), dtype=np.int32), np.int32(1)
    cell = pair * top + rung
    current = np.zeros(len(pairs), dtype=np.int64)  # each pair's current rung, 0: none
    dates = net.contact_rows()["date"].to_numpy(dtype="datetime64[ns]")
    ends = np.asarray(periods.ends, dtype="datetime64[ns]")
    # A contact is current at an end t when t - lapse <= date < t: the window [low, high).
    lows, highs = np.searchsorted(dates, ends - window), np.searchsorted(dates, ends)
    low = high = 0
    for new_low, new_high in zip(lows.tolist(), highs.tolist()):
        came = slice(max(high, new_low), new_high)
        went = slice(low, min(high, new_low))
        # One of the counts' own type: numpy adds a value of another type many times slower.
        np.add.at(counts.reshape(-1), cell[came], unit)
        np.subtract.at(counts.reshape(-1), cell[went], unit)
        touched = sorted_distinct(np.concatenate([pair[came], pair[went]]))
        held = counts[touched, ::-1] > 0  # the highest rung first
        now = np.where(held.any(axis=1), top - 1 - held.argmax(axis=1), 0)
        old = current[touched]
        current[touched] = now
        changed = {
            "new_ties": (old == 0) & (now > 0),
            "climbed": (old > 0) & (now > old),
            "declined": (now > 0) & (now < old),
            "ended_ties": (old > 0) & (now == 0),
        }
        tied = np.flatnonzero(current)
        yield CurrentTies(
            pairs[tied] // size,
            pairs[tied] % size,
            current[tied],
            {
                key: (*divmod(pairs[touched[mask]], size), old[mask], now[mask])
                for key, mask in changed.items()
            },
        )
        low, high = new_low, new_high
