"""The stage of network weaving of each wijk of a ladder network, period by period.

A wijk's network (:func:`wijk_graph`) is its people and the people without a wijk who are not
focal (professionals working across wijken) and are tied to someone of it. Its stage and
measures are those of :mod:`contactladder.analysis.weaving_stage`, taken at the end of each
period; each period's people and ties are read once into arrays and each wijk's network
chosen on them.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> table = weaving_stages(LadderNetwork.from_path("data/zwolle-demo"), freq="quarter")
>>> table.columns[:3].tolist(), sorted(set(table["wijk"]))
(['period', 'wijk', 'weaving_stage'], ['Dieze', 'Stadshagen', 'Zwolle-Zuid'])
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import asdict

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.analysis.weaving_stage import TieArrays, measure
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import attribute_text

__all__ = ["weaving_stages", "wijk_graph", "in_wijk", "MEASURES"]

#: The measures of a stage, the columns after ``weaving_stage``.
MEASURES = [
    "focal_people",
    "components",
    "largest_share",
    "hub_dependence",
    "hubs",
    "core_k",
    "core_share",
]


def wijk_graph(
    G: nx.Graph, wijk: str, *, focal: str = "parent", role: str = "role", attribute: str = "wijk"
) -> nx.Graph:
    """The part of ``G`` that makes up one wijk: its people, and the people without a wijk
    who are not focal (professionals working across wijken) and are tied to someone of it.

    Returns a subgraph view (``G`` is not changed). A focal person without a wijk belongs to
    no wijk.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "p"), ("p", "c"), ("q", "r")])
    >>> wijken = {"a": "Dieze", "b": "Dieze", "c": "Zuid", "p": "", "q": "", "r": ""}
    >>> nx.set_node_attributes(G, wijken, "wijk")
    >>> nx.set_node_attributes(G, "professional", "role")
    >>> nx.set_node_attributes(G, {"a": "parent", "b": "parent", "c": "parent"}, "role")
    >>> sorted(wijk_graph(G, "Dieze")), sorted(wijk_graph(G, "Zuid"))
    (['a', 'b', 'p'], ['c', 'p'])
    """
    members = {v for v, value in G.nodes(data=attribute) if attribute_text(value) == wijk}
    return G.subgraph(members | set(_linked_outsiders(G, members, focal, role, attribute)))


def _linked_outsiders(
    G: nx.Graph, members: set, focal: str, role: str, attribute: str
) -> Iterable[Hashable]:
    """The people without a wijk and not focal who are tied to one of ``members``."""
    for person in members:
        for other in G[person]:
            data = G.nodes[other]
            if not attribute_text(data.get(attribute)) and data.get(role) != focal:
                yield other


def in_wijk(wijk: str, wijk_of: np.ndarray, is_focal: np.ndarray, ties: TieArrays) -> np.ndarray:
    """Which people make up the wijk's network, as :func:`wijk_graph` takes them: its people,
    and the people without a wijk and not focal who have a tie (of any rung) with one of them."""
    member = wijk_of == wijk
    outsider = (wijk_of == "") & ~is_focal
    keep = member.copy()
    keep[ties.b[member[ties.a] & outsider[ties.b]]] = True
    keep[ties.a[member[ties.b] & outsider[ties.a]]] = True
    return keep


def weaving_stages(
    net: LadderNetwork, *, freq: str = "month", view: str = "reached", min_rung: object = None
) -> pd.DataFrame:
    """The stage of network weaving of each wijk, period by period (see the module docstring).

    Each wijk's network (:func:`wijk_graph`) is taken from the network at the end of each
    period in ``view`` (see :meth:`LadderNetwork.periods
    <contactladder.network.LadderNetwork.periods>`), with the network's focal role, counting
    the ties from ``min_rung`` up.

    Parameters
    ----------
    net : LadderNetwork
    freq : {"day", "week", "month", "quarter", "year"}
    view : str
        A view of :meth:`LadderNetwork.periods <contactladder.network.LadderNetwork.periods>`.
    min_rung : level, key or label, optional
        The lowest rung of the ties that count. By default the rung above the lowest: the
        lowest is what meeting at the same session counts as, and a village is not woven of
        faces seen at an activity (on a ladder of one rung, that rung).

    Returns
    -------
    DataFrame
        ``period, wijk, weaving_stage`` (a key of :data:`STAGES`) and the measures
        ``focal_people, components, largest_share, hub_dependence, hubs, core_k, core_share``;
        one row per period and wijk, in period order, wijken sorted. Without any wijk in the
        data: one row per period for the whole network, with an empty ``wijk``. ``attrs``
        hold ``freq``, ``view`` and ``min_rung`` (the level).

    Raises
    ------
    UsageError
        For an unknown period or view.
    BadValueError
        For a ``min_rung`` that is not on the ladder.

    Examples
    --------
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading import Dataset

    Two parents know each other in January; in February a professional meets all four:

    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"] + ["2024-02-09"] * 4),
    ...     "person_a": ["a", "p", "p", "p", "p"], "person_b": ["b", "a", "b", "c", "d"],
    ...     "rung": 2, "activity": "", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": ["parent"] * 4 + ["professional"], "name": "",
    ...     "organisation": "", "wijk": ["Dieze"] * 4 + [""], "joined": pd.NaT},
    ...     index=pd.Index(["a", "b", "c", "d", "p"], name="id"))
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
    >>> table = weaving_stages(net)
    >>> table[["period", "wijk", "weaving_stage", "largest_share", "hubs"]].values.tolist()
    [['2024-01', 'Dieze', 'fragments', 0.5, 0], ['2024-02', 'Dieze', 'hub_and_spoke', 1.0, 1]]
    """
    ladder = net.ladder
    level = ladder.parse(min_rung).level if min_rung is not None else min(2, len(ladder))
    wijken = net.wijken() or [""]
    rows = []
    for step in net.periods(freq, view=view):
        assert step.graph is not None, "a walk with graph=True always has a graph"
        people = list(step.graph)
        nodes = step.graph.nodes
        is_focal = np.array([nodes[p].get("role") == net.focal for p in people], dtype=bool)
        wijk_of = np.array([attribute_text(nodes[p].get("wijk")) for p in people], dtype=object)
        ties = TieArrays.of(step.graph, people, "rung")
        for wijk in wijken:
            keep = in_wijk(wijk, wijk_of, is_focal, ties) if wijk else None
            chosen = np.flatnonzero(keep) if keep is not None else np.arange(len(people))
            place = np.full(len(people), -1, dtype=np.int64)
            place[chosen] = np.arange(len(chosen))
            a, b = ties.counted(level, keep)
            found = asdict(
                measure([people[i] for i in chosen], is_focal[chosen], (place[a], place[b]))
            )
            rows.append({"period": step.label, "wijk": wijk, "weaving_stage": found.pop("stage")})
            rows[-1].update(found)
    table = pd.DataFrame(rows, columns=["period", "wijk", "weaving_stage", *MEASURES])
    table.attrs.update(kind="weaving_stages", freq=freq, view=view, min_rung=level)
    return table
