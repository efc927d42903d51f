"""The sentences of the weaver's lists: why a person is on the worklist, why a candidate is
suggested, why someone holds the village together. Every word comes from the catalogue
(``words/weaver.toml``); this room only puts the pieces together.

The focal people are called by their role ("andere ouders", "other children"); a role the
catalogue does not know is written as it is ("anderen met de rol grootouder").

Examples
--------
>>> peers_word("parent", "nl"), peers_word("child", "en"), peers_word("grootouder", "nl")
('andere ouders', 'other children', 'anderen met de rol grootouder')
>>> listing(["a", "b", "c", "d", "e"], "en")
'a, b, c and 2 more'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from contactladder.analysis.durations import time_span
from contactladder.analysis.village import Village, iso_day
from contactladder.words import LIST_SEPARATOR, attribute_text, words
from contactladder.words.roles import ROLE_WORDS, role_key, role_word

__all__ = [
    "role_people",
    "peers_word",
    "others_word",
    "listing",
    "reason_sentence",
    "priority_sentence",
    "invite_text",
    "broker_explanation",
]


def role_people(roles: Iterable[object], lang: str, count: int = 2) -> str:
    """The people of these roles in lower case, singular for a count of 1: "ouders".

    A role the catalogue does not know is written as it is.

    >>> role_people(["parent"], "en"), role_people(["parent"], "nl", 1), role_people(["kok"], "nl")
    ('parents', 'ouder', 'kok')
    """
    return ", ".join(
        role_word(role, lang, plural=count != 1).lower()
        if role_key(role) in ROLE_WORDS
        else attribute_text(role)
        for role in roles
    )


def peers_word(focal: str, lang: str) -> str:
    """How a focal person's peers are called: "andere ouders" for parents."""
    w = words(lang)
    if role_key(focal) in ROLE_WORDS:
        return w["weaver.peers"].format(people=role_people([focal], lang))
    return w["weaver.peers_of_role"].format(role=focal)


def others_word(village: Village, others: Iterable[object], lang: str) -> str:
    """How the non-focal people a person is in touch with are called, by their roles:
    "professionals", "professionals en vrijwilligers" (volunteers are no professionals); a role
    the catalogue does not know counts as a professional."""
    roles = sorted({village.text(p, "role") for p in others})
    names = sorted(
        {
            role_people([role if role_key(role) in ROLE_WORDS else "professional"], lang)
            for role in roles
        }
    )
    if len(names) < 2:
        return names[0] if names else ""
    return words(lang)["weaver.and"].format(first=", ".join(names[:-1]), last=names[-1])


def listing(names: list[str], lang: str, most: int = 3) -> str:
    """Up to ``most`` names, and how many more."""
    shown = ", ".join(names[:most])
    rest = len(names) - most
    return words(lang)["weaver.more"].format(names=shown, rest=rest) if rest > 0 else shown


# --- who needs a link ---------------------------------------------------------------------------


def reason_sentence(village: Village, key: str, info: Mapping[str, Any], lang: str) -> str:
    """One reason of the worklist as a sentence; ``info`` holds what the sentence needs
    (``since``, ``others``, ``last``, ``peers``, ``level``)."""
    w = words(lang)
    peers = peers_word(village.net.focal, lang)
    since = info.get("since", pd.NaT)
    span = "" if pd.isna(since) else time_span(since, village.day, lang)
    if key == "alone":
        return w["weaver.alone"] if pd.isna(since) else w["weaver.alone_since"].format(span=span)
    if key == "only_professionals":
        names = listing([village.name(p) for p in info["others"]], lang)
        return w["weaver.only_professionals"].format(
            names=names, peers=peers, others=others_word(village, info["others"], lang)
        )
    if key in ("fading", "gone"):
        whom = (
            "gone"
            if key == "gone"
            else "everyone"
            if info["peers"] and info["others"]
            else "peers"
            if info["peers"]
            else "professionals"
        )
        return w[f"weaver.fading_{whom}"].format(
            span=time_span(info["last"], village.day, lang),
            last=iso_day(info["last"]),
            peers=peers,
            others=others_word(village, info.get("others", ()), lang),
        )
    if key == "new_unconnected":
        return w["weaver.new_unconnected"].format(span=span, peers=peers)
    rung = village.net.ladder[info["level"]].label(lang) if info["level"] else ""
    return w["weaver.stuck_low"].format(
        span=span, peers=peers, rung=rung, ties=w.count(info["peers"], "weaver.ties_counted")
    )


def priority_sentence(weights: Mapping[str, int], lang: str) -> str:
    """The sum of the weights of the reasons that apply: "Priority 6: alone 5 + new 1."

    >>> priority_sentence({"only_professionals": 3, "fading": 3}, "en")
    'Priority 6: only professionals 3 + fading 3.'
    """
    w = words(lang)
    parts = " + ".join(f"{w[f'weaver.reason_{key}']} {weight}" for key, weight in weights.items())
    return w["weaver.priority"].format(priority=sum(weights.values()), parts=parts)


def invite_text(village: Village, person: object, found: list[tuple[str, int]], lang: str) -> str:
    """The activities to invite a person to, with the ties each produced among people like
    them: "Koffie en Koters: 12 banden vanaf 'Maken een praatje' tussen ouders in Dieze"."""
    if not found:
        return ""
    w = words(lang)
    rung = village.net.ladder[min(2, len(village.net.ladder))].label(lang)
    people = role_people([village.net.focal], lang)
    wijk = village.text(person, "wijk")
    return LIST_SEPARATOR.join(
        w["weaver.invite"].format(
            activity=activity,
            rung=rung,
            people=people,
            wijk=wijk,
            ties=w.count(ties, "weaver.ties_counted"),
        )
        for activity, ties in found
    )


# --- who holds the village together -------------------------------------------------------------


def broker_explanation(
    lang: str,
    *,
    betweenness: float,
    counts: Mapping[str, int],
    other_wijken: Iterable[str],
    other_groups: Iterable[str],
    sole: list[str],
    focal_roles: list[str],
    cut_off: int,
) -> str:
    """Why a person holds the village together, in sentences.

    ``counts`` holds ``between_wijken, between_groups, local_bridges, bridges``; ``sole`` the
    names of the focal people whose only tie is this person; ``focal_roles`` their roles.

    >>> counts = {"between_wijken": 1, "between_groups": 0, "local_bridges": 0, "bridges": 0}
    >>> text = broker_explanation("en", betweenness=0.004, counts=counts, other_wijken=["Zuid"],
    ...     other_groups=[], sole=[], focal_roles=["parent"], cut_off=1)
    >>> print(text)  # doctest: +NORMALIZE_WHITESPACE
    less than 1% of the shortest paths between others run through this person. 1 tie to another
    wijk (Zuid). Without this person, 1 person loses touch with the rest.
    """
    w = words(lang)
    sentences = []
    if betweenness:
        share = f"{betweenness:.0%}" if betweenness >= 0.01 else w["weaver.less_than_a_percent"]
        sentences.append(w["weaver.betweenness"].format(share=share))
    if counts["between_wijken"]:
        sentences.append(
            w["weaver.between_wijken"].format(
                ties=w.count(counts["between_wijken"], "weaver.ties_counted"),
                wijken=", ".join(sorted(other_wijken)),
            )
        )
    if counts["between_groups"]:
        sentences.append(
            w["weaver.between_groups"].format(
                ties=w.count(counts["between_groups"], "weaver.ties_counted"),
                groups=", ".join(sorted(other_groups)),
            )
        )
    if counts["local_bridges"]:
        key = "local_bridges_of_which_bridges" if counts["bridges"] else "local_bridges"
        sentences.append(
            w[f"weaver.{key}"].format(
                ties=w.count(counts["local_bridges"], "weaver.ties_counted"),
                bridges=counts["bridges"],
            )
        )
    if sole:
        sentences.append(
            w["weaver.sole_link"].format(
                count=len(sole),
                people=role_people(focal_roles, lang, len(sole)),
                names=listing(sole, lang),
            )
        )
    if cut_off:
        sentences.append(w.plural("weaver.cut_off", cut_off).format(count=cut_off))
    return " ".join(sentences)
