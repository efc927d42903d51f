"""The grouped map: people grouped by wijk and organisation, for networks too large to draw
person by person.

A browser draws a map of :data:`AGGREGATE_ABOVE` people (50,000 with 293,000 ties: a page of
17 MB, now 12 MB, that headless Chromium drew in 26 s on a busy two-core machine, 8 s with
100,000 ties) but not much more. Beyond it the map shows one node per *group* instead: the
people of one wijk with one legend group (parents, volunteers, the professionals of one
organisation; see :func:`~contactladder.render.styles.group_key`). Definitions:

- a group's *people* are its members, its *focal* people those of the focal role, *alone*
  those focal people without any tie, its ties *among them* the ties between two members;
- two groups are tied when a member of one has a tie with a member of the other; the tie
  between the groups counts those ties (shown as its number of ties), is drawn at the highest
  rung among them, and spans their first and last contact.

A group sits in its wijk's area of the layout (:func:`~contactladder.render.layout.
layout_areas`): the largest in the middle, the others on a ring around it. Its area grows
with its people, rounded to a power of two, so that it shows the order of size, not the count.
When anonymised, the counts follow :func:`contactladder.privacy.mask_small_counts` (from 1 to 4
as ``<5``, with a second cell masked where one would be recoverable from the total), and ties
between groups with fewer than :data:`~contactladder.privacy.SMALL` ties are not drawn.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c")])
>>> nx.set_node_attributes(G, {"a": "Dieze", "b": "Dieze", "c": "Zuid"}, "wijk")
>>> nx.set_node_attributes(G, "parent", "role")
>>> people, ties = group_tables(G)
>>> people[["wijk", "people", "ties"]].values.tolist(), ties["ties"].tolist()
([['Dieze', 2, 1], ['Zuid', 1, 0]], [1])
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.privacy import SMALL, mask_small_counts
from contactladder.render.layout import SPACING
from contactladder.render.map_payload import map_data
from contactladder.render.styles import ALONE, alone_kinds, group_key, node_order
from contactladder.words import attribute_text, words
from contactladder.words.roles import role_key, role_word

__all__ = [
    "AGGREGATE_ABOVE",
    "AGGREGATE_OPTIONS",
    "aggregate_option",
    "shows_groups",
    "check_timeline_size",
    "Groups",
    "groups_of",
    "group_tables",
    "group_graph",
    "group_map_data",
    "group_size",
]

#: From this many people up (more than), ``aggregate="auto"`` draws the grouped map.
AGGREGATE_ABOVE = 50_000
#: The ``aggregate`` option: groups beyond :data:`AGGREGATE_ABOVE`, always people, or groups.
AGGREGATE_OPTIONS = ("auto", "people", "groups")
# The group table's columns, in order.
_GROUP_COLUMNS = ["wijk", "role", "organisation", "people", "focal", "focal_alone", "ties"]


def aggregate_option(value: object) -> str:
    """``aggregate`` checked: "auto", "people" or "groups".

    >>> aggregate_option(" Groups ")
    'groups'
    """
    text = str(value).strip().lower()
    if text not in AGGREGATE_OPTIONS:
        raise UsageError(
            "unknown aggregate setting", value=value, hint="use auto, people or groups"
        )
    return text


def shows_groups(G: nx.Graph, aggregate: object = "auto") -> bool:
    """Whether the map of ``G`` is grouped: with "groups", or with "auto" beyond
    :data:`AGGREGATE_ABOVE` people.

    >>> shows_groups(nx.path_graph(3)), shows_groups(nx.path_graph(3), "groups")
    (False, True)
    """
    option = aggregate_option(aggregate)
    return option == "groups" or (option == "auto" and len(G) > AGGREGATE_ABOVE)


def check_timeline_size(people: int) -> None:
    """Refuse a timeline of every one of more than :data:`AGGREGATE_ABOVE` people: a page of
    every step of more people is more than a browser draws (the grouped timeline draws them,
    :mod:`~contactladder.render.timeline_groups`).

    >>> check_timeline_size(AGGREGATE_ABOVE)
    >>> try:
    ...     check_timeline_size(AGGREGATE_ABOVE + 1)
    ... except UsageError as error:
    ...     print(error)  # doctest: +ELLIPSIS
    too many people for a timeline '50,001 people'; a timeline draws at most 50,000: give wijk...
    """
    if people > AGGREGATE_ABOVE:
        raise UsageError(
            "too many people for a timeline",
            value=f"{people:,} people",
            hint=f"a timeline draws at most {AGGREGATE_ABOVE:,}: give {{wijk}} to draw one "
            "wijk, or {aggregate} groups to draw them grouped",
        )


@dataclass(frozen=True)
class Groups:
    """The groups of a graph (:func:`groups_of`): ``people`` and ``ties`` as
    :func:`group_tables` gives them, and each node's group (``member``: its row of ``people``,
    the nodes in the graph's order)."""

    people: pd.DataFrame
    ties: pd.DataFrame
    member: np.ndarray


def group_tables(G: nx.Graph, *, focal: str = "parent") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The groups of ``G`` and the ties between them.

    Returns
    -------
    people : DataFrame
        One row per group, sorted by wijk, role and organisation: ``wijk, role`` (the role's
        key), ``organisation`` ("" but for professionals), ``people, focal, focal_alone`` and
        ``ties`` (among them).
    ties : DataFrame
        One row per pair of tied groups (``a < b``, row numbers of ``people``): ``ties``, the
        highest ``rung``, the ``first_contact`` and the ``last_contact`` of those ties.
    """
    groups = groups_of(G, focal=focal)
    return groups.people, groups.ties


def groups_of(G: nx.Graph, *, focal: str = "parent") -> Groups:
    """:func:`group_tables` of ``G``, with the group of each of its nodes.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "Dieze", "b": "Dieze", "c": "Zuid"}, "wijk")
    >>> groups_of(G).member.tolist()
    [0, 0, 1]
    """
    nodes = list(G)
    keys = [(attribute_text(w), *group_key(a)) for w, a in zip(_wijken(G, nodes), _attrs(G))]
    kinds = alone_kinds(G, focal=focal)
    focal_key = role_key(focal)
    members = pd.DataFrame(keys, columns=["wijk", "role", "organisation"])
    members["focal"] = [key[1] == focal_key for key in keys]
    members["focal_alone"] = [kinds[node] == ALONE for node in nodes]
    people = (
        members.groupby(["wijk", "role", "organisation"], sort=True)
        .agg(people=("focal", "size"), focal=("focal", "sum"), focal_alone=("focal_alone", "sum"))
        .reset_index()
    )
    number = {
        tuple(row): i for i, row in enumerate(people[["wijk", "role", "organisation"]].values)
    }
    member = np.array([number[key] for key in keys], dtype=np.int64)
    code = dict(zip(nodes, member.tolist()))
    rows = [
        (code[u], code[v], attrs.get("rung"), attrs.get("first_contact"), attrs.get("last_contact"))
        for u, v, attrs in G.edges(data=True)
    ]
    edges = pd.DataFrame(rows, columns=["a", "b", "rung", "first_contact", "last_contact"])
    ends = np.sort(edges[["a", "b"]].to_numpy(dtype=np.int64).reshape(-1, 2), axis=1)
    edges["a"], edges["b"] = ends[:, 0], ends[:, 1]
    inside = edges[edges["a"] == edges["b"]].groupby("a").size()
    people["ties"] = inside.reindex(range(len(people)), fill_value=0).to_numpy()
    between = (
        edges[edges["a"] != edges["b"]]
        .groupby(["a", "b"], sort=True)
        .agg(
            ties=("rung", "size"),
            rung=("rung", "max"),
            first_contact=("first_contact", "min"),
            last_contact=("last_contact", "max"),
        )
        .reset_index()
    )
    for column in ("focal", "focal_alone", "ties"):
        people[column] = people[column].astype(int)
    return Groups(people[_GROUP_COLUMNS], between, member)


def group_map_data(
    G: nx.Graph,
    ladder: Ladder,
    *,
    title: str,
    positions: Mapping[Hashable, tuple[float, float]],
    areas: Mapping[str, tuple[float, float, float]],
    lang: str = "nl",
    anonymize: bool = True,
    focal: str = "parent",
    groups: Groups | None = None,
    **options: Any,
) -> dict[str, Any]:
    """The map payload of ``G`` grouped by wijk and organisation: one node per group of
    :func:`group_tables` (``groups``: :func:`groups_of` ``G``, when the caller has it), in the
    order of :func:`group_graph`, placed in its wijk's area of ``areas`` (or where its people's
    ``positions`` are, for a wijk without an area). ``options`` are those of
    :func:`~contactladder.render.map_payload.map_data` (``as_of, min_rung, colours, legend,
    part``); the payload has the same fields."""
    groups = groups_of(G, focal=focal) if groups is None else groups
    people = groups.people
    shown = _masked(people) if anonymize else people
    H = group_graph(groups, anonymize=anonymize)
    spots = _group_positions(G, people, positions, areas)
    data = map_data(
        H, ladder, title=title, lang=lang, positions=spots, areas=areas, focal=focal, **options
    )
    order = node_order(H)
    w = words(lang)
    focal_word = role_word(focal, lang, plural=True).lower()
    data["nodes"]["label"] = [
        _label(shown.loc[i], people.loc[i], w, lang, focal_word) for i in order
    ]
    data["nodes"]["size"] = [group_size(int(people.at[i, "people"])) for i in order]
    data["nodes"]["alone"] = [0] * len(order)
    data["grouped"] = True
    data["text"] = {
        **data["text"],
        "contacts": w["map_groups.ties_between"],
        "people": w.plural("map_groups.groups_counted", 2),
        "size_note": w["map_groups.size_note"],
    }
    counted = w["map_groups.people_in_groups"].format(
        people=w.count(len(G), "common.people_counted"),
        groups=w.count(len(people), "map_groups.groups_counted"),
    )
    data["subtitle_lead"] = [*data["subtitle_lead"], w["map_groups.grouped"]]
    data["subtitle"] = " · ".join([*data["subtitle_lead"], counted])
    return data


def group_graph(groups: Groups, *, anonymize: bool = True) -> nx.Graph:
    """One node per group (its row number in ``groups.people``, with its ``wijk``, ``role``,
    ``organisation`` and ``number``) and an edge per pair of tied groups (``rung, contacts,
    first_contact, last_contact``); anonymised, only the pairs with at least
    :data:`~contactladder.privacy.SMALL` ties. :func:`~contactladder.render.styles.node_order`
    of it is the order of the grouped map's nodes."""
    between = groups.ties
    if anonymize:
        between = between[between["ties"] >= SMALL]
    H = nx.Graph()
    for i, row in groups.people.iterrows():
        H.add_node(i, wijk=row["wijk"], role=row["role"], number=i + 1)
        if row["organisation"]:
            H.nodes[i]["organisation"] = row["organisation"]
    for row in between.itertuples():
        H.add_edge(row.a, row.b, rung=row.rung, contacts=row.ties, **_span(row))
    return H


def _wijken(G: nx.Graph, nodes: list[Hashable]) -> list[Any]:
    return [G.nodes[node].get("wijk") for node in nodes]


def _attrs(G: nx.Graph) -> list[Mapping[str, Any]]:
    return [attrs for _, attrs in G.nodes(data=True)]


def _masked(people: pd.DataFrame) -> pd.DataFrame:
    """The counts of ``people`` as an anonymised output shows them."""
    table = people.assign(period="", group=range(len(people)))
    return mask_small_counts(table)


def _span(row: Any) -> dict[str, Any]:
    return {"first_contact": row.first_contact, "last_contact": row.last_contact}


def _label(shown: pd.Series, exact: pd.Series, w: Any, lang: str, focal_word: str) -> str:
    """'Dieze · Ouders: 1200 personen, 40 ouders zonder band, 300 banden onderling'."""
    name = role_word(exact["role"], lang, plural=True)
    if exact["organisation"]:
        name += f" ({exact['organisation']})"
    wijk = exact["wijk"] or w["map_groups.no_wijk"]
    parts = [_counted(shown["people"], exact["people"], w, "common.people_counted")]
    if exact["focal"]:
        alone = _counted(shown["focal_alone"], exact["focal_alone"], w, "map_groups.alone_counted")
        parts.append(alone.replace(" ", f" {focal_word} ", 1))
    parts.append(_counted(shown["ties"], exact["ties"], w, "map_groups.inside_counted"))
    return w["map_groups.group"].format(wijk=wijk, group=name) + ": " + ", ".join(parts)


def _counted(shown: object, exact: object, w: Any, key: str) -> str:
    """'3 personen', or '<5 personen' for a masked count."""
    many = int(exact) if shown == exact else SMALL  # type: ignore[call-overload]
    return f"{shown} {w.plural(key, many)}"


def group_size(people: int) -> float:
    """A group's size (radius, canvas units): its area grows with its people, rounded to a
    power of two (at least :data:`SMALL`), so that it shows the order of size, not the count.

    >>> group_size(1), group_size(5), group_size(1000), group_size(16_000)
    (24.0, 24.0, 384.0, 1536.0)
    """
    rounded = 2 ** round(math.log2(max(people, SMALL)))
    return round(0.3 * SPACING * math.sqrt(rounded), 1)


def _group_positions(
    G: nx.Graph,
    people: pd.DataFrame,
    positions: Mapping[Hashable, tuple[float, float]],
    areas: Mapping[str, tuple[float, float, float]],
) -> dict[Hashable, tuple[float, float]]:
    """Each group's place: in its wijk's area, the largest group in the middle and the others
    on a ring at 60 % of the radius; a wijk without an area has it where its people are."""
    spots: dict[Hashable, tuple[float, float]] = {}
    for wijk, rows in people.groupby("wijk", sort=True):
        if wijk in areas:
            x, y, radius = areas[wijk]
        else:
            xy = np.array(
                [positions[n] for n, w in zip(G, _wijken(G, list(G))) if attribute_text(w) == wijk],
                dtype=float,
            ).reshape(-1, 2)
            x, y = xy.mean(axis=0)
            radius = float(np.hypot(*(xy - (x, y)).T).max()) + 20.0
        ranked = rows.sort_values(["people", "role", "organisation"], ascending=[False, True, True])
        ring = len(ranked) - 1
        for k, i in enumerate(ranked.index):
            angle = 2 * math.pi * (k - 1) / ring if k else 0.0
            reach = 0.6 * radius if k else 0.0
            spots[int(i)] = (
                round(float(x) + reach * math.cos(angle), 1),
                round(float(y) + reach * math.sin(angle), 1),
            )
    return spots
