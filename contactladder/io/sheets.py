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

**Typed workbooks** (:mod:`contactladder.io.workbooks`, whose :func:`write_workbook` and
:func:`check_sheet_rows` are here too): number, boolean and date cells, frozen headers; a sheet
holds at most :data:`MAX_SHEET_ROWS` rows (1,048,576 with the header), and a longer table is
one clear error before anything is written.

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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from contactladder.errors import UsageError
from contactladder.io.files import write_bytes
from contactladder.io.values import date_text, datetime_text, has_time, is_missing
from contactladder.io.workbooks import MAX_SHEET_ROWS, check_sheet_rows, write_workbook

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
    columns = _polars_columns(table)
    if columns is not None:
        body = io.BytesIO()
        body.write(("# " + " ".join(notice.split()) + chosen.line_end).encode() if notice else b"")
        frame = pl.DataFrame(columns)
        frame.write_csv(body, separator=chosen.separator, line_terminator=chosen.line_end)
        bom = "".encode(chosen.encoding)  # the byte order mark of utf-8-sig, else nothing
        return bom + body.getvalue()
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
        cells = table[column].tolist()
        table[column] = pd.Series(_csv_cells(cells, decimal), index=table.index, dtype=object)
    table.columns = [_csv_cell(column, decimal) for column in table.columns]
    return table


def _polars_columns(table: pd.DataFrame) -> dict[str, pl.Series] | None:
    """The cells of ``table`` as :func:`_csv_cell` makes them, as polars columns of text, whole
    numbers and booleans (empty text as null, which polars writes as pandas writes ""); None
    for a table with another column (numbers with decimals, dates, mixed cells), with fewer
    than two columns (a line of one empty cell is ``""``), or whose names are not distinct
    text."""
    names = [str(_csv_cell(column)) for column in table.columns]
    if (
        len(names) < 2
        or len(set(names)) < len(names)
        or not all(isinstance(column, str) for column in table.columns)
    ):
        return None
    columns: dict[str, pl.Series] = {}
    for name, (_, values) in zip(names, table.items()):
        if pd.api.types.is_bool_dtype(values):
            columns[name] = pl.Series(np.where(values.to_numpy(dtype=bool), "True", "False"))
        elif pd.api.types.is_integer_dtype(values) and not values.isna().any():
            columns[name] = pl.Series(values.to_numpy(dtype=np.int64))
        elif not pd.api.types.is_datetime64_any_dtype(values) and pd.api.types.infer_dtype(
            cells := values.to_numpy(dtype=object), skipna=True
        ) in ("string", "empty"):
            columns[name] = _csv_column(cells)
        else:
            return None
    return columns


def _csv_column(cells: np.ndarray) -> pl.Series:
    """:func:`_csv_cell` of a column of text (missing cells None), made once per distinct text;
    empty text as null."""
    codes, distinct = pd.factorize(cells)  # a missing cell's code is -1: the None at the end
    made = [_csv_cell(text) or None for text in distinct] + [None]
    return pl.Series(np.array(made, dtype=object)[codes].tolist(), dtype=pl.String)


def _csv_cells(cells: list, decimal: str) -> list:
    """:func:`_csv_cell` of each cell, worked out once per distinct cell (of one type): for a
    column of text alone by its codes, else cell by cell."""
    if pd.api.types.infer_dtype(cells, skipna=False) == "string":
        codes, distinct = pd.factorize(np.array(cells, dtype=object))
        made_once = np.array([_csv_cell(cell, decimal) for cell in distinct], dtype=object)
        return made_once[codes].tolist()
    done: dict[tuple[type, object], object] = {}
    made = []
    for cell in cells:
        key = (type(cell), cell)
        try:
            made.append(done[key])
        except KeyError:
            made.append(done.setdefault(key, _csv_cell(cell, decimal)))
        except TypeError:  # a cell that cannot be a key (a list)
            made.append(_csv_cell(cell, decimal))
    return made


def _csv_cell(value: object, decimal: str = ".") -> object:
    """:func:`csv_text`, with line ends inside the text as ``\\n`` (so the cell is quoted)."""
    if isinstance(value, float) and decimal != ".":
        return repr(value).replace(".", decimal) if math.isfinite(value) else value
    value = csv_text(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _json_value(value: object) -> object:
    """A cell as JSON holds it (see :func:`table_records`)."""
    if is_missing(value):
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
