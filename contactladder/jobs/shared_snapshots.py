"""A network whose snapshots are built once per moment: the report's maps and timeline, and
the conversation sheet and its picture, share them.

A report draws the village at a few moments and the timeline of the whole history; each of
those asks the network for its snapshot at the end of the data (the layout of the whole
history), and the map of a moment for the snapshot at that moment (the last one: the end of
the data again). A conversation sheet asks for the village of its day, and its picture for the
same snapshot and that of the end of the data. :class:`SharedSnapshots` answers every question
as the network does, and builds the snapshot of each moment once: a second call for a moment
(the same :meth:`~contactladder.network.LadderNetwork.cutoff`, so ``as_of`` the data's last day
and None share it) gives the first call's graph. The graph is shared, not copied: its readers
only read it (the map payloads and the village "never change an input").

:func:`shared_snapshots` hands out such a network for a ``with`` block and empties every graph
it built when the block ends: a networkx graph refers to itself (through its views), so with
the cyclic garbage collector paused, as a job runs, a graph let go would stay in memory until
the job ends and then cost the collector a walk over its millions of dicts. Emptied, its
contents are freed at once.

:func:`layout_once` lays out one graph once: the maps and the timeline lay out the same final
snapshot, and a second call with that very graph (or network) gives the first result without
reading the graph again.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = SharedSnapshots(LadderNetwork.from_path("data/zwolle-demo"))
>>> net.snapshot() is net.snapshot(net.end.date()), net.name
(True, 'zwolle-demo')
>>> net.snapshot("2024-06-30") is net.snapshot("2024-06-30", open_end=True)
True
>>> net.snapshot("2099-01-01", open_end=True) is net.snapshot()
True
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
from contactladder.render.network_map import history_layout

__all__ = ["SharedSnapshots", "shared_snapshots", "layout_once", "LayoutOnce"]


class SharedSnapshots:
    """``net``, its snapshot of each moment built once (see the module); every other attribute
    and method is the network's own."""

    def __init__(self, net: LadderNetwork) -> None:
        self._net = net
        self._built: dict[tuple, nx.Graph] = {}

    def snapshot(
        self, as_of: object = None, *, open_end: bool = False, portable: bool = False
    ) -> nx.Graph:
        """:meth:`LadderNetwork.snapshot`; for a moment asked for before, the graph of the first
        call. A moment after the last contact (a day the weaver measures from) is the end of
        the data when no one became present between the two: the same people, every tie."""
        cutoff, end = self._net.cutoff(as_of, open_end=open_end), self._net.cutoff()
        if cutoff > self._net.end:
            low, high = sorted((cutoff, end))
            present_from = self._net.present_from
            if not ((present_from >= low) & (present_from < high)).any():
                cutoff = end
        key = (cutoff, portable)
        if key not in self._built:
            self._built[key] = self._net.snapshot(as_of, open_end=open_end, portable=portable)
        return self._built[key]

    def release(self) -> None:
        """Empty every graph built here (its readers are done with it), so that its people and
        ties are freed now; a later call builds anew."""
        for graph in self._built.values():
            graph.clear()
        self._built.clear()

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


def layout_once(layout: Callable[[nx.Graph], Any]) -> LayoutOnce:
    """``layout``, giving its first result again for the very same graph (``is``), or for the
    very same network (:meth:`LayoutOnce.of_network`).

    >>> calls = []
    >>> once = layout_once(lambda G: calls.append(G) or len(calls))
    >>> G = nx.path_graph(3)
    >>> once(G), once(G), once(nx.path_graph(3)), len(calls)
    (1, 1, 2, 2)
    """
    return LayoutOnce(layout)


class LayoutOnce:
    """What :func:`layout_once` gives: ``layout`` called once per graph, or per network."""

    def __init__(self, layout: Callable[[nx.Graph], Any]) -> None:
        self._layout = layout
        self._done: list[tuple[object, Any]] = []

    def __call__(self, G: nx.Graph) -> Any:
        return self._once(G, lambda: self._layout(G))

    def of_network(self, net: LadderNetwork, final: nx.Graph | None = None) -> Any:
        """:func:`~contactladder.render.network_map.history_layout` of ``net`` by ``layout``
        (without building the snapshot of the end of the data where ``layout`` can)."""
        return self._once(net, lambda: history_layout(net, self._layout, final))

    def _once(self, key: object, compute: Callable[[], Any]) -> Any:
        for done, result in self._done:
            if done is key:
                return result
        result = compute()
        self._done.append((key, result))
        return result
