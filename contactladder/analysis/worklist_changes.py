"""What changed since the last worklist: who is new on it, who is off it and why, and the
worklist in counts for a team meeting.

A person is *new* on the list when the previous list did not hold them, *changed* when their
reasons changed, and *off* the list when it held them and this one does not; why they are off
(``why``) is, in this order: ``status:<status>`` (they moved, withdrew consent, paused...),
``not_present`` (no longer in the data), ``tie_formed`` (they were on it without a peer tie and
now have one), else ``no_reason`` (no reason applies any more: contact resumed, or they climbed).

Examples
--------
>>> current = pd.DataFrame({"person": ["a", "c"], "name": ["Ans", "Cor"],
...     "reasons": ["alone", "fading"], "as_of": "2025-02-01"})
>>> previous = pd.DataFrame({"person": ["a", "b"], "reasons": ["alone", "fading"],
...     "as_of": "2025-01-01"})
>>> changes(current, previous)[["person", "change", "why"]].values.tolist()
[['c', 'new', ''], ['b', 'off', 'no_reason']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable

import pandas as pd

from contactladder.analysis.village import Village
from contactladder.errors import UsageError
from contactladder.words import split_list, words

__all__ = ["CHANGE_COLUMNS", "changes", "off_reason", "why_off", "reason_counts", "change_sentence"]

#: The columns of a table of changes.
CHANGE_COLUMNS = [
    "person",
    "name",
    "change",
    "why",
    "previous_reasons",
    "reasons",
    "previous_as_of",
    "as_of",
]
# The reasons under which a person has no peer tie.
_PEERLESS = frozenset({"alone", "only_professionals", "new_unconnected"})


def changes(
    current: pd.DataFrame, previous: pd.DataFrame, why: Callable[[Hashable, str], str] | None = None
) -> pd.DataFrame:
    """Who is new on ``current``, whose reasons changed, and who is off it since ``previous``.

    Parameters
    ----------
    current, previous : DataFrame
        Worklists with ``person`` and ``reasons`` (and ``as_of``, ``name``), as written.
    why : callable, optional
        ``why(person, previous_reasons)`` says why a person is off the list
        (:func:`off_reason`); without it every one is ``no_reason``.

    Returns
    -------
    DataFrame
        :data:`CHANGE_COLUMNS`: the new and changed in the order of ``current``, then the
        people off the list in the order of ``previous``.

    Raises
    ------
    UsageError
        When a list has no ``person`` column (an anonymized list cannot be compared).
    """
    for table in (current, previous):
        if "person" not in table or "reasons" not in table:
            raise UsageError(
                "not a worklist with people",
                hint="compare with a worklist written without anonymizing",
            )
    before = dict(zip(previous["person"].astype(str), previous["reasons"].fillna("").astype(str)))
    previous_day = str(previous["as_of"].iloc[0]) if "as_of" in previous and len(previous) else ""
    day = str(current["as_of"].iloc[0]) if "as_of" in current and len(current) else ""
    names = current["name"] if "name" in current else pd.Series("", index=current.index)
    rows = []
    for person, name, reasons in zip(current["person"], names, current["reasons"]):
        old = before.get(str(person))
        if old is None or old != reasons:
            rows.append(
                (
                    person,
                    name,
                    "new" if old is None else "changed",
                    "",
                    old or "",
                    reasons,
                    previous_day,
                    day,
                )
            )
    now = set(current["person"].astype(str))
    for person, old in before.items():
        if person not in now:
            rows.append(
                (
                    person,
                    "",
                    "off",
                    why(person, old) if why else "no_reason",
                    old,
                    "",
                    previous_day,
                    day,
                )
            )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def off_reason(status: str, present: bool, has_peer: bool, previous_reasons: str) -> str:
    """Why a person is off the list: see the module docstring.

    >>> off_reason("moved", True, False, "alone"), off_reason("", True, True, "alone")
    ('status:moved', 'tie_formed')
    """
    if status:
        return f"status:{status}"
    if not present:
        return "not_present"
    if has_peer and _PEERLESS & set(split_list(previous_reasons)):
        return "tie_formed"
    return "no_reason"


def why_off(village: Village) -> Callable[[Hashable, str], str]:
    """:func:`off_reason` as the village on the new list's day sees each person."""

    def why(person: Hashable, previous_reasons: str) -> str:
        present = person in village.graph
        status = "" if not present or village.listed(person) else village.status_of(person)
        has_peer = present and bool(village.peers(person))
        return off_reason(status, present, has_peer, previous_reasons)

    return why


def change_sentence(row: dict, lang: str) -> str:
    """One change in words: "Nieuw op de lijst." / "Van de lijst: verhuisd (moved)."

    >>> change_sentence({"change": "off", "why": "tie_formed"}, "en")
    'Off the list: a tie with a peer formed.'
    """
    w = words(lang)
    if row["change"] != "off":
        return w[f"weaver.change_{row['change']}"]
    why = str(row["why"])
    if why.startswith("status:"):
        text = w["weaver.why_status"].format(status=why.split(":", 1)[1])
    else:
        text = w[f"weaver.why_{why}"]
    return w["weaver.change_off"].format(why=text)


def reason_counts(table: pd.DataFrame, order: list[str] | None = None) -> pd.DataFrame:
    """How many people of a worklist are on it for each reason, per wijk: ``wijk, reason,
    people`` (a person counts once for every reason that applies), by wijk and reason order.

    >>> reason_counts(pd.DataFrame({"wijk": ["Dieze", "Dieze", "Zuid"],
    ...     "reasons": ["alone;new_unconnected", "alone", "fading"]})).values.tolist()
    [['Dieze', 'alone', 2], ['Dieze', 'new_unconnected', 1], ['Zuid', 'fading', 1]]
    """
    counts: Counter[tuple[str, str]] = Counter()
    for wijk, reasons in zip(table["wijk"], table["reasons"]):
        for key in split_list(reasons):
            counts[(str(wijk), key)] += 1
    order = order or sorted({key for _, key in counts})
    rows = sorted(
        counts.items(),
        key=lambda item: (
            item[0][0],
            order.index(item[0][1]) if item[0][1] in order else len(order),
        ),
    )
    return pd.DataFrame([(w, r, n) for (w, r), n in rows], columns=["wijk", "reason", "people"])
