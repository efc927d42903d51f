"""The layout cache: a map's positions kept beside the data, so that a second map or timeline
of the same data does not lay out again.

The positions of a map (:func:`~contactladder.render.layout.layout_areas` of everyone in the
data) depend only on the people, their wijken, the ties among them and the layout's keywords;
:func:`~contactladder.render.layout.layout_digest` sums those up. :func:`cached_layout` keeps
the positions in :data:`CACHE_FILE` with that digest, and uses them again only when the digest
is the same: changed data give a new layout, never stale positions. :class:`CachedLayout`, the
layout of the jobs, finds the digest of a network from its tables
(:func:`~contactladder.render.layout.network_layout_key`): a map of an earlier day, or a
conversation sheet's picture, then does not build the network of the end of the data at all.

Where it lives. The positions are listed in the order of the people's ids, so the file tells
who is where on an anonymised map: it is personal data. It is therefore written beside the
data (the folder that holds the contacts and the private key), never into the output folder
that is shared; readable by its owner only (``0600``); its name and its first bytes say that it
holds personal data. It is written whole or not at all; a file that cannot be read, or is not
a layout cache, is ignored and written again; a folder that cannot be written to only means
no cache.

Examples
--------
>>> import networkx as nx, tempfile, pathlib
>>> G = nx.Graph([("a", "b"), ("b", "c")])
>>> with tempfile.TemporaryDirectory() as folder:
...     first = cached_layout(G, folder)
...     again = cached_layout(G, folder)
...     (pathlib.Path(folder) / CACHE_FILE).stat().st_mode & 0o777 == 0o600, first == again
(True, True)
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contactladder.errors import ContactLadderError
from contactladder.io.files import write_text
from contactladder.jobs.common import Source
from contactladder.privacy import personal_data_notice
from contactladder.render.layout import (
    layout_areas,
    layout_digest,
    layout_order,
    network_layout_key,
)

if TYPE_CHECKING:
    import networkx as nx

    from contactladder.network import LadderNetwork

__all__ = ["CACHE_FILE", "cached_layout", "CachedLayout", "layout_for", "cache_folder"]

#: The cache's file name, in the data folder: it says what it holds.
CACHE_FILE = ".contactladder-layout.personal-data.json"
# What the file says it is; a file without it is not a layout cache.
_KIND = "contactladder layout cache"

Layout = tuple[dict[Hashable, tuple[float, float]], dict[str, tuple[float, float, float]]]


def cached_layout(G: nx.Graph, folder: str | Path, **options: Any) -> Layout:
    """:func:`~contactladder.render.layout.layout_areas` of ``G`` (with ``options``), read
    from the cache in ``folder`` when it holds the layout of the same input, else computed and
    written there (whole, ``0600``)."""
    key = (layout_digest(G, **options), layout_order(G))
    return _cached(Path(folder) / CACHE_FILE, key, lambda: G, options)


class CachedLayout:
    """The layout of a map of the data, kept in the cache in ``folder``: called with the graph
    of the whole history (:func:`cached_layout`), or asked for that of a network
    (:meth:`of_network`), which builds the graph only when the cache does not hold it.

    >>> from contactladder.network import LadderNetwork
    >>> import tempfile
    >>> net = LadderNetwork.from_path("data/zwolle-demo")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     layout = CachedLayout(folder)
    ...     layout.of_network(net) == layout(net.snapshot()) == layout.of_network(net)
    True
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def __call__(self, G: nx.Graph) -> Layout:
        return cached_layout(G, self.folder)

    def of_network(self, net: LadderNetwork, final: nx.Graph | None = None) -> Layout:
        """The layout of ``net`` at the end of its data (its snapshot there: ``final`` when
        the caller has it), from the cache when it holds that of the same people, wijken and
        ties (:func:`~contactladder.render.layout.network_layout_key`)."""
        whole = (lambda: final) if final is not None else net.snapshot
        return _cached(self.folder / CACHE_FILE, network_layout_key(net), whole, {})


def layout_for(folder: str | Path | None) -> Callable[[nx.Graph], Layout]:
    """The layout function a map or timeline of the data uses: cached in ``folder``
    (:class:`CachedLayout`), or :func:`~contactladder.render.layout.layout_areas` itself for
    None."""
    return layout_areas if folder is None else CachedLayout(folder)


def _cached(
    path: Path,
    key: tuple[str, list[Hashable]],
    graph: Callable[[], nx.Graph],
    options: dict[str, Any],
) -> Layout:
    """The layout of the input of ``key`` (its digest and people in layout order) from the
    cache at ``path``, else :func:`layout_areas` of ``graph()`` (with ``options``), written
    there."""
    digest, nodes = key
    cached = _read(path, digest, len(nodes))
    if cached is not None:
        xs, ys, areas = cached
        return dict(zip(nodes, zip(xs, ys))), areas
    positions, areas = layout_areas(graph(), **options)
    record = {
        "notice": personal_data_notice("en"),
        "kind": _KIND,
        "digest": digest,
        "x": [positions[node][0] for node in nodes],
        "y": [positions[node][1] for node in nodes],
        "areas": {key: list(disc) for key, disc in areas.items()},
    }
    try:
        write_text(path, json.dumps(record, ensure_ascii=False) + "\n", private=True)
        os.chmod(path, 0o600)  # a foreign file it replaced may have been readable by others
    except (ContactLadderError, OSError):
        pass  # a folder that cannot be written to: no cache, the map is made all the same
    return positions, areas


def cache_folder(source: object, given: object = True) -> Path | None:
    """Where a job keeps its layout cache: ``given`` when it is a folder; with True (the
    default) the data folder of a :class:`~contactladder.jobs.common.Source` (a contacts
    file's folder), None for a network given as it is; None with False or None."""
    if given is None or given is False:
        return None
    if given is not True:
        return Path(str(given))
    if not isinstance(source, Source):
        return None
    return source.path if source.path.is_dir() else source.path.parent


def _read(
    path: Path, digest: str, people: int
) -> tuple[list[float], list[float], dict[str, tuple[float, float, float]]] | None:
    """The cached positions of ``path`` when it holds those of ``digest``, else None."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("kind") != _KIND or record.get("digest") != digest:
            return None
        xs = [float(x) for x in record["x"]]
        ys = [float(y) for y in record["y"]]
        areas = {
            str(key): (float(x), float(y), float(r)) for key, (x, y, r) in record["areas"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return (xs, ys, areas) if len(xs) == len(ys) == people else None
