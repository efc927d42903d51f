"""Reciprocity and agreement of reported ties, and the pairs whose two reports differ.

A *report* is a contact whose ``reporter`` is one of its two people; an *occasion* is a wave
(or, without waves, a date), as the tie rule defines them (:mod:`contactladder.network.tie_rule`,
which also says which rung a side reports when it gave several). Over the occasions whose first
report lies in a period:

- ``reciprocity``: of the pairs reported by anyone, the share reported by both people on the
  same occasion;
- ``agreement``: of those mutual pairs, the share whose two reports name the same rung on every
  occasion both reported.

Both are empty (NaN) over nothing: no reports, or no mutual pairs. The rungs compared are the
reported ones, before any tie rule combined them. :func:`disagreements` lists, for the
researcher to look at, every pair and occasion on which the two reports differ. It holds ids:
it is personal data.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading import Dataset
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-03-01"] * 4),
...     "person_a": ["ann", "ann", "ann", "bo"], "person_b": ["bo", "bo", "cem", "cem"],
...     "rung": [2, 3, 1, 4], "reporter": ["ann", "bo", "ann", "bo"], "wave": "1",
...     "activity": "", "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "survey"))
>>> has_reports(net)
True
>>> disagreements(net)[["person_a", "person_b", "wave", "rung_by_a", "rung_by_b"]].values.tolist()
[['ann', 'bo', '1', 2, 3]]
>>> ReportIndex(net).figures(net.start, net.end + pd.Timedelta(days=1))
{'reciprocity': 0.3333333333333333, 'agreement': 0.0}
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from contactladder.network import CountedNetwork, LadderNetwork
from contactladder.network.tie_rule import report_sides

__all__ = ["disagreements", "has_reports", "ReportIndex", "REPORT_COLUMNS"]

#: The growth table's columns when the contacts carry reports (ratios: NaN where undefined).
REPORT_COLUMNS = ("reciprocity", "agreement")


def has_reports(net: CountedNetwork) -> bool:
    """Whether the network's contacts carry reports: a non-empty ``reporter`` (directed data
    name one on every contact)."""
    rows = net.contact_rows()
    return "reporter" in rows and bool((rows["reporter"] != "").any())


def disagreements(net: LadderNetwork) -> pd.DataFrame:
    """The pairs whose two reports on an occasion name different rungs.

    Returns
    -------
    DataFrame
        ``person_a, person_b`` (ids; each is also the reporter of their side), ``wave`` (the
        occasion's wave, "" without one), ``date`` (its first report), ``rung_by_a``,
        ``key_by_a`` (the level ``person_a`` reported, a side's highest on that occasion, and
        its rung's key), ``rung_by_b``, ``key_by_b``, sorted by pair and date. Personal data:
        write it privately.

    Examples
    --------
    >>> net = LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten")
    >>> disagreements(net).empty
    True
    """
    sides = _mutual(report_sides(net.contact_rows()))
    sides = sides[sides["rung_by_a"] != sides["rung_by_b"]]
    table = pd.DataFrame(
        {
            "person_a": sides["person_a"].astype(object),
            "person_b": sides["person_b"].astype(object),
            "wave": sides["wave"].astype(object),
            "date": pd.to_datetime(sides["date"]),
        }
    )
    for side in ("a", "b"):
        levels = sides[f"rung_by_{side}"].astype("int64")
        table[f"rung_by_{side}"] = levels
        table[f"key_by_{side}"] = levels.map(lambda level: net.ladder[level].key).astype(object)
    return table.reset_index(drop=True)


class ReportIndex:
    """The reports of a network by occasion, to count a period's reciprocity and agreement.

    Examples
    --------
    >>> net = LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten")
    >>> ReportIndex(net).figures(net.start, net.end)
    {'reciprocity': nan, 'agreement': nan}
    """

    def __init__(self, net: CountedNetwork) -> None:
        sides = report_sides(net.contact_rows()).sort_values("date", kind="stable")
        self.dates = pd.to_datetime(sides["date"]).to_numpy(dtype="datetime64[ns]")
        self.pairs = list(zip(sides["person_a"], sides["person_b"]))
        by_a = sides["rung_by_a"].to_numpy(dtype=float)
        by_b = sides["rung_by_b"].to_numpy(dtype=float)
        self.mutual = ~np.isnan(by_a) & ~np.isnan(by_b)
        self.same = self.mutual & (by_a == by_b)

    def figures(
        self,
        start: pd.Timestamp,
        end: pd.Timestamp,
        inside: Callable[[object, object], bool] | None = None,
    ) -> dict:
        """``reciprocity`` and ``agreement`` of the occasions from ``start`` to before ``end``,
        of the pairs ``inside`` (a tie's two people -> whether it counts; all when None)."""
        low, high = np.searchsorted(self.dates, [np.datetime64(start), np.datetime64(end)])
        reported, mutual, differing = set(), set(), set()
        for number in range(low, high):
            pair = self.pairs[number]
            if inside is not None and not inside(*pair):
                continue
            reported.add(pair)
            if self.mutual[number]:
                mutual.add(pair)
                if not self.same[number]:
                    differing.add(pair)
        return {
            "reciprocity": len(mutual) / len(reported) if reported else float("nan"),
            "agreement": 1 - len(differing) / len(mutual) if mutual else float("nan"),
        }


def _mutual(sides: pd.DataFrame) -> pd.DataFrame:
    """The occasions on which both sides reported."""
    return sides.dropna(subset=["rung_by_a", "rung_by_b"])
