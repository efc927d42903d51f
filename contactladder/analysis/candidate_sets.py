"""Who ranks where among the candidates of a person: the points of every candidate at once, from
candidate sets, and the order among equal candidates.

The reasons and their points are defined in :mod:`contactladder.analysis.introductions`, which
explains them row by row; here they are counted for many people at once on the village's
:class:`~contactladder.analysis.village_index.VillageIndex`, never by comparing every person
with every other:

- only the people with a tie in common with the person (their *two-step neighbourhood*) can
  earn points for shared contacts, so everyone else earns at most 3 per activity of the
  person plus the points of the wijk and ``match`` columns the person has a value in;
- when the best ``top`` of the neighbourhood beat that bound, no one else is looked at;
  otherwise everyone within reach is scored in arrays (shared activities from the visits in
  time order, wijk and column values by their codes);
- the seeded :func:`tiebreak` is computed only among candidates of equal score and uses,
  where it decides.

Examples
--------
>>> tiebreak("p1", "p2").hex()
'a991b5f4e3a98dd4'
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from contactladder.analysis.village import Village
from contactladder.analysis.visit_bits import VisitBits
from contactladder.words import LIST_SEPARATOR

__all__ = ["POINTS", "CAPS", "SEED", "ranked", "suggestions", "tiebreak"]

#: Points per introduction reason (per activity, per column, per shared contact...).
POINTS: dict[str, int] = {
    "same_activity": 3,
    "same_wijk": 2,
    "match": 2,
    "shared_contacts": 1,
    "bridge": 1,
}
#: The most points a reason can give.
CAPS: dict[str, int] = {"shared_contacts": 3, "bridge": 3}
#: The seed of the order among equal candidates.
SEED = "contactladder-2024"
#: Candidates so few that all of them are put in order, tiebreak and all.
FEW = 32


def ranked(
    village: Village,
    person: Hashable,
    match: tuple[str, ...],
    *,
    professionals: bool = False,
    top: int | None = None,
    uses: np.ndarray | None = None,
    most: int | None = None,
) -> list[tuple[Hashable, int]]:
    """The ``top`` best candidates for ``person`` and their scores, best first: highest score,
    then (with ``uses``, the times each person by code was suggested so far) the one suggested
    least, then :func:`tiebreak`; no one already suggested ``most`` times.

    Notes
    -----
    Only the people with a tie in common with ``person`` can earn points for shared contacts;
    anyone else earns at most 3 per activity of ``person`` plus the points of their wijk and
    ``match`` columns. When ``top`` of the first beat that bound, no one else is scored;
    otherwise everyone is, in arrays (:class:`~contactladder.analysis.village_index.VillageIndex`).
    """
    index, i = village.index, village.index.code[person]
    mine, rungs = index.ties(i)
    eligible = village.reach & (professionals | village.focal_mask)
    if uses is not None and most is not None:
        eligible &= uses < most
    eligible[i] = False
    eligible[mine[rungs >= min(2, len(village.net.ladder))]] = False  # already more than known
    found, common = index.two_step(i)
    if top is not None and not professionals:
        near = eligible[found]
        scores = _scores(village, i, found[near], common[near], match, professionals)
        bound = POINTS["same_activity"] * index.activity_count(i) + _fixed_points(village, i, match)
        if (scores > bound).sum() >= top:
            best = scores > bound
            return _select(village, person, found[near][best], scores[best], uses, top)
    members = np.flatnonzero(eligible)
    place = np.minimum(np.searchsorted(found, members), max(len(found) - 1, 0))
    shared = np.where(found[place] == members, common[place], 0) if len(found) else 0 * members
    scores = _scores(village, i, members, shared, match, professionals)
    return _select(village, person, members[scores > 0], scores[scores > 0], uses, top)


def suggestions(
    village: Village, people: list[Hashable], match: tuple[str, ...], top: int, most: int | None
) -> tuple[list[str], int]:
    """For each person, going down the list, the names and scores of the ``top`` best peers:
    "Bo (bo) 9 | Cem (c) 7"; equal scores go to whoever was suggested less so far, and no one
    more than ``most`` times. Also the most times anyone was suggested."""
    uses = np.zeros(village.index.size, dtype=np.int64)
    texts = []
    levels = _Levels.of(village, match, [village.index.code[person] for person in people])
    for person in people:
        if levels is None:
            chosen = ranked(village, person, match, top=top, uses=uses, most=most)
            uses[[village.index.code[other] for other, _ in chosen]] += 1
        else:
            chosen = levels.best(person, top, uses)
            levels.suggested([village.index.code[other] for other, _ in chosen], uses, most)
        texts.append(
            LIST_SEPARATOR.join(f"{village.name(other)} {score}" for other, score in chosen)
        )
    return texts, int(uses.max(initial=0))


def tiebreak(person: Hashable, candidate: Hashable) -> bytes:
    """The place of ``candidate`` among equal candidates for ``person``: a seeded hash of the
    pair, stable from run to run, unrelated to the ids' order.

    >>> tiebreak("p1", "p2") == tiebreak("p1", "p2"), tiebreak("p1", "p2") == tiebreak("p3", "p2")
    (True, False)
    """
    return _tiebreaks(person, [f"{candidate}".encode()])[0]


def _tiebreaks(person: Hashable, candidates: list[bytes]) -> list[bytes]:
    """:func:`tiebreak` of each of ``candidates`` (their ids as UTF-8 text): the hash of the
    person's part is computed once."""
    copy = hashlib.blake2b(f"{SEED}|{person}|".encode(), digest_size=8).copy
    found = []
    for candidate in candidates:
        pair = copy()
        pair.update(candidate)
        found.append(pair.digest())
    return found


def _scores(
    village: Village,
    i: int,
    members: np.ndarray,
    common: np.ndarray,
    match: tuple[str, ...],
    professionals: bool,
) -> np.ndarray:
    """The points of each of ``members`` (codes) as a candidate for person ``i``, who share
    ``common`` ties with them: the rules of :func:`_reasons`, in arrays."""
    index = village.index
    scores = POINTS["same_activity"] * index.shared_counts(i, members)
    scores += np.minimum(common * POINTS["shared_contacts"], CAPS["shared_contacts"])
    scores += _column_points(village, i, members, match)
    if professionals:
        mine, _ = index.ties(i)
        around = np.append(mine, i)
        reach = index.tie_counts(village.focal_mask)[members] - index.neighbour_counts(
            around[village.focal_mask[around]], members
        )
        bridge = np.minimum(reach * POINTS["bridge"], CAPS["bridge"])
        scores += np.where(village.focal_mask[members], 0, bridge)
    return scores


def _column_points(
    village: Village, i: int | np.ndarray, members: np.ndarray, match: tuple[str, ...]
) -> np.ndarray:
    """The points of each of ``members`` (codes) for the wijk and ``match`` columns they share
    with person ``i`` (a code, or one for each of ``members``)."""
    points = np.zeros(len(members), dtype=np.int64)
    for column, worth in _worth(match):
        codes, _ = village.index.codes(column)
        points += worth * ((codes[i] >= 0) & (codes[members] == codes[i]))
    return points


def _fixed_points(village: Village, i: int | np.ndarray, match: tuple[str, ...]) -> np.ndarray:
    """The most points anyone can earn from the wijk and ``match`` columns of person ``i`` (a
    code, or many)."""
    return sum(
        (worth * (village.index.codes(column)[0][i] >= 0) for column, worth in _worth(match)),
        np.zeros(np.shape(i), dtype=np.int64),
    )


def _worth(match: tuple[str, ...]) -> list[tuple[str, int]]:
    """The columns that earn points, and the points of each."""
    return [("wijk", POINTS["same_wijk"]), *((column, POINTS["match"]) for column in match)]


def _select(
    village: Village,
    person: Hashable,
    members: np.ndarray,
    scores: np.ndarray,
    uses: np.ndarray | None,
    top: int | None,
) -> list[tuple[Hashable, int]]:
    """The ``top`` best of ``members`` (codes) with their ``scores``, by score, then ``uses``,
    then :func:`tiebreak`: the tiebreak is computed only where it decides (of a few members,
    for all of them)."""
    used = uses[members] if uses is not None else np.zeros(len(members), dtype=np.int64)
    people, texts = village.index.people, village.index.id_texts
    if len(members) <= FEW:
        codes, points, times = members.tolist(), scores.tolist(), used.tolist()
        places = _tiebreaks(person, [texts[code] for code in codes])
        ranks = sorted(range(len(codes)), key=lambda k: (-points[k], times[k], places[k]))
        return [(people[codes[k]], points[k]) for k in ranks[:top]]
    # In the order of the key: highest score first, then the one suggested least.
    key = used - scores * (int(used.max(initial=0)) + 1)
    order = np.argsort(key, kind="stable")
    key = key[order]
    if top is not None and len(key) > top:  # the groups of equal key the first top are in
        order = order[: np.searchsorted(key, key[top - 1], "right")]
        key = key[: len(order)]
    bounds = [0, *(np.flatnonzero(key[1:] != key[:-1]) + 1).tolist(), len(key)]
    codes, points = members[order].tolist(), scores[order].tolist()
    chosen: list[tuple[Hashable, int]] = []
    for start, stop in pairwise(bounds):
        if top is not None and len(chosen) >= top:
            break
        group = codes[start:stop]
        # The digests as big-endian numbers sort as the bytes do; stable, as sorted() is.
        digests = b"".join(_tiebreaks(person, [texts[code] for code in group]))
        need = len(group) if top is None else top - len(chosen)
        firsts = np.argsort(np.frombuffer(digests, dtype=">u8"), kind="stable")[:need]
        chosen.extend((people[group[k]], points[start]) for k in firsts.tolist())
    return chosen


@dataclass(frozen=True)
class _Levels:
    """:func:`ranked` of many people of one village, peers only, from the bits of who shares
    each activity with whom (:class:`~contactladder.analysis.visit_bits.VisitBits`).

    The neighbourhood is scored as in :func:`ranked`. When fewer than ``top`` of it beat the
    most anyone else can earn (``bound``: every activity of the person, every column value),
    the people who earn exactly that are found from the bits; only when those are too few
    too is everyone scored, the shared activities counted from the bits.
    """

    village: Village
    match: tuple[str, ...]
    bits: VisitBits
    #: Whether each person may still be suggested: within reach, focal, not ``most`` times yet.
    open: np.ndarray
    #: Scratch: the person and those they know (ruled out), the neighbourhood (scored apart).
    out: np.ndarray
    near: np.ndarray
    #: The two-step neighbourhoods of the people (:meth:`VillageIndex.two_steps`).
    steps: tuple[np.ndarray, np.ndarray, np.ndarray]
    #: The most points of each person's columns, and the most anyone outside the person's
    #: neighbourhood can earn (``bound``).
    fixed: np.ndarray
    bound: np.ndarray
    #: Of each person's neighbourhood, who can be suggested (within reach, focal, not known)
    #: and reaches the bound, with their scores: ``ahead[1][ahead[0][i]:ahead[0][i + 1]]``.
    ahead: tuple[np.ndarray, np.ndarray, np.ndarray]
    #: :attr:`open` as bits, and the bits of the people with each value of a column.
    open_bits: np.ndarray
    value_bits: dict[tuple[str, int], np.ndarray]

    @classmethod
    def of(cls, village: Village, match: tuple[str, ...], people: list[int]) -> _Levels | None:
        """The levels of ``village`` for ``people`` (codes); None when its bits would take too
        much memory."""
        codes = np.unique(np.array(people, dtype=np.int64))
        bits = VisitBits.of(village.index, codes)
        if bits is None:
            return None
        index = village.index
        out, near = (np.zeros(index.size, dtype=bool) for _ in range(2))
        allowed = village.reach & village.focal_mask
        steps = index.two_steps(codes)
        start, found, common = steps
        owners = np.repeat(np.arange(index.size), np.diff(start))
        points = np.minimum(common * POINTS["shared_contacts"], CAPS["shared_contacts"])
        points += _column_points(village, owners, found, match)
        fixed = _fixed_points(village, np.arange(index.size), match)
        bound = POINTS["same_activity"] * np.diff(bits.person_ptr) + fixed
        # Who falls short of the columns' points stays below the bound: not counted.
        hopeful = allowed[found] & ~_known(village, owners * index.size + found)
        hopeful &= points >= fixed[owners]
        owners, found, points = owners[hopeful], found[hopeful], points[hopeful]
        points += POINTS["same_activity"] * bits.pair_counts(owners, found)
        keep = points >= bound[owners]
        owners, ahead = owners[keep], (found[keep], points[keep])
        ahead_ptr = np.searchsorted(owners, np.arange(index.size + 1))
        return cls(
            village, match, bits, allowed, out, near, steps, fixed, bound,
            (ahead_ptr, *ahead), bits.pack(allowed), {},
        )  # fmt: skip

    def suggested(self, codes: list[int], uses: np.ndarray, most: int | None) -> None:
        """Count one more suggestion of each of ``codes`` in ``uses``; close who reached
        ``most``."""
        uses[codes] += 1
        full = np.array([code for code in codes if most is not None and uses[code] >= most])
        if len(full):
            self.open[full] = False
            np.bitwise_and.at(
                self.open_bits,
                full >> 6,
                ~np.left_shift(np.uint64(1), (full & 63).astype(np.uint64)),
            )

    def best(self, person: Hashable, top: int, uses: np.ndarray) -> list[tuple[Hashable, int]]:
        """:func:`ranked` of ``person`` (peers only), with ``uses`` and ``most`` as counted by
        :meth:`suggested`."""
        village, match, index = self.village, self.match, self.village.index
        i = index.code[person]
        ahead_ptr, ahead, scores = self.ahead
        own = slice(ahead_ptr[i], ahead_ptr[i + 1])
        members, scores = ahead[own], scores[own]
        members, scores = members[self.open[members]], scores[self.open[members]]
        bound = int(self.bound[i])
        best = scores > bound
        if np.count_nonzero(best) >= top:
            return _select(village, person, members[best], scores[best], uses, top)
        mine, rungs = index.ties(i)
        known = mine[rungs >= min(2, len(village.net.ladder))]
        start, found, common = self.steps
        found, common = found[start[i] : start[i + 1]], common[start[i] : start[i + 1]]
        self.out[known], self.out[i], self.near[found] = True, True, True
        try:
            if bound > 0:
                level = self.bits.sharing_all(i, self._alike(i))
                level = level[~self.out[level] & ~self.near[level]]
                if len(members) + len(level) >= top:
                    members = np.concatenate([members, level])
                    scores = np.concatenate([scores, np.full(len(level), bound)])
                    return _select(village, person, members, scores, uses, top)
            total = POINTS["same_activity"] * self.bits.all_counts(self.bits.shares(i))
            near = self.open[found] & ~self.out[found]
            total[found[near]] += np.minimum(
                common[near] * POINTS["shared_contacts"], CAPS["shared_contacts"]
            )
            everyone = np.flatnonzero(self.open & ~self.out)
            total = total[everyone] + _column_points(village, i, everyone, match)
            return _select(village, person, everyone[total > 0], total[total > 0], uses, top)
        finally:
            self.out[known], self.out[i], self.near[found] = False, False, False

    def _alike(self, i: int) -> np.ndarray:
        """The bits of the people still open with the values of person ``i`` in the wijk and
        ``match`` columns where ``i`` has one."""
        found = self.open_bits
        for column in ("wijk", *self.match):
            codes, _ = self.village.index.codes(column)
            if codes[i] >= 0:
                key = (column, int(codes[i]))
                if key not in self.value_bits:
                    self.value_bits[key] = self.bits.pack(codes == codes[i])
                found = found & self.value_bits[key]
        return found


def _known(village: Village, pairs: np.ndarray) -> np.ndarray:
    """Whether each of ``pairs`` (``i * size + j`` of codes) is a tie above the lowest rungs
    (the two already know each other more than a little)."""
    index = village.index
    owners = np.repeat(np.arange(index.size), np.diff(index.indptr))
    above = index.rungs >= min(2, len(village.net.ladder))
    ties = np.sort(owners[above] * index.size + index.neighbours[above])
    place = np.minimum(np.searchsorted(ties, pairs), max(len(ties) - 1, 0))
    return ties[place] == pairs if len(ties) else np.zeros(len(pairs), dtype=bool)
