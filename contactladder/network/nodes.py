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

from contactladder.privacy import anonymous_order

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
    people = people.loc[sorted(people.index, key=lambda p: anonymous_order(p, key=key))]
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
    """A graph of ``people`` (sorted, with their ``attrs``) and ``ties`` (a table of
    :func:`~contactladder.network.ties.tie_table`: ``person_a, person_b, rung, first_contact,
    last_contact, contacts, activities``)."""
    graph = nx.Graph()
    graph.add_nodes_from((p, attrs[p]) for p in sorted(people))
    columns = [
        _timestamps(ties[c]) if c.endswith("_contact") else ties[c].tolist()
        for c in ties.columns[:7]
    ]
    graph.add_edges_from(
        (
            a,
            b,
            {
                "rung": int(rung),
                "first_contact": first,
                "last_contact": last,
                "contacts": int(count),
                "activities": activities,
            },
        )
        for a, b, rung, first, last, count, activities in zip(*columns)
    )
    return graph


def _timestamps(moments: pd.Series) -> list:
    """The Timestamps of a column of dates, each distinct one made once (a tie's dates are
    few distinct days)."""
    distinct, inverse = np.unique(moments.to_numpy(), return_inverse=True)
    stamps = np.array([pd.Timestamp(moment) for moment in distinct], dtype=object)
    return stamps[inverse].tolist()
