"""A network whose snapshot of the whole history is built once: the report's maps and
timeline share it.

A report draws the village at a few moments and the timeline of the whole history; each of
those asks the network for its snapshot at the end of the data (the layout of the whole
history), and the map of a moment for the snapshot at that moment (the last one: the end of
the data again). :class:`SharedSnapshots` answers every question as the network does, and
builds the snapshot of the end of the data once: a second call for that moment (the same
:meth:`~contactladder.network.LadderNetwork.cutoff`, so ``as_of`` the data's last day and None
share it) gives the first call's graph. Snapshots of earlier moments are built per call (each
is asked for once). The graph is shared, not copied: the report's readers only read it (the map
payloads "never change an input").

:func:`shared_snapshots` hands out such a network for a ``with`` block and empties every graph
it built when the block ends: a networkx graph refers to itself (through its views), so with
the cyclic garbage collector paused, as a job runs, a graph let go would stay in memory until
the job ends and then cost the collector a walk over its millions of dicts. Emptied, its
contents are freed at once.

:func:`layout_once` lays out one graph once: the maps and the timeline lay out the same final
snapshot, and a second call with that very graph gives the first result without reading the
graph again.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = SharedSnapshots(LadderNetwork.from_path("data/zwolle-demo"))
>>> net.snapshot() is net.snapshot(net.end.date()), net.name
(True, 'zwolle-demo')
>>> net.snapshot("2024-06-30") is net.snapshot("2024-06-30")
False
>>> final = net.snapshot()
>>> net.release()
>>> len(final), net.snapshot() is final
(0, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

import networkx as nx

from contactladder.network import LadderNetwork

__all__ = ["SharedSnapshots", "shared_snapshots", "layout_once"]


class SharedSnapshots:
    """``net``, its snapshot of the end of the data built once (see the module); every other
    attribute and method is the network's own."""

    def __init__(self, net: LadderNetwork) -> None:
        self._net = net
        self._final: dict[bool, nx.Graph] = {}
        self._built: list[nx.Graph] = []

    def snapshot(
        self, as_of: object = None, *, open_end: bool = False, portable: bool = False
    ) -> nx.Graph:
        """:meth:`LadderNetwork.snapshot`; at the end of the data the graph of the first call."""
        final = self._net.cutoff(as_of, open_end=open_end) == self._net.cutoff()
        if final and portable in self._final:
            return self._final[portable]
        graph = self._net.snapshot(as_of, open_end=open_end, portable=portable)
        self._built.append(graph)
        if final:
            self._final[portable] = graph
        return graph

    def release(self) -> None:
        """Empty every graph built here (its readers are done with it), so that its people and
        ties are freed now; a later call builds anew."""
        for graph in self._built:
            graph.clear()
        self._built.clear()
        self._final.clear()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._net, name)

    def __repr__(self) -> str:
        return repr(self._net)


@contextmanager
def shared_snapshots(net: LadderNetwork) -> Iterator[LadderNetwork]:
    """``net`` as a :class:`SharedSnapshots`, to be passed where a network is asked for
    inside the ``with`` block; every graph it built is emptied when the block ends.

    >>> from contactladder.network import LadderNetwork
    >>> with shared_snapshots(LadderNetwork.from_path("data/zwolle-demo")) as net:
    ...     final = net.snapshot()
    ...     final is net.snapshot(), len(final) > 0
    (True, True)
    >>> len(final)
    0
    """
    shared = SharedSnapshots(net)
    try:
        yield cast(LadderNetwork, shared)
    finally:
        shared.release()


def layout_once(layout: Callable[[nx.Graph], Any]) -> Callable[[nx.Graph], Any]:
    """``layout``, giving its first result again for the very same graph (``is``).

    >>> calls = []
    >>> once = layout_once(lambda G: calls.append(G) or len(calls))
    >>> G = nx.path_graph(3)
    >>> once(G), once(G), once(nx.path_graph(3)), len(calls)
    (1, 1, 2, 2)
    """
    done: list[tuple[nx.Graph, Any]] = []

    def once(G: nx.Graph) -> Any:
        for graph, result in done:
            if graph is G:
                return result
        result = layout(G)
        done.append((G, result))
        return result

    return once
