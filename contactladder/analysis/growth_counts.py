"""The growth table's counting: the figures of one group's network in every period at once,
from integer arrays.

A *walk* is what the counting needs of one group, with people as positions ``0 .. n-1``:

- ``joined``: the period each person becomes present in (``periods``: never);
- ``kinds``: each person's :data:`KINDS` code (focal, professional or other);
- the *rows*, sorted by period: one per period and tie, with the tie's two people ``a``, ``b``,
  its rung before the row (``old``: 0 for a new tie) and after it (``new``).

:func:`walk_figures` gives every state figure of the growth table (the definitions are those of
:mod:`contactladder.analysis.growth`) for every period, as arrays: counts by cumulative sums of
what each period adds; components by merging, period by period, the components a period's new
ties join (the connected components of the contracted graph, by :func:`_roots`); triangles
among focal people found once in the last period's graph (each at the period its last edge
arrives, from degree-ordered adjacency); connected triples from each person's degree, period
by period. The reached view is one walk; a snapshot (a period of the active view, the current
ties at a period's end) is a walk of one period whose rows are all new.

Examples
--------
>>> import numpy as np
>>> from contactladder.ladder import Ladder
>>> figures, first_tie = walk_figures(
...     2, joined=np.array([0, 0, 1]), kinds=np.array([FOCAL, FOCAL, FOCAL]),
...     period=np.array([0, 1]), a=np.array([0, 0]), b=np.array([1, 2]),
...     old=np.array([0, 0]), new=np.array([3, 1]), ladder=Ladder.default())
>>> figures["ties"].tolist(), figures["components"].tolist(), figures["focal_alone"].tolist()
([1, 2], [1, 1], [0, 0])
>>> figures["focal_peer_ge3"].tolist(), figures["peer_transitivity"].tolist(), first_tie.tolist()
([2, 2], [nan, 0.0], [0, 0, 1])
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from contactladder.ladder import Ladder
from contactladder.words.roles import role_key

__all__ = [
    "SHARING_LEVEL",
    "PROFESSIONAL",
    "KINDS",
    "FOCAL",
    "OTHER",
    "TIE_TYPES",
    "sharing_column",
    "tie_type_columns",
    "tie_types",
    "walk_figures",
]

#: The level of the default ladder's sharing rung (``delen``); a ladder names its own
#: (:attr:`Ladder.sharing <contactladder.ladder.Ladder>`).
SHARING_LEVEL = 3
#: The role whose ties with the focal people and among themselves are counted apart.
PROFESSIONAL = "professional"
#: What a person is at a tie's end, by code: focal, a professional (not focal) or other.
KINDS = ("focal", PROFESSIONAL, "other")
FOCAL, OTHER = 0, 2
#: How many wedges (two ties out of one person) the triangle count looks at in one go: it
#: bounds its memory (about 60 bytes a wedge) however large the network.
WEDGES_AT_ONCE = 2_000_000
#: The tie types by code (:func:`tie_types`).
TIE_TYPES = ("focal_focal", "focal_professional", "professional_professional", "other")


def sharing_column(ladder: Ladder, prefix: str = "focal_peer") -> str:
    """The name of a figure counted at the ladder's sharing rung or higher: ``<prefix>_ge3``
    when that rung is level 3 (so the default ladder's columns keep their names), otherwise
    ``<prefix>_ge_<key>`` after the rung's key.

    >>> sharing_column(Ladder.default()), sharing_column(Ladder(list(Ladder.default())[:2]))
    ('focal_peer_ge3', 'focal_peer_ge_praten')
    >>> sharing_column(Ladder.default(), "share")
    'share_ge3'
    """
    rung = ladder.sharing
    return f"{prefix}_ge3" if rung.level == SHARING_LEVEL else f"{prefix}_ge_{rung.key}"


def tie_type_columns(focal: str) -> dict[str, str]:
    """The ``ties_<role>_<role>`` column of each tie type, named after the focal role (its
    :func:`~contactladder.words.roles.role_key`) and ``professional``: focal–focal,
    focal–professional and professional–professional ties (one type when the focal role is
    ``professional``).

    >>> list(tie_type_columns("parent").values())
    ['ties_parent_parent', 'ties_parent_professional', 'ties_professional_professional']
    >>> tie_type_columns("Jonge ouder")["focal_focal"], tie_type_columns("prof")
    ('ties_jonge_ouder_jonge_ouder', {'focal_focal': 'ties_professional_professional'})
    """
    role = re.sub(r"[^a-z0-9]+", "_", role_key(focal)).strip("_") or "focal"
    if role == PROFESSIONAL:
        return {"focal_focal": f"ties_{role}_{role}"}
    return {
        "focal_focal": f"ties_{role}_{role}",
        "focal_professional": f"ties_{role}_{PROFESSIONAL}",
        "professional_professional": f"ties_{PROFESSIONAL}_{PROFESSIONAL}",
    }


def tie_types(kind_a: np.ndarray, kind_b: np.ndarray) -> np.ndarray:
    """The code in :data:`TIE_TYPES` of each tie, from the :data:`KINDS` codes of its ends.

    >>> tie_types(np.array([0, 1, 0]), np.array([1, 1, 2])).tolist()
    [1, 2, 3]
    """
    return np.where((kind_a == OTHER) | (kind_b == OTHER), len(TIE_TYPES) - 1, kind_a + kind_b)


def walk_figures(
    periods: int,
    *,
    joined: np.ndarray,
    kinds: np.ndarray,
    period: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    old: np.ndarray,
    new: np.ndarray,
    ladder: Ladder,
    type_columns: dict[str, str] | None = None,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Every state figure of the growth table per period (arrays of ``periods`` values, by
    column name), and the period of each person's first tie (``periods``: none); see the
    module docstring for the walk."""
    focal = kinds == FOCAL
    new_tie = old == 0
    first_tie = _first(period[new_tie], a[new_tie], b[new_tie], len(joined), periods)
    peer = focal[a] & focal[b]
    new_peer = peer & new_tie
    people = _running(joined, periods)
    focal_count = _running(joined[focal], periods)
    figures = {
        "people": people,
        "focal": focal_count,
        "ties": _running(period[new_tie], periods),
        **_rungs(periods, period, old, new, ladder),
        **_types(periods, period[new_tie], kinds[a[new_tie]], kinds[b[new_tie]], type_columns),
    }
    with_ties = _running(first_tie[focal], periods)
    with_peers = _reached_at(period[new_peer], a[new_peer], b[new_peer], joined, focal, periods)
    peer_ties = _running(period[new_peer], periods)
    possible = focal_count * (focal_count - 1) / 2
    triangles = _running(_triangle_periods(period[new_peer], a[new_peer], b[new_peer]), periods)
    triples = _triples(period[new_peer], a[new_peer], b[new_peer], periods)
    merges, largest_focal = _components(periods, joined, focal, period[new_tie], a, b, new_tie)
    figures.update(
        {
            "focal_alone": focal_count - with_ties,
            "focal_only_professional": with_ties - with_peers,
            sharing_column(ladder): _peer_rung_at(
                ladder.sharing.level, period, a, b, new, peer, joined, focal, periods
            ),
            "focal_peer_top": _peer_rung_at(
                ladder.top.level, period, a, b, new, peer, joined, focal, periods
            ),
            "focal_peer_degree_mean": _ratio(2 * peer_ties, focal_count),
            "components": people - np.cumsum(merges),
            "largest_component_share": _ratio(largest_focal, focal_count),
            "peer_density": _ratio(peer_ties, possible),
            "peer_transitivity": _ratio(3 * triangles, triples),
        }
    )
    return figures, first_tie


def _running(periods_of: np.ndarray, periods: int) -> np.ndarray:
    """How many of the things that arrive in ``periods_of`` have arrived by each period's end
    (a thing of period ``periods`` or later never arrives)."""
    return np.cumsum(np.bincount(periods_of[periods_of < periods], minlength=periods)[:periods])


def _first(periods_of: np.ndarray, a: np.ndarray, b: np.ndarray, size: int, never: int):
    """Each of ``size`` people's first period in ``periods_of`` at either end of its rows
    ``a``-``b`` (``never``: none). A walk's rows are in period order: of the writes in
    reverse order, each person's last is their first period.

    >>> _first(np.array([0, 1, 1]), np.array([2, 0, 2]), np.array([1, 2, 1]), 4, 9).tolist()
    [1, 0, 0, 9]
    """
    first = np.full(size, never, dtype=np.int64)
    for people in (a, b):
        end = np.full(size, never, dtype=np.int64)
        end[people[::-1]] = periods_of[::-1]
        np.minimum(first, end, out=first)
    return first


def _reached_at(periods_of, a, b, joined, focal, periods) -> np.ndarray:
    """How many focal people have, by each period's end, one of these rows (``a``-``b`` in
    ``periods_of``)."""
    first = _first(periods_of, a, b, len(joined), periods)
    return _running(first[focal], periods)


def _peer_rung_at(level, period, a, b, new, peer, joined, focal, periods) -> np.ndarray:
    """How many focal people have, by each period's end, a tie with another focal person at
    rung ``level`` or higher."""
    rows = peer & (new >= level)
    return _reached_at(period[rows], a[rows], b[rows], joined, focal, periods)


def _rungs(periods, period, old, new, ladder: Ladder) -> dict[str, np.ndarray]:
    """``rung_<key>``: the ties at each rung at each period's end, from the rows' rises."""
    rises = new > old
    levels = len(ladder) + 1
    when = period[rises].astype(np.int64) * (levels + 1)
    size = periods * (levels + 1)
    up = np.bincount(when + new[rises], minlength=size)
    down = np.bincount(when + old[rises], minlength=size)  # old 0: a new tie, column 0 unused
    at = np.cumsum((up - down).reshape(periods, levels + 1), axis=0)
    return {f"rung_{rung.key}": at[:, rung.level] for rung in ladder}


def _types(periods, period, kind_a, kind_b, type_columns) -> dict[str, np.ndarray]:
    """The ties of each type of ``type_columns`` at each period's end."""
    codes = tie_types(kind_a, kind_b)
    return {
        column: _running(period[codes == TIE_TYPES.index(kind)], periods)
        for kind, column in (type_columns or {}).items()
    }


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``part / whole`` as floats, NaN where ``whole`` is 0 (a ratio over nothing)."""
    whole = np.asarray(whole, dtype=np.float64)
    return np.divide(part, whole, out=np.full(len(whole), np.nan), where=whole != 0)


def _triples(period, a, b, periods) -> np.ndarray:
    """The connected triples of the focal-focal graph at each period's end: a person of degree
    ``d`` is the centre of ``d (d - 1) / 2``; each period adds what its ties' ends' degrees
    rise by.

    >>> _triples(np.array([0, 0, 1]), np.array([0, 0, 1]), np.array([1, 2, 2]), 2).tolist()
    [1, 3]
    """
    degree = np.zeros(int(max(a.max(initial=0), b.max(initial=0))) + 1, dtype=np.int64)
    added = np.zeros(periods, dtype=np.int64)
    cuts = np.searchsorted(period, np.arange(periods + 1))
    for number in range(periods):
        rows = slice(cuts[number], cuts[number + 1])
        people, count = np.unique(np.r_[a[rows], b[rows]], return_counts=True)
        had = degree[people]
        now = had + count
        added[number] = ((now * (now - 1) - had * (had - 1)) // 2).sum()
        degree[people] = now
    return np.cumsum(added)


def _triangle_periods(period, a, b) -> np.ndarray:
    """The period each triangle of the graph of ties ``a``-``b`` (each tie once, arriving in
    ``period``) is closed: when the last of its three ties arrives.

    The people are ranked by degree (ties broken by number) and each tie is pointed from its
    end of lower rank to the other; a triangle is then found once, at its lowest end, as two
    of its ties pointing out of it whose far ends are tied (looked up in a hash of the ties).
    """
    if len(period) < 3:
        return np.array([], dtype=np.int64)
    size = int(max(a.max(), b.max())) + 1
    degree = np.bincount(a, minlength=size) + np.bincount(b, minlength=size)
    rank = np.empty(size, dtype=np.int64)
    rank[np.lexsort((np.arange(size), degree))] = np.arange(size)
    rank_a, rank_b = rank[a], rank[b]
    keys = np.minimum(rank_a, rank_b) * size + np.maximum(rank_a, rank_b)
    del rank_a, rank_b  # each step's arrays freed before the next: as long as the ties
    order = np.argsort(keys)  # the ties by their lower end's rank, then the other's
    keys, period = keys[order], period[order]
    del order
    low, high = keys // size, keys % size
    ends = np.cumsum(np.bincount(low, minlength=size))
    after = ends[low] - np.arange(len(low)) - 1  # the ties out of the same end, further on
    tie_of = pd.Index(keys)  # a hash of the ties, to look each wedge's closing tie up
    wedges_before = np.r_[0, np.cumsum(after)]
    closed_at = []
    start = 0
    while start < len(low):  # the wedges of the ties start .. stop-1, WEDGES_AT_ONCE or so
        stop = int(np.searchsorted(wedges_before, wedges_before[start] + WEDGES_AT_ONCE, "right"))
        stop = max(stop - 1, start + 1)
        counts = after[start:stop]
        first = np.repeat(np.arange(start, stop), counts)
        offset = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
        second = first + 1 + offset
        closing = tie_of.get_indexer(high[first] * size + high[second])
        closed = closing >= 0
        closed_at.append(
            np.maximum.reduce(
                [period[first][closed], period[second][closed], period[closing][closed]]
            )
        )
        start = stop
    return np.concatenate(closed_at) if closed_at else np.array([], dtype=np.int64)


def _components(periods, joined, focal, new_period, a, b, new_tie) -> tuple[np.ndarray, ...]:
    """Per period: how many components the new ties merged away, and the focal people of the
    largest component (by people; ties go to the one with more focal people).

    Each person's component is its ``label`` (a person of it); each period the components its
    new ties touch are merged as the connected components of the graph they form.
    """
    size = len(joined)
    label = np.arange(size)
    members = np.ones(size, dtype=np.int64)
    focal_members = focal.astype(np.int64)
    merges = np.zeros(periods, dtype=np.int64)
    largest_focal = np.zeros(periods, dtype=np.int64)
    starts = np.searchsorted(new_period, np.arange(periods + 1))
    ends_a, ends_b = a[new_tie], b[new_tie]
    first_present = joined.min(initial=periods)
    first_focal = joined[focal].min(initial=periods)
    largest = (0, 0)
    for number in range(periods):
        if number >= first_present:
            largest = max(largest, (1, int(number >= first_focal)))
        rows = slice(starts[number], starts[number + 1])
        label_a, label_b = label[ends_a[rows]], label[ends_b[rows]]
        apart = label_a != label_b
        if apart.any():
            touched, ends = np.unique(np.r_[label_a[apart], label_b[apart]], return_inverse=True)
            ends_u, ends_v = ends.reshape(2, -1)
            _, component = np.unique(_roots(len(touched), ends_u, ends_v), return_inverse=True)
            count = int(component.max()) + 1
            merges[number] = len(touched) - count
            root = np.empty(count, dtype=np.int64)
            root[component] = touched
            people = np.bincount(component, weights=members[touched]).astype(np.int64)
            focal_in = np.bincount(component, weights=focal_members[touched]).astype(np.int64)
            members[root], focal_members[root] = people, focal_in
            relabel = np.arange(size)
            relabel[touched] = root[component]
            label = relabel[label]
            best = np.lexsort((focal_in, people))[-1]
            largest = max(largest, (int(people[best]), int(focal_in[best])))
        largest_focal[number] = largest[1]
    return merges, largest_focal


def _roots(size: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The root of each of ``size`` nodes' component in the graph of the edges ``u``-``v``:
    the lowest node of it. Each round every root tied to a lower root hangs under the lowest
    such, then every node is pointed straight at its root; rounds go on while an edge joins
    two roots (a handful on the benches' villages: every round hangs each such root).

    >>> _roots(5, np.array([3, 1]), np.array([4, 3])).tolist()
    [0, 1, 2, 1, 1]
    """
    parent = np.arange(size)
    while True:
        root_u, root_v = parent[u], parent[v]
        apart = root_u != root_v
        if not apart.any():
            return parent
        u, v, root_u, root_v = u[apart], v[apart], root_u[apart], root_v[apart]
        np.minimum.at(parent, np.maximum(root_u, root_v), np.minimum(root_u, root_v))
        while True:
            grand = parent[parent]
            if (grand == parent).all():
                break
            parent = grand
