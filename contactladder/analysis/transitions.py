"""How ties move on the ladder: rung-to-rung transition counts between consecutive periods.

A tie that did not exist at the end of the previous period moves from ``none``; a tie that stays
on its rung counts as a move from that rung to itself, so a period's rows add up to its ties.
In the current view (:mod:`contactladder.network.current`) ties also move down, and a tie that
was current at the previous end and is not now moves to ``ended``: a period's rows then add up
to its ties plus the ties that ended in it.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> moves = transitions(net, freq="quarter")
>>> int(moves.groupby("period")["ties"].sum().iloc[-1]) == len(net.ties())
True
>>> current = transitions(net, freq="quarter", view="current", lapse="90d")
>>> {"ended", "none"} <= set(current["to_rung"]) | set(current["from_rung"])
True
"""

from __future__ import annotations

import pandas as pd

from contactladder.errors import UsageError
from contactladder.network import CountedNetwork
from contactladder.network.current import DEFAULT_LAPSE, check_view

__all__ = ["transitions", "ENDED", "NEW"]

#: ``from_rung`` of a tie that did not exist (was not current) at the previous period's end.
NEW = "none"
#: ``to_rung`` of a tie that was current at the previous period's end and is not now.
ENDED = "ended"


def transitions(
    net: CountedNetwork,
    *,
    freq: str = "month",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> pd.DataFrame:
    """Rung-to-rung transition counts between consecutive periods.

    One row per period and move that happened: ``period, from_rung, to_rung, ties``.
    ``from_rung`` is the rung at the end of the previous period, ``none`` for a tie that did not
    exist yet; ``to_rung`` the rung at the end of this period. A tie that stays counts as
    from = to, so the rows of a period add up to all ties at its end. ``view`` is ``reached``
    (rungs only rise) or ``current`` (rungs as of the ``lapse`` window: ties move down too, and
    ``to_rung`` is ``ended`` for a tie that ended).

    Raises
    ------
    UsageError
        For the active view (its ties belong to one period each, they do not move), an unknown
        view or a ``lapse`` that is not a duration.
    """
    if check_view(view) == "active":
        raise UsageError(
            "transitions follow ties from period to period",
            value=view,
            hint="use reached or current",
        )
    keys = {rung.level: rung.key for rung in net.ladder}
    names = {0: NEW, -1: ENDED, **keys}
    at_rung = dict.fromkeys(keys, 0)
    rows = []
    for step in net.periods(freq, view=view, graph=False, lapse=lapse):
        moves: dict[tuple, int] = {}
        changes = [(0, rung) for rung in step.new_rungs]
        changes += [(old, new) for _, _, old, new in step.climbed + step.declined]
        changes += [(old, -1) for _, _, old in step.ended]
        for move in changes:
            moves[move] = moves.get(move, 0) + 1
        for level in keys:
            left = sum(n for (old, new), n in moves.items() if old == level)
            moves[(level, level)] = at_rung[level] - left
        for (old, new), n in moves.items():
            if new > 0:
                at_rung[new] += n
            if old:
                at_rung[old] -= n
        for old in [0, *keys]:
            for new in [*keys, -1]:
                if moves.get((old, new)):
                    rows.append((step.label, names[old], names[new], moves[(old, new)]))
    return pd.DataFrame(rows, columns=["period", "from_rung", "to_rung", "ties"])
