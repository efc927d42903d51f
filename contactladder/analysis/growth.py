"""How the network grows: the growth table, one row per period.

The growth table has one row per period (and per group with ``by``), every period from the first
contact to the last. Its columns, for the people present in the view:

- ``period`` (ISO text), ``group`` (with ``by``: the network among the people of that group)
- ``people``: people present; ``focal``: of them, people with the focal role
- ``ties``: ties among them; ``rung_<key>``: ties at each rung (reached view: the rung reached
  so far; active view: the highest rung of the period's contacts; current view: the current
  rung, the highest of the contacts in the lapse window before the period's end)
- ``ties_<focal>_<focal>``, ``ties_<focal>_professional``, ``ties_professional_professional``
  (``ties_parent_parent``, ... for the parents): the ties by type, after the roles at their
  ends (see :func:`tie_type_columns`); ties with another role at an end (a volunteer) count in
  ``ties`` only
- ``new_ties``: ties whose first contact is in the period; ``climbed``: ties whose reached rung
  went up in the period (current view: ties current at the period's end and not at the
  previous end, and ties current at both whose current rung went up)
- current view only: ``ended_ties``: ties current at the previous period's end and not at this
  one; ``declined``: ties current at both whose current rung went down (the three views side by
  side: :mod:`contactladder.network.current`)
- ``focal_alone``: focal people with no tie; ``focal_only_professional``: focal people with
  ties, all of them to non-focal people; ``focal_peer_ge3``: focal people with a focal–focal tie
  at the ladder's sharing rung or higher (level 3, ``delen``, on the default ladder; on a ladder
  whose sharing rung is another level the column is named for its key, ``focal_peer_ge_<key>``:
  see :func:`sharing_column`); ``focal_peer_top``: the same at the top rung
- ``focal_peer_degree_mean``: the mean number of other focal people each focal person is tied to
- ``components``: connected components among the people present; ``largest_component_share``:
  the share of the focal people that is in the largest component (by people; ties go to the one
  with more focal people)
- ``peer_density``: ties among focal people over possible ones; ``peer_transitivity``: three
  times the triangles over the connected triples of the focal–focal graph
- with reports (contacts that name their ``reporter``, as a survey's do): ``reciprocity``, the
  share of the pairs reported in the period that both people reported, and ``agreement``, of
  those, the share whose two reports name the same rung (ratios;
  :mod:`contactladder.analysis.reciprocity`); without reports these columns are absent
- ``period_start``: the first moment of the period (datetime64), the typed twin of ``period``:
  ``pd.Period(row.period_start, freq)`` is the period, also for weeks, whose ISO label
  (``2024-W11``) pandas does not read (:func:`~contactladder.network.periods.label_period` does)

With ``between=True`` the table is instead the ties between each pair of groups of ``by``
(:mod:`contactladder.analysis.growth_between`).

Types: counts are integers (int64); the ratios are floats, missing (NaN) where they are
undefined: a mean, share or density over no focal people (or fewer than two for the density),
a transitivity without connected triples. CSV writes a missing value as an empty cell.

Examples
--------
>>> import pandas as pd
>>> from contactladder.loading import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
...     "person_a": ["ann", "ann"], "person_b": ["bo", "cem"], "rung": [1, 4],
...     "activity": "", "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> table = growth(net, freq="month")
>>> table[["period", "people", "ties", "focal_alone", "focal_peer_ge3"]].values.tolist()
[['2024-01', 3, 1, 1, 0], ['2024-02', 3, 2, 0, 2]]
>>> table["period_start"].dt.strftime("%Y-%m-%d").tolist(), str(table["ties"].dtype)
(['2024-01-01', '2024-02-01'], 'int64')
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from contactladder.analysis.growth_between import between_growth
from contactladder.analysis.growth_counts import SHARING_LEVEL, sharing_column, tie_type_columns
from contactladder.analysis.growth_walks import (
    NO_GROUP,
    TIE_TYPE,
    Groups,
    current_walk,
    reached_walk,
    snapshot_walk,
)
from contactladder.analysis.reciprocity import REPORT_COLUMNS, ReportIndex, has_reports
from contactladder.analysis.village import LEFT, statuses_on
from contactladder.errors import UsageError, literal
from contactladder.network import CountedNetwork
from contactladder.network.current import DEFAULT_LAPSE, check_view
from contactladder.network.periods import WAVE
from contactladder.words import attribute_text

__all__ = [
    "growth",
    "growth_columns",
    "sharing_column",
    "RATIO_COLUMNS",
    "SHARING_LEVEL",
    "NO_GROUP",
    "TIE_TYPE",
]

Progress = Callable[[int, int], None]
#: The growth table's ratios: floats, missing (NaN) where undefined; every other figure counts.
RATIO_COLUMNS = (
    "focal_peer_degree_mean",
    "largest_component_share",
    "peer_density",
    "peer_transitivity",
)
_TEXT_COLUMNS = ("period", "group")


def growth_columns(
    net: CountedNetwork, *, by: str | None = None, view: str = "reached", freq: str = "month"
) -> list[str]:
    """The growth table's columns, in order, for this network's ladder and the ``view``
    (the current view adds ``ended_ties`` and ``declined`` after ``climbed``; contacts with
    reports add ``reciprocity`` and ``agreement`` before ``period_start``; waves add
    ``missing`` after ``people``)."""
    return (
        ["period"]
        + (["group"] if by else [])
        + ["people"]
        + (["missing"] if freq == WAVE else [])
        + ["focal", "ties"]
        + [f"rung_{rung.key}" for rung in net.ladder]
        + list(tie_type_columns(net.focal).values())
        + ["new_ties", "climbed"]
        + (["ended_ties", "declined"] if view == "current" else [])
        + [
            "focal_alone",
            "focal_only_professional",
            sharing_column(net.ladder),
            "focal_peer_top",
            "focal_peer_degree_mean",
            "components",
            "largest_component_share",
            "peer_density",
            "peer_transitivity",
        ]
        + (list(REPORT_COLUMNS) if has_reports(net) else [])
        + ["period_start"]
    )


def growth(
    net: CountedNetwork,
    *,
    freq: str = "month",
    view: str = "reached",
    by: str | None = None,
    status: pd.DataFrame | None = None,
    lapse: object = DEFAULT_LAPSE,
    between: bool = False,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """The growth table: one row per period (and per group of ``by``), see the module docstring.

    Parameters
    ----------
    net : LadderNetwork or StreamedNetwork
    freq : {"day", "week", "month", "quarter", "year"}
    view : {"reached", "active", "current"}
        The view of the ties (see :mod:`contactladder.network.current` for the three side by
        side). In the current view ``new_ties`` are ties current at the period's end and not at
        the previous end, ``climbed`` / ``declined`` ties current at both whose rung went up /
        down, ``ended_ties`` ties current at the previous end and not now.
    by : str, optional
        A people column (such as ``wijk``); each group's row describes the network among the
        people of that group. People without a value form the group ``(none)``. With
        ``"tie_type"`` (:data:`TIE_TYPE`) a row per tie type (group ``parent_parent``,
        ``parent_professional``, ``professional_professional``): the network of the ties of
        that type among the people of its roles.
    lapse : str or Timedelta
        The current view's lapse window (``"180d"``): a tie without a contact in it has ended.
    between : bool
        With a people column ``by``: the ties between each pair of its groups instead
        (:func:`~contactladder.analysis.growth_between.between_growth`).
    progress : callable, optional
        Called as ``progress(done, total)`` after each period.

    Raises
    ------
    UsageError
        For an unknown ``view``, ``freq`` or ``by``, or a ``lapse`` that is not a duration;
        for ``between`` without a people column ``by``.

    Notes
    -----
    In the reached view the counts are kept up to date as people and ties are added, so the
    whole table costs time in proportion to the number of contacts plus periods × groups.
    """
    check_view(view)
    if between:
        if not by or by == TIE_TYPE:
            raise UsageError(
                "ties between groups need groups of people", hint="give {by} a people column"
            )
        return between_growth(
            net, _groups(net, by), freq=freq, view=view, lapse=lapse, progress=progress
        )
    groups = Groups.of(net, by, _groups(net, by) if by and by != TIE_TYPE else None)
    if view == "reached":
        walk = reached_walk(net, freq, groups)
    elif view == "active":
        walk = snapshot_walk(net, freq, groups)
    else:
        walk = current_walk(net, freq, groups, lapse)
    reports = ReportIndex(net) if has_reports(net) else None
    total = len(net.period_range(freq))
    rows = []
    for done, period in enumerate(walk, start=1):
        gone = _left_by(status, period.end, groups)
        for number, name in enumerate(groups.names):
            row = {"period": period.label, **({"group": name} if by else {})}
            row.update(period.rows[name], period_start=period.start)
            if reports is not None:
                inside = None if not by else groups.inside(number)
                row.update(reports.figures(period.start, period.end, inside))
            if status is not None:
                row["left"] = int(gone[number])
            rows.append(row)
        if progress:
            progress(done, total)
    columns = growth_columns(net, by=by, view=view, freq=freq)
    columns += ["left"] if status is not None else []
    return _typed(pd.DataFrame(rows, columns=columns))


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    """The growth table with its documented types, also when it has no rows: text, dates,
    floats for the ratios and int64 for every count."""
    types = {
        column: (
            object
            if column in _TEXT_COLUMNS
            else "datetime64[ns]"
            if column == "period_start"
            else "float64"
            if column in RATIO_COLUMNS or column in REPORT_COLUMNS
            else "int64"
        )
        for column in table.columns
    }
    return table.astype(types)


def _left_by(status: pd.DataFrame | None, end: pd.Timestamp, groups: Groups) -> np.ndarray:
    """How many people of each group left (moved, no contact) before ``end``."""
    if status is None:
        return np.zeros(len(groups.names), dtype=np.int64)
    left = statuses_on(status, end - pd.Timedelta(1, "ns"))
    gone = groups.positions(person for person, value in left.items() if value in LEFT)
    return np.array([np.isin(members, gone).sum() for members in groups.members])


def _groups(net: CountedNetwork, by: str) -> dict:
    if not net.has_column(by):
        columns = ", ".join(
            [*(c for c in net.people_columns() if c not in ("name", "joined")), TIE_TYPE]
        )
        raise UsageError("no such people column", value=by, hint="use one of: " + literal(columns))
    values = net.column(by).map(attribute_text)  # NaN and NaT are "" whatever the dtype
    return values.replace("", NO_GROUP).to_dict()
