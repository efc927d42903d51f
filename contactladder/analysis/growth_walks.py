"""The growth table's walks over the periods, one per view, counted on integer codes.

People are positions in the people's order (that of ``net.column``); a table's groups are
:class:`Groups`: each group's people and, for any ties, each tie's group. A walk yields one
:class:`PeriodFigures` per period: the period and, for each group, the row of figures of
:mod:`contactladder.analysis.growth` without its labels.

- the reached view is one walk over all periods (:func:`reached_walk`);
- the active view counts each period's ties as a network of its own (:func:`snapshot_walk`),
  and the current view the ties current at each period's end (:func:`current_walk`, from
  :func:`~contactladder.network.current.current_by_period`; for waves, the steps of
  :func:`~contactladder.network.current.current_walk`).

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> groups = Groups.of(net, None)
>>> first = next(reached_walk(net, "quarter", groups))
>>> first.label, bool(first.rows[None]["ties"] > 0)
('2024Q1', True)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from contactladder.analysis.growth_counts import (
    FOCAL,
    KINDS,
    OTHER,
    PROFESSIONAL,
    TIE_TYPES,
    tie_type_columns,
    tie_types,
    walk_figures,
)
from contactladder.network import CountedNetwork, StreamedNetwork
from contactladder.network.calendar import Calendar
from contactladder.network.current import current_by_period
from contactladder.network.pair_rows import PairRows
from contactladder.network.periods import WAVE, Step
from contactladder.words.roles import role_key

__all__ = [
    "Groups",
    "PeriodFigures",
    "reached_walk",
    "snapshot_walk",
    "current_walk",
    "NO_GROUP",
    "TIE_TYPE",
]

NO_GROUP = "(none)"
#: ``by`` for a row per tie type (the network of the ties of that type and the people of its
#: roles) instead of per value of a people column.
TIE_TYPE = "tie_type"


@dataclass
class Groups:
    """The groups of a growth table on codes.

    Attributes
    ----------
    names : list
        The groups in the table's order (``[None]``: everyone, no groups).
    members : list of ndarray
        The positions of each group's people.
    kinds : ndarray
        Each person's :data:`~contactladder.analysis.growth_counts.KINDS` code.
    ids : pandas.Index
        The people's ids, in the order of the positions.
    """

    names: list
    members: list
    kinds: np.ndarray
    ids: pd.Index
    _person_group: np.ndarray | None = None  # a people column's group of each person
    _type_group: np.ndarray | None = None  # the group of each tie type (-1: none)

    @classmethod
    def of(cls, net: CountedNetwork, by: str | None, groups: dict | None = None) -> Groups:
        """The groups of ``by``: none, the values of a people column (``groups``: person ->
        value, people without one in :data:`NO_GROUP`) or the tie types (:data:`TIE_TYPE`)."""
        roles = net.column("role")
        focal = (roles == net.focal).to_numpy()
        keys = {role: role_key(role) for role in roles.unique()}  # each distinct role once
        professional = (roles.map(keys) == PROFESSIONAL).to_numpy()
        kinds = np.where(focal, FOCAL, np.where(professional, KINDS.index(PROFESSIONAL), OTHER))
        ids, everyone = roles.index, np.arange(len(roles))
        if not by:
            return cls([None], [everyone], kinds, ids, np.zeros(len(ids), dtype=np.int64))
        if by == TIE_TYPE:
            types = list(tie_type_columns(net.focal))
            names = [tie_type_columns(net.focal)[kind].removeprefix("ties_") for kind in types]
            members = [np.flatnonzero(np.isin(kinds, _kind_codes(kind))) for kind in types]
            table = np.array([types.index(kind) if kind in types else -1 for kind in TIE_TYPES])
            return cls(names, members, kinds, ids, _type_group=table)
        assert groups is not None, "a people column's groups are given"
        values = pd.Series(groups).reindex(ids).to_numpy(dtype=object)
        names = sorted(set(values))
        codes = pd.Index(names).get_indexer(values)
        order = np.argsort(codes, kind="stable")
        members = np.split(order, np.searchsorted(codes[order], np.arange(1, len(names))))
        return cls(names, members, kinds, ids, codes)

    def of_ties(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The group number of each tie ``a``-``b`` (positions), -1 for one in none."""
        if self._type_group is not None:
            return self._type_group[tie_types(self.kinds[a], self.kinds[b])]
        assert self._person_group is not None
        group_a, group_b = self._person_group[a], self._person_group[b]
        return np.where(group_a == group_b, group_a, -1)

    def positions(self, people) -> np.ndarray:
        """The positions of these ids."""
        return self.ids.get_indexer(pd.Index(list(people), dtype=object))

    def inside(self, number: int):
        """Whether a tie (its two ids) belongs to group ``number``: for per-pair questions."""
        return lambda a, b: bool(self.of_ties(*self.positions([a, b]).reshape(2, 1))[0] == number)


def _kind_codes(tie_type: str) -> list[int]:
    """The kind codes of the ends of a tie type (``focal_professional``: focal, professional)."""
    return [KINDS.index(kind) for kind in tie_type.split("_")]


@dataclass
class PeriodFigures:
    """One period of a walk: its label and bounds, the people missing from it (waves) and
    each group's figures (``rows``: group -> column -> value)."""

    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    rows: dict


def reached_walk(net: CountedNetwork, freq: str, groups: Groups) -> Iterator[PeriodFigures]:
    """The reached view's figures, period by period: one walk per group over all periods."""
    calendar, rows, joined = net.period_rows(freq)
    periods = len(calendar)
    everyone = groups.names == [None]  # one group: every row is in it, as it is
    tie_group = None if everyone else groups.of_ties(rows.code_a, rows.code_b)
    counted = []
    for number, members in enumerate(groups.members):
        inside = slice(None) if tie_group is None else np.flatnonzero(tie_group == number)
        figures, first_tie = _walk(net, groups, members, joined[members], rows, inside, periods)
        figures.update(_changes(rows, inside, rows.period[inside], periods))
        counted.append(_Counted(figures, first_tie, members, joined[members]))
    for number in range(periods):
        missing = _missing(calendar, number, groups, joined) if freq == WAVE else None
        yield _period(calendar, number, groups, counted, number, missing)


def snapshot_walk(net: CountedNetwork, freq: str, groups: Groups) -> Iterator[PeriodFigures]:
    """The active view's figures: each period a network of its own."""
    calendar, rows, joined = net.period_rows(freq)
    bounds = rows.bounds(len(calendar))
    for number in range(len(calendar)):
        chunk = np.arange(bounds[number], bounds[number + 1])
        here = np.zeros(len(groups.ids), dtype=bool)
        here[rows.code_a[chunk]] = here[rows.code_b[chunk]] = True
        tie_group = groups.of_ties(rows.code_a[chunk], rows.code_b[chunk])
        counted = []
        for group, members in enumerate(groups.members):
            inside = chunk[tie_group == group]
            ties = _Ties(rows.code_a[inside], rows.code_b[inside], rows.rung[inside])
            counted.append(_snapshot(net, groups, members, here[members], ties))
            counted[-1].figures.update(
                _changes(rows, inside, np.zeros(len(inside), dtype=np.int64), 1)
            )
        missing = _missing(calendar, number, groups, joined) if freq == WAVE else None
        yield _period(calendar, number, groups, counted, 0, missing)


def current_walk(
    net: CountedNetwork, freq: str, groups: Groups, lapse: object
) -> Iterator[PeriodFigures]:
    """The current view's figures: at each period's end the network of the ties current then,
    with ``lapse`` (:func:`~contactladder.network.current.current_by_period`), and how many
    ties are new, climbed, declined and ended since the previous end."""
    if freq == WAVE or isinstance(net, StreamedNetwork):  # a streamed network says it cannot
        yield from _wave_walk(net, groups, net.periods(freq, view="current", lapse=lapse))
        return
    calendar = net.calendar(freq)
    joined = net.join_numbers(calendar)
    for number, ties in enumerate(current_by_period(net, calendar, lapse=lapse)):
        here = joined <= number
        current, tie_group = _Ties(ties.a, ties.b, ties.rung), groups.of_ties(ties.a, ties.b)
        changed = {key: groups.of_ties(a, b) for key, (a, b, *_) in ties.changes.items()}
        counted = []
        for group, members in enumerate(groups.members):
            inside = current.where(tie_group == group)
            counted.append(_snapshot(net, groups, members, here[members], inside))
            counted[-1].figures.update(
                {key: np.array([np.count_nonzero(of == group)]) for key, of in changed.items()}
            )
        yield _period(calendar, number, groups, counted, 0, None)


def _wave_walk(net: CountedNetwork, groups: Groups, steps: Iterator[Step]):
    """The current view's figures of a panel, from the steps of its walk (each a graph)."""
    for step in steps:
        assert step.graph is not None, "the current view's steps have graphs"
        here = np.zeros(len(groups.ids), dtype=bool)
        here[groups.positions(step.graph.nodes)] = True
        edges = list(step.graph.edges(data="rung"))
        a, b = (groups.positions([edge[k] for edge in edges]) for k in (0, 1))
        all_ties = _Ties(a, b, np.array([edge[2] for edge in edges], dtype=np.int64))
        tie_group = groups.of_ties(a, b)
        counted = []
        for group, members in enumerate(groups.members):
            ties = all_ties.where(tie_group == group)
            counted.append(_snapshot(net, groups, members, here[members], ties))
            counted[-1].figures.update(
                {
                    column: np.array([_count_in(groups, changes, group)])
                    for column, changes in (
                        ("new_ties", step.new_ties),
                        ("climbed", step.climbed),
                        ("ended_ties", step.ended),
                        ("declined", step.declined),
                    )
                }
            )
        period = PeriodFigures(step.label, step.start, step.end, {})
        _fill(period, groups, counted, 0, step.missing)
        yield period


@dataclass
class _Counted:
    """One group's walk: its figures, each member's first tie and walk period of presence."""

    figures: dict
    first_tie: np.ndarray
    members: np.ndarray
    joined: np.ndarray


@dataclass
class _Ties:
    a: np.ndarray
    b: np.ndarray
    rung: np.ndarray

    def where(self, keep: np.ndarray) -> _Ties:
        return _Ties(self.a[keep], self.b[keep], self.rung[keep])


def _walk(net, groups, members, joined, rows: PairRows, inside, periods):
    """:func:`walk_figures` of one group's people (``members``) and ties (rows ``inside``:
    their positions, or ``slice(None)`` for all rows of everyone)."""
    a, b = rows.code_a[inside], rows.code_b[inside]
    if not isinstance(inside, slice):
        place = np.full(len(groups.ids), -1, dtype=np.int64)
        place[members] = np.arange(len(members))
        a, b = place[a], place[b]
    return walk_figures(
        periods,
        joined=joined,
        kinds=groups.kinds[members],
        period=rows.period[inside],
        a=a,
        b=b,
        old=rows.before[inside],
        new=rows.reached[inside],
        ladder=net.ladder,
        type_columns=tie_type_columns(net.focal),
    )


def _snapshot(net, groups, members, here, ties: _Ties):
    """:func:`walk_figures` of one network: the group's people ``here`` and its ``ties``."""
    place = np.full(len(groups.ids), -1, dtype=np.int64)
    place[members] = np.arange(len(members))
    joined = np.where(here, 0, 1)
    figures, first_tie = walk_figures(
        1,
        joined=joined,
        kinds=groups.kinds[members],
        period=np.zeros(len(ties.a), dtype=np.int64),
        a=place[ties.a],
        b=place[ties.b],
        old=np.zeros(len(ties.a), dtype=np.int64),
        new=ties.rung,
        ladder=net.ladder,
        type_columns=tie_type_columns(net.focal),
    )
    return _Counted(figures, first_tie, members, joined)


def _changes(rows: PairRows, inside, period, periods) -> dict[str, np.ndarray]:
    """``new_ties`` and ``climbed`` of the rows ``inside`` (counted in ``period``)."""
    before, reached = rows.before[inside], rows.reached[inside]
    return {
        "new_ties": np.bincount(period[before == 0], minlength=periods),
        "climbed": np.bincount(period[(before > 0) & (reached > before)], minlength=periods),
    }


def _count_in(groups: Groups, changes: list, group: int) -> int:
    """How many of a step's changed ties (tuples starting with the two ids) are in ``group``."""
    if not changes:
        return 0
    a = groups.positions([change[0] for change in changes])
    b = groups.positions([change[1] for change in changes])
    return int((groups.of_ties(a, b) == group).sum())


def _missing(calendar: Calendar, number: int, groups: Groups, joined: np.ndarray) -> list:
    """The ids of the people present in wave ``number`` who did not take part in it."""
    return calendar.missing(number, groups.ids[joined <= number])


def _period(calendar: Calendar, number, groups, counted, at, missing) -> PeriodFigures:
    period = PeriodFigures(
        calendar.labels[number], calendar.starts[number], calendar.ends[number], {}
    )
    _fill(period, groups, counted, at, missing)
    return period


def _fill(period: PeriodFigures, groups: Groups, counted: list, at: int, missing) -> None:
    """Each group's row of figures at walk period ``at``; with waves (``missing``, the ids of
    the people present who did not take part) its ``missing`` count and a ``focal_alone``
    without them: someone who did not answer is not alone for want of answers."""
    gone = groups.positions(missing) if missing else np.array([], dtype=np.int64)
    for name, walk in zip(groups.names, counted):
        row = {column: values[at] for column, values in walk.figures.items()}
        if missing is not None:
            here = np.isin(walk.members, gone)
            silent = here & (walk.joined <= at) & (walk.first_tie > at)
            silent &= groups.kinds[walk.members] == FOCAL
            row["missing"] = int(here.sum())
            row["focal_alone"] = row["focal_alone"] - int(silent.sum())
        period.rows[name] = row
