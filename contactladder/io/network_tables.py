"""The network as two tables for spreadsheets: *nodes* (one row per person) and *ties*.

This is the one place where people are turned into rows for export, and so where the rules of
:mod:`contactladder.privacy` are applied for every export format (GraphML and GEXF are built
from these tables):

- anonymised (the default), a person's id is the opaque ``n1``, ``n2``, ... of
  :func:`~contactladder.privacy.opaque_ids`, the label is
  :func:`~contactladder.privacy.person_label` ("Ouder 12", "Professional 3 (GGD)"), and only
  :data:`~contactladder.privacy.PUBLIC_COLUMNS` are carried;
- with ``anonymize=False`` (internal use only) the real id, the name as label, then ``name``
  and the people file's further columns; private columns other than the name (notes) are never
  exported.

Rows are sorted (people by their exported id, ties by their two ends), so the same input gives
the same tables. :func:`write_tables` writes them as two CSV files or one XLSX workbook.

Examples
--------
>>> net = _example()
>>> nodes_table(net)[["label", "role", "ties"]].sort_values("label").values.tolist()
[['Ouder 1', 'parent', 1], ['Professional 1 (GGD)', 'professional', 1]]
>>> sorted(nodes_table(net)["id"])
['n1', 'n2']
>>> ties_table(net)[["rung_key", "contacts"]].values.tolist()
[['delen', 2]]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from pathlib import Path

import pandas as pd

from contactladder.errors import UsageError
from contactladder.io.sheets import write_table, write_workbook
from contactladder.io.values import LIST_SEPARATOR, as_text, iso_columns
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import PUBLIC_COLUMNS, is_private_column, person_label
from contactladder.words.roles import role_key

__all__ = [
    "NODE_COLUMNS",
    "TIE_COLUMNS",
    "export_ids",
    "nodes_table",
    "tie_type",
    "ties_table",
    "write_tables",
]

#: The columns of :func:`nodes_table` (anonymised; with names ``name`` and further columns
#: follow).
NODE_COLUMNS = ("id", "label", *PUBLIC_COLUMNS, "present_from", "focal", "ties")
#: The columns of :func:`ties_table`.
TIE_COLUMNS = (
    "source",
    "target",
    "source_label",
    "target_label",
    "tie_type",
    "rung",
    "rung_key",
    "rung_label",
    "first_contact",
    "last_contact",
    "contacts",
    "activities",
)
# Node attributes the network adds itself; a people column of that name is not copied.
_NETWORK_ATTRIBUTES = ("number", "focal")


def export_ids(
    net: LadderNetwork, people: Iterable[Hashable], *, anonymize: bool = True
) -> dict[Hashable, str]:
    """Person id -> the id it gets in an export, in the order of the export's rows.

    Anonymised the ids of :meth:`LadderNetwork.opaque_ids` (``n1``, ``n2``, ... in the order
    of the data's private key), else the person's own id as text, in the same order.

    >>> sorted(export_ids(_example(), ["ann", "cem"]).values())
    ['n1', 'n2']
    >>> sorted(export_ids(_example(), ["ann", "cem"], anonymize=False).items())
    [('ann', 'ann'), ('cem', 'cem')]
    """
    ids = net.opaque_ids(people)
    return ids if anonymize else {person: str(person) for person in ids}


def nodes_table(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> pd.DataFrame:
    """One row per person present by ``as_of``, in the order of their exported id.

    Columns: ``id, label, role, organisation, wijk, joined, present_from, focal, ties`` (the
    number of ties reached by ``as_of``). Anonymised, ``id`` is ``n1``, ``n2``, ... and ``label``
    the role word and number; with ``anonymize=False`` the real id, the name as label, and then
    ``name`` and the people file's further columns. ``joined`` and ``present_from`` are
    Timestamps (NaT when not given).

    Examples
    --------
    >>> table = nodes_table(_example(), anonymize=False, lang="en")
    >>> sorted(table[["id", "label"]].values.tolist())
    [['ann', 'Ann'], ['cem', 'Professional 1 (GGD)']]
    """
    graph = net.snapshot(as_of)
    ids = export_ids(net, graph.nodes, anonymize=anonymize)
    further = [] if anonymize else _further_columns(net)
    rows = []
    for person, new_id in ids.items():
        attrs = graph.nodes[person]
        row: dict[str, object] = {
            "id": new_id,
            "label": person_label(attrs, lang=lang, anonymize=anonymize),
        }
        for column in PUBLIC_COLUMNS:
            row[column] = attrs.get(column) if column == "joined" else as_text(attrs.get(column))
        row["present_from"] = net.present_from[person]
        row["focal"] = bool(attrs.get("focal"))
        row["ties"] = graph.degree(person)
        if not anonymize:
            row["name"] = as_text(attrs.get("name"))
            row.update({column: as_text(attrs.get(column)) for column in further})
        rows.append(row)
    columns = list(NODE_COLUMNS) + ([] if anonymize else ["name", *further])
    table = pd.DataFrame(rows, columns=columns)
    for column in ("joined", "present_from"):
        table[column] = pd.to_datetime(table[column])
    return table


def ties_table(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> pd.DataFrame:
    """One row per tie reached by ``as_of``, at its reached rung, sorted by its two ends.

    Columns: ``source, target`` (ids as in :func:`nodes_table`, ``source`` the one whose row
    comes first there), ``source_label, target_label, tie_type`` (the two roles, the focal role
    first, e.g. ``parent-professional``), ``rung`` (level), ``rung_key, rung_label`` (in
    ``lang``), ``first_contact, last_contact`` (Timestamps), ``contacts`` (how many),
    ``activities`` (where they met, joined by
    :data:`~contactladder.io.values.LIST_SEPARATOR`, ``" | "``).

    Examples
    --------
    >>> table = ties_table(_example(), lang="en")
    >>> table[["tie_type", "rung_label", "contacts"]].values.tolist()
    [['parent-professional', 'Sharing experiences', 2]]
    """
    graph = net.snapshot(as_of)
    ids = export_ids(net, graph.nodes, anonymize=anonymize)
    order = {person: number for number, person in enumerate(ids)}
    rows = []
    for a, b, attrs in graph.edges(data=True):
        a, b = sorted((a, b), key=order.__getitem__)
        rung = net.ladder[attrs["rung"]]
        rows.append(
            {
                "source": ids[a],
                "target": ids[b],
                "source_label": person_label(graph.nodes[a], lang=lang, anonymize=anonymize),
                "target_label": person_label(graph.nodes[b], lang=lang, anonymize=anonymize),
                "tie_type": tie_type(graph.nodes[a], graph.nodes[b], net.focal),
                "rung": rung.level,
                "rung_key": rung.key,
                "rung_label": rung.label(lang),
                "first_contact": attrs["first_contact"],
                "last_contact": attrs["last_contact"],
                "contacts": int(attrs["contacts"]),
                "activities": LIST_SEPARATOR.join(attrs["activities"]),
                "_order": (order[a], order[b]),
            }
        )
    if not rows:
        return pd.DataFrame(columns=list(TIE_COLUMNS))
    rows.sort(key=lambda row: row["_order"])
    return pd.DataFrame(rows, columns=list(TIE_COLUMNS))


def tie_type(a: dict, b: dict, focal: str) -> str:
    """The roles at the two ends of a tie, the focal role first: ``parent-parent``,
    ``parent-professional``, ``professional-volunteer``.

    >>> tie_type({"role": "professional"}, {"role": "Ouder"}, "parent")
    'parent-professional'
    """
    roles = sorted(
        (role_key(a.get("role")) or "unknown", role_key(b.get("role")) or "unknown"),
        key=lambda role: (role != role_key(focal), role),
    )
    return "-".join(roles)


def write_tables(
    net: LadderNetwork,
    paths: Iterable[str | Path],
    *,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    csv_dialect: str = "plain",
) -> list[Path]:
    """Write :func:`nodes_table` and :func:`ties_table` for spreadsheets; return the paths.

    ``paths`` is two CSV files (nodes, then ties) or one XLSX file (sheets ``nodes`` and
    ``ties``), as :func:`~contactladder.io.export.export_paths` gives them. In CSV (in
    ``csv_dialect``, see :mod:`contactladder.io.sheets`), dates are ISO text (with the time when
    any has one); in XLSX they are date cells.

    Raises
    ------
    UsageError
        If one path is given and it does not end in ``.xlsx``; for an unknown dialect.
    """
    files = [Path(path) for path in paths]
    nodes = nodes_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    ties = ties_table(net, as_of=as_of, anonymize=anonymize, lang=lang)
    if len(files) == 2:
        return [
            write_table(iso_columns(nodes), files[0], sheet="nodes", dialect=csv_dialect),
            write_table(iso_columns(ties), files[1], sheet="ties", dialect=csv_dialect),
        ]
    (path,) = files
    if path.suffix.lower() != ".xlsx":
        raise UsageError("a workbook needs an .xlsx file name", value=path.name)
    return [write_workbook({"nodes": nodes, "ties": ties}, path)]


def _further_columns(net: LadderNetwork) -> list[str]:
    """The people file's further columns, in file order (exported only with names)."""
    return [
        column
        for column in net.people_columns()
        if column not in PUBLIC_COLUMNS
        and column not in _NETWORK_ATTRIBUTES
        and not is_private_column(column)
    ]


def _example() -> LadderNetwork:
    """A tiny network for the examples: a parent and a GGD professional who climb to rung 3."""
    from contactladder.ladder import Ladder
    from contactladder.loading.dataset import Dataset

    contacts = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
            "person_a": "ann",
            "person_b": "cem",
            "rung": [1, 3],
            "activity": ["peutergym", ""],
            "wijk": "",
            "note": "",
            "source": "",
        }
    )
    people = pd.DataFrame(
        {
            "role": ["parent", "professional"],
            "name": ["Ann", ""],
            "organisation": ["", "GGD"],
            "wijk": "Dieze",
            "joined": pd.NaT,
        },
        index=pd.Index(["ann", "cem"], name="id"),
    )
    return LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
