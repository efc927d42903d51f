"""The grouped timeline: the village growing period by period, one node per group.

Beyond :data:`~contactladder.render.map_groups.AGGREGATE_ABOVE` people a timeline draws the
groups of the grouped map (:mod:`contactladder.render.map_groups`: the people of one wijk with
one legend group) instead of people. In the words of
:mod:`~contactladder.render.timeline_payload` (reached view), per step:

- a group *appears* in the step its first member is present;
- its *size* is the grouped map's size (:func:`~contactladder.render.map_groups.group_size`) of
  its members present by then, so that it grows as they join;
- the tie between two groups (one drawn on the grouped map) is there from the step of the first
  tie between their members, at the highest rung those ties have reached by then, and *climbs*
  in each step where that rises.

The counters beside it are those of the people, as on every timeline.

Examples
--------
>>> import networkx as nx
>>> from contactladder.network.ladder_network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> steps = group_steps(net, "quarter", net.snapshot(), anonymize=False)
>>> len(steps.appear) == len(steps.sizes) == len(steps.order), min(steps.appear)
(True, 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from contactladder.render.map_groups import Groups, group_graph, group_size, groups_of
from contactladder.render.styles import node_order

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["GroupSteps", "group_steps"]


@dataclass(frozen=True)
class GroupSteps:
    """The groups of a timeline, step by step; groups numbered in map order (``order``: the
    row of each in ``groups.people``).

    ``appear``: the step each group appears (-1: never); ``sizes``: per group the flat list
    ``[step, size, ...]`` of each step where its size changes; ``a``, ``b``, ``steps``,
    ``levels``: every change of a tie between two groups (their numbers ``a < b``), in time
    order within a tie, with its step and its new rung.
    """

    groups: Groups
    order: list[int]
    appear: list[int]
    sizes: list[list[float]]
    a: np.ndarray
    b: np.ndarray
    steps: np.ndarray
    levels: np.ndarray


def group_steps(
    net: LadderNetwork, freq: str, G: nx.Graph, *, anonymize: bool = True, focal: str = "parent"
) -> GroupSteps:
    """The :class:`GroupSteps` of ``G`` (the network at its last date, or the part of it one
    timeline shows) over the periods of ``freq``; ``anonymize`` as for the grouped map (only
    the ties between groups it draws)."""
    groups = groups_of(G, focal=focal)
    H = group_graph(groups, anonymize=anonymize)
    order: list[int] = np.asarray(node_order(H), dtype=np.int64).tolist()  # rows of people
    number = np.empty(len(order), dtype=np.int64)
    number[order] = np.arange(len(order))  # each group's row of people -> its node
    periods, rows, joined = net.period_rows(freq)
    steps = len(periods)
    codes = net.column("role").index.get_indexer(list(G))  # the people's codes in the network
    group_of = np.full(len(joined), -1, dtype=np.int64)
    group_of[codes] = number[groups.member]
    present = codes[joined[codes] < steps]
    first = np.full(len(order), steps, dtype=np.int64)
    np.minimum.at(first, group_of[present], joined[present])
    pairs = np.sort(number[np.array(list(H.edges), dtype=np.int64).reshape(-1, 2)], axis=1)
    return GroupSteps(
        groups,
        order,
        np.where(first < steps, first, -1).tolist(),
        _sizes(group_of[present], joined[present], len(order), steps),
        *_group_ties(*rows.rises(group_of), pairs, len(order)),
    )


def _sizes(group: np.ndarray, step: np.ndarray, groups: int, steps: int) -> list[list[float]]:
    """Per group, ``[step, size, ...]`` of each step where the size of its members present by
    then (``group`` and ``step``: each member's group and the step they are present from)
    changes."""
    joined = np.bincount(group * steps + step, minlength=groups * steps).reshape(groups, steps)
    present = joined.cumsum(axis=1)
    counts, place = np.unique(present, return_inverse=True)
    size = np.array([group_size(int(count)) if count else 0.0 for count in counts])
    sizes = size[place.reshape(groups, steps)]
    changed = np.diff(sizes, axis=1, prepend=0.0) != 0
    return [
        [
            value
            for pair in zip(np.flatnonzero(row).tolist(), sizes[g][row].tolist())
            for value in pair
        ]
        for g, row in enumerate(changed)
    ]


def _group_ties(
    a: np.ndarray,
    b: np.ndarray,
    steps: np.ndarray,
    levels: np.ndarray,
    pairs: np.ndarray,
    groups: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The changes of the ties between groups, from those of their members' ties (ends ``a``,
    ``b``: groups, -1 for none; ``steps``, ``levels``): of the pairs of groups ``pairs``, the
    steps where the highest rung reached by then rises, with that rung, by pair, in time."""
    low, high = np.minimum(a, b), np.maximum(a, b)
    key = low * groups + high
    keep = (low >= 0) & (low != high) & np.isin(key, pairs[:, 0] * groups + pairs[:, 1])
    key, steps, levels = key[keep], np.asarray(steps)[keep], np.asarray(levels)[keep]
    if not len(key):
        return key, key, key, key
    order = np.lexsort((levels, steps, key))
    key, steps, levels = key[order], steps[order], levels[order].astype(np.int64)
    last = np.r_[(key[1:] != key[:-1]) | (steps[1:] != steps[:-1]), True]  # each step's highest
    key, steps, levels = key[last], steps[last], levels[last]
    # The highest rung so far within each pair: pairs are sorted, so a later pair's numbers
    # (offset by the pair) are above every earlier one's.
    top = int(levels.max(initial=0)) + 1
    so_far = np.maximum.accumulate(key * top + levels) - key * top
    rises = np.r_[True, (key[1:] != key[:-1]) | (so_far[1:] > so_far[:-1])]
    key, steps, levels = key[rises], steps[rises], so_far[rises]
    return key // max(groups, 1), key % max(groups, 1), steps, levels
