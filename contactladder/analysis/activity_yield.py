"""What activities yield: per activity, the ties first made there and the rungs they reached since.

A tie is made at the activity of its first contact, so every tie counts at exactly one activity:

>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> int(activity_yield(net)["ties"].sum()) == len(net.ties())
True
"""

from __future__ import annotations

import pandas as pd

from contactladder.analysis.growth import NO_GROUP, SHARING_LEVEL
from contactladder.network import LadderNetwork

__all__ = ["activity_yield"]


def activity_yield(net: LadderNetwork, *, as_of: object = None) -> pd.DataFrame:
    """Per activity, the ties first made there and the rungs those ties have reached since.

    A tie is made at the activity of its first contact (``(none)`` when that contact names no
    activity). Columns: ``activity, ties, rung_<key>...`` (ties now at each rung),
    ``share_ge3`` (share of them at level 3 or higher) and ``mean_rung``; most ties first.
    """
    cutoff = net.cutoff(as_of)
    contacts = net.contact_rows(before=cutoff)
    first = contacts.drop_duplicates(["person_a", "person_b"], keep="first")
    ties = net.ties(as_of).merge(
        first[["person_a", "person_b", "activity"]], on=["person_a", "person_b"]
    )
    ties["activity"] = ties["activity"].replace("", NO_GROUP)
    table = pd.crosstab(ties["activity"], ties["rung"]).reindex(
        columns=[rung.level for rung in net.ladder], fill_value=0
    )
    table.columns = [f"rung_{rung.key}" for rung in net.ladder]
    levels = pd.Series([rung.level for rung in net.ladder], index=table.columns)
    table.insert(0, "ties", table.sum(axis=1))
    table["share_ge3"] = table[levels.index[levels >= SHARING_LEVEL]].sum(axis=1) / table["ties"]
    table["mean_rung"] = table[levels.index].mul(levels).sum(axis=1) / table["ties"]
    table = table.reset_index().rename(columns={"index": "activity"})
    table.columns.name = None
    return table.sort_values(["ties", "activity"], ascending=[False, True], ignore_index=True)
