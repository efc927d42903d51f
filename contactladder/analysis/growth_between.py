"""Mixing between groups: the ties that cross from one group to another, period by period.

``growth(net, by="wijk", between=True)`` (:func:`contactladder.analysis.growth.growth`) gives
this table instead of the network within each group, whose rows count none of the ties between
two groups. One row per period and pair of groups (every pair, also without ties), the pair in
two columns, ``group`` before ``other_group`` in the growth table's order of groups (people
without a value are the group ``(none)``). The columns:

- ``period``, ``group``, ``other_group``
- ``ties``: ties between a person of ``group`` and a person of ``other_group``;
  ``rung_<key>``: of them, the ties at each rung (in the view's rung: reached, active or
  current, as in the growth table)
- ``new_ties``, ``climbed`` (current view also ``ended_ties``, ``declined``): as in the growth
  table, of these ties
- ``period_start``

Examples
--------
>>> from contactladder.analysis.growth import growth
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> table = growth(net, freq="quarter", by="wijk", between=True)
>>> table.columns[:4].tolist()
['period', 'group', 'other_group', 'ties']
>>> within = growth(net, freq="quarter", by="wijk").groupby("period")["ties"].sum()
>>> everyone = growth(net, freq="quarter").set_index("period")["ties"]
>>> bool((within + table.groupby("period")["ties"].sum() == everyone).all())  # every tie once
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import combinations
from typing import NamedTuple

import numpy as np
import pandas as pd

from contactladder.network import CountedNetwork, StreamedNetwork
from contactladder.network.current import CHANGES, DEFAULT_LAPSE, check_view, current_by_period
from contactladder.network.periods import WAVE, Step

__all__ = ["between_growth", "between_columns"]


def between_columns(net: CountedNetwork, *, view: str = "reached") -> list[str]:
    """The columns of the table of ties between groups, in order."""
    return (
        ["period", "group", "other_group", "ties"]
        + [f"rung_{rung.key}" for rung in net.ladder]
        + ["new_ties", "climbed"]
        + (["ended_ties", "declined"] if view == "current" else [])
        + ["period_start"]
    )


def between_growth(
    net: CountedNetwork,
    groups: Mapping,
    *,
    freq: str = "month",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """The ties between each pair of groups, period by period (see the module docstring).

    Parameters
    ----------
    net : LadderNetwork
    groups : mapping
        Each person -> their group (everyone in the network).
    freq, view, lapse, progress :
        As for :func:`~contactladder.analysis.growth.growth`.

    Notes
    -----
    Counted on integer codes: each period adds the ties that changed to a count per pair of
    groups and rung (the active view counts each period's ties afresh).
    """
    check_view(view)
    order = sorted(set(groups.values()))
    people = net.column("role").index  # the people's order, that of the codes
    group = pd.Index(order).get_indexer(pd.Series([groups[p] for p in people], dtype=object))
    pairs = list(combinations(order, 2))
    # The pair of groups of a tie (-1: within one group), from its ends' groups i < j.
    number = np.full((len(order), len(order)), -1, dtype=np.int64)
    for k, (first, second) in enumerate(combinations(range(len(order)), 2)):
        number[first, second] = number[second, first] = k
    levels = [rung.level for rung in net.ladder]
    place = np.full(max(levels, default=0) + 1, -1, dtype=np.int64)
    place[levels] = np.arange(len(levels))
    changes = ("new_ties", "climbed", *(("ended_ties", "declined") if view == "current" else ()))

    def counted(a: np.ndarray, b: np.ndarray, level: np.ndarray) -> np.ndarray:
        """Each pair of groups' number of the ties ``a``-``b`` at each rung (``level`` 0: none)."""
        k = number[group[a], group[b]]
        keep = (k >= 0) & (level > 0)
        cells = k[keep] * len(levels) + place[level[keep]]
        found = np.bincount(cells, minlength=len(pairs) * len(levels))
        return found.reshape(len(pairs), len(levels))

    at_rung = np.zeros((len(pairs), len(levels)), dtype=np.int64)
    rows = []
    total = len(net.period_range(freq))
    for done, step in enumerate(_steps(net, freq, view, lapse), start=1):
        a, b, old, new = step.moved
        at_rung = (0 if step.afresh else at_rung) + counted(a, b, new) - counted(a, b, old)
        changed = {
            key: np.bincount(number[group[u], group[v]] + 1, minlength=len(pairs) + 1)[1:]
            for key, (u, v) in step.changes.items()
            if key in changes
        }
        for k, (first, second) in enumerate(pairs):
            figures = {"ties": int(at_rung[k].sum())}
            figures.update(
                (f"rung_{rung.key}", int(n)) for rung, n in zip(net.ladder, at_rung[k].tolist())
            )
            figures.update((key, int(changed[key][k])) for key in changes)
            rows.append(
                {
                    "period": step.label,
                    "group": first,
                    "other_group": second,
                    **figures,
                    "period_start": step.start,
                }
            )
        if progress:
            progress(done, total)
    table = pd.DataFrame(rows, columns=between_columns(net, view=view))
    text = {"period": object, "group": object, "other_group": object}
    types: dict = {column: text.get(column, "int64") for column in table.columns}
    types["period_start"] = "datetime64[ns]"
    return table.astype(types)


class _Step(NamedTuple):
    """One period of the ties on codes: the ties that moved (their ends, rung before and after;
    0 for none), whether the count starts afresh (the period's ties are all of them), and the
    ends of the ties of each change (new, climbed, ...)."""

    label: str
    start: pd.Timestamp
    moved: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
    afresh: bool
    changes: dict[str, tuple[np.ndarray, np.ndarray]]


def _steps(net: CountedNetwork, freq: str, view: str, lapse: object) -> Iterator[_Step]:
    """The periods of ``view`` as :class:`_Step`: the reached and active views from the
    contacts grouped by period and pair, the current view from its sliding window; a panel's
    current view from the graphs of its walk (a streamed network says it cannot)."""
    if view == "current":
        if freq == WAVE or isinstance(net, StreamedNetwork):
            yield from _graph_steps(net, net.periods(freq, view=view, lapse=lapse))
            return
        periods = net.calendar(freq)
        for number, ties in enumerate(current_by_period(net, periods, lapse=lapse)):
            a, b, old, new = (np.concatenate(part) for part in zip(*ties.changes.values()))
            yield _Step(
                periods.labels[number],
                periods.starts[number],
                (a, b, old, new),
                False,
                {key: (u, v) for key, (u, v, _, _) in ties.changes.items()},
            )
        return
    periods, rows, _ = net.period_rows(freq)
    bounds = rows.bounds(len(periods))
    for number in range(len(periods)):
        chunk = slice(bounds[number], bounds[number + 1])
        a, b = rows.code_a[chunk], rows.code_b[chunk]
        before, reached = rows.before[chunk], rows.reached[chunk]
        new, climbed = before == 0, (before > 0) & (reached > before)
        after = reached if view == "reached" else rows.rung[chunk]
        yield _Step(
            periods.labels[number],
            periods.starts[number],
            (a, b, before if view == "reached" else 0 * before, after),
            view == "active",
            {"new_ties": (a[new], b[new]), "climbed": (a[climbed], b[climbed])},
        )


def _graph_steps(net: CountedNetwork, steps: Iterator[Step]) -> Iterator[_Step]:
    """:class:`_Step` of the steps of a walk that builds graphs (a panel's current view)."""
    people = net.column("role").index

    def ends(ties: list) -> tuple[np.ndarray, np.ndarray]:
        found = [
            people.get_indexer(pd.Index([tie[k] for tie in ties], dtype=object)) for k in (0, 1)
        ]
        return found[0].astype(np.int64), found[1].astype(np.int64)

    for step in steps:
        assert step.graph is not None, "the panel's current view builds graphs"
        edges = list(step.graph.edges(data="rung"))
        a, b = ends(edges)
        rung = np.array([edge[2] for edge in edges], dtype=np.int64)
        lists = (step.new_ties, step.climbed, step.declined, step.ended)
        yield _Step(
            step.label,
            step.start,
            (a, b, 0 * rung, rung),
            True,
            {key: ends(ties) for key, ties in zip(CHANGES, lists)},
        )
