"""The ladder network: ties between people, each on the rung it has reached.

A *contact* is one dated event between two people, with a rung; a *tie* is the pair. The
*reached* rung of a tie at time t is the highest rung of its contacts up to t; a tie is *active*
in a period when the pair had a contact in it, at the highest rung of that period's contacts.
A tie is *new* in the period of its first contact and *climbs* in a period when its reached rung
goes up there (a new tie does not climb in its first period).

A person is *present* from the date they joined, or from the start of the data when no date is
given, or from their first contact if that is earlier. In the active view a person is present in
a period when they had a contact in it.

The exchange format is :class:`networkx.Graph`, with node attributes ``role, wijk, organisation,
joined, name, number, focal`` (plus the people file's other columns; ``number`` counts within
the role in an order unrelated to ids and join dates, for anonymous labels) and edge attributes
``rung, first_contact, last_contact, contacts, activities``.

Examples
--------
>>> import pandas as pd
>>> from contactladder.loading.dataset import Dataset
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
>>> [(step.label, step.graph.number_of_edges(), len(step.climbed)) for step in net.periods("month")]
[('2024-01', 1, 0), ('2024-02', 2, 1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading.dataset import Dataset, load, positions_in
from contactladder.privacy import anonymous_order

__all__ = ["LadderNetwork", "Step", "FREQUENCIES", "period_label"]

# Period names as the CLI gives them, and pandas' frequency for each.
FREQUENCIES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


@dataclass
class Step:
    """One period of :meth:`LadderNetwork.periods`.

    Attributes
    ----------
    period : pandas.Period
    label : str
        ISO text: ``2024-03-15``, ``2024-W11``, ``2024-03``, ``2024Q1`` or ``2024``.
    start, end : pandas.Timestamp
        The period is ``start <= date < end``.
    graph : networkx.Graph
        Reached view: the network up to ``end``, the same graph object at every step, updated
        in place (copy it to keep it). Active view: a new graph of the period's ties.
    joined : list
        People who became present in this period.
    new_ties : list of (u, v)
        Ties whose first contact is in this period.
    new_rungs : list of int
        The rung each of ``new_ties`` has reached by the end of the period.
    climbed : list of (u, v, old_rung, new_rung)
        Ties that existed before and whose reached rung went up in this period.
    """

    period: pd.Period
    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    graph: nx.Graph
    joined: list = field(default_factory=list)
    new_ties: list = field(default_factory=list)
    new_rungs: list = field(default_factory=list)
    climbed: list = field(default_factory=list)


class LadderNetwork:
    """Ties from validated contacts, as snapshots in time and period by period.

    Parameters
    ----------
    data : Dataset
        From :func:`contactladder.loading.load`.
    focal : str
        The role whose network the work is about (``parent`` by default).
    """

    def __init__(self, data: Dataset, *, focal: str = "parent") -> None:
        self.data = data
        self.ladder = data.ladder
        self.contacts = data.contacts
        self.people = data.people
        self.focal = focal
        if len(self.contacts):
            self.start = self.contacts["date"].iloc[0]
            self.end = self.contacts["date"].iloc[-1]
        else:
            self.start = self.end = pd.NaT
        self._person_codes = tuple(positions_in(self.people.index, self.contacts[column])
                                   for column in ("person_a", "person_b"))
        self.present_from = self._present_from()
        self._node_attrs = self._node_attributes()
        self.focal_people = frozenset(self.people.index[self.people["role"] == focal])

    @classmethod
    def from_path(cls, path, *, focal: str = "parent", **load_options) -> "LadderNetwork":
        """Load a data folder or file (see :func:`contactladder.loading.load`) as a network."""
        return cls(load(path, **load_options), focal=focal)

    # --- what the data hold ---------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The data's name (the folder's or file's name)."""
        return self.data.name

    @property
    def rejects(self) -> pd.DataFrame:
        """The rows set aside by ``skip_invalid``, with their reasons (empty when none)."""
        return self.data.rejects

    @property
    def has_contacts(self) -> bool:
        """Whether the data hold at least one contact."""
        return bool(len(self.contacts))

    def has_column(self, column: str) -> bool:
        """Whether the people table has ``column``."""
        return column in self.people.columns

    def people_columns(self) -> list[str]:
        """The columns of the people table, in file order (``role, name, ...``)."""
        return [str(column) for column in self.people.columns]

    def column(self, column: str) -> pd.Series:
        """One column of the people table, indexed by person id.

        Raises
        ------
        UsageError
            If the people table has no such column, naming the columns it has.
        """
        if column not in self.people.columns:
            raise UsageError("no people column", value=column,
                             hint="the columns are " + ", ".join(self.people_columns()))
        return self.people[column]

    def values(self, column: str) -> list[str]:
        """The distinct non-empty values of a people column as text, sorted; [] without it.

        >>> LadderNetwork.from_path("data/zwolle-demo").values("wijk")  # doctest: +SKIP
        ['Dieze', 'Stadshagen', 'Zwolle-Zuid']
        """
        if column not in self.people.columns:
            return []
        return sorted({str(v).strip() for v in self.people[column] if v == v} - {""})

    def wijken(self) -> list[str]:
        """The wijken of the people, as written in the data, sorted."""
        return self.values("wijk")

    def knows(self, person: object) -> bool:
        """Whether ``person`` is an id of the people table."""
        return str(person).strip() in self.people.index

    def person(self, person: object) -> dict:
        """The node attributes of the person with id ``person`` (a copy).

        Raises
        ------
        UsageError
            For an id that is not in the people table (the message names only what was typed).
        """
        key = str(person).strip()
        if key not in self._node_attrs:
            raise UsageError("unknown person", value=person, hint="give an id from the people file")
        return dict(self._node_attrs[key])

    def attendance(self, before: object = None) -> pd.DataFrame:
        """Attendance rows (``date, activity, person``) with a named activity, before the moment
        ``before`` when given (a :meth:`cutoff`)."""
        rows = self.data.attendance
        rows = rows[rows["activity"] != ""]
        return rows if before is None else rows[rows["date"] < before]

    # --- one moment ----------------------------------------------------------------------------

    def snapshot(self, as_of: object = None) -> nx.Graph:
        """The network as far as it has grown: people present and ties reached by ``as_of``.

        ``as_of`` is a date (inclusive: the whole day counts) or None for the end of the data.
        Each edge's ``rung`` is the highest rung of the pair's contacts up to then.

        Raises
        ------
        UsageError
            If ``as_of`` is not a date or lies outside the data.
        """
        cutoff = self.cutoff(as_of)
        contacts = self.contacts[self.contacts["date"] < cutoff]
        people = self.present_from.index[self.present_from < cutoff]
        return self._graph(people, self._ties(contacts))

    def active(self, start: object, end: object) -> nx.Graph:
        """The ties active in ``start <= date < end``, each at its highest rung in that time.

        The people are those with a contact in that time.
        """
        start, end = pd.Timestamp(start), pd.Timestamp(end)
        dates = self.contacts["date"]
        contacts = self.contacts[(dates >= start) & (dates < end)]
        people = pd.unique(contacts[["person_a", "person_b"]].values.ravel())
        return self._graph(people, self._ties(contacts))

    def ties(self, as_of: object = None) -> pd.DataFrame:
        """One row per tie reached by ``as_of``: ``person_a, person_b, rung, first_contact,
        last_contact, contacts, activities``, sorted by pair."""
        return self._ties(self.contacts[self.contacts["date"] < self.cutoff(as_of)])

    def rung_history(self) -> pd.DataFrame:
        """Every moment a tie's reached rung went up, its first contact included; contacts at the
        same moment count as one, at their highest rung.

        Returns ``person_a, person_b, date, rung``, sorted by pair and date."""
        moments = (self.contacts.groupby(["person_a", "person_b", "date"], sort=True)["rung"]
                   .max().reset_index())
        pairs = [moments["person_a"], moments["person_b"]]
        reached = moments["rung"].groupby(pairs, sort=False).cummax()
        before = reached.groupby(pairs, sort=False).shift(fill_value=0)
        rises = moments.loc[reached > before, ["person_a", "person_b", "date"]]
        rises["rung"] = reached[reached > before]
        return rises.reset_index(drop=True)

    def cutoff(self, as_of: object = None) -> pd.Timestamp:
        """The first moment after ``as_of`` (the day after a date; the end of the data for None).

        Raises
        ------
        UsageError
            If ``as_of`` is not a date, or lies before the first contact or after the last.
        """
        if as_of is None:
            return self.end + pd.Timedelta(days=1) if len(self.contacts) else pd.Timestamp.max
        try:
            moment = pd.Timestamp(as_of)
        except ValueError as exc:
            raise UsageError("not a date", value=as_of, hint="write it as YYYY-MM-DD") from exc
        if moment.normalize() < self.start.normalize() or moment.normalize() > self.end:
            raise UsageError("date outside the data", value=str(as_of),
                             hint=f"the contacts run from {self.start.date()} to {self.end.date()}")
        return moment + pd.Timedelta(days=1) if moment == moment.normalize() else moment

    # --- period by period -----------------------------------------------------------------------

    def period_range(self, freq: str) -> pd.PeriodIndex:
        """Every period from the first contact to the last, also those without contacts."""
        code = _frequency(freq)
        if not len(self.contacts):
            return pd.PeriodIndex([], freq=code)
        return pd.period_range(self.start.to_period(code), self.end.to_period(code), freq=code)

    def periods(self, freq: str = "month", *, view: str = "reached",
                graph: bool = True) -> Iterator[Step]:
        """Walk the periods from the first contact to the last, one :class:`Step` each.

        In the reached view one graph is updated as the walk goes: new people and ties are added
        and climbing ties get their new rung, so the whole walk costs time in proportion to the
        number of contacts, not contacts times periods. Edges carry ``rung, first_contact,
        last_contact, contacts`` (the dates as :class:`datetime.datetime`; ``activities`` only
        in :meth:`snapshot`). In the active view
        each step's graph holds the ties active in the period. With ``graph=False`` the reached
        view builds no graph (``step.graph`` is None) and only reports who joined and which ties
        are new or climbed: the cheapest way to follow the growth.
        """
        if view not in ("reached", "active"):
            raise UsageError("unknown view", value=view, hint="use reached or active")
        code = _frequency(freq)
        periods = self.period_range(freq)
        if not len(periods):
            return
        rows = self._period_pairs(code, periods)
        joins = self.present_from.dt.to_period(code).clip(lower=periods[0])
        joining = joins.index.groupby(joins.to_numpy())
        bounds = np.searchsorted(rows.period, np.arange(len(periods) + 1))
        network = nx.Graph() if graph else None
        for number, period in enumerate(periods):
            if view == "active":
                network = nx.Graph()
            step = Step(period, period_label(period), period.start_time,
                        (period + 1).start_time, network)
            chunk = slice(bounds[number], bounds[number + 1])
            if view == "reached":
                step.joined = list(joining.get(period, ()))
                if network is not None:
                    self._add_people(network, step.joined)
                rows.add_to_reached(step, chunk)
            else:
                self._add_people(network, rows.people_in(chunk))
                rows.add_to_active(step, chunk)
            yield step

    # --- building blocks ------------------------------------------------------------------------

    def _period_pairs(self, code: str, periods: pd.PeriodIndex) -> "_PeriodPairs":
        """Contacts grouped by period and pair, with integer keys: fast on a million rows."""
        people = self.people.index
        size = len(people)
        period = (pd.PeriodIndex(self.contacts["date"].dt.to_period(code)).asi8
                  - periods[0].ordinal)
        code_a, code_b = self._person_codes
        pair = code_a.astype("int64") * size + code_b
        key = period * size * size + pair
        order = np.argsort(key, kind="stable")
        key = key[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        rung = self.contacts["rung"].to_numpy()[order]
        moment = self.contacts["date"].to_numpy()[order]
        grouped = pd.DataFrame({
            "rung": np.maximum.reduceat(rung, starts),
            "first": np.minimum.reduceat(moment, starts),
            "last": np.maximum.reduceat(moment, starts),
            "contacts": np.diff(np.r_[starts, len(key)])}, index=key[starts])
        return _PeriodPairs(grouped, people.to_numpy(dtype=object), size)

    def _add_people(self, graph: nx.Graph, people) -> list:
        added = [p for p in people if p not in graph]
        graph.add_nodes_from((p, self._node_attrs[p]) for p in added)
        return added

    def _graph(self, people, ties: pd.DataFrame) -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from((p, self._node_attrs[p]) for p in sorted(people))
        graph.add_edges_from(
            (a, b, {"rung": int(rung), "first_contact": first, "last_contact": last,
                    "contacts": int(count), "activities": activities})
            for a, b, rung, first, last, count, activities in ties.itertuples(index=False))
        return graph

    def _ties(self, contacts: pd.DataFrame) -> pd.DataFrame:
        pairs = contacts.groupby(["person_a", "person_b"], sort=True)
        ties = pairs.agg(rung=("rung", "max"), first_contact=("date", "min"),
                         last_contact=("date", "max"), contacts=("rung", "size"))
        named = contacts[contacts["activity"] != ""].drop_duplicates(
            ["person_a", "person_b", "activity"])
        activities = named.sort_values("activity").groupby(["person_a", "person_b"])[
            "activity"].agg(tuple)
        ties["activities"] = activities.reindex(ties.index)
        ties["activities"] = ties["activities"].map(lambda a: a if isinstance(a, tuple) else ())
        return ties.reset_index()

    def _present_from(self) -> pd.Series:
        """When each person is present: joined, else the data's start; a contact before counts."""
        dates = self.contacts["date"].to_numpy()
        first = pd.Series(np.concatenate([dates, dates])).groupby(
            np.concatenate(self._person_codes)).min()
        first.index = self.people.index[first.index]
        joined = self.people["joined"].fillna(self.start)
        return pd.concat([joined, first.reindex(joined.index)], axis=1).min(axis=1).rename(
            "present_from")

    def _node_attributes(self) -> dict:
        """Each person's node attributes, with ``number`` counted within their role in
        :func:`anonymous_order`, so that "Ouder 12" says nothing about who joined when."""
        people = self.people.loc[sorted(self.people.index, key=anonymous_order)]
        numbers = (people.groupby("role").cumcount() + 1).tolist()
        columns = list(people.columns)
        records = {}
        for person, number, row in zip(people.index, numbers,
                                       zip(*(people[c].tolist() for c in columns))):
            attrs = dict(zip(columns, row))
            attrs["number"] = number
            attrs["focal"] = attrs["role"] == self.focal
            records[person] = attrs
        return records


class _PeriodPairs:
    """One row per period and pair, sorted by period, with each tie's reached rung before the row.

    ``before`` is 0 for a tie's first row (a new tie); a row climbs when its rung is above
    ``before``. Computed for all rows at once, so the walk over periods only touches the graph.
    """

    def __init__(self, grouped: pd.DataFrame, names: np.ndarray, size: int) -> None:
        key = grouped.index.to_numpy()
        pair = key % (size * size)
        self.period = key // (size * size)
        self.a = names[pair // size]
        self.b = names[pair % size]
        self.rung = grouped["rung"].to_numpy()
        reached = grouped["rung"].groupby(pair, sort=False).cummax()
        self.reached = reached.to_numpy()
        self.before = reached.groupby(pair, sort=False).shift(fill_value=0).to_numpy()
        self.first = grouped["first"].to_numpy()
        self.last = grouped["last"].to_numpy()
        self.contacts = grouped["contacts"].to_numpy()

    def people_in(self, rows: slice) -> list:
        return sorted(set(self.a[rows]) | set(self.b[rows]))

    def add_to_reached(self, step: Step, rows: slice) -> None:
        """Note new and climbing ties; with a graph, add them and count the others' contacts."""
        before = self.before[rows]
        new = before == 0
        a, b, reached = self.a[rows], self.b[rows], self.reached[rows]
        step.new_ties = list(zip(a[new], b[new]))
        step.new_rungs = reached[new].tolist()
        climbs = ~new & (reached > before)
        step.climbed = list(zip(a[climbs], b[climbs], before[climbs].tolist(),
                                reached[climbs].tolist()))
        if step.graph is None:
            return
        first, last = _datetimes(self.first[rows]), _datetimes(self.last[rows])
        step.graph.add_edges_from(
            (u, v, {"rung": rung, "first_contact": start, "last_contact": end,
                    "contacts": count})
            for u, v, rung, start, end, count in zip(
                a[new], b[new], step.new_rungs, first[new], last[new],
                self.contacts[rows][new].tolist()))
        adjacency = step.graph.adj
        for u, v, rung, end, count in zip(a[~new], b[~new], reached[~new].tolist(), last[~new],
                                          self.contacts[rows][~new].tolist()):
            edge = adjacency[u][v]
            edge["rung"] = rung
            edge["last_contact"] = end
            edge["contacts"] += count

    def add_to_active(self, step: Step, rows: slice) -> None:
        """Add the period's ties at the period's highest rung; note new and climbing ties."""
        for a, b, rung, reached, before, first, last, count in zip(
                self.a[rows], self.b[rows], self.rung[rows].tolist(),
                self.reached[rows].tolist(), self.before[rows].tolist(),
                _datetimes(self.first[rows]), _datetimes(self.last[rows]),
                self.contacts[rows].tolist()):
            step.graph.add_edge(a, b, rung=rung, first_contact=first, last_contact=last,
                                contacts=count)
            if not before:
                step.new_ties.append((a, b))
                step.new_rungs.append(reached)
            elif reached > before:
                step.climbed.append((a, b, before, reached))



def _datetimes(moments: np.ndarray) -> np.ndarray:
    """datetime64 values as :class:`datetime.datetime` objects, converted in one go."""
    return pd.DatetimeIndex(moments).to_pydatetime()


def period_label(period: pd.Period) -> str:
    """A period as ISO text.

    >>> period_label(pd.Period("2024-03-13", "W")), period_label(pd.Period("2024-02", "Q"))
    ('2024-W11', '2024Q1')
    """
    if period.freqstr.startswith("W"):
        year, week, _ = period.start_time.isocalendar()
        return f"{year}-W{week:02d}"
    return str(period)


def _frequency(freq: str) -> str:
    try:
        return FREQUENCIES[freq]
    except KeyError:
        raise UsageError("unknown period", value=freq,
                         hint="use one of " + ", ".join(FREQUENCIES)) from None
