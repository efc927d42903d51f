"""Tables for spreadsheets: CSV (UTF-8) or XLSX chosen by the file's suffix, and workbooks.

**No cell runs the data** (OWASP's advice on CSV injection). A spreadsheet reads a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula; text from the
data (a name, a note, an activity) that starts so is written as text a spreadsheet shows but
does not evaluate:

- in CSV the text gets a single quote in front: ``=1+1`` is written ``'=1+1`` (the quote shows
  in the cell, and tells a reader the text was neutralised);
- in XLSX it is a string cell (never a formula) holding the text as it was.

Numbers stay numbers: the number ``-3.5`` is written as it is, the *text* ``"-3.5"`` from the
data is text. Column names are treated as text too. In CSV a line end inside a text (``\\r``,
``\\r\\n``) is written as ``\\n``, in a quoted cell.

The same tables give byte-identical files: CSV with ``\\n`` line ends and no index; XLSX with
a fixed creation and modification time in the workbook's properties and the same fixed time on
every entry of the zip file (a workbook is a zip of XML parts, and zip entries carry the time
they were written). Every file is written whole or not at all
(:func:`~contactladder.io.files.replacing`); ``private=True`` makes a new file ``0600`` (for
tables with names).

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> table = pd.DataFrame({"period": ["2024-01"], "ties": [3], "note": ["=1+1"]})
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_table(table, pathlib.Path(folder) / "growth.csv")
...     path.read_text()
"period,ties,note\\n2024-01,3,'=1+1\\n"
"""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import pandas as pd

from contactladder.errors import UsageError
from contactladder.io.files import replacing
from contactladder.io.values import xml_safe

__all__ = ["FORMULA_STARTS", "TABLE_SUFFIXES", "csv_text", "write_table", "write_workbook"]

#: The suffixes :func:`write_table` writes.
TABLE_SUFFIXES = (".csv", ".xlsx")
#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The time written into every workbook, so that the same tables give the same bytes.
_FIXED_TIME = datetime.datetime(2000, 1, 1)
# openpyxl sets the time of saving as the workbook's "modified" property, whatever it was.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def csv_text(value: object) -> object:
    """A cell as CSV holds it: text that a spreadsheet would read as a formula gets a ``'``
    in front; anything else (numbers too) as it is.

    >>> csv_text("=HYPERLINK(1)"), csv_text("-3.5"), csv_text(-3.5), csv_text("Ann")
    ("'=HYPERLINK(1)", "'-3.5", -3.5, 'Ann')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_table(
    table: pd.DataFrame,
    path: str | Path,
    *,
    sheet: str = "data",
    private: bool = False,
    notice: str = "",
) -> Path:
    """Write a table as CSV (UTF-8) or XLSX, chosen by the file's suffix, without the index.

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

    Returns
    -------
    Path

    Raises
    ------
    UsageError
        If the suffix is neither ``.csv`` nor ``.xlsx``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UsageError(
            "unknown table format", value=path.name, hint="end the file name in .csv or .xlsx"
        )
    if suffix == ".xlsx":
        return write_workbook({sheet: table}, path, private=private, description=notice)
    with (
        replacing(path, private=private) as temporary,
        temporary.open("w", encoding="utf-8", newline="") as handle,
    ):
        if notice:
            handle.write("# " + " ".join(notice.split()) + "\n")
        _as_csv_text(table).to_csv(handle, index=False, lineterminator="\n")
    return path


def write_workbook(
    sheets: dict[str, pd.DataFrame],
    path: str | Path,
    *,
    description: str = "",
    private: bool = False,
) -> Path:
    """Write tables as the sheets of one XLSX workbook, byte-identical for the same tables.

    Sheet names are cut to Excel's 31 characters. ``description`` goes into the workbook's
    properties (for example that it holds personal data). Text is kept as text (never a
    formula), without the control characters XML cannot hold; ``private`` as in
    :func:`write_table`.

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
    path = Path(path)
    with replacing(path, private=private) as temporary:
        with pd.ExcelWriter(temporary, engine="openpyxl") as workbook:
            for sheet, table in sheets.items():
                _xml_safe_text(table).to_excel(workbook, sheet_name=sheet[:31], index=False)
            for worksheet in workbook.book.worksheets:
                _text_not_formulas(worksheet)
            properties = workbook.book.properties
            properties.created = _FIXED_TIME
            properties.description = description or None
        _fix_times(temporary)
    return path


def _text_columns(table: pd.DataFrame) -> list:
    """The columns that may hold text: text, object and category columns."""
    return [
        column
        for column, dtype in table.dtypes.items()
        if pd.api.types.is_string_dtype(dtype)
        or pd.api.types.is_object_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    ]


def _as_csv_text(table: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names are :func:`csv_text`."""
    table = table.copy()
    for column in _text_columns(table):
        table[column] = table[column].astype(object).map(_csv_cell)
    table.columns = [_csv_cell(column) for column in table.columns]
    return table


def _csv_cell(value: object) -> object:
    """:func:`csv_text`, with line ends inside the text as ``\\n`` (so the cell is quoted)."""
    value = csv_text(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _xml_safe_text(table: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and column names XML can hold."""
    table = table.copy()
    for column in _text_columns(table):
        table[column] = (
            table[column]
            .astype(object)
            .map(lambda value: xml_safe(value) if isinstance(value, str) else value)
        )
    table.columns = [xml_safe(c) if isinstance(c, str) else c for c in table.columns]
    return table


def _text_not_formulas(worksheet) -> None:
    """Make every cell openpyxl took for a formula (text starting with ``=``) a string cell.

    Nothing contactladder writes is a formula, so every such cell is text from the data."""
    for row in worksheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _fix_times(path: Path) -> None:
    """Rewrite a workbook with the fixed time on every zip entry and as its modification time."""
    stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
