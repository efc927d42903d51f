"""Finding the data files in a folder and reading them as tables of text.

A data folder holds ``contacts``, and optionally ``people`` and ``attendance``, each as ``.csv``,
``.tsv``, ``.xlsx``, ``.txt`` or gzipped ``.csv.gz`` / ``.tsv.gz``. A table is read as text, every
cell stripped of surrounding spaces (an empty cell is ``""``), with the line numbers a spreadsheet
shows: the header is line 1, so the first row is line 2. CSV files may be separated by commas,
semicolons or tabs, and be UTF-8 (with or without BOM) or Windows-1252, as Excel saves them. Of a
workbook, every sheet is considered: the one named for the file (``contacts`` or ``contacten``),
else the only one that is not empty. A folder with two files for one role (``contacts.csv`` and
``contacts.xlsx``) is an error, not a silent choice.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> _ = (folder / "people.csv").write_text("id; rol\\nann ; parent\\n")
>>> table = read_table(find_file(folder, "people"))
>>> table.to_dict("index")
{2: {'id': 'ann', 'rol': 'parent'}}
>>> scratch.cleanup()
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import IO, Literal, overload

import pandas as pd

from contactladder.errors import InputFileError, literal
from contactladder.loading.distinct import per_distinct

__all__ = ["EXTENSIONS", "SHEET_NAMES", "find_file", "read_table"]

#: The endings a data file may have, in the order they are looked for.
EXTENSIONS = (".csv", ".tsv", ".xlsx", ".csv.gz", ".tsv.gz", ".txt")


#: The sheet names a workbook's table may have, by the file it stands for (lower case).
SHEET_NAMES = {"contacts": ("contacts", "contacten"), "people": ("people", "personen"),
               "attendance": ("attendance", "aanwezigheid")}
# The first bytes of an old Excel (.xls) workbook, which is no zip file.
_OLD_EXCEL = bytes.fromhex("d0cf11e0a1b11ae1")
# The parameter of load() that gives each file itself.
_GIVEN = {"contacts": "{path}", "people": "{people}", "attendance": "{attendance}"}
_LINE = re.compile(r"\bline (\d+)")


@overload
def find_file(folder: Path, stem: str, *, required: Literal[True]) -> Path: ...
@overload
def find_file(folder: Path, stem: str, *, required: bool = False) -> Path | None: ...
def find_file(folder: Path, stem: str, *, required: bool = False) -> Path | None:
    """The file ``<stem>.<extension>`` in ``folder``, for the one of :data:`EXTENSIONS` found.

    Parameters
    ----------
    folder : Path
    stem : str
        The file's name without its extension (``contacts``).
    required : bool
        Raise when there is none, instead of returning None.

    Raises
    ------
    InputFileError
        If ``required`` and the folder has no such file, or if it has two (``contacts.csv``
        and ``contacts.xlsx``): the tool does not choose between them.

    Examples
    --------
    >>> find_file(Path("/nonexistent"), "people") is None
    True
    """
    found = [folder / f"{stem}{extension}" for extension in EXTENSIONS
             if (folder / f"{stem}{extension}").exists()]
    if len(found) > 1:
        raise InputFileError(f"{len(found)} {stem} files in the folder", file=folder,
                             value=", ".join(p.name for p in found),
                             hint="keep one of them, or give the one to use with "
                                  + _GIVEN.get(stem, "{path}"))
    if found:
        return found[0]
    if required:
        raise InputFileError(f"no {stem} file in the folder", file=folder,
                             hint=f"add {stem}.csv (or .tsv, .xlsx) or give the file itself")
    return None


def read_table(path: str | Path, *, role: str | None = None) -> pd.DataFrame:
    """Read a CSV, TSV or XLSX file as text, with spreadsheet line numbers in the index.

    Parameters
    ----------
    path : str or Path
        ``.xlsx`` and ``.xlsm`` are read as workbooks, anything else as delimited text
        (gzipped when the name ends in ``.gz``).
    role : str, optional
        The file it stands for (``contacts``, ``people``, ``attendance``): of a workbook, the
        sheet named as in :data:`SHEET_NAMES` is read, else the only sheet that is not empty.

    Returns
    -------
    DataFrame
        Every cell as text with surrounding spaces removed, ``""`` when empty; the column names
        stripped too (a column without a name is called ``column <n>``); the index counts lines
        from 2 (the header is line 1).

    Raises
    ------
    InputFileError
        If the file cannot be found, opened or parsed, is empty, has two columns of one name,
        or is a workbook with no sheet to choose (naming its sheets).

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()
    >>> path = Path(scratch.name) / "t.csv"
    >>> _ = path.write_text("a;b\\n1; 2\\n3;\\n")
    >>> read_table(path).to_dict("index")
    {2: {'a': '1', 'b': '2'}, 3: {'a': '3', 'b': ''}}
    >>> _ = path.write_text("date, date \\n1,2\\n")
    >>> read_table(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.InputFileError: ...t.csv, line 1: two columns named 'date'; ...
    >>> scratch.cleanup()
    """
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raw = _read_workbook(path, role)
        else:
            raw = _read_delimited(path)
    except InputFileError:
        raise
    except FileNotFoundError as exc:
        raise InputFileError("no such file", file=path) from exc
    except IsADirectoryError as exc:
        raise InputFileError("a folder, not a file", file=path) from exc
    except (EOFError, OSError, zlib.error) as exc:
        raise InputFileError(f"cannot read the file ({_detail(exc)})", file=path,
                             hint="the file is damaged or cut short; save it again") from exc
    except Exception as exc:  # the readers of CSV and XLSX raise many kinds for a bad file
        match = _LINE.search(str(exc))
        raise InputFileError(f"cannot read this as a table ({_detail(exc)})", file=path,
                             line=int(match[1]) if match else None,
                             hint="save it as CSV (comma, semicolon or tab) or XLSX") from exc
    return _with_header(raw, path)


def _with_header(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    """The first row as the column names (stripped, each once), the rest as text rows."""
    if raw.empty:
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    header = [str(c).strip() for c in raw.iloc[0].fillna("")]
    header = [name or f"column {n}" for n, name in enumerate(header, start=1)]
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise InputFileError(f"two columns named {twice[0]!r}", file=path, line=1,
                             hint="give each column its own name (spaces around a name do "
                                  "not count)")
    table = raw.iloc[1:].fillna("").astype(str).apply(_text)
    table.columns = header
    table.index = pd.RangeIndex(2, len(table) + 2)
    return table


def _read_workbook(path: Path, role: str | None) -> pd.DataFrame:
    """The sheet of ``path`` for ``role``, else its only sheet that is not empty."""
    with open(path, "rb") as handle:
        if handle.read(8) == _OLD_EXCEL:
            raise InputFileError("an old Excel workbook (.xls) named .xlsx", file=path,
                                 hint="open it in a spreadsheet and save it as .xlsx or CSV")
    sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=str,
                           keep_default_na=False)
    wanted = SHEET_NAMES.get(role or "", ())
    named = [name for name in sheets if str(name).strip().lower() in wanted]
    filled = [name for name, sheet in sheets.items() if (sheet.astype(str) != "").any(axis=None)]
    chosen = named or filled
    if len(chosen) != 1:
        names = literal(", ".join(repr(str(name)) for name in sheets))
        looked = f"one named {' or '.join(wanted)}, or " if wanted else ""
        raise InputFileError(f"cannot tell which sheet to read ({len(filled)} not empty)",
                             file=path, hint=f"the sheets are {names}; keep {looked}only one "
                                             "sheet with data")
    return sheets[chosen[0]]


def _read_delimited(path: Path) -> pd.DataFrame:
    """A CSV or TSV file as text, in UTF-8 or else Windows-1252 (as Excel saves it)."""
    try:
        return _read_delimited_as(path, "utf-8-sig")
    except UnicodeDecodeError:
        return _read_delimited_as(path, "cp1252")


def _read_delimited_as(path: Path, encoding: str) -> pd.DataFrame:
    """The separator is the one the header line uses most (tab for .tsv files)."""
    with _open_text(path, encoding) as handle:
        first = handle.readline()
    if not first.strip():
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    tab_only = path.name.lower().endswith((".tsv", ".tsv.gz"))
    sep = "\t" if tab_only else max(("\t", ";", ","), key=first.count)
    return pd.read_csv(path, sep=sep, encoding=encoding, dtype=str, keep_default_na=False,
                       compression="infer", header=None)


def _open_text(path: Path, encoding: str) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding=encoding)
    return open(path, encoding=encoding)


def _detail(exc: BaseException) -> str:
    """The first line of an exception's message, or its kind."""
    text = str(getattr(exc, "strerror", None) or exc).strip()
    return literal(text.splitlines()[0] if text else type(exc).__name__)


def _text(values: pd.Series) -> pd.Series:
    """Text with surrounding spaces removed.

    The tables are read with ``keep_default_na=False``, so an empty cell is already ``""``.
    """
    return per_distinct(values.astype(str), lambda distinct: distinct.str.strip()).astype(str)
