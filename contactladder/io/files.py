"""Writing files whole or not at all: write beside the target, then rename over it.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(scratch.name) / "out" / "growth.csv"
>>> write_text(path, "period,ties\\n2024-01,3\\n").name
'growth.csv'
>>> path.read_text()
'period,ties\\n2024-01,3\\n'
>>> scratch.cleanup()
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from contactladder.errors import InputFileError, UsageError

__all__ = ["replacing", "write_text", "write_bytes", "write_table", "write_workbook",
           "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".xlsx")
_FIXED_TIME = datetime.datetime(2000, 1, 1)
_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Give a temporary path beside ``path``; on success rename it to ``path``, else remove it.

    The folder is created when missing. Use it for libraries that write to a path themselves.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix,
                                             dir=path.parent)
    except OSError as exc:
        raise InputFileError(f"cannot write here ({exc.strerror})", file=path) from exc
    os.close(handle)
    os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes files private; follow the umask
    temporary = Path(temporary)
    try:
        yield temporary
        try:
            os.replace(temporary, path)
        except OSError as exc:
            raise InputFileError(f"cannot write here ({exc.strerror})", file=path) from exc
    finally:
        temporary.unlink(missing_ok=True)


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, whole or not at all."""
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data``, whole or not at all."""
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def write_table(table: pd.DataFrame, path: str | Path, *, sheet: str = "data") -> Path:
    """Write a table as CSV (UTF-8) or XLSX, chosen by the file's suffix, without the index.

    Raises
    ------
    UsageError
        If the suffix is neither ``.csv`` nor ``.xlsx``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UsageError("unknown table format", value=path.name,
                         hint="end the file name in .csv or .xlsx")
    if suffix == ".xlsx":
        return write_workbook({sheet: table}, path)
    with replacing(path) as temporary:
        table.to_csv(temporary, index=False, lineterminator="\n", encoding="utf-8")
    return path


def write_workbook(sheets: dict[str, pd.DataFrame], path: str | Path, *,
                   description: str = "") -> Path:
    """Write tables as the sheets of one XLSX workbook, byte-identical for the same tables.

    The workbook's creation time and the times inside the zip file are fixed, so the same
    input gives the same file. ``description`` goes into the workbook's properties.
    """
    path = Path(path)
    with replacing(path) as temporary:
        with pd.ExcelWriter(temporary, engine="openpyxl") as workbook:
            for sheet, table in sheets.items():
                table.to_excel(workbook, sheet_name=sheet[:31], index=False)
            properties = workbook.book.properties
            properties.created = properties.modified = _FIXED_TIME
            properties.description = description or None
        _fix_zip_times(temporary)
    return path


def _fix_zip_times(path: Path) -> None:
    """Rewrite a zip file with the same fixed time on every entry."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
