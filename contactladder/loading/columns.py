"""The column names used here, the names a file may give them, and the explicit mapping.

A file's column is found by its name here (``date``), by a common alias in Dutch or English
(``datum``, ``persoon_a``, ``trede``, ``Tijdstempel``), compared in lower case, or by the
``columns`` mapping the caller gives (``{"date": "Wanneer"}``, or a position ``{"date": 1}`` for a
file without a header), which comes first. Two columns of one file that could both be the same
column here (``Datum`` and ``Tijd``) are one clear error: the mapping says which.

Contacts have ``date, person_a, person_b`` and a ``rung`` or ``kind``, optionally ``activity,
wijk, note, source``, and, for survey reports, ``reporter`` and ``wave``. People have ``id`` and
optionally ``role, name, organisation, wijk, joined`` and any further columns. Attendance has
``date, activity, person``.

An edge list as Gephi and many tools write it, with ``Source`` and ``Target`` columns, is read as
``person_a`` and ``person_b`` (its ``Type`` column, the direction, is not a kind of contact).
A long survey table, one row per name a respondent gave (``respondent, alter, rung, wave``), is
read with the respondent as ``person_a`` and the alter as ``person_b``. The provenance column
``source`` is never taken from a column that may mean something else: a file with ``Source`` and
``Target`` next to other person columns is an error until the mapping says which is which.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame(columns=["Datum", "Persoon_A", "Met wie", "Trede"])
>>> list(standard_columns(table, "log.csv", {"person_b": "met wie"},
...                       ("date", "person_a", "person_b")).columns)
['date', 'person_a', 'person_b', 'rung']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from contactladder.errors import InputFileError, MissingColumnError, UsageError, literal

__all__ = [
    "ALIASES",
    "CONTACT_COLUMNS",
    "PEOPLE_COLUMNS",
    "FILE_COLUMNS",
    "standard_columns",
    "ColumnMapping",
]

#: Column names as they may appear in a file (compared in lower case), by the name used here.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("datum", "datetime", "tijd", "tijdstempel", "timestamp"),
    "person_a": ("persoon_a", "person a", "persoon a", "a", "respondent", "ego"),
    "person_b": ("persoon_b", "person b", "persoon b", "b", "alter"),
    "rung": ("trede", "level", "niveau"),
    "kind": ("soort", "type"),
    "activity": ("activiteit",),
    "wijk": ("neighbourhood", "neighborhood", "buurt"),
    "note": ("notitie", "opmerking"),
    "source": ("bron",),
    "id": ("person", "persoon"),
    "role": ("rol",),
    "name": ("naam",),
    "organisation": ("organisatie", "organization"),
    "joined": ("sinds", "start", "aangemeld"),
    "person": ("persoon", "deelnemer", "id"),
    "reporter": ("rapporteur", "informant"),
    "wave": ("golf", "meting"),
}
#: The columns of ``Dataset.contacts``, in order.
CONTACT_COLUMNS = ["date", "person_a", "person_b", "rung", "activity", "wijk", "note", "source"]
#: The text columns every people table has ("" when not given); ``joined`` is a date.
PEOPLE_COLUMNS = ["role", "name", "organisation", "wijk"]
#: The names used here that each file may have.
FILE_COLUMNS = {
    "contacts": (*CONTACT_COLUMNS, "kind", "reporter", "wave"),
    "people": ("id", *PEOPLE_COLUMNS, "joined"),
    "attendance": ("date", "activity", "person"),
}


def standard_columns(
    table: pd.DataFrame,
    path: str | Path,
    columns: Mapping[str, str] | None,
    required: tuple[str, ...],
    names: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """``table`` with its columns renamed to the names used here (a new table).

    Parameters
    ----------
    table : DataFrame
        As read from ``path``.
    path : str or Path
        The file, for messages.
    columns : mapping, optional
        A name used here to the file's column (case-insensitive); comes before the aliases.
    required : tuple of str
        The names the file must have.
    names : tuple of str, optional
        All the names the file may have: two of its columns for one of them is an error.

    Raises
    ------
    MissingColumnError
        If a required column is not found, naming the file's columns.
    InputFileError
        If two columns could be one of ``names``, or ``Source`` and ``Target`` stand next to
        other person columns.

    Examples
    --------
    >>> try:
    ...     standard_columns(pd.DataFrame(columns=["x"]), "t.csv", None, ("id",))
    ... except MissingColumnError as err:
    ...     print(err.message())
    ...     print(err.message(options={"columns": "--column"}))
    t.csv: no column 'id'; the columns are 'x'; name one with columns={'id': NAME}
    t.csv: no column 'id'; the columns are 'x'; name one with --column id=NAME
    """
    lower = {c.lower(): c for c in table.columns}
    renames = {}
    for name, given in (columns or {}).items():
        if given in table.columns:
            renames[given] = name
        elif given.lower() in lower:
            renames[lower[given.lower()]] = name
    renames |= _edge_list(lower, renames, path)
    for name in names or ():
        _check_one_column(name, lower, renames, path)
    for name in (*required, *ALIASES):
        if name in renames.values():
            continue
        for candidate in (name, *ALIASES.get(name, ())):
            original = lower.get(candidate)
            if original is not None and original not in renames:
                renames[original] = name
                break
    table = table.rename(columns=renames)
    for name in required:
        if name not in table.columns:
            explicit = (columns or {}).get(name)
            raise MissingColumnError(
                f"no column {name!r}" + (f" (looked for {explicit!r})" if explicit else ""),
                file=path,
                hint="the columns are "
                + literal(", ".join(map(repr, table.columns)))
                + f"; name one with {{columns[{name}]=NAME}}",
            )
    return table


def _candidates(name: str, lower: Mapping[str, str], renames: Mapping[str, str]) -> list[str]:
    """The file's columns (not yet mapped) that could be ``name``."""
    return [
        lower[c] for c in (name, *ALIASES.get(name, ())) if c in lower and lower[c] not in renames
    ]


def _edge_list(
    lower: Mapping[str, str], renames: Mapping[str, str], path: str | Path
) -> dict[str, str]:
    """``Source`` and ``Target`` as ``person_a`` and ``person_b`` when the file has no other
    person columns (and its ``Type`` as no kind); an error when it has."""
    if "source" not in lower or "target" not in lower or lower["source"] in renames:
        return {}
    taken = set(renames.values())
    others = [
        c
        for name in ("person_a", "person_b")
        for c in _candidates(name, lower, renames)
        if c.lower() not in ("source", "target")
    ] + [given for given, name in renames.items() if name in ("person_a", "person_b")]
    if others or "person_a" in taken or "person_b" in taken:
        raise InputFileError(
            "'source' and 'target' next to other person columns",
            file=path,
            line=1,
            value=others[0] if others else None,
            hint="say which columns hold the people with {columns[person_a]="
            "NAME} and {columns[person_b]=NAME}, and map the provenance "
            "with {columns[source]=NAME}",
        )
    found = {lower["source"]: "person_a", lower["target"]: "person_b"}
    if "type" in lower and lower["type"] not in renames and "kind" not in taken:
        found[lower["type"]] = "edge type"
    return found


def _check_one_column(
    name: str, lower: Mapping[str, str], renames: Mapping[str, str], path: str | Path
) -> None:
    """Raise when two of the file's columns could be ``name`` (and the mapping names neither)."""
    if name in renames.values():
        return
    found = _candidates(name, lower, renames)
    if len(found) > 1:
        raise InputFileError(
            f"two columns could be {name!r}",
            file=path,
            line=1,
            value=", ".join(found),
            hint=f"name the one to use with {{columns[{name}]=NAME}}, or rename the other",
        )


def _positional(given: object) -> object:
    """A column given by position (``1`` or ``"1"``) as the name a file without a header has."""
    if isinstance(given, int) and not isinstance(given, bool) and given >= 1:
        return f"column {given}"
    if isinstance(given, str) and given.strip().isdigit() and int(given) >= 1:
        return f"column {int(given)}"
    return given


class ColumnMapping:
    """The ``columns`` mapping of a load, applied to each file; every entry must be used.

    An entry names a column used here and the file's column that holds it. The files share one
    mapping (``{"date": "Wanneer"}`` is meant for contacts and attendance alike), so an entry is
    checked once all files are read: one whose column is in none of the files it may be meant
    for is an error, not a silent fall-back on an alias.

    Parameters
    ----------
    columns : mapping, optional
        A name used here to the file's column.

    Raises
    ------
    UsageError
        For an entry that names no column used here, or a column that is not text.

    Examples
    --------
    >>> mapping = ColumnMapping({"date": "Nope"})
    >>> _ = mapping.apply(pd.DataFrame(columns=["date", "a", "b"]), "contacts.csv", "contacts",
    ...                   ("date",))
    >>> mapping.check_used()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.MissingColumnError: contacts.csv: no column 'Nope' for 'date'; the ...
    """

    def __init__(self, columns: Mapping[str, str | int] | None) -> None:
        self.columns: dict[str, str] = {}
        for name, value in (columns or {}).items():
            given = _positional(value)
            if name not in ALIASES:
                raise UsageError(
                    "no such column name",
                    value=name,
                    hint="{columns} maps these names to a file's columns: " + ", ".join(ALIASES),
                )
            if not isinstance(given, str) or not given.strip():
                raise UsageError(
                    f"no file column given for {name!r}",
                    value=given,
                    hint=f"give {{columns[{name}]=NAME}} with the column's name "
                    "or position (1 for the first)",
                )
            self.columns[name] = given
        self.used: set[str] = set()
        self.files: list[tuple[str, str, list[str]]] = []

    def apply(
        self, table: pd.DataFrame, path: str | Path, role: str, required: tuple[str, ...]
    ) -> pd.DataFrame:
        """``table`` (the file ``path`` for ``role``) with the names used here (see
        :func:`standard_columns`), remembering which entries it used."""
        lower = {str(c).lower() for c in table.columns}
        self.used |= {
            name
            for name, given in self.columns.items()
            if name in FILE_COLUMNS[role] and given.lower() in lower
        }
        self.files.append((str(path), role, [str(c) for c in table.columns]))
        return standard_columns(table, path, self.columns, required, FILE_COLUMNS[role])

    def check_used(self) -> None:
        """Raise for the first entry whose column was in none of the files it may be for.

        Raises
        ------
        MissingColumnError
            Naming the file's columns (of the first file the entry may be for).
        """
        for name, given in self.columns.items():
            files = [
                (path, columns) for path, role, columns in self.files if name in FILE_COLUMNS[role]
            ]
            if name in self.used or not files:
                continue
            path, columns = files[0]
            raise MissingColumnError(
                f"no column {given!r} for {name!r}",
                file=path,
                hint="the columns are "
                + literal(", ".join(map(repr, columns)))
                + f"; name the right one in {{columns[{name}]=NAME}}",
            )
