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
    kinds = {p: _alike(village, p, match) for p in village.graph if village.focal(p)}
    level = min(2, len(village.net.ladder))
    counts: dict[tuple, Counter[str]] = {}
    for a, b, data in village.graph.edges(data=True):
        if data["rung"] >= level and a in kinds and kinds[a] == kinds.get(b) and kinds[a][0]:
            names = {name for name in data.get("activities") or () if is_activity(name)}
            counts.setdefault(kinds[a], Counter()).update(names)
    return counts


def _alike(village: Village, person: Hashable, match: tuple[str, ...]) -> tuple:
    """What makes people alike for :func:`invitations`: wijk (lower case), ``match`` values."""
    return (village.text(person, "wijk").lower(), *(village.text(person, c) for c in match))
