"""The activities to invite a focal person to: those that tied people like them.

People are *alike* when they live in the same wijk (compared in lower case) and share the values
of the ``match`` columns (such as ``child_age_group``). An activity *produced* a tie when the
tie, at the second rung or higher, lists it among its activities. The worklist and the
conversation sheet suggest the activities that produced the most ties between two people alike
the person.

Examples
--------
>>> from contactladder.analysis.village import Village
>>> from contactladder.network import LadderNetwork
>>> village = Village.of(LadderNetwork.from_path("data/zwolle-demo"))
>>> parent = next(p for p in sorted(village.graph) if village.focal(p))
>>> all(ties > 0 for _, ties in invitations(village, parent, ()))
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from functools import cache

import numpy as np
import pandas as pd

from contactladder.analysis.village import Village, is_activity

__all__ = ["invitations", "invitation_counts"]


def invitations(
    village: Village,
    person: Hashable,
    match: tuple[str, ...],
    top: int = 2,
    *,
    counts: dict[tuple, Counter[str]] | None = None,
) -> list[tuple[str, int]]:
    """The activities to invite ``person`` to: those that produced the most ties at the second
    rung or higher among focal people like them (both in their wijk, both with their values of
    the ``match`` columns), most first, then by name: ``[(activity, ties), ...]``. ``counts``:
    :func:`invitation_counts` of the village, when known.
    """
    kind = _alike(village, person, match)
    if not kind[0]:
        return []
    found = (counts if counts is not None else invitation_counts(village, match)).get(kind)
    return sorted((found or Counter()).items(), key=lambda item: (-item[1], item[0]))[:top]


def invitation_counts(village: Village, match: tuple[str, ...]) -> dict[tuple, Counter[str]]:
    """For every kind of focal people (wijk in lower case, values of the ``match`` columns):
    how many ties at the second rung or higher between two of them each activity produced."""
    index, focal = village.index, village.focal_mask
    kind, kinds = _kinds(village, match)
    owners = np.repeat(np.arange(index.size), np.diff(index.indptr))
    others = index.neighbours
    level = min(2, len(village.net.ladder))
    tied = (owners < others) & (index.rungs >= level) & focal[owners] & focal[others]
    tied &= (kind[owners] == kind[others]) & (kind[owners] >= 0)
    graph, people = village.graph, index.people
    # Ties of one kind often list the same activities: each (kind, activities) counted once.
    lists = Counter(
        (kind[a], graph[people[a]][people[b]].get("activities") or ())
        for a, b in zip(owners[tied].tolist(), others[tied].tolist())
    )
    named = cache(is_activity)  # few labels, many ties
    counts: dict[tuple, Counter[str]] = {}
    for (code, names), ties in lists.items():
        found = counts.setdefault(kinds[code], Counter())
        for name in {name for name in names if named(name)}:
            found[name] += ties
    return counts


def _kinds(village: Village, match: tuple[str, ...]) -> tuple[np.ndarray, list[tuple]]:
    """Every person's kind (:func:`_alike`) as a code (-1 without a wijk), and the kinds by
    code."""
    index = village.index
    wijk, wijken = index.codes("wijk")
    lower, names = pd.factorize(pd.Series([name.lower() for name in wijken], dtype=object))
    columns = [np.where(wijk >= 0, lower[np.maximum(wijk, 0)] if len(lower) else 0, -1)]
    values = [[str(name) for name in names]]
    for column in match:
        codes, texts = index.codes(column)
        columns.append(codes)
        values.append(texts)
    found, kind = np.unique(np.column_stack(columns), axis=0, return_inverse=True)
    kinds = [
        tuple(texts[code] if code >= 0 else "" for code, texts in zip(row.tolist(), values))
        for row in found
    ]
    kind = kind.reshape(-1)
    return np.where(columns[0] >= 0, kind, -1), kinds


def _alike(village: Village, person: Hashable, match: tuple[str, ...]) -> tuple:
    """What makes people alike for :func:`invitations`: wijk (lower case), ``match`` values."""
    return (village.text(person, "wijk").lower(), *(village.text(person, c) for c in match))
