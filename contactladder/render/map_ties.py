"""The ties' columns of the map payload (:func:`~contactladder.render.map_payload.map_data`).

:func:`tie_columns` reads the ties of a graph from its adjacency in C loops (each undirected tie
once, from the end with the lower number in map order) and gives their columns sorted by their
ends' numbers: ``a``, ``b``, ``level`` and, but for a picture, ``first_contact``,
``last_contact`` (numbers into the sorted list of the ISO days of the ties' contacts, -1 for
none), ``contacts`` and ``activities`` (numbers into the sorted list of the activities named).
A tie's days are numbers, as its activities are: a map of 293,000 ties had 7.6 MB of dates as
text, almost half its page. The ties of a network share their dates' and activity lists'
objects, so each distinct object is converted once.

Examples
--------
>>> G = nx.Graph()
>>> G.add_edge("b", "a", rung=2, contacts=3, activities=("Koffie",), last_contact="2025-03-01")
>>> columns = tie_columns(G, {"a": 0, "b": 1}, Ladder.default())
>>> columns.activities, columns.dates
(['Koffie'], ['2025-03-01'])
>>> ties = columns.edges
>>> ties["a"], ties["b"], ties["level"], ties["first_contact"], ties["last_contact"]
([0], [1], [2], [-1], [0])
>>> sorted(tie_columns(G, {"a": 0, "b": 1}, Ladder.default(), picture=True).edges)
['a', 'b', 'level']
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Mapping, Sequence
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from contactladder.ladder import Ladder
from contactladder.loading.coded import first_of_each
from contactladder.render.map_text import iso_dates

__all__ = ["tie_columns", "TieColumns"]


class TieColumns(NamedTuple):
    """What :func:`tie_columns` gives: the ``activities`` and ISO ``dates`` the ties' columns
    (``edges``) number into."""

    activities: list[str]
    dates: list[str]
    edges: dict[str, list[Any]]


def tie_columns(
    G: nx.Graph, index: Mapping[Hashable, int], ladder: Ladder, *, picture: bool = False
) -> TieColumns:
    """The activities named on ties, the days of their first and last contacts, and the ties'
    columns (but ``faded``) sorted by their ends' numbers in map order (for a ``picture`` only
    their ends and levels): one pass over the adjacency, each distinct date and activity list
    converted once, the columns put in order with numpy."""
    low, high, attrs = _tie_ends(G, index)
    rank = np.lexsort((high, low))

    def column(name: str) -> list[Any]:
        return list(map(dict.get, attrs, itertools.repeat(name)))

    ends = {
        "a": low[rank].tolist(),
        "b": high[rank].tolist(),
        "level": _whole_numbers(column("rung"), ladder.bottom.level)[rank].tolist(),
    }
    if picture:
        return TieColumns([], [], ends)
    lists, codes = _by_object(column("activities"))
    kinds = [tuple(each or ()) for each in lists]
    activities = sorted({str(x) for each in kinds for x in each})
    activity_index = {x: i for i, x in enumerate(activities)}
    used = [sorted(activity_index[str(x)] for x in each) for each in kinds]
    dates, firsts, lasts = _day_columns(column("first_contact"), column("last_contact"), rank)
    return TieColumns(
        activities,
        dates,
        {
            **ends,
            "first_contact": firsts,
            "last_contact": lasts,
            "contacts": _whole_numbers(column("contacts"), 0)[rank].tolist(),
            "activities": list(map(list, map(used.__getitem__, codes[rank].tolist()))),
        },
    )


def _tie_ends(
    G: nx.Graph, index: Mapping[Hashable, int]
) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """The ties of ``G`` (a simple graph) as the lower and higher numbers of their ends in
    ``index`` and their attributes, in no set order: read from the adjacency in C loops, each
    undirected tie kept from the end with the lower number."""
    adjacency = list(G.adjacency())
    neighbours = [others for _, others in adjacency]
    degree = np.fromiter(map(len, neighbours), np.int64, len(neighbours))
    total = int(degree.sum())
    number = np.fromiter((index[node] for node, _ in adjacency), np.int64, len(adjacency))
    a = np.repeat(number, degree)
    others = itertools.chain.from_iterable(neighbours)
    b = np.fromiter(map(index.__getitem__, others), np.int64, total)
    attrs = list(itertools.chain.from_iterable(ties.values() for ties in neighbours))
    if G.is_directed():
        return np.minimum(a, b), np.maximum(a, b), attrs
    keep = np.flatnonzero(a <= b)  # a self-tie is in its person's neighbours once
    return a[keep], b[keep], list(map(attrs.__getitem__, keep.tolist()))


def _whole_numbers(values: list[Any], missing: int) -> np.ndarray:
    """``int(value or missing)`` of each of ``values``, as an array (at once when they are
    numbers)."""
    try:
        numbers = np.array(values, dtype=np.int64)
    except (TypeError, ValueError):  # None among them, or text
        return np.array([int(value or missing) for value in values], dtype=np.int64)
    numbers[numbers == 0] = missing
    return numbers


def _by_object(values: Sequence[Any]) -> tuple[list[Any], np.ndarray]:
    """The distinct objects among ``values`` by identity (the ties of a network share their
    dates' and activity lists' objects, so there are few) and the number of each value's."""
    codes, first = first_of_each(np.fromiter(map(id, values), np.int64, len(values)))
    return list(map(values.__getitem__, first.tolist())), codes


def _day_columns(
    firsts: list[object], lasts: list[object], rank: np.ndarray
) -> tuple[list[str], list[int], list[int]]:
    """The ISO days (:func:`~contactladder.render.map_text.iso_dates`) among ``firsts`` and
    ``lasts``, sorted, and each one's number in them (-1 for none) in the order ``rank``; each
    distinct object converted once."""
    distinct, codes = _by_object(firsts + lasts)
    texts = iso_dates(distinct)
    days = sorted(set(texts) - {""})
    place = {day: number for number, day in enumerate(days)}
    numbers = np.array([place.get(text, -1) for text in texts], dtype=np.int64)[codes]
    return days, numbers[: len(firsts)][rank].tolist(), numbers[len(firsts) :][rank].tolist()
