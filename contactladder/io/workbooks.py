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

The workbook carries a fixed creation time and XlsxWriter's fixed time on every part, so the
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
import io
import math
import re
from pathlib import Path

import pandas as pd
import xlsxwriter

from contactladder.errors import UsageError
from contactladder.io.files import write_bytes
from contactladder.io.values import has_time, is_missing, xml_safe

__all__ = ["MAX_SHEET_ROWS", "check_sheet_rows", "write_workbook"]

#: The most rows a sheet holds, the header included (Excel's limit, and XlsxWriter's).
MAX_SHEET_ROWS = 1_048_576
# The creation time written into every workbook, so that the same tables give the same bytes.
_FIXED_TIME = datetime.datetime(2000, 1, 1)
_WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,
}
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
    data = io.BytesIO()
    book = xlsxwriter.Workbook(data, _WORKBOOK_OPTIONS)
    book.set_properties({"created": _FIXED_TIME, "comments": description})
    formats = {kind: book.add_format({"num_format": f}) for kind, f in _NUMBER_FORMATS.items()}
    header = book.add_format({"bold": True})
    for name, table in sheets.items():
        worksheet = book.add_worksheet(_NOT_IN_SHEET_NAMES.sub("_", name)[:31])
        _write_sheet(worksheet, table, formats, header)
    book.close()
    return write_bytes(path, data.getvalue(), private=private)


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


def _column_kind(values: pd.Series) -> str:
    """How a column's cells are written: ``integer``, ``number``, ``date``, ``datetime``,
    ``iso_day`` (text that is all ISO days) or ``cells`` (each by its own type)."""
    if pd.api.types.is_integer_dtype(values):  # not true/false: those are cells
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "datetime" if has_time(values) else "date"
    cells = values.tolist()
    if all(type(value) is str for value in cells):
        given = [value for value in cells if value]
    else:
        given = [value for value in cells if not is_missing(value) and value != ""]
    if given and all(_iso_day(value) for value in given):
        return "iso_day"
    return "cells"


def _write_sheet(worksheet, table: pd.DataFrame, formats: dict, header) -> None:
    """Write ``table`` on ``worksheet``: a frozen, filterable header, typed cells, widths."""
    for column, name in enumerate(table.columns):
        worksheet.write_string(0, column, xml_safe(str(name)), header)
        kind = _column_kind(table[name])
        width = len(str(name)) + 3  # room for the filter's button
        width = max(width, _write_column(worksheet, column, table[name], kind, formats))
        worksheet.set_column(column, column, min(width, _WIDEST) + 1)
    worksheet.freeze_panes(1, 0)
    if len(table.columns):
        worksheet.autofilter(0, 0, len(table), len(table.columns) - 1)


def _write_column(worksheet, column: int, values: pd.Series, kind: str, formats) -> int:
    """Write the cells of one column of ``kind`` below its header; return the width of the
    widest. Whole numbers, dates and plain text go the short way (each distinct text made
    XML-safe once); any other column cell by cell (:func:`_write_cell`)."""
    cells = values.tolist()
    if kind == "integer" and all(type(value) is int for value in cells):
        for row, value in enumerate(cells, start=1):
            worksheet.write_number(row, column, value, formats["integer"])
        return max((len(f"{value:.0f}") for value in (min(cells), max(cells))), default=0)
    if kind in ("date", "datetime"):
        width = 0
        for row, value in enumerate(cells, start=1):
            if value is not pd.NaT:
                worksheet.write_datetime(row, column, value, formats[kind])
                width = len(_NUMBER_FORMATS[kind])
        return width
    if kind == "cells" and all(type(value) is str for value in cells):
        shown: dict[str, tuple[str, int]] = {}
        width = 0
        for row, value in enumerate(cells, start=1):
            if value:
                if value not in shown:
                    text = xml_safe(value)
                    shown[value] = (text, max(map(len, text.splitlines() or [""])))
                text, wide = shown[value]
                worksheet.write_string(row, column, text)
                width = max(width, wide)
        return width
    width = 0
    for row, value in enumerate(cells, start=1):
        width = max(width, _write_cell(worksheet, row, column, value, kind, formats))
    return width


def _write_cell(worksheet, row: int, column: int, value: object, kind: str, formats) -> int:
    """Write one cell of a column of ``kind``; return the width of what it shows."""
    if is_missing(value) or value == "":
        return 0
    if kind == "iso_day":
        value, kind = _iso_day(value), "date"
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):  # a numpy number
        value = value.item()
    if isinstance(value, bool):
        worksheet.write_boolean(row, column, value)
        return 5
    if isinstance(value, int | float) and math.isfinite(value):
        shown = "integer" if isinstance(value, int) and kind != "number" else "number"
        worksheet.write_number(row, column, value, formats[shown])
        return len(f"{value:.0f}" if shown == "integer" else f"{value:.2f}")
    if isinstance(value, datetime.date):
        clock = isinstance(value, datetime.datetime) and value.time() != datetime.time()
        shown = "datetime" if kind == "datetime" or clock else "date"
        worksheet.write_datetime(row, column, value, formats[shown])
        return len(_NUMBER_FORMATS[shown])
    text = xml_safe(str(value))
    worksheet.write_string(row, column, text)
    return max(map(len, text.splitlines() or [""]))
