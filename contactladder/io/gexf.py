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
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from contactladder._version import __version__
from contactladder.errors import UsageError
from contactladder.io.files import write_bytes
from contactladder.io.gexf_spells import Spells, current_spells, rung_spells, touching
from contactladder.io.network_tables import nodes_table, ties_table
from contactladder.io.values import as_text, date_text, datetime_text, has_time, xml_safe
from contactladder.network.current import DEFAULT_LAPSE
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["GEXF_VERSIONS", "gexf_bytes", "rung_spells", "current_spells", "write_gexf"]

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


def gexf_bytes(
    net: LadderNetwork,
    *,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    version: str = "1.3",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> bytes:
    """The network's growth as a dynamic GEXF document, for Gephi's timeline.

    Node attributes ``role, organisation, wijk, focal``; edge attributes ``tie_type, contacts,
    first_contact, last_contact, activities`` (one spell, from the tie's first contact) and
    ``rung, rung_key, weight`` (one value per rung spell; see the module's definitions).
    ``view="current"`` makes the spells those of the current view, which end when the tie
    ends (``lapse``: the lapse window, ``"180d"``).

    Raises
    ------
    UsageError
        If ``version`` is not ``1.3`` or ``1.2draft``; if ``as_of`` is not a date in the data;
        for a ``view`` other than reached or current, or a ``lapse`` that is not a duration.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> gexf_bytes(_example(), version="1.2draft").decode().count('version="1.2"')
    1
    """
    if version not in GEXF_VERSIONS:
        raise UsageError(
            "unknown GEXF version", value=version, hint="use " + " or ".join(GEXF_VERSIONS)
        )
    if view not in ("reached", "current"):
        raise UsageError("unknown view", value=view, hint="use reached or current")
    namespace, number, location = GEXF_VERSIONS[version]
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    with_time = has_time(nodes["present_from"]) or has_time(ties["first_contact"])
    when = datetime_text if with_time else date_text
    step = pd.Timedelta(seconds=1) if with_time else pd.Timedelta(days=1)

    root = ET.Element(
        "gexf",
        {
            "xmlns": namespace,
            "xmlns:xsi": _XSI,
            "xsi:schemaLocation": f"{namespace} {location}",
            "version": number,
        },
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"contactladder {__version__}"
    ET.SubElement(meta, "description").text = xml_safe(
        f"Contact ladder network of {net.name}"
        + (" (anonymised)" if anonymize else "")
        + ": ties between people on the rungs "
        + ", ".join(f"{rung.level} {rung.key}" for rung in net.ladder)
    )
    graph_attrs = {"mode": "dynamic", "defaultedgetype": "undirected", "timeformat": "date"}
    last = net.end if as_of is None else net.cutoff(as_of) - step
    if len(nodes):
        graph_attrs["start"] = when(nodes["present_from"].min())
        graph_attrs["end"] = when(last)
    graph = ET.SubElement(root, "graph", graph_attrs)
    _declare(graph, "node", "static", _NODE_COLUMNS)
    _declare(graph, "edge", "dynamic", _EDGE_COLUMNS + _SPELL_COLUMNS)
    _add_nodes(graph, nodes, when)
    if view == "current":
        spells = current_spells(net, as_of=as_of, anonymize=anonymize, lapse=lapse)
        ties = ties[[pair in spells for pair in zip(ties["source"], ties["target"])]]
    else:
        spells = touching(rung_spells(net, as_of=as_of, anonymize=anonymize))
    _add_edges(graph, ties, spells, when, net, current=view == "current")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_gexf(net: LadderNetwork, path: str | Path, **options: Any) -> Path:
    """Write :func:`gexf_bytes` to ``path``, whole or not at all; return the path. ``options``
    are those of :func:`gexf_bytes` (``as_of, anonymize, lang, version, view, lapse``)."""
    return write_bytes(path, gexf_bytes(net, **options))


def _add_nodes(graph: ET.Element, nodes: pd.DataFrame, when: Callable[[object], str]) -> None:
    """``<nodes>``: each person from their first presence, with the static attributes."""
    element = ET.SubElement(graph, "nodes", count=str(len(nodes)))
    for row in nodes.itertuples(index=False):
        node = ET.SubElement(
            element,
            "node",
            id=xml_safe(row.id),
            label=xml_safe(row.label),
            start=when(row.present_from),
        )
        _attvalues(node, [(name, getattr(row, name)) for name, _ in _NODE_COLUMNS])


def _add_edges(
    graph: ET.Element,
    ties: pd.DataFrame,
    spells: Spells,
    when: Callable[[object], str],
    net: LadderNetwork,
    *,
    current: bool = False,
) -> None:
    """``<edges>``: each tie from its first contact, with its rung spells; a spell ends where
    the next one starts. ``current``: each edge's time is its time current (see the module)."""
    element = ET.SubElement(graph, "edges", count=str(len(ties)))
    for number, row in enumerate(ties.itertuples(index=False), start=1):
        history = spells.get((row.source, row.target), [])
        stretches = _stretches(history) if current else [(row.first_contact, None)]
        attrs = {
            "id": f"e{number}",
            "source": xml_safe(row.source),
            "target": xml_safe(row.target),
            "weight": str(row.rung),
            **(_time(stretches[0], when) if len(stretches) == 1 else {}),
        }
        edge = ET.SubElement(element, "edge", attrs)
        if len(stretches) > 1:
            times = ET.SubElement(edge, "spells")
            for stretch in stretches:
                ET.SubElement(times, "spell", _time(stretch, when))
        values = [
            (name, when(getattr(row, name)) if name.endswith("_contact") else getattr(row, name))
            for name, _ in _EDGE_COLUMNS
        ]
        attvalues = _attvalues(edge, values, start=when(stretches[0][0]))
        for date, end, level in history:
            time = _time((date, end), when)
            key = net.ladder[level].key
            for name, value in (("rung", level), ("rung_key", key), ("weight", level)):
                ET.SubElement(attvalues, "attvalue", {"for": name, "value": str(value), **time})


def _stretches(history: list) -> list[tuple[pd.Timestamp, pd.Timestamp | None]]:
    """The stretches of time a tie is current: its spells joined where they touch."""
    stretches: list = []
    for start, end, _ in history:
        if stretches and stretches[-1][1] == start:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def _time(stretch: tuple, when: Callable[[object], str]) -> dict[str, str]:
    """``start`` and, when the stretch has one, ``end`` of an element."""
    start, end = stretch
    return {"start": when(start), **({"end": when(end)} if end is not None else {})}


def _declare(graph: ET.Element, kind: str, mode: str, columns: list[tuple[str, str]]) -> None:
    """``<attributes>`` of one class (node, edge) and mode (static, dynamic)."""
    attributes = ET.SubElement(graph, "attributes", {"class": kind, "mode": mode})
    for name, type_ in columns:
        ET.SubElement(attributes, "attribute", id=name, title=name, type=type_)


def _attvalues(
    element: ET.Element, values: list[tuple[str, Any]], *, start: str | None = None
) -> ET.Element:
    """Add ``<attvalues>`` with one ``<attvalue>`` per value that is not empty, from ``start``
    on when it is given."""
    attvalues = ET.SubElement(element, "attvalues")
    time = {"start": start} if start else {}
    for name, value in values:
        if isinstance(value, bool):
            value = "true" if value else "false"
        value = as_text(value)
        if value:
            ET.SubElement(attvalues, "attvalue", {"for": name, "value": xml_safe(value), **time})
    return attvalues
