"""The village as the weaver's lists see it on one day: the snapshot and its lookups, once.

The worklist and the introductions start from the same view of the network: the snapshot as far
as it has grown by ``as_of`` (:meth:`~contactladder.network.ladder_network.LadderNetwork.snapshot`),
the *reference day* (the ``as_of`` day, or the last day of the data), and for every person the
activities they took part in (the activities of their ties, and the sessions they attended, even
alone). A :class:`Village` computes these once; the lists only look things up in it.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10"]), "person_a": ["a"],
...     "person_b": ["k"], "rung": [2], "activity": "peutergym", "wijk": "", "note": "",
...     "source": ""})
>>> people = pd.DataFrame({"role": ["parent", "professional"], "name": ["Ans", ""],
...     "organisation": "", "wijk": "Dieze", "joined": pd.NaT}, index=["a", "k"])
>>> village = Village.of(LadderNetwork(Dataset(contacts, people, Ladder.default(), "x")))
>>> village.day.date(), village.name("a"), village.name("k"), village.activities["a"]
(datetime.date(2024, 1, 10), 'Ans (a)', 'k', {'peutergym'})
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from contactladder.errors import UsageError, literal
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import attribute_text

__all__ = ["Village", "iso_day", "check_columns", "check_wijk"]


def iso_day(moment: object) -> str:
    """A moment as an ISO date, "" when unknown.

    >>> iso_day(pd.Timestamp("2024-03-01 10:00")), iso_day(pd.NaT)
    ('2024-03-01', '')
    """
    return "" if pd.isna(moment) else pd.Timestamp(moment).date().isoformat()


@dataclass
class Village:
    """The snapshot of ``net`` by a day, and what the weaver's lists look up in it.

    Attributes
    ----------
    net : LadderNetwork
    graph : networkx.Graph
        The snapshot (do not change it).
    day : Timestamp
        The reference day.
    cutoff : Timestamp
        The first moment after the reference day.
    activities : dict
        Person -> the set of activities they have ties at or attended.
    """

    net: LadderNetwork
    graph: nx.Graph
    day: pd.Timestamp
    cutoff: pd.Timestamp
    activities: dict[Hashable, set[str]]

    @classmethod
    def of(cls, net: LadderNetwork, as_of: object = None) -> Village:
        """The village of ``net`` on ``as_of`` (default: the last day of the data).

        Raises
        ------
        UsageError
            For a date that is not one, or lies outside the data.
        """
        cutoff = net.cutoff(as_of)
        graph = net.snapshot(as_of)
        day = (cutoff - pd.Timedelta(1, "ns")).normalize()
        activities: dict[Hashable, set[str]] = {person: set() for person in graph}
        for a, b, names in graph.edges(data="activities"):
            activities[a].update(names or ())
            activities[b].update(names or ())
        attended = net.attendance(before=cutoff)
        for person, activity in zip(attended["person"], attended["activity"]):
            if person in activities:
                activities[person].add(activity)
        return cls(net, graph, day, cutoff, activities)

    def focal(self, person: Hashable) -> bool:
        """Whether ``person`` has the focal role."""
        return bool(self.graph.nodes[person].get("focal"))

    def name(self, person: Hashable) -> str:
        """The person's name and id, "Anna de Vries (p012)", or the id when there is no name."""
        name = self.text(person, "name")
        return f"{name} ({person})" if name else str(person)

    def text(self, person: Hashable, attribute: str) -> str:
        """A node attribute as text, "" when missing."""
        return attribute_text(self.graph.nodes[person].get(attribute))

    def peers(self, person: Hashable) -> list[Hashable]:
        """The focal people ``person`` has a tie with."""
        return [other for other in self.graph[person] if self.focal(other)]

    def last_contact(self, person: Hashable) -> pd.Timestamp:
        """The last contact on any of the person's ties (NaT without ties)."""
        dates = [data["last_contact"] for data in self.graph[person].values()]
        return max(dates) if dates else pd.NaT


def check_columns(net: LadderNetwork, columns: Iterable[str]) -> tuple[str, ...]:
    """``columns`` as a tuple, when every one is a column of the people table.

    Raises
    ------
    UsageError
        For a column the people table lacks, naming the columns it has.
    """
    columns = tuple(columns)
    for column in columns:
        net.column(column)
    return columns


def check_wijk(net: LadderNetwork, wijk: str) -> str:
    """``wijk`` in lower case, when some person lives there (case-insensitive).

    Raises
    ------
    UsageError
        For a wijk no one lives in, naming the wijken there are.
    """
    known = net.wijken()
    if wijk.strip().lower() not in {w.lower() for w in known}:
        raise UsageError("unknown wijk", value=wijk,
                         hint="the wijken are " + literal(", ".join(known)) if known
                         else "the people file gives no wijk")
    return wijk.strip().lower()
