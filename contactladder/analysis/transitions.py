"""How ties move on the ladder: rung-to-rung transition counts between consecutive periods.

A tie that did not exist at the end of the previous period moves from ``none``; a tie that stays
on its rung counts as a move from that rung to itself, so a period's rows add up to its ties.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> moves = transitions(net, freq="quarter")
>>> int(moves.groupby("period")["ties"].sum().iloc[-1]) == len(net.ties())
True
"""

from __future__ import annotations

import pandas as pd

from contactladder.network import LadderNetwork

__all__ = ["transitions"]


def transitions(net: LadderNetwork, *, freq: str = "month") -> pd.DataFrame:
    """Rung-to-rung transition counts between consecutive periods (reached view).

    One row per period and move that happened: ``period, from_rung, to_rung, ties``.
    ``from_rung`` is the rung at the end of the previous period, ``none`` for a tie that did not
    exist yet; ``to_rung`` the rung at the end of this period. A tie that stays counts as
    from = to, so the rows of a period add up to all ties at its end.
    """
    keys = {rung.level: rung.key for rung in net.ladder}
    at_rung = dict.fromkeys(keys, 0)
    rows = []
    for step in net.periods(freq, graph=False):
        moves: dict[tuple, int] = {}
        for rung in step.new_rungs:
            moves[(0, rung)] = moves.get((0, rung), 0) + 1
        for _, _, old, new in step.climbed:
            moves[(old, new)] = moves.get((old, new), 0) + 1
        for level in keys:
            left = sum(n for (old, new), n in moves.items() if old == level)
            moves[(level, level)] = at_rung[level] - left
        for (old, new), n in moves.items():
            at_rung[new] += n
            if old:
                at_rung[old] -= n
        for old in [0, *keys]:
            for new in keys:
                if moves.get((old, new)):
                    rows.append(
                        (step.label, keys.get(old, "none"), keys[new], moves.get((old, new), 0))
                    )
    return pd.DataFrame(rows, columns=["period", "from_rung", "to_rung", "ties"])
