"""What the weaver brings to a conversation with one person (``contactladder gesprek``): their
ties by rung, who faded since when, whom they could meet and why, activities to invite them to,
and the introductions logged for them with what came of them.

A tie has *faded* when its last contact is longer than ``fading`` before the reference day.
People who left (moved, withdrew consent) are shown by their role only, never by name.

Examples
--------
>>> import pandas as pd
>>> from contactladder import Dataset, Ladder
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-06-01"]),
...     "person_a": ["a", "a"], "person_b": ["b", "c"], "rung": [3, 1], "activity": "",
...     "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": ["Ans", "Bea", "Cor"], "organisation": "",
...     "wijk": "Dieze", "joined": pd.NaT}, index=["a", "b", "c"])
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
>>> sheet = conversation(net, "a", lang="en")
>>> sheet["ties"][["who", "rung", "last_contact", "faded"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['Bea (b)', 'Sharing experiences', '2024-01-10', True],
 ['Cor (c)', 'Acquaintance', '2024-06-01', False]]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from contactladder.analysis.durations import time_span
from contactladder.analysis.follow_up import follow_up
from contactladder.analysis.introductions import introductions
from contactladder.analysis.invitations import invitations
from contactladder.analysis.village import LEFT, Village, iso_day
from contactladder.analysis.weaver_sentences import invite_text
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import person_label
from contactladder.words import check_lang

__all__ = ["conversation"]


def conversation(
    net: LadderNetwork,
    person: str,
    *,
    as_of: object = None,
    status: pd.DataFrame | None = None,
    introduced: pd.DataFrame | None = None,
    fading: object = "90d",
    together: object = "1m",
    match: Iterable[str] = (),
    suggest: int = 5,
    lang: str = "nl",
) -> dict[str, Any]:
    """The conversation sheet of ``person`` on ``as_of`` (default: the last day of the data).

    Returns
    -------
    dict
        ``person, name, wijk, role, as_of``; ``ties`` (DataFrame ``who, role, level, rung,
        last_contact, faded, since``: highest rung first, ``since`` the time since the last
        contact in words); ``suggestions`` (:func:`introductions`, at most ``suggest``);
        ``invite`` (text, for someone without a peer tie); ``introductions``
        (:func:`follow_up` of the introductions logged with them).

    Raises
    ------
    UsageError
        For an unknown person, one not yet present, or one who left.
    """
    lang = check_lang(lang)
    match = tuple(match)
    village = Village.of(net, as_of, status=status, together=together, fading=fading)
    village.check_listed(person)
    rows = []
    for other, data in village.graph[person].items():
        left = village.status_of(other) in LEFT
        who = (
            person_label({"role": village.text(other, "role")}, lang=lang)
            if left
            else village.name(other)
        )
        rows.append(
            {
                "who": who,
                "role": village.text(other, "role"),
                "level": data["rung"],
                "rung": net.ladder[data["rung"]].label(lang),
                "last_contact": iso_day(data["last_contact"]),
                "faded": bool(data["last_contact"] < village.day - village.fading),
                "since": time_span(data["last_contact"], village.day, lang),
            }
        )
    ties = pd.DataFrame(
        rows, columns=["who", "role", "level", "rung", "last_contact", "faded", "since"]
    )
    ties = ties.sort_values(
        ["level", "last_contact", "who"],
        ascending=[False, False, True],
        kind="stable",
        ignore_index=True,
    )
    day = iso_day(village.day)
    meeting: dict[str, Any] = {
        "status": status,
        "fading": fading,
        "together": together,
        "match": match,
    }
    suggestions = introductions(net, person, as_of=day, top=suggest, lang=lang, **meeting)
    invite = (
        ""
        if village.peers(person)
        else invite_text(village, person, invitations(village, person, match), lang)
    )
    logged = (
        introduced
        if introduced is not None
        else pd.DataFrame(
            {
                "date": pd.Series(dtype="datetime64[ns]"),
                "person": [],
                "introduced_to": [],
                "by": [],
                "note": [],
            }
        )
    )
    mine = logged[(logged["person"] == person) | (logged["introduced_to"] == person)]
    return {
        "person": person,
        "name": village.name(person),
        "wijk": village.text(person, "wijk"),
        "role": village.text(person, "role"),
        "as_of": day,
        "ties": ties,
        "suggestions": suggestions,
        "invite": invite,
        "introductions": follow_up(net, mine, as_of=day, lang=lang),
    }
