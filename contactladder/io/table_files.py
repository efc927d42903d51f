"""The export tables written for spreadsheets: two CSV files (nodes, ties) or one workbook.

:func:`write_tables` writes :func:`~contactladder.io.network_tables.export_tables` of a network;
:func:`check_workbook` says, before anything is written, whether the tables fit a workbook, and
:func:`write_sheets` writes tables already made (the export job stages them with the rest).

Examples
--------
>>> import tempfile
>>> from contactladder.io.network_tables import _example
>>> with tempfile.TemporaryDirectory() as folder:
...     paths = write_tables(_example(), [Path(folder) / "nodes.csv", Path(folder) / "ties.csv"])
...     paths[1].read_text().splitlines()[0].split(",")[:3]
['source', 'target', 'source_label']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from contactladder.errors import UsageError
from contactladder.io.network_tables import export_tables
from contactladder.io.sheets import check_sheet_rows, write_table, write_workbook
from contactladder.io.values import iso_columns
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["check_workbook", "write_sheets", "write_tables"]

# What to do with a table longer than a sheet holds.
_CSV_HINT = "write CSV instead: give {format} csv"


def write_tables(
    net: LadderNetwork,
    paths: Iterable[str | Path],
    *,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    csv_dialect: str = "plain",
) -> list[Path]:
    """Write the nodes and ties tables (:func:`~contactladder.io.network_tables.export_tables`)
    for spreadsheets; return the paths.

    ``paths`` is two CSV files (nodes, then ties) or one XLSX file (sheets ``nodes`` and
    ``ties``), as :func:`~contactladder.io.export.export_paths` gives them. In CSV (in
    ``csv_dialect``, see :mod:`contactladder.io.sheets`), dates are ISO text (with the time when
    any has one); in XLSX they are date cells.

    Raises
    ------
    UsageError
        If one path is given and it does not end in ``.xlsx``; for an unknown dialect; for a
        table longer than a sheet holds (:data:`~contactladder.io.sheets.MAX_SHEET_ROWS`), before
        anything is written (the hint names ``format``: CSV has no such limit).
    """
    files = [Path(path) for path in paths]
    tables = export_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)
    if len(files) == 1:
        check_workbook(tables, files[0])
    return write_sheets(tables, files, csv_dialect=csv_dialect)


def check_workbook(tables: tuple[pd.DataFrame, pd.DataFrame], path: str | Path) -> None:
    """Check that ``tables`` (nodes, ties) can be written as the workbook ``path``: an
    ``.xlsx`` name, and each table within a sheet's rows.

    Raises
    ------
    UsageError
        If ``path`` does not end in ``.xlsx``; if a table is longer than a sheet holds
        (:data:`~contactladder.io.sheets.MAX_SHEET_ROWS`; the hint names ``format``: CSV has no
        such limit).

    >>> from contactladder.io.network_tables import _example
    >>> check_workbook(export_tables(_example()), "village.csv")
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: a workbook needs an .xlsx file name 'village.csv'
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UsageError("a workbook needs an .xlsx file name", value=path.name)
    nodes, ties = tables
    check_sheet_rows({"nodes": nodes, "ties": ties}, path, hint=_CSV_HINT)


def write_sheets(
    tables: tuple[pd.DataFrame, pd.DataFrame],
    paths: Iterable[str | Path],
    *,
    csv_dialect: str = "plain",
) -> list[Path]:
    """Write the tables of :func:`~contactladder.io.network_tables.export_tables` as
    :func:`write_tables` does (two CSV files,
    or one workbook); return the paths.

    Raises
    ------
    UsageError
        As :func:`check_workbook`, for one path; for an unknown dialect.
    """
    files = [Path(path) for path in paths]
    nodes, ties = tables
    if len(files) == 2:
        return [
            write_table(iso_columns(nodes), files[0], sheet="nodes", dialect=csv_dialect),
            write_table(iso_columns(ties), files[1], sheet="ties", dialect=csv_dialect),
        ]
    (path,) = files
    check_workbook(tables, path)
    return [write_workbook({"nodes": nodes, "ties": ties}, path)]
