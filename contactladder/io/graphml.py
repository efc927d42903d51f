"""The network at one moment as GraphML, with every attribute as plain text or numbers.

GraphML holds one snapshot: the network as far as it has grown by ``as_of``. Nodes are the
rows of :func:`~contactladder.io.network_tables.nodes_table` (its ``id`` the node), edges the
rows of :func:`~contactladder.io.network_tables.ties_table` with ``weight`` (the rung reached).
GraphML knows text, numbers and booleans only, so dates are ISO text ("" when missing) and
lists ``" | "``-joined text; text loses the characters XML cannot hold. Anonymised by default,
as the tables are.

Examples
--------
>>> from contactladder.io.network_tables import _example
>>> G = graphml_graph(_example())
>>> sorted(G.nodes), G["n1"]["n2"]["weight"], G.nodes["n1"]["present_from"]
(['n1', 'n2'], 3, '2024-01-05')
>>> sorted(label for _, label in G.nodes(data="label"))
['Ouder 1', 'Professional 1 (GGD)']
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from contactladder.io.files import write_bytes
from contactladder.io.network_tables import nodes_table, ties_table
from contactladder.io.values import as_text, iso_columns, xml_safe
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["graphml_graph", "graphml_bytes", "write_graphml"]


def graphml_graph(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> nx.Graph:
    """The snapshot at ``as_of`` with plain attributes only, ready for GraphML.

    Nodes are the ``id`` of :func:`~contactladder.io.network_tables.nodes_table`, with its other
    columns as attributes; edges carry the columns of
    :func:`~contactladder.io.network_tables.ties_table` after the two ends, and ``weight`` (the
    rung). The graph is new: nothing of ``net`` changes.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> sorted(graphml_graph(_example(), lang="en").edges["n1", "n2"].items())[:3]
    [('activities', 'peutergym'), ('contacts', 2), ('first_contact', '2024-01-05')]
    """
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    graph = nx.Graph(name=net.name)
    for row in _records(nodes):
        graph.add_node(row.pop("id"), **row)
    for row in _records(ties):
        graph.add_edge(row.pop("source"), row.pop("target"), weight=row["rung"], **row)
    return graph


def graphml_bytes(net: LadderNetwork, **options: Any) -> bytes:
    """:func:`graphml_graph` as a GraphML document (UTF-8); ``options`` are those of
    :func:`graphml_graph` (``as_of, anonymize, lang``).

    >>> from contactladder.io.network_tables import _example
    >>> graphml_bytes(_example()).startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    True
    """
    document = io.BytesIO()
    nx.write_graphml(graphml_graph(net, **options), document, encoding="utf-8")
    return document.getvalue()


def write_graphml(net: LadderNetwork, path: str | Path, **options: Any) -> Path:
    """Write :func:`graphml_bytes` to ``path``, whole or not at all; return the path."""
    return write_bytes(path, graphml_bytes(net, **options))


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain str, int, float and bool, for networkx writers."""
    rows = iso_columns(table).to_dict("records")
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _plain(value: object) -> object:
    """A number or boolean as itself (NaN as ""), anything else as XML-safe text."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (bool, int, float)) and value == value:
        return value
    return xml_safe(as_text(value))
