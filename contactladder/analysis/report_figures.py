"""The weaving stages of the network at the end of each period, counted on arrays.

:func:`weaving_stages_on_codes` is :func:`~contactladder.analysis.weaving_wijken.weaving_stages`
with the same rows, values and types, without a graph: the people present and the ties at the
end of each period are positions in the people's order. In the reached view they are read from
the contacts grouped by period and pair (:meth:`~contactladder.network.LadderNetwork.
period_rows`): a tie's row holds its rung reached so far, so the tie at the end of period ``p``
is its last row up to ``p``: the row whose period is at most ``p`` and whose pair's next row (if
any) comes after ``p``. In the active view they are the period's rows; in the current view
those of the sliding window of :func:`~contactladder.network.current.current_by_period`. Each
wijk's network and its measures are then those of :mod:`~contactladder.analysis.weaving_wijken`
and :func:`~contactladder.analysis.weaving_stage.measure`, which do not depend on the order of
the people or ties.

Examples
--------
>>> from contactladder.analysis.weaving_wijken import weaving_stages
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> weaving_stages_on_codes(net, freq="quarter").equals(weaving_stages(net, freq="quarter"))
True
>>> all(weaving_stages_on_codes(net, view=v).equals(weaving_stages(net, view=v))
...     for v in ("active", "current"))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

import numpy as np
import pandas as pd

from contactladder.analysis.weaving_stage import TieArrays, measure
from contactladder.analysis.weaving_wijken import MEASURES, in_wijk, weaving_stages
from contactladder.network import LadderNetwork
from contactladder.network.calendar import Calendar
from contactladder.network.current import check_view, current_by_period
from contactladder.network.periods import WAVE
from contactladder.words import attribute_text

__all__ = ["weaving_stages_on_codes", "last_rows"]

#: One period's network on codes: who is present (a mask), the ties' two ends and rungs.
_Network = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def weaving_stages_on_codes(
    net: LadderNetwork, *, freq: str = "month", view: str = "reached", min_rung: object = None
) -> pd.DataFrame:
    """``weaving_stages(net, freq=freq, view=view, min_rung=min_rung)`` on arrays (the current
    view of waves is that of graphs: its walk builds them).

    Raises
    ------
    UsageError
        For an unknown period or view.
    BadValueError
        For a ``min_rung`` that is not on the ladder.
    """
    check_view(view)
    level = _level(net, min_rung)
    if view == "current" and freq == WAVE:
        return weaving_stages(net, freq=freq, view=view, min_rung=min_rung)
    if view == "current":
        periods = net.calendar(freq)
        joined = net.join_numbers(periods)
        current = enumerate(current_by_period(net, periods))
        networks = ((joined <= number, t.a, t.b, t.rung) for number, t in current)
        return _stages(net, freq, periods, networks, view, level)
    periods, rows, joined = net.period_rows(freq)
    ends = _next_periods(rows.period, rows.code_a, rows.code_b)
    bounds = rows.bounds(len(periods))

    def network(number: int) -> _Network:
        if view == "reached":  # everyone present, each tie at its last row so far
            alive = last_rows(rows.period, ends, number)
            return joined <= number, rows.code_a[alive], rows.code_b[alive], rows.reached[alive]
        chunk = slice(bounds[number], bounds[number + 1])  # the period's people and ties
        here = np.zeros(len(joined), dtype=bool)
        here[rows.code_a[chunk]] = here[rows.code_b[chunk]] = True
        return here, rows.code_a[chunk], rows.code_b[chunk], rows.rung[chunk]

    networks = (network(number) for number in range(len(periods)))
    return _stages(net, freq, periods, networks, view, level)


def _stages(
    net: LadderNetwork,
    freq: str,
    periods: Calendar,
    networks: Iterable[_Network],
    view: str,
    level: int,
) -> pd.DataFrame:
    """The table of :func:`~contactladder.analysis.weaving_wijken.weaving_stages` of the
    ``networks`` at the end of each of ``periods`` (of ``freq``), in ``view``, counting the
    ties from rung ``level`` up."""
    wijken = net.wijken() or [""]
    roles = net.column("role")  # by id, in the people's order: that of the codes
    names = roles.index.to_numpy(dtype=object)
    is_focal_all = roles.to_numpy(dtype=object) == net.focal
    wijk_all = np.full(len(names), "", dtype=object)
    if net.has_column("wijk"):
        wijk_all[:] = [attribute_text(value) for value in net.column("wijk")]
    found_rows = []
    for number, (here, code_a, code_b, rung) in enumerate(networks):
        present = np.flatnonzero(here)
        place = np.full(len(names), -1, dtype=np.int64)
        place[present] = np.arange(len(present))
        a, b = place[code_a], place[code_b]
        ties = TieArrays(a, b, rung.tolist())
        counts = (a != b) & (rung >= level)
        counted_a, counted_b = a[counts], b[counts]
        people = names[present]
        is_focal, wijk_of = is_focal_all[present], wijk_all[present]
        label = periods.step(number, None).label
        for wijk in wijken:
            if wijk:
                keep = in_wijk(wijk, wijk_of, is_focal, ties)
                inside = keep[counted_a] & keep[counted_b]
                chosen = np.flatnonzero(keep)
                spot = np.full(len(people), -1, dtype=np.int64)
                spot[chosen] = np.arange(len(chosen))
                pairs = (spot[counted_a[inside]], spot[counted_b[inside]])
                found = measure(people[chosen], is_focal[chosen], pairs)
            else:
                found = measure(people, is_focal, (counted_a, counted_b))
            values = asdict(found)
            found_rows.append({"period": label, "wijk": wijk, "weaving_stage": values.pop("stage")})
            found_rows[-1].update(values)
    table = pd.DataFrame(found_rows, columns=["period", "wijk", "weaving_stage", *MEASURES])
    table.attrs.update(kind="weaving_stages", freq=freq, view=view, min_rung=level)
    return table


def _level(net: LadderNetwork, min_rung: object) -> int:
    """The lowest rung of the ties that count, as a level (see ``weaving_stages``)."""
    return net.ladder.parse(min_rung).level if min_rung is not None else min(2, len(net.ladder))


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
