"""The network's growth as dynamic GEXF, so that Gephi's timeline replays it.

Definitions:

- the graph is *dynamic*: each person is present from their first presence (``start``: the
  date they joined, or their first contact if earlier); each tie from its first contact;
  neither ends;
- a tie's *rung spells*: the rung is a dynamic attribute whose value changes on the dates the
  tie climbs. A spell runs from the day (the second, with times of day) a rung is reached to
  the day the next rung is reached, so one spell ends where the next begins and the timeline
  has no gap: GEXF 1.3 and Gephi 0.9 and later read ``start`` and ``end`` as inclusive, and
  Gephi allows spells that touch (not ones that overlap). The last spell has no end. Rises on
  the same day (the same second) count once, at the highest rung;
- the edge ``weight`` is *dynamic*: an attribute ``weight`` with the same spells as the rung,
  which is how Gephi takes a weight that changes over time (its edges then thicken on the
  timeline); the edge's ``weight`` attribute is the rung reached by ``as_of``, for readers
  that ignore time;
- *one attribute block per class*, as the schemas allow: nodes ``mode="static"``, edges
  ``mode="dynamic"``. graphology-gexf (Gephi Lite's parser) reads only the last block of a
  class, so a second edge block would make the first one's attributes "undeclared". In the
  dynamic block the tie's plain values (``tie_type, contacts, ...``) have one spell, from the
  tie's first contact on;
- ``timeformat`` is ``date``, also when contacts have a time of day: the dates are then
  written with their time (``2024-02-14T09:30:00``). Both schemas take a date or a date-time
  whatever the ``timeformat``, Gephi parses ISO dates with an optional time, and networkx
  (3.4 to 3.6 at least) raises ``KeyError: 'dateTime'`` on ``timeformat="dateTime"``.

*The current view* (``view="current"``, :mod:`contactladder.network.current`): a tie is current
on a day (a second, with times of day) when the moment at its end is within ``lapse`` after one
of the tie's contacts, at the highest rung of those contacts. Its rung spells follow the current
rung, down as well as up; where the tie has ended there is a gap: the spell before it ends on
the last day the tie was current. The edge's own time is its time current: ``start`` and, once
it has ended for good, ``end``; an edge that ended and came back has a ``<spells>`` element
instead, one ``<spell>`` per stretch of time current. A spell still running at the end of the
graph has no end. The edge ``weight`` stays the rung reached by ``as_of``.

Who reads what: Gephi and graphology-gexf read both versions; networkx reads 1.2draft from 3.4
on and 1.3 from 3.6 on (earlier versions do not know the 1.3 namespace). networkx gives every
dynamic attribute as a list of ``(value, start, end)``; graphology keeps the last spell's
value. Nodes and edges are the rows of :func:`~contactladder.io.network_tables.nodes_table`
and :func:`~contactladder.io.network_tables.ties_table`, so GEXF is anonymised as they are.
Versions 1.3 and 1.2draft are written, each valid against its official schema (networkx's own
writer is not: it puts a ``name`` attribute on ``<graph>``).

Examples
--------
>>> from contactladder.io.network_tables import _example
>>> text = gexf_bytes(_example()).decode()
>>> '<graph mode="dynamic" defaultedgetype="undirected" timeformat="date"' in text
True
>>> '<attvalue for="rung" value="1" start="2024-01-05" end="2024-02-09" />' in text
True
>>> text.count('<attributes class="edge"')
1

The document is made as it is written (:func:`gexf_chunks`): a chunk of text per few thousand
elements, never the whole tree in memory; the text is the one ElementTree would write of the
same elements, indented by two spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from contactladder._version import __version__
from contactladder.errors import UsageError
from contactladder.io.files import write_chunks
from contactladder.io.gexf_elements import edge_batches, node_batches, node_ids
from contactladder.io.gexf_spells import current_spells, rung_spells, spell_times
from contactladder.io.network_tables import CodedTables, coded_tables
from contactladder.io.text_columns import BATCH
from contactladder.io.values import has_time, iso_texts, xml_attribute, xml_safe, xml_text
from contactladder.network.current import DEFAULT_LAPSE
from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "GEXF_VERSIONS",
    "gexf_bytes",
    "gexf_chunks",
    "rung_spells",
    "current_spells",
    "write_gexf",
]

#: GEXF version -> (namespace, the ``version`` attribute, schema location).
GEXF_VERSIONS: dict[str, tuple[str, str, str]] = {
    "1.3": ("http://gexf.net/1.3", "1.3", "http://gexf.net/1.3/gexf.xsd"),
    "1.2draft": ("http://www.gexf.net/1.2draft", "1.2", "http://www.gexf.net/1.2draft/gexf.xsd"),
}
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Static attributes: the columns of the tables, with their GEXF types.
_NODE_COLUMNS = [
    ("role", "string"),
    ("organisation", "string"),
    ("wijk", "string"),
    ("focal", "boolean"),
]
_EDGE_COLUMNS = [
    ("tie_type", "string"),
    ("contacts", "integer"),
    ("first_contact", "string"),
    ("last_contact", "string"),
    ("activities", "string"),
]
# Dynamic edge attributes: one value per rung spell.
_SPELL_COLUMNS = [("rung", "integer"), ("rung_key", "string"), ("weight", "double")]
# Elements per batch of the document.
_CHUNK = BATCH


def gexf_bytes(net: LadderNetwork, **options: Any) -> bytes:
    """The network's growth as a dynamic GEXF document, for Gephi's timeline: the chunks of
    :func:`gexf_chunks` (``options`` are its keywords) joined.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> gexf_bytes(_example(), version="1.2draft").decode().count('version="1.2"')
    1
    """
    return b"".join(gexf_chunks(net, **options))


def gexf_chunks(
    net: LadderNetwork,
    *,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    version: str = "1.3",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> Iterator[bytes]:
    """The network's growth as a dynamic GEXF document (UTF-8), in chunks to write one after
    the other.

    Node attributes ``role, organisation, wijk, focal``; edge attributes ``tie_type, contacts,
    first_contact, last_contact, activities`` (one spell, from the tie's first contact) and
    ``rung, rung_key, weight`` (one value per rung spell; see the module's definitions).
    ``view="current"`` makes the spells those of the current view, which end when the tie
    ends (``lapse``: the lapse window, ``"180d"``). The tables and spells are worked out (and
    every error raised) before the first chunk.

    Raises
    ------
    UsageError
        If ``version`` is not ``1.3`` or ``1.2draft``; if ``as_of`` is not a date in the data;
        for a ``view`` other than reached or current, or a ``lapse`` that is not a duration.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> next(gexf_chunks(_example()))[:38]
    b"<?xml version='1.0' encoding='UTF-8'?>"
    """
    if version not in GEXF_VERSIONS:
        raise UsageError(
            "unknown GEXF version", value=version, hint="use " + " or ".join(GEXF_VERSIONS)
        )
    if view not in ("reached", "current"):
        raise UsageError("unknown view", value=view, hint="use reached or current")
    tables = coded_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)
    nodes, ties = tables.nodes, tables.ties
    spells = spell_times(net, tables.ids, as_of=as_of, view=view, lapse=lapse)
    with_time = has_time(nodes["present_from"]) or has_time(ties["first_contact"])
    step = pd.Timedelta(seconds=1) if with_time else pd.Timedelta(days=1)
    last = net.end if as_of is None else net.cutoff(as_of) - step
    head = _head(net, version, anonymize, nodes, last, with_time)
    return _document(net, head, tables, spells, with_time, current=view == "current")


def write_gexf(net: LadderNetwork, path: str | Path, **options: Any) -> Path:
    """Write :func:`gexf_chunks` to ``path`` as they come, whole or not at all; return the
    path. ``options`` are those of :func:`gexf_chunks` (``as_of, anonymize, lang, version,
    view, lapse``)."""
    return write_chunks(path, gexf_chunks(net, **options))


def _head(
    net: LadderNetwork,
    version: str,
    anonymize: bool,
    nodes: pd.DataFrame,
    last: object,
    with_time: bool,
) -> str:
    """The declaration, ``<meta>``, the ``<graph>`` start tag and the attribute blocks."""
    namespace, number, location = GEXF_VERSIONS[version]
    description = xml_safe(
        f"Contact ladder network of {net.name}"
        + (" (anonymised)" if anonymize else "")
        + ": ties between people on the rungs "
        + ", ".join(f"{rung.level} {rung.key}" for rung in net.ladder)
    )
    graph = {"mode": "dynamic", "defaultedgetype": "undirected", "timeformat": "date"}
    if len(nodes):
        first = nodes["present_from"].min()
        graph["start"], graph["end"] = iso_texts([first, last], with_time=with_time)
    root = {
        "xmlns": namespace,
        "xmlns:xsi": _XSI,
        "xsi:schemaLocation": f"{namespace} {location}",
        "version": number,
    }
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f"<gexf{_attributes(root)}>\n  <meta>\n"
        f"    <creator>{xml_text(f'contactladder {__version__}')}</creator>\n"
        f"    <description>{xml_text(description)}</description>\n  </meta>\n"
        f"  <graph{_attributes(graph)}>\n"
        + _declare("node", "static", _NODE_COLUMNS)
        + _declare("edge", "dynamic", _EDGE_COLUMNS + _SPELL_COLUMNS)
    )


def _attributes(attrs: dict[str, str]) -> str:
    """`` name="value"`` for each attribute, escaped."""
    return "".join(f' {name}="{xml_attribute(value)}"' for name, value in attrs.items())


def _declare(kind: str, mode: str, columns: list[tuple[str, str]]) -> str:
    """``<attributes>`` of one class (node, edge) and mode (static, dynamic)."""
    lines = "".join(
        f'      <attribute id="{name}" title="{name}" type="{type_}" />\n'
        for name, type_ in columns
    )
    return f'    <attributes class="{kind}" mode="{mode}">\n{lines}    </attributes>\n'


def _document(
    net: LadderNetwork,
    head: str,
    tables: CodedTables,
    spells: pd.DataFrame,
    with_time: bool,
    *,
    current: bool,
) -> Iterator[bytes]:
    """The chunks: the head, the nodes and the edges a batch of elements at a time, the end.
    A tie's spells are those from its number up to the next tie's."""
    yield head.encode()
    nodes, ties = tables.nodes, tables.ties
    names = [name for name, _ in _NODE_COLUMNS]
    nodes_text = node_batches(nodes, names, with_time=with_time, size=_CHUNK)
    yield from _wrapped("nodes", len(nodes), nodes_text)
    low, high = tables.low, tables.high
    numbers = low.astype(np.int64) * len(nodes) + high
    if current:
        kept = np.isin(numbers, spells["tie"].to_numpy())
        ties, numbers, low, high = ties[kept], numbers[kept], low[kept], high[kept]
    row = np.searchsorted(numbers, spells["tie"].to_numpy(dtype=np.int64), side="right") - 1
    edges_text = edge_batches(
        ties,
        spells.assign(row=row)[row >= 0],
        [name for name, _ in _EDGE_COLUMNS],
        {rung.level: xml_attribute(rung.key) for rung in net.ladder},
        ends=(node_ids(nodes), low, high),
        with_time=with_time,
        current=current,
        size=_CHUNK,
    )
    yield from _wrapped("edges", len(ties), edges_text)
    yield b"  </graph>\n</gexf>\n"


def _wrapped(tag: str, count: int, batches: Iterator[bytes]) -> Iterator[bytes]:
    """``<nodes>`` or ``<edges>`` around the ``batches`` of their elements."""
    if not count:
        yield f'    <{tag} count="0" />\n'.encode()
        return
    yield f'    <{tag} count="{count}">\n'.encode()
    yield from batches
    yield f"    </{tag}>\n".encode()
