"""The report's timeline: the histories of the reached view, read from the contacts grouped by
period and pair, are those of a walk over the periods."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from contactladder.network import LadderNetwork
from contactladder.render.network_map import in_wijk
from contactladder.render.styles import node_order
from contactladder.render.timeline_payload import _histories

DEMO = Path(__file__).resolve().parent.parent / "data" / "zwolle-demo"


def walked(net: LadderNetwork, freq: str, index: dict) -> tuple:
    """The appearances and tie histories of a walk over the periods (the reference)."""
    appear = [-1] * len(index)
    history: dict[tuple[int, int], list[int]] = {}
    for number, step in enumerate(net.periods(freq, graph=False)):
        for person in step.joined:
            if person in index and appear[index[person]] < 0:
                appear[index[person]] = number
        changes = [(a, b, r) for (a, b), r in zip(step.new_ties, step.new_rungs)]
        changes += [(a, b, new) for a, b, _, new in step.climbed]
        for a, b, level in changes:
            if a in index and b in index:
                ends = tuple(sorted((index[a], index[b])))
                history.setdefault(ends, []).extend([number, level])  # type: ignore[arg-type]
    ties = sorted(history)
    return appear, [a for a, _ in ties], [b for _, b in ties], [history[t] for t in ties]


@pytest.mark.parametrize("freq", ["month", "quarter", "week"])
@pytest.mark.parametrize("wijk", [None, "Dieze"])
def test_reached_histories_are_those_of_the_walk(freq: str, wijk: str | None) -> None:
    net = LadderNetwork.from_path(DEMO)
    G = in_wijk(net.snapshot(), wijk)
    index = {node: i for i, node in enumerate(node_order(G))}
    found = _histories(net, freq, index, "reached", pd.Timedelta(days=180))
    assert found == walked(net, freq, index)
    assert len(found[1]) == G.number_of_edges()
