"""The network weaver's worklist: who needs a link, whom they could meet, who holds the village.

Three tables for the "netwerker in de netwerken", each computed on the network as far as it has
grown by ``as_of`` (:meth:`~contactladder.network.LadderNetwork.snapshot`). *Focal* people are
those with the focal role (parents by default); a *peer tie* is a tie between two focal people;
everyone else (professionals, volunteers) counts as a professional here. The *reference day* is
the ``as_of`` day, or the last day of the data.

**Who needs a link** (:func:`worklist`). One row per focal person present on the reference day
for whom at least one reason applies:

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

**Whom they could meet** (:func:`introductions`). Candidates are the other focal people present,
and with ``professionals=True`` also the others (as bridges to more people). Someone the person
already has a tie with at the second rung or higher is never suggested; a tie on the lowest rung
(they know each other by sight) is no obstacle. Each candidate gets additive points:

==========================  =================================================================
reason                      points
==========================  =================================================================
``same_activity``           3 for every activity both have ties at
``same_wijk``               2 when both live in the same (known) wijk
``match:<column>``          2 for every ``match`` column (of the people file) where both have
                            the same, non-empty value, such as ``child_age_group``
``shared_contacts``         1 for every person both have a tie with (friend of a friend), at
                            most 3
``bridge``                  professionals only: 1 for every focal person they are tied to and
                            the person is not, at most 3
==========================  =================================================================

Candidates without any point are left out. The best come first: highest score, then candidate
id. The explanation shows the points of each reason, so a reader sees why B comes before C.

**Who holds the village together** (:func:`brokers`). For every person present:

- ``betweenness``: the share of shortest paths between two other people that pass through them
  (:func:`networkx.betweenness_centrality`, normalised, unweighted; exact up to
  ``BETWEENNESS_EXACT_UP_TO`` people, above that estimated from ``BETWEENNESS_SAMPLE`` sampled
  sources with the fixed seed ``SEED``, so the same data give the same numbers);
- ``bridging_ties``: their ties that join groups that would otherwise not meet: to another wijk
  (``between_wijken``), to another group (``between_groups``: the focal people form one group,
  everyone else is grouped by organisation, or by role when they have none), or a *local bridge*
  (``local_bridges``: the two ends have no one in common; a bridge in the strict sense, whose
  loss splits the network, is one too, counted in ``bridges``);
- ``sole_link_parents``: the focal people whose only tie is with this person;
- ``cut_off``: the people who would lose their way to the larger part of their component if
  this person left (0 unless the person is an articulation point).

People with none of these are left out; the rest come in order of betweenness, then bridging
ties, then sole-link parents, then person id.

All three tables show names: they are the worker's own lists and hold personal data.
:func:`write_list` says so in what it writes (the XLSX sheet name, a comment and a banner in HTML;
CSV stays clean for scripts, so the CLI says it on stderr).

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
>>> introductions(net, "ann")[["candidate", "score", "reasons"]].values.tolist()
[['bo', 2, 'same_wijk'], ['cem', 2, 'same_wijk'], ['dewi', 2, 'same_wijk']]
>>> brokers(net)[["person", "betweenness", "bridging_ties", "sole_link_parents"]].values.tolist()
[['bo', 0.0, 1, 1], ['cem', 0.0, 1, 1], ['k1', 0.0, 1, 1], ['ann', 0.0, 1, 0]]
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import networkx as nx
import pandas as pd

from contactladder.errors import UsageError
from contactladder.ladder import LANGUAGES
from contactladder.network.ladder_network import LadderNetwork
from contactladder.io.files import write_table, write_text, write_workbook

__all__ = [
    "REASONS",
    "REASON_WORDS",
    "POINTS",
    "worklist",
    "introductions",
    "brokers",
    "parse_duration",
    "worklist_html",
    "write_list",
    "as_text",
    "PERSONAL_DATA",
    "BETWEENNESS_EXACT_UP_TO",
    "BETWEENNESS_SAMPLE",
    "SEED",
]

# The reasons of the worklist, in the order they are listed, and their weight in the priority.
REASONS: dict[str, int] = {
    "alone": 5,
    "only_professionals": 3,
    "fading": 3,
    "new_unconnected": 2,
    "stuck_low": 1,
}
# Each reason in a few words, for the sum at the end of an explanation.
REASON_WORDS: dict[str, tuple[str, str]] = {
    "alone": ("zonder contact", "alone"),
    "only_professionals": ("alleen professionals", "only professionals"),
    "fading": ("contact verwatert", "fading"),
    "new_unconnected": ("nieuw", "new, unconnected"),
    "stuck_low": ("blijft laag", "stuck low"),
}
# Points per introduction reason (per activity, per column, per shared contact...), and caps.
POINTS: dict[str, int] = {"same_activity": 3, "same_wijk": 2, "match": 2, "shared_contacts": 1,
                          "bridge": 1}
CAPS: dict[str, int] = {"shared_contacts": 3, "bridge": 3}
BETWEENNESS_EXACT_UP_TO = 1000
BETWEENNESS_SAMPLE = 500
SEED = 2024
# What every written list says about itself.
PERSONAL_DATA = {
    "nl": "Bevat persoonsgegevens (namen): alleen voor eigen gebruik, niet delen, "
          "verwijderen als het niet meer nodig is.",
    "en": "Holds personal data (names): for your own use only, do not share, delete when no "
          "longer needed.",
}
_SHEETS = {"worklist": ("werklijst", "worklist"), "introductions": ("kennismaken", "introductions"),
           "brokers": ("verbinders", "brokers")}
_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


# --- durations and words ------------------------------------------------------------------------

def parse_duration(value: object, *, name: str = "duration") -> pd.DateOffset:
    """A duration such as ``90d``, ``12w``, ``6m`` or ``1y`` as a calendar offset.

    An int counts days; a :class:`pandas.DateOffset` or :class:`pandas.Timedelta` is taken as it is.

    Raises
    ------
    UsageError
        If ``value`` is none of these; the message starts with ``name``.

    Examples
    --------
    >>> pd.Timestamp("2025-03-31") - parse_duration("1m")
    Timestamp('2025-02-28 00:00:00')
    >>> parse_duration("12W") == pd.DateOffset(weeks=12)
    True
    >>> parse_duration("soon", name="fading")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: fading: not a duration 'soon'; write a number and d (days), ...
    """
    if isinstance(value, pd.DateOffset):
        return value
    if isinstance(value, pd.Timedelta):
        return pd.DateOffset(days=value.days)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return pd.DateOffset(days=value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if not match:
        raise UsageError(f"{name}: not a duration", value=value,
                         hint="write a number and d (days), w (weeks), m (months) or y (years), "
                              "such as 90d, 12w or 6m")
    return pd.DateOffset(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def _ago(earlier: pd.Timestamp, later: pd.Timestamp, lang: str) -> str:
    """A time span in plain words: days up to two weeks, weeks up to two months, then months.

    >>> _ago(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-05-03"), "nl")
    '4 maanden'
    >>> _ago(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02"), "en")
    '1 day'
    """
    days = max(int((later - earlier).days), 0)
    if days < 14:
        number, unit = days, ("dag", "dagen", "day", "days")
    elif days < 61:
        number, unit = days // 7, ("week", "weken", "week", "weeks")
    elif days < 730:
        number, unit = round(days / 30.44), ("maand", "maanden", "month", "months")
    else:
        number, unit = days // 365, ("jaar", "jaar", "year", "years")
    offset = 0 if lang == "nl" else 2
    return f"{number} {unit[offset + (number != 1)]}"


def _peers(focal: str, lang: str) -> str:
    """How the other focal people are called: "andere ouders" for parents."""
    if focal == "parent":
        return "andere ouders" if lang == "nl" else "other parents"
    return f"anderen met de rol {focal}" if lang == "nl" else f"others with the role {focal}"


def _plural(focal: str, lang: str) -> str:
    """The focal people as a group: "ouders" for parents, else the role itself."""
    if focal == "parent":
        return "ouders" if lang == "nl" else "parents"
    return focal


def _listing(names: list[str], lang: str, most: int = 3) -> str:
    """Up to ``most`` names, and how many more.

    >>> _listing(["a", "b", "c", "d", "e"], "en")
    'a, b, c and 2 more'
    """
    shown = ", ".join(names[:most])
    rest = len(names) - most
    if rest > 0:
        shown += f" en {rest} anderen" if lang == "nl" else f" and {rest} more"
    return shown


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UsageError("unknown language", value=lang, hint="use nl or en")
    return lang


def _iso(moment: object) -> str:
    return "" if pd.isna(moment) else pd.Timestamp(moment).date().isoformat()


# --- what every table starts from ---------------------------------------------------------------

@dataclass
class _Village:
    """The snapshot and what the three tables look up in it, computed once."""

    net: LadderNetwork
    graph: nx.Graph
    day: pd.Timestamp
    cutoff: pd.Timestamp
    activities: dict[str, set[str]]

    @classmethod
    def of(cls, net: LadderNetwork, as_of: object) -> "_Village":
        cutoff = net.cutoff(as_of)
        graph = net.snapshot(as_of)
        day = (cutoff - pd.Timedelta(1, "ns")).normalize()
        activities: dict[str, set[str]] = {person: set() for person in graph}
        for a, b, names in graph.edges(data="activities"):
            activities[a].update(names or ())
            activities[b].update(names or ())
        attended = net.data.attendance[(net.data.attendance["date"] < cutoff)
                                       & (net.data.attendance["activity"] != "")]
        for person, activity in zip(attended["person"], attended["activity"]):
            if person in activities:
                activities[person].add(activity)
        return cls(net, graph, day, cutoff, activities)

    def focal(self, person) -> bool:
        return bool(self.graph.nodes[person].get("focal"))

    def name(self, person) -> str:
        """The person's name and id, "Anna de Vries (p012)", or the id when there is no name."""
        name = str(self.graph.nodes[person].get("name") or "").strip()
        return f"{name} ({person})" if name else str(person)

    def text(self, person, attribute: str) -> str:
        value = self.graph.nodes[person].get(attribute)
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
            else str(value).strip()

    def peers(self, person) -> list:
        return [other for other in self.graph[person] if self.focal(other)]

    def last_contact(self, person) -> pd.Timestamp:
        dates = [data["last_contact"] for data in self.graph[person].values()]
        return max(dates) if dates else pd.NaT


def _low_level(net: LadderNetwork) -> int:
    """The "second rung": peer ties above it are more than a chat (on short ladders: below the
    top)."""
    return max(min(2, len(net.ladder) - 1), 0)


def _intro_level(net: LadderNetwork) -> int:
    """A tie at this level or higher rules out an introduction: the second rung."""
    return min(2, len(net.ladder))


# --- who needs a link ---------------------------------------------------------------------------

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
        ``90d``, ``12w``, ``6m``, ``1y``...: see :func:`parse_duration`.
    suggest : int
        With N > 0, a ``suggestions`` column with the N best :func:`introductions` of each.
    match : columns
        People columns the suggestions match on (see :func:`introductions`).
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
    >>> from contactladder.network.ladder_network import LadderNetwork
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
    lang = _check_lang(lang)
    windows = {key: parse_duration(value, name=key) for key, value in
               (("fading", fading), ("new", new), ("stuck_after", stuck_after))}
    match = _check_columns(net, match)
    village = _Village.of(net, as_of)
    people = [p for p in village.graph if village.focal(p)]
    if wijk is not None:
        people = [p for p in people if village.text(p, "wijk").lower() == _check_wijk(net, wijk)]
    rows = []
    for person in people:
        found = _reasons(village, person, windows)
        if found:
            rows.append(_worklist_row(village, person, found, lang))
    columns = (["person", "wijk", "priority", "reasons", "explanation", "name", "role", "joined",
                "activities", "last_contact", "ties"] + [f"rung_{r.key}" for r in net.ladder])
    table = pd.DataFrame(rows, columns=columns + ["_silent"])
    table = (table.sort_values(["priority", "_silent", "person"], ascending=[False, False, True],
                               kind="stable")
             .drop(columns="_silent").reset_index(drop=True))
    if suggest:
        table["suggestions"] = [
            "; ".join(f"{name} {score}" for name, score in zip(
                *_suggested(village, person, match, suggest)))
            for person in table["person"]]
    table = table.astype({"priority": "int64", "ties": "int64"})
    table.attrs.update(kind="worklist", lang=lang, as_of=_iso(village.day), data=net.data.name,
                       wijk=wijk or "", fading=str(fading), new=str(new))
    return table


def _reasons(village: _Village, person, windows: dict) -> dict[str, dict]:
    """The reasons that apply to ``person``, each with what its sentence needs."""
    graph, day = village.graph, village.day
    ties = graph[person]
    peers = village.peers(person)
    since = village.net.present_from.get(person, pd.NaT)
    last = village.last_contact(person)
    found: dict[str, dict] = {}
    if not ties:
        found["alone"] = {"since": since}
    elif not peers:
        others = sorted(ties, key=str)
        found["only_professionals"] = {"others": others}
    if ties and last < day - windows["fading"]:
        found["fading"] = {"last": last, "peers": bool(peers), "others": len(peers) < len(ties)}
    if not peers and not pd.isna(since) and since >= day - windows["new"]:
        found["new_unconnected"] = {"since": since}
    low = _low_level(village.net)
    if (peers and max(ties[p]["rung"] for p in peers) <= low and not pd.isna(since)
            and since < day - windows["stuck_after"]):
        found["stuck_low"] = {"since": since, "peers": len(peers), "level": low}
    return {key: found[key] for key in REASONS if key in found}


def _sentence(village: _Village, key: str, info: dict, lang: str) -> str:
    """One reason as a sentence."""
    day, focal = village.day, village.net.focal
    peers = _peers(focal, lang)
    nl = lang == "nl"
    if key == "alone":
        if pd.isna(info["since"]):
            return "Heeft nog met niemand contact." if nl else "Has no contact with anyone yet."
        span = _ago(info["since"], day, lang)
        return (f"Heeft nog met niemand contact, na {span} in het project." if nl else
                f"Has no contact with anyone yet, after {span} in the project.")
    if key == "only_professionals":
        names = _listing([village.name(p) for p in info["others"]], lang)
        return (f"Heeft alleen contact met professionals ({names}), nog niet met {peers}." if nl
                else f"Only in touch with professionals ({names}), not yet with {peers}.")
    if key == "fading":
        span, last = _ago(info["last"], day, lang), _iso(info["last"])
        if info["peers"] and info["others"]:
            whom = f" met {peers} en professionals" if nl else ""
        elif info["peers"]:
            whom = f" met {peers}" if nl else f" with {peers}"
        else:
            whom = " met professionals" if nl else " with professionals"
        return (f"Heeft sinds {span} geen contact meer{whom} (laatste contact {last})." if nl
                else f"Has had no contact{whom} for {span} (last contact {last}).")
    if key == "new_unconnected":
        span = _ago(info["since"], day, lang)
        return (f"Is {span} geleden begonnen en heeft nog geen contact met {peers}." if nl else
                f"Joined {span} ago and has no tie with {peers} yet.")
    span = _ago(info["since"], day, lang)
    rung = village.net.ladder[info["level"]].label(lang) if info["level"] else ""
    count = info["peers"]
    if nl:
        return (f"Na {span} in het project komt geen contact met {peers} boven '{rung}' "
                f"({count} contact{'en' if count != 1 else ''} met {peers}).")
    return (f"After {span} in the project, no tie with {peers} is above '{rung}' "
            f"({count} tie{'s' if count != 1 else ''} with {peers}).")


def _worklist_row(village: _Village, person, found: dict, lang: str) -> dict:
    graph, net = village.graph, village.net
    ties = graph[person]
    priority = sum(REASONS[key] for key in found)
    parts = " + ".join(f"{REASON_WORDS[key][lang == 'en']} {REASONS[key]}" for key in found)
    sentences = [_sentence(village, key, info, lang) for key, info in found.items()]
    sentences.append(f"Prioriteit {priority}: {parts}." if lang == "nl" else
                     f"Priority {priority}: {parts}.")
    last = village.last_contact(person)
    rungs = {f"rung_{r.key}": sum(1 for d in ties.values() if d["rung"] == r.level)
             for r in net.ladder}
    return {"person": person, "wijk": village.text(person, "wijk"), "priority": priority,
            "reasons": ";".join(found), "explanation": " ".join(sentences),
            "name": village.text(person, "name"), "role": village.text(person, "role"),
            "joined": _iso(graph.nodes[person].get("joined")),
            "activities": "; ".join(sorted(village.activities[person])),
            "last_contact": _iso(last), "ties": len(ties), **rungs,
            # Sort key: days without contact, the longest first; never counts as longest.
            "_silent": (village.day - last).days if not pd.isna(last) else 10 ** 9}


def _check_wijk(net: LadderNetwork, wijk: str) -> str:
    known = sorted({str(w) for w in net.people["wijk"] if str(w).strip()})
    if wijk.strip().lower() not in {w.lower() for w in known}:
        raise UsageError("unknown wijk", value=wijk,
                         hint="the wijken are " + ", ".join(known) if known
                         else "the people file gives no wijk")
    return wijk.strip().lower()


def _check_columns(net: LadderNetwork, columns: Iterable[str]) -> tuple[str, ...]:
    columns = tuple(columns)
    for column in columns:
        if column not in net.people.columns:
            raise UsageError("no people column", value=column,
                             hint="the columns are " + ", ".join(map(str, net.people.columns)))
    return columns


# --- whom they could meet -----------------------------------------------------------------------

def introductions(
    net: LadderNetwork,
    person: str,
    *,
    as_of: object = None,
    match: Iterable[str] = (),
    professionals: bool = False,
    top: int | None = 10,
    lang: str = "nl",
) -> pd.DataFrame:
    """Whom ``person`` could meet: ranked candidates with the reasons and points behind each.

    See the module docstring for the candidates, the points and the order.

    Parameters
    ----------
    net : LadderNetwork
    person : str
        A person's id.
    as_of : date, optional
        The reference day (default: the last day of the data).
    match : columns
        People columns (such as ``child_age_group``) on which an equal value earns points.
    professionals : bool
        Also suggest non-focal people, as bridges to more people.
    top : int or None
        At most this many rows (None: all).
    lang : ``nl`` or ``en``

    Returns
    -------
    DataFrame
        ``person, candidate, score, reasons, explanation, name, role, wijk, current_rung``, best
        first. ``reasons`` holds the keys joined by ``;``; ``current_rung`` is the key of the rung
        the pair has reached already, empty when they have no tie.

    Raises
    ------
    UsageError
        For an unknown person, a person not yet present on ``as_of``, a date outside the data,
        or an unknown column.

    Examples
    --------
    >>> from contactladder.network.ladder_network import LadderNetwork
    >>> from contactladder.loading.dataset import Dataset
    >>> from contactladder.ladder import Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-01-10"]),
    ...     "person_a": ["a", "b"], "person_b": ["k", "k"], "rung": [1, 1],
    ...     "activity": "peutergym", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": ["parent", "parent", "professional"], "name": "",
    ...     "organisation": "", "wijk": "", "joined": pd.NaT}, index=["a", "b", "k"])
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> table = introductions(net, "a", lang="en")
    >>> table[["candidate", "score", "reasons"]].values.tolist()
    [['b', 4, 'same_activity;shared_contacts']]
    >>> print(table["explanation"][0])
    Same activity: peutergym (+3). 1 shared contact: k (+1). Score 4.
    """
    lang = _check_lang(lang)
    match = _check_columns(net, match)
    if person not in net.people.index:
        raise UsageError("unknown person", value=person, hint="give an id from the people file")
    village = _Village.of(net, as_of)
    if person not in village.graph:
        raise UsageError("person not yet in the project", value=person,
                         hint=f"they joined after {_iso(village.day)}")
    rows = _candidates(village, person, match, professionals, lang)
    rows = rows[:top] if top is not None else rows
    table = pd.DataFrame(rows, columns=["person", "candidate", "score", "reasons", "explanation",
                                        "name", "role", "wijk", "current_rung"])
    table = table.astype({"score": "int64"})
    table.attrs.update(kind="introductions", lang=lang, as_of=_iso(village.day))
    return table


def _suggested(village: _Village, person, match, top: int) -> tuple[list[str], list[int]]:
    """The names and scores of the ``top`` best peers for ``person``."""
    rows = _candidates(village, person, match, False, "en")[:top]
    return [village.name(r["candidate"]) for r in rows], [r["score"] for r in rows]


def _candidates(village: _Village, person, match, professionals: bool, lang: str) -> list[dict]:
    """Every candidate with at least one point, best first (score, then id)."""
    graph, net = village.graph, village.net
    nl = lang == "nl"
    blocked = _intro_level(net)
    mine = set(graph[person])
    my_peers = {p for p in mine if village.focal(p)}
    wijk = village.text(person, "wijk")
    values = {column: village.text(person, column) for column in match}
    rows = []
    for other in graph:
        if other == person or (not professionals and not village.focal(other)):
            continue
        current = graph[person][other]["rung"] if other in mine else 0
        if current >= blocked:
            continue
        reasons: list[tuple[str, int, str]] = []
        shared = sorted(village.activities[person] & village.activities[other])
        if shared:
            points = POINTS["same_activity"] * len(shared)
            words = "Zelfde activiteit: " if nl else "Same activity: "
            reasons.append(("same_activity", points, words + ", ".join(shared)))
        if wijk and village.text(other, "wijk") == wijk:
            reasons.append(("same_wijk", POINTS["same_wijk"],
                            ("Zelfde wijk: " if nl else "Same wijk: ") + wijk))
        for column, value in values.items():
            if value and village.text(other, column) == value:
                reasons.append((f"match:{column}", POINTS["match"],
                                (f"Zelfde {column}: " if nl else f"Same {column}: ") + value))
        common = sorted(mine & set(graph[other]), key=str)
        if common:
            points = min(len(common) * POINTS["shared_contacts"], CAPS["shared_contacts"])
            word = (("gemeenschappelijk contact", "gemeenschappelijke contacten") if nl else
                    ("shared contact", "shared contacts"))[len(common) != 1]
            reasons.append(("shared_contacts", points, f"{len(common)} {word}: " + _listing(
                [village.name(p) for p in common], lang)))
        if not village.focal(other):
            reach = [p for p in graph[other] if village.focal(p) and p != person
                     and p not in my_peers]
            if reach:
                points = min(len(reach) * POINTS["bridge"], CAPS["bridge"])
                reasons.append(("bridge", points, (
                    f"Kent {len(reach)} {_peers(net.focal, lang)} die {person} nog niet kent"
                    if nl else f"Knows {len(reach)} {_peers(net.focal, lang)} whom {person} "
                               f"does not know yet")))
        if not reasons:
            continue
        score = sum(points for _, points, _ in reasons)
        text = " ".join(f"{words} (+{points})." for _, points, words in reasons)
        if current:
            rung = net.ladder[current].label(lang)
            text += (f" Kennen elkaar al: '{rung}'." if nl else f" Already know each other: "
                     f"'{rung}'.")
        text += f" Score {score}."
        rows.append({"person": person, "candidate": other, "score": score,
                     "reasons": ";".join(key for key, _, _ in reasons), "explanation": text,
                     "name": village.text(other, "name"), "role": village.text(other, "role"),
                     "wijk": village.text(other, "wijk"),
                     "current_rung": net.ladder[current].key if current else ""})
    rows.sort(key=lambda row: (-row["score"], str(row["candidate"])))
    return rows


# --- who holds the village together -------------------------------------------------------------

def brokers(net: LadderNetwork, *, as_of: object = None, top: int | None = 20,
            lang: str = "nl") -> pd.DataFrame:
    """The people whose ties join groups that would otherwise not meet, the strongest first.

    See the module docstring for the measures and the order.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date, optional
    top : int or None
        At most this many rows (None: all).
    lang : ``nl`` or ``en``

    Returns
    -------
    DataFrame
        ``person, role, betweenness, bridging_ties, explanation, name, wijk, organisation, ties,
        between_wijken, between_groups, local_bridges, bridges, sole_link_parents, sole_link_of,
        cut_off``. ``betweenness`` is rounded to 6 decimals; ``sole_link_of`` lists the ids of
        the focal people whose only tie is this person, joined by ``;``.

    Notes
    -----
    Betweenness costs O(n m) for n people and m ties when exact, O(k m) with k sampled sources;
    the rest is linear in the size of the network.

    Examples
    --------
    >>> from contactladder.network.ladder_network import LadderNetwork
    >>> from contactladder.loading.dataset import Dataset
    >>> from contactladder.ladder import Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10"] * 3),
    ...     "person_a": ["a", "b", "c"], "person_b": ["b", "c", "d"], "rung": 2, "activity": "",
    ...     "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "",
    ...     "wijk": ["Dieze", "Dieze", "Zuid", "Zuid"], "joined": pd.NaT}, index=list("abcd"))
    >>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "x"))
    >>> table = brokers(net)
    >>> table[["person", "betweenness", "between_wijken", "bridges", "cut_off"]].values.tolist()
    [['b', 0.666667, 1, 2, 1], ['c', 0.666667, 1, 2, 1], ['a', 0.0, 0, 1, 0], ['d', 0.0, 0, 1, 0]]
    """
    lang = _check_lang(lang)
    village = _Village.of(net, as_of)
    graph = village.graph
    size = graph.number_of_nodes()
    sample = BETWEENNESS_SAMPLE if size > BETWEENNESS_EXACT_UP_TO else None
    betweenness = nx.betweenness_centrality(graph, k=sample, seed=SEED if sample else None)
    cut_edges = {frozenset(edge) for edge in nx.bridges(graph)}
    local = {frozenset(edge) for edge in nx.local_bridges(graph, with_span=False)}
    cut_off = _cut_off(graph)
    sole: dict[object, list] = {}
    for person in graph:
        if village.focal(person) and graph.degree(person) == 1:
            sole.setdefault(next(iter(graph[person])), []).append(person)
    rows = []
    for person in graph:
        row = _broker_row(village, person, betweenness[person], cut_edges, local,
                          sorted(sole.get(person, []), key=str), cut_off.get(person, 0), lang)
        if row["betweenness"] or row["bridging_ties"] or row["sole_link_parents"]:
            rows.append(row)
    columns = ["person", "role", "betweenness", "bridging_ties", "explanation", "name", "wijk",
               "organisation", "ties", "between_wijken", "between_groups", "local_bridges",
               "bridges", "sole_link_parents", "sole_link_of", "cut_off"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["betweenness", "bridging_ties", "sole_link_parents", "person"],
                              ascending=[False, False, False, True], kind="stable")
    table = table.reset_index(drop=True)
    table = table.head(top) if top is not None else table
    table.attrs.update(kind="brokers", lang=lang, as_of=_iso(village.day))
    return table


def _group(village: _Village, person) -> str:
    """Focal people form one group; the others are grouped by organisation, else role."""
    if village.focal(person):
        return village.net.focal
    return village.text(person, "organisation") or village.text(person, "role") or "?"


def _broker_row(village: _Village, person, betweenness: float, cut_edges: set, local: set,
                sole: list, cut_off: int, lang: str) -> dict:
    graph = village.graph
    nl = lang == "nl"
    wijk, group = village.text(person, "wijk"), _group(village, person)
    other_wijken, other_groups, bridging = set(), set(), 0
    counts = {"between_wijken": 0, "between_groups": 0, "local_bridges": 0, "bridges": 0}
    for other in graph[person]:
        edge = frozenset((person, other))
        their_wijk = village.text(other, "wijk")
        flags = {"between_wijken": bool(wijk and their_wijk and their_wijk != wijk),
                 "between_groups": _group(village, other) != group,
                 "local_bridges": edge in local, "bridges": edge in cut_edges}
        for key, flag in flags.items():
            counts[key] += flag
        if flags["between_wijken"]:
            other_wijken.add(their_wijk)
        if flags["between_groups"]:
            other_groups.add(_group(village, other))
        bridging += flags["between_wijken"] or flags["between_groups"] or flags["local_bridges"]
    betweenness = round(float(betweenness), 6)
    sentences = []
    if betweenness:
        share = f"{betweenness:.0%}" if betweenness >= 0.01 else ("minder dan 1%" if nl else
                                                                  "less than 1%")
        sentences.append(f"{share} van de kortste verbindingen tussen anderen loopt via deze "
                         f"persoon." if nl else f"{share} of the shortest paths between others "
                         f"run through this person.")
    if counts["between_wijken"]:
        n, places = counts["between_wijken"], ", ".join(sorted(other_wijken))
        sentences.append(f"{n} contact{'en' if n != 1 else ''} in een andere wijk ({places})."
                         if nl else f"{n} tie{'s' if n != 1 else ''} to another wijk ({places}).")
    if counts["between_groups"]:
        focal = village.net.focal
        n, groups = counts["between_groups"], ", ".join(sorted(
            _plural(focal, lang) if g == focal else g
            for g in other_groups))
        sentences.append(f"{n} contact{'en' if n != 1 else ''} met een andere groep ({groups})."
                         if nl else f"{n} tie{'s' if n != 1 else ''} to another group ({groups}).")
    if counts["local_bridges"]:
        n, m = counts["local_bridges"], counts["bridges"]
        sentences.append(
            (f"{n} contact{'en' if n != 1 else ''} zonder gemeenschappelijke bekenden"
             + (f", waarvan {m} de enige verbinding tussen twee delen van het netwerk." if m
                else ".")) if nl else
            (f"{n} tie{'s' if n != 1 else ''} with no one in common"
             + (f", of which {m} the only link between two parts of the network." if m
                else ".")))
    if sole:
        names = _listing([village.name(p) for p in sole], lang)
        who = _plural(village.net.focal, lang)
        sentences.append(f"Enige contact van {len(sole)} {who}: {names}." if nl else
                         f"The only tie of {len(sole)} {who}: {names}.")
    if cut_off:
        if nl:
            sentences.append("Zonder deze persoon raakt 1 persoon los van de rest."
                             if cut_off == 1 else
                             f"Zonder deze persoon raken {cut_off} mensen los van de rest.")
        else:
            sentences.append(f"Without this person, {cut_off} "
                             f"{'person loses' if cut_off == 1 else 'people lose'} touch with "
                             "the rest.")
    return {"person": person, "role": village.text(person, "role"), "betweenness": betweenness,
            "bridging_ties": bridging, "explanation": " ".join(sentences),
            "name": village.text(person, "name"), "wijk": wijk,
            "organisation": village.text(person, "organisation"), "ties": graph.degree(person),
            **counts, "sole_link_parents": len(sole), "sole_link_of": ";".join(map(str, sole)),
            "cut_off": cut_off}


def _cut_off(graph: nx.Graph) -> dict:
    """For each articulation point: the people cut off from the larger part of its component.

    Removing an articulation point splits its component into pieces; the people outside the
    largest piece are cut off. The pieces are read from the block-cut tree (blocks are the
    biconnected components), so this is linear in the size of the graph.

    >>> _cut_off(nx.Graph([(1, 2), (2, 3), (3, 4), (3, 5)]))
    {2: 1, 3: 2}
    """
    found = {}
    for component in nx.connected_components(graph):
        if len(component) < 3:
            continue
        sub = graph.subgraph(component)
        cuts = set(nx.articulation_points(sub))
        if not cuts:
            continue
        tree, weight = nx.Graph(), {}
        for number, block in enumerate(nx.biconnected_components(sub)):
            weight[("block", number)] = sum(1 for v in block if v not in cuts)
            tree.add_edges_from((("block", number), ("cut", v)) for v in block & cuts)
        weight.update({("cut", v): 1 for v in cuts})
        root = ("block", 0)
        parent = dict(nx.bfs_predecessors(tree, root))
        below = dict(weight)
        for node in reversed([root, *parent]):
            if node in parent:
                below[parent[node]] += below[node]
        total = len(component)
        for v in cuts:
            node = ("cut", v)
            pieces = [below[child] for child in tree[node] if parent.get(child) == node]
            pieces.append(total - below[node])
            found[v] = total - 1 - max(pieces)
    return dict(sorted(found.items(), key=lambda item: str(item[0])))


# --- writing and showing ------------------------------------------------------------------------

def write_list(table: pd.DataFrame, path: str | Path, *, lang: str | None = None) -> Path:
    """Write a weaver table as CSV, XLSX or (the worklist only) HTML, whole or not at all.

    The XLSX sheet is named after the list and says it holds personal data; the HTML page says so
    in a comment and a banner. CSV stays clean for scripts.

    Raises
    ------
    UsageError
        For another suffix, or HTML for a table other than the worklist.
    """
    path = Path(path)
    kind = table.attrs.get("kind", "worklist")
    lang = _check_lang(lang or table.attrs.get("lang", "nl"))
    if path.suffix.lower() == ".html":
        if kind != "worklist":
            raise UsageError("unknown table format", value=path.name,
                             hint="end the file name in .csv or .xlsx")
        return write_text(path, worklist_html(table, lang=lang))
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError("unknown table format", value=path.name, hint="end the file name in "
                         ".csv or .xlsx" + (" or .html" if kind == "worklist" else ""))
    name = _SHEETS.get(kind, (kind, kind))[lang == "en"]
    sheet = f"{name} (persoonsgegevens)" if lang == "nl" else f"{name} (personal data)"
    if path.suffix.lower() == ".xlsx":
        return write_workbook({sheet: table}, path, description=PERSONAL_DATA[lang])
    return write_table(table, path)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
.notice { background: #fff3cd; border: 1px solid #e0c36c; padding: .6em 1em; }
.person { border-bottom: 1px solid #ddd; padding: .8em 0; }
.person h2 { font-size: 1.1em; margin: 0 0 .3em; }
.priority { display: inline-block; min-width: 2em; background: #d7301f; color: #fff;
  text-align: center; border-radius: 1em; margin-right: .5em; }
.reasons { color: #555; font-size: .9em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; font-size: .9em; }
dt { color: #555; }
"""


def worklist_html(table: pd.DataFrame, *, lang: str | None = None) -> str:
    """The worklist as one self-contained HTML page: no scripts, no external resources.

    Every value from the data is escaped. The page says it holds personal data.

    >>> page = worklist_html(pd.DataFrame([{"person": "p1", "wijk": "Dieze", "priority": 5,
    ...     "reasons": "alone", "explanation": "<b>x</b>", "name": "Ann"}]), lang="en")
    >>> "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page and "http" not in page
    True
    """
    lang = _check_lang(lang or table.attrs.get("lang", "nl"))
    nl = lang == "nl"
    esc = html.escape
    attrs = table.attrs
    title = "Werklijst netwerker" if nl else "Network weaver's worklist"
    facts = [attrs.get("data"), (("peildatum " if nl else "as of ") + attrs["as_of"])
             if attrs.get("as_of") else None, attrs.get("wijk")]
    heading = " · ".join(str(f) for f in facts if f)
    labels = {"nl": {"wijk": "wijk", "activities": "activiteiten", "last_contact":
                     "laatste contact", "joined": "begonnen", "ties": "contacten",
                     "suggestions": "kennismaken met"},
              "en": {"wijk": "wijk", "activities": "activities", "last_contact": "last contact",
                     "joined": "joined", "ties": "ties", "suggestions": "could meet"}}[lang]
    rungs = [c for c in table.columns if c.startswith("rung_")]
    parts = [
        "<!DOCTYPE html>",
        f"<!-- {esc(PERSONAL_DATA[lang])} -->",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="robots" content="noindex, nofollow">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="notice">{esc(PERSONAL_DATA[lang])}</p>',
    ]
    if heading:
        parts.append(f"<p>{esc(heading)}</p>")
    if not len(table):
        parts.append(f"<p>{'Niemand op de werklijst.' if nl else 'No one on the worklist.'}</p>")
    for row in table.to_dict("records"):
        name = str(row.get("name") or "")
        who = f"{name} ({row['person']})" if name else str(row["person"])
        parts.append('<section class="person">')
        parts.append(f'<h2><span class="priority">{esc(str(row["priority"]))}</span>'
                     f'{esc(who)}</h2>')
        words = [REASON_WORDS.get(key, (key, key))[lang == "en"]
                 for key in str(row["reasons"]).split(";") if key]
        parts.append(f'<p class="reasons">{esc(", ".join(words))}</p>')
        parts.append(f"<p>{esc(str(row['explanation']))}</p><dl>")
        for column in ("wijk", "activities", "last_contact", "joined", "ties", "suggestions"):
            value = row.get(column)
            if value is not None and str(value) != "":
                parts.append(f"<dt>{esc(labels[column])}</dt><dd>{esc(str(value))}</dd>")
        counts = ", ".join(f"{c[5:]} {row[c]}" for c in rungs if row.get(c))
        if counts:
            parts.append(f"<dt>{'per trede' if nl else 'per rung'}</dt><dd>{esc(counts)}</dd>")
        parts.append("</dl></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def as_text(table: pd.DataFrame, *, width: int = 100) -> str:
    """A weaver table for the terminal: one line of key figures per row, then its explanation.

    >>> print(as_text(pd.DataFrame([{"person": "p1", "priority": 5, "explanation": "Alone."}])))
    p1  priority 5
        Alone.
    """
    if not len(table):
        return "(none)" if table.attrs.get("lang") != "nl" else "(niemand)"
    key = "candidate" if "candidate" in table else "person"
    columns = list(table.columns)
    head = columns[:columns.index("explanation")] if "explanation" in columns else columns
    head = [c for c in head if c not in ("person", "candidate")]
    lines = []
    for row in table.to_dict("records"):
        figures = "  ".join(f"{c} {row[c]}" for c in head if str(row[c]) != "")
        name = row.get("name")
        lines.append(f"{row[key]}" + (f" {name}" if name else "") + f"  {figures}")
        if row.get("explanation"):
            lines += textwrap.wrap(str(row["explanation"]), width, initial_indent="    ",
                                   subsequent_indent="    ")
    return "\n".join(lines)
