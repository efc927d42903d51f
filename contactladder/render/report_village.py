"""The report's pictures of the village, from the network's tables of ties, not its snapshots.

A report draws the village at a few moments (:func:`village_maps`), each picture the map payload
that :func:`~contactladder.render.network_map.network_map_data` gives with ``picture=True`` for
an anonymised map of everyone at that moment. That payload needs only who is present, each
person's node attributes, place, number of ties and whether they need a link
(:func:`~contactladder.render.styles.alone_kinds`), and the ties' ends and rungs. So the maps
are made from the snapshot of the end of the data (asked for once: the layout, the people's
attributes and their map order) and, per moment, the people present
(:attr:`~contactladder.network.LadderNetwork.present_from`) and the ties reached
(:meth:`~contactladder.network.LadderNetwork.ties`), counted with numpy: no graph per moment.

Definitions (those of the maps): a person is *present* at a moment when they are present before
its :meth:`~contactladder.network.LadderNetwork.cutoff`; a person's *ties* are those reached by
then; a person of the focal role needs a link when they have no tie (1) or no tie to another
focal person (2). A moment with more than
:data:`~contactladder.render.map_groups.AGGREGATE_ABOVE` people is drawn by
:func:`~contactladder.render.network_map.network_map_data` itself (a map of groups).

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> maps = village_maps(net, ["2024-06-30"], lang="en")
>>> maps["village-2024-06-30"]["subtitle"]
'As of 30 June 2024 · 140 people, 791 ties'
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from contactladder.render.map_groups import AGGREGATE_ABOVE
from contactladder.render.map_payload import people_payload
from contactladder.render.map_text import iso_date
from contactladder.render.network_map import map_options, network_map_data, shared_map_options
from contactladder.render.report_tables import village_stem
from contactladder.render.styles import ALONE, NO_PEER_TIE, known_role, node_order
from contactladder.words.roles import role_key

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["village_maps"]


def village_maps(
    net: LadderNetwork,
    moments: Sequence[str],
    *,
    lang: str = "nl",
    layout: Any = None,
    order: list[Hashable] | None = None,
) -> dict[str, dict[str, Any]]:
    """The anonymised map payload of the village at each of ``moments`` (ISO dates), by file
    stem, as a picture needs it: equal to ``network_map_data(net, as_of=moment, lang=lang,
    anonymize=True, layout=layout, picture=True)`` (see the module), for
    :func:`contactladder.render.static_map.map_figure`; ``layout`` as for
    :func:`~contactladder.render.network_map.network_map_data` (one layout for all of them by
    default: :func:`~contactladder.render.layout.remembered_layout`); ``order`` the
    :func:`~contactladder.render.styles.node_order` of the snapshot of the end of the data,
    when the caller has it.

    Raises
    ------
    UsageError
        For an unknown language, or a moment outside the data.
    """
    from contactladder.render.layout import remembered_layout

    layout = layout or remembered_layout()
    if not moments:
        return {}
    final = net.snapshot()
    options = map_options(net, lang=lang, wijk=None, min_rung=None, title=None)
    shared = shared_map_options(
        net, options, final, layout=layout, lang=lang, anonymize=True, legend=None
    )
    everyone = _People(net, final, node_order(final) if order is None else order)
    maps = {}
    for moment in moments:
        present = everyone.present(net.cutoff(moment))
        if len(present) > AGGREGATE_ABOVE:  # a map of groups
            maps[village_stem(moment)] = network_map_data(
                net, as_of=moment, lang=lang, anonymize=True, layout=layout, picture=True
            )
            continue
        maps[village_stem(moment)] = everyone.payload(
            present, net.ties(moment), shared, title=" — ".join(options.title_parts), date=moment
        )
    return maps


class _People:
    """Everyone of the final snapshot in map order, with what each map of a moment reads."""

    def __init__(self, net: LadderNetwork, final: Any, order: list[Hashable]) -> None:
        self.net = net
        self.order = order
        self.attrs = list(map(dict(final.nodes(data=True)).__getitem__, order))
        self.present_from = net.present_from.reindex(pd.Index(order, dtype=object)).to_numpy()
        self.numbers = pd.Index(order, dtype=object)
        focal = role_key(net.focal)
        self.focal = np.array([known_role(a.get("role")) == focal for a in self.attrs], bool)

    def present(self, cutoff: pd.Timestamp) -> np.ndarray:
        """The numbers (in the final map order) of the people present before ``cutoff``."""
        return np.flatnonzero(self.present_from < cutoff.to_datetime64())

    def payload(
        self,
        present: np.ndarray,
        ties: pd.DataFrame,
        shared: dict[str, Any],
        *,
        title: str,
        date: str,
    ) -> dict[str, Any]:
        """The picture payload of the people ``present`` and the ``ties`` among them (a table
        of :meth:`~contactladder.network.LadderNetwork.ties`)."""
        number = np.full(len(self.order), -1, dtype=np.int64)
        number[present] = np.arange(len(present))
        a = number[self.numbers.get_indexer(pd.Index(ties["person_a"], dtype=object))]
        b = number[self.numbers.get_indexer(pd.Index(ties["person_b"], dtype=object))]
        low, high = np.minimum(a, b), np.maximum(a, b)
        rank = np.lexsort((high, low))
        levels = ties["rung"].to_numpy(dtype=np.int64)
        bottom = self.net.ladder.bottom.level
        edges = {
            "a": low[rank].tolist(),
            "b": high[rank].tolist(),
            "level": np.where(levels == 0, bottom, levels)[rank].tolist(),
        }
        n = len(present)
        degrees = np.bincount(low, minlength=n) + np.bincount(high, minlength=n)
        focal = self.focal[present]
        peers = np.bincount(low, weights=focal[high], minlength=n) + np.bincount(
            high, weights=focal[low], minlength=n
        )
        kinds = np.where(
            ~focal, 0, np.where(degrees == 0, ALONE, np.where(peers > 0, 0, NO_PEER_TIE))
        )
        positions = shared["positions"]
        return people_payload(
            [self.attrs[i] for i in present.tolist()],
            [positions[self.order[i]] for i in present.tolist()],
            degrees.tolist(),
            kinds.tolist(),
            edges,
            self.net.ladder,
            title=title,
            date=iso_date(date),
            areas=shared["areas"],
            lang=shared["lang"],
            anonymize=True,
            min_rung=shared["min_rung"],
            colours=shared["colours"],
            focal=shared["focal"],
            picture=True,
        )
