"""The tie rule: one rung for a tie that both its people reported on, each with their own rung.

In a survey each respondent reports on their contacts: a *report* is a contact whose
``reporter`` is one of its two people (``reporter`` → the other person). When both people
report on the same pair on the same *occasion* (the same ``wave`` when the contacts have waves,
otherwise the same date), the two reports are combined by the *tie rule*; a side that gave
several reports on one occasion counts with its highest. The rules:

- ``max`` (the default): the higher of the two rungs. This is what the network always did (a
  tie's rung is the highest of its contacts), so the contacts are left exactly as they are.
- ``min``: the lower of the two rungs.
- ``mean``: the mean of the two levels, half rounded up (levels 2 and 3 give 3; 1 and 4 give 3).
- ``reporter``: the report of the side among ``reporters`` (for instance the focal people: the
  parent's own rung for a tie with a professional); when both or neither side is among them,
  the higher rung, as ``max``.

Both reports of a combined occasion get the combined rung, so that a tie keeps its number of
contacts; their own rungs stay in the column ``reported_rung`` (for
:mod:`contactladder.analysis.reciprocity`). A report of one side only, a contact without a
reporter (a session of an activity) and a report by a third person stand as they are.

With ``directed`` every contact is a report and must name its reporter (the loader keeps a
directed file's ``person_a`` as ``reporter``, as it does for a survey's ``respondent``).

Examples
--------
>>> import pandas as pd
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-03-01"] * 3),
...     "person_a": ["ann", "ann", "bo"], "person_b": ["bo", "bo", "cem"], "rung": [2, 5, 4],
...     "reporter": ["ann", "bo", "bo"]})
>>> apply_tie_rule(contacts, "mean")[["rung", "reported_rung"]].values.tolist()
[[4, 2], [4, 5], [4, 4]]
>>> apply_tie_rule(contacts, "min")["rung"].tolist(), apply_tie_rule(contacts, "max") is contacts
([2, 2, 4], True)
>>> apply_tie_rule(contacts, "reporter", reporters={"bo"})["rung"].tolist()
[5, 5, 4]
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from contactladder.errors import UsageError, literal

__all__ = ["apply_tie_rule", "TIE_RULES", "report_sides", "occasion_column"]

TIE_RULES = ("max", "min", "mean", "reporter")


def apply_tie_rule(
    contacts: pd.DataFrame, rule: str = "max", *, directed: bool = False, reporters: Collection = ()
) -> pd.DataFrame:
    """The contacts with the two reports of each pair and occasion combined by ``rule``.

    Parameters
    ----------
    contacts : DataFrame
        As :class:`~contactladder.loading.Dataset` holds them, with ``reporter`` (and ``wave``)
        when they are reports.
    rule : {"max", "min", "mean", "reporter"}
        See the module docstring.
    directed : bool
        Every contact is a report: each must name its reporter, one of its two people.
    reporters : collection
        For ``rule="reporter"``: the people whose report counts when both sides reported.

    Returns
    -------
    DataFrame
        With ``max``, or without reports, ``contacts`` themselves (nothing to change); else a
        copy with the combined rungs and ``reported_rung``, each report's own rung.

    Raises
    ------
    UsageError
        For an unknown ``rule``, or ``directed`` contacts without their reporter.

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-03-01"]), "person_a": ["a"],
    ...     "person_b": ["b"], "rung": [3]})
    >>> apply_tie_rule(contacts, "min")["rung"].tolist()
    [3]
    """
    if rule not in TIE_RULES:
        raise UsageError(
            "unknown tie rule", value=rule, hint="use one of: " + literal(", ".join(TIE_RULES))
        )
    if directed:
        _check_directed(contacts)
    if rule == "max" or "reporter" not in contacts:
        return contacts
    sides = report_sides(contacts)
    both = sides.dropna(subset=["rung_by_a", "rung_by_b"])
    by_a, by_b = both["rung_by_a"].to_numpy(int), both["rung_by_b"].to_numpy(int)
    if rule == "min":
        combined = np.minimum(by_a, by_b)
    elif rule == "mean":
        combined = (by_a + by_b + 1) // 2
    else:
        trusted = list(reporters)
        first = both["person_a"].isin(trusted).to_numpy()
        second = both["person_b"].isin(trusted).to_numpy()
        combined = np.where(
            first & ~second, by_a, np.where(second & ~first, by_b, np.maximum(by_a, by_b))
        )
    key = pd.MultiIndex.from_frame(both[["person_a", "person_b", "occasion"]])
    rule_rung = pd.Series(combined, index=key)
    out = contacts.copy()
    out["reported_rung"] = out["rung"]
    rows = _report_mask(out)
    row_key = pd.MultiIndex.from_arrays(
        [out["person_a"][rows], out["person_b"][rows], occasion_column(out)[rows]]
    )
    new = rule_rung.reindex(row_key).to_numpy()
    found = ~np.isnan(new.astype(float))
    index = out.index[rows][found]
    out.loc[index, "rung"] = new[found].astype(out["rung"].dtype)
    return out


def report_sides(contacts: pd.DataFrame) -> pd.DataFrame:
    """One row per pair and occasion with a report: ``person_a, person_b, occasion, wave`` (""
    for an occasion that is a date), ``date`` (the occasion's first report) and ``rung_by_a``,
    ``rung_by_b``, each side's highest reported rung (its own, ``reported_rung``, when a tie
    rule changed ``rung``), NaN for a side that did not report; sorted by pair and date.

    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-03-01", "2024-03-02"]),
    ...     "person_a": "a", "person_b": "b", "rung": [3, 1], "reporter": ["b", "b"],
    ...     "wave": ["1", "1"]})
    >>> report_sides(contacts)[["occasion", "rung_by_a", "rung_by_b"]].values.tolist()
    [['1', nan, 3.0]]
    """
    columns = ["person_a", "person_b", "occasion", "wave", "date", "rung_by_a", "rung_by_b"]
    if "reporter" not in contacts:
        return pd.DataFrame(columns=columns)
    rows = contacts[_report_mask(contacts)]
    rung = rows["reported_rung"] if "reported_rung" in rows else rows["rung"]
    side = np.where(rows["reporter"] == rows["person_a"], "rung_by_a", "rung_by_b")
    table = pd.DataFrame(
        {
            "person_a": rows["person_a"],
            "person_b": rows["person_b"],
            "occasion": occasion_column(rows),
            "wave": rows["wave"].astype(str) if "wave" in rows else "",
            "date": rows["date"],
            "side": side,
            "rung": rung,
        }
    )
    keys = ["person_a", "person_b", "occasion"]
    dates = table.groupby(keys, sort=False).agg(wave=("wave", "first"), date=("date", "min"))
    rungs = table.pivot_table(index=keys, columns="side", values="rung", aggfunc="max")
    rungs = rungs.reindex(columns=["rung_by_a", "rung_by_b"]).astype(float)
    out = pd.concat([dates, rungs], axis=1).reset_index()
    out.columns.name = None
    return out.sort_values(["person_a", "person_b", "date"], ignore_index=True)[columns]


def occasion_column(contacts: pd.DataFrame) -> pd.Series:
    """Each contact's occasion: its ``wave`` when it has one, otherwise its date (ISO text)."""
    dates = contacts["date"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    if "wave" not in contacts:
        return dates.rename("occasion")
    wave = contacts["wave"].astype(str)
    return wave.where(wave != "", "date " + dates).rename("occasion")


def _report_mask(contacts: pd.DataFrame) -> pd.Series:
    """Which contacts are reports: their reporter is one of their two people."""
    reporter = contacts["reporter"]
    return (reporter == contacts["person_a"]) | (reporter == contacts["person_b"])


def _check_directed(contacts: pd.DataFrame) -> None:
    reporter = contacts["reporter"] if "reporter" in contacts else pd.Series("", contacts.index)
    bad = ~_report_mask(contacts.assign(reporter=reporter))
    if bad.any():
        first = contacts[bad].iloc[0]
        raise UsageError(
            "directed contacts need their reporter, one of the two people",
            value=f"{first['person_a']} – {first['person_b']}",
            hint="load the contacts with {directed}, so that each person_a is the reporter",
        )
