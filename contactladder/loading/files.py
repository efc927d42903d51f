"""Finding the data files in a folder and reading them as tables of text.

A data folder holds ``contacts``, and optionally ``people`` and ``attendance``, each as ``.csv``,
``.tsv``, ``.xlsx``, ``.txt`` or gzipped ``.csv.gz`` / ``.tsv.gz``. A table is read as text, every
cell stripped of surrounding spaces (an empty cell is ``""``), with the line numbers a spreadsheet
shows: the header is line 1, so the first row is line 2. CSV files may be separated by commas,
semicolons or tabs, and be UTF-8 (with or without BOM) or Windows-1252, as Excel saves them.

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
from pathlib import Path
from typing import IO, Literal, overload

import pandas as pd

from contactladder.errors import InputFileError
from contactladder.loading.distinct import per_distinct

__all__ = ["EXTENSIONS", "find_file", "read_table"]

#: The endings a data file may have, in the order they are looked for.
EXTENSIONS = (".csv", ".tsv", ".xlsx", ".csv.gz", ".tsv.gz", ".txt")


@overload
def find_file(folder: Path, stem: str, *, required: Literal[True]) -> Path: ...
@overload
def find_file(folder: Path, stem: str, *, required: bool = False) -> Path | None: ...
def find_file(folder: Path, stem: str, *, required: bool = False) -> Path | None:
    """The file ``<stem>.<extension>`` in ``folder``, for the first of :data:`EXTENSIONS` found.

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
        If ``required`` and the folder has no such file.

    Examples
    --------
    >>> find_file(Path("/nonexistent"), "people") is None
    True
    """
    for extension in EXTENSIONS:
        candidate = folder / f"{stem}{extension}"
        if candidate.exists():
            return candidate
    if required:
        raise InputFileError(f"no {stem} file in the folder", file=folder,
                             hint=f"add {stem}.csv (or .tsv, .xlsx) or give the file itself")
    return None


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV, TSV or XLSX file as text, with spreadsheet line numbers in the index.

    Parameters
    ----------
    path : str or Path
        ``.xlsx`` and ``.xlsm`` are read as workbooks (the first sheet), anything else as
        delimited text (gzipped when the name ends in ``.gz``).

    Returns
    -------
    DataFrame
        Every cell as text with surrounding spaces removed, ``""`` when empty; the column names
        stripped too; the index counts lines from 2 (the header is line 1).

    Raises
    ------
    InputFileError
        If the file cannot be found, opened or parsed, or is empty.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()
    >>> path = Path(scratch.name) / "t.csv"
    >>> _ = path.write_text("a;b\\n1; 2\\n3;\\n")
    >>> read_table(path).to_dict("index")
    {2: {'a': '1', 'b': '2'}, 3: {'a': '3', 'b': ''}}
    >>> scratch.cleanup()
    """
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            table = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            table = _read_delimited(path)
    except FileNotFoundError as exc:
        raise InputFileError("no such file", file=path) from exc
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror or exc})", file=path) from exc
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputFileError(f"cannot read this as a table ({detail})", file=path,
                             hint="save it as CSV (comma, semicolon or tab) or XLSX") from exc
    table = table.apply(_text)
    table.columns = [str(c).strip() for c in table.columns]
    table.index = pd.RangeIndex(2, len(table) + 2)
    return table


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
                       compression="infer")


def _open_text(path: Path, encoding: str) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding=encoding)
    return open(path, encoding=encoding)


def _text(values: pd.Series) -> pd.Series:
    """Text with surrounding spaces removed.

    The tables are read with ``keep_default_na=False``, so an empty cell is already ``""``.
    """
    return per_distinct(values.astype(str), lambda distinct: distinct.str.strip()).astype(str)
