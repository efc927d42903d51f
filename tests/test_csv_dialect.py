"""Issue 10, "Spreadsheets": CSV for a Dutch Excel (excel-nl), read back by Python's csv module
and by LibreOffice headless; typed workbooks, read back by openpyxl."""

from __future__ import annotations

import csv
import datetime
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from contactladder.errors import UsageError
from contactladder.io.sheets import csv_bytes, write_table, write_workbook
from contactladder.jobs.common import Source
from contactladder.jobs.export import export_job
from contactladder.jobs.report import report_job
from contactladder.jobs.tables import growth_job
from contactladder.jobs.weaver import alone_job

DEMO = Path(__file__).parents[1] / "data" / "zwolle-demo"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
TABLE = pd.DataFrame(
    {
        "activity": ["Kindercafé Schellerhoeve", "=1+1", "peutergym; taalplezier"],
        "ties": [12, 3, 0],
        "share": [0.25, 1.5, float("nan")],
        "day": pd.to_datetime(["2024-01-05", "2024-02-29", None]),
    }
)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def test_excel_nl_is_semicolons_decimal_comma_and_utf8_with_a_bom(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv", dialect="excel-nl")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfactivity;ties;share;day\r\n")
    assert "Kindercafé".encode() in data
    assert _rows(path) == [
        ["activity", "ties", "share", "day"],
        ["Kindercafé Schellerhoeve", "12", "0,25", "2024-01-05"],
        ["'=1+1", "3", "1,5", "2024-02-29"],
        ["peutergym; taalplezier", "0", "", ""],  # the separator inside a cell is quoted
    ]


def test_plain_csv_stays_as_it_was(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv")
    assert (
        path.read_bytes()
        == (
            "activity,ties,share,day\nKindercafé Schellerhoeve,12,0.25,2024-01-05\n"
            "'=1+1,3,1.5,2024-02-29\npeutergym; taalplezier,0,,\n"
        ).encode()
    )
    assert csv_bytes(TABLE) == path.read_bytes()


def test_numbers_in_a_column_of_mixed_cells_get_the_decimal_comma_too():
    table = pd.DataFrame({"value": ["tekst", 0.5, 2]})
    assert csv_bytes(table, dialect="excel-nl").decode("utf-8-sig").splitlines() == [
        "value",
        "tekst",
        "0,5",
        "2",
    ]


def test_an_unknown_dialect_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"unknown CSV dialect 'excel'; use plain or excel-nl"):
        write_table(TABLE, tmp_path / "t.csv", dialect="excel")
    assert list(tmp_path.iterdir()) == []


def test_every_table_command_writes_the_dialect(tmp_path):
    source = Source(DEMO)
    growth = growth_job(source, tmp_path / "g.csv", freq="quarter", csv_dialect="excel-nl")
    rows = _rows(growth.paths[0])
    share = rows[0].index("largest_component_share")
    assert "," in rows[1][share] and "." not in rows[1][share]
    alone = alone_job(source, tmp_path / "w.csv", today=datetime.date(2025, 6, 30))
    nl = alone_job(
        source, tmp_path / "w-nl.csv", today=datetime.date(2025, 6, 30), csv_dialect="excel-nl"
    )
    plain = pd.read_csv(alone.paths[0], keep_default_na=False, dtype=str)
    read = pd.read_csv(nl.paths[0], sep=";", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    pd.testing.assert_frame_equal(plain, read)
    nodes, ties = export_job(source, tmp_path / "e", format="csv", csv_dialect="excel-nl").paths
    assert _rows(ties)[0][:3] == ["source", "target", "source_label"]
    assert nodes.read_bytes().startswith(b"\xef\xbb\xbfid;label;")


def _libreoffice_xlsx(path: Path, tmp_path: Path) -> openpyxl.Workbook:
    """``path`` (an excel-nl CSV) as LibreOffice reads it, converted to a workbook."""
    if not Path(SOFFICE).exists():
        pytest.skip(f"{SOFFICE} is missing: install LibreOffice to check what a spreadsheet reads")
    out = tmp_path / "lo"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            # separator 59 (;), text delimiter 34 ("), character set 76 (UTF-8), from line 1,
            # and the Dutch locale, whose decimal mark is the comma
            "--infilter=CSV:59,34,76,1,,1043",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return openpyxl.load_workbook(out / (path.stem + ".xlsx"))


@pytest.mark.client
def test_libreoffice_reads_excel_nl_in_columns_with_numbers_and_accents(tmp_path):
    table = TABLE.drop(columns="day")
    sheet = _libreoffice_xlsx(write_table(table, tmp_path / "t.csv", dialect="excel-nl"), tmp_path)
    rows = [[cell.value for cell in row] for row in sheet.active.iter_rows()]
    assert rows[0] == ["activity", "ties", "share"]
    assert rows[1] == ["Kindercafé Schellerhoeve", 12, 0.25]
    assert rows[2] == ["'=1+1", 3, 1.5]  # the formula guard holds in this dialect too
    assert rows[3][:2] == ["peutergym; taalplezier", 0]


@pytest.mark.client
def test_libreoffice_reads_the_growth_table_in_excel_nl_with_the_tools_figures(tmp_path):
    (path,) = growth_job(
        Source(DEMO), tmp_path / "growth.csv", freq="quarter", csv_dialect="excel-nl"
    ).paths
    sheet = _libreoffice_xlsx(path, tmp_path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = pd.read_csv(
        path, sep=";", decimal=",", encoding="utf-8-sig", dtype={"period": str}
    ).drop(columns="period_start", errors="ignore")
    read = pd.DataFrame(rows[1:], columns=rows[0])[expected.columns]
    for column in expected.columns[1:]:
        assert all(isinstance(value, int | float) for value in read[column]), column
    pd.testing.assert_frame_equal(read, expected, check_dtype=False)


def test_workbooks_are_typed_frozen_filterable_and_fitted(tmp_path):
    table = TABLE.assign(joined=["2024-01-05", "", "2025-12-31"], rung_text=["2", "3", ""])
    path = write_workbook({"growth": table, "per wijk: Dieze?": table.head(1)}, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["growth", "per wijk_ Dieze_"]
    sheet = book["growth"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F4"
    cells = {cell.column_letter: cell for cell in sheet[2]}
    assert (cells["B"].value, cells["B"].number_format) == (12, "0")
    assert (cells["C"].value, cells["C"].number_format) == (0.25, "0.00")
    assert cells["D"].value == datetime.datetime(2024, 1, 5)
    assert cells["D"].number_format == "yyyy-mm-dd" and cells["D"].is_date
    # a text column of ISO days (the worklist's dates) is made of date cells
    assert cells["E"].value == datetime.datetime(2024, 1, 5) and cells["E"].is_date
    assert sheet["E3"].value is None and sheet["C4"].value is None
    assert (cells["F"].value, cells["F"].data_type) == ("2", "s")  # text stays text
    assert (sheet["A3"].value, sheet["A3"].data_type) == ("=1+1", "s")
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABF"}
    assert widths["A"] > len("Kindercafé Schellerhoeve") and widths["B"] < widths["A"]
    assert widths["F"] >= len("rung_text")


def test_times_of_day_are_date_time_cells(tmp_path):
    table = pd.DataFrame({"at": [pd.Timestamp("2024-01-05 09:30"), pd.Timestamp("2024-01-06")]})
    sheet = openpyxl.load_workbook(write_workbook({"t": table}, tmp_path / "t.xlsx")).active
    assert sheet["A2"].value == datetime.datetime(2024, 1, 5, 9, 30)
    assert sheet["A2"].number_format == "yyyy-mm-dd hh:mm:ss"


def test_the_worklist_workbook_has_date_cells_and_reads_back_for_comparing(tmp_path):
    day = datetime.date(2025, 6, 30)
    (path,) = alone_job(Source(DEMO), tmp_path / "w.xlsx", today=day).paths
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    as_of = sheet.cell(2, header.index("as_of") + 1)
    assert as_of.is_date and as_of.value == datetime.datetime(2025, 6, 30)
    again = alone_job(Source(DEMO), tmp_path / "w.xlsx", today=day)
    assert any(note.startswith("Compared with") for note in again.notes)
    changes = pd.read_excel(path, sheet_name=None)
    assert len(changes) == 2  # the list and its changes since the earlier version
    assert (tmp_path / "w.previous.xlsx").exists()


def test_private_workbooks_are_the_owners_only(tmp_path):
    path = write_table(TABLE, tmp_path / "t.xlsx", private=True)
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_report_tables_and_an_earlier_excel_nl_worklist(tmp_path):
    formulas = Path(__file__).parent / "data" / "trust" / "formulas"
    source = Source(formulas, {"skip_invalid": True}, rejects=tmp_path / "private" / "r.csv")
    report_job(
        source, tmp_path / "report", by=None, timeline=False, lang="en", csv_dialect="excel-nl"
    )
    for path in sorted((tmp_path / "report").glob("*.csv")):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
        assert len(_rows(path)[0]) > 1, path.name  # in columns
    day = datetime.date(2025, 6, 30)
    alone_job(Source(DEMO), tmp_path / "w.csv", today=day, csv_dialect="excel-nl")
    again = alone_job(Source(DEMO), tmp_path / "w.csv", today=day, csv_dialect="excel-nl")
    assert "Compared with" in again.notes[-2] and "0 new, 0 off the list" in again.notes[-2]
