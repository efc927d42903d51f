"""What came of the introductions the weaver logged: did a tie form, at which rung, how fast.

For each row of the introductions log (``date, person, introduced_to, by``): whether the pair
has a tie by the reference day, its rung, the first contact on or after the introduction and the
days it took. The *weaver's yield* is the share of introductions that became a tie at the second
rung or higher within ``within`` of the introduction: what no other tool measures.
"""

from __future__ import annotations

import pandas as pd

from contactladder.analysis.durations import parse_duration, time_span
from contactladder.analysis.village import iso_day
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import check_lang, words

__all__ = ["follow_up"]


def follow_up(
    net: LadderNetwork,
    introduced: pd.DataFrame,
    *,
    as_of: object = None,
    within: object = "3m",
    lang: str = "nl",
) -> pd.DataFrame:
    """For each logged introduction: whether a tie formed since, at which rung, and how fast.

    A tie *formed* when the pair had a contact on or after the day of the introduction (up to
    the reference day); its rung is the highest of those contacts. The weaver's *yield* is the
    share of the introductions made at least ``within`` before the reference day that became a
    tie at the second rung or higher within ``within`` (``attrs["yield"]``, with the counts in
    ``attrs["became"]`` and ``attrs["counted"]``, and in words in ``attrs["summary"]``).

    Parameters
    ----------
    net : LadderNetwork
    introduced : DataFrame
        ``date, person, introduced_to, by, note``
        (:func:`~contactladder.loading.weaver_files.read_introductions`).
    as_of : date, optional
        The reference day (default: the last day of the data; any later day is fine).
    within : duration
        The time a tie has to form for the yield (default three months).
    lang : ``nl`` or ``en``

    Returns
    -------
    DataFrame
        ``date, person, introduced_to, by, tie, rung, first_contact, days, second_rung_within,
        explanation, as_of`` in the order of the log; ``days`` from the introduction to the
        first contact since (empty without one).

    Examples
    --------
    >>> from contactladder import Dataset, Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-02-01"]),
    ...     "person_a": ["a", "a"], "person_b": ["b", "c"], "rung": [1, 3], "activity": "",
    ...     "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
    ...     "joined": pd.NaT}, index=["a", "b", "c"])
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> log = pd.DataFrame({"date": pd.to_datetime(["2024-01-20", "2024-01-20"]),
    ...     "person": ["a", "b"], "introduced_to": ["c", "c"], "by": "k", "note": ""})
    >>> table = follow_up(net, log, as_of="2024-06-30", lang="en")
    >>> table[["introduced_to", "tie", "rung", "days", "second_rung_within"]].values.tolist()
    [['c', True, 'delen', 12, True], ['c', False, '', '', False]]
    >>> table.attrs["summary"]
    "1 of 2 introductions became a tie at 'Chatting' or higher within 3 months (50%)."
    """
    lang = check_lang(lang)
    w = words(lang)
    window = parse_duration(within, name="within")
    cutoff = net.cutoff(as_of, open_end=True)
    day = (cutoff - pd.Timedelta(1, "ns")).normalize()
    contacts = net.contact_rows(before=cutoff)
    level = min(2, len(net.ladder))
    rows = []
    for date, person, other, by in zip(
        introduced["date"], introduced["person"], introduced["introduced_to"], introduced["by"]
    ):
        pair = contacts[
            ((contacts["person_a"] == person) & (contacts["person_b"] == other))
            | ((contacts["person_a"] == other) & (contacts["person_b"] == person))
        ]
        since = pair[pair["date"] >= date.normalize()]
        soon = since[since["date"] < date.normalize() + window]
        first = since["date"].min() if len(since) else pd.NaT
        rung = int(since["rung"].max()) if len(since) else 0
        days = (first.normalize() - date.normalize()).days if len(since) else ""
        reached = bool(len(soon)) and int(soon["rung"].max()) >= level
        explanation = (
            w["weaver.follow_up_tie"].format(
                rung=net.ladder[rung].label(lang),
                span=time_span(date, first, lang),
                first=iso_day(first),
            )
            if rung
            else w["weaver.follow_up_none"]
        )
        rows.append(
            {
                "date": iso_day(date),
                "person": person,
                "introduced_to": other,
                "by": by,
                "tie": bool(rung),
                "rung": net.ladder[rung].key if rung else "",
                "first_contact": iso_day(first),
                "days": days,
                "second_rung_within": reached,
                "explanation": explanation,
                "_counted": date.normalize() + window <= day + pd.Timedelta(days=1),
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "date",
            "person",
            "introduced_to",
            "by",
            "tie",
            "rung",
            "first_contact",
            "days",
            "second_rung_within",
            "explanation",
            "_counted",
        ],
    )
    counted = table[table["_counted"].astype(bool)]
    became = int(counted["second_rung_within"].astype(bool).sum())
    share = became / len(counted) if len(counted) else None
    table = table.drop(columns="_counted")
    table["as_of"] = iso_day(day)
    span = time_span(day, day + window, lang)
    summary = (
        w["weaver.follow_up_summary"].format(
            became=became,
            counted=w.count(len(counted), "weaver.introductions_counted"),
            rung=net.ladder[level].label(lang),
            span=span,
            share=f"{share:.0%}",
        )
        if share is not None
        else w["weaver.follow_up_too_recent"].format(span=span)
    )
    table.attrs.update(
        kind="follow_up",
        lang=lang,
        as_of=iso_day(day),
        data=net.name,
        became=became,
        counted=len(counted),
        summary=summary,
        **{"yield": share},
    )
    return table
