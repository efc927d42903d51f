"""What activities yield: per activity, the ties first made there and the rungs they reached since.

A tie is made at the activity of its first contact, so every tie counts at exactly one activity:

>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> int(activity_yield(net)["ties"].sum()) == len(net.ties())
True

The ties are found on integer codes of the pairs (each id given a number once), not by grouping
and joining the ids as text: a tie's first contact is the first of its rows in the contacts'
order (by date), its rung the highest of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from contactladder.analysis.growth import NO_GROUP, SHARING_LEVEL
from contactladder.network import LadderNetwork

__all__ = ["activity_yield", "first_activities"]


def activity_yield(net: LadderNetwork, *, as_of: object = None) -> pd.DataFrame:
    """Per activity, the ties first made there and the rungs those ties have reached since.

    A tie is made at the activity of its first contact (``(none)`` when that contact names no
    activity). Columns: ``activity, ties, rung_<key>...`` (ties now at each rung),
    ``share_ge3`` (share of them at level 3 or higher) and ``mean_rung``; most ties first.
    """
    cutoff = net.cutoff(as_of)
    _, a, b = net.contact_ends(before=cutoff)
    ties = first_activities(net.contact_rows(before=cutoff), (a, b))
    activity, names = pd.factorize(ties["activity"].replace("", NO_GROUP), sort=True)
    columns = [f"rung_{rung.key}" for rung in net.ladder]
    levels = pd.Series([rung.level for rung in net.ladder], index=columns)
    # A rung's level is its place on the ladder, from 1: the count of (activity, level) is a
    # cell of one array.
    cell = activity * len(levels) + ties["rung"].to_numpy() - 1
    counts = np.bincount(cell, minlength=len(names) * len(levels)).reshape(-1, len(levels))
    table = pd.DataFrame(counts, index=pd.Index(names, name="activity"), columns=columns)
    table.insert(0, "ties", table.sum(axis=1))
    table["share_ge3"] = table[levels.index[levels >= SHARING_LEVEL]].sum(axis=1) / table["ties"]
    table["mean_rung"] = table[levels.index].mul(levels).sum(axis=1) / table["ties"]
    return table.reset_index().sort_values(
        ["ties", "activity"], ascending=[False, True], ignore_index=True
    )


def first_activities(
    contacts: pd.DataFrame, ends: tuple[np.ndarray, np.ndarray] | None = None
) -> pd.DataFrame:
    """One row per tie of ``contacts`` (``person_a, person_b, rung, activity``, in time
    order): ``activity`` that of its first contact, ``rung`` the highest; in no set order.
    ``ends``: the positions of each contact's two people among the ids, when known (a network
    knows them: :meth:`~contactladder.network.LadderNetwork.contact_ends`).

    >>> contacts = pd.DataFrame({"person_a": ["a", "a", "b"], "person_b": ["b", "b", "c"],
    ...     "rung": [1, 3, 2], "activity": ["gym", "", ""]})
    >>> first_activities(contacts).values.tolist()
    [['gym', 3], ['', 2]]
    >>> first_activities(contacts, (np.array([0, 0, 1]), np.array([1, 1, 2]))).values.tolist()
    [['gym', 3], ['', 2]]
    """
    if ends is None:
        ends = (pd.factorize(contacts["person_a"])[0], pd.factorize(contacts["person_b"])[0])
    code_a, code_b = (np.asarray(codes, dtype=np.int64) for codes in ends)
    pair = code_b * (int(code_a.max(initial=-1)) + 1) + code_a
    order = np.argsort(pair, kind="stable")  # a pair's rows stay in time order
    starts = np.flatnonzero(np.diff(pair[order], prepend=-1) != 0)
    rungs = contacts["rung"].to_numpy()[order]
    highest = np.maximum.reduceat(rungs, starts) if len(starts) else rungs
    first = contacts["activity"].iloc[order[starts]].reset_index(drop=True)
    return pd.DataFrame({"activity": first, "rung": highest})
