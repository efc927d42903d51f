"""Every rule about personal data, in one place: the other rooms ask, they never decide.

The data are about families. What may be shown where:

- **Anonymous numbering.** People are numbered within their role ("Ouder 12") in
  :func:`anonymous_order`, an order unrelated to ids and join dates, so that the numbers on a
  shared map cannot be matched to a sign-up list. Anonymised exports use the ids ``n1, n2, ...``
  of :func:`opaque_ids`, in the same order. The order is a keyed hash of the id with a *private
  key*: 32 random bytes that are not in the source. Without the key, knowing the tool and every
  id gives no better than chance. :func:`contactladder.loading.key_file.private_key` finds a
  data folder's key: the key file the caller gives, else the one named by the environment
  variable ``CONTACTLADDER_KEY_FILE``, else the folder's own ``.contactladder-key``, created on
  first use. The key stays with the data: it
  is never written into an output. The same key gives the same numbers in every map and export.
- **Anonymous labels.** :func:`person_label` shows a person as role word and number (with the
  organisation of a professional), or by name only when the caller asks for names.
- **Private columns.** :data:`PRIVATE_COLUMNS` (ids, names, notes) never appear in an anonymised
  output; :func:`check_grouping` refuses to split an anonymised report by one of them, or by a
  column with so many values that a group is a person.
- **Small counts.** :func:`mask_small_counts` shows counts from 1 to ``SMALL - 1`` as ``<5`` in
  tables about groups, and the ratios of groups with so few focal people.
- **Notices.** Files that hold names say so: :func:`personal_data_notice` for worklists and
  sheets, :func:`names_notice` for pages drawn with names.

Examples
--------
>>> person_label({"role": "parent", "number": 12})
'Ouder 12'
>>> key = bytes(32)  # a real key is random: see new_key
>>> sorted(["p1", "p2", "p3"], key=lambda p: anonymous_order(p, key=key))
['p1', 'p3', 'p2']
>>> person_label({"role": "professional", "organisation": "GGD", "number": 3}, lang="en")
'Professional 3 (GGD)'
>>> person_label({"role": "parent", "number": 12, "name": "An de Vries"}, anonymize=False)
'An de Vries'
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from contactladder.errors import UsageError
from contactladder.words import attribute_text, check_lang, words
from contactladder.words.roles import role_word

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "anonymous_order",
    "in_anonymous_order",
    "opaque_ids",
    "new_key",
    "person_label",
    "person_labels",
    "PRIVATE_COLUMNS",
    "PUBLIC_COLUMNS",
    "is_private_column",
    "identifying_column",
    "check_grouping",
    "MAX_GROUPS",
    "SMALL",
    "mask_small_counts",
    "personal_data_notice",
    "names_notice",
]

_KEY_BYTES = 32
# The key of this run, for the numbering of people who come with no key of their own.
_RUN_KEY = secrets.token_bytes(_KEY_BYTES)
#: Columns of the people file that identify a person or hold free text about them.
PRIVATE_COLUMNS = ("id", "name", "note", "notes")
#: Columns of the people file that anonymised exports carry.
PUBLIC_COLUMNS = ("role", "organisation", "wijk", "joined")
#: An anonymised report splits by a column with at most this many values.
MAX_GROUPS = 50
#: Counts below this are masked in tables about groups.
SMALL = 5
# Words in a column's name that say it identifies people.
_IDENTIFYING = frozenset(
    """
    id name names naam namen voornaam achternaam firstname lastname surname email mail telefoon
    telefoonnummer phone tel mobiel mobile adres address straat street postcode zip zipcode
    huisnummer geboortedatum birthdate birthday dob bsn note notes notitie notities opmerking
    opmerkingen comment comments""".split()
)
_WORD = re.compile(r"[a-z]+")
# Counts and the ratios computed from few focal people, in the growth table.
_COUNTS = tuple(
    """people focal ties new_ties climbed focal_alone focal_only_professional
    focal_peer_ge3 focal_peer_top components ended_ties declined left""".split()
)
# Count columns named after the ladder or the roles: ties_<role>_<role>, focal_peer_ge_<key>.
_COUNT_PREFIXES = ("rung_", "ties_", "focal_peer_ge_")
_SHARES = ("focal_peer_degree_mean", "largest_component_share", "peer_density", "peer_transitivity")


def anonymous_order(person: object, *, key: bytes | None = None) -> bytes:
    """A sort key for people that is stable for one private key but unrelated to their id's
    order or join date: the id hashed with BLAKE2b keyed with ``key``.

    People are numbered in this order within their role ("Ouder 1", "Ouder 2", ...), so that
    the numbers on a shared map cannot be matched to a list in sign-up or id order, and without
    ``key`` cannot be worked out from the ids at all. Without a ``key`` the key of this run is
    used: a random one, so the order holds within one run only.

    >>> ids = [f"p{i:03}" for i in range(20)]
    >>> sorted(ids, key=lambda p: anonymous_order(p, key=b"k" * 32)) != ids
    True
    """
    hashed = _keyed_hash(key)
    hashed.update(str(person).encode("utf-8"))
    return hashed.digest()


def in_anonymous_order(people: Iterable[Hashable], *, key: bytes | None = None) -> list:
    """``people`` sorted by :func:`anonymous_order`, the keyed hash set up once for all.

    >>> ids = [f"p{i:03}" for i in range(20)]
    >>> in_anonymous_order(ids, key=b"k" * 32) == sorted(
    ...     ids, key=lambda p: anonymous_order(p, key=b"k" * 32))
    True
    """
    keyed = _keyed_hash(key)

    def order(person: Hashable) -> bytes:
        hashed = keyed.copy()
        hashed.update(str(person).encode("utf-8"))
        return hashed.digest()

    return sorted(people, key=order)


def _keyed_hash(key: bytes | None) -> Any:
    """BLAKE2b keyed with ``key`` (the key of this run for None), before any data."""
    secret = _RUN_KEY if key is None else key
    return hashlib.blake2b(key=secret[:64], digest_size=16)


def opaque_ids(people: Iterable[Hashable], *, key: bytes | None = None) -> dict[Hashable, str]:
    """The id each person gets in an anonymised export: ``n1, n2, ...`` in
    :func:`anonymous_order` with the private ``key``, so that they say nothing about the real
    ids (the key of this run when none is given).

    >>> sorted(opaque_ids(["p1", "p2"], key=bytes(32)).values())
    ['n1', 'n2']
    """
    return {person: f"n{i}" for i, person in enumerate(in_anonymous_order(people, key=key), 1)}


def new_key() -> bytes:
    """A new private key: 32 random bytes from :mod:`secrets`.

    >>> len(new_key()), new_key() != new_key()
    (32, True)
    """
    return secrets.token_bytes(_KEY_BYTES)


def person_label(attrs: Mapping[str, Any], *, lang: str = "nl", anonymize: bool = True) -> str:
    """How a person is shown: role word and number, or their name.

    Parameters
    ----------
    attrs : mapping
        The person's node attributes: ``role``, ``number`` (1-based within the role),
        ``organisation`` and, used only when ``anonymize`` is False, ``name``.
    lang : {"nl", "en"}
        Language of the role word.
    anonymize : bool
        True (the default) never uses the name. False uses the name, and falls back to the
        anonymous label when there is none.

    Returns
    -------
    str
        ``"<Role> <number>"``, followed by ``" (<organisation>)"`` when the person has one;
        or the name. Without a number the label is the role word alone.

    Raises
    ------
    UsageError
        If ``lang`` is not a supported language.

    Examples
    --------
    >>> person_label({"role": "volunteer", "number": 2}, lang="en")
    'Volunteer 2'
    >>> person_label({"role": "grootouder", "number": 4, "organisation": ""})
    'Grootouder 4'
    >>> person_label({"role": "parent", "number": 7, "name": ""}, anonymize=False)
    'Ouder 7'
    """
    return person_labels([attrs], lang=lang, anonymize=anonymize)[0]


def person_labels(
    people: Iterable[Mapping[str, Any]], *, lang: str = "nl", anonymize: bool = True
) -> list[str]:
    """:func:`person_label` of each of ``people`` (their node attributes), the word of each
    role looked up once.

    >>> person_labels([{"role": "parent", "number": 1}, {"role": "parent", "number": 2}])
    ['Ouder 1', 'Ouder 2']
    """
    check_lang(lang)
    role_words: dict[Any, str] = {}
    labels = []
    for attrs in people:
        name = "" if anonymize else attribute_text(attrs.get("name"))
        if name:
            labels.append(name)
            continue
        role = attrs.get("role")
        try:
            label = role_words[role]
        except KeyError:
            label = role_words[role] = role_word(role, lang)
        except TypeError:  # a role that is not hashable, as a list
            label = role_word(role, lang)
        number = attrs.get("number")
        if number is not None and number == number:
            label += f" {int(number)}"
        organisation = attribute_text(attrs.get("organisation"))
        if organisation:
            label += f" ({organisation})"
        labels.append(label)
    return labels


def is_private_column(column: object) -> bool:
    """Whether a people column identifies people or holds notes about them.

    >>> is_private_column("name"), is_private_column("wijk")
    (True, False)
    """
    return str(column).strip().lower() in PRIVATE_COLUMNS


def identifying_column(column: object, values: pd.Series | None = None) -> str | None:
    """Why grouping an anonymised output by ``column`` would point at people, or None.

    A column identifies people when its name says so (a word such as ``naam``, ``email``,
    ``telefoon``, ``adres``, ``id`` or ``note`` in it), when it has a distinct value for nearly
    every person (at least 10 values, for 80% of the people with a value or more), or when it
    holds free text (most values of three words or more, or longer than 30 characters).
    ``values`` are the people's values of the column.

    >>> import pandas as pd
    >>> identifying_column("E-mail"), identifying_column("wijk", pd.Series(["Dieze", "Zuid"]))
    ('its name says it identifies people', None)
    >>> identifying_column("remark", pd.Series(["moved here last spring with twins"] * 3))
    'it holds free text'
    """
    words = set(_WORD.findall(str(column).lower()))
    if words & _IDENTIFYING or str(column).strip().lower() in PRIVATE_COLUMNS:
        return "its name says it identifies people"
    if values is None:
        return None
    given = [text for text in (attribute_text(v) for v in values) if text]
    distinct = len(set(given))
    if distinct >= 10 and distinct >= 0.8 * len(given):
        return "it has a distinct value for nearly every person"
    free = sum(1 for text in given if len(text.split()) >= 3 or len(text) > 30)
    if given and free > len(given) / 2:
        return "it holds free text"
    return None


def check_grouping(by: str, values: pd.Series | None = None, *, what: str = "output") -> None:
    """Refuse a grouping that would point at people in an anonymised output.

    ``values`` are the people's values of the column ``by`` (None when the data lack it).

    Raises
    ------
    UsageError
        If ``by`` identifies people (see :func:`identifying_column`) or has more than
        :data:`MAX_GROUPS` values; the message calls the output ``what`` ("report").

    >>> check_grouping("name", what="report")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: an anonymised report cannot be split by 'name'; its name ...
    """
    reason = identifying_column(by, values)
    if reason:
        raise UsageError(
            f"an anonymised {what} cannot be split by",
            value=by,
            hint=f"{reason}; use wijk, organisation or role",
        )
    if values is not None and values.nunique() > MAX_GROUPS:
        raise UsageError(
            f"more than {MAX_GROUPS} groups in column",
            value=by,
            hint="split by a column with fewer values, such as wijk",
        )


def mask_small_counts(table: pd.DataFrame, *, below: int = SMALL) -> pd.DataFrame:
    """Counts from 1 to ``below - 1`` as ``<5``, and the shares of rows with so few focal people.

    In a table about groups (``period`` and ``group`` columns) a masked cell cannot be recovered
    by differencing ("the whole minus the other groups"): where a period has exactly one masked
    cell in a column, the smallest other cell of that column and period is masked too (a
    *secondary suppression*, as statistical offices do), so two unknowns share every sum.

    >>> import pandas as pd
    >>> mask_small_counts(pd.DataFrame({"people": [0, 3, 12], "focal": [0, 2, 7],
    ...     "peer_density": [0.0, 1.0, 0.25]})).values.tolist()
    [[0, 0, 0.0], ['<5', '<5', '<5'], [12, 7, 0.25]]
    >>> groups = pd.DataFrame({"period": "2024Q1", "group": ["A", "B", "C"],
    ...                        "people": [3, 20, 9]})
    >>> mask_small_counts(groups)["people"].tolist()
    ['<5', 20, '<5']
    """
    masked = table.astype(object)
    label = f"<{below}"
    counts = [c for c in table.columns if c in _COUNTS or c.startswith(_COUNT_PREFIXES)]
    for column in counts:
        masked.loc[table[column].between(1, below - 1), column] = label
    if "focal" in table:
        few = table["focal"].between(1, below - 1)
        for column in [c for c in _SHARES if c in table]:
            masked.loc[few, column] = label
    if {"period", "group"} <= set(table.columns):
        for column in [*counts, *(c for c in _SHARES if c in table)]:
            _suppress_second(table[column], masked, column, label)
    return masked


def _suppress_second(values: pd.Series, masked: pd.DataFrame, column: str, label: str) -> None:
    """Mask a second cell of ``column`` in every period where exactly one is masked: the
    smallest positive other one, else the first other one."""
    for rows in masked.groupby("period", sort=False).groups.values():
        hidden = [row for row in rows if masked.at[row, column] == label]
        if len(hidden) != 1:
            continue
        others = [row for row in rows if row != hidden[0]]
        if not others:
            continue
        positive = [row for row in others if values[row] > 0]
        second = min(positive, key=lambda row: values[row]) if positive else others[0]
        masked.at[second, column] = label


def personal_data_notice(lang: str = "nl") -> str:
    """What every file with names says about itself (worklists, sheets, exports with names).

    >>> personal_data_notice("en").startswith("Holds personal data")
    True
    """
    return words(lang)["privacy.personal_data"]


def names_notice(lang: str = "nl") -> str:
    """The banner of a page drawn with names.

    >>> names_notice("en")
    'Contains names — internal use only'
    """
    return words(lang)["privacy.names"]
