"""The growth table's counting: the figures of one group, kept up to date period by period.

:class:`GrowthCounter` holds the figures of one group of people (or of everyone) as people and
ties are added and ties climb; :func:`count_step` feeds it a reached-view step,
:func:`count_graph` a whole graph (a step of the active or current view). The definitions of
the figures are those of :mod:`contactladder.analysis.growth`.

Examples
--------
>>> counter = GrowthCounter(Ladder.default())
>>> for person in ("ann", "bo", "cem"):
...     counter.add_person(person, focal=True)
>>> counter.add_tie("ann", "bo", 3)
>>> counter.ties, counter.components, counter.focal_ge3, counter.focal_with_ties
(1, 2, 2, 2)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from contactladder.ladder import Ladder
from contactladder.network import Step
from contactladder.words.roles import role_key

__all__ = [
    "GrowthCounter",
    "SHARING_LEVEL",
    "sharing_column",
    "tie_type_columns",
    "Grouping",
    "ACROSS",
    "tie_type",
    "count_graph",
    "count_step",
]

#: The level of the default ladder's sharing rung (``delen``); a ladder names its own
#: (:attr:`Ladder.sharing <contactladder.ladder.Ladder>`).
SHARING_LEVEL = 3
#: The role whose ties with the focal people and among themselves are counted apart.
PROFESSIONAL = "professional"


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


_UNDEFINED = float("nan")  # a ratio over nothing


class GrowthCounter:
    """The growth figures of one group, kept up to date as people and ties are added.

    ``components`` come from a union-find over the people present; triangles among focal people
    from the common neighbours of each new focal–focal tie, so nothing is recomputed per period.
    """

    def __init__(self, ladder: Ladder, type_columns: dict[str, str] | None = None) -> None:
        self.type_columns = type_columns or {}
        self.by_type = dict.fromkeys(self.type_columns, 0)
        self.professionals: set = set()
        self.top = ladder.top.level
        self.sharing, self.sharing_column = ladder.sharing.level, sharing_column(ladder)
        self.keys = [(rung.level, rung.key) for rung in ladder]
        self.people = self.focal = self.ties = 0
        self.at_rung = {level: 0 for level, _ in self.keys}
        self.degree: dict = {}
        self.peers: dict = {}  # focal person -> set of focal neighbours
        self.peer_top: dict = {}  # focal person -> highest rung of their peer ties
        self.focal_with_ties = self.focal_with_peers = self.focal_ge3 = self.focal_at_top = 0
        self.peer_ties = self.triangles = self.triples = 0
        self.parent: dict = {}
        self.size: dict = {}
        self.focal_in: dict = {}
        self.components = 0
        self.largest = (0, 0)  # (people, focal) of the largest component

    def add_person(self, person, focal: bool, professional: bool = False) -> None:
        if professional and not focal:
            self.professionals.add(person)
        self.people += 1
        self.components += 1
        self.parent[person] = person
        self.size[person] = 1
        self.focal_in[person] = int(focal)
        self.degree[person] = 0
        if focal:
            self.focal += 1
            self.peers[person] = set()
            self.peer_top[person] = 0
        self.largest = max(self.largest, (1, int(focal)))

    def add_tie(self, a, b, rung: int) -> None:
        self.ties += 1
        self.at_rung[rung] += 1
        degree, peers = self.degree, self.peers
        for person in (a, b):
            degree[person] += 1
            if degree[person] == 1 and person in peers:
                self.focal_with_ties += 1
        kind = self._tie_type(a, b)
        if kind in self.by_type:
            self.by_type[kind] += 1
        if a in peers and b in peers:
            peers_a, peers_b = peers[a], peers[b]
            self.triangles += len(peers_a & peers_b)
            self.triples += len(peers_a) + len(peers_b)
            self.focal_with_peers += (not peers_a) + (not peers_b)
            peers_a.add(b)
            peers_b.add(a)
            self.peer_ties += 1
            self._raise_peer_rung(a, rung)
            self._raise_peer_rung(b, rung)
        self._union(a, b)

    def climb(self, a, b, old: int, new: int) -> None:
        self.at_rung[old] -= 1
        self.at_rung[new] += 1
        if a in self.peers and b in self.peers:
            self._raise_peer_rung(a, new)
            self._raise_peer_rung(b, new)

    def row(self, step: Step, in_group: Callable[[object, object], bool]) -> dict:
        """The figures of the group, ``in_group`` telling which of the step's ties are its."""
        focal = self.focal
        possible = focal * (focal - 1) / 2
        return {
            "people": self.people,
            "focal": focal,
            "ties": self.ties,
            **{f"rung_{key}": self.at_rung[level] for level, key in self.keys},
            **{column: self.by_type[kind] for kind, column in self.type_columns.items()},
            "new_ties": sum(1 for a, b in step.new_ties if in_group(a, b)),
            "climbed": sum(1 for a, b, _, _ in step.climbed if in_group(a, b)),
            "focal_alone": focal - self.focal_with_ties,
            "focal_only_professional": self.focal_with_ties - self.focal_with_peers,
            self.sharing_column: self.focal_ge3,
            "focal_peer_top": self.focal_at_top,
            "focal_peer_degree_mean": 2 * self.peer_ties / focal if focal else _UNDEFINED,
            "components": self.components,
            "largest_component_share": self.largest[1] / focal if focal else _UNDEFINED,
            "peer_density": self.peer_ties / possible if possible else _UNDEFINED,
            "peer_transitivity": (
                3 * self.triangles / self.triples if self.triples else _UNDEFINED
            ),
        }

    def _tie_type(self, a, b) -> str:
        """The type of the tie ``a``–``b`` (:func:`tie_type`)."""
        return tie_type(self._kind(a), self._kind(b))

    def _kind(self, person) -> str:
        """``focal``, ``professional`` or ``other``: what the person is at a tie's end."""
        if person in self.peers:
            return "focal"
        return PROFESSIONAL if person in self.professionals else "other"

    def _raise_peer_rung(self, person, rung: int) -> None:
        before = self.peer_top[person]
        if rung <= before:
            return
        self.peer_top[person] = rung
        if before < self.sharing <= rung:
            self.focal_ge3 += 1
        if before < self.top <= rung:
            self.focal_at_top += 1

    def _find(self, person):
        parent = self.parent
        while parent[person] != person:
            parent[person] = parent[parent[person]]
            person = parent[person]
        return person

    def _union(self, a, b) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        self.focal_in[root_a] += self.focal_in[root_b]
        self.components -= 1
        self.largest = max(self.largest, (self.size[root_a], self.focal_in[root_a]))


class Grouping:
    """Which groups of the growth table a person and a tie belong to.

    Parameters
    ----------
    names : list
        The groups, in the table's order (``[None]`` for the one network without groups).
    person_groups : callable
        A person -> the groups they belong to (one people group, or each tie type their role
        takes part in).
    tie_group : callable
        The two ends of a tie -> its group, or :data:`ACROSS` for a tie that belongs to none
        (between two groups, or of another type).

    Examples
    --------
    >>> everyone = Grouping([None], lambda person: [None], lambda a, b: None)
    >>> everyone.inside(None)("ann", "bo")
    True
    """

    def __init__(
        self,
        names: list,
        person_groups: Callable[[object], list],
        tie_group: Callable[[object, object], object],
    ) -> None:
        self.names, self.person_groups, self.tie_group = names, person_groups, tie_group

    def inside(self, name) -> Callable[[object, object], bool]:
        """Whether a tie belongs to group ``name``."""
        return lambda a, b: self.tie_group(a, b) == name


#: The group of a tie that belongs to no group of the table.
ACROSS = object()


def tie_type(kind_a: str, kind_b: str) -> str:
    """The type of a tie from the kinds of its ends (``focal``, ``professional`` or ``other``):
    ``focal_focal``, ``focal_professional``, ``professional_professional`` or ``other``.

    >>> tie_type("professional", "focal"), tie_type("focal", "other")
    ('focal_professional', 'other')
    """
    ends = sorted((kind_a, kind_b))
    return "other" if "other" in ends else "_".join(ends)


def count_graph(step: Step, counters: dict, grouping: Grouping, professionals=frozenset()) -> None:
    """Count a whole graph: every step of the active and the current view."""
    assert step.graph is not None, "the active and current views walk with graphs"
    for person, focal in step.graph.nodes(data="focal"):
        for name in grouping.person_groups(person):
            counters[name].add_person(person, focal, person in professionals)
    for a, b, rung in step.graph.edges(data="rung"):
        counter = counters.get(grouping.tie_group(a, b))
        if counter:
            counter.add_tie(a, b, rung)


def count_step(
    step: Step, counters: dict, grouping: Grouping, focal_people, professionals=frozenset()
) -> None:
    """Count what a reached-view step added: people who joined, new ties, climbs."""
    for person in step.joined:
        for name in grouping.person_groups(person):
            counters[name].add_person(person, person in focal_people, person in professionals)
    for (a, b), rung in zip(step.new_ties, step.new_rungs):
        counter = counters.get(grouping.tie_group(a, b))
        if counter:
            counter.add_tie(a, b, rung)
    for a, b, old, new in step.climbed:
        counter = counters.get(grouping.tie_group(a, b))
        if counter:
            counter.climb(a, b, old, new)
