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
the same tables. :func:`~contactladder.io.table_files.write_tables` writes them as two CSV files
or one XLSX workbook.

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
from typing import NamedTuple

import numpy as np
import pandas as pd

from contactladder.io.values import LIST_SEPARATOR, as_text, made_once
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import PUBLIC_COLUMNS, is_private_column, person_labels
from contactladder.words.roles import role_key

__all__ = [
    "NODE_COLUMNS",
    "TIE_COLUMNS",
    "CodedTables",
    "coded_tables",
    "export_ids",
    "export_tables",
    "nodes_table",
    "tie_type",
    "ties_table",
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
    return export_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)[0]


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
    return export_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)[1]


class CodedTables(NamedTuple):
    """:func:`export_tables` with what a writer needs to walk the ties on integers: ``ids``
    (person -> exported id, in the order of the nodes' rows) and, for each tie's row, the
    rows of its two ends among the nodes (``low`` the source's, ``high`` the target's)."""

    nodes: pd.DataFrame
    ties: pd.DataFrame
    ids: dict[Hashable, str]
    low: np.ndarray
    high: np.ndarray


def export_tables(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`nodes_table` and :func:`ties_table` together, from one reading of the ties.

    Notes
    -----
    The ties are numbered by the positions of their two people in the export's order, and
    sorted on those integer codes; labels, roles and rungs are worked out once per person
    and per rung, then taken by code. Linear in people and ties (plus a sort).

    >>> nodes, ties = export_tables(_example())
    >>> len(nodes), len(ties)
    (2, 1)
    """
    tables = coded_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)
    return tables.nodes, tables.ties


def coded_tables(
    net: LadderNetwork, *, as_of: object = None, anonymize: bool = True, lang: str = "nl"
) -> CodedTables:
    """:func:`export_tables`, with the export's ids and each tie's two ends as rows of the
    nodes (:class:`CodedTables`).

    >>> tables = coded_tables(_example())
    >>> tables.low.tolist(), tables.high.tolist(), list(tables.ids.values())
    ([0], [1], ['n1', 'n2'])
    """
    ids = export_ids(net, _present(net, as_of), anonymize=anonymize)
    people = list(ids)
    attrs = [net.person(person) for person in people]
    labels = person_labels(attrs, lang=lang, anonymize=anonymize)
    ties = net.ties(as_of)
    ends = pd.Index(people)
    a = ends.get_indexer(ties["person_a"])
    b = ends.get_indexer(ties["person_b"])
    low, high = np.minimum(a, b), np.maximum(a, b)
    nodes = _nodes(
        net,
        people,
        attrs,
        labels,
        ids,
        anonymize,
        np.bincount(np.concatenate([low, high]), minlength=len(people)),
    )
    if not len(ties):
        empty = pd.DataFrame(columns=list(TIE_COLUMNS))
        return CodedTables(nodes, empty, ids, low, high)
    order = np.lexsort((high, low))
    low, high, ties = low[order], high[order], ties.iloc[order]
    exported = np.array(list(ids.values()), dtype=object)
    named = np.array(labels, dtype=object)
    levels, level_codes = np.unique(ties["rung"].to_numpy(), return_inverse=True)
    rungs = [net.ladder[level] for level in levels.tolist()]
    table = {
        "source": exported[low],
        "target": exported[high],
        "source_label": named[low],
        "target_label": named[high],
        "tie_type": _tie_types(attrs, low, high, net.focal),
        "rung": np.array([rung.level for rung in rungs], dtype=np.int64)[level_codes],
        "rung_key": np.array([rung.key for rung in rungs], dtype=object)[level_codes],
        "rung_label": np.array([rung.label(lang) for rung in rungs], dtype=object)[level_codes],
        "first_contact": ties["first_contact"].to_numpy(),
        "last_contact": ties["last_contact"].to_numpy(),
        "contacts": ties["contacts"].to_numpy(dtype=np.int64),
        "activities": _joined(ties["activities"]),
    }
    return CodedTables(nodes, pd.DataFrame(table, columns=list(TIE_COLUMNS)), ids, low, high)


def _joined(activities: pd.Series) -> list[str]:
    """Each tie's activities joined by :data:`~contactladder.io.values.LIST_SEPARATOR`: each
    list joined once, found by identity (the ties share one tuple per distinct set)."""
    lists = activities.tolist()
    distinct = {id(names): names for names in lists}
    done = {key: LIST_SEPARATOR.join(names) for key, names in distinct.items()}
    return [done[id(names)] for names in lists]


def _present(net: LadderNetwork, as_of: object) -> pd.Index:
    """The people present by ``as_of``: those of :meth:`LadderNetwork.snapshot`."""
    present_from = net.present_from
    return present_from.index[present_from < net.cutoff(as_of)]


def _nodes(
    net: LadderNetwork,
    people: list,
    attrs: list[dict],
    labels: list[str],
    ids: dict,
    anonymize: bool,
    degrees: np.ndarray,
) -> pd.DataFrame:
    """The rows of :func:`nodes_table` from each person's attributes."""
    further = [] if anonymize else _further_columns(net)
    table: dict[str, list | np.ndarray] = {"id": list(ids.values()), "label": labels}
    for column in PUBLIC_COLUMNS:
        cells = [a.get(column) for a in attrs]
        table[column] = cells if column == "joined" else made_once(cells, as_text)
    table["present_from"] = net.present_from.reindex(people).to_numpy()
    table["focal"] = [bool(a.get("focal")) for a in attrs]
    table["ties"] = degrees
    if not anonymize:
        for column in ["name", *further]:
            table[column] = made_once([a.get(column) for a in attrs], as_text)
    nodes = pd.DataFrame(table, columns=list(table))
    for column in ("joined", "present_from"):
        nodes[column] = pd.to_datetime(nodes[column])
    return nodes


def _tie_types(attrs: list[dict], low: np.ndarray, high: np.ndarray, focal: str) -> np.ndarray:
    """:func:`tie_type` of every tie, worked out once per pair of roles."""
    codes, roles = pd.factorize(np.array([str(a.get("role")) for a in attrs], dtype=object))
    first = {str(a.get("role")): a for a in attrs}
    pair = codes[low].astype(np.int64) * len(roles) + codes[high]
    kinds, inverse = np.unique(pair, return_inverse=True)
    names = [
        tie_type(first[roles[k // len(roles)]], first[roles[k % len(roles)]], focal) for k in kinds
    ]
    return np.array(names, dtype=object)[inverse]


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
