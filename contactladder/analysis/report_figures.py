"""The report's figures of the network at the end of each period, counted on arrays.

:func:`reached_weaving_stages` is :func:`~contactladder.analysis.weaving_wijken.weaving_stages`
in the reached view, with the same rows, values and types, without a graph: the people present
and the ties reached at the end of each period are read from the contacts grouped by period and
pair (:meth:`~contactladder.network.LadderNetwork.period_rows`), as positions in the people's
order. A tie's row holds its rung reached so far, so the tie at the end of period ``p`` is its
last row up to ``p``: the row whose period is at most ``p`` and whose pair's next row (if any)
comes after ``p``. Each wijk's network and its measures are then those of
:mod:`~contactladder.analysis.weaving_wijken` and :func:`~contactladder.analysis.weaving_stage.
measure`, which do not depend on the order of the people or ties.

Examples
--------
>>> from contactladder.analysis.weaving_wijken import weaving_stages
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> reached_weaving_stages(net, freq="quarter").equals(weaving_stages(net, freq="quarter"))
True
"""

from __future__ import annotations

from dataclasses import asdict

import numpy as np
import pandas as pd

from contactladder.analysis.weaving_stage import TieArrays, measure
from contactladder.analysis.weaving_wijken import MEASURES, in_wijk
from contactladder.network import LadderNetwork
from contactladder.words import attribute_text

__all__ = ["reached_weaving_stages", "last_rows"]


def reached_weaving_stages(
    net: LadderNetwork, *, freq: str = "month", min_rung: object = None
) -> pd.DataFrame:
    """``weaving_stages(net, freq=freq, min_rung=min_rung)`` (the reached view), on arrays.

    Raises
    ------
    UsageError
        For an unknown period.
    BadValueError
        For a ``min_rung`` that is not on the ladder.
    """
    ladder = net.ladder
    level = ladder.parse(min_rung).level if min_rung is not None else min(2, len(ladder))
    wijken = net.wijken() or [""]
    periods, rows, joined = net.period_rows(freq)
    roles = net.column("role")  # by id, in the people's order: that of the rows' codes
    names = roles.index.to_numpy(dtype=object)
    is_focal_all = roles.to_numpy(dtype=object) == net.focal
    wijk_all = np.full(len(names), "", dtype=object)
    if net.has_column("wijk"):
        wijk_all[:] = [attribute_text(value) for value in net.column("wijk")]
    ends = _next_periods(rows.period, rows.code_a, rows.code_b)
    found_rows = []
    for number in range(len(periods)):
        present = np.flatnonzero(joined <= number)
        place = np.full(len(names), -1, dtype=np.int64)
        place[present] = np.arange(len(present))
        alive = last_rows(rows.period, ends, number)
        a, b, reached = place[rows.code_a[alive]], place[rows.code_b[alive]], rows.reached[alive]
        ties = TieArrays(a, b, reached.tolist())
        counts = (a != b) & (reached >= level)
        counted_a, counted_b = a[counts], b[counts]
        people = names[present]
        is_focal, wijk_of = is_focal_all[present], wijk_all[present]
        label = periods.step(number, None).label
        for wijk in wijken:
            if wijk:
                keep = in_wijk(wijk, wijk_of, is_focal, ties)
                inside = keep[counted_a] & keep[counted_b]
                chosen = np.flatnonzero(keep)
                here = np.full(len(people), -1, dtype=np.int64)
                here[chosen] = np.arange(len(chosen))
                pairs = (here[counted_a[inside]], here[counted_b[inside]])
                found = measure(people[chosen], is_focal[chosen], pairs)
            else:
                found = measure(people, is_focal, (counted_a, counted_b))
            values = asdict(found)
            found_rows.append({"period": label, "wijk": wijk, "weaving_stage": values.pop("stage")})
            found_rows[-1].update(values)
    table = pd.DataFrame(found_rows, columns=["period", "wijk", "weaving_stage", *MEASURES])
    table.attrs.update(kind="weaving_stages", freq=freq, view="reached", min_rung=level)
    return table


def _next_periods(period: np.ndarray, code_a: np.ndarray, code_b: np.ndarray) -> np.ndarray:
    """For each row, the period of the next row of its pair (the largest int64: none)."""
    order = np.lexsort((period, code_b, code_a))
    a, b = code_a[order], code_b[order]
    same = (a[1:] == a[:-1]) & (b[1:] == b[:-1])
    following = np.full(len(order), np.iinfo(np.int64).max, dtype=np.int64)
    following[:-1][same] = period[order][1:][same]
    ends = np.empty_like(following)
    ends[order] = following
    return ends


def last_rows(period: np.ndarray, next_period: np.ndarray, number: int) -> np.ndarray:
    """Which rows are their pair's last up to period ``number``: a mask.

    >>> last_rows(np.array([0, 0, 1]), np.array([1, 9, 9]), 0).tolist()
    [True, True, False]
    >>> last_rows(np.array([0, 0, 1]), np.array([1, 9, 9]), 1).tolist()
    [False, True, True]
    """
    return (period <= number) & (next_period > number)
