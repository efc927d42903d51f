"""Tables for spreadsheets and scripts: CSV in two dialects, typed XLSX workbooks, JSON records.

**CSV dialects** (``dialect``): ``plain``, for scripts, is ``,`` between cells, ``.`` in
numbers, UTF-8 and ``\\n`` line ends; ``excel-nl``, for a double-click in a Dutch Excel, is
``;`` between cells, a decimal comma, UTF-8 with a byte order mark (so ``Kindercafé`` stays
intact) and ``\\r\\n`` line ends. Both quote a cell that holds the separator, a quote or a line
end.

**No cell runs the data** (OWASP's advice on CSV injection). A spreadsheet reads a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula; text from the
data (a name, a note, an activity) that starts so is written as text a spreadsheet shows but
does not evaluate:

- in CSV (either dialect) the text gets a single quote in front: ``=1+1`` is written ``'=1+1``
  (the quote shows in the cell, and tells a reader the text was neutralised);
- in XLSX it is a string cell (never a formula) holding the text as it was.

Numbers stay numbers: the number ``-3.5`` is written as it is, the *text* ``"-3.5"`` from the
data is text. Column names are treated as text too. In CSV a line end inside a text (``\\r``,
``\\r\\n``) is written as ``\\n``, in a quoted cell.

**Typed workbooks.** Every sheet has its header row frozen and filterable, and columns as wide
as their longest text (at most 60 characters). Whole numbers are number cells shown as ``0``,
other numbers as ``0.00``, true/false as boolean cells; dates (a date column, or a text column
whose every value is an ISO day such as ``2024-01-05``) are date cells shown as ``yyyy-mm-dd``
(with ``hh:mm:ss`` when a column has a time of day); missing values are empty cells.

**A sheet holds at most** :data:`MAX_SHEET_ROWS` rows (1,048,576, the header included:
Excel's limit and XlsxWriter's). A longer table is one :class:`~contactladder.errors.UsageError`
naming the table, its rows and the limit, raised before anything is written (write it as CSV,
which has no limit).

The same tables give byte-identical files: CSV without an index; XLSX with a fixed creation
time in the workbook's properties and XlsxWriter's fixed time on every part. Every file is
written whole or not at all (:func:`~contactladder.io.files.write_bytes`); ``private=True``
makes a new file ``0600`` (for tables with names).

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> table = pd.DataFrame({"period": ["2024-01"], "share": [0.5], "note": ["=1+1"]})
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_table(table, pathlib.Path(folder) / "growth.csv")
...     path.read_text()
"period,share,note\\n2024-01,0.5,'=1+1\\n"
>>> csv_bytes(table, dialect="excel-nl").decode("utf-8-sig")
"period;share;note\\r\\n2024-01;0,5;'=1+1\\r\\n"
>>> json_bytes(table).decode()
'[\\n  {"period": "2024-01", "share": 0.5, "note": "=1+1"}\\n]\\n'
"""

from __future__ import annotations

import datetime
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import xlsxwriter

from contactladder.errors import UsageError
from contactladder.io.files import write_bytes
from contactladder.io.values import date_text, datetime_text, has_time, xml_safe

__all__ = [
    "CSV_DIALECTS",
    "FORMULA_STARTS",
    "MAX_SHEET_ROWS",
    "TABLE_SUFFIXES",
    "csv_bytes",
    "csv_text",
    "json_bytes",
    "check_sheet_rows",
    "table_records",
    "write_table",
    "write_workbook",
]

#: The suffixes :func:`write_table` writes.
TABLE_SUFFIXES = (".csv", ".xlsx")
#: The most rows a sheet holds, the header included (Excel's limit, and XlsxWriter's).
MAX_SHEET_ROWS = 1_048_576
#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class _Dialect:
    separator: str
    decimal: str
    encoding: str
    line_end: str


#: The CSV dialects by name (see the module's docstring).
CSV_DIALECTS = {
    "plain": _Dialect(",", ".", "utf-8", "\n"),
    "excel-nl": _Dialect(";", ",", "utf-8-sig", "\r\n"),
}
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


def csv_text(value: object) -> object:
    """A cell as CSV holds it: text that a spreadsheet would read as a formula gets a ``'``
    in front; anything else (numbers too) as it is.

    >>> csv_text("=HYPERLINK(1)"), csv_text("-3.5"), csv_text(-3.5), csv_text("Ann")
    ("'=HYPERLINK(1)", "'-3.5", -3.5, 'Ann')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame, *, dialect: str = "plain", notice: str = "") -> bytes:
    """``table`` as the bytes of a CSV file in ``dialect``, without the index.

    ``notice``: what the file says about itself, as its first line ``# <notice>``.

    Raises
    ------
    UsageError
        For an unknown dialect.
    """
    chosen = _dialect(dialect)
    text = io.StringIO()
    if notice:
        text.write("# " + " ".join(notice.split()) + chosen.line_end)
    _as_csv_text(table, chosen.decimal).to_csv(
        text,
        index=False,
        sep=chosen.separator,
        decimal=chosen.decimal,
        lineterminator=chosen.line_end,
    )
    return text.getvalue().encode(chosen.encoding)


def table_records(table: pd.DataFrame) -> list[dict[str, object]]:
    """The rows of ``table`` as records for JSON: the column names as keys, missing values (and
    infinite numbers) as None, dates as ISO text, numbers as Python numbers, anything else as
    text.

    >>> table_records(pd.DataFrame({"day": pd.to_datetime(["2024-01-05", None]), "n": [1, 2]}))
    [{'day': '2024-01-05', 'n': 1}, {'day': None, 'n': 2}]
    """
    columns: dict[str, list[object]] = {}
    for name in table.columns:
        values = table[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            text = datetime_text if has_time(values) else date_text
            columns[str(name)] = [None if pd.isna(day) else text(day) for day in values]
        else:
            columns[str(name)] = [_json_value(value) for value in values.tolist()]
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def json_bytes(table: pd.DataFrame) -> bytes:
    """:func:`table_records` as a JSON list, one record per line, in UTF-8."""
    lines = ["  " + json.dumps(record, ensure_ascii=False) for record in table_records(table)]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode()


def write_table(
    table: pd.DataFrame,
    path: str | Path,
    *,
    sheet: str = "data",
    private: bool = False,
    notice: str = "",
    dialect: str = "plain",
) -> Path:
    """Write a table as CSV or XLSX, chosen by the file's suffix, without the index.

    Parameters
    ----------
    table : pandas.DataFrame
    path : path
        Ends in ``.csv`` or ``.xlsx`` (any case).
    sheet : str
        The sheet's name in a workbook.
    private : bool
        The table holds names: a new file is readable by its owner only (``0600``).
    notice : str
        What the file says about itself (that it holds personal data): in a CSV its first
        line, ``# <notice>`` (read it back with ``pandas.read_csv(path, skiprows=1)``); in a
        workbook its description.
    dialect : {"plain", "excel-nl"}
        The CSV dialect (see the module's docstring); a workbook has none.

    Returns
    -------
    Path

    Raises
    ------
    UsageError
        If the suffix is neither ``.csv`` nor ``.xlsx``, or the dialect is unknown.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UsageError(
            "unknown table format", value=path.name, hint="end the file name in .csv or .xlsx"
        )
    if suffix == ".xlsx":
        return write_workbook({sheet: table}, path, private=private, description=notice)
    return write_bytes(path, csv_bytes(table, dialect=dialect, notice=notice), private=private)


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


def _dialect(name: str) -> _Dialect:
    """The CSV dialect called ``name``; UsageError for another."""
    if name not in CSV_DIALECTS:
        raise UsageError("unknown CSV dialect", value=name, hint="use plain or excel-nl")
    return CSV_DIALECTS[name]


def _text_columns(table: pd.DataFrame) -> list:
    """The columns that may hold text: text, object and category columns."""
    return [
        column
        for column, dtype in table.dtypes.items()
        if pd.api.types.is_string_dtype(dtype)
        or pd.api.types.is_object_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    ]


def _as_csv_text(table: pd.DataFrame, decimal: str) -> pd.DataFrame:
    """A copy whose text cells and column names are :func:`csv_text`, and whose numbers in
    mixed columns have the ``decimal`` mark (pandas gives it to number columns itself)."""
    table = table.copy()
    for column in _text_columns(table):
        table[column] = table[column].astype(object).map(lambda v: _csv_cell(v, decimal))
    table.columns = [_csv_cell(column, decimal) for column in table.columns]
    return table


def _csv_cell(value: object, decimal: str = ".") -> object:
    """:func:`csv_text`, with line ends inside the text as ``\\n`` (so the cell is quoted)."""
    if isinstance(value, float) and decimal != ".":
        return repr(value).replace(".", decimal) if math.isfinite(value) else value
    value = csv_text(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _missing(value: object) -> bool:
    """Whether a cell is missing: None, NaN, NaT or pandas' NA."""
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def _json_value(value: object) -> object:
    """A cell as JSON holds it (see :func:`table_records`)."""
    if _missing(value):
        return None
    if hasattr(value, "item"):  # a numpy number
        value = value.item()
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime.datetime):
        return date_text(value) if value.time() == datetime.time() else datetime_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


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
    given = [value for value in values if not _missing(value) and value != ""]
    if given and all(_iso_day(value) for value in given):
        return "iso_day"
    return "cells"


def _write_sheet(worksheet, table: pd.DataFrame, formats: dict, header) -> None:
    """Write ``table`` on ``worksheet``: a frozen, filterable header, typed cells, widths."""
    for column, name in enumerate(table.columns):
        worksheet.write_string(0, column, xml_safe(str(name)), header)
        kind = _column_kind(table[name])
        width = len(str(name)) + 3  # room for the filter's button
        for row, value in enumerate(table[name].tolist(), start=1):
            width = max(width, _write_cell(worksheet, row, column, value, kind, formats))
        worksheet.set_column(column, column, min(width, _WIDEST) + 1)
    worksheet.freeze_panes(1, 0)
    if len(table.columns):
        worksheet.autofilter(0, 0, len(table), len(table.columns) - 1)


def _write_cell(worksheet, row: int, column: int, value: object, kind: str, formats) -> int:
    """Write one cell of a column of ``kind``; return the width of what it shows."""
    if _missing(value) or value == "":
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
