"""The village in integer codes: its people, ties and visits as arrays, so that the weaver's
lists find candidates in candidate sets instead of comparing every person with every other.

A :class:`VillageIndex` numbers the people of a snapshot ``0 .. n-1`` (in the graph's order) and
holds:

- the ties as sorted adjacency (``indptr``, ``neighbours``, ``rungs``: the ties of person ``i``
  are ``neighbours[indptr[i]:indptr[i + 1]]``), and each person's last contact;
- the *visits*: one row per person, activity and distinct moment they were there, sorted by
  person, activity and moment (``visit_person``, ``visit_activity``, ``visit_moment``), with
  ``visit_ptr`` pointing at each person's first row. Moments are numbered in time order, and
  ``near_low[m] .. near_high[m]`` are the moments within ``together`` of moment ``m``, so that
  "both were there within ``together`` of each other" is a comparison of integers;
- inverted indexes of any people column (``codes(column)``: the people with each value).

Two people *share* an activity when some visit of one lies within ``together`` of some visit of
the other (both ends included): :meth:`VillageIndex.shared_counts` counts that for many people at
once, and :meth:`VillageIndex.two_step` gives the people with a tie in common with a person
(friends of friends) and how many ties they share.

Examples
--------
>>> import networkx as nx
>>> day = pd.Timestamp("2024-05-01")
>>> graph = nx.Graph([("a", "k", {"rung": 2, "last_contact": day}),
...     ("b", "k", {"rung": 1, "last_contact": day})])
>>> visits = pd.DataFrame({"person": ["a", "b", "b"], "activity": ["gym", "gym", "zang"],
...     "date": pd.to_datetime(["2024-01-01", "2024-01-20", "2024-05-01"])})
>>> index = VillageIndex.of(graph, visits, pd.Timedelta(days=31))
>>> index.code["b"], index.activities, index.shared_counts(0, np.arange(3)).tolist()
(2, ['gym', 'zang'], [1, 0, 1])
>>> index.two_step(0)
(array([2]), array([1]))
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.loading.coded import sorted_distinct
from contactladder.words import attribute_text

__all__ = ["VillageIndex", "ranges"]


def ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The positions ``start .. stop - 1`` of every range, one after the other.

    >>> ranges(np.array([0, 5]), np.array([2, 8])).tolist()
    [0, 1, 5, 6, 7]
    """
    lengths = stops - starts
    if not len(lengths) or not lengths.sum():
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return np.arange(lengths.sum(), dtype=np.int64) + offsets


@dataclass
class VillageIndex:
    """The people, ties and visits of a snapshot as integer arrays (see the module docstring).

    Build it with :meth:`of`; do not change it.
    """

    graph: nx.Graph
    people: list[Hashable]
    code: dict[Hashable, int]
    indptr: np.ndarray
    neighbours: np.ndarray
    rungs: np.ndarray
    last_contact: np.ndarray
    activities: list[str]
    visit_ptr: np.ndarray
    visit_activity: np.ndarray
    visit_moment: np.ndarray
    near_low: np.ndarray
    near_high: np.ndarray
    _codes: dict[str, tuple[np.ndarray, list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: nx.Graph, visits: pd.DataFrame, together: pd.Timedelta) -> VillageIndex:
        """The index of ``graph`` (a snapshot: edges with ``rung`` and ``last_contact``) and of
        ``visits`` (``person, activity, date`` rows of named activities; rows of people not in
        the graph are left out), with visits within ``together`` of each other counting as
        shared."""
        people = list(graph)
        code = {person: number for number, person in enumerate(people)}
        n = len(people)
        # Each tie from both ends, in the graph's order; a tie with oneself twice, as both.
        others, ties, degree = [], [], np.zeros(n, dtype=np.int64)
        for number, (one, around) in enumerate(graph.adjacency()):
            degree[number] = len(around) + (one in around)
            others.extend(around)
            ties.extend(around.values())
            if one in around:
                others.append(one)
                ties.append(around[one])
        ends = np.repeat(np.arange(n, dtype=np.int64), degree)
        neighbours = np.fromiter(map(code.__getitem__, others), np.int64, len(others))
        order = np.lexsort((neighbours, ends))
        rung = np.fromiter(map(itemgetter("rung"), ties), np.int64, len(ties))
        last = pd.DatetimeIndex(list(map(itemgetter("last_contact"), ties)), dtype="M8[ns]")
        last = last.to_numpy()[order]
        latest = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        tied = np.flatnonzero(degree)
        if len(tied):  # the latest of each person's ties (NaT, the smallest, only when all are)
            first = np.searchsorted(ends[order], tied)
            latest[tied] = np.maximum.reduceat(last.view(np.int64), first).view(latest.dtype)
        # Each distinct id looked up once: the visits hold each person many times.
        # (Categorical columns are factorized on their codes.) A visitor unknown to the graph
        # or missing (-1: the last place) is left out.
        visitor, visitors = pd.factorize(visits["person"])
        person = np.array([code.get(p, -1) for p in visitors] + [-1], dtype=np.int64)[visitor]
        if (person < 0).any():
            visits, person = visits[person >= 0], person[person >= 0]
        activity, names = pd.factorize(visits["activity"], sort=True)
        moment, moments = pd.factorize(visits["date"].to_numpy(dtype="datetime64[ns]"), sort=True)
        width = max(len(names), 1) * max(len(moments), 1)
        rows = np.sort(
            np.asarray(person, dtype=np.int64) * width
            + activity.astype(np.int64) * len(moments)
            + moment
        )
        rows = rows[np.diff(rows, prepend=-1) != 0]  # each visit once
        times = np.asarray(moments, dtype="datetime64[ns]")
        window = together.to_timedelta64()
        return cls(
            graph,
            people,
            code,
            np.searchsorted(ends[order], np.arange(n + 1)),
            neighbours[order],
            rung[order],
            latest,
            [str(name) for name in names],
            np.searchsorted(rows // width, np.arange(n + 1)),
            (rows % width) // max(len(moments), 1),
            rows % max(len(moments), 1),
            np.searchsorted(times, times - window, side="left"),
            np.searchsorted(times, times + window, side="right") - 1,
        )

    @cached_property
    def id_texts(self) -> list[bytes]:
        """Every person's id as UTF-8 text, by code."""
        return [f"{person}".encode() for person in self.people]

    @property
    def size(self) -> int:
        """The number of people."""
        return len(self.people)

    def ties(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The people person ``i`` has a tie with, and the rungs of those ties."""
        where = slice(self.indptr[i], self.indptr[i + 1])
        return self.neighbours[where], self.rungs[where]

    def two_step(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The people other than ``i`` with a tie in common with ``i`` (sorted), and how many
        ties in common each has."""
        _, found, counts = self.two_steps(np.array([i]))
        return found, counts

    def two_steps(self, people: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`two_step` of each of ``people`` (codes), one after the other: where the
        people found for each person start (by code: ``found[start[i]:start[i + 1]]``), and
        the people found and their ties in common."""
        friends = ranges(self.indptr[people], self.indptr[people + 1])
        whose = np.repeat(people, self.indptr[people + 1] - self.indptr[people])
        friends = self.neighbours[friends]
        sizes = self.indptr[friends + 1] - self.indptr[friends]
        reached = self.neighbours[ranges(self.indptr[friends], self.indptr[friends + 1])]
        whose = np.repeat(whose, sizes)
        pairs, counts = np.unique(
            (whose * self.size + reached)[reached != whose], return_counts=True
        )
        start = np.searchsorted(pairs // max(self.size, 1), np.arange(self.size + 1))
        return start, pairs % max(self.size, 1), counts

    def neighbour_counts(self, sources: np.ndarray, members: np.ndarray) -> np.ndarray:
        """For every person of ``members`` (sorted), how many of ``sources`` they have a tie
        with."""
        reached = np.sort(self.neighbours[ranges(self.indptr[sources], self.indptr[sources + 1])])
        return np.searchsorted(reached, members, "right") - np.searchsorted(reached, members)

    def activity_count(self, i: int) -> int:
        """The number of activities person ``i`` was at."""
        mine = self.visit_activity[self.visit_ptr[i] : self.visit_ptr[i + 1]]
        return len(np.unique(mine))

    def shared_counts(self, i: int, members: np.ndarray) -> np.ndarray:
        """For every person of ``members`` (sorted codes), the number of activities they share
        with ``i`` (both were there within ``together`` of each other).

        For a few members their visits are compared with those of ``i``; for many, the visits
        near those of ``i`` are looked up in time order instead.
        """
        if self.visit_ptr[i] == self.visit_ptr[i + 1] or not len(members):
            return np.zeros(len(members), dtype=np.int64)
        if len(members) > self.size // 8:
            return self._near_counts(i)[members]
        starts, stops = self.visit_ptr[members], self.visit_ptr[members + 1]
        rows = ranges(starts, stops)
        inside = self._inside(i, rows)
        owner = np.repeat(np.arange(len(members)), stops - starts)[inside]
        pairs = owner * len(self.activities) + self.visit_activity[rows][inside]
        first = np.diff(pairs, prepend=-1) != 0  # the rows are sorted by pair
        return np.bincount(owner[first], minlength=len(members))

    def _near_counts(self, i: int) -> np.ndarray:
        """:meth:`shared_counts` of everyone, from the visits in time order."""
        keys, owners = self._in_time_order
        _, low, high = self.near_ranges(np.array([i]))
        starts, stops = np.searchsorted(keys, low), np.searchsorted(keys, high, "right")
        activity = low // (len(self.near_low) + 1)
        counts = np.zeros(self.size, dtype=np.int64)
        for one in np.unique(activity):
            seen = np.zeros(self.size, dtype=bool)
            at = activity == one
            seen[owners[ranges(starts[at], stops[at])]] = True
            counts += seen
        return counts

    @cached_property
    def _in_time_order(self) -> tuple[np.ndarray, np.ndarray]:
        """The keys of all visits (activity, then moment) sorted, and whose visit each is."""
        keys = self._keys(self.visit_activity, self.visit_moment)
        order = np.argsort(keys, kind="stable")
        owners = np.repeat(np.arange(self.size), np.diff(self.visit_ptr))
        return keys[order], owners[order]

    def shared_activities(self, i: int, j: int) -> list[str]:
        """The activities ``i`` and ``j`` share (as :meth:`shared_counts`), sorted."""
        rows = np.arange(self.visit_ptr[j], self.visit_ptr[j + 1])
        found = np.unique(self.visit_activity[rows][self._inside(i, rows)])
        return [self.activities[a] for a in found]

    def tie_counts(self, mask: np.ndarray) -> np.ndarray:
        """For every person, how many of their ties are with people for whom ``mask`` holds."""
        owners = np.repeat(np.arange(self.size), np.diff(self.indptr))
        return np.bincount(owners, weights=mask[self.neighbours], minlength=self.size).astype(int)

    def activity_names(self, i: int) -> list[str]:
        """The activities person ``i`` was at, sorted."""
        mine = self.visit_activity[self.visit_ptr[i] : self.visit_ptr[i + 1]].tolist()
        return sorted({self.activities[a] for a in mine})

    def activity_sets(self) -> dict[Hashable, set[str]]:
        """Person -> the activities they were at."""
        found: dict[Hashable, set[str]] = {person: set() for person in self.people}
        owners = np.repeat(np.arange(self.size), np.diff(self.visit_ptr))
        width = max(len(self.activities), 1)
        for pair in sorted_distinct(owners * width + self.visit_activity).tolist():
            found[self.people[pair // width]].add(self.activities[pair % width])
        return found

    def codes(self, column: str) -> tuple[np.ndarray, list[str]]:
        """Every person's value of node attribute ``column`` as a code (-1 for empty), and the
        values by code; built once per column."""
        if column not in self._codes:
            texts = [attribute_text(self.graph.nodes[p].get(column)) for p in self.people]
            found, values = pd.factorize(pd.Series(texts, dtype=object).replace("", None))
            self._codes[column] = (found.astype(np.int64), [str(v) for v in values])
        return self._codes[column]

    def _inside(self, i: int, rows: np.ndarray) -> np.ndarray:
        """Which visits ``rows`` lie within ``together`` of a visit of person ``i`` to the same
        activity."""
        _, low, high = self.near_ranges(np.array([i]))
        if not len(low):
            return np.zeros(len(rows), dtype=bool)
        keys = self._keys(self.visit_activity[rows], self.visit_moment[rows])
        place = np.searchsorted(low, keys, "right") - 1
        return (place >= 0) & (keys <= high[np.maximum(place, 0)])

    def _keys(self, activity: np.ndarray, moment: np.ndarray) -> np.ndarray:
        return activity.astype(np.int64) * (len(self.near_low) + 1) + moment

    def near_ranges(self, people: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The visits of ``people`` (sorted codes) widened by ``together``, as merged ranges of
        keys: whose range each is, and its first and last key, sorted by person and key."""
        starts, stops = self.visit_ptr[people], self.visit_ptr[people + 1]
        rows = ranges(starts, stops)
        activity, moment = self.visit_activity[rows], self.visit_moment[rows]
        owner = np.repeat(people, stops - starts)
        low = self._keys(activity, self.near_low[moment])
        high = self._keys(activity, self.near_high[moment])
        # Within a person, low and high never go down (keys in order, moments widened alike).
        starts = np.concatenate([[True], (low[1:] > high[:-1]) | (owner[1:] != owner[:-1])])
        ends = np.concatenate([starts[1:], [True]])
        return owner[starts[: len(low)]], low[starts[: len(low)]], high[ends[: len(low)]]
