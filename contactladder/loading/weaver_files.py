"""The weaver's own files in the data folder: who is still here (``status``) and who was
introduced to whom (``introductions``), read and checked like the other data files.

``status.csv`` (or ``.tsv``, ``.xlsx``): ``person``, ``status``, ``since`` (a date, may be
empty), optional ``note``. A person may have several rows: the old ones are kept as history.
``introductions.csv``: ``date``, ``person``, ``introduced_to``, ``by`` (may be empty), optional
``note``. Dutch column names are accepted too (``persoon, sinds, notitie, datum,
voorgesteld_aan, door``). Statuses are read in lower case; what each means is the weaver's rule
(:data:`contactladder.analysis.village.STATUSES`).

Every bad row (an empty person, an unreadable date, a person missing from the people file) is
one clear error naming the file, the line and the value, or is set aside with ``skip_invalid``.
A folder without the file gives an empty table.

Examples
--------
>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = Path(scratch.name)
>>> _ = (folder / "status.csv").write_text("persoon,status,sinds\\np1,Moved,2025-11-01\\n")
>>> read_status(folder).to_dict("records")
[{'person': 'p1', 'status': 'moved', 'since': Timestamp('2025-11-01 00:00:00'), 'note': ''}]
>>> len(read_introductions(folder))
0
>>> scratch.cleanup()
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from contactladder.errors import InputFileError
from contactladder.loading.dates import DateReader
from contactladder.loading.files import find_file, read_table
from contactladder.loading.rejects import Rejects, RowCheck

__all__ = [
    "STATUS_COLUMNS",
    "INTRODUCTION_COLUMNS",
    "read_status",
    "read_introductions",
    "weaver_file",
]

#: The columns of a status table, in order.
STATUS_COLUMNS = ["person", "status", "since", "note"]
#: The columns of an introductions table, in order.
INTRODUCTION_COLUMNS = ["date", "person", "introduced_to", "by", "note"]
# Dutch names of the columns.
_ALIASES = {
    "persoon": "person",
    "sinds": "since",
    "notitie": "note",
    "opmerking": "note",
    "datum": "date",
    "voorgesteld_aan": "introduced_to",
    "door": "by",
}
# Columns a file must have, and the dates among the columns.
_REQUIRED = {"status": ("person", "status"), "introductions": ("date", "person", "introduced_to")}
_DATES = {"status": "since", "introductions": "date"}


def weaver_file(folder: str | Path, stem: str) -> Path | None:
    """The weaver's file ``stem`` (``status`` or ``introductions``) in ``folder``, if any; a
    contacts file's folder for a file."""
    folder = Path(folder)
    return find_file(folder if folder.is_dir() else folder.parent, stem)


def read_status(
    folder: str | Path, *, people: Iterable[str] | None = None, skip_invalid: bool = False
) -> pd.DataFrame:
    """The status rows of the data folder (empty without a status file).

    Parameters
    ----------
    folder : path
        The data folder (or a file in it).
    people : ids, optional
        The known people: a row for anyone else is bad input.
    skip_invalid : bool
        Set bad rows aside instead of raising.

    Returns
    -------
    DataFrame
        :data:`STATUS_COLUMNS`; ``since`` is NaT when empty.

    Raises
    ------
    InputFileError, BadValueError
        For a file that cannot be read, a missing column or a bad row.
    """
    return _read(folder, "status", STATUS_COLUMNS, people, skip_invalid)


def read_introductions(
    folder: str | Path, *, people: Iterable[str] | None = None, skip_invalid: bool = False
) -> pd.DataFrame:
    """The logged introductions of the data folder (empty without the file), by date.

    Returns
    -------
    DataFrame
        :data:`INTRODUCTION_COLUMNS`, ``date`` as datetime.

    Raises
    ------
    InputFileError, BadValueError
        For a file that cannot be read, a missing column or a bad row.
    """
    table = _read(folder, "introductions", INTRODUCTION_COLUMNS, people, skip_invalid)
    return table.sort_values("date", kind="stable", ignore_index=True)


def _read(
    folder: str | Path,
    stem: str,
    columns: list[str],
    people: Iterable[str] | None,
    skip_invalid: bool,
) -> pd.DataFrame:
    path = weaver_file(folder, stem)
    if path is None:
        empty = pd.DataFrame(
            {c: pd.Series(dtype="datetime64[ns]" if c == _DATES[stem] else object) for c in columns}
        )
        return empty
    table = read_table(path)
    table.columns = [
        _ALIASES.get(str(c).strip().lower(), str(c).strip().lower()) for c in table.columns
    ]
    for column in _REQUIRED[stem]:
        if column not in table.columns:
            raise InputFileError(
                f"no column {column}",
                file=path,
                line=1,
                hint="the columns are " + ", ".join(columns),
            )
    for column in columns:
        if column not in table.columns:
            table[column] = ""
    check = RowCheck(path, table, Rejects(skip_invalid))
    for column in _REQUIRED[stem]:
        if column != _DATES[stem]:
            check.required_text(column, f"empty {column}")
    dates = check.dates(_DATES[stem], DateReader(), optional=stem == "status")
    if people is not None:
        known = pd.Index(list(people))
        for column in ("person", "introduced_to"):
            if column in _REQUIRED[stem]:
                check.unknown_people(table[column], column, known)
    table = table.assign(**{_DATES[stem]: dates})[columns][check.good()]
    if "status" in table:
        table["status"] = table["status"].str.lower()
    return table.reset_index(drop=True)
