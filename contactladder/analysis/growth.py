"""How the network grows: the growth table, one row per period.

The growth table has one row per period (and per group with ``by``), every period from the first
contact to the last. Its columns, for the people present in the view:

- ``period`` (ISO text), ``group`` (with ``by``: the network among the people of that group)
- ``people``: people present; ``focal``: of them, people with the focal role
- ``ties``: ties among them; ``rung_<key>``: ties at each rung (reached view: the rung reached
  so far; active view: the highest rung of the period's contacts)
- ``new_ties``: ties whose first contact is in the period; ``climbed``: ties whose reached rung
  went up in the period
- ``focal_alone``: focal people with no tie; ``focal_only_professional``: focal people with
  ties, all of them to non-focal people; ``focal_peer_ge3``: focal people with a focal–focal tie
  at level 3 or higher; ``focal_peer_top``: the same at the top rung
- ``focal_peer_degree_mean``: the mean number of other focal people each focal person is tied to
- ``components``: connected components among the people present; ``largest_component_share``:
  the share of the focal people that is in the largest component (by people; ties go to the one
  with more focal people)
- ``peer_density``: ties among focal people over possible ones; ``peer_transitivity``: three
  times the triangles over the connected triples of the focal–focal graph
- ``period_start``: the first moment of the period (datetime64), the typed twin of ``period``:
  ``pd.Period(row.period_start, freq)`` is the period, also for weeks, whose ISO label
  (``2024-W11``) pandas does not read (:func:`~contactladder.network.periods.label_period` does)

Types: counts are integers (int64); the ratios are floats, missing (NaN) where they are
undefined: a mean, share or density over no focal people (or fewer than two for the density),
a transitivity without connected triples. CSV writes a missing value as an empty cell.

Examples
--------
>>> import pandas as pd
>>> from contactladder.loading import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
...     "person_a": ["ann", "ann"], "person_b": ["bo", "cem"], "rung": [1, 4],
...     "activity": "", "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> table = growth(net, freq="month")
>>> table[["period", "people", "ties", "focal_alone", "focal_peer_ge3"]].values.tolist()
[['2024-01', 3, 1, 1, 0], ['2024-02', 3, 2, 0, 2]]
>>> table["period_start"].dt.strftime("%Y-%m-%d").tolist(), str(table["ties"].dtype)
(['2024-01-01', '2024-02-01'], 'int64')
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from contactladder.analysis.village import LEFT, statuses_on
from contactladder.errors import UsageError, literal
from contactladder.network import LadderNetwork, Step
from contactladder.words import attribute_text

__all__ = ["growth", "growth_columns", "RATIO_COLUMNS", "SHARING_LEVEL", "NO_GROUP"]

# The rung from which a peer tie counts in ``focal_peer_ge3``: sharing experiences.
SHARING_LEVEL = 3
NO_GROUP = "(none)"
_UNDEFINED = float("nan")  # a ratio over nothing
Progress = Callable[[int, int], None]
#: The growth table's ratios: floats, missing (NaN) where undefined; every other figure counts.
RATIO_COLUMNS = (
    "focal_peer_degree_mean",
    "largest_component_share",
    "peer_density",
    "peer_transitivity",
)
_TEXT_COLUMNS = ("period", "group")


def growth_columns(net: LadderNetwork, *, by: str | None = None) -> list[str]:
    """The growth table's columns, in order, for this network's ladder."""
    return (
        ["period"]
        + (["group"] if by else [])
        + ["people", "focal", "ties"]
        + [f"rung_{rung.key}" for rung in net.ladder]
        + [
            "new_ties",
            "climbed",
            "focal_alone",
            "focal_only_professional",
            "focal_peer_ge3",
            "focal_peer_top",
            "focal_peer_degree_mean",
            "components",
            "largest_component_share",
            "peer_density",
            "peer_transitivity",
            "period_start",
        ]
    )


def growth(
    net: LadderNetwork,
    *,
    freq: str = "month",
    view: str = "reached",
    by: str | None = None,
    status: pd.DataFrame | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """The growth table: one row per period (and per group of ``by``), see the module docstring.

    Parameters
    ----------
    net : LadderNetwork
    freq : {"day", "week", "month", "quarter", "year"}
    view : {"reached", "active"}
    by : str, optional
        A people column (such as ``wijk``); each group's row describes the network among the
        people of that group. People without a value form the group ``(none)``.
    progress : callable, optional
        Called as ``progress(done, total)`` after each period.

    Notes
    -----
    In the reached view the counts are kept up to date as people and ties are added, so the
    whole table costs time in proportion to the number of contacts plus periods × groups.
    """
    groups = _groups(net, by)
    group_names = sorted(set(groups.values())) if by else [None]
    rows = []
    counters = {name: _Counter(net) for name in group_names}
    total = len(net.period_range(freq))
    steps = net.periods(freq, view=view, graph=view == "active")
    for done, step in enumerate(steps, start=1):
        if view == "active":
            counters = {name: _Counter(net) for name in group_names}
            _count_graph(step, counters, groups, by)
        else:
            _count_step(step, counters, groups, by, net.focal_people)
        gone = _left_by(status, step.end, groups, by)
        for name in group_names:
            row = {"period": step.label, **({"group": name} if by else {})}
            row.update(counters[name].row(step, groups, name), period_start=step.start)
            if status is not None:
                row["left"] = gone.get(name, 0)
            rows.append(row)
        if progress:
            progress(done, total)
    columns = growth_columns(net, by=by) + (["left"] if status is not None else [])
    return _typed(pd.DataFrame(rows, columns=columns))


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    """The growth table with its documented types, also when it has no rows: text, dates,
    floats for the ratios and int64 for every count."""
    types = {
        column: (
            object
            if column in _TEXT_COLUMNS
            else "datetime64[ns]"
            if column == "period_start"
            else "float64"
            if column in RATIO_COLUMNS
            else "int64"
        )
        for column in table.columns
    }
    return table.astype(types)


def _left_by(status: pd.DataFrame | None, end: pd.Timestamp, groups: dict, by: str | None) -> dict:
    """Group (None without ``by``) -> the people who left (moved, no contact) before ``end``."""
    if status is None:
        return {}
    left: dict = {}
    for person, value in statuses_on(status, end - pd.Timedelta(1, "ns")).items():
        if value in LEFT:
            group = groups.get(person) if by else None
            left[group] = left.get(group, 0) + 1
    return left


# --- counting --------------------------------------------------------------------------------


class _Counter:
    """The growth figures of one group, kept up to date as people and ties are added.

    ``components`` come from a union-find over the people present; triangles among focal people
    from the common neighbours of each new focal–focal tie, so nothing is recomputed per period.
    """

    def __init__(self, net: LadderNetwork) -> None:
        self.top = net.ladder.top.level
        self.keys = [(rung.level, rung.key) for rung in net.ladder]
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

    def add_person(self, person, focal: bool) -> None:
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

    def row(self, step: Step, groups: dict, name) -> dict:
        in_group = (
            (lambda a, b: True)
            if name is None
            else (lambda a, b: groups[a] == name and groups[b] == name)
        )
        focal = self.focal
        possible = focal * (focal - 1) / 2
        return {
            "people": self.people,
            "focal": focal,
            "ties": self.ties,
            **{f"rung_{key}": self.at_rung[level] for level, key in self.keys},
            "new_ties": sum(1 for a, b in step.new_ties if in_group(a, b)),
            "climbed": sum(1 for a, b, _, _ in step.climbed if in_group(a, b)),
            "focal_alone": focal - self.focal_with_ties,
            "focal_only_professional": self.focal_with_ties - self.focal_with_peers,
            "focal_peer_ge3": self.focal_ge3,
            "focal_peer_top": self.focal_at_top,
            "focal_peer_degree_mean": 2 * self.peer_ties / focal if focal else _UNDEFINED,
            "components": self.components,
            "largest_component_share": self.largest[1] / focal if focal else _UNDEFINED,
            "peer_density": self.peer_ties / possible if possible else _UNDEFINED,
            "peer_transitivity": (
                3 * self.triangles / self.triples if self.triples else _UNDEFINED
            ),
        }

    def _raise_peer_rung(self, person, rung: int) -> None:
        before = self.peer_top[person]
        if rung <= before:
            return
        self.peer_top[person] = rung
        if before < SHARING_LEVEL <= rung:
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


def _groups(net: LadderNetwork, by: str | None) -> dict:
    if not by:
        return {}
    if not net.has_column(by):
        columns = ", ".join(c for c in net.people_columns() if c not in ("name", "joined"))
        raise UsageError("no such people column", value=by, hint="use one of: " + literal(columns))
    values = net.column(by).map(attribute_text)  # NaN and NaT are "" whatever the dtype
    return values.replace("", NO_GROUP).to_dict()


def _counter_for(counters: dict, groups: dict, by):
    """A function from a person or the two ends of a tie to the counter they belong to: the
    one counter, or with ``by`` their group's (None for a tie between two groups)."""
    if not by:
        only = counters[None]
        return lambda *people: only

    def counter(*people):
        names = {groups[p] for p in people}
        return counters[names.pop()] if len(names) == 1 else None

    return counter


def _count_graph(step: Step, counters: dict, groups: dict, by) -> None:
    """Count a whole graph: every step of the active view."""
    counter_of = _counter_for(counters, groups, by)
    assert step.graph is not None, "the active view walks with graphs"
    for person, focal in step.graph.nodes(data="focal"):
        counter_of(person).add_person(person, focal)
    for a, b, rung in step.graph.edges(data="rung"):
        counter = counter_of(a, b)
        if counter:
            counter.add_tie(a, b, rung)


def _count_step(step: Step, counters: dict, groups: dict, by, focal_people) -> None:
    """Count what a reached-view step added: people who joined, new ties, climbs."""
    counter_of = _counter_for(counters, groups, by)
    for person in step.joined:
        counter_of(person).add_person(person, person in focal_people)
    for (a, b), rung in zip(step.new_ties, step.new_rungs):
        counter = counter_of(a, b)
        if counter:
            counter.add_tie(a, b, rung)
    for a, b, old, new in step.climbed:
        counter = counter_of(a, b)
        if counter:
            counter.climb(a, b, old, new)
