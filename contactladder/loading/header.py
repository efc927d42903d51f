"""The header row of a table read as text: its column names, checked, and its data rows coded.

The first row of a file names its columns (stripped of spaces; one without a name is called
``column <n>``); a name twice, or a first row that looks like data (a number or a date where a
name should be), is one clear error, never taken silently. Rows below the header that are more
header rows (``skip_rows``, or the question texts and import ids Qualtrics writes) are not data;
the data rows keep the line numbers a spreadsheet shows (the header is line 1).

Examples
--------
>>> raw = pd.DataFrame([["id ", "rol"], ["ann", " parent"]])
>>> table = with_header(raw, "people.csv", no_header=False, skip_rows=0)
>>> list(table), table.index.tolist(), table["rol"].text().tolist()
(['id', 'rol'], [2], ['parent'])
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from contactladder.errors import InputFileError
from contactladder.loading.coded import CodedTable, coded_column

__all__ = ["with_header"]

# A header cell that is data: a number or a date.
_DATA_CELL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def with_header(raw: pd.DataFrame, path: str | Path, no_header: bool, skip_rows: int) -> CodedTable:
    """The first row as the column names (stripped, each once), the rest as text rows; or,
    with ``no_header``, every row as data and the columns named by position."""
    if raw.empty:
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    if no_header:
        names = [f"column {n}" for n in range(1, raw.shape[1] + 1)]
        return _coded(raw, names, 0, pd.RangeIndex(1, len(raw) + 1))
    header = [str(c).strip() for c in raw.iloc[0].fillna("")]
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
    skip = skip_rows or _qualtrics_rows(raw)
    rows = max(len(raw) - 1 - skip, 0)
    return _coded(raw, header, 1 + skip, pd.RangeIndex(2 + skip, rows + 2 + skip))


def _coded(raw: pd.DataFrame, names: list[str], first: int, index: pd.Index) -> CodedTable:
    """The rows of ``raw`` from position ``first`` on, each column coded under its name."""
    return CodedTable(
        {
            name: coded_column(raw.iloc[first:, position].to_numpy(dtype=object))
            for position, name in enumerate(names)
        },
        index,
    )


def _qualtrics_rows(raw: pd.DataFrame) -> int:
    """2 when the rows below the header are Qualtrics' question texts and import ids, else 0."""
    if len(raw) < 3:
        return 0
    third = raw.iloc[2].fillna("").astype(str).str.strip()
    return 2 if third.str.startswith('{"ImportId"').any() else 0
