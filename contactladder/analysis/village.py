"""The village as the weaver's lists see it on one day: the snapshot and its lookups, once.

The worklist and the introductions start from the same view of the network: the snapshot as far
as it has grown by ``as_of`` (:meth:`~contactladder.network.ladder_network.LadderNetwork.snapshot`),
the *reference day* (the ``as_of`` day, any day after the last contact too, or the last day of
the data), and for every person the activities they took part in (the activities of their ties,
and the sessions they attended, even alone), with the days they were there. A :class:`Village`
computes these once; the lists only look things up in it.

**Activities.** The catch-all labels of contacts outside the activities (``buiten
activiteiten``, ``geen activiteit``, ``no activity``, ...: :data:`NOT_AN_ACTIVITY`, any case)
are never an activity. Two people *share* an activity when both were there within ``together``
of each other (default ``1m``: in overlapping months), not merely both at some time.

**Who is still here.** The status file (``status.csv``: ``person, status, since``) says who left;
a person's status on the reference day is their last row whose ``since`` is not later (an empty
``since`` counts from the start). What each status means (:data:`STATUSES`):

==============  ========  =========  ======================================================
status          listed    suggested  meaning
==============  ========  =========  ======================================================
``moved``       no        no         moved away: not on the worklist, never suggested, not
                                     named on a map; counted apart as *left*
``no_contact``  no        no         withdrew consent / do not contact: as ``moved``
``paused``      no        no         taking a break: kept out of the lists for now
``active``      yes       yes        back again (a later row undoes an earlier status)
any other word  yes       yes        kept and shown in the ``status`` column of the worklist
==============  ========  =========  ======================================================

Their past ties stay in the history, so no figure of the growth changes silently.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-01-12"]),
...     "person_a": ["a", "a"], "person_b": ["k", "k"], "rung": [2, 1],
...     "activity": ["peutergym", "buiten activiteiten"], "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent", "professional"], "name": ["Ans", ""],
...     "organisation": "", "wijk": "Dieze", "joined": pd.NaT}, index=["a", "k"])
>>> village = Village.of(LadderNetwork(Dataset(contacts, people, Ladder.default(), "x")))
>>> village.day.date(), village.name("a"), village.name("k"), village.activities["a"]
(datetime.date(2024, 1, 12), 'Ans (a)', 'k', {'peutergym'})
>>> status = pd.DataFrame({"person": ["a"], "status": ["moved"], "since": pd.NaT, "note": ""})
>>> later = Village.of(village.net, "2024-03-01", status=status)
>>> later.day.date(), later.status_of("a"), later.listed("a"), later.listed("k")
(datetime.date(2024, 3, 1), 'moved', False, True)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from weakref import WeakKeyDictionary

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.analysis.durations import parse_duration
from contactladder.analysis.village_index import VillageIndex
from contactladder.errors import UsageError, literal
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import person_label
from contactladder.words import attribute_text

__all__ = [
    "Village",
    "STATUSES",
    "LEFT",
    "NOT_AN_ACTIVITY",
    "statuses_on",
    "iso_day",
    "check_columns",
    "check_wijk",
    "is_activity",
]

#: What each status of the status file means: (on the worklist, suggested to others).
STATUSES: dict[str, tuple[bool, bool]] = {
    "moved": (False, False),
    "no_contact": (False, False),
    "paused": (False, False),
    "active": (True, True),
}
#: The statuses of people who have left: counted apart, never named on a map.
LEFT = frozenset({"moved", "no_contact"})
#: Labels of contacts outside the activities (lower case): never an activity.
NOT_AN_ACTIVITY = frozenset(
    {
        "",
        "buiten activiteiten",
        "buiten activiteit",
        "geen activiteit",
        "geen",
        "no activity",
        "none",
        "outside activities",
        "-",
    }
)


def iso_day(moment: object) -> str:
    """A moment as an ISO date, "" when unknown.

    >>> iso_day(pd.Timestamp("2024-03-01 10:00")), iso_day(pd.NaT)
    ('2024-03-01', '')
    """
    return "" if pd.isna(moment) else pd.Timestamp(moment).date().isoformat()


def is_activity(label: object) -> bool:
    """Whether an activity label names an activity (not the catch-all of contacts outside).

    >>> is_activity("peutergym"), is_activity("Buiten activiteiten"), is_activity("")
    (True, False, False)
    """
    return attribute_text(label).strip().lower() not in NOT_AN_ACTIVITY


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
        Person -> the set of activities they have ties at or attended (a property).
    index : VillageIndex
        The people, ties and visits in integer codes (a property; do not change it).
    statuses : dict
        Person -> their status on the reference day (only people with one).
    together : Timedelta
        How close in time two visits of one activity must be to count as shared.
    fading : DateOffset
        Who had no contact for this long is fading: never suggested to others.
    anonymize : bool
        :meth:`name` gives the anonymous label ("Ouder 12"), never a name or id.
    lang : str
        The language of anonymous labels.
    """

    net: LadderNetwork
    graph: nx.Graph
    day: pd.Timestamp
    cutoff: pd.Timestamp
    statuses: dict[Hashable, str] = field(default_factory=dict)
    together: pd.Timedelta = field(default_factory=lambda: pd.Timedelta(days=31))
    fading: pd.DateOffset = field(default_factory=lambda: pd.DateOffset(days=90))
    anonymize: bool = False
    lang: str = "nl"
    #: What villages of the same network, day and ``together`` share, built when first asked.
    shared: _Shared | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(
        cls,
        net: LadderNetwork,
        as_of: object = None,
        *,
        status: pd.DataFrame | None = None,
        together: object = "1m",
        fading: object = "90d",
        anonymize: bool = False,
        lang: str = "nl",
    ) -> Village:
        """The village of ``net`` on ``as_of`` (default: the last day of the data; any day
        after it is fine), with the statuses of ``status`` (rows ``person, status, since``).

        The snapshot, its activities and its :class:`VillageIndex` are built once per network,
        day and ``together`` (the index and activities when first asked): a second village of
        the same day (another list of the same run) shares them.

        Raises
        ------
        UsageError
            For a date that is not one, or lies before the data; a bad ``together`` or
            ``fading``.
        """
        cutoff = net.cutoff(as_of, open_end=True)
        day = (cutoff - pd.Timedelta(1, "ns")).normalize()
        window = (day + parse_duration(together, name="together")) - day
        fading_window = parse_duration(fading, name="fading")
        built = _BUILT.setdefault(net, {})
        if (cutoff, window) not in built:
            built[(cutoff, window)] = _Shared(net.snapshot(as_of, open_end=True))
        shared = built[(cutoff, window)]
        return cls(
            net,
            shared.graph,
            day,
            cutoff,
            statuses_on(status, day),
            window,
            fading_window,
            anonymize,
            lang,
            shared,
        )

    @cached_property
    def index(self) -> VillageIndex:
        """The people, ties and visits in integer codes (built on first use, then kept)."""
        shared = self.shared = self.shared or _Shared(self.graph)
        if shared.index is None:
            shared.index = VillageIndex.of(
                self.graph, _visits(self.net, self.cutoff), self.together
            )
        return shared.index

    @property
    def activities(self) -> dict[Hashable, set[str]]:
        """Person -> the set of activities they have ties at or attended."""
        shared = self.shared = self.shared or _Shared(self.graph)
        if shared.activities is None:
            shared.activities = self.index.activity_sets()
        return shared.activities

    def focal(self, person: Hashable) -> bool:
        """Whether ``person`` has the focal role."""
        return person in self._focal_people

    @cached_property
    def _focal_people(self) -> frozenset[Hashable]:
        return frozenset(person for person, focal in self.graph.nodes(data="focal") if focal)

    @cached_property
    def present_from(self) -> dict[Hashable, pd.Timestamp]:
        """Person -> the day they are present from (see :class:`LadderNetwork`)."""
        return self.net.present_from.to_dict()

    def name(self, person: Hashable) -> str:
        """The person's name and id, "Anna de Vries (p012)", or the id when there is no name;
        anonymized, their label ("Ouder 12", as on the maps)."""
        if self.anonymize:
            return person_label(self.graph.nodes[person], lang=self.lang)
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
        return pd.Timestamp(self.index.last_contact[self.index.code[person]])

    def status_of(self, person: Hashable) -> str:
        """The person's status on the reference day, "" without one."""
        return self.statuses.get(person, "")

    def listed(self, person: Hashable) -> bool:
        """Whether the person's status lets them on the worklist."""
        return STATUSES.get(self.status_of(person), (True, True))[0]

    def suggestible(self, person: Hashable) -> bool:
        """Whether the person's status lets them be suggested to others."""
        return STATUSES.get(self.status_of(person), (True, True))[1]

    def check_listed(self, person: Hashable) -> None:
        """Refuse a person the lists cannot be about.

        Raises
        ------
        UsageError
            For an unknown person, one not yet present on the reference day, or one whose
            status keeps them off the lists (moved, withdrew consent, paused).
        """
        if not self.net.knows(person):
            raise UsageError("unknown person", value=person, hint="give an id from the people file")
        if person not in self.graph:
            raise UsageError(
                "person not yet in the project",
                value=person,
                hint=f"they joined after {iso_day(self.day)}",
            )
        if not self.listed(person):
            raise UsageError(
                "person not in the lists",
                value=person,
                hint=f"their status is {self.status_of(person)}",
            )

    def within_reach(self, person: Hashable) -> bool:
        """Whether the person may be suggested to others: their status allows it and they had
        a contact within :attr:`fading` (not fading, not out of sight, not alone)."""
        return bool(self.reach[self.index.code[person]])

    @cached_property
    def focal_mask(self) -> np.ndarray:
        """Whether each person (by their code in :attr:`index`) has the focal role."""
        return np.array([self.focal(person) for person in self.index.people], dtype=bool)

    @cached_property
    def reach(self) -> np.ndarray:
        """:meth:`within_reach` of every person, by their code in :attr:`index`."""
        index = self.index
        allowed = np.array([self.suggestible(person) for person in index.people], dtype=bool)
        recent = index.last_contact >= (self.day - self.fading).to_datetime64()
        return allowed & recent

    def shared_activities(self, person: Hashable, other: Hashable) -> list[str]:
        """The activities both were at within :attr:`together` of each other, sorted."""
        code = self.index.code
        return self.index.shared_activities(code[person], code[other])


def _visits(net: LadderNetwork, cutoff: pd.Timestamp) -> pd.DataFrame:
    """``person, activity, date``: each end of every contact and every attendance before
    ``cutoff`` at a named activity (:func:`is_activity`); categoricals of the network's codes."""
    contacts, attended = net.contact_rows(before=cutoff), net.attendance(before=cutoff)
    ids, a, b = net.contact_ends(before=cutoff)
    activity = np.concatenate([contacts["activity"], attended["activity"]])
    label, labels = pd.factorize(activity, sort=True)
    ends, visitors = label[: len(contacts)], ids.get_indexer(attended["person"])
    rows = pd.DataFrame(
        {
            "person": pd.Categorical.from_codes(np.concatenate([a, b, visitors]), ids),
            "activity": pd.Categorical.from_codes(
                np.concatenate([ends, ends, label[len(contacts) :]]), labels
            ),
            "date": np.concatenate([contacts["date"], contacts["date"], attended["date"]]),
        }
    )
    return rows[rows["activity"].isin([name for name in labels if is_activity(name)])]


@dataclass
class _Shared:
    """What the villages of one network, day and ``together`` share."""

    graph: nx.Graph
    index: VillageIndex | None = None
    activities: dict[Hashable, set[str]] | None = None


#: What the villages of each network share, by (cutoff, together): built once.
_BUILT: WeakKeyDictionary[LadderNetwork, dict[tuple, _Shared]] = WeakKeyDictionary()


def statuses_on(status: pd.DataFrame | None, day: pd.Timestamp) -> dict[Hashable, str]:
    """Person -> their last status whose ``since`` is not after ``day`` (rows of
    :func:`contactladder.loading.weaver_files.read_status`)."""
    if status is None or not len(status):
        return {}
    rows = status[status["since"].isna() | (status["since"] <= day)]
    rows = rows.sort_values("since", kind="stable", na_position="first")
    return {
        person: str(value)
        for person, value in rows.groupby("person", sort=False)["status"].last().items()
    }


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
        raise UsageError(
            "unknown wijk",
            value=wijk,
            hint="the wijken are " + literal(", ".join(known))
            if known
            else "the people file gives no wijk",
        )
    return wijk.strip().lower()
