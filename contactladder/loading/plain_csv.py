"""Plain CSV files read fast: with polars, each column straight into integer codes.

A *plain* file is UTF-8 text (with or without a byte order mark) separated by commas,
semicolons or tabs, with no quote character (``"``), no blank or whitespace-only line and no
lone carriage return; the large files people export from a database or a sensor system are.
For such a file the cells are exactly the text between separators, whatever reader splits it,
so polars (multi-threaded, its strings kept in Arrow buffers rather than one Python object per
cell) reads it and codes each column (:mod:`contactladder.loading.coded`) without making the
text of a million rows: a tenth of the time and memory of pandas' reader and ``factorize``.

Any other file, and a plain file polars will not take (a row with more cells than the header,
text that is not UTF-8), is read by pandas' reader as before (:func:`read_plain` gives None),
which gives the same table and the messages with line numbers.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(scratch.name) / "contacts.csv"
>>> _ = path.write_text("date;person_a\\n2024-01-05; ann\\n2024-01-05;bo\\n")
>>> table = read_plain(path, ";")
>>> table["0"].values.tolist(), table["1"].codes.tolist(), table.rows
(['date', '2024-01-05'], [0, 1, 2], 3)
>>> _ = path.write_text('date;note\\n2024-01-05;"a; b"\\n')
>>> read_plain(path, ";") is None  # quoted: pandas reads it
True
>>> scratch.cleanup()
"""

from __future__ import annotations

import mmap
import re
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from contactladder.loading.coded import CodedColumn, CodedTable, first_of_each, stripped_column

__all__ = ["read_plain", "is_plain", "PLAIN_SEPARATORS"]

#: The separators of a plain file.
PLAIN_SEPARATORS = (",", ";", "\t")
_BOM = b"\xef\xbb\xbf"
# What makes a file not plain, found by byte search on a memory map: a quote or a zero byte;
# a line feed before a blank line, a carriage return or a line starting with a space or tab
# (it could be one of spaces only: pandas skips blank lines); a lone carriage return (an old
# Mac line end, which pandas reads as one).
_NOT_PLAIN = (b'"', b"\x00")
_NOT_PLAIN_LINE = re.compile(rb"\n[\n\r \t]")
_LONE_RETURN = re.compile(rb"\r(?!\n)")


def is_plain(path: Path) -> bool:
    """Whether the file at ``path`` is plain (see the module docstring), looked at without
    reading it into memory; an empty file is not.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "t.csv"
    ...     _ = path.write_bytes(b"a,b\\r\\n1,2\\r\\n")
    ...     plain = is_plain(path)
    ...     _ = path.write_bytes(b"a,b\\n\\n1,2\\n")
    ...     plain, is_plain(path)
    (True, False)
    """
    if path.name.lower().endswith(".gz") or path.stat().st_size == 0:
        return False
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
        start = len(_BOM) if m[: len(_BOM)] == _BOM else 0
        if m[start : start + 1] in (b"\n", b"\r", b" ", b"\t") or m[-1:] in (b" ", b"\t"):
            return False
        if any(m.find(part, start) >= 0 for part in _NOT_PLAIN) or _NOT_PLAIN_LINE.search(m):
            return False
        return m.find(b"\r") < 0 or _LONE_RETURN.search(m) is None


def read_plain(path: Path, sep: str) -> CodedTable | None:
    """The rows of the plain file at ``path`` (its header as row 0), each column coded into
    its stripped distinct values and named by position (``"0"``, ``"1"``, ...), as
    :func:`~contactladder.loading.coded.coded_chunks` gives pandas' rows; None when the file
    is not plain or polars will not read it, for pandas' reader to read."""
    if sep not in PLAIN_SEPARATORS or not is_plain(path):
        return None
    try:
        table = pl.read_csv(
            path,
            has_header=False,
            separator=sep,
            infer_schema=False,
            empty_string_is_null=False,
            encoding="utf8",
        )
    except pl.exceptions.PolarsError:
        return None
    rows, names = table.height, table.columns
    # Each column is taken out of the table as it is coded: its text is freed before the next.
    columns = {str(n): _coded(table.drop_in_place(name)) for n, name in enumerate(names)}
    return CodedTable(columns, pd.RangeIndex(rows))


def _coded(cells: pl.Series) -> CodedColumn:
    """A column of text as codes into its distinct cells in the order they first stand
    (cells missing from a short row are empty, as pandas' are), then stripped.

    The cells are told apart by their 64-bit hashes (fast, also with half a million distinct
    ids); two texts of one hash (about once in 10^10 columns) would give a row the text of
    another, which comparing every cell with the first of its code finds, so they are never
    taken as one: the column is then coded by its text instead.
    """
    cells = cells.fill_null("")
    codes, first = first_of_each(_hashes(cells))
    if not (cells.gather(first).gather(codes) == cells).all():
        codes, first = first_of_each(cells.cast(pl.Categorical).to_physical().to_numpy())
    distinct = cells.gather(first).to_numpy()
    return stripped_column(codes.astype(np.int64), np.asarray(distinct, dtype=object))


def _hashes(cells: pl.Series) -> np.ndarray:
    """Each cell's 64-bit hash."""
    return cells.hash(seed=0).to_numpy()
