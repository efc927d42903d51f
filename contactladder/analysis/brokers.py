"""Who holds the village together: the people whose ties join groups that would otherwise not
meet, on any networkx graph.

For every person (node):

- ``betweenness``: the share of shortest paths between two other people that pass through them
  (normalised, unweighted, the values of :func:`networkx.betweenness_centrality` computed by
  igraph: :func:`betweenness_centrality`; exact up to ``BETWEENNESS_EXACT_UP_TO`` people, above
  that estimated from ``BETWEENNESS_SAMPLE`` sampled sources with the fixed seed ``SEED``, so
  the same data give the same numbers);
- ``bridging_ties``: their ties that join groups that would otherwise not meet: to another wijk
  (``between_wijken``), to another group (``between_groups``: the focal people form one group,
  everyone else is grouped by organisation, or by role when they have none), or a *local bridge*
  (``local_bridges``: the two ends have no one in common; a bridge in the strict sense, whose
  loss splits the network, is one too, counted in ``bridges``);
- ``sole_link_parents``: the focal people whose only tie is with this person;
- ``cut_off``: the people who would lose their way to the larger part of their component if
  this person left (:func:`~contactladder.analysis.cut_off.cut_off`).

People with none of the first three are left out; the rest come in order of betweenness, then
bridging ties, then sole-link parents, then person id. Which node attribute holds the focal flag,
the wijk, the group, the role and the name is a parameter, so :func:`brokers` runs on a plain
graph; :func:`village_brokers` runs it on a ladder network's snapshot.

Examples
--------
>>> import networkx as nx
>>> G = nx.path_graph(["a", "b", "c"])
>>> nx.set_node_attributes(G, {"a": True, "b": False, "c": True}, "focal")
>>> brokers(G, lang="en")[["person", "betweenness", "sole_link_parents", "cut_off"]].values.tolist()
[['b', 1.0, 2, 1], ['a', 0.0, 0, 0], ['c', 0.0, 0, 0]]
"""

from __future__ import annotations

import random
from collections.abc import Hashable
from typing import Any

import igraph
import networkx as nx
import numpy as np
import pandas as pd

from contactladder.analysis.cut_off import (
    as_igraph,
    bridges,
    cut_off_counts,
    local_bridge_codes,
    tie_rows,
)
from contactladder.analysis.village import LEFT, Village, iso_day
from contactladder.analysis.weaver_sentences import broker_explanation, role_people
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import LIST_SEPARATOR, attribute_text, check_lang

__all__ = [
    "brokers",
    "village_brokers",
    "betweenness_centrality",
    "bridges",
    "BETWEENNESS_EXACT_UP_TO",
    "BETWEENNESS_SAMPLE",
    "SEED",
]

#: Betweenness is exact up to this many people, and estimated above.
BETWEENNESS_EXACT_UP_TO = 1000
#: How many sampled sources estimate betweenness on a larger network.
BETWEENNESS_SAMPLE = 500
#: The seed of the sampling, so that the same data give the same numbers.
SEED = 2024

_COLUMNS = [
    "person",
    "role",
    "betweenness",
    "bridging_ties",
    "explanation",
    "name",
    "wijk",
    "organisation",
    "ties",
    "between_wijken",
    "between_groups",
    "local_bridges",
    "bridges",
    "sole_link_parents",
    "sole_link_of",
    "cut_off",
]
_FOCAL_GROUP = ("focal",)  # the group of the focal people: no organisation or role is a tuple


def brokers(
    G: nx.Graph,
    *,
    focal: str = "focal",
    wijk: str = "wijk",
    group: str = "organisation",
    role: str = "role",
    name: str = "name",
    top: int | None = 20,
    lang: str = "nl",
) -> pd.DataFrame:
    """The people whose ties join groups that would otherwise not meet, the strongest first.

    See the module docstring for the measures and the order.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; it is not changed.
    focal, wijk, group, role, name : str
        The node attributes that hold whether a person is focal (true or false), their wijk,
        their group (organisation), their role and their name. A missing attribute counts as
        empty; people are grouped by ``group``, else by ``role``.
    top : int or None
        At most this many rows (None: all).
    lang : ``nl`` or ``en``
        The language of the explanations (focal people are called by their role).

    Returns
    -------
    DataFrame
        ``person, role, betweenness, bridging_ties, explanation, name, wijk, organisation, ties,
        between_wijken, between_groups, local_bridges, bridges, sole_link_parents, sole_link_of,
        cut_off`` (``organisation`` holds the ``group`` attribute). ``betweenness`` is rounded
        to 6 decimals; ``sole_link_of`` lists the focal people whose only tie is this person,
        joined by ``;``.

    Raises
    ------
    UsageError
        For an unknown language.

    Notes
    -----
    Betweenness costs O(n m) for n people and m ties when exact, O(k m) with k sampled sources;
    the rest is linear in the size of the graph.

    Examples
    --------
    Zachary's karate club, with the members of Mr. Hi's club as the focal people:

    >>> G = nx.karate_club_graph()
    >>> nx.set_node_attributes(G, {v: c == "Mr. Hi" for v, c in G.nodes(data="club")}, "focal")
    >>> table = brokers(G, wijk="club", top=3)
    >>> table["person"].tolist(), table["betweenness"].tolist(), table["cut_off"].tolist()
    ([0, 33, 32], [0.437635, 0.304075, 0.145247], [6, 0, 0])
    """
    lang = check_lang(lang)
    people = _People(G, focal, wijk, group, role, name)
    nodes, graph = as_igraph(G)
    simple = graph.simplify(multiple=True, loops=True, combine_edges=None)
    betweenness = _betweenness(nodes, simple)
    a, b = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2).T
    flags = _tie_flags(people, graph, a, b)
    counts = {
        key: np.bincount(np.concatenate([a, b]), np.tile(flag, 2), len(nodes)).astype(int)
        for key, flag in flags.items()
    }
    cut_off = dict(zip(nodes, cut_off_counts(simple).tolist()))
    sole: dict[Hashable, list[Hashable]] = {}
    for person in G:
        if people.focal(person) and G.degree(person) == 1:
            sole.setdefault(next(iter(G[person])), []).append(person)
    table = pd.DataFrame(
        {
            "person": pd.Series(nodes, dtype=object),
            "betweenness": [round(float(betweenness[p]), 6) for p in nodes],
            "bridging_ties": counts.pop("bridging"),
            "sole_link_parents": [len(sole.get(p, ())) for p in nodes],
            **counts,
        }
    )
    table = table[(table[["betweenness", "bridging_ties", "sole_link_parents"]] != 0).any(axis=1)]
    table = table.sort_values(
        ["betweenness", "bridging_ties", "sole_link_parents", "person"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    table = table.head(top) if top is not None else table
    rows = [
        _broker_row(people, row, sorted(sole.get(row["person"], []), key=str), cut_off, lang)
        for row in table.to_dict("records")
    ]
    table = pd.DataFrame(rows, columns=_COLUMNS)
    table.attrs.update(kind="brokers", lang=lang)
    return table


def _tie_flags(
    people: _People, graph: igraph.Graph, a: np.ndarray, b: np.ndarray
) -> dict[str, np.ndarray]:
    """For every tie ``a[t] - b[t]`` (numbers of ``graph``): whether it joins two wijken, two
    groups, is a local bridge, a bridge, and any of the first three (``bridging``)."""
    wijken = people.codes("wijk")
    groups = people.codes("group")
    flags = {
        "between_wijken": (wijken[a] >= 0) & (wijken[b] >= 0) & (wijken[a] != wijken[b]),
        "between_groups": groups[a] != groups[b],
        "local_bridges": local_bridge_codes(graph.vcount(), tie_rows(people.G, a, b), a, b),
        "bridges": np.zeros(len(a), dtype=bool),
    }
    flags["bridges"][graph.bridges()] = True
    flags["bridging"] = flags["between_wijken"] | flags["between_groups"] | flags["local_bridges"]
    return flags


def betweenness_centrality(G: nx.Graph) -> dict[Hashable, float]:
    """Normalised betweenness of every node of ``G``, as :func:`brokers` measures it: the
    values of ``networkx.betweenness_centrality(G, k=k, seed=SEED)`` (``k`` =
    ``BETWEENNESS_SAMPLE`` sampled sources above ``BETWEENNESS_EXACT_UP_TO`` people, exact
    below), computed by igraph.

    Notes
    -----
    igraph counts the shortest paths of every unordered pair once (from the sampled sources
    too), networkx every ordered pair, so igraph's counts are doubled here before networkx's
    normalisation: by ``(n - 1)(n - 2)``, and when sampling by ``k (n - 2)``, or
    ``(k - 1)(n - 2)`` for the sampled sources themselves. The sources are the ones networkx
    draws (``random.Random(SEED).sample``). Ties between the same two people count once.

    Examples
    --------
    >>> betweenness_centrality(nx.path_graph(["a", "b", "c"]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    nodes, graph = as_igraph(G)
    return _betweenness(nodes, graph.simplify(multiple=True, loops=True, combine_edges=None))


def _betweenness(nodes: list[Hashable], graph: igraph.Graph) -> dict[Hashable, float]:
    """:func:`betweenness_centrality` of the simple ``graph`` on the numbers of ``nodes``."""
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    if n <= BETWEENNESS_EXACT_UP_TO:
        counts = 2 * np.asarray(graph.betweenness(directed=False), dtype=float)
        return dict(zip(nodes, (counts / ((n - 1) * (n - 2))).tolist()))
    k = BETWEENNESS_SAMPLE
    code = {node: number for number, node in enumerate(nodes)}
    sources = [code[node] for node in random.Random(SEED).sample(nodes, k)]
    counts = 2 * np.asarray(graph.betweenness(directed=False, sources=sources), dtype=float)
    scale = np.full(n, 1 / (k * (n - 2)))
    scale[sources] = 1 / ((k - 1) * (n - 2))
    return dict(zip(nodes, (counts * scale).tolist()))


def village_brokers(
    net: LadderNetwork,
    *,
    as_of: object = None,
    top: int | None = 20,
    status: pd.DataFrame | None = None,
    anonymize: bool = False,
    lang: str = "nl",
) -> pd.DataFrame:
    """:func:`brokers` of the network as far as it has grown by ``as_of`` (any day after the
    last contact too), without the people who have left by then (moved or withdrew consent,
    by ``status``: see :data:`~contactladder.analysis.village.STATUSES`), with an ``as_of``
    column. ``anonymize``: people by their anonymous label (as on the maps) in a ``label``
    column, in place of ``person`` and ``name``, and in the explanations.

    Raises
    ------
    UsageError
        For a date before the data or an unknown language.

    Examples
    --------
    >>> from contactladder.loading.dataset import Dataset
    >>> from contactladder.ladder import Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10"] * 3),
    ...     "person_a": ["a", "b", "c"], "person_b": ["b", "c", "d"], "rung": 2, "activity": "",
    ...     "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "",
    ...     "wijk": ["Dieze", "Dieze", "Zuid", "Zuid"], "joined": pd.NaT}, index=list("abcd"))
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> table = village_brokers(net)
    >>> table[["person", "betweenness", "between_wijken", "bridges", "cut_off"]].values.tolist()
    [['b', 0.666667, 1, 2, 1], ['c', 0.666667, 1, 2, 1], ['a', 0.0, 0, 1, 0], ['d', 0.0, 0, 1, 0]]
    >>> moved = pd.DataFrame({"person": ["b"], "status": ["moved"], "since": pd.NaT})
    >>> village_brokers(net, as_of="2024-03-01", status=moved)[["person", "as_of"]].values.tolist()
    [['c', '2024-03-01'], ['d', '2024-03-01']]
    """
    lang = check_lang(lang)
    village = Village.of(net, as_of, status=status, anonymize=anonymize, lang=lang)
    left = {p for p in village.graph if village.status_of(p) in LEFT}
    # A plain copy without them: the measures run much faster on it than on a filtered view.
    graph = village.graph.subgraph(p for p in village.graph if p not in left)
    graph = graph.copy() if left else village.graph
    if anonymize:
        graph = nx.relabel_nodes(graph, {p: village.name(p) for p in graph})
        nx.set_node_attributes(graph, "", "name")
    table = brokers(graph, top=top, lang=lang)
    if anonymize:
        table = table.rename(columns={"person": "label"}).drop(columns=["name", "sole_link_of"])
    table["as_of"] = iso_day(village.day)
    table.attrs.update(as_of=iso_day(village.day))
    return table


class _People:
    """The node attributes :func:`brokers` reads, by the names the caller gave."""

    def __init__(
        self, G: nx.Graph, focal: str, wijk: str, group: str, role: str, name: str
    ) -> None:
        self.G, self.attributes = (
            G,
            {"focal": focal, "wijk": wijk, "group": group, "role": role, "name": name},
        )
        self.data = dict(G.nodes(data=True))  # each lookup through G.nodes costs a view
        self.focal_roles = sorted({self.text(v, "role") for v in G if self.focal(v)})

    def text(self, person: Hashable, what: str) -> str:
        return attribute_text(self.data[person].get(self.attributes[what]))

    def focal(self, person: Hashable) -> bool:
        return bool(self.data[person].get(self.attributes["focal"]))

    def group(self, person: Hashable) -> str | tuple[str]:
        """Focal people form one group; the others are grouped by organisation, else role."""
        if self.focal(person):
            return _FOCAL_GROUP
        return self.text(person, "group") or self.text(person, "role") or "?"

    def codes(self, what: str) -> np.ndarray:
        """Every node's wijk (``what="wijk"``, -1 when empty) or :meth:`group` as a code, in
        the graph's order."""
        values: list[object] = [
            self.group(v) if what == "group" else self.text(v, what) for v in self.G
        ]
        if what == "wijk":
            values = [value or None for value in values]
        return pd.factorize(pd.Series(values, dtype=object))[0].astype(np.int64)

    def label(self, person: Hashable) -> str:
        """The person's name and id, "Anna de Vries (p012)", or the id when there is no name."""
        name = self.text(person, "name")
        return f"{name} ({person})" if name else str(person)


def _broker_row(
    people: _People, row: dict[str, Any], sole: list[Hashable], cut_off: dict, lang: str
) -> dict[str, Any]:
    """The whole row of one broker, from the counts in ``row``: who their ties reach and why
    they matter, in words."""
    G, person = people.G, row["person"]
    wijk, group = people.text(person, "wijk"), people.group(person)
    other_wijken: set[str] = set()
    other_groups: set[str | tuple[str]] = set()
    for other in G[person]:
        their_wijk, their_group = people.text(other, "wijk"), people.group(other)
        if wijk and their_wijk and their_wijk != wijk:
            other_wijken.add(their_wijk)
        if their_group != group:
            other_groups.add(their_group)
    counts = {key: int(row[key]) for key in ("between_wijken", "between_groups")}
    counts |= {key: int(row[key]) for key in ("local_bridges", "bridges")}
    groups = [
        role_people(people.focal_roles, lang) if g == _FOCAL_GROUP else str(g) for g in other_groups
    ]
    explanation = broker_explanation(
        lang,
        betweenness=row["betweenness"],
        counts=counts,
        other_wijken=other_wijken,
        other_groups=groups,
        sole=[people.label(p) for p in sole],
        focal_roles=people.focal_roles,
        cut_off=cut_off[person],
    )
    return {
        "person": person,
        "role": people.text(person, "role"),
        "betweenness": row["betweenness"],
        "bridging_ties": int(row["bridging_ties"]),
        "explanation": explanation,
        "name": people.text(person, "name"),
        "wijk": wijk,
        "organisation": people.text(person, "group"),
        "ties": G.degree(person),
        **counts,
        "sole_link_parents": len(sole),
        "sole_link_of": LIST_SEPARATOR.join(map(str, sole)),
        "cut_off": cut_off[person],
    }
