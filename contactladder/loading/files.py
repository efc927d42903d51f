"""Finding the data files in a folder and reading them as tables of text.

A data folder holds ``contacts``, and optionally ``people`` and ``attendance``, each as ``.csv``,
``.tsv``, ``.xlsx``, ``.txt`` or gzipped ``.csv.gz`` / ``.tsv.gz``, or as a folder of such files
(``contacts/`` with one file per day or session), read as one table. A table is read as text,
every cell stripped of surrounding spaces (an empty cell is ``""``), with the line numbers a
spreadsheet shows: the header is line 1, so the first row is line 2.

Text files may be separated by commas, semicolons or tabs, or by spaces (as the SocioPatterns
sensor files are); they may be UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text",
Qualtrics' TSV) or Windows-1252, as Excel saves them, and ``encoding`` names any other. A file
without a header row is read with ``no_header``: its columns are called ``column 1``,
``column 2``, ... (and named by position in ``columns``); a first row that looks like data (a
number or a date where a name should be) is never taken silently as the header. Extra header
rows below the first (the question texts and import ids Qualtrics writes) are recognised, or
skipped with ``skip_rows``; they are not rows of data. Of a workbook, every sheet is considered:
the one named for the file (``contacts`` or ``contacten``), else the only one that is not
empty. A folder with two files for one role (``contacts.csv`` and ``contacts.xlsx``) is an
error, not a silent choice.

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

import codecs
import gzip
import re
import zlib
from pathlib import Path
from typing import IO, Literal, overload

import pandas as pd

from contactladder.errors import InputFileError, UsageError, literal
from contactladder.loading.coded import CodedTable, coded_chunks
from contactladder.loading.header import with_header
from contactladder.loading.plain_csv import read_plain

__all__ = [
    "EXTENSIONS",
    "SHEET_NAMES",
    "find_file",
    "data_files",
    "read_table",
    "read_coded",
    "header_separator",
]

#: The endings a data file may have, in the order they are looked for.
EXTENSIONS = (".csv", ".tsv", ".xlsx", ".csv.gz", ".tsv.gz", ".txt")


#: The sheet names a workbook's table may have, by the file it stands for (lower case).
SHEET_NAMES = {
    "contacts": ("contacts", "contacten"),
    "people": ("people", "personen"),
    "attendance": ("attendance", "aanwezigheid"),
}
# The first bytes of an old Excel (.xls) workbook, which is no zip file.
_OLD_EXCEL = bytes.fromhex("d0cf11e0a1b11ae1")
# The parameter of load() that gives each file itself.
_GIVEN = {"contacts": "{path}", "people": "{people}", "attendance": "{attendance}"}
_LINE = re.compile(r"\bline (\d+)")
_BOMS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}
#: A text file of more bytes than this is read in parts of ``CHUNK_ROWS`` rows.
CHUNK_BYTES = 256 * 2**20
CHUNK_ROWS = 2_000_000


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
    found = [
        folder / f"{stem}{extension}"
        for extension in ("", *EXTENSIONS)
        if (folder / f"{stem}{extension}").exists()
    ]
    if len(found) > 1:
        raise InputFileError(
            f"{len(found)} {stem} files in the folder",
            file=folder,
            value=", ".join(p.name for p in found),
            hint="keep one of them, or give the one to use with " + _GIVEN.get(stem, "{path}"),
        )
    if found:
        return found[0]
    if required:
        raise InputFileError(
            f"no {stem} file in the folder",
            file=folder,
            hint=f"add {stem}.csv (or .tsv, .xlsx) or give the file itself",
        )
    return None


def data_files(path: str | Path) -> list[Path]:
    """The files to read for ``path``: the file itself, or the data files of a folder in order
    of their names (hidden files and Excel's lock files ``~$...`` left out).

    Raises
    ------
    InputFileError
        For a folder with no data file in it.

    Examples
    --------
    >>> data_files("contacts.csv")
    [PosixPath('contacts.csv')]
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    found = sorted(
        p
        for p in path.iterdir()
        if p.is_file()
        and p.name.lower().endswith((*EXTENSIONS, ".xlsm"))
        and not p.name.startswith((".", "~$"))
    )
    if not found:
        raise InputFileError(
            "no data files in the folder",
            file=path,
            hint="put the files (.csv, .tsv, .xlsx) in it, one per day or session",
        )
    return found


def read_table(
    path: str | Path,
    *,
    role: str | None = None,
    encoding: str | None = None,
    no_header: bool = False,
    skip_rows: int = 0,
) -> pd.DataFrame:
    """Read a CSV, TSV or XLSX file as text, with spreadsheet line numbers in the index.

    Parameters
    ----------
    path : str or Path
        ``.xlsx`` and ``.xlsm`` are read as workbooks, anything else as delimited text
        (gzipped when the name ends in ``.gz``).
    role : str, optional
        The file it stands for (``contacts``, ``people``, ``attendance``): of a workbook, the
        sheet named as in :data:`SHEET_NAMES` is read, else the only sheet that is not empty.
    encoding : str, optional
        The encoding of a text file, when it is not UTF-8, UTF-16 or Windows-1252.
    no_header : bool
        The file has no header row: the columns are called ``column 1``, ``column 2``, ...
        and the first row is line 1.
    skip_rows : int
        Rows below the header that are not data (more header rows), skipped; their lines keep
        their numbers. Qualtrics' two extra header rows are recognised without it.

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
        has a first row that looks like data, or is a workbook with no sheet to choose (naming
        its sheets).
    UsageError
        For an unknown ``encoding`` or a ``skip_rows`` that is not a count.

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
    return read_coded(
        path, role=role, encoding=encoding, no_header=no_header, skip_rows=skip_rows
    ).frame()


def read_coded(
    path: str | Path,
    *,
    role: str | None = None,
    encoding: str | None = None,
    no_header: bool = False,
    skip_rows: int = 0,
) -> CodedTable:
    """:func:`read_table`, each column kept as codes into its distinct values (see
    :mod:`~contactladder.loading.coded`): the same table, the same errors, its text not yet made.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()
    >>> path = Path(scratch.name) / "t.csv"
    >>> _ = path.write_text("a;b\\n1; 2\\n1;\\n")
    >>> table = read_coded(path)
    >>> table["a"].codes.tolist(), table["b"].values.tolist(), table.index.tolist()
    ([0, 0], ['2', ''], [2, 3])
    >>> scratch.cleanup()
    """
    path = Path(path)
    if isinstance(skip_rows, bool) or not isinstance(skip_rows, int) or skip_rows < 0:
        raise UsageError(
            "not a number of rows", value=skip_rows, hint="give {skip_rows} as 0 or more"
        )
    if encoding is not None:
        _check_encoding(encoding)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raw = coded_chunks([_read_workbook(path, role)])
        else:
            raw = _read_delimited(path, encoding)
    except (InputFileError, UsageError):
        raise
    except FileNotFoundError as exc:
        raise InputFileError("no such file", file=path) from exc
    except IsADirectoryError as exc:
        raise InputFileError("a folder, not a file", file=path) from exc
    except (EOFError, OSError, zlib.error) as exc:
        raise InputFileError(
            f"cannot read the file ({_detail(exc)})",
            file=path,
            hint="the file is damaged or cut short; save it again",
        ) from exc
    except Exception as exc:  # the readers of CSV and XLSX raise many kinds for a bad file
        match = _LINE.search(str(exc))
        raise InputFileError(
            f"cannot read this as a table ({_detail(exc)})",
            file=path,
            line=int(match[1]) if match else None,
            hint="save it as CSV (comma, semicolon or tab) or XLSX, or give its {encoding}",
        ) from exc
    return with_header(raw, path, no_header, skip_rows)


def _read_workbook(path: Path, role: str | None) -> pd.DataFrame:
    """The sheet of ``path`` for ``role``, else its only sheet that is not empty."""
    with open(path, "rb") as handle:
        if handle.read(8) == _OLD_EXCEL:
            raise InputFileError(
                "an old Excel workbook (.xls) named .xlsx",
                file=path,
                hint="open it in a spreadsheet and save it as .xlsx or CSV",
            )
    sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=str, keep_default_na=False)
    wanted = SHEET_NAMES.get(role or "", ())
    named = [name for name in sheets if str(name).strip().lower() in wanted]
    filled = [name for name, sheet in sheets.items() if (sheet.astype(str) != "").any(axis=None)]
    chosen = named or filled
    if len(chosen) != 1:
        names = literal(", ".join(repr(str(name)) for name in sheets))
        looked = f"one named {' or '.join(wanted)}, or " if wanted else ""
        raise InputFileError(
            f"cannot tell which sheet to read ({len(filled)} not empty)",
            file=path,
            hint=f"the sheets are {names}; keep {looked}only one sheet with data",
        )
    return sheets[chosen[0]]


def _read_delimited(path: Path, encoding: str | None) -> CodedTable:
    """A CSV or TSV file as text: in ``encoding`` when given, else UTF-16 when it starts with
    its byte order mark or has the zero bytes of UTF-16, else UTF-8 or Windows-1252."""
    if encoding is not None:
        return _read_delimited_as(path, encoding)
    with _open_bytes(path) as handle:
        start = handle.read(4096)
    for mark, name in _BOMS.items():
        if start.startswith(mark):
            return _read_delimited_as(path, name)
    try:
        return _read_delimited_as(path, "utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in start[:200]:
            odd = start[1:200:2].count(0) > start[0:200:2].count(0)
            return _read_delimited_as(path, "utf-16-le" if odd else "utf-16-be")
        return _read_delimited_as(path, "cp1252")


def header_separator(path: Path, header: str) -> str:
    """The separator of a delimited file whose first line is ``header``: the one the line uses
    most (tab for .tsv files); spaces (``\\s+``) when it has neither tabs, semicolons nor
    commas but several words.

    >>> header_separator(Path("c.csv"), "date;person_a;person_b,x")
    ';'
    """
    tab_only = path.name.lower().endswith((".tsv", ".tsv.gz"))
    sep = "\t" if tab_only else max(("\t", ";", ","), key=header.count)
    if not tab_only and header.count(sep) == 0 and len(header.split()) > 1:
        sep = r"\s+"
    return sep


def _read_delimited_as(path: Path, encoding: str) -> CodedTable:
    """The separator is the one the header line uses most (tab for .tsv files); spaces when
    the line has neither tabs, semicolons nor commas but several words. A plain UTF-8 file is
    read by polars (:mod:`~contactladder.loading.plain_csv`); any other file of more than
    :data:`CHUNK_BYTES` is read :data:`CHUNK_ROWS` rows at a time, each part coded before the
    next is read, so that its text is never all in memory at once."""
    with _open_text(path, encoding) as handle:
        first = handle.readline()
    if not first.strip():
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    sep = header_separator(path, first)
    plain = read_plain(path, sep) if encoding == "utf-8-sig" else None
    if plain is not None:
        return plain
    chunked = path.stat().st_size > CHUNK_BYTES
    read = pd.read_csv(
        path,
        sep=sep,
        encoding=encoding,
        dtype=object,
        keep_default_na=False,
        compression="infer",
        header=None,
        chunksize=CHUNK_ROWS if chunked else None,
    )
    return coded_chunks(read if chunked else [read])


def _check_encoding(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise UsageError(
            "unknown encoding",
            value=encoding,
            hint="give {encoding} as a name such as utf-8, utf-16, cp1252 or latin-1",
        ) from None


def _open_bytes(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # a GzipFile reads bytes
    return open(path, "rb")


def _open_text(path: Path, encoding: str) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding=encoding)
    return open(path, encoding=encoding)


def _detail(exc: BaseException) -> str:
    """The first line of an exception's message, or its kind."""
    text = str(getattr(exc, "strerror", None) or exc).strip()
    return literal(text.splitlines()[0] if text else type(exc).__name__)
