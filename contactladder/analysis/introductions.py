"""Whom a person could meet: candidates ranked by points, with the reasons behind each.

Candidates are the other focal people present on the reference day (see
:class:`~contactladder.analysis.village.Village`), and with ``professionals=True`` also the
others (as bridges to more people), who are *within reach*: their status lets them be suggested
(not moved, withdrawn or paused) and they had a contact within the fading window (``fading``),
so a suggestion is never someone who is on the worklist for fading or out of sight. Someone the
person already has a tie with at the second rung or higher is never suggested; a tie on the
lowest rung (they know each other by sight) is no obstacle. Each candidate gets additive points:

==========================  =================================================================
reason                      points
==========================  =================================================================
``same_activity``           3 for every activity both were at within ``together`` of each
                            other (default ``1m``: overlapping months); the catch-all of
                            contacts outside the activities is no activity
``same_wijk``               2 when both live in the same (known) wijk
``match:<column>``          2 for every ``match`` column (of the people file) where both have
                            the same, non-empty value, such as ``child_age_group``
``shared_contacts``         1 for every person both have a tie with (friend of a friend), at
                            most 3
``bridge``                  professionals only: 1 for every focal person they are tied to and
                            the person is not, at most 3
==========================  =================================================================

Candidates without any point are left out. The best come first: highest score, then in a
seeded order of their own (:func:`tiebreak`: stable, the same for the same pair, but never id
order, so equal candidates are not always the same few people). The explanation shows the
points of each reason, so a reader sees why B comes before C.

Examples
--------
Ans and Bep both go to peutergym in Dieze; Cor lives there too and saw Kim at home; Ans
already chats with Dirk; Eva, of Dieze too, has had no contact yet, so she is not suggested:

>>> import pandas as pd
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network.ladder_network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-03-01"] * 4),
...     "person_a": ["ans", "bep", "ans", "cor"], "person_b": ["kim", "kim", "dirk", "kim"],
...     "rung": [1, 1, 2, 2], "activity": ["peutergym", "peutergym", "", ""], "wijk": "",
...     "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent"] * 5 + ["professional"], "name": "",
...     "organisation": "", "wijk": "Dieze", "joined": pd.NaT},
...     index=["ans", "bep", "cor", "dirk", "eva", "kim"])
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> introductions(net, "ans", lang="en")[["candidate", "score", "reasons"]].values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['bep', 6, 'same_activity | same_wijk | shared_contacts'],
 ['cor', 3, 'same_wijk | shared_contacts']]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import pandas as pd

from contactladder.analysis.candidate_sets import CAPS, POINTS, SEED, ranked, tiebreak
from contactladder.analysis.village import Village, check_columns, iso_day
from contactladder.analysis.weaver_sentences import listing, peers_word
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import LIST_SEPARATOR, check_lang, words

__all__ = ["POINTS", "CAPS", "SEED", "introductions", "candidates", "ranked", "tiebreak"]


def introductions(
    net: LadderNetwork,
    person: str,
    *,
    as_of: object = None,
    match: Iterable[str] = (),
    professionals: bool = False,
    top: int | None = 10,
    status: pd.DataFrame | None = None,
    fading: object = "90d",
    together: object = "1m",
    anonymize: bool = False,
    lang: str = "nl",
) -> pd.DataFrame:
    """Whom ``person`` could meet: ranked candidates with the reasons and points behind each
    (the module docstring defines the candidates, the points and the order).

    Parameters
    ----------
    net : LadderNetwork
    person : str
        A person's id.
    as_of : date, optional
        The reference day (default: the last day of the data; any later day is fine).
    match : columns
        People columns (such as ``child_age_group``) on which an equal value earns points.
    professionals : bool
        Also suggest non-focal people, as bridges to more people.
    top : int or None
        At most this many rows (None: all).
    status : DataFrame, optional
        The status rows (``person, status, since``; see
        :func:`~contactladder.loading.weaver_files.read_status`).
    fading, together : duration
        Candidates had a contact within ``fading``; a shared activity counts within
        ``together``.
    anonymize : bool
        Anonymous labels (as on the maps) in ``label`` and ``candidate_label`` columns, in place
        of ``person``, ``candidate`` and ``name``, and in the explanations.
    lang : ``nl`` or ``en``

    Returns
    -------
    DataFrame
        ``person, candidate, score, reasons, explanation, name, role, wijk, current_rung,
        as_of``, best first. ``reasons`` holds the keys joined by ``;``; ``current_rung`` is
        the key of the rung the pair has reached already, empty when they have no tie.

    Raises
    ------
    UsageError
        For an unknown person, a person not yet present on ``as_of`` or who left (moved,
        withdrew consent), a date before the data, or an unknown column.

    Examples
    --------
    >>> from contactladder import Dataset, Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-01-10"]),
    ...     "person_a": ["a", "b"], "person_b": ["k", "k"], "rung": [1, 1],
    ...     "activity": "peutergym", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": ["parent", "parent", "professional"], "name": "",
    ...     "organisation": "", "wijk": "", "joined": pd.NaT}, index=["a", "b", "k"])
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> table = introductions(net, "a", lang="en")
    >>> table[["candidate", "score", "reasons"]].values.tolist()
    [['b', 4, 'same_activity | shared_contacts']]
    >>> print(table["explanation"][0])
    Same activity: peutergym (+3). 1 shared contact: k (+1). Score 4.
    """
    lang = check_lang(lang)
    match = check_columns(net, match)
    if not net.knows(person):
        raise UsageError("unknown person", value=person, hint="give an id from the people file")
    village = Village.of(
        net, as_of, status=status, fading=fading, together=together, anonymize=anonymize, lang=lang
    )
    village.check_listed(person)
    rows = candidates(village, person, match, professionals=professionals, top=top, lang=lang)
    table = pd.DataFrame(
        rows,
        columns=[
            "person",
            "candidate",
            "score",
            "reasons",
            "explanation",
            "name",
            "role",
            "wijk",
            "current_rung",
        ],
    )
    table = table.astype({"score": "int64"})
    table["as_of"] = iso_day(village.day)
    if anonymize:
        table = (
            table.assign(
                person=[village.name(p) for p in table["person"]],
                candidate=[village.name(p) for p in table["candidate"]],
            )
            .rename(columns={"person": "label", "candidate": "candidate_label"})
            .drop(columns="name")
        )
    table.attrs.update(kind="introductions", lang=lang, as_of=iso_day(village.day))
    return table


def candidates(
    village: Village,
    person: Hashable,
    match: tuple[str, ...],
    *,
    professionals: bool = False,
    top: int | None = None,
    lang: str = "nl",
) -> list[dict[str, Any]]:
    """The ``top`` best candidates for ``person`` (None: every one with at least one point),
    best first (score, then :func:`tiebreak`): the rows of :func:`introductions`."""
    graph = village.graph
    return [
        _candidate_row(
            village,
            person,
            other,
            _reasons(village, person, other, match, lang),
            graph[person][other]["rung"] if other in graph[person] else 0,
            lang,
        )
        for other, _ in ranked(village, person, match, professionals=professionals, top=top)
    ]


def _reasons(
    village: Village, person: Hashable, other: Hashable, match: tuple[str, ...], lang: str
) -> list[tuple[str, int, str]]:
    """The reasons that ``other`` is a candidate for ``person``: (key, points, words)."""
    w = words(lang)
    graph = village.graph
    mine = set(graph[person])
    reasons: list[tuple[str, int, str]] = []
    shared = village.shared_activities(person, other)
    if shared:
        reasons.append(
            (
                "same_activity",
                POINTS["same_activity"] * len(shared),
                w["weaver.same_activity"].format(activities=", ".join(shared)),
            )
        )
    wijk = village.text(person, "wijk")
    if wijk and village.text(other, "wijk") == wijk:
        reasons.append(("same_wijk", POINTS["same_wijk"], w["weaver.same_wijk"].format(wijk=wijk)))
    for column in match:
        value = village.text(person, column)
        if value and village.text(other, column) == value:
            reasons.append(
                (
                    f"match:{column}",
                    POINTS["match"],
                    w["weaver.same_value"].format(column=column, value=value),
                )
            )
    common = sorted(mine & set(graph[other]), key=str)
    if common:
        reasons.append(
            (
                "shared_contacts",
                _capped("shared_contacts", len(common)),
                w["weaver.shared_contacts"].format(
                    shared=w.count(len(common), "weaver.shared_contacts_counted"),
                    names=listing([village.name(p) for p in common], lang),
                ),
            )
        )
    if not village.focal(other):
        reach = [p for p in graph[other] if village.focal(p) and p != person and p not in mine]
        if reach:
            reasons.append(
                (
                    "bridge",
                    _capped("bridge", len(reach)),
                    w["weaver.bridge"].format(
                        count=len(reach), peers=peers_word(village.net.focal, lang), person=person
                    ),
                )
            )
    return reasons


def _capped(key: str, count: int) -> int:
    """The points of ``count`` times reason ``key``, at most its cap."""
    return min(count * POINTS[key], CAPS[key])


def _candidate_row(
    village: Village,
    person: Hashable,
    other: Hashable,
    reasons: list[tuple[str, int, str]],
    current: int,
    lang: str,
) -> dict[str, Any]:
    w, net = words(lang), village.net
    score = sum(points for _, points, _ in reasons)
    sentences = [
        w["weaver.points"].format(reason=text, points=points) for _, points, text in reasons
    ]
    if current:
        sentences.append(w["weaver.already_known"].format(rung=net.ladder[current].label(lang)))
    sentences.append(w["weaver.score"].format(score=score))
    return {
        "person": person,
        "candidate": other,
        "score": score,
        "reasons": LIST_SEPARATOR.join(key for key, _, _ in reasons),
        "explanation": " ".join(sentences),
        "name": village.text(other, "name"),
        "role": village.text(other, "role"),
        "wijk": village.text(other, "wijk"),
        "current_rung": net.ladder[current].key if current else "",
    }
