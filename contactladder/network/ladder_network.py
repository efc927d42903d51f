"""The ladder network: ties between people, each on the rung it has reached.

A *contact* is one dated event between two people, with a rung; a *tie* is the pair. The
*reached* rung of a tie at time t is the highest rung of its contacts up to t; a tie is *active*
in a period when the pair had a contact in it, at the highest rung of that period's contacts.
A tie is *new* in the period of its first contact and *climbs* in a period when its reached rung
goes up there (a new tie does not climb in its first period).

A person is *present* from the date they joined, or from the start of the data when no date is
given, or from their first contact if that is earlier. In the active view a person is present in
a period when they had a contact in it.

The period walk itself (its steps, labels and grouping) lives in
:mod:`contactladder.network.periods`, the tables of ties in :mod:`contactladder.network.ties`.

The exchange format is :class:`networkx.Graph`, with node attributes ``role, wijk, organisation,
joined, name, number, focal`` (plus the people file's other columns; ``number`` counts within
the role in an order unrelated to ids and join dates, for anonymous labels) and edge attributes
``rung, first_contact, last_contact, contacts, activities``.

Examples
--------
>>> import pandas as pd
>>> from contactladder.loading import Dataset
>>> from contactladder.ladder import Ladder
>>> contacts = pd.DataFrame({
...     "date": pd.to_datetime(["2024-01-05", "2024-02-09", "2024-02-20"]),
...     "person_a": ["ann", "ann", "bo"], "person_b": ["bo", "bo", "cem"],
...     "rung": [1, 3, 2], "activity": ["peutergym", "", "taalplezier"],
...     "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent", "parent", "professional"], "name": "",
...     "organisation": ["", "", "GGD"], "wijk": "Dieze", "joined": pd.NaT},
...     index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> G = net.snapshot("2024-01-31")
>>> sorted(G.edges(data="rung"))
[('ann', 'bo', 1)]
>>> net.snapshot()["ann"]["bo"]["rung"], net.snapshot()["ann"]["bo"]["contacts"]
(3, 2)
>>> net.snapshot(portable=True)["ann"]["bo"]["first_contact"]  # for networkx's writers
'2024-01-05'
>>> [(step.label, step.graph.number_of_edges(), len(step.climbed)) for step in net.periods("month")]
[('2024-01', 1, 0), ('2024-02', 2, 1)]
>>> net.cutoff("2024-06-30", open_end=True)  # any day after the last contact, for the weaver
Timestamp('2024-07-01 00:00:00')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading import Dataset, describe, load, positions_in
from contactladder.network.answers import DataAnswers
from contactladder.network.calendar import WAVE, Calendar, calendar, once_per_freq
from contactladder.network.current import DEFAULT_LAPSE, current_walk
from contactladder.network.nodes import present_from, ties_graph
from contactladder.network.pair_rows import PeriodPairs
from contactladder.network.periods import Step, parse_moment
from contactladder.network.portable import portable_graph
from contactladder.network.summary import summary_html, summary_line
from contactladder.network.tie_rule import apply_tie_rule
from contactladder.network.ties import rung_rises, tie_table
from contactladder.network.waves import wave_calendar
from contactladder.privacy import opaque_ids
from contactladder.words.roles import role_in_data

__all__ = ["LadderNetwork"]


class LadderNetwork(DataAnswers):
    """Ties from validated contacts, as snapshots in time and period by period.

    Consumers ask the network what they need to know (its name, the people's columns and
    values, one person, the attendance, the contacts up to a moment) through the methods below,
    not by reaching into its tables.

    Parameters
    ----------
    data : Dataset
        From :func:`contactladder.loading.load`.
    focal : str
        The role whose network the work is about (``parent`` by default).
    key : bytes, optional
        The private key of the anonymous numbering (node attribute ``number``,
        :meth:`opaque_ids`); without it the data's own key (for data built in memory without
        one, a fresh random key: the numbers then hold for this network only).

    Examples
    --------
    >>> import pandas as pd
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading import Dataset
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
    ...     "person_a": ["ann", "ann"], "person_b": ["bo", "cem"], "rung": [1, 3],
    ...     "activity": ["peutergym", ""], "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": ["parent", "parent", "professional"], "name": "",
    ...     "organisation": ["", "", "GGD"], "wijk": ["Dieze", "", "Dieze"], "joined": pd.NaT},
    ...     index=pd.Index(["ann", "bo", "cem"], name="id"))
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
    >>> net.name, net.has_contacts, net.has_column("wijk"), net.has_column("colour")
    ('example', True, True, False)
    >>> net.people_columns()
    ['role', 'name', 'organisation', 'wijk', 'joined']
    >>> net.column("organisation").to_dict()
    {'ann': '', 'bo': '', 'cem': 'GGD'}
    >>> net.values("role"), net.wijken()
    (['parent', 'professional'], ['Dieze'])
    >>> net.knows("bo"), net.knows("dirk")
    (True, False)
    >>> net.person("cem")["organisation"], net.person("cem")["focal"]
    ('GGD', False)
    >>> net.contact_rows(before=net.cutoff("2024-01-31"))[["person_a", "person_b"]].values.tolist()
    [['ann', 'bo']]
    >>> sorted(net.focal_people), len(net.rejects), len(net.attendance())
    (['ann', 'bo'], 0, 0)
    """

    def __init__(
        self,
        data: Dataset,
        *,
        focal: str = "parent",
        key: bytes | None = None,
        tie_rule: str = "max",
        directed: bool = False,
    ) -> None:
        self.data = data
        self._key = data.key if key is None else key
        self.ladder = data.ladder
        self.people = data.people
        self.focal = role_in_data(focal)
        focal_ids = data.people.index[data.people["role"] == self.focal]
        self.contacts = apply_tie_rule(
            data.contacts, tie_rule, directed=directed, reporters=focal_ids
        )
        self.tie_rule = tie_rule
        if len(self.contacts):
            self.start = self.contacts["date"].iloc[0]
            self.end = self.contacts["date"].iloc[-1]
        else:
            self.start = self.end = pd.NaT
        known = data.person_codes if self.contacts is data.contacts else None
        self._person_codes: tuple[np.ndarray, np.ndarray] = (
            known
            if known is not None
            else (
                positions_in(self.people.index, self.contacts["person_a"]),
                positions_in(self.people.index, self.contacts["person_b"]),
            )
        )
        dates = self.contacts["date"].to_numpy()
        self.present_from = present_from(dates, self._person_codes, self.people, self.start)
        self.focal_people = self._people_in_role(self.focal)

    @classmethod
    def from_path(
        cls,
        path: str | Path,
        *,
        focal: str = "parent",
        tie_rule: str = "max",
        directed: bool = False,
        **load_options: Any,
    ) -> LadderNetwork:
        """Load a data folder or file as a network.

        Parameters
        ----------
        path : str or Path
            A data folder or a contacts file.
        focal : str
            The role whose network the work is about.
        tie_rule : {"max", "min", "mean", "reporter"}
            The rung of a tie both people reported on (see :mod:`contactladder.network.tie_rule`).
        directed : bool
            Every contact is a report by its ``person_a`` about its ``person_b``.
        **load_options :
            The parameters of :func:`contactladder.loading.load` (``people``, ``columns``,
            ``rung``, ``time_unit``, ``skip_invalid``, ...).

        Raises
        ------
        ContactLadderError
            As :func:`contactladder.loading.load` does.

        Examples
        --------
        A Gephi edge table, every edge on one rung:

        >>> net = LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten",
        ...                               focal="child")
        >>> net.name, net.focal, sorted(net.snapshot().edges(data="rung"))
        ('gephi_edges', 'child', [('ann', 'bo', 2), ('bo', 'cem', 2)])
        """
        data = load(path, directed=directed, **load_options)
        return cls(data, focal=focal, tie_rule=tie_rule, directed=directed)

    def __repr__(self) -> str:
        return summary_line(self)

    def _repr_html_(self) -> str:
        """The network as a short table in Jupyter (see :mod:`contactladder.network.summary`)."""
        return summary_html(self)

    def opaque_ids(self, people: Iterable | None = None) -> dict:
        """The ids ``n1, n2, ...`` that ``people`` (everyone when None) get in an anonymised
        export, in the network's anonymous order (see :func:`contactladder.privacy.opaque_ids`).
        """
        return opaque_ids(self.people.index if people is None else people, key=self._key)

    def describe(self, options: Mapping[str, str] | None = None) -> str:
        """What was read, and warnings, as lines of text (see
        :func:`contactladder.loading.describe`); ``options`` names the parameters the warnings
        name."""
        return describe(self.data, focal=self.focal, options=options)

    # --- one moment ----------------------------------------------------------------------------

    def snapshot(
        self, as_of: object = None, *, open_end: bool = False, portable: bool = False
    ) -> nx.Graph:
        """The network as far as it has grown: people present and ties reached by ``as_of``.

        ``as_of`` is a date (inclusive: the whole day counts) or None for the end of the data.
        Each edge's ``rung`` is the highest rung of the pair's contacts up to then;
        ``open_end`` as in :meth:`cutoff` (people who joined after the last contact present).
        Dates are Timestamps, ``activities`` a tuple; ``portable`` gives text, numbers and
        booleans, for networkx's writers (:func:`~contactladder.network.portable.portable_graph`).
        The graph holds ids and names: to share it, :func:`contactladder.export` it.

        Raises
        ------
        UsageError
            If ``as_of`` is not a date or lies outside the data.
        """
        cutoff = self.cutoff(as_of, open_end=open_end)
        people = self.present_from.index[self.present_from < cutoff].tolist()
        graph = self._graph(people, self._ties_where(self.contacts["date"] < cutoff))
        return portable_graph(graph) if portable else graph

    def active(self, start: object, end: object) -> nx.Graph:
        """The ties active in ``start <= date < end``, each at its highest rung in that time.

        The people are those with a contact in that time.

        Raises
        ------
        UsageError
            If ``start`` or ``end`` is not a date.
        """
        start, end = parse_moment(start, "start"), parse_moment(end, "end")
        dates = self.contacts["date"]
        during = (dates >= start) & (dates < end)
        people = pd.unique(self.contacts.loc[during, ["person_a", "person_b"]].values.ravel())
        return self._graph(people, self._ties_where(during))

    def ties(self, as_of: object = None) -> pd.DataFrame:
        """One row per tie reached by ``as_of``: ``person_a, person_b, rung, first_contact,
        last_contact, contacts, activities``, sorted by pair."""
        return self._ties_where(self.contacts["date"] < self.cutoff(as_of))

    def rung_history(self) -> pd.DataFrame:
        """Every moment a tie's reached rung went up, its first contact included; contacts at the
        same moment count as one, at their highest rung (see
        :func:`~contactladder.network.ties.rung_rises`).

        Returns ``person_a, person_b, date, rung``, sorted by pair and date."""
        return rung_rises(self.contacts, (*self._person_codes, self.people.index))

    def cutoff(self, as_of: object = None, *, open_end: bool = False) -> pd.Timestamp:
        """The first moment after ``as_of`` (the day after a date; the end of the data for None).

        With ``open_end`` a later day is fine: the network as it stands, time passing.

        Raises
        ------
        UsageError
            If ``as_of`` is not a date, before the first contact or (unless ``open_end``) after.
        """
        if as_of is None:
            return self.end + pd.Timedelta(days=1) if len(self.contacts) else pd.Timestamp.max
        moment = parse_moment(as_of, "as_of")
        late = moment.normalize() > self.end and not (open_end and len(self.contacts))
        if moment.normalize() < self.start.normalize() or late:
            raise UsageError(
                "date outside the data",
                value=str(as_of),
                hint=f"the contacts run from {self.start.date()} to {self.end.date()}",
            )
        return moment + pd.Timedelta(days=1) if moment == moment.normalize() else moment

    # --- period by period -----------------------------------------------------------------------

    def period_range(self, freq: str) -> pd.PeriodIndex:
        """Every period from the first contact to the last, also those without contacts (for
        ``freq="wave"`` each wave, as the day period of its start)."""
        return self.calendar(freq).periods

    @once_per_freq
    def calendar(self, freq: str) -> Calendar:
        """The periods of a walk of ``freq`` (:class:`~contactladder.network.periods.Calendar`;
        waves: :func:`~contactladder.network.waves.wave_calendar`); UsageError for an unknown
        ``freq`` or a ``responded`` people column naming an unknown wave."""
        if freq == WAVE:
            return wave_calendar(self.contacts, self.people)
        return calendar(freq, self.contacts["date"])

    def joins(self, periods: Calendar) -> dict:
        """Period number -> the people who become present in it (:meth:`Calendar.joins`)."""
        return periods.joins(self.present_from, self._person_codes)

    def join_numbers(self, periods: Calendar) -> np.ndarray:
        """Each person's period of becoming present, in the people's order (see :meth:`joins`)."""
        return periods.join_numbers(self.present_from, self._person_codes)

    @once_per_freq
    def period_rows(self, freq: str) -> tuple[Calendar, PeriodPairs, np.ndarray]:
        """What a count over the periods of ``freq`` needs, without steps or graphs: the
        periods, the contacts grouped by period and pair (:class:`PeriodPairs`, whose codes
        are positions in the people's order, that of :meth:`column`) and the number of the
        period each person becomes present in (``len(periods)``: after the last); made once
        per ``freq``."""
        periods = self.calendar(freq)
        names = self.people.index.to_numpy(dtype=object)
        rows = PeriodPairs(self.contacts, self._person_codes, names, periods.contact_period)
        if not len(periods):
            return periods, rows, np.zeros(len(names), dtype=np.int64)
        return periods, rows, self.join_numbers(periods)

    def periods(
        self,
        freq: str = "month",
        *,
        view: str = "reached",
        graph: bool = True,
        lapse: object = DEFAULT_LAPSE,
    ) -> Iterator[Step]:
        """Walk the periods from the first contact to the last, one :class:`Step` each.

        In the reached view one graph is updated as the walk goes (new people and ties added,
        climbing ties given their new rung), so the walk costs time in proportion to the
        contacts, not contacts times periods. Edges carry ``rung, first_contact, last_contact,
        contacts`` (dates as :class:`datetime.datetime`; ``activities`` only in :meth:`snapshot`).
        In the active view each step's graph holds the period's ties. With ``graph=False`` the
        reached and the current view build no graph (``step.graph`` is None) and only report who
        joined and which ties changed. The current view (ties with a contact within ``lapse``
        before each period's end; for waves, the rung of the latest wave) is
        :func:`~contactladder.network.current.current_walk`. ``freq="wave"``: each wave a period,
        ``step.missing`` its non-respondents (:mod:`~contactladder.network.waves`)."""
        if view == "current":
            yield from current_walk(self, freq, lapse=lapse, graph=graph)
            return
        if view not in ("reached", "active"):
            raise UsageError("unknown view", value=view, hint="use reached, active or current")
        periods, rows, _ = self.period_rows(freq)
        if not len(periods):
            return
        joining = self.joins(periods)
        bounds = rows.bounds(len(periods))
        network = nx.Graph() if graph else None
        present: list = []
        for number in range(len(periods)):
            if view == "active":
                network = nx.Graph()
            step = periods.step(number, network)
            chunk = slice(bounds[number], bounds[number + 1])
            present += joining.get(number, [])
            step.missing = periods.missing(number, present)
            if view == "reached":
                step.joined = joining.get(number, [])
                if network is not None:
                    self._add_people(network, step.joined)
                rows.add_to_reached(step, chunk)
            else:
                self._add_people(network, rows.people_in(chunk))
                rows.add_to_active(step, chunk)
            yield step

    # --- building blocks ------------------------------------------------------------------------

    def _add_people(self, graph: nx.Graph, people: Iterable) -> list:
        added = [p for p in people if p not in graph]
        graph.add_nodes_from((p, self._node_attrs[p]) for p in added)
        return added

    def _ties_where(self, rows: pd.Series) -> pd.DataFrame:
        """:func:`tie_table` of the contacts of ``rows`` (a mask), grouped on person codes."""
        keep = rows.to_numpy()
        codes = (*(code[keep] for code in self._person_codes), self.people.index)
        return tie_table(self.contacts[keep], codes)

    def _graph(self, people: Iterable, ties: pd.DataFrame) -> nx.Graph:
        return ties_graph(self._node_attrs, people, ties)
