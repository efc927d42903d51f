"""Who needs a link: the focal people who are alone, only see professionals, drift away, are new
and unconnected, or stay on the lowest rungs, the most urgent first.

*Focal* people are those with the focal role (parents by default); a *peer tie* is a tie between
two focal people; everyone else (professionals, volunteers) counts as a professional here. The
list is computed on the network as far as it has grown by the *reference day* (the ``as_of`` day,
or the last day of the data; see :class:`~contactladder.analysis.village.Village`).

One row per focal person present on the reference day (people who joined after the last
contact too) whose status lets them on the list (not moved, withdrawn or paused: see
:data:`~contactladder.analysis.village.STATUSES`) and for whom at least one reason applies:

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
``gone``                  1       *uit beeld*, out of sight: the last contact on any tie is
                                  longer than ``gone`` before the reference day (instead of
                                  ``fading``, which is the recent drifting)
========================  ======  ==========================================================

*In the project since* is the day they joined, or their first contact when that is earlier, or
the start of the data when neither is known. ``stuck_low`` leaves out people without peer ties:
for them ``alone`` or ``only_professionals`` already says more. On a ladder of fewer than three
rungs "the second rung" is the one below the top.

**Priority** is the sum of the weights of the reasons that apply, so a new parent who is alone
(5 + 2 = 7) comes before a parent who is only in touch with a professional and drifting away
(3 + 3 = 6), who comes before a parent who is alone but has been so for long (5). Rows with the
same priority come in order of the longest time without any contact first (never counts as
longest), then by person id. People out of sight (``gone``) come last, so the list opens with
the people still within reach. The explanation of every row ends with its sum.

**Suggestions** (``suggest=N``): the N best candidates of
:func:`~contactladder.analysis.introductions.introductions` for each person, going down the
list; among candidates of equal score the one suggested less often so far in this list comes
first, and no one is suggested more than ``most_suggested`` times: the list states the spread
(``attrs["most_suggested"]``). **Invite** (for people without a peer tie): the activities that
produced the most ties at the second rung or higher among focal people like them (both in their
wijk, both with their values of the ``match`` columns), with that count.

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
[['dewi', 7, 'alone | new_unconnected'], ['ann', 6, 'only_professionals | fading']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from contactladder.analysis.candidate_sets import suggestions
from contactladder.analysis.durations import parse_duration
from contactladder.analysis.invitations import invitation_counts, invitations
from contactladder.analysis.village import LEFT, Village, check_columns, check_wijk, iso_day
from contactladder.analysis.weaver_sentences import invite_text, priority_sentence, reason_sentence
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import LIST_SEPARATOR, check_lang

__all__ = ["REASONS", "worklist"]

#: The reasons of the worklist, in the order they are listed, and their weight in the priority.
REASONS: dict[str, int] = {
    "alone": 5,
    "only_professionals": 3,
    "fading": 3,
    "new_unconnected": 2,
    "stuck_low": 1,
    "gone": 1,
}


def worklist(
    net: LadderNetwork,
    *,
    as_of: object = None,
    wijk: str | None = None,
    fading: object = "90d",
    new: object = "60d",
    stuck_after: object = "180d",
    gone: object = "12m",
    suggest: int = 0,
    match: Iterable[str] = (),
    together: object = "1m",
    most_suggested: int | None = 5,
    status: pd.DataFrame | None = None,
    introduced: pd.DataFrame | None = None,
    anonymize: bool = False,
    lang: str = "nl",
) -> pd.DataFrame:
    """The focal people who need a link, with every reason that applies, most urgent first.

    See the module docstring for the reasons, their weights and the order.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date, optional
        The reference day (default: the last day of the data; any later day is fine).
    wijk : str, optional
        Only people of this wijk (case-insensitive).
    fading, new, stuck_after, gone : duration
        ``90d``, ``12w``, ``6m``, ``1y``...: see
        :func:`~contactladder.analysis.durations.parse_duration`.
    suggest : int
        With N > 0, a ``suggestions`` column with the N best
        :func:`~contactladder.analysis.introductions.introductions` of each.
    match : columns
        People columns the suggestions and invitations match on.
    together : duration
        A shared activity counts when both were there within this time of each other.
    most_suggested : int or None
        No one is suggested more often than this in the list (None: no limit).
    status : DataFrame, optional
        The status rows (:func:`~contactladder.loading.weaver_files.read_status`).
    introduced : DataFrame, optional
        The logged introductions
        (:func:`~contactladder.loading.weaver_files.read_introductions`).
    anonymize : bool
        The team-meeting version: anonymous labels ("Ouder 12", as on the maps) in a ``label``
        column and in every sentence; no name, id, date of joining or note.
    lang : ``nl`` or ``en``
        The language of the explanations.

    Returns
    -------
    DataFrame
        ``person, wijk, priority, reasons, explanation, name, role, joined, activities,
        last_contact, ties, rung_<key>..., status, invite, introduced, as_of`` (and
        ``suggestions``). ``reasons`` holds the keys joined by ``" | "``; ``activities`` the
        activities the person has ties at, joined by ``; ``; dates are ISO text, empty when
        unknown; ``rung_<key>`` counts their ties at that rung. Anonymized: ``label`` instead of
        ``person`` and ``name``, without ``joined`` and ``introduced``.

    Raises
    ------
    UsageError
        For a date before the data, a bad duration, an unknown wijk, language or column, a
        negative ``suggest``.

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
    [['a', 'fading | stuck_low'], ['b', 'stuck_low'], ['c', 'stuck_low']]
    >>> print(table["explanation"][0])  # doctest: +NORMALIZE_WHITESPACE
    Has had no contact with other parents for 8 months (last contact 2024-01-10). After 8 months
    in the project, no tie with other parents is above 'Chatting' (1 tie with other parents).
    Priority 4: fading 3 + stuck low 1.
    >>> worklist(net, as_of="2025-03-01", lang="en")[["person", "reasons"]].values.tolist()
    [['b', 'fading | stuck_low'], ['c', 'fading | stuck_low'], ['a', 'stuck_low | gone']]
    """
    lang = check_lang(lang)
    if suggest < 0:
        raise UsageError("a number of people to suggest", value=str(suggest), hint="give 0 or more")
    windows = {
        key: parse_duration(value, name=key)
        for key, value in (
            ("fading", fading),
            ("new", new),
            ("stuck_after", stuck_after),
            ("gone", gone),
        )
    }
    match = check_columns(net, match)
    village = Village.of(
        net, as_of, status=status, together=together, fading=fading, anonymize=anonymize, lang=lang
    )
    people = [p for p in village.graph if village.focal(p) and village.listed(p)]
    if wijk is not None:
        wanted = check_wijk(net, wijk)
        people = [p for p in people if village.text(p, "wijk").lower() == wanted]
    logged = _logged(village, introduced)
    invites = invitation_counts(village, match)
    applies = _reasons_of_all(village, windows)
    rungs = _rung_counts(village)
    rows = []
    for person in people:
        code = village.index.code[person]
        if applies[code].any():
            found = _reasons(village, person, applies[code])
            row = _worklist_row(village, person, found, (match, invites), logged, lang)
            rows.append(row | dict(zip(rungs[0], rungs[1][code].tolist())))
    columns = "person wijk priority reasons explanation name role joined activities".split()
    columns += ["last_contact", "ties", *(f"rung_{r.key}" for r in net.ladder)]
    columns += ["status", "invite", "introduced", "as_of"]
    table = pd.DataFrame(rows, columns=[*columns, "_gone", "_silent"])
    table = (
        table.sort_values(
            ["_gone", "priority", "_silent", "person"],
            ascending=[True, False, False, True],
            kind="stable",
        )
        .drop(columns=["_gone", "_silent"])
        .reset_index(drop=True)
    )
    table["as_of"] = iso_day(village.day)
    most = 0
    if suggest:
        table["suggestions"], most = suggestions(
            village, table["person"].tolist(), match, suggest, most_suggested
        )
    table = table.astype({"priority": "int64", "ties": "int64"})
    if anonymize:
        table = (
            table.assign(person=[village.name(p) for p in table["person"]])
            .rename(columns={"person": "label"})
            .drop(columns=["name", "joined", "introduced"])
        )
    table.attrs.update(
        kind="worklist",
        lang=lang,
        as_of=iso_day(village.day),
        data=net.name,
        wijk=wijk or "",
        fading=str(fading),
        new=str(new),
        gone=str(gone),
        most_suggested=most,
        anonymize=anonymize,
    )
    return table


def _low_level(net: LadderNetwork) -> int:
    """The "second rung": peer ties above it are more than a chat (on short ladders: below the
    top)."""
    return max(min(2, len(net.ladder) - 1), 0)


def _reasons_of_all(village: Village, windows: dict[str, pd.DateOffset]) -> np.ndarray:
    """Which reasons apply to each person (rows by code in the village's index, columns in the
    order of :data:`REASONS`; see the module docstring)."""
    index, focal = village.index, village.focal_mask
    day = village.day
    before = {key: (day - window).to_datetime64() for key, window in windows.items()}
    ties = np.diff(index.indptr) > 0
    peers = index.tie_counts(focal) > 0
    owners = np.repeat(np.arange(index.size), np.diff(index.indptr))
    top_peer = np.full(index.size, -1, dtype=np.int64)
    np.maximum.at(top_peer, owners, np.where(focal[index.neighbours], index.rungs, -1))
    last = index.last_contact
    present = village.present_from
    since = pd.to_datetime(
        pd.Series([present.get(p, pd.NaT) for p in index.people], dtype=object)
    ).to_numpy(dtype="datetime64[ns]")
    gone = ties & (last < before["gone"])
    found = {
        "alone": ~ties,
        "only_professionals": ties & ~peers,
        "fading": ties & ~gone & (last < before["fading"]),
        "new_unconnected": ~peers & (since >= before["new"]),
        "stuck_low": peers
        & (top_peer <= _low_level(village.net))
        & (since < before["stuck_after"]),
        "gone": gone,
    }
    return np.column_stack([found[key] for key in REASONS])


def _reasons(village: Village, person: Hashable, applies: np.ndarray) -> dict[str, dict[str, Any]]:
    """The reasons that apply to ``person`` (``applies``: a row of :func:`_reasons_of_all`),
    each with what its sentence needs."""
    peers = village.peers(person)
    since = village.present_from.get(person, pd.NaT)
    last = village.last_contact(person)
    others = sorted((p for p in village.graph[person] if not village.focal(p)), key=str)
    info = {
        "alone": {"since": since},
        "only_professionals": {"others": others},
        "fading": {"last": last, "peers": bool(peers), "others": others},
        "new_unconnected": {"since": since},
        "stuck_low": {"since": since, "peers": len(peers), "level": _low_level(village.net)},
        "gone": {"last": last},
    }
    return {key: info[key] for key, applied in zip(REASONS, applies.tolist()) if applied}


def _rung_counts(village: Village) -> tuple[list[str], np.ndarray]:
    """The ``rung_<key>`` columns, and each person's number of ties at each rung (rows by code
    in the village's index)."""
    index, ladder = village.index, village.net.ladder
    place = pd.Index([rung.level for rung in ladder]).get_indexer(index.rungs)
    owners = np.repeat(np.arange(index.size), np.diff(index.indptr))
    counts = np.zeros((index.size, len(ladder)), dtype=np.int64)
    np.add.at(counts, (owners[place >= 0], place[place >= 0]), 1)
    return [f"rung_{rung.key}" for rung in ladder], counts


def _worklist_row(
    village: Village,
    person: Hashable,
    found: dict[str, dict[str, Any]],
    inviting: tuple[tuple[str, ...], dict[tuple, Counter[str]]],
    logged: dict[Hashable, str],
    lang: str,
) -> dict[str, Any]:
    graph = village.graph
    ties = graph[person]
    sentences = [reason_sentence(village, key, info, lang) for key, info in found.items()]
    sentences.append(priority_sentence({key: REASONS[key] for key in found}, lang))
    last = village.last_contact(person)
    invite = (
        invite_text(
            village, person, invitations(village, person, inviting[0], counts=inviting[1]), lang
        )
        if not village.peers(person)
        else ""
    )
    return {
        "person": person,
        "wijk": village.text(person, "wijk"),
        "priority": sum(REASONS[key] for key in found),
        "reasons": LIST_SEPARATOR.join(found),
        "explanation": " ".join(sentences),
        "name": village.text(person, "name"),
        "role": village.text(person, "role"),
        "joined": iso_day(graph.nodes[person].get("joined")),
        "activities": LIST_SEPARATOR.join(village.index.activity_names(village.index.code[person])),
        "last_contact": iso_day(last),
        "ties": len(ties),
        "status": village.status_of(person),
        "invite": invite,
        "introduced": logged.get(person, ""),
        "as_of": "",
        "_gone": "gone" in found,
        # Sort key: days without contact, the longest first; never counts as longest.
        "_silent": (village.day - last).days if not pd.isna(last) else 10**9,
    }


def _logged(village: Village, introduced: pd.DataFrame | None) -> dict[Hashable, str]:
    """Person -> the introductions logged for them up to the reference day, "Bo (bo) 2025-11-03
    | ..." (either side of the introduction)."""
    found: dict[Hashable, list[str]] = {}
    if introduced is None:
        return {}
    for date, a, b in zip(introduced["date"], introduced["person"], introduced["introduced_to"]):
        if date > village.day or a not in village.graph or b not in village.graph:
            continue
        if village.status_of(a) in LEFT or village.status_of(b) in LEFT:
            continue  # who left or withdrew consent is named on no list
        found.setdefault(a, []).append(f"{village.name(b)} {iso_day(date)}")
        found.setdefault(b, []).append(f"{village.name(a)} {iso_day(date)}")
    return {person: LIST_SEPARATOR.join(items) for person, items in found.items()}
