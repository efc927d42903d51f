"""The column names used here, the names a file may give them, and the explicit mapping.

A file's column is found by its name here (``date``), by a common alias in Dutch or English
(``datum``, ``persoon_a``, ``trede``), compared in lower case, or by the ``columns`` mapping the
caller gives (``{"date": "Wanneer"}``), which comes first.

Contacts have ``date, person_a, person_b`` and a ``rung`` or ``kind``, optionally ``activity,
wijk, note, source``. People have ``id`` and optionally ``role, name, organisation, wijk,
joined`` and any further columns. Attendance has ``date, activity, person``.

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

from contactladder.errors import MissingColumnError, literal

__all__ = ["ALIASES", "CONTACT_COLUMNS", "PEOPLE_COLUMNS", "standard_columns"]

#: Column names as they may appear in a file (compared in lower case), by the name used here.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("datum", "datetime", "tijd"),
    "person_a": ("persoon_a", "person a", "persoon a", "a"),
    "person_b": ("persoon_b", "person b", "persoon b", "b"),
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
}
#: The columns of ``Dataset.contacts``, in order.
CONTACT_COLUMNS = ["date", "person_a", "person_b", "rung", "activity", "wijk", "note", "source"]
#: The text columns every people table has ("" when not given); ``joined`` is a date.
PEOPLE_COLUMNS = ["role", "name", "organisation", "wijk"]


def standard_columns(table: pd.DataFrame, path: str | Path, columns: Mapping[str, str] | None,
                     required: tuple[str, ...]) -> pd.DataFrame:
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

    Raises
    ------
    MissingColumnError
        If a required column is not found, naming the file's columns.

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
            raise MissingColumnError(f"no column {name!r}" + (
                f" (looked for {explicit!r})" if explicit else ""), file=path,
                hint="the columns are " + literal(", ".join(map(repr, table.columns)))
                     + f"; name one with {{columns[{name}]=NAME}}")
    return table
