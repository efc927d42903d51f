"""A graph that every networkx writer takes as it is: attributes as plain text and numbers.

networkx's writers (GraphML, GEXF, GML, node-link JSON) know text, numbers and booleans, but
not pandas Timestamps, tuples or numpy scalars. :func:`portable_graph` gives a copy of a graph
with every attribute of the graph, its nodes and its edges made *portable*:

- a date is ISO text: ``2024-01-05`` when no date of that attribute has a time of day other
  than midnight, else every one with its time (``2024-01-05T09:30:00``);
- a list, tuple or set is its items as text (a set's items sorted), joined by ``" | "``
  (:data:`~contactladder.words.LIST_SEPARATOR`);
- a numpy number or boolean is the Python number or boolean;
- a missing value (None, NaN, NaT) is left out;
- text, Python numbers and booleans stay as they are; anything else becomes its text.

Node names stay as they are. The input graph is not changed.

Examples
--------
>>> import networkx as nx, numpy as np, pandas as pd
>>> G = nx.Graph()
>>> G.add_node("ann", joined=pd.Timestamp("2024-01-05"), number=np.int64(3), note=None)
>>> G.add_edge("ann", "bo", first_contact=pd.Timestamp("2024-02-09 09:30"),
...            activities=("peutergym", "taalplezier"))
>>> H = portable_graph(G)
>>> H.nodes["ann"], H.nodes["bo"]
({'joined': '2024-01-05', 'number': 3}, {})
>>> H.edges["ann", "bo"]
{'first_contact': '2024-02-09T09:30:00', 'activities': 'peutergym | taalplezier'}
>>> type(G.nodes["ann"]["joined"]).__name__
'Timestamp'
"""

from __future__ import annotations

import datetime
import numbers
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.words import LIST_SEPARATOR

__all__ = ["portable_graph", "portable_value"]

#: What joins the items of a list in a portable attribute.


def portable_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` (of the same class) whose attributes networkx's writers all take.

    Parameters
    ----------
    G : networkx graph

    Returns
    -------
    networkx graph
        The same nodes and edges (and edge keys of a multigraph), each attribute as
        :func:`portable_value` makes it; dates of one attribute all with a time of day or all
        without (see the module's definitions).

    Examples
    --------
    >>> import networkx as nx, pandas as pd
    >>> G = nx.Graph([(1, 2, {"last": pd.Timestamp("2024-03-01 10:00")}),
    ...               (2, 3, {"last": pd.Timestamp("2024-03-02")})])
    >>> [last for _, _, last in portable_graph(G).edges(data="last")]
    ['2024-03-01T10:00:00', '2024-03-02T00:00:00']
    """
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True))
    node_times = _timed(attrs for _, attrs in nodes)
    edge_times = _timed(edge[-1] for edge in edges)
    H = G.__class__()
    H.graph.update(_portable(G.graph, _timed([G.graph])))
    H.add_nodes_from((node, _portable(attrs, node_times)) for node, attrs in nodes)
    H.add_edges_from((*edge[:-1], _portable(edge[-1], edge_times)) for edge in edges)
    return H


def portable_value(value: object, *, with_time: bool = True) -> object:
    """``value`` as text, a Python number or a boolean; None when it is missing.

    ``with_time``: a date is written with its time of day (``2024-01-05T00:00:00``), else as
    a date alone (``2024-01-05``).

    >>> import numpy as np, pandas as pd
    >>> portable_value(pd.Timestamp("2024-01-05"), with_time=False), portable_value(np.True_)
    ('2024-01-05', True)
    >>> portable_value({"b", "a"}), portable_value(float("nan")), portable_value(pd.NaT)
    ('a | b', None, None)
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(map(str, value)) if isinstance(value, (set, frozenset)) else value
        return LIST_SEPARATOR.join(map(str, items))
    if _is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Real):
        return value if isinstance(value, (int, float)) else float(value)
    moment = _moment(value)
    if moment is not None:
        return moment.isoformat() if with_time else moment.date().isoformat()
    return str(value)


def _portable(attrs: Mapping, timed: set) -> dict:
    """The portable attributes, missing values left out."""
    values = {key: portable_value(value, with_time=key in timed) for key, value in attrs.items()}
    return {key: value for key, value in values.items() if value is not None}


def _timed(records: Iterable[Mapping]) -> set:
    """The attributes with a date that has a time of day other than midnight."""
    timed = set()
    for attrs in records:
        for key, value in attrs.items():
            moment = _moment(value)
            if moment is not None and moment != moment.normalize():
                timed.add(key)
    return timed


def _moment(value: object) -> pd.Timestamp | None:
    """``value`` as a Timestamp when it is a date or a moment, else None."""
    if isinstance(value, (datetime.date, np.datetime64)) and not _is_missing(value):
        return pd.Timestamp(value)
    return None


def _is_missing(value: object) -> bool:
    """Whether ``value`` is None, NaN, NaT or pandas' NA (never for lists and text)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
