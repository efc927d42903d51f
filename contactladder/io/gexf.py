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
from contactladder.io.network_tables import export_ids, nodes_table, ties_table
from contactladder.io.values import as_text, date_text, datetime_text, has_time, xml_safe
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["GEXF_VERSIONS", "gexf_bytes", "rung_spells", "write_gexf"]

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
) -> bytes:
    """The network's growth as a dynamic GEXF document, for Gephi's timeline.

    Node attributes ``role, organisation, wijk, focal``; edge attributes ``tie_type, contacts,
    first_contact, last_contact, activities`` (one spell, from the tie's first contact) and
    ``rung, rung_key, weight`` (one value per rung spell; see the module's definitions).

    Raises
    ------
    UsageError
        If ``version`` is not ``1.3`` or ``1.2draft``; if ``as_of`` is not a date in the data.

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
    if len(nodes):
        graph_attrs["start"] = when(nodes["present_from"].min())
        graph_attrs["end"] = when(net.end if as_of is None else net.cutoff(as_of) - step)
    graph = ET.SubElement(root, "graph", graph_attrs)
    _declare(graph, "node", "static", _NODE_COLUMNS)
    _declare(graph, "edge", "dynamic", _EDGE_COLUMNS + _SPELL_COLUMNS)
    _add_nodes(graph, nodes, when)
    _add_edges(graph, ties, rung_spells(net, as_of=as_of, anonymize=anonymize), when, net)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_gexf(net: LadderNetwork, path: str | Path, **options: Any) -> Path:
    """Write :func:`gexf_bytes` to ``path``, whole or not at all; return the path. ``options``
    are those of :func:`gexf_bytes` (``as_of, anonymize, lang, version``)."""
    return write_bytes(path, gexf_bytes(net, **options))


def rung_spells(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True
) -> dict[tuple[str, str], list[tuple[pd.Timestamp, int]]]:
    """(source, target) as exported -> [(date, level), ...]: when each tie reached each rung.

    Rises on the same day (same second with times of day) are merged into the highest.

    Examples
    --------
    >>> from contactladder.io.network_tables import _example
    >>> [(str(day.date()), level) for day, level in rung_spells(_example())["n1", "n2"]]
    [('2024-01-05', 1), ('2024-02-09', 3)]
    """
    history = net.rung_history()
    history = history[history["date"] < net.cutoff(as_of)]
    if not len(history):
        return {}
    with_time = has_time(history["date"]) or has_time(net.present_from)
    history = history.assign(date=history["date"].dt.floor("s" if with_time else "D"))
    history = history.drop_duplicates(["person_a", "person_b", "date"], keep="last")
    ids = export_ids(net, net.snapshot(as_of).nodes, anonymize=anonymize)
    order = {person: number for number, person in enumerate(ids)}
    spells: dict = {}
    for a, b, date, level in history.itertuples(index=False):
        a, b = sorted((a, b), key=order.__getitem__)
        spells.setdefault((ids[a], ids[b]), []).append((date, int(level)))
    return spells


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
    spells: dict,
    when: Callable[[object], str],
    net: LadderNetwork,
) -> None:
    """``<edges>``: each tie from its first contact, with its rung spells; a spell ends where
    the next one starts."""
    element = ET.SubElement(graph, "edges", count=str(len(ties)))
    for number, row in enumerate(ties.itertuples(index=False), start=1):
        edge = ET.SubElement(
            element,
            "edge",
            id=f"e{number}",
            source=xml_safe(row.source),
            target=xml_safe(row.target),
            weight=str(row.rung),
            start=when(row.first_contact),
        )
        values = [
            (name, when(getattr(row, name)) if name.endswith("_contact") else getattr(row, name))
            for name, _ in _EDGE_COLUMNS
        ]
        attvalues = _attvalues(edge, values, start=edge.get("start"))
        history = spells.get((row.source, row.target), [])
        ends = [when(date) for date, _ in history[1:]] + [""]
        for (date, level), end in zip(history, ends):
            time = {"start": when(date), **({"end": end} if end else {})}
            key = net.ladder[level].key
            for name, value in (("rung", level), ("rung_key", key), ("weight", level)):
                ET.SubElement(attvalues, "attvalue", {"for": name, "value": str(value), **time})


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
