"""The network at one moment as GraphML, with every attribute as plain text or numbers.

GraphML holds one snapshot: the network as far as it has grown by ``as_of``. Nodes are the
rows of :func:`~contactladder.io.network_tables.nodes_table` (its ``id`` the node), edges the
rows of :func:`~contactladder.io.network_tables.ties_table` with ``weight`` (the rung reached).
GraphML knows text, numbers and booleans only, so dates are ISO text ("" when missing) and
lists ``" | "``-joined text; text loses the characters XML cannot hold. Anonymised by default,
as the tables are.

The document is made as it is written (:func:`graphml_chunks`), a chunk per few thousand
elements, in the text networkx's GraphML writer (with lxml) gives the same graph
(:func:`graphml_graph`): the same keys, in the same order, the same escaping.

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

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx
import pandas as pd
import polars as pl

from contactladder.io.files import write_chunks
from contactladder.io.network_tables import export_tables, nodes_table, ties_table
from contactladder.io.text_columns import (
    BATCH,
    batch_bounds,
    batch_bytes,
    iso_column,
    joined,
    text_column,
)
from contactladder.io.values import as_text, has_time, iso_columns, xml_safe
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["graphml_graph", "graphml_bytes", "graphml_chunks", "write_graphml"]

_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_ROOT = (
    f'<graphml xmlns="{_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xsi:schemaLocation="{_NAMESPACE} {_NAMESPACE}/1.0/graphml.xsd">'
)
# What libxml2 (lxml, networkx's writer) escapes beyond ``& < >``: in text, in attributes.
_TEXT_ENTITIES = {"\r": "&#13;"}
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
# Elements per batch of the document.
_CHUNK = BATCH


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
    """The chunks of :func:`graphml_chunks` joined: one GraphML document (UTF-8); ``options``
    are those of :func:`graphml_graph` (``as_of, anonymize, lang``).

    >>> from contactladder.io.network_tables import _example
    >>> graphml_bytes(_example()).startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    True
    """
    return b"".join(graphml_chunks(net, **options))


def graphml_chunks(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> Iterator[bytes]:
    """:func:`graphml_graph` as a GraphML document (UTF-8), in chunks to write one after the
    other; the tables are made (and every error raised) before the first chunk.

    Keys are numbered ``d0`` (the graph's name), then the node columns, then ``weight`` and the
    edge columns, and listed last first, as networkx lists them; a column is ``boolean``,
    ``long`` (whole numbers) or ``string``.

    >>> from contactladder.io.network_tables import _example
    >>> b'attr.name="weight" attr.type="long"' in graphml_bytes(_example())
    True
    """
    nodes, ties = export_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)
    node_columns = {column: nodes[column] for column in nodes.columns[1:]} if len(nodes) else {}
    edge_columns = (
        {"weight": ties["rung"], **{column: ties[column] for column in ties.columns[2:]}}
        if len(ties)
        else {}
    )
    keys = [
        ("graph", "name", "string"),
        *(("node", name, _kind(values)) for name, values in node_columns.items()),
        *(("edge", name, _kind(values)) for name, values in edge_columns.items()),
    ]
    head = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        + _ROOT
        + "".join(
            f'<key id="d{number}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>\n'
            for number, (scope, name, kind) in reversed(list(enumerate(keys)))
        )
    )
    head += (
        f'<graph edgedefault="undirected"><data key="d0">{_text(xml_safe(str(net.name)))}</data>\n'
    )
    node_start = {"id": text_column(nodes["id"], _attribute)}
    edge_start = {end: text_column(ties[end], _attribute) for end in ("source", "target")}
    return _document(
        head,
        _elements("node", node_start, node_columns, first_key=1),
        _elements("edge", edge_start, edge_columns, first_key=1 + len(node_columns)),
    )


def write_graphml(net: LadderNetwork, path: str | Path, **options: Any) -> Path:
    """Write :func:`graphml_chunks` to ``path`` as they come, whole or not at all; return the
    path."""
    return write_chunks(path, graphml_chunks(net, **options))


def _document(head: str, *parts: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks: the head, the nodes and edges a batch of :data:`_CHUNK` at a time, the end."""
    yield head.encode()
    for part in parts:
        yield from part
    yield b"</graph></graphml>"


def _elements(
    tag: str, start: dict[str, pl.Series], columns: dict[str, pd.Series], first_key: int
) -> Iterator[bytes]:
    """Each element, a batch at a time: its start tag (``<node`` or ``<edge`` with the
    attributes ``start``), then a ``<data>`` per column (keys numbered from ``first_key``),
    then its end tag; an element without data is empty (``<node id="n1"/>``)."""
    texts = {
        f"d{number}": _texts(values) for number, values in enumerate(columns.values(), first_key)
    }
    frame = pl.DataFrame({**{f"a{k}": text for k, text in enumerate(start.values())}, **texts})
    opening: list[str | pl.Expr] = [f"<{tag}"]
    for k, name in enumerate(start):
        opening += [f' {name}="', pl.col(f"a{k}"), '"']
    data = [part for key in texts for part in (f'  <data key="{key}">', pl.col(key), "</data>\n")]
    element = joined(*opening, ">\n", *data, f"</{tag}>\n") if texts else joined(*opening, "/>\n")
    for begin, end in batch_bounds(len(frame), _CHUNK):
        yield batch_bytes(frame[begin:end], element)


def _kind(values: pd.Series) -> str:
    """The GraphML type of a column: ``boolean``, ``long`` (whole numbers) or ``string``."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "long"
    return "string"


def _texts(values: pd.Series) -> pl.Series:
    """A column's cells as the text of their ``<data>``: true and false as ``True`` and
    ``False``, whole numbers as written by Python, dates as ISO text (with the time when any
    has one), anything else as XML-safe text, escaped."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return iso_column(values, with_time=has_time(values))
    return text_column(values, _text)


def _text(text: str) -> str:
    """``text`` escaped as libxml2 escapes an element's text."""
    return escape(text, _TEXT_ENTITIES)


def _attribute(text: str) -> str:
    """``text`` escaped as libxml2 escapes an attribute value."""
    return escape(text, _ATTRIBUTE_ENTITIES)


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain str, int, float and bool, for networkx."""
    rows = iso_columns(table).to_dict("records")
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _plain(value: object) -> object:
    """A number or boolean as itself (NaN as ""), anything else as XML-safe text."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (bool, int, float)) and value == value:
        return value
    return xml_safe(as_text(value))
