"""Writing files whole or not at all: write beside the target, then rename over it.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out" / "growth.csv"
>>> write_text(path, "period,ties\\n2024-01,3\\n").name
'growth.csv'
>>> path.read_text()
'period,ties\\n2024-01,3\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from .errors import InputFileError, UsageError

__all__ = ["replacing", "write_text", "write_bytes", "write_table", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".xlsx")
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
        os.replace(temporary, path)
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
    with replacing(path) as temporary:
        if suffix == ".csv":
            table.to_csv(temporary, index=False, lineterminator="\n", encoding="utf-8")
        else:
            table.to_excel(temporary, index=False, sheet_name=sheet[:31])
    return path
