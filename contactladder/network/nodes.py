"""The people of a ladder network as graph nodes: when each is present, their attributes, and a
graph of people and ties built from the tables.

A person is *present* from the date they joined, else from the start of the data, or from
their first contact when that is earlier. Each node carries the people file's columns, a
``number`` counted within the role in the keyed anonymous order (so that "Ouder 12" says
nothing about who joined when) and ``focal``.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({"role": ["parent", "parent"], "joined": pd.NaT},
...                       index=pd.Index(["ann", "bo"], name="id"))
>>> attrs = node_attributes(people, focal="parent", key=b"k" * 16)
>>> sorted(attrs["ann"]), sorted(a["number"] for a in attrs.values())
(['focal', 'joined', 'number', 'role'], [1, 2])
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.privacy import in_anonymous_order

__all__ = ["present_from", "node_attributes", "ties_graph"]


def present_from(
    dates: np.ndarray, codes: tuple[np.ndarray, np.ndarray], people: pd.DataFrame, start: object
) -> pd.Series:
    """When each person is present: joined, else ``start``; a contact before counts.

    ``dates`` are the contacts' dates and ``codes`` the positions of their two people in
    ``people``'s index.
    """
    first = pd.Series(np.concatenate([dates, dates])).groupby(np.concatenate(codes)).min()
    first.index = people.index[first.index]
    joined = people["joined"].fillna(start)
    return (
        pd.concat([joined, first.reindex(joined.index)], axis=1).min(axis=1).rename("present_from")
    )


def node_attributes(people: pd.DataFrame, *, focal: str, key: bytes | None) -> dict:
    """Each person's node attributes: the people file's columns, ``number`` within the role in
    :func:`~contactladder.privacy.anonymous_order` and ``focal``."""
    people = people.loc[in_anonymous_order(people.index, key=key)]
    numbers = (people.groupby("role").cumcount() + 1).tolist()
    columns = list(people.columns)
    records = {}
    for person, number, row in zip(
        people.index, numbers, zip(*(people[c].tolist() for c in columns))
    ):
        attrs = dict(zip(columns, row))
        attrs["number"] = number
        attrs["focal"] = attrs["role"] == focal
        records[person] = attrs
    return records


def ties_graph(attrs: dict, people: Iterable, ties: pd.DataFrame) -> nx.Graph:
    """A graph of ``people`` (sorted, each with a copy of their ``attrs``) and ``ties`` (a
    table of :func:`~contactladder.network.ties.tie_table`: ``person_a, person_b, rung,
    first_contact, last_contact, contacts, activities``, one row per pair, both among
    ``people``).

    The people and ties are written into the graph's node and adjacency dicts, one attribute
    dict per tie seen from both ends, as ``add_nodes_from`` and ``add_edges_from`` make them:
    those methods also check every node and end and merge every edge's attributes into an
    earlier edge of the pair, which the tie table never holds, and took twice the time.

    >>> ties = pd.DataFrame({"person_a": ["a"], "person_b": ["b"], "rung": [2],
    ...     "first_contact": pd.to_datetime(["2024-01-05"]), "last_contact":
    ...     pd.to_datetime(["2024-02-01"]), "contacts": [3], "activities": [("gym",)]})
    >>> graph = ties_graph({"a": {"role": "parent"}, "b": {}, "c": {}}, "cab", ties)
    >>> list(graph), graph.nodes["a"], graph["b"]["a"]["rung"], graph.number_of_edges()
    (['a', 'b', 'c'], {'role': 'parent'}, 2, 1)
    """
    graph = nx.Graph()
    order = sorted(people)
    graph._node.update((p, attrs[p].copy()) for p in order)
    adjacency = graph._adj
    adjacency.update((p, {}) for p in order)
    rungs, counts = (ties[c].to_numpy(dtype=np.int64).tolist() for c in ("rung", "contacts"))
    firsts, lasts = (_timestamps(ties[c]) for c in ("first_contact", "last_contact"))
    a_ends, b_ends, activities = (ties[c].tolist() for c in ("person_a", "person_b", "activities"))
    for a, b, rung, first, last, count, kinds in zip(
        a_ends, b_ends, rungs, firsts, lasts, counts, activities
    ):
        adjacency[a][b] = adjacency[b][a] = {
            "rung": rung,
            "first_contact": first,
            "last_contact": last,
            "contacts": count,
            "activities": kinds,
        }
    return graph


def _timestamps(moments: pd.Series) -> list:
    """The Timestamps of a column of dates, each distinct one made once (a tie's dates are
    few distinct days)."""
    distinct, inverse = np.unique(moments.to_numpy(), return_inverse=True)
    stamps = np.array([pd.Timestamp(moment) for moment in distinct], dtype=object)
    return stamps[inverse].tolist()
