"""The network in the tools researchers already use: GEXF for Gephi, GraphML, CSV and XLSX.

- **GEXF** (1.3, or 1.2draft) replays the growth on Gephi's timeline: the graph is *dynamic*;
  each person is present from their first presence (``start``: the date they joined, or their
  first contact if earlier); each tie from its first contact; the tie's rung is a dynamic
  attribute whose value changes on the dates the tie climbs. The edge ``weight`` is the rung
  reached at the end of the export. Spells are closed intervals, as Gephi reads them: a rung
  holds from the day it is reached up to the day before the next rung (the second before, when
  contacts have a time of day; then ``timeformat`` is ``dateTime`` instead of ``date``).
- **GraphML** holds one snapshot (the network as far as it has grown by ``as_of``) with every
  attribute as plain text or numbers: dates as ISO text, lists as ``"; "``-joined text.
- **CSV / XLSX** hold two tables for spreadsheets, *nodes* (one row per person) and *ties* (one
  row per tie at the rung reached by ``as_of``): two CSV files ``<stem>-nodes.csv`` and
  ``<stem>-ties.csv``, or one workbook with sheets ``nodes`` and ``ties``.

Every format is anonymised by default: people get opaque ids (``n1``, ``n2``, ... in an
order unrelated to ids and join dates) and labels such as "Ouder 12" or "Professional 3 (GGD)"; names, person ids,
notes and the people file's further columns are left out. ``anonymize=False`` keeps the ids, uses
names as labels and adds ``name`` and the further columns, for internal use only. Notes (of
contacts, or a ``note`` column of people) are never exported.

Rows and elements are sorted (people by their exported id; ties by their ends), so the same
input gives the same file. Every file is written whole or not at all.

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({
...     "date": pd.to_datetime(["2024-01-05", "2024-02-09", "2024-02-20"]),
...     "person_a": ["ann", "ann", "bo"], "person_b": ["bo", "bo", "cem"],
...     "rung": [1, 3, 2], "activity": ["peutergym", "", "taalplezier"],
...     "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent", "parent", "professional"],
...     "name": ["Ann", "Bo", "Cem"], "organisation": ["", "", "GGD"], "wijk": "Dieze",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> ties_table(net)[["source", "target", "source_label", "rung", "rung_key"]].values.tolist()
[['n1', 'n2', 'Ouder 1', 3, 'delen'], ['n1', 'n3', 'Ouder 1', 2, 'praten']]
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> [path.name for path in export(net, folder / "village.gexf")]
['village.gexf']
>>> [path.name for path in export(net, folder / "village", format="csv")]
['village-nodes.csv', 'village-ties.csv']
>>> scratch.cleanup()
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
import pandas as pd

from contactladder._version import __version__
from contactladder.errors import UsageError
from contactladder.privacy import anonymous_order, person_label
from contactladder.words import attribute_text
from contactladder.words.roles import role_key
from contactladder.network.ladder_network import LadderNetwork
from contactladder.io.files import replacing, write_bytes, write_table, write_workbook

__all__ = [
    "FORMATS",
    "GEXF_VERSIONS",
    "export",
    "export_paths",
    "nodes_table",
    "ties_table",
    "gexf_bytes",
    "write_gexf",
    "graphml_graph",
    "write_graphml",
    "write_tables",
]

#: Export format -> the file suffix it is written with.
FORMATS: dict[str, str] = {"gexf": ".gexf", "graphml": ".graphml", "csv": ".csv",
                           "xlsx": ".xlsx"}

#: GEXF version -> (namespace, the ``version`` attribute, schema location).
GEXF_VERSIONS: dict[str, tuple[str, str, str]] = {
    "1.3": ("http://gexf.net/1.3", "1.3", "http://gexf.net/1.3/gexf.xsd"),
    "1.2draft": ("http://www.gexf.net/1.2draft", "1.2", "http://www.gexf.net/1.2draft/gexf.xsd"),
}

# The people columns every export carries; anonymised exports carry only these.
_PUBLIC_COLUMNS = ["role", "organisation", "wijk", "joined"]
# Columns of the people table that are never copied as further columns.
_KNOWN_COLUMNS = {"role", "name", "organisation", "wijk", "joined", "note", "notes",
                  "number", "focal"}
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- the one entry point ----------------------------------------------------------------------

def export(
    net: LadderNetwork,
    output: str | Path | None = None,
    *,
    format: str | None = None,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    gexf_version: str = "1.3",
) -> list[Path]:
    """Write the network as GEXF, GraphML, CSV or XLSX; return the paths written.

    Parameters
    ----------
    net : LadderNetwork
    output : path, optional
        A file, a stem (no suffix: the format's suffix is added) or a folder (an existing one, or
        a path ending in ``/``: ``<data name>.<ext>`` is written in it). Default:
        ``outputs/<data name>.<ext>``. For CSV the stem gets ``-nodes.csv`` and ``-ties.csv``.
    format : {"gexf", "graphml", "csv", "xlsx"}, optional
        Default: from the suffix of ``output``.
    as_of : date, optional
        Export the network as far as it has grown by this date (inclusive); default the end.
    anonymize : bool
        Opaque ids and role labels, no names (the default); False keeps ids and names.
    lang : {"nl", "en"}
        Language of the role words in the labels.
    gexf_version : {"1.3", "1.2draft"}

    Returns
    -------
    list of Path

    Raises
    ------
    UsageError
        If the format is unknown, cannot be told from ``output``, or does not match its suffix;
        or if ``as_of`` is not a date within the data.

    Examples
    --------
    >>> export_paths("outputs/demo.graphml", data_name="demo")
    ('graphml', [PosixPath('outputs/demo.graphml')])
    """
    format, paths = export_paths(output, format=format, data_name=net.data.name)
    options = {"as_of": as_of, "anonymize": anonymize, "lang": lang}
    if format == "gexf":
        return [write_gexf(net, paths[0], version=gexf_version, **options)]
    if format == "graphml":
        return [write_graphml(net, paths[0], **options)]
    return write_tables(net, paths, **options)


def export_paths(output: str | Path | None = None, *, format: str | None = None,
                 data_name: str = "network") -> tuple[str, list[Path]]:
    """The format and the files an export writes (see :func:`export` for the rules).

    Raises
    ------
    UsageError
        If the format is unknown, cannot be told from ``output``, or does not match its suffix.

    Examples
    --------
    >>> export_paths("out/village.xlsx")
    ('xlsx', [PosixPath('out/village.xlsx')])
    >>> export_paths("out/village", format="CSV")
    ('csv', [PosixPath('out/village-nodes.csv'), PosixPath('out/village-ties.csv')])
    >>> export_paths(None, format="gexf", data_name="zwolle-demo")
    ('gexf', [PosixPath('outputs/zwolle-demo.gexf')])
    >>> export_paths("village.gexf", format="pdf")
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown export format 'pdf'; use gexf, graphml, csv or xlsx
    """
    suffixes = ", ".join(FORMATS.values())
    suffixes = suffixes.replace(", .xlsx", " or .xlsx")
    if format is not None:
        format = format.strip().lower()
        if format not in FORMATS:
            raise UsageError("unknown export format", value=format,
                             hint="use " + ", ".join(list(FORMATS)[:-1]) + " or "
                                  + list(FORMATS)[-1])
    text = "" if output is None else str(output)
    folder_given = text.endswith(("/", os.sep)) or (bool(text) and Path(text).is_dir())
    suffix = "" if folder_given or not text else Path(text).suffix.lower()
    by_suffix = {ext: name for name, ext in FORMATS.items()}
    if suffix and suffix not in by_suffix and format is None:
        raise UsageError("cannot tell the export format from the file name",
                         value=Path(text).name, hint=f"end it in {suffixes}, or give --format")
    if format is None:
        if not suffix:
            raise UsageError("no export format given",
                             hint=f"give --format gexf|graphml|csv|xlsx, or an output file "
                                  f"name ending in {suffixes}")
        format = by_suffix[suffix]
    if suffix and by_suffix.get(suffix) != format:
        raise UsageError(f"a {format} export needs a file name ending in {FORMATS[format]}, "
                         "not", value=Path(text).name)
    if not text:
        stem = Path("outputs") / data_name
    elif folder_given:
        stem = Path(text) / data_name
    else:
        stem = Path(text).with_suffix("") if suffix else Path(text)
    if format == "csv":
        return format, [stem.with_name(f"{stem.name}-{part}.csv") for part in ("nodes", "ties")]
    return format, [Path(text) if suffix else stem.with_name(stem.name + FORMATS[format])]


# --- tables: the one place where people are anonymised ------------------------------------------

def nodes_table(net: LadderNetwork, *, as_of: object = None, anonymize: bool = True,
                lang: str = "nl") -> pd.DataFrame:
    """One row per person present by ``as_of``, in order of first presence, then id.

    Columns: ``id, label, role, organisation, wijk, joined, present_from, focal, ties`` (the
    number of ties reached by ``as_of``). Anonymised, ``id`` is ``n1``, ``n2``, ... and ``label``
    the role word and number; with ``anonymize=False`` the real id, the name as label, and then
    ``name`` and the people file's further columns. ``joined`` and ``present_from`` are
    Timestamps (NaT when not given).

    Examples
    --------
    >>> nodes_table(_example())[["id", "label", "role", "ties"]].values.tolist()
    [['n1', 'Ouder 1', 'parent', 1], ['n2', 'Professional 1 (GGD)', 'professional', 1]]
    >>> nodes_table(_example(), anonymize=False, lang="en")["label"].tolist()
    ['Ann', 'Professional 1 (GGD)']
    """
    graph = net.snapshot(as_of)
    ids = _node_ids(net, graph, anonymize)
    extra = [] if anonymize else _extra_columns(net)
    rows = []
    for person, new_id in ids.items():
        attrs = graph.nodes[person]
        row = {"id": new_id, "label": person_label(attrs, lang=lang, anonymize=anonymize)}
        for column in _PUBLIC_COLUMNS:
            row[column] = attrs.get(column) if column == "joined" else _text(attrs.get(column))
        row["present_from"] = net.present_from[person]
        row["focal"] = bool(attrs.get("focal"))
        row["ties"] = graph.degree(person)
        if not anonymize:
            row["name"] = _text(attrs.get("name"))
            row.update({column: _text(attrs.get(column)) for column in extra})
        rows.append(row)
    columns = (["id", "label"] + _PUBLIC_COLUMNS + ["present_from", "focal", "ties"]
               + ([] if anonymize else ["name"] + extra))
    table = pd.DataFrame(rows, columns=columns)
    for column in ("joined", "present_from"):
        table[column] = pd.to_datetime(table[column])
    return table


def ties_table(net: LadderNetwork, *, as_of: object = None, anonymize: bool = True,
               lang: str = "nl") -> pd.DataFrame:
    """One row per tie reached by ``as_of``, at its reached rung, sorted by its two ends.

    Columns: ``source, target`` (ids as in :func:`nodes_table`, ``source`` the one present
    first), ``source_label, target_label, tie_type`` (the two roles, the focal role first, e.g.
    ``parent-professional``), ``rung`` (level), ``rung_key, rung_label`` (in ``lang``),
    ``first_contact, last_contact`` (Timestamps), ``contacts`` (how many), ``activities``
    (where they met, ``"; "``-joined).

    Examples
    --------
    >>> table = ties_table(_example(), lang="en")
    >>> table[["source", "target", "tie_type", "rung_label", "contacts"]].values.tolist()
    [['n1', 'n2', 'parent-professional', 'Sharing experiences', 2]]
    """
    graph = net.snapshot(as_of)
    ids = _node_ids(net, graph, anonymize)
    order = {person: number for number, person in enumerate(ids)}
    rows = []
    for a, b, attrs in graph.edges(data=True):
        a, b = sorted((a, b), key=order.__getitem__)
        rung = net.ladder[attrs["rung"]]
        rows.append({
            "source": ids[a], "target": ids[b],
            "source_label": person_label(graph.nodes[a], lang=lang, anonymize=anonymize),
            "target_label": person_label(graph.nodes[b], lang=lang, anonymize=anonymize),
            "tie_type": _tie_type(graph.nodes[a], graph.nodes[b], net.focal),
            "rung": rung.level, "rung_key": rung.key, "rung_label": rung.label(lang),
            "first_contact": attrs["first_contact"], "last_contact": attrs["last_contact"],
            "contacts": int(attrs["contacts"]), "activities": "; ".join(attrs["activities"]),
            "_order": (order[a], order[b]),
        })
    columns = ["source", "target", "source_label", "target_label", "tie_type", "rung",
               "rung_key", "rung_label", "first_contact", "last_contact", "contacts",
               "activities"]
    if not rows:
        return pd.DataFrame(columns=columns)
    rows.sort(key=lambda row: row["_order"])
    return pd.DataFrame(rows, columns=columns)


# --- CSV and XLSX -------------------------------------------------------------------------------

def write_tables(net: LadderNetwork, paths: Iterable[str | Path], *, as_of: object = None,
                 anonymize: bool = True, lang: str = "nl") -> list[Path]:
    """Write :func:`nodes_table` and :func:`ties_table` for spreadsheets.

    ``paths`` is two CSV files (nodes, then ties) or one XLSX file (sheets ``nodes`` and
    ``ties``), as :func:`export_paths` gives them. Dates are written as ISO dates (with the time
    when it is not midnight).
    """
    paths = [Path(path) for path in paths]
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    if len(paths) == 2:
        return [write_table(_iso_columns(nodes), paths[0], sheet="nodes"),
                write_table(_iso_columns(ties), paths[1], sheet="ties")]
    (path,) = paths
    if path.suffix.lower() != ".xlsx":
        raise UsageError("a workbook needs an .xlsx file name", value=path.name)
    return [write_workbook({"nodes": _dates_without_time(nodes),
                            "ties": _dates_without_time(ties)}, path)]


# --- GraphML ------------------------------------------------------------------------------------

def graphml_graph(net: LadderNetwork, *, as_of: object = None, anonymize: bool = True,
                  lang: str = "nl") -> nx.Graph:
    """The snapshot at ``as_of`` with plain attributes only, ready for GraphML.

    Nodes are the ``id`` of :func:`nodes_table`, with its other columns as attributes; edges
    carry the columns of :func:`ties_table` after the two ends, and ``weight`` (the rung).
    Dates are ISO text ("" when missing), lists ``"; "``-joined text.

    Examples
    --------
    >>> G = graphml_graph(_example())
    >>> G.nodes["n1"]["label"], G.nodes["n1"]["present_from"], G["n1"]["n2"]["weight"]
    ('Ouder 1', '2024-01-05', 3)
    """
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    graph = nx.Graph(name=net.data.name)
    for row in _records(nodes):
        graph.add_node(row.pop("id"), **row)
    for row in _records(ties):
        graph.add_edge(row.pop("source"), row.pop("target"), weight=row["rung"], **row)
    return graph


def write_graphml(net: LadderNetwork, path: str | Path, *, as_of: object = None,
                  anonymize: bool = True, lang: str = "nl") -> Path:
    """Write :func:`graphml_graph` as GraphML, whole or not at all."""
    graph = graphml_graph(net, as_of=as_of, anonymize=anonymize, lang=lang)
    with replacing(path) as temporary:
        nx.write_graphml(graph, temporary, encoding="utf-8")
    return Path(path)


# --- GEXF ---------------------------------------------------------------------------------------

def gexf_bytes(net: LadderNetwork, *, as_of: object = None, anonymize: bool = True,
               lang: str = "nl", version: str = "1.3") -> bytes:
    """The network's growth as a dynamic GEXF document, for Gephi's timeline.

    Nodes start at their first presence and edges at their first contact; neither ends. Static
    attributes: nodes ``role, organisation, wijk, focal``; edges ``tie_type, contacts,
    first_contact, last_contact, activities``. Dynamic edge attributes ``rung`` and
    ``rung_key``: one value per spell, from the date the tie reached that rung until the day
    (or second) before it reached the next. The edge ``weight`` is the rung reached by
    ``as_of``.

    Raises
    ------
    UsageError
        If ``version`` is not ``1.3`` or ``1.2draft``.

    Examples
    --------
    >>> text = gexf_bytes(_example()).decode()
    >>> '<graph mode="dynamic" defaultedgetype="undirected" timeformat="date"' in text
    True
    >>> '<attvalue for="rung" value="1" start="2024-01-05" end="2024-02-08" />' in text
    True
    """
    if version not in GEXF_VERSIONS:
        raise UsageError("unknown GEXF version", value=version,
                         hint="use " + " or ".join(GEXF_VERSIONS))
    namespace, number, location = GEXF_VERSIONS[version]
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    spells = _rung_spells(net, as_of, anonymize)
    with_time = _has_time(nodes["present_from"]) or _has_time(ties["first_contact"])
    when = _datetime_text if with_time else _date_text
    step = pd.Timedelta(seconds=1) if with_time else pd.Timedelta(days=1)

    root = ET.Element("gexf", {"xmlns": namespace, "xmlns:xsi": _XSI,
                               "xsi:schemaLocation": f"{namespace} {location}",
                               "version": number})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"contactladder {__version__}"
    ET.SubElement(meta, "description").text = _xml(
        f"Contact ladder network of {net.data.name}"
        + (" (anonymised)" if anonymize else "") + ": ties between people on the rungs "
        + ", ".join(f"{rung.level} {rung.key}" for rung in net.ladder))
    graph_attrs = {"mode": "dynamic", "defaultedgetype": "undirected",
                   "timeformat": "dateTime" if with_time else "date"}
    if len(nodes):
        graph_attrs["start"] = when(nodes["present_from"].min())
        graph_attrs["end"] = when(net.end if as_of is None else net.cutoff(as_of) - step)
    graph = ET.SubElement(root, "graph", graph_attrs)

    node_columns = [("role", "string"), ("organisation", "string"), ("wijk", "string"),
                    ("focal", "boolean")]
    edge_columns = [("tie_type", "string"), ("contacts", "integer"),
                    ("first_contact", "string"), ("last_contact", "string"),
                    ("activities", "string")]
    _declare(graph, "node", "static", node_columns)
    _declare(graph, "edge", "static", edge_columns)
    _declare(graph, "edge", "dynamic", [("rung", "integer"), ("rung_key", "string")])

    nodes_element = ET.SubElement(graph, "nodes", count=str(len(nodes)))
    for row in nodes.itertuples(index=False):
        node = ET.SubElement(nodes_element, "node", id=_xml(row.id), label=_xml(row.label),
                             start=when(row.present_from))
        _attvalues(node, [(name, getattr(row, name)) for name, _ in node_columns])

    edges_element = ET.SubElement(graph, "edges", count=str(len(ties)))
    for number, row in enumerate(ties.itertuples(index=False), start=1):
        edge = ET.SubElement(edges_element, "edge", id=f"e{number}", source=_xml(row.source),
                             target=_xml(row.target), weight=str(row.rung),
                             start=when(row.first_contact))
        values = [(name, when(getattr(row, name)) if name.endswith("_contact")
                   else getattr(row, name)) for name, _ in edge_columns]
        attvalues = _attvalues(edge, values)
        history = spells.get((row.source, row.target), [])
        for index, (date, level) in enumerate(history):
            time = {"start": when(date)}
            if index + 1 < len(history):
                time["end"] = when(history[index + 1][0] - step)
            for name, value in (("rung", level), ("rung_key", net.ladder[level].key)):
                ET.SubElement(attvalues, "attvalue", {"for": name, "value": str(value), **time})

    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_gexf(net: LadderNetwork, path: str | Path, *, as_of: object = None,
               anonymize: bool = True, lang: str = "nl", version: str = "1.3") -> Path:
    """Write :func:`gexf_bytes` to ``path``, whole or not at all."""
    return write_bytes(path, gexf_bytes(net, as_of=as_of, anonymize=anonymize, lang=lang,
                                        version=version))


# --- helpers ------------------------------------------------------------------------------------

def _node_ids(net: LadderNetwork, graph: nx.Graph, anonymize: bool) -> dict:
    """Person id -> exported id; anonymised ``n1``, ``n2``, ... in :func:`anonymous_order`."""
    people = sorted(graph.nodes, key=anonymous_order)
    if not anonymize:
        return {person: str(person) for person in people}
    return {person: f"n{number}" for number, person in enumerate(people, start=1)}


def _extra_columns(net: LadderNetwork) -> list[str]:
    """The people file's further columns, in file order (kept only with names)."""
    return [column for column in net.people.columns if column not in _KNOWN_COLUMNS]


def _tie_type(a: dict, b: dict, focal: str) -> str:
    """The roles at the two ends, the focal role first: ``parent-parent``,
    ``parent-professional``, ``professional-volunteer``.

    >>> _tie_type({"role": "professional"}, {"role": "Ouder"}, "parent")
    'parent-professional'
    """
    roles = sorted((role_key(a.get("role")) or "unknown", role_key(b.get("role")) or "unknown"),
                   key=lambda role: (role != role_key(focal), role))
    return "-".join(roles)


def _rung_spells(net: LadderNetwork, as_of: object, anonymize: bool) -> dict:
    """(source, target) as exported -> [(date, level), ...]: when each tie reached each rung.

    Rises on the same day (same second with times of day) are merged into the highest.
    """
    history = net.rung_history()
    history = history[history["date"] < net.cutoff(as_of)]
    if not len(history):
        return {}
    with_time = _has_time(history["date"]) or _has_time(net.present_from)
    history = history.assign(date=history["date"].dt.floor("s" if with_time else "D"))
    history = history.drop_duplicates(["person_a", "person_b", "date"], keep="last")
    ids = _node_ids(net, net.snapshot(as_of), anonymize)
    order = {person: number for number, person in enumerate(ids)}
    spells: dict = {}
    for a, b, date, level in history.itertuples(index=False):
        a, b = sorted((a, b), key=order.__getitem__)
        spells.setdefault((ids[a], ids[b]), []).append((date, int(level)))
    return spells


def _declare(graph: ET.Element, kind: str, mode: str, columns: list[tuple[str, str]]) -> None:
    attributes = ET.SubElement(graph, "attributes", {"class": kind, "mode": mode})
    for name, type_ in columns:
        ET.SubElement(attributes, "attribute", id=name, title=name, type=type_)


def _attvalues(element: ET.Element, values: list[tuple[str, Any]]) -> ET.Element:
    """Add ``<attvalues>`` with one ``<attvalue>`` per value that is not empty."""
    attvalues = ET.SubElement(element, "attvalues")
    for name, value in values:
        if isinstance(value, bool):
            value = "true" if value else "false"
        value = _text(value)
        if value:
            ET.SubElement(attvalues, "attvalue", {"for": name, "value": _xml(value)})
    return attvalues


def _has_time(dates: pd.Series) -> bool:
    """Whether any date has a time of day other than midnight."""
    dates = pd.to_datetime(dates).dropna()
    return bool((dates != dates.dt.normalize()).any())


def _date_text(moment: object) -> str:
    return "" if pd.isna(moment) else pd.Timestamp(moment).strftime("%Y-%m-%d")


def _datetime_text(moment: object) -> str:
    return "" if pd.isna(moment) else pd.Timestamp(moment).strftime("%Y-%m-%dT%H:%M:%S")


def _iso_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns as ISO text: dates alone, or with the time where any has one."""
    table = table.copy()
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            text = _datetime_text if _has_time(table[column]) else _date_text
            table[column] = table[column].map(text)
    return table


def _dates_without_time(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns as Python dates when none has a time of day, so spreadsheets show dates."""
    table = table.copy()
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]) and not _has_time(table[column]):
            table[column] = table[column].map(lambda d: None if pd.isna(d) else d.date())
    return table


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain str, int, float and bool, for networkx writers."""
    rows = _iso_columns(table).to_dict("records")
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (bool, int, float)) and value == value:
        return value
    return _xml(_text(value))


def _text(value: object) -> str:
    """A value as text: lists joined by "; ", and None, NaN and NaT read as empty."""
    if isinstance(value, (tuple, list)):
        return "; ".join(map(str, value))
    return attribute_text(value)


def _xml(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def _example() -> LadderNetwork:
    """A tiny network for the examples: a parent and a GGD professional who climb to rung 3."""
    from contactladder.ladder import Ladder
    from contactladder.loading.dataset import Dataset

    contacts = pd.DataFrame({
        "date": pd.to_datetime(["2024-01-05", "2024-02-09"]), "person_a": "ann",
        "person_b": "cem", "rung": [1, 3], "activity": ["peutergym", ""], "wijk": "",
        "note": "", "source": ""})
    people = pd.DataFrame({"role": ["parent", "professional"], "name": ["Ann", ""],
                           "organisation": ["", "GGD"], "wijk": "Dieze", "joined": pd.NaT},
                          index=pd.Index(["ann", "cem"], name="id"))
    return LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
