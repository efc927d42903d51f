"""Tests of contactladder.io.xlsx_package through write_workbook: the sheets written by hand read
back (by openpyxl) as the ones XlsxWriter writes cell by cell."""

import datetime
import math
import random
import re

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from contactladder.io.values import is_missing, xml_safe
from contactladder.io.workbooks import write_workbook

_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss", "integer": "0"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXTS = ["", "Ann", "=1+1", "-3.5", " spaced ", "a\rb", "two\nlines", "_x0041_", "& <b>", "é"]


def _plain_workbook(sheets: dict, path) -> None:
    """The workbook as XlsxWriter writes it cell by cell (the implementation before)."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": datetime.datetime(2000, 1, 1), "comments": "personal"})
    formats = {k: book.add_format({"num_format": f}) for k, f in _FORMATS.items()}
    formats["number"] = book.add_format({"num_format": "0.00"})
    header = book.add_format({"bold": True})
    for name, table in sheets.items():
        sheet = book.add_worksheet(name)
        for column, title in enumerate(table.columns):
            sheet.write_string(0, column, str(title), header)
            values = table[title]
            kind = "cells"
            if pd.api.types.is_integer_dtype(values):
                kind = "integer"
            elif pd.api.types.is_float_dtype(values):
                kind = "number"
            elif pd.api.types.is_datetime64_any_dtype(values):
                kind = (
                    "datetime"
                    if (values.dropna().dt.normalize() != values.dropna()).any()
                    else "date"
                )
            given = [v for v in values.tolist() if not is_missing(v) and v != ""]
            if kind == "cells" and given and all(_ISO_DAY.fullmatch(str(v)) for v in given):
                values = pd.Series([datetime.datetime.fromisoformat(v) if v else v for v in values])
                kind = "date"
            width = len(str(title)) + 3
            for row, value in enumerate(values.tolist(), start=1):
                width = max(width, _plain_cell(sheet, row, column, value, kind, formats))
            sheet.set_column(column, column, min(width, 60) + 1)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(table), len(table.columns) - 1)
    book.close()


def _plain_cell(sheet, row: int, column: int, value, kind: str, formats) -> int:
    if is_missing(value) or value == "":
        return 0
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):
        value = value.item()
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
        return 5
    if isinstance(value, int | float) and math.isfinite(value):
        shown = "integer" if isinstance(value, int) and kind != "number" else "number"
        sheet.write_number(row, column, value, formats[shown])
        return len(f"{value:.0f}" if shown == "integer" else f"{value:.2f}")
    if isinstance(value, datetime.date):
        clock = isinstance(value, datetime.datetime) and value.time() != datetime.time()
        shown = "datetime" if kind == "datetime" or clock else "date"
        sheet.write_datetime(row, column, value, formats[shown])
        return len(_FORMATS[shown])
    text = xml_safe(str(value))
    sheet.write_string(row, column, text)
    return max(map(len, text.splitlines() or [""]))


def _read(path) -> list:
    book = openpyxl.load_workbook(path)
    found: list = [book.sheetnames, book.properties.description]
    for sheet in book.worksheets:
        found.append((sheet.freeze_panes, sheet.auto_filter.ref, sheet.dimensions))
        found.append(sorted((k, d.width, d.min, d.max) for k, d in sheet.column_dimensions.items()))
        found += [
            (c.coordinate, c.value, c.data_type, c.number_format, c.font.b)
            for row in sheet.iter_rows()
            for c in row
        ]
    return found


def _random_table(seed: int, rows: int) -> pd.DataFrame:
    pick = random.Random(seed)
    days = pd.to_datetime("2024-01-01") + pd.to_timedelta(
        [pick.randrange(900) for _ in range(rows)], unit="D"
    )
    mixed = [1, True, "b", None, 2.5, datetime.date(2024, 5, 1), float("inf"), np.int64(7), ""]
    return pd.DataFrame(
        {
            "id": [f"n{pick.randrange(rows)}" for _ in range(rows)],
            "ties": [pick.randrange(-5, 10**6) for _ in range(rows)],
            "share": [pick.choice([0.5, float("nan"), -1.25, 3.0, 1e-7]) for _ in range(rows)],
            "first": days.where([pick.random() > 0.2 for _ in range(rows)]),
            "moment": days + pd.to_timedelta([pick.randrange(3) * 3600 for _ in range(rows)], "s"),
            "focal": [pick.random() > 0.5 for _ in range(rows)],
            "day": [pick.choice(["2024-02-29", "", "2023-12-31"]) for _ in range(rows)],
            "note": pd.Series([pick.choice(_TEXTS) for _ in range(rows)], dtype="str"),
            "mixed": pd.Series([pick.choice(mixed) for _ in range(rows)], dtype=object),
            "empty": [""] * rows,
        }
    )


@pytest.mark.parametrize("seed", range(4))
def test_workbook_reads_back_as_xlsxwriters(tmp_path, seed):
    sheets = {"nodes": _random_table(seed, 40), "ties": _random_table(seed + 10, 1 + seed)}
    sheets["none"] = pd.DataFrame({"a": pd.Series([], dtype="int64")})
    _plain_workbook(sheets, tmp_path / "plain.xlsx")
    write_workbook(sheets, tmp_path / "made.xlsx", description="personal")
    assert _read(tmp_path / "made.xlsx") == _read(tmp_path / "plain.xlsx")
