"""The header row of a table read as text: its column names, checked, and its data rows coded.

The first row of a file names its columns (stripped of spaces; one without a name is called
``column <n>``); a name twice, or a first row that looks like data (a number or a date where a
name should be), is one clear error, never taken silently. Rows below the header that are more
header rows (``skip_rows``, or the question texts and import ids Qualtrics writes) are not data;
the data rows keep the line numbers a spreadsheet shows (the header is line 1).

Examples
--------
>>> from contactladder.loading.coded import coded_chunks
>>> raw = coded_chunks([pd.DataFrame([["id ", "rol"], ["ann", " parent"]])])
>>> table = with_header(raw, "people.csv", no_header=False, skip_rows=0)
>>> list(table), table.index.tolist(), table["rol"].text().tolist()
(['id', 'rol'], [2], ['parent'])
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from contactladder.errors import InputFileError
from contactladder.loading.coded import CodedColumn, CodedTable

__all__ = ["with_header"]

# A header cell that is data: a number or a date.
_DATA_CELL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def with_header(raw: CodedTable, path: str | Path, no_header: bool, skip_rows: int) -> CodedTable:
    """The first row as the column names (stripped, each once), the rest as text rows; or,
    with ``no_header``, every row as data and the columns named by position.

    ``raw`` is the file's every row, columns by position (see
    :func:`~contactladder.loading.coded.coded_chunks`)."""
    columns = list(raw.values())
    if raw.rows == 0 or not columns:
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    if no_header:
        names = [f"column {n}" for n in range(1, len(columns) + 1)]
        return CodedTable(dict(zip(names, columns, strict=True)), pd.RangeIndex(1, raw.rows + 1))
    header = _row(columns, 0)
    data_like = [name for name in header if _DATA_CELL.match(name)]
    if data_like:
        raise InputFileError(
            "the first row looks like data, not a header",
            file=path,
            line=1,
            value=data_like[0],
            hint="give {no_header} and name the columns by "
            "position, such as {columns[date]=1}, or add a header row",
        )
    header = [name or f"column {n}" for n, name in enumerate(header, start=1)]
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise InputFileError(
            f"two columns named {twice[0]!r}",
            file=path,
            line=1,
            hint="give each column its own name (spaces around a name do not count)",
        )
    skip = skip_rows or _qualtrics_rows(columns, raw.rows)
    first = min(1 + skip, raw.rows)
    return CodedTable(
        {name: column.rows_from(first) for name, column in zip(header, columns, strict=True)},
        pd.RangeIndex(2 + skip, raw.rows - first + 2 + skip),
    )


def _row(columns: list[CodedColumn], row: int) -> list[str]:
    """The stripped text of one row."""
    return [column.values[column.codes[row]] for column in columns]


def _qualtrics_rows(columns: list[CodedColumn], rows: int) -> int:
    """2 when the rows below the header are Qualtrics' question texts and import ids, else 0."""
    if rows < 3:
        return 0
    return 2 if any(cell.startswith('{"ImportId"') for cell in _row(columns, 2)) else 0
