"""How far the village has been woven: the stage of network weaving of a network, and of each
wijk period by period.

Krebs and Holley (*Building Smart Communities through Network Weaving*, 2002–2006) describe
four stages a community network goes through as a network weaver works on it:

1. **scattered fragments** (``fragments``): small clusters that do not reach each other;
2. **a single hub and spokes** (``hub_and_spoke``): the weaver (often a professional) links
   the clusters, and the network hangs on that one person;
3. **multi-hub** (``multi_hub``): several people have become hubs; the clusters are linked
   through more than one person;
4. **core and periphery** (``core_periphery``): a dense core of people who know each other
   well, the focal people among them tied to each other directly, with a periphery around it.

The stage is read from measures of the network of the focal people (parents, by default) with
the professionals and everyone else who is not focal, counting the ties from a rung up
(``min_rung``; per wijk, by default every rung above the lowest, which is what meeting at the
same session counts as). A *focal pair* is two focal people; a pair is *connected* when a path
joins them. Every share is ``None`` (empty) when it is over zero.

=================  ===============================================================================
measure            definition
=================  ===============================================================================
focal_people       the focal people in the network (node attribute ``role`` equal to ``focal``)
components         connected components that hold at least one focal person (one alone counts)
largest_share      the share of the focal people in the *largest component*: the component with
                   the most focal people (ties broken by more people, then by the first id as text)
hub_dependence     of the focal pairs that are connected, the share whose every path passes
                   through someone who is not focal: pairs connected in the network but not in
                   the network of the focal people alone
hubs               people of the largest component with at least ``HUB_MIN_DEGREE`` ties and at
                   least ``HUB_FACTOR`` times the median number of ties there
core_k             the highest k for which the network has a k-core (a group in which everyone
                   has at least k ties within the group); 0 without ties
core_share         the share of the focal people in the ``CORE_K``-core (core number >= CORE_K)
=================  ===============================================================================

The stage is the first of these that holds (the thresholds are the module's constants):

==================  ===========================================================================
stage               rule
==================  ===========================================================================
fragments           fewer than two focal people, or largest_share <= ``CONNECTED_SHARE`` (0.5):
                    no component holds more than half of the focal people
core_periphery      core_share >= ``CORE_SHARE`` (0.25) and hub_dependence <=
                    ``CORE_HUB_DEPENDENCE`` (0.5): a quarter of the focal people sit in a
                    3-core, and most connected focal pairs reach each other without
                    professionals
multi_hub           hubs >= 2
hub_and_spoke       hubs = 1
fragments           otherwise: no hub and no core, only a small cluster or a chain that no one
                    holds together yet
==================  ===========================================================================

When there is more than one focal person and the largest component holds more than half of
them, it holds at least two, so hub_dependence is defined in every stage but ``fragments``.

:func:`weaving_stage` takes any networkx graph, :func:`measure` the same network as arrays;
:func:`~contactladder.analysis.weaving_wijken.weaving_stages` gives the stage of each wijk,
period by period, of a ladder network. The stage names people read are in the catalogue
(``words/weaving.toml``, :func:`stage_words`); the tables hold the stable keys of
:data:`STAGES`.

Examples
--------
A professional with five parents around her, two of whom also know each other:

>>> import networkx as nx
>>> G = nx.star_graph(5)
>>> G.add_edge(1, 2)
>>> nx.set_node_attributes(G, "parent", "role")
>>> G.nodes[0]["role"] = "professional"
>>> found = weaving_stage(G)
>>> found.stage, found.largest_share, found.hub_dependence, found.hubs
('hub_and_spoke', 1.0, 0.9, 1)
>>> stage_words(found.stage, lang="nl")[0], stage_words("core_periphery", lang="en")[0]
('één spin in het web', 'core and periphery')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import igraph
import networkx as nx
import numpy as np

from contactladder.analysis.weaver_sentences import role_people
from contactladder.errors import UsageError
from contactladder.words import words

__all__ = [
    "STAGES",
    "CONNECTED_SHARE",
    "CORE_K",
    "CORE_SHARE",
    "CORE_HUB_DEPENDENCE",
    "HUB_MIN_DEGREE",
    "HUB_FACTOR",
    "WeavingStage",
    "weaving_stage",
    "measure",
    "TieArrays",
    "stage_words",
]

#: The stages, from the least to the most woven.
STAGES = ("fragments", "hub_and_spoke", "multi_hub", "core_periphery")
#: Up to this share of the focal people in the largest component, the network is fragments.
CONNECTED_SHARE = 0.5
#: The core is the k-core with this k: everyone in it has at least this many ties within it.
CORE_K = 3
#: From this share of the focal people in the core on, the network can be core and periphery.
CORE_SHARE = 0.25
#: ... provided that at most this share of the connected focal pairs depends on others.
CORE_HUB_DEPENDENCE = 0.5
#: A hub has at least this many ties ...
HUB_MIN_DEGREE = 4
#: ... and at least this many times the median number of ties in the largest component.
HUB_FACTOR = 2


@dataclass(frozen=True)
class WeavingStage:
    """The stage of network weaving of one network and the measures it was decided from (see
    the module docstring for each definition)."""

    stage: str
    focal_people: int
    components: int
    largest_share: float | None
    hub_dependence: float | None
    hubs: int
    core_k: int
    core_share: float | None


@nx.utils.not_implemented_for("directed")
def weaving_stage(
    G: nx.Graph,
    *,
    focal: str = "parent",
    role: str = "role",
    min_rung: int | None = None,
    rung: str = "rung",
) -> WeavingStage:
    """The stage of network weaving of ``G`` and its measures (see the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        Undirected; it is not changed. Self-loops are ignored.
    focal : str
        The role of the people whose network is woven.
    role : str
        The node attribute that holds each person's role.
    min_rung : int, optional
        Count only the ties whose ``rung`` attribute is at least this level (a tie without one
        does not count); None: every tie.
    rung : str
        The edge attribute that holds each tie's rung.

    Returns
    -------
    WeavingStage
        ``stage`` (one of :data:`STAGES`) and the measures; shares rounded to 6 decimals.

    Raises
    ------
    networkx.NetworkXNotImplemented
        For a directed graph: the stage is read from undirected ties.

    Notes
    -----
    Every measure takes O(n + m) time for n people and m ties: the focal pairs are counted per
    component (a component with f focal people holds f (f - 1) / 2 connected pairs), once in
    the whole network and once in the network of the focal people alone, whose components lie
    inside those of the whole; the cores come from :func:`networkx.core_number`.

    Examples
    --------
    Two groups of three parents who do not know each other: fragments.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("d", "e"), ("e", "f")])
    >>> nx.set_node_attributes(G, "parent", "role")
    >>> found = weaving_stage(G)
    >>> found.stage, found.components, found.largest_share, found.hub_dependence
    ('fragments', 2, 0.5, 0.0)
    >>> weaving_stage(nx.Graph()).largest_share is None
    True
    """
    people = list(G)
    is_focal = np.array([value == focal for _, value in G.nodes(data=role)], dtype=bool)
    ties = TieArrays.of(G, people, rung)
    return measure(people, is_focal, ties.counted(min_rung))


@dataclass(frozen=True)
class TieArrays:
    """A graph's ties as positions of its people, with their rungs (None: no rung)."""

    a: np.ndarray
    b: np.ndarray
    rung: list

    @classmethod
    def of(cls, G: nx.Graph, people: list, rung: str) -> TieArrays:
        place = {person: number for number, person in enumerate(people)}
        edges = list(G.edges(data=rung))
        a = np.array([place[u] for u, _, _ in edges], dtype=np.int64)
        b = np.array([place[v] for _, v, _ in edges], dtype=np.int64)
        return cls(a, b, [level for _, _, level in edges])

    def counted(self, min_rung: int | None, keep: np.ndarray | None = None) -> tuple:
        """The ties that count (no self-loops; with ``min_rung`` none below it), both ends in
        ``keep`` (a mask of the people) when given, as two arrays of positions."""
        counts = self.a != self.b
        if min_rung is not None:
            counts &= np.array([r is not None and r >= min_rung for r in self.rung], dtype=bool)
        if keep is not None:
            counts &= keep[self.a] & keep[self.b]
        return self.a[counts], self.b[counts]


def measure(people: Sequence | np.ndarray, is_focal: np.ndarray, ties: tuple) -> WeavingStage:
    """The measures and stage of the network of ``people`` (ids, a list or an array;
    ``is_focal``: which are focal) and ``ties`` (two arrays of positions, the ties that
    count)."""
    graph = igraph.Graph(n=len(people), edges=np.column_stack(ties).tolist())
    # The membership lists of igraph's base class: its clusterings walk them again in Python.
    component = np.asarray(igraph.GraphBase.connected_components(graph), dtype=np.int64)
    size = np.bincount(component, minlength=1)
    focal_in = np.bincount(component, weights=is_focal, minlength=1).astype(np.int64)
    woven = np.flatnonzero(focal_in > 0)  # the components with focal people
    focal_ids = np.flatnonzero(is_focal)
    # The sizes of the components of the focal people among themselves (the others left out).
    peer_sizes = np.bincount(
        igraph.GraphBase.connected_components(graph.induced_subgraph(focal_ids.tolist()))
    )
    cores = np.asarray(graph.coreness(), dtype=np.int64)
    largest = _largest(people, component, size, focal_in, woven)
    connected_pairs = _pairs(focal_in[woven])
    found = WeavingStage(
        stage="",
        focal_people=len(focal_ids),
        components=len(woven),
        largest_share=_share(int(focal_in[largest]) if woven.size else 0, len(focal_ids)),
        hub_dependence=_share(connected_pairs - _pairs(peer_sizes), connected_pairs),
        hubs=_hubs(np.asarray(graph.degree())[component == largest] if woven.size else []),
        core_k=int(cores.max(initial=0)),
        core_share=_share(int((cores[focal_ids] >= CORE_K).sum()), len(focal_ids)),
    )
    return replace(found, stage=_stage(found))


def _largest(people: Sequence | np.ndarray, component, size, focal_in, woven) -> int:
    """The largest component with focal people: most focal people, then most people, then
    the one whose first id (as text) comes first."""
    if not woven.size:
        return -1
    best = woven[(focal_in[woven] == focal_in[woven].max())]
    best = best[size[best] == size[best].max()]
    if len(best) == 1:
        return int(best[0])
    first = {int(c): min(str(people[int(i)]) for i in np.flatnonzero(component == c)) for c in best}
    return min(first, key=first.__getitem__)


def _stage(found: WeavingStage) -> str:
    """The first stage whose rule holds for these measures (see the module docstring)."""
    largest, dependence, core = found.largest_share, found.hub_dependence, found.core_share
    if found.focal_people < 2 or largest is None or largest <= CONNECTED_SHARE:
        return "fragments"
    woven = dependence is not None and dependence <= CORE_HUB_DEPENDENCE
    if core is not None and core >= CORE_SHARE and woven:
        return "core_periphery"
    if found.hubs >= 2:
        return "multi_hub"
    return "hub_and_spoke" if found.hubs == 1 else "fragments"


def _pairs(sizes: np.ndarray) -> int:
    """The pairs within groups of these ``sizes``, in all.

    >>> _pairs(np.array([3, 1, 2]))
    4
    """
    sizes = np.asarray(sizes, dtype=np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


def _hubs(degrees) -> int:
    """The hubs among people of these ``degrees``: at least HUB_MIN_DEGREE ties and
    HUB_FACTOR x the median.

    >>> _hubs([1, 1, 1, 1, 9, 10]), _hubs([])
    (2, 0)
    """
    degrees = np.asarray(degrees, dtype=np.int64)
    if not len(degrees):
        return 0
    least = max(HUB_MIN_DEGREE, HUB_FACTOR * float(np.median(degrees)))
    return int((degrees >= least).sum())


def stage_words(stage: str, *, focal: str = "parent", lang: str = "nl") -> tuple[str, str]:
    """The name of a stage for people to read, and what it means in a sentence that calls the
    focal people by their role, from the catalogue (``words/weaving.toml``).

    Raises
    ------
    UsageError
        For a stage that is not one of :data:`STAGES`, or an unknown language.

    >>> stage_words("fragments", lang="en")
    ('scattered fragments', 'The parents form small clusters that do not reach each other yet.')
    """
    if stage not in STAGES:
        raise UsageError("unknown weaving stage", value=stage, hint="use " + ", ".join(STAGES))
    w = words(lang)
    sentence = w[f"weaving.{stage}_explained"].format(people=role_people([focal], lang))
    return w[f"weaving.{stage}"], sentence
