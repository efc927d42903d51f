"""Who shares an activity with a person, for everyone at once: the visits of a
:class:`~contactladder.analysis.village_index.VillageIndex` as packed bits.

Two people *share* an activity when some visit of one lies within ``together`` of some visit of
the other (see :mod:`contactladder.analysis.village_index`). For a person, the moments within
``together`` of their visits to an activity form a few ranges of moments; the people who share
the activity are those with a visit to it in one of these ranges. :class:`VisitBits` answers
that for every person at once, as one row of packed bits per activity (bit ``j % 64`` of word
``j // 64`` is person ``j``; as bytes, ``numpy.packbits(..., bitorder="little")``):

- ``visits[a, m]``: who was at activity ``a`` at moment ``m``;
- the moments in blocks of :data:`BLOCK`, with the bits of everyone who was there from the
  start of the block to each moment (``upto``) and from each moment to the end of its block
  (``onwards``), and of runs of ``2**k`` whole blocks (``runs``);

so that the people with a visit in a range of moments are the bits of at most four rows (the
end of the first block, whole blocks, the start of the last block) or, within one block, of
its moments, whatever the number of visits in the range.

Examples
--------
Ans went to the gym in January and February, Bo in March, Cem only in June: with ``together``
a month, Bo shares the gym with Ans, Cem with no one.

>>> import networkx as nx
>>> import pandas as pd
>>> graph = nx.Graph()
>>> graph.add_nodes_from(["ans", "bo", "cem"])
>>> visits = pd.DataFrame({"person": ["ans", "ans", "bo", "cem"], "activity": "gym",
...     "date": pd.to_datetime(["2024-01-10", "2024-02-20", "2024-03-15", "2024-06-01"])})
>>> index = VillageIndex.of(graph, visits, pd.Timedelta(days=31))
>>> bits = VisitBits.of(index, np.arange(3))
>>> rows = bits.shares(0)
>>> bits.counts(0, np.arange(3)).tolist(), bits.all_counts(rows).tolist()
([1, 1, 0], [1, 1, 0])
>>> bits.sharing_all(0).tolist(), bits.sharing_all(0, bits.pack(np.arange(3) > 0)).tolist()
([0, 1], [1])
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from contactladder.analysis.village_index import VillageIndex, ranges
from contactladder.loading.coded import sorted_distinct

__all__ = ["VisitBits", "BLOCK", "MOST_BYTES", "PAIRS_AT_ONCE"]

#: The words of the rows: 64 people each, little-endian (so that their bytes unpack in order).
WORD = np.dtype("<u8")
#: Moments per block.
BLOCK = 16
#: The most bytes the bits may take; a larger village is scored without them.
MOST_BYTES = 2**31
#: Pairs counted at once by :meth:`VisitBits.pair_counts`.
PAIRS_AT_ONCE = 2**16


@dataclass(frozen=True)
class VisitBits:
    """The visits of a :class:`VillageIndex` as packed bits (see the module docstring).

    Build it with :meth:`of`; do not change it.
    """

    index: VillageIndex
    #: Rows of packed bits: visits, upto, onwards (each activity by moment), runs, zeros.
    store: np.ndarray
    #: The moments, padded to whole blocks.
    moments: int
    #: The number of activities (at least 1).
    activities: int
    #: The rows whose bits make up each person's ranges, by person and activity.
    pieces: np.ndarray
    #: Where the pieces of each (person, activity) start, in that order.
    pair_ptr: np.ndarray
    #: Where the (person, activity) pairs of each person start.
    person_ptr: np.ndarray
    #: The moments in at most 64 coarse blocks, by person and activity (one word each): the
    #: blocks with a visit; the blocks wholly within a person's ranges, and the blocks their
    #: ranges touch (of the ``people`` of :meth:`of` only).
    visit_blocks: np.ndarray
    full_blocks: np.ndarray
    near_blocks: np.ndarray
    #: The number of each (person, activity) of :attr:`pair_ptr`, by person and activity.
    pair_of: np.ndarray

    @classmethod
    def of(cls, index: VillageIndex, people: np.ndarray) -> VisitBits | None:
        """The bits of ``index``, to find who shares activities with ``people`` (sorted codes);
        None when they would take more than :data:`MOST_BYTES`."""
        activities, width = max(len(index.activities), 1), max((index.size + 63) // 64, 1)
        blocks = max(-(-len(index.near_low) // BLOCK), 1)
        moments, levels = blocks * BLOCK, blocks.bit_length()
        size = 3 * activities * moments + levels * activities * blocks + 1
        if size * width * 8 > MOST_BYTES:
            return None
        store = _zeroed_words(size, width)
        cells = activities * moments
        visits, upto, onwards = (
            store[start * cells : (start + 1) * cells].reshape(activities, blocks, BLOCK, -1)
            for start in range(3)
        )
        owners = np.repeat(np.arange(index.size), np.diff(index.visit_ptr))
        row = index.visit_activity.astype(np.int64) * moments + index.visit_moment
        np.bitwise_or.at(
            visits.reshape(-1),
            row * width + (owners >> 6),
            np.left_shift(np.uint64(1), (owners & 63).astype(np.uint64)),
        )
        # One OR of whole rows per moment of the block: numpy's accumulate along this short,
        # strided axis runs an inner loop per word and takes five times as long.
        upto[:, :, 0], onwards[:, :, BLOCK - 1] = visits[:, :, 0], visits[:, :, BLOCK - 1]
        for moment in range(1, BLOCK):
            np.bitwise_or(upto[:, :, moment - 1], visits[:, :, moment], out=upto[:, :, moment])
            back = BLOCK - 1 - moment
            np.bitwise_or(onwards[:, :, back + 1], visits[:, :, back], out=onwards[:, :, back])
        runs = store[3 * cells : size - 1].reshape(levels, activities, blocks, -1)
        runs[0] = upto[:, :, BLOCK - 1]
        for level in range(1, levels):
            step = 1 << (level - 1)
            runs[level, :, : blocks - step] = runs[level - 1, :, : blocks - step]
            runs[level, :, : blocks - step] |= runs[level - 1, :, step:]
        near = index.near_ranges(people)
        pieces = _pieces(index, near, moments, activities)
        return cls(index, store, moments, activities, *pieces, *_blocks(index, near, activities))

    def shares(self, i: int) -> np.ndarray:
        """One row of packed bits per activity of person ``i`` (one of the ``people`` of
        :meth:`of`; activities in the order of their codes): the people who share it with
        ``i``."""
        pairs = self.person_ptr[i : i + 2]
        bounds = self.pair_ptr[pairs[0] : pairs[1] + 1]
        rows = self.store[self.pieces[bounds[0] : bounds[-1]]]
        found = np.empty((len(bounds) - 1, self.store.shape[1]), dtype=WORD)
        for one, (start, stop) in enumerate(pairwise((bounds - bounds[0]).tolist())):
            np.bitwise_or.reduce(rows[start:stop], axis=0, out=found[one])
        return found

    def activity_count(self, i: int) -> int:
        """The number of activities of person ``i`` (one of the ``people`` of :meth:`of`)."""
        return int(self.person_ptr[i + 1] - self.person_ptr[i])

    def counts(self, i: int, members: np.ndarray) -> np.ndarray:
        """For each of ``members`` (codes), how many activities they share with person ``i``
        (one of the ``people`` of :meth:`of`)."""
        return self.pair_counts(np.full(len(members), i, dtype=np.int64), members)

    def pair_counts(self, owners: np.ndarray, members: np.ndarray) -> np.ndarray:
        """For each pair of ``owners`` (codes of the ``people`` of :meth:`of`) and ``members``
        (codes), how many activities they share: a visit in a block wholly within the owner's
        ranges shares, one in no block of them does not, and only the rest is looked up in the
        bits (just the words of ``members``).

        The pairs are counted :data:`PAIRS_AT_ONCE` at a time: the arrays of one part are a
        few MB, reused from part to part, where those of a million pairs at once would be fresh
        memory each time (its page faults cost more than the counting)."""
        parts = [
            self._part_counts(
                owners[start : start + PAIRS_AT_ONCE], members[start : start + PAIRS_AT_ONCE]
            )
            for start in range(0, len(owners), PAIRS_AT_ONCE)
        ]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def _part_counts(self, owners: np.ndarray, members: np.ndarray) -> np.ndarray:
        """:meth:`pair_counts` of one part."""
        visits = self.visit_blocks[members]
        sure = (self.full_blocks[owners] & visits) != 0
        pair, activity = np.nonzero(~sure & ((self.near_blocks[owners] & visits) != 0))
        found = sure.sum(axis=1, dtype=np.int64)
        if not len(pair):
            return found
        first = self.pair_of[owners[pair], activity]
        starts, stops = self.pair_ptr[first], self.pair_ptr[first + 1]
        whose = np.repeat(np.arange(len(pair)), stops - starts)
        who = members[pair][whose]
        words = self.store[self.pieces[ranges(starts, stops)], who >> 6]
        bits = (words >> (who & 63).astype(np.uint64)) & np.uint64(1)
        shared = np.bincount(whose, weights=bits, minlength=len(pair)) > 0
        return found + np.bincount(pair, weights=shared, minlength=len(owners)).astype(np.int64)

    def all_counts(self, rows: np.ndarray) -> np.ndarray:
        """For everyone, in how many of ``rows`` (of :meth:`shares`) they are."""
        size = self.index.size
        bits = np.unpackbits(rows.view(np.uint8), axis=1, count=size, bitorder="little")
        return bits.sum(axis=0, dtype=np.int64)

    def pack(self, mask: np.ndarray) -> np.ndarray:
        """The bits of ``mask`` (a bool for everyone), as a row."""
        packed = np.zeros(self.store.shape[1] * 8, dtype=np.uint8)
        bits = np.packbits(mask, bitorder="little")
        packed[: len(bits)] = bits
        return packed.view(WORD)

    def sharing_all(self, i: int, among: np.ndarray | None = None) -> np.ndarray:
        """The people (sorted codes) who share every activity of person ``i`` (one of the
        ``people`` of :meth:`of`; everyone when ``i`` has none), and are in ``among`` (a row,
        such as :meth:`pack` gives) when given: only the words from the first to the last
        with someone of ``among`` are read."""
        filled = np.arange(self.store.shape[1]) if among is None else np.flatnonzero(among)
        words = np.arange(filled[0], filled[-1] + 1) if len(filled) else filled
        both = np.full(len(words), ~np.uint64(0)) if among is None else among[words]
        bounds = self.pair_ptr[self.person_ptr[i] : self.person_ptr[i + 1] + 1]
        if len(bounds) > 1 and len(words):
            rows = self.store[self.pieces[bounds[0] : bounds[-1]], words[0] : words[-1] + 1]
            shared = np.bitwise_or.reduceat(rows, bounds[:-1] - bounds[0], axis=0)
            both &= np.bitwise_and.reduce(shared, axis=0)
        return self._people_of(both, int(words[0]) if len(words) else 0)

    def _people_of(self, row: np.ndarray, first: int) -> np.ndarray:
        """The people (sorted codes) whose bits are set in ``row``, words of the store from
        word ``first`` on: only the words with a bit set are unpacked."""
        filled = np.flatnonzero(row)
        bits = np.flatnonzero(np.unpackbits(row[filled].view(np.uint8), bitorder="little"))
        found = 64 * (filled[bits >> 6] + first) + (bits & 63)
        return found[found < self.index.size]


def _zeroed_words(rows: int, width: int) -> np.ndarray:
    """A ``rows`` × ``width`` array of zero words in an anonymous memory map of its own.

    The system hands out the map's pages as they are first written, as it does for any large
    array; but numpy advises huge pages for its own large arrays, and where the kernel compacts
    memory for those (``transparent_hugepage`` set to ``madvise``) their first touch costs
    about four times as much: 0.27 CPU s for the 109 MB of the bits of 1M contacts, not 0.07.

    >>> _zeroed_words(2, 3).tolist()
    [[0, 0, 0], [0, 0, 0]]
    """
    return np.frombuffer(mmap.mmap(-1, rows * width * WORD.itemsize), dtype=WORD).reshape(
        rows, width
    )


def _pieces(
    index: VillageIndex, near: tuple[np.ndarray, ...], moments: int, activities: int
) -> tuple[np.ndarray, ...]:
    """The rows of :class:`VisitBits` whose bits, together, are the people with a visit in the
    ranges ``near`` of some people (:meth:`VillageIndex.near_ranges`), by person and activity: for a
    range over blocks the end of its first block, its whole blocks (two runs that may overlap)
    and the start of its last block; within one block each of its moments. Also where each
    (person, activity) and each person starts."""
    owner, low, high = near
    keys = len(index.near_low) + 1
    activity, start, stop = low // keys, low % keys, high % keys
    cells, blocks = activities * moments, moments // BLOCK
    base = activity * moments
    first, last = start // BLOCK, stop // BLOCK
    gap = np.maximum(last - first - 1, 0)
    level = np.floor(np.log2(np.maximum(gap, 1))).astype(np.int64)
    run = 3 * cells + (level * activities + activity) * blocks
    apart = first < last
    spans = [
        (apart, cells + base + stop),  # upto the last moment
        (apart, 2 * cells + base + start),  # onwards from the first
        (gap > 0, run + first + 1),
        (gap > 0, run + last - (1 << level)),
    ]
    inside = np.flatnonzero(~apart)  # a range within one block: its moments
    sizes = stop[inside] + 1 - start[inside]
    at = np.repeat(inside, sizes)
    rows = np.concatenate(
        [*(row[used] for used, row in spans), base[at] + ranges(start[inside], stop[inside] + 1)]
    )
    whose = np.concatenate([*(np.flatnonzero(used) for used, _ in spans), at])
    order = np.argsort(whose, kind="stable")  # ranges are sorted by person and activity
    pair = owner * activities + activity
    pairs, first_range = np.unique(pair, return_index=True)
    pair_ptr = np.searchsorted(whose[order], np.append(first_range, len(low)))
    person_ptr = np.searchsorted(pairs // activities, np.arange(index.size + 1))
    return rows[order], pair_ptr, person_ptr


def _blocks(
    index: VillageIndex, near: tuple[np.ndarray, ...], activities: int
) -> tuple[np.ndarray, ...]:
    """:attr:`VisitBits.visit_blocks`, :attr:`~VisitBits.full_blocks`,
    :attr:`~VisitBits.near_blocks` (the moments in blocks of ``ceil(moments / 64)``) and
    :attr:`~VisitBits.pair_of`, from the ranges ``near`` (:meth:`VillageIndex.near_ranges`)."""
    keys = len(index.near_low) + 1
    block = max(-(-len(index.near_low) // 64), 1)
    below = np.array([(1 << k) - 1 for k in range(65)], dtype=np.uint64)  # bits 0 .. k - 1
    visit_blocks, full_blocks, near_blocks = (
        np.zeros((index.size, activities), dtype=WORD) for _ in range(3)
    )
    owners = np.repeat(np.arange(index.size), np.diff(index.visit_ptr))
    np.bitwise_or.at(
        visit_blocks,
        (owners, index.visit_activity),
        np.left_shift(np.uint64(1), (index.visit_moment // block).astype(np.uint64)),
    )
    owner, low, high = near
    place = (owner, low // keys)
    start, stop = low % keys, high % keys
    first, last = start // block, stop // block
    wholly = first + (start % block != 0), last - ((stop + 1) % block != 0)
    np.bitwise_or.at(full_blocks, place, below[wholly[1] + 1] & ~below[wholly[0]])
    np.bitwise_or.at(near_blocks, place, below[last + 1] & ~below[first])
    pair_of = np.full((index.size, activities), -1, dtype=np.int64)
    pairs = sorted_distinct(owner * activities + place[1])
    pair_of.reshape(-1)[pairs] = np.arange(len(pairs))
    return visit_blocks, full_blocks, near_blocks, pair_of
