"""The rung spells of a GEXF export: when each tie is at which rung, as exported.

Definitions (see :mod:`contactladder.io.gexf` for how they are written):

- *reached* spells (:func:`rung_spells`): a tie's reached rung from each day (second, with
  times of day) it rose; rises on the same day count once, at the highest rung; each spell
  runs to the start of the next, the last one does not end;
- *current* spells (:func:`current_spells`): a tie's current rung (the highest of its contacts
  within the lapse window, :mod:`contactladder.network.current`); a contact on day ``d`` counts
  through ``d + lapse - 1 day`` (with times of day, to the second), so the tie is current on
  a day when the moment at the day's end is within ``lapse`` after the contact; where no
  contact counts the tie has ended, and there is no spell.

Both are worked out as a *spell table* (:func:`spell_table`): one row per spell, sorted by
the tie's two ends in the export's order and then by start, with ``tie`` the tie's number
(``low * people + high``, the positions of its two ends in the export), so that a writer walks
the ties and their spells side by side.

Examples
--------
>>> from contactladder.io.network_tables import _example
>>> [(str(day.date()), level) for day, level in rung_spells(_example())["n1", "n2"]]
[('2024-01-05', 1), ('2024-02-09', 3)]
"""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from contactladder.io.network_tables import export_ids
from contactladder.io.values import has_time
from contactladder.network.current import DEFAULT_LAPSE, parse_lapse
from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "Spells",
    "SPELL_COLUMNS",
    "rung_spells",
    "current_spells",
    "spell_table",
    "spell_times",
    "tie_numbers",
]

#: A tie's spells as written: ``(start, end, level)``, ``end`` None for a spell still running.
Spells = dict[tuple[str, str], list[tuple[pd.Timestamp, "pd.Timestamp | None", int]]]
#: The columns of :func:`spell_table`.
SPELL_COLUMNS = ("tie", "source", "target", "start", "end", "level")
# The end of a spell still running, as an integer moment (NaT's own).
_RUNNING = np.iinfo(np.int64).min


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
    table = spell_table(net, as_of=as_of, anonymize=anonymize)
    spells: dict = {}
    for source, target, start, level in zip(
        table["source"], table["target"], table["start"], table["level"].tolist()
    ):
        spells.setdefault((source, target), []).append((start, level))
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
    table = spell_table(net, as_of=as_of, anonymize=anonymize, view="current", lapse=lapse)
    spells: Spells = {}
    for source, target, start, end, level in zip(
        table["source"], table["target"], table["start"], table["end"], table["level"].tolist()
    ):
        spells.setdefault((source, target), []).append(
            (start, None if pd.isna(end) else end, level)
        )
    return spells


def spell_table(
    net: LadderNetwork,
    *,
    as_of: object = None,
    anonymize: bool = True,
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> pd.DataFrame:
    """One row per spell of the ``view`` (reached or current): :data:`SPELL_COLUMNS`, ``end``
    NaT for a spell still running; sorted by ``tie`` (see the module) and ``start``.

    Raises
    ------
    UsageError
        If ``lapse`` is not a duration (current view).

    >>> from contactladder.io.network_tables import _example
    >>> spell_table(_example())[["source", "target", "level"]].values.tolist()
    [['n1', 'n2', 1], ['n1', 'n2', 3]]
    """
    present = net.present_from.index[net.present_from < net.cutoff(as_of)]
    ids = export_ids(net, present, anonymize=anonymize)
    table = spell_times(net, ids, as_of=as_of, view=view, lapse=lapse)
    if not len(table):
        return pd.DataFrame(columns=list(SPELL_COLUMNS))
    exported = np.array(list(ids.values()), dtype=object)
    tie = table["tie"].to_numpy()
    table.insert(1, "source", exported[tie // len(ids)])
    table.insert(2, "target", exported[tie % len(ids)])
    return table


def spell_times(
    net: LadderNetwork,
    ids: dict,
    *,
    as_of: object = None,
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> pd.DataFrame:
    """:func:`spell_table` without the two ends' ids: ``tie, start, end, level``, for the
    export's ``ids`` (:func:`~contactladder.io.network_tables.export_ids` of the people
    present by ``as_of``).

    Raises
    ------
    UsageError
        If ``lapse`` is not a duration (current view).

    >>> from contactladder.io.network_tables import _example, export_ids
    >>> net = _example()
    >>> spell_times(net, export_ids(net, ["ann", "cem"]))["level"].tolist()
    [1, 3]
    """
    window = parse_lapse(lapse) if view == "current" else None
    cutoff = net.cutoff(as_of)
    if view == "current":
        rows = net.contact_rows(before=cutoff) if net.has_contacts else None
    else:
        rows = net.rung_history()
        rows = rows[rows["date"] < cutoff]
    if rows is None or not len(rows):
        return pd.DataFrame(columns=["tie", "start", "end", "level"])
    with_time = has_time(rows["date"]) or has_time(net.present_from)
    unit = "s" if with_time else "D"
    dates = rows["date"].dt.floor(unit).to_numpy(dtype="datetime64[ns]").astype(np.int64)
    tie = tie_numbers(ids, rows["person_a"], rows["person_b"])
    levels = rows["rung"].to_numpy(dtype=np.int64)
    order = np.lexsort((dates, tie))
    tie, dates, levels = tie[order], dates[order], levels[order]
    if window is None:
        tie, start, end, levels = _reached(tie, dates, levels)
    else:
        step = int(pd.Timedelta(1, unit=unit).value)
        last = (net.end if as_of is None else cutoff - pd.Timedelta(step)).floor(unit)
        keep = int(window.value) - step
        tie, start, end, levels = _current(tie, dates, levels, keep, step, int(last.value))
    return pd.DataFrame(
        {
            "tie": tie,
            "start": start.view("datetime64[ns]"),
            "end": end.view("datetime64[ns]"),
            "level": levels,
        }
    )


def tie_numbers(ids: dict, person_a: pd.Series, person_b: pd.Series) -> np.ndarray:
    """Each tie's number ``low * len(ids) + high``, from the positions of its two people in
    ``ids`` (person -> exported id, in the export's order): sorted as the ties table is."""
    ends = pd.Index(list(ids))
    a, b = ends.get_indexer(person_a), ends.get_indexer(person_b)
    return np.minimum(a, b).astype(np.int64) * len(ids) + np.maximum(a, b)


def _reached(tie: np.ndarray, dates: np.ndarray, levels: np.ndarray) -> tuple:
    """Reached spells from the rises (sorted by tie and date): rises on the same moment count
    once, at the last (highest); each spell ends where the next one of its tie starts."""
    last_of_moment = np.ones(len(tie), dtype=bool)
    last_of_moment[:-1] = (tie[1:] != tie[:-1]) | (dates[1:] != dates[:-1])
    tie, dates, levels = tie[last_of_moment], dates[last_of_moment], levels[last_of_moment]
    end = np.full(len(tie), _RUNNING, dtype=np.int64)
    same = tie[1:] == tie[:-1]
    end[:-1][same] = dates[1:][same]
    return tie, dates, end, levels


def _current(
    tie: np.ndarray, dates: np.ndarray, levels: np.ndarray, keep: int, step: int, last: int
) -> tuple:
    """Current spells, tie by tie (:func:`_current_stretches` on each tie's contacts)."""
    bounds = np.flatnonzero(np.r_[True, tie[1:] != tie[:-1], True])
    ties, dates_, levels_ = tie.tolist(), dates.tolist(), levels.tolist()
    rows: list = []
    for first, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        number = ties[first]
        rows += [
            (number, *spell)
            for spell in _current_stretches(
                dates_[first:stop], levels_[first:stop], keep, step, last
            )
        ]
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    tie_, start, end, level = (np.array(column, dtype=np.int64) for column in zip(*rows))
    return tie_, start, end, level


def _current_stretches(
    dates: list[int], rungs: list[int], keep: int, step: int, last: int
) -> list[tuple[int, int, int]]:
    """One tie's ``(start, end, level)`` spells up to ``last`` (moments as integers, ``end``
    NaT's integer for a spell still running): each contact counts from its date through
    ``date + keep``, and at each moment the level is the highest counting.

    A sweep over the moments where the level can change, with a heap of the contacts that
    count (highest rung on top; those past their end are dropped when they come up).
    """
    if keep < 0:
        return []
    lived = sorted((d, d + keep, r) for d, r in zip(dates, rungs))
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
            end = _RUNNING
        elif following[1]:
            end = following[0]  # a new rung: the spells touch
        else:
            end = following[0] - step  # ended: the last moment current
        spells.append((moment, end, level))
    return spells
