"""How people and ties look on a map: sizes, widths, colours and shapes.

- A *person* is sized by their number of ties (:func:`node_size`, growing with the square root,
  so that area grows with the number of ties), coloured and shaped by role: parents amber dots,
  volunteers teal triangles, each professional organisation its own colour on a diamond, other
  roles squares (:func:`role_styles`).
- A *tie* is coloured by its rung with the ladder's colours and is thicker higher up the ladder
  (:func:`edge_width`).
- An organisation has one colour on every map of the same data: :func:`organisation_colours`
  over all the data's professionals gives the table every map uses.
- The people who need a link stand out (:func:`alone_kinds`): a focal person with no tie
  (:data:`ALONE`), and as a second mark one whose ties all go to non-focal people
  (:data:`NO_PEER_TIE`), are drawn at least the median person's size (:func:`alone_size`) with a
  ring in :data:`ALONE_COLOUR`, a colour used for nothing else (solid for the first, dashed for
  the second).

Sizes are computed here only: the pages get them from the payload (a size per person, and for
the timeline the table :func:`size_table` of the size by number of ties).

Examples
--------
>>> node_size(4), edge_width(5, Ladder.default())
(9.0, 6.0)
>>> organisation_colours(["GGD", "Bibliotheek"])
{'Bibliotheek': '#0072b2', 'GGD': '#d55e00'}
>>> G = nx.Graph([("ann", "ggd")]); G.add_node("bo")
>>> nx.set_node_attributes(G, {"ann": "parent", "bo": "parent", "ggd": "professional"}, "role")
>>> alone_kinds(G)
{'ann': 2, 'ggd': 0, 'bo': 1}
"""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.ladder import Ladder
from contactladder.words import attribute_text
from contactladder.words.roles import ROLE_WORDS, role_key, role_word

__all__ = [
    "node_size",
    "size_table",
    "edge_width",
    "organisation_colours",
    "role_styles",
    "group_styles",
    "group_key",
    "node_order",
    "alone_kinds",
    "alone_size",
    "known_role",
    "SIZE_FULL_AT",
    "ALONE_COLOUR",
    "ALONE",
    "NO_PEER_TIE",
]

#: From this number of ties up a person has the largest size.
SIZE_FULL_AT = 100
# Colour and shape per role; professionals get one colour per organisation.
_ROLE_STYLE = {
    "parent": ("#f2a900", "dot"),
    "volunteer": ("#2a9d8f", "triangle"),
    "child": ("#e76f51", "dot"),
    "": ("#b0b0b0", "dot"),
}
_PROFESSIONAL_SHAPE = "diamond"
_PROFESSIONAL_NO_ORGANISATION = "#7f7f7f"
# Clearly distinct hues (from Okabe-Ito and Tableau 10), none near the parents' amber or the
# volunteers' teal; given to organisations in alphabetical order (see organisation_colours).
_ORGANISATION_COLOURS = (
    "#0072b2",
    "#d55e00",
    "#59a14f",
    "#cc79a7",
    "#6a3d9a",
    "#56b4e9",
    "#9c755f",
    "#000000",
    "#ff9da7",
)
_OTHER_ROLE_COLOURS = ("#8c564b", "#17becf", "#bcbd22", "#9467bd", "#7f7f7f")
_OTHER_ROLE_SHAPE = "square"
_ROLE_ORDER = ("parent", "professional", "volunteer", "child")
_ROLE_RANKS = {rk: rank for rank, rk in enumerate(_ROLE_ORDER)}
#: The ring of the people who need a link: a colour no rung, role or organisation has.
ALONE_COLOUR = "#d4006a"
#: :func:`alone_kinds` of a focal person with no tie.
ALONE = 1
#: :func:`alone_kinds` of a focal person with ties, none of them to another focal person.
NO_PEER_TIE = 2


def node_size(ties: int) -> float:
    """Size of a person on the map (canvas units) from their number of ties.

    Grows with the square root, so area grows with the number of ties; from
    :data:`SIZE_FULL_AT` ties up it stays at 25.

    >>> node_size(0), node_size(4), node_size(10_000)
    (5.0, 9.0, 25.0)
    """
    return round(min(25.0, 5.0 + 2.0 * math.sqrt(ties)), 1)


def size_table(most_ties: int) -> list[float]:
    """:func:`node_size` of 0, 1, ... ties, up to ``most_ties`` (or :data:`SIZE_FULL_AT`).

    A page looks a size up as ``table[min(ties, len(table) - 1)]``.

    >>> size_table(4)
    [5.0, 7.0, 7.8, 8.5, 9.0]
    >>> len(size_table(10_000)) == SIZE_FULL_AT + 1
    True
    """
    return [node_size(ties) for ties in range(min(max(0, most_ties), SIZE_FULL_AT) + 1)]


def edge_width(level: int, ladder: Ladder) -> float:
    """Width of a tie on rung ``level``: 1 at the bottom of the ladder, 6 at the top.

    >>> [edge_width(r.level, Ladder.default()) for r in Ladder.default()]
    [1.0, 2.2, 3.5, 4.8, 6.0]
    """
    if len(ladder) < 2:
        return 2.0
    return round(1.0 + 5.0 * (level - 1) / (len(ladder) - 1), 1)


def organisation_colours(organisations: Iterable[object]) -> dict[str, str]:
    """The colour of each organisation: one table for every map of the same data.

    Give it the organisations of all professionals in the data (not only those on one map), so
    that an organisation has the same colour on a focus map, a wijk map and the timeline.
    Organisations get the colours in alphabetical order; blanks are left out.

    >>> organisation_colours(["GGD", "Bibliotheek", "", "GGD"])
    {'Bibliotheek': '#0072b2', 'GGD': '#d55e00'}
    """
    names = sorted({attribute_text(o) for o in organisations} - {""})
    return {
        name: _ORGANISATION_COLOURS[i % len(_ORGANISATION_COLOURS)] for i, name in enumerate(names)
    }


def role_styles(
    G: nx.Graph,
    *,
    lang: str = "nl",
    role: str = "role",
    organisation: str = "organisation",
    colours: Mapping[str, str] | None = None,
) -> dict[tuple[str, str], dict[str, str]]:
    """The legend's groups of people present in ``G``, in legend order, with colour and shape.

    The key is ``(role key, organisation)`` (:func:`group_key`); the organisation is only part
    of it for professionals (each organisation its own colour), else it is "".

    ``colours`` maps organisation -> colour (:func:`organisation_colours` of all the data's
    professionals); by default it is made from the organisations present in ``G``, so maps of
    parts of one network should pass it.

    >>> G = nx.Graph()
    >>> G.add_node(1, role="parent"); G.add_node(2, role="professional", organisation="GGD")
    >>> [(s["label"], s["colour"], s["shape"]) for s in role_styles(G, lang="en").values()]
    [('Parent', '#f2a900', 'dot'), ('Professional (GGD)', '#0072b2', 'diamond')]
    """
    keys = (
        group_key(attrs, role=role, organisation=organisation) for _, attrs in G.nodes(data=True)
    )
    return group_styles(keys, lang=lang, colours=colours)


def group_styles(
    keys: Iterable[tuple[str, str]], *, lang: str = "nl", colours: Mapping[str, str] | None = None
) -> dict[tuple[str, str], dict[str, str]]:
    """:func:`role_styles` of the people in these legend groups (their :func:`group_key`).

    >>> list(group_styles([("parent", ""), ("parent", "")], lang="en"))
    [('parent', '')]
    """
    keys = set(keys)
    organisations = sorted(o for r, o in keys if r == "professional" and o)
    table = dict(colours) if colours is not None else organisation_colours(organisations)
    extra = organisation_colours(o for o in organisations if o not in table)
    table.update(
        {
            o: _ORGANISATION_COLOURS[(len(table) + i) % len(_ORGANISATION_COLOURS)]
            for i, o in enumerate(extra)
        }
    )
    others = sorted(r for r, _ in keys if r not in ROLE_WORDS or r == "")  # "" sorts first
    styles: dict[tuple[str, str], dict[str, str]] = {}

    def add(key: tuple[str, str], colour: str, shape: str) -> None:
        if key in keys:
            word = role_word(key[0], lang)
            label = f"{word} ({key[1]})" if key[1] else word
            styles[key] = {
                "label": label,
                "role": word,
                "role_key": key[0],
                "organisation": key[1],
                "colour": colour,
                "shape": shape,
            }

    for rk in _ROLE_ORDER:
        if rk == "professional":
            for org in organisations:
                add((rk, org), table[org], _PROFESSIONAL_SHAPE)
            add((rk, ""), _PROFESSIONAL_NO_ORGANISATION, _PROFESSIONAL_SHAPE)
        else:
            add((rk, ""), *_ROLE_STYLE[rk])
    for i, rk in enumerate(r for r in others if r):
        add((rk, ""), _OTHER_ROLE_COLOURS[i % len(_OTHER_ROLE_COLOURS)], _OTHER_ROLE_SHAPE)
    add(("", ""), *_ROLE_STYLE[""])
    return styles


def group_key(
    attrs: Mapping[str, Any], *, role: str = "role", organisation: str = "organisation"
) -> tuple[str, str]:
    """The legend group of a person from their node attributes: ``(role key, organisation)``.

    >>> group_key({"role": "Professional", "organisation": " GGD "}), group_key({"role": "ouder"})
    (('professional', 'GGD'), ('parent', ''))
    """
    rk = known_role(attrs.get(role))
    return (rk, attribute_text(attrs.get(organisation)) if rk == "professional" else "")


def node_order(G: nx.Graph) -> list[Hashable]:
    """The nodes of ``G`` in map order: by role (parents first), then by their ``number``.

    The order says nothing about ids (``number`` follows the anonymous order); the same graph
    gives the same order whatever the order in which its nodes were added.

    >>> G = nx.Graph()
    >>> G.add_node("b", role="professional", number=1); G.add_node("a", role="parent", number=2)
    >>> node_order(G)
    ['a', 'b']
    """
    nodes, attrs = list(G), [attrs for _, attrs in G.nodes(data=True)]
    roles = [known_role(each.get("role")) for each in attrs]
    # The key (rank of the role, the role, number, type name, text), a column at a time: the
    # numbers as they are, each column of text as the places of its values in Python's own
    # order; then one stable lexsort.
    places = [
        np.array([_ROLE_RANKS.get(role, len(_ROLE_ORDER)) for role in roles], dtype=np.int64),
        _text_places(roles),
        np.array([_order_number(each.get("number")) for each in attrs], dtype=float),
        _text_places([type(node).__name__ for node in nodes]),
        _text_places([str(node) for node in nodes]),
    ]
    return [nodes[i] for i in np.lexsort(places[::-1]).tolist()]


def _text_places(texts: list[str]) -> np.ndarray:
    """The place of each of ``texts`` among their distinct values, sorted."""
    return pd.factorize(np.array(texts, dtype=object), sort=True)[0]


def _order_number(number: Any) -> float:
    """A person's ``number`` as :func:`node_order` sorts it: a whole number, or after every
    number when missing."""
    return int(number) if number is not None and number == number else math.inf


def alone_kinds(G: nx.Graph, *, focal: str = "parent", role: str = "role") -> dict[Hashable, int]:
    """Who needs a link, per person of ``G``: :data:`ALONE` (1) for a person of the ``focal``
    role with no tie, :data:`NO_PEER_TIE` (2) for one whose ties all go to people of other
    roles, else 0 (as ``focal_alone`` and ``focal_only_professional`` of the growth table).

    >>> G = nx.Graph([("ann", "bo")]); G.add_node("cem")
    >>> nx.set_node_attributes(G, "parent", "role")
    >>> alone_kinds(G)
    {'ann': 0, 'bo': 0, 'cem': 1}
    """
    key = role_key(focal)
    is_focal = {node for node, value in G.nodes(data=role) if known_role(value) == key}
    return {
        node: (
            0
            if node not in is_focal
            else ALONE
            if not others
            else 0
            if not is_focal.isdisjoint(others)
            else NO_PEER_TIE
        )
        for node, others in G.adjacency()
    }


def known_role(value: object) -> str:
    """:func:`~contactladder.words.roles.role_key` of a role as written, worked out once per
    distinct text: a map asks it of every person, and there are few roles.

    >>> known_role(" Ouders "), known_role("Grootouder"), known_role(None)
    ('parent', 'grootouder', '')
    """
    try:
        return _cached_role_key(value)
    except TypeError:  # a value that cannot be a key of a dict
        return role_key(value)


# known_role's answers so far, by the role as written and its type (few distinct values).
_cached_role_key = functools.lru_cache(maxsize=10_000, typed=True)(role_key)


def alone_size(sizes: Iterable[float]) -> float:
    """The least size of a person who needs a link: the median of everyone's ``sizes``.

    >>> alone_size([5.0, 7.0, 9.0, 25.0]), alone_size([])
    (8.0, 5.0)
    """
    sizes = list(sizes)
    return float(statistics.median(sizes)) if sizes else node_size(0)
