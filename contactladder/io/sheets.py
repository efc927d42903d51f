"""Tables for spreadsheets: CSV (UTF-8) or XLSX chosen by the file's suffix, and workbooks.

The same tables give byte-identical files: CSV with ``\\n`` line ends and no index; XLSX with
a fixed creation and modification time in the workbook's properties and the same fixed time on
every entry of the zip file (a workbook is a zip of XML parts, and zip entries carry the time
they were written). Every file is written whole or not at all
(:func:`~contactladder.io.files.replacing`).

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> table = pd.DataFrame({"period": ["2024-01"], "ties": [3]})
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_table(table, pathlib.Path(folder) / "growth.csv")
...     path.read_text()
'period,ties\\n2024-01,3\\n'
"""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import pandas as pd

from contactladder.errors import UsageError
from contactladder.io.files import replacing

__all__ = ["TABLE_SUFFIXES", "write_table", "write_workbook"]

#: The suffixes :func:`write_table` writes.
TABLE_SUFFIXES = (".csv", ".xlsx")
# The time written into every workbook, so that the same tables give the same bytes.
_FIXED_TIME = datetime.datetime(2000, 1, 1)
# openpyxl sets the time of saving as the workbook's "modified" property, whatever it was.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def write_table(table: pd.DataFrame, path: str | Path, *, sheet: str = "data") -> Path:
    """Write a table as CSV (UTF-8) or XLSX, chosen by the file's suffix, without the index.

    Parameters
    ----------
    table : pandas.DataFrame
    path : path
        Ends in ``.csv`` or ``.xlsx`` (any case).
    sheet : str
        The sheet's name in a workbook.

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

    Sheet names are cut to Excel's 31 characters. ``description`` goes into the workbook's
    properties (for example that it holds personal data).

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
    with replacing(path) as temporary:
        with pd.ExcelWriter(temporary, engine="openpyxl") as workbook:
            for sheet, table in sheets.items():
                table.to_excel(workbook, sheet_name=sheet[:31], index=False)
            properties = workbook.book.properties
            properties.created = _FIXED_TIME
            properties.description = description or None
        _fix_times(temporary)
    return path


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
