"""The rung spells of a GEXF export: when each tie is at which rung, as exported.

Definitions (see :mod:`contactladder.io.gexf` for how they are written):

- *reached* spells (:func:`rung_spells`): a tie's reached rung from each day (second, with
  times of day) it rose; rises on the same day count once, at the highest rung; each spell
  runs to the start of the next (:func:`touching`), the last one does not end;
- *current* spells (:func:`current_spells`): a tie's current rung (the highest of its contacts
  within the lapse window, :mod:`contactladder.network.current`); a contact on day ``d`` counts
  through ``d + lapse - 1 day`` (with times of day, to the second), so the tie is current on
  a day when the moment at the day's end is within ``lapse`` after the contact; where no
  contact counts the tie has ended, and there is no spell.

Examples
--------
>>> from contactladder.io.network_tables import _example
>>> [(str(day.date()), level) for day, level in rung_spells(_example())["n1", "n2"]]
[('2024-01-05', 1), ('2024-02-09', 3)]
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

import pandas as pd

from contactladder.io.network_tables import export_ids
from contactladder.io.values import has_time
from contactladder.network.current import DEFAULT_LAPSE, parse_lapse
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["Spells", "rung_spells", "current_spells", "touching"]

#: A tie's spells as written: ``(start, end, level)``, ``end`` None for a spell still running.
Spells = dict[tuple[str, str], list[tuple[pd.Timestamp, "pd.Timestamp | None", int]]]


def rung_spells(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True
) -> dict[tuple[str, str], list[tuple[pd.Timestamp, int]]]:
    """(source, target) as exported -> [(date, level), ...]: when each tie reached each rung.

    Rises on the same day (same second with times of day) are merged into the highest.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> [(str(day.date()), level) for day, level in rung_spells(_example())["n1", "n2"]]
    [('2024-01-05', 1), ('2024-02-09', 3)]
    """
    history = net.rung_history()
    history = history[history["date"] < net.cutoff(as_of)]
    if not len(history):
        return {}
    with_time = has_time(history["date"]) or has_time(net.present_from)
    history = history.assign(date=history["date"].dt.floor("s" if with_time else "D"))
    history = history.drop_duplicates(["person_a", "person_b", "date"], keep="last")
    exported = _exported_pair(net, as_of, anonymize)
    spells: dict = {}
    for a, b, date, level in history.itertuples(index=False):
        spells.setdefault(exported(a, b), []).append((date, int(level)))
    return spells


def current_spells(
    net: LadderNetwork,
    *,
    as_of: object = None,
    anonymize: bool = True,
    lapse: object = DEFAULT_LAPSE,
) -> Spells:
    """(source, target) as exported -> [(start, end, level), ...]: each tie's rung in the
    current view, a spell per stretch of one rung, ``end`` inclusive (None: still running at
    the end of the data or of ``as_of``); where the tie has ended there is no spell.

    A contact on day ``d`` keeps its tie current from ``d`` through the last day whose end is
    within ``lapse`` after ``d`` (``d + lapse - 1 day``; with times of day, to the second).

    Raises
    ------
    UsageError
        If ``lapse`` is not a duration.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> [(str(a.date()), b and str(b.date()), level)
    ...  for a, b, level in current_spells(_example(), lapse="20d")["n1", "n2"]]
    [('2024-01-05', '2024-01-24', 1), ('2024-02-09', None, 3)]
    """
    window = parse_lapse(lapse)
    cutoff = net.cutoff(as_of)
    contacts = net.contact_rows(before=cutoff) if net.has_contacts else None
    if contacts is None or not len(contacts):
        return {}
    with_time = has_time(contacts["date"]) or has_time(net.present_from)
    step = pd.Timedelta(seconds=1) if with_time else pd.Timedelta(days=1)
    last = (net.end if as_of is None else cutoff - step).floor("s" if with_time else "D")
    contacts = contacts.assign(date=contacts["date"].dt.floor("s" if with_time else "D"))
    exported = _exported_pair(net, as_of, anonymize)
    spells: Spells = {}
    for (a, b), rows in contacts.groupby(["person_a", "person_b"], sort=False):
        stretches = _current_stretches(rows["date"], rows["rung"], window - step, step, last)
        if stretches:
            spells[exported(a, b)] = stretches
    return spells


def _current_stretches(
    dates: pd.Series, rungs: pd.Series, keep: pd.Timedelta, step: pd.Timedelta, last: object
) -> list[tuple[pd.Timestamp, pd.Timestamp | None, int]]:
    """One tie's ``(start, end, level)`` spells up to ``last``: each contact counts from its
    date through ``date + keep``, and at each moment the level is the highest counting.

    A sweep over the moments where the level can change, with a heap of the contacts that
    count (highest rung on top; those past their end are dropped when they come up).
    """
    if keep < pd.Timedelta(0):
        return []
    lived = sorted((d, d + keep, int(r)) for d, r in zip(dates, rungs))
    moments = sorted({m for start, end, _ in lived for m in (start, end + step) if m <= last})
    counting: list = []
    runs: list = []  # (moment, level) where the level changes
    given = 0
    for moment in moments:
        while given < len(lived) and lived[given][0] <= moment:
            heapq.heappush(counting, (-lived[given][2], lived[given][1]))
            given += 1
        while counting and counting[0][1] < moment:
            heapq.heappop(counting)
        level = -counting[0][0] if counting else 0
        if not runs or runs[-1][1] != level:
            runs.append((moment, level))
    spells: list = []
    for number, (moment, level) in enumerate(runs):
        if not level:
            continue
        following = runs[number + 1] if number + 1 < len(runs) else None
        if following is None:
            end = None
        elif following[1]:
            end = following[0]  # a new rung: the spells touch
        else:
            end = following[0] - step  # ended: the last moment current
        spells.append((moment, end, level))
    return spells


def touching(spells: dict) -> Spells:
    """Reached rung spells as ``(start, end, level)``: each ends where the next starts."""
    return {
        pair: [
            (date, history[k + 1][0] if k + 1 < len(history) else None, level)
            for k, (date, level) in enumerate(history)
        ]
        for pair, history in spells.items()
    }


def _exported_pair(net: LadderNetwork, as_of: object, anonymize: bool) -> Callable:
    """``(a, b) -> (source, target)`` as exported: the ids of the export, in their order."""
    ids = export_ids(net, net.snapshot(as_of).nodes, anonymize=anonymize)
    order = {person: number for number, person in enumerate(ids)}

    def exported(a: object, b: object) -> tuple[str, str]:
        a, b = sorted((a, b), key=order.__getitem__)
        return ids[a], ids[b]

    return exported
