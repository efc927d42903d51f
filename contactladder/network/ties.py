"""Ties from a table of contacts: one row per pair, and the moments a pair's rung went up.

A *tie* is a pair of people with at least one contact. Its *reached* rung is the highest rung of
its contacts; its first and last contact are the earliest and latest dates; ``activities`` are
the distinct named activities of its contacts, sorted. A *rise* is a moment at which the reached
rung of a tie went up, its first contact included; contacts of a pair at the same moment count
as one, at their highest rung.

These functions take contacts as :class:`~contactladder.loading.Dataset` holds them (``date,
person_a, person_b, rung, activity``, ``person_a < person_b``) and never change them.

Examples
--------
>>> import pandas as pd
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09", "2024-03-01"]),
...     "person_a": "ann", "person_b": "bo", "rung": [2, 1, 4], "activity": ["gym", "", "gym"]})
>>> tie_table(contacts).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['ann', 'bo', 4, Timestamp('2024-01-05 00:00:00'), Timestamp('2024-03-01 00:00:00'), 3,
  ('gym',)]]
>>> rung_rises(contacts)["rung"].tolist()
[2, 4]
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pandas as pd

from contactladder.loading.coded import sorted_distinct

__all__ = ["tie_table", "rung_rises"]

_MASK_BITS = 63  # the activities whose sets fit in one 64-bit mask


def tie_table(
    contacts: pd.DataFrame, codes: tuple[np.ndarray, np.ndarray, pd.Index] | None = None
) -> pd.DataFrame:
    """One row per tie: ``person_a, person_b, rung, first_contact, last_contact, contacts,
    activities``, sorted by pair.

    Parameters
    ----------
    contacts : DataFrame
        ``date, person_a, person_b, rung, activity``.
    codes : (ndarray, ndarray, Index), optional
        The position of each contact's ``person_a`` and ``person_b`` among the ids of the
        Index, when known (a network knows them): the ties are then grouped on those integers.

    Returns
    -------
    DataFrame
        ``rung`` the highest, ``contacts`` the number of contacts, ``activities`` a tuple of the
        distinct named activities, sorted (``()`` when none).

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"]), "person_a": "a",
    ...     "person_b": "b", "rung": [1], "activity": [""]})
    >>> tie_table(contacts)[["rung", "contacts", "activities"]].values.tolist()
    [[1, 1, ()]]
    """
    key = _pair_keys(contacts, codes)
    order = np.argsort(key)  # a pair's rows in any order: only their extremes and count are kept
    starts = np.flatnonzero(np.diff(key[order], prepend=-1) != 0)
    tie = np.empty(len(key), dtype=np.int64)
    tie[order] = np.cumsum(np.diff(key[order], prepend=-1) != 0) - 1
    first_rows = order[starts]
    dates = contacts["date"].to_numpy()[order]
    ties = pd.DataFrame(
        {
            "person_a": contacts["person_a"].iloc[first_rows].reset_index(drop=True),
            "person_b": contacts["person_b"].iloc[first_rows].reset_index(drop=True),
            "rung": np.maximum.reduceat(contacts["rung"].to_numpy()[order], starts)
            if len(starts)
            else np.array([], dtype=np.int64),
            "first_contact": np.minimum.reduceat(dates, starts) if len(starts) else dates,
            "last_contact": np.maximum.reduceat(dates, starts) if len(starts) else dates,
            "contacts": np.diff(np.r_[starts, len(key)]).astype(np.int64),
        }
    )
    ties["activities"] = pd.Series(_activity_lists(contacts, tie, order, starts), dtype=object)
    return ties


def _activity_lists(
    contacts: pd.DataFrame, pair: np.ndarray, order: np.ndarray, starts: np.ndarray
) -> list[tuple]:
    """Each tie's distinct named activities, sorted, on integer codes: ``pair`` is each
    contact's tie number (in the ties' order), ``order`` the contacts tie by tie, each tie's
    from ``starts``. With few activities (up to 63, as a neighbourhood's are) each tie's set
    is a bit mask and each distinct set one tuple."""
    codes, names = pd.factorize(contacts["activity"].to_numpy(dtype=object), sort=True)
    names = np.asarray(names, dtype=object)
    named = (names != "")[codes] if len(names) else np.zeros(len(codes), dtype=bool)
    if len(names) <= _MASK_BITS:
        bits = np.where(named, np.left_shift(np.uint64(1), codes.astype(np.uint64)), 0)
        masks = np.bitwise_or.reduceat(bits[order], starts) if len(starts) else bits
        distinct, inverse = np.unique(masks, return_inverse=True)
        sets = np.empty(len(distinct), dtype=object)  # each set's one tuple, taken by number
        for number, mask in enumerate(distinct.tolist()):
            sets[number] = tuple(names[[bit for bit in range(len(names)) if mask >> bit & 1]])
        return sets[inverse].tolist()
    key = sorted_distinct(pair[named].astype(np.int64) * len(names) + codes[named])
    owner, activity = key // len(names), key % len(names)
    bounds = np.searchsorted(owner, np.arange(len(starts) + 1))
    labels = names[activity]
    return [tuple(labels[a:b]) for a, b in pairwise(bounds)]


def rung_rises(
    contacts: pd.DataFrame, codes: tuple[np.ndarray, np.ndarray, pd.Index] | None = None
) -> pd.DataFrame:
    """Every moment a tie's reached rung went up, its first contact included.

    Parameters
    ----------
    contacts : DataFrame
        ``date, person_a, person_b, rung``.
    codes : (ndarray, ndarray, Index), optional
        As for :func:`tie_table`.

    Returns
    -------
    DataFrame
        ``person_a, person_b, date, rung`` (the rung reached then), sorted by pair and date.

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-01-05"]),
    ...     "person_a": "a", "person_b": "b", "rung": [2, 3]})
    >>> rung_rises(contacts).values.tolist()
    [['a', 'b', Timestamp('2024-01-05 00:00:00'), 3]]
    """
    pair = _pair_keys(contacts, codes)
    moments, moment = np.unique(contacts["date"].to_numpy(), return_inverse=True)
    key = pair * max(len(moments), 1) + moment
    order = np.argsort(key)  # rows of one pair and moment in any order: their highest rung
    starts = np.flatnonzero(np.diff(key[order], prepend=-1) != 0)
    rungs = contacts["rung"].to_numpy()[order]
    rung = np.maximum.reduceat(rungs, starts) if len(starts) else rungs
    of_pair = pd.Series(pair[order][starts])
    reached = pd.Series(rung, dtype="int64").groupby(of_pair, sort=False).cummax()
    before = reached.groupby(of_pair, sort=False).shift(fill_value=0)
    rises = (reached > before).to_numpy()
    rows = order[starts][rises]
    return pd.DataFrame(
        {
            "person_a": contacts["person_a"].iloc[rows].reset_index(drop=True),
            "person_b": contacts["person_b"].iloc[rows].reset_index(drop=True),
            "date": moments[moment[rows]],
            "rung": reached[rises].to_numpy(),
        }
    )


def _pair_keys(
    contacts: pd.DataFrame, codes: tuple[np.ndarray, np.ndarray, pd.Index] | None
) -> np.ndarray:
    """Each contact's pair as one integer, in the order of the pairs' ids (``person_a``, then
    ``person_b``), from ``codes`` (as for :func:`tie_table`) or the ids themselves."""
    if codes is None:
        both, ids = pd.factorize(pd.concat([contacts["person_a"], contacts["person_b"]]))
        codes = (both[: len(contacts)], both[len(contacts) :], pd.Index(ids))
    code_a, code_b, ids = codes
    rank = np.empty(len(ids), dtype=np.int64)  # the place of each id in sorted order
    rank[np.argsort(ids.to_numpy(dtype=object), kind="stable")] = np.arange(len(ids))
    return rank[code_a] * max(len(ids), 1) + rank[code_b]
