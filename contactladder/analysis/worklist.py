"""Who needs a link: the focal people who are alone, only see professionals, drift away, are new
and unconnected, or stay on the lowest rungs, the most urgent first.

*Focal* people are those with the focal role (parents by default); a *peer tie* is a tie between
two focal people; everyone else (professionals, volunteers) counts as a professional here. The
list is computed on the network as far as it has grown by the *reference day* (the ``as_of`` day,
or the last day of the data; see :class:`~contactladder.analysis.village.Village`).

One row per focal person present on the reference day for whom at least one reason applies:

========================  ======  ==========================================================
reason                    weight  applies when
========================  ======  ==========================================================
``alone``                 5       the person has no tie at all
``only_professionals``    3       the person has ties, but no peer tie
``fading``                3       the person has ties, and the last contact on any of them is
                                  longer than ``fading`` before the reference day
``new_unconnected``       2       the person joined within ``new`` before the reference day
                                  and has no peer tie yet
``stuck_low``             1       the person has peer ties, none of them above the second
                                  rung, after more than ``stuck_after`` in the project
========================  ======  ==========================================================

*In the project since* is the day they joined, or their first contact when that is earlier, or
the start of the data when neither is known. ``stuck_low`` leaves out people without peer ties:
for them ``alone`` or ``only_professionals`` already says more. On a ladder of fewer than three
rungs "the second rung" is the one below the top.

**Priority** is the sum of the weights of the reasons that apply, so a new parent who is alone
(5 + 2 = 7) comes before a parent who is only in touch with a professional and drifting away
(3 + 3 = 6), who comes before a parent who is alone but has been so for long (5). Rows with the
same priority come in order of the longest time without any contact first (never counts as
longest), then by person id. The explanation of every row ends with its sum.

The list shows names: it is the worker's own list and holds personal data.

Examples
--------
>>> import pandas as pd
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-01-05", "2024-06-01"]),
...     "person_a": ["ann", "bo", "bo"], "person_b": ["k1", "cem", "cem"], "rung": [1, 1, 3],
...     "activity": ["", "peutergym", "peutergym"], "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent"] * 4 + ["professional"],
...     "name": ["Ann", "Bo", "Cem", "Dewi", "Kim"], "organisation": ["", "", "", "", "GGD"],
...     "wijk": "Dieze", "joined": pd.to_datetime(["2024-01-01"] * 3 + ["2024-05-20", None])},
...     index=pd.Index(["ann", "bo", "cem", "dewi", "k1"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> worklist(net, lang="en")[["person", "priority", "reasons"]].values.tolist()
[['dewi', 7, 'alone;new_unconnected'], ['ann', 6, 'only_professionals;fading']]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import pandas as pd

from contactladder.analysis.durations import parse_duration
from contactladder.analysis.introductions import candidates
from contactladder.analysis.village import Village, check_columns, check_wijk, iso_day
from contactladder.analysis.weaver_sentences import priority_sentence, reason_sentence
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import check_lang

__all__ = ["REASONS", "worklist"]

#: The reasons of the worklist, in the order they are listed, and their weight in the priority.
REASONS: dict[str, int] = {
    "alone": 5,
    "only_professionals": 3,
    "fading": 3,
    "new_unconnected": 2,
    "stuck_low": 1,
}


def worklist(
    net: LadderNetwork,
    *,
    as_of: object = None,
    wijk: str | None = None,
    fading: object = "90d",
    new: object = "60d",
    stuck_after: object = "180d",
    suggest: int = 0,
    match: Iterable[str] = (),
    lang: str = "nl",
) -> pd.DataFrame:
    """The focal people who need a link, with every reason that applies, most urgent first.

    See the module docstring for the reasons, their weights and the order.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date, optional
        The reference day (default: the last day of the data).
    wijk : str, optional
        Only people of this wijk (case-insensitive).
    fading, new, stuck_after : duration
        ``90d``, ``12w``, ``6m``, ``1y``...: see
        :func:`~contactladder.analysis.durations.parse_duration`.
    suggest : int
        With N > 0, a ``suggestions`` column with the N best
        :func:`~contactladder.analysis.introductions.introductions` of each.
    match : columns
        People columns the suggestions match on.
    lang : ``nl`` or ``en``
        The language of the explanations.

    Returns
    -------
    DataFrame
        ``person, wijk, priority, reasons, explanation, name, role, joined, activities,
        last_contact, ties, rung_<key>...`` (and ``suggestions``). ``reasons`` holds the keys
        joined by ``;``; ``activities`` the activities the person has ties at, joined by ``; ``;
        dates are ISO text, empty when unknown; ``rung_<key>`` counts their ties at that rung.

    Raises
    ------
    UsageError
        For a date outside the data, a bad duration, an unknown wijk, language or column.

    Examples
    --------
    >>> from contactladder.loading.dataset import Dataset
    >>> from contactladder.ladder import Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-09-01"]),
    ...     "person_a": ["a", "b"], "person_b": ["b", "c"], "rung": [2, 1], "activity": "",
    ...     "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": ["Ans", "Bea", "Cor"],
    ...     "organisation": "", "wijk": "Dieze", "joined": pd.NaT}, index=["a", "b", "c"])
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> table = worklist(net, lang="en")
    >>> table[["person", "reasons"]].values.tolist()
    [['a', 'fading;stuck_low'], ['b', 'stuck_low'], ['c', 'stuck_low']]
    >>> print(table["explanation"][0])  # doctest: +NORMALIZE_WHITESPACE
    Has had no contact with other parents for 8 months (last contact 2024-01-10). After 8 months
    in the project, no tie with other parents is above 'Chatting' (1 tie with other parents).
    Priority 4: fading 3 + stuck low 1.
    """
    lang = check_lang(lang)
    windows = {key: parse_duration(value, name=key) for key, value in
               (("fading", fading), ("new", new), ("stuck_after", stuck_after))}
    match = check_columns(net, match)
    village = Village.of(net, as_of)
    people = [p for p in village.graph if village.focal(p)]
    if wijk is not None:
        wanted = check_wijk(net, wijk)
        people = [p for p in people if village.text(p, "wijk").lower() == wanted]
    rows = []
    for person in people:
        found = _reasons(village, person, windows)
        if found:
            rows.append(_worklist_row(village, person, found, lang))
    columns = ["person", "wijk", "priority", "reasons", "explanation", "name", "role", "joined",
               "activities", "last_contact", "ties", *(f"rung_{r.key}" for r in net.ladder)]
    table = pd.DataFrame(rows, columns=[*columns, "_silent"])
    table = (table.sort_values(["priority", "_silent", "person"], ascending=[False, False, True],
                               kind="stable")
             .drop(columns="_silent").reset_index(drop=True))
    if suggest:
        table["suggestions"] = [_suggestions(village, person, match, suggest)
                                for person in table["person"]]
    table = table.astype({"priority": "int64", "ties": "int64"})
    table.attrs.update(kind="worklist", lang=lang, as_of=iso_day(village.day), data=net.name,
                       wijk=wijk or "", fading=str(fading), new=str(new))
    return table


def _low_level(net: LadderNetwork) -> int:
    """The "second rung": peer ties above it are more than a chat (on short ladders: below the
    top)."""
    return max(min(2, len(net.ladder) - 1), 0)


def _reasons(village: Village, person: Hashable, windows: dict[str, pd.DateOffset],
             ) -> dict[str, dict[str, Any]]:
    """The reasons that apply to ``person``, each with what its sentence needs."""
    day = village.day
    ties = village.graph[person]
    peers = village.peers(person)
    since = village.net.present_from.get(person, pd.NaT)
    last = village.last_contact(person)
    found: dict[str, dict[str, Any]] = {}
    if not ties:
        found["alone"] = {"since": since}
    elif not peers:
        found["only_professionals"] = {"others": sorted(ties, key=str)}
    if ties and last < day - windows["fading"]:
        found["fading"] = {"last": last, "peers": bool(peers), "others": len(peers) < len(ties)}
    if not peers and not pd.isna(since) and since >= day - windows["new"]:
        found["new_unconnected"] = {"since": since}
    low = _low_level(village.net)
    if (peers and max(ties[p]["rung"] for p in peers) <= low and not pd.isna(since)
            and since < day - windows["stuck_after"]):
        found["stuck_low"] = {"since": since, "peers": len(peers), "level": low}
    return {key: found[key] for key in REASONS if key in found}


def _worklist_row(village: Village, person: Hashable, found: dict[str, dict[str, Any]],
                  lang: str) -> dict[str, Any]:
    graph, net = village.graph, village.net
    ties = graph[person]
    sentences = [reason_sentence(village, key, info, lang) for key, info in found.items()]
    sentences.append(priority_sentence({key: REASONS[key] for key in found}, lang))
    last = village.last_contact(person)
    rungs = {f"rung_{r.key}": sum(1 for d in ties.values() if d["rung"] == r.level)
             for r in net.ladder}
    return {"person": person, "wijk": village.text(person, "wijk"),
            "priority": sum(REASONS[key] for key in found),
            "reasons": ";".join(found), "explanation": " ".join(sentences),
            "name": village.text(person, "name"), "role": village.text(person, "role"),
            "joined": iso_day(graph.nodes[person].get("joined")),
            "activities": "; ".join(sorted(village.activities[person])),
            "last_contact": iso_day(last), "ties": len(ties), **rungs,
            # Sort key: days without contact, the longest first; never counts as longest.
            "_silent": (village.day - last).days if not pd.isna(last) else 10 ** 9}


def _suggestions(village: Village, person: Hashable, match: tuple[str, ...], top: int) -> str:
    """The names and scores of the ``top`` best peers for ``person``: "Bo (bo) 9; Cem (c) 7"."""
    rows = candidates(village, person, match, professionals=False, lang="en")[:top]
    return "; ".join(f"{village.name(row['candidate'])} {row['score']}" for row in rows)
