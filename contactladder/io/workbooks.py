"""Typed XLSX workbooks: a sheet per table, byte-identical for the same tables.

Every sheet has its header row frozen and filterable, and columns as wide as their longest
text (at most 60 characters). Whole numbers are number cells shown as ``0``, other numbers as
``0.00``, true/false as boolean cells; dates (a date column, or a text column whose every value
is an ISO day such as ``2024-01-05``) are date cells shown as ``yyyy-mm-dd`` (with
``hh:mm:ss`` when a column has a time of day); missing values are empty cells. Text is a
string cell, never a formula, without the control characters XML cannot hold.

**A sheet holds at most** :data:`MAX_SHEET_ROWS` rows (1,048,576, the header included:
Excel's limit and XlsxWriter's). A longer table is one :class:`~contactladder.errors.UsageError`
naming the table, its rows and the limit, raised before anything is written
(:func:`check_sheet_rows`; CSV has no limit).

The parts of the file are written by :mod:`contactladder.io.xlsx_package` (the ones XlsxWriter
writes, each row streamed as XML); each cell's XML is made once per distinct value of its
column. The workbook carries a fixed creation time and a fixed time on every part, so the
same tables give the same bytes; it is written whole or not at all
(:func:`~contactladder.io.files.write_bytes`). CSV and the shared rules about cells are in
:mod:`contactladder.io.sheets`.

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> with tempfile.TemporaryDirectory() as folder:
...     table = pd.DataFrame({"ties": [3]})
...     path = write_workbook({"growth": table}, pathlib.Path(folder) / "g.xlsx")
...     path.name
'g.xlsx'
"""

from __future__ import annotations

import datetime
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
from xlsxwriter.utility import xl_col_to_name

from contactladder.errors import UsageError
from contactladder.io.files import write_bytes
from contactladder.io.values import has_time, is_missing, xml_safe
from contactladder.io.xlsx_package import STYLES, SharedStrings, Sheet, cell_text, package

__all__ = ["MAX_SHEET_ROWS", "check_sheet_rows", "write_workbook"]

#: The most rows a sheet holds, the header included (Excel's limit, and XlsxWriter's).
MAX_SHEET_ROWS = 1_048_576
_NUMBER_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "integer": "0",
    "number": "0.00",
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters Excel does not allow in a sheet's name.
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_WIDEST = 60
_EXCEL_EPOCH = datetime.datetime(1899, 12, 31)
_ROWS_PER_CHUNK = 20_000
# Text that is its own cell text, on one line: no control characters, no _ (Excel's _xHHHH_
# escapes), no & < > (XML's).
_PLAIN_TEXT = r"^[A-Za-z0-9 .,:;()/+=@#%!?*~|'\"\-]+$"


def write_workbook(
    sheets: dict[str, pd.DataFrame],
    path: str | Path,
    *,
    description: str = "",
    private: bool = False,
) -> Path:
    """Write tables as the sheets of one typed XLSX workbook, byte-identical for the same tables.

    Sheet names lose the characters Excel does not allow (``[]:*?/\\``) and are cut to its 31
    characters. ``description`` goes into the workbook's properties (for example that it holds
    personal data). Text is kept as text (never a formula), without the control characters
    XML cannot hold; ``private`` as in :func:`write_table`.

    Raises
    ------
    UsageError
        If a table has more rows than a sheet holds (:func:`check_sheet_rows`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> sheets = {"nodes": pd.DataFrame({"id": ["n1"]}), "ties": pd.DataFrame({"rung": [2]})}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     first = write_workbook(sheets, pathlib.Path(folder) / "a.xlsx").read_bytes()
    ...     first == write_workbook(sheets, pathlib.Path(folder) / "b.xlsx").read_bytes()
    True
    """
    check_sheet_rows(sheets, path)
    strings = SharedStrings()
    parts = [
        _sheet(_NOT_IN_SHEET_NAMES.sub("_", name)[:31], table, strings)
        for name, table in sheets.items()
    ]
    return write_bytes(path, package(parts, strings, description=description), private=private)


def check_sheet_rows(
    sheets: dict[str, pd.DataFrame],
    path: str | Path | None = None,
    *,
    hint: str = "write it as CSV instead: an {output} file name ending in .csv",
) -> None:
    """Raise when a table has more rows than a sheet holds: :data:`MAX_SHEET_ROWS`, the
    header included.

    ``hint`` says what to do instead, naming the caller's parameters (``{format}``).

    Raises
    ------
    UsageError
        Naming the table, its rows (header included) and the limit.

    >>> check_sheet_rows({"ties": pd.DataFrame({"rung": [1, 2]})})
    """
    for name, table in sheets.items():
        rows = len(table) + 1
        if rows > MAX_SHEET_ROWS:
            raise UsageError(
                f"the table has {rows} rows with its header, more than the {MAX_SHEET_ROWS} a "
                "spreadsheet's sheet holds:",
                file=path,
                value=name,
                hint=hint,
            )


def _iso_day(value: object) -> datetime.datetime | None:
    """The day an ISO day text (``2024-01-05``) names; None for anything else."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


def _column_kind(values: pd.Series, distinct: list) -> str:
    """How a column's cells are written: ``integer``, ``number``, ``date``, ``datetime``,
    ``iso_day`` (text that is all ISO days) or ``cells`` (each by its own type), from its
    type and its ``distinct`` values."""
    if pd.api.types.is_integer_dtype(values):  # not true/false: those are cells
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "datetime" if has_time(values) else "date"
    if any(type(value) is not str and not is_missing(value) for value in distinct):
        return "cells"
    given = [value for value in distinct if type(value) is str and value]
    if given and all(len(day) == 10 for day in given) and all(map(_iso_day, given)):
        return "iso_day"
    return "cells"


def _distinct(values: pd.Series) -> tuple[np.ndarray, list]:
    """Each cell's number among the column's distinct values (-1: missing), and those values
    in the order they first come; in a column of mixed cells a value is told apart by its type
    too (``1`` from ``True``), and a cell that cannot be a key (a list) is a value of its own."""
    if not pd.api.types.is_object_dtype(values):
        codes, uniques = pd.factorize(values)
        return codes, list(uniques.tolist())
    numbers: dict[tuple[type, object], int] = {}
    distinct: list = []
    codes = np.empty(len(values), dtype=np.int64)
    for row, value in enumerate(values.tolist()):
        try:
            codes[row] = numbers.setdefault((type(value), value), len(distinct))
        except TypeError:  # a list
            codes[row] = len(distinct)
        if codes[row] == len(distinct):
            distinct.append(value)
    return codes, distinct


def _sheet(name: str, table: pd.DataFrame, strings: SharedStrings) -> Sheet:
    """``table`` as a sheet: a frozen, filterable header of bold text, typed cells (their texts
    numbered in ``strings`` column by column, the header first), widths."""
    letters = [xl_col_to_name(column) for column in range(len(table.columns))]
    header, columns, widths, last_row = [], [], [], 0
    for column in table.columns:
        header.append(f'" s="{STYLES["header"]}" t="s"><v>{strings.index(xml_safe(str(column)))}')
        codes, distinct = _distinct(table[column])
        kind = _column_kind(table[column], distinct)
        counts = np.bincount(codes[codes >= 0], minlength=len(distinct)).tolist()
        made = _cells(distinct, kind, strings, counts)
        tails = pl.Series([tail for tail, _ in made] + [None], dtype=pl.String)
        cells = tails.gather(np.where(codes < 0, len(made), codes))
        filled = np.flatnonzero(np.array([tail is not None for tail, _ in made] + [False])[codes])
        last_row = max(last_row, int(filled[-1]) + 1 if len(filled) else 0)
        width = max([len(str(column)) + 3, *(wide for _, wide in made)])
        widths.append(int((min(width, _WIDEST) + 1) * 7 + 0.5) + 5)  # in pixels, as XlsxWriter
        columns.append(cells)
    spans: list[tuple[int, int, int]] = []
    for column, pixels in enumerate(widths):
        if spans and spans[-1][2] == pixels:
            spans[-1] = (spans[-1][0], column, pixels)
        else:
            spans.append((column, column, pixels))
    corner = f"{letters[-1]}{last_row + 1}" if letters else "A1"
    rows = _rows(letters, [f"{head}</v></c>" for head in header], columns, len(table))
    return Sheet(
        name,
        rows,
        "A1" if corner == "A1" else f"A1:{corner}",
        spans,
        len(table) if letters else None,
        len(letters) - 1 if letters else None,
    )


def _rows(letters: list[str], header: list[str], columns: list[pl.Series], n: int):
    """The rows of a sheet as chunks of XML text: the header, then the rows that hold a cell
    (each cell ``<c r="B7`` and its ``tail``), :data:`_ROWS_PER_CHUNK` rows at a time."""
    if not letters:
        return
    yield ['<row r="1">', *(f'<c r="{ref}1{head}' for ref, head in zip(letters, header)), "</row>"]
    for start in range(0, n, _ROWS_PER_CHUNK):
        stop = min(start + _ROWS_PER_CHUNK, n)
        tails = {f"c{k}": cells[start:stop] for k, cells in enumerate(columns)}
        frame = pl.DataFrame(
            {"row": pl.int_range(start + 2, stop + 2, eager=True).cast(pl.String), **tails}
        )
        cells = [
            pl.concat_str([pl.lit(f'<c r="{ref}'), pl.col("row"), pl.col(f"c{k}")])
            for k, ref in enumerate(letters)
        ]
        row = pl.concat_str(
            [pl.lit('<row r="'), pl.col("row"), pl.lit('">'), *cells, pl.lit("</row>")],
            ignore_nulls=True,
        )
        filled = pl.any_horizontal([pl.col(name).is_not_null() for name in tails])
        yield [frame.filter(filled).select(row.str.join("")).item()]


def _cells(distinct: list, kind: str, strings: SharedStrings, counts: list[int]) -> list:
    """:func:`_cell` of each of the ``distinct`` values of a column (``counts`` cells each), in
    order; a text that XML and Excel hold as it is (most are) made without its checks."""
    texts = pl.Series([v if type(v) is str else None for v in distinct], dtype=pl.String)
    plain = texts.str.contains(_PLAIN_TEXT).fill_null(False).to_list()
    return [
        (f'" t="s"><v>{strings.index(value, cells)}</v></c>', len(value))
        if simple and kind != "iso_day"
        else _cell(value, kind, strings, cells)
        for value, cells, simple in zip(distinct, counts, plain)
    ]


def _cell(value: object, kind: str, strings: SharedStrings, cells: int) -> tuple[str | None, int]:
    """The XML of a cell holding ``value`` in a column of ``kind``, after its reference (None:
    an empty cell), and the width of what it shows; a text is one of ``strings`` (in ``cells``
    cells)."""
    if type(value) is str and kind != "iso_day":
        return _text_cell(value, strings, cells) if value else (None, 0)
    if is_missing(value) or value == "":
        return None, 0
    if kind == "iso_day":
        value, kind = _iso_day(value), "date"
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):  # a numpy number
        value = value.item()
    if isinstance(value, bool):
        return f'" t="b"><v>{int(value)}</v></c>', 5
    if isinstance(value, int | float) and math.isfinite(value):
        shown = "integer" if isinstance(value, int) and kind != "number" else "number"
        wide = len(f"{value:.0f}" if shown == "integer" else f"{value:.2f}")
        return f'" s="{STYLES[shown]}"><v>{value:.16G}</v></c>', wide
    if isinstance(value, datetime.date):
        clock = isinstance(value, datetime.datetime) and value.time() != datetime.time()
        shown = "datetime" if kind == "datetime" or clock else "date"
        serial = _excel_serial(value)
        return f'" s="{STYLES[shown]}"><v>{serial:.16G}</v></c>', len(_NUMBER_FORMATS[shown])
    return _text_cell(str(value), strings, cells)


def _text_cell(value: str, strings: SharedStrings, cells: int) -> tuple[str, int]:
    """:func:`_cell` of a text: one of ``strings``, without the characters XML cannot hold."""
    text = xml_safe(value)
    number = strings.index(cell_text(text), cells)
    return f'" t="s"><v>{number}</v></c>', max(map(len, text.splitlines() or [""]))


def _excel_serial(moment: datetime.date) -> float:
    """A day or moment as Excel counts it (days since 1899-12-31 and the share of the day, with
    Excel's 29 February 1900), as XlsxWriter computes it; a time zone is left off."""
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.fromordinal(moment.toordinal())
    delta = moment.replace(tzinfo=None) - _EXCEL_EPOCH
    serial = delta.days + (float(delta.seconds) + float(delta.microseconds) / 1e6) / 86400
    if moment.date() == datetime.date(1900, 1, 1):
        serial -= 1
    return serial + 1 if serial > 59 else serial
