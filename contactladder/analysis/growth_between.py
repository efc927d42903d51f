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

from collections.abc import Callable, Mapping
from itertools import combinations

import pandas as pd

from contactladder.network import CountedNetwork
from contactladder.network.current import DEFAULT_LAPSE, check_view

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
    """
    check_view(view)
    order = sorted(set(groups.values()))
    rank = {name: number for number, name in enumerate(order)}
    pairs = list(combinations(order, 2))

    def pair_of(a, b) -> tuple | None:
        first, second = groups[a], groups[b]
        if first == second:
            return None
        return (first, second) if rank[first] < rank[second] else (second, first)

    levels = [(rung.level, f"rung_{rung.key}") for rung in net.ladder]
    rows = []
    total = len(net.period_range(freq))
    for done, step in enumerate(net.periods(freq, view=view, lapse=lapse), start=1):
        counts = {pair: _empty(levels, view) for pair in pairs}
        assert step.graph is not None, "the walk builds graphs"
        for a, b, rung in step.graph.edges(data="rung"):
            pair = pair_of(a, b)
            if pair:
                counts[pair]["ties"] += 1
                counts[pair][f"rung_{net.ladder[rung].key}"] += 1
        changes = {
            "new_ties": step.new_ties,
            "climbed": step.climbed,
            **({"ended_ties": step.ended, "declined": step.declined} if view == "current" else {}),
        }
        for column, ties in changes.items():
            for a, b, *_ in ties:
                pair = pair_of(a, b)
                if pair:
                    counts[pair][column] += 1
        for (first, second), figures in counts.items():
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


def _empty(levels: list, view: str) -> dict:
    """A pair's figures before counting: every count 0."""
    counts = {"ties": 0, **{column: 0 for _, column in levels}, "new_ties": 0, "climbed": 0}
    if view == "current":
        counts.update(ended_ties=0, declined=0)
    return counts
