"""Issue 14, "Spreadsheets never run the data": no CSV or XLSX the tool writes holds a cell a
spreadsheet evaluates. Checked with openpyxl on every output, and with LibreOffice headless."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils.escape import unescape

from contactladder.io.sheets import FORMULA_STARTS, write_table
from contactladder.jobs.common import Source
from contactladder.jobs.export import export_job
from contactladder.jobs.report import report_job
from contactladder.jobs.tables import growth_job
from contactladder.jobs.weaver import alone_job

FORMULAS = Path(__file__).parent / "data" / "trust" / "formulas"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
PACKAGE = Path(__file__).parents[1] / "contactladder"
# Text a spreadsheet would run, a text that looks like a number, and real numbers.
HOSTILE = pd.DataFrame(
    {
        "=cmd|' /C calc'!A0": ["=1+1", "+1+1", "-1+2", "@SUM(1+1)", "\t=1+1", "\r=1+1", "Ann"],
        "text": ["-3.5", "=A1", "+31 6", "@x", "plain", "-", "3"],
        "number": [-3.5, 1.0, 2.0, 3.0, -1.0, 0.5, 7.0],
        "count": [-3, 1, 2, 3, 4, 5, 6],
    }
)


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return [cell for row in csv.reader(file) for cell in row]


def _xlsx_cells(path: Path) -> list:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _assert_no_cell_runs(paths: list[Path]) -> tuple[set, set]:
    """Every cell of every file is harmless; return the text cells of the CSV and XLSX files."""
    csv_text, xlsx_text = set(), set()
    for path in paths:
        if path.suffix == ".csv":
            cells = _csv_cells(path)
            assert [
                cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)
            ] == [], path
            csv_text.update(cells)
        elif path.suffix == ".xlsx":
            cells = _xlsx_cells(path)
            assert [c.coordinate for c in cells if c.data_type == "f"] == [], path
            # text read as Excel reads it: a control character is stored escaped (\r as
            # _x000D_), which openpyxl leaves as it is
            xlsx_text.update(unescape(c.value) for c in cells if c.data_type == "s")
    return csv_text, xlsx_text


def test_spreadsheets_never_run_the_data_in_tables_written(tmp_path):
    csv_path = write_table(HOSTILE, tmp_path / "t.csv")
    xlsx_path = write_table(HOSTILE, tmp_path / "t.xlsx")
    csv_text, xlsx_text = _assert_no_cell_runs([csv_path, xlsx_path])
    assert {
        "'=1+1",
        "'+1+1",
        "'-1+2",
        "'@SUM(1+1)",
        "'\t=1+1",
        "'\n=1+1",
        "'-3.5",
        "'=cmd|' /C calc'!A0",
        "Ann",
        "3",
    } <= csv_text
    assert set(HOSTILE["=cmd|' /C calc'!A0"]) | {"-3.5", "=A1"} <= xlsx_text
    # numbers stay numbers, in both formats
    read = pd.read_csv(csv_path)
    assert read["number"].tolist() == HOSTILE["number"].tolist()
    assert read["count"].tolist() == HOSTILE["count"].tolist()
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [(c.value, c.data_type) for c in sheet["C"][1:3]] == [(-3.5, "n"), (1, "n")]
    assert (sheet["B2"].value, sheet["B2"].data_type) == ("-3.5", "s")


def test_spreadsheets_never_run_the_data_in_any_output(tmp_path):
    source = Source(FORMULAS, {"skip_invalid": True}, rejects=tmp_path / "private" / "r.csv")
    paths = [tmp_path / "private" / "r.csv"]
    for suffix in (".csv", ".xlsx"):
        paths += growth_job(source, tmp_path / f"growth{suffix}", by="wijk").paths
        paths += alone_job(source, tmp_path / f"worklist{suffix}", lang="en").paths
        paths += export_job(source, tmp_path / f"export{suffix}", anonymize=False).paths
    report_job(source, tmp_path / "report", by=None, timeline=False, lang="en")
    paths += sorted((tmp_path / "report").glob("*.csv"))
    csv_text, xlsx_text = _assert_no_cell_runs(paths)
    # the hostile text is there, neutralised in CSV and as it was in XLSX
    assert {"'=1+1", "'-3.5", "'+Dieze", "'@Stadshagen", "'=2+3"} <= csv_text
    assert {"=1+1", "-3.5", "+Dieze", "@Stadshagen", "=2+3"} <= xlsx_text
    assert any(cell.startswith("'=HYPERLINK(") for cell in csv_text)


def test_spreadsheets_never_run_the_data_whatever_writes_them():
    # every CSV and XLSX goes through io/sheets.py; the demo writes an input data set (read
    # back by the loader, so it must not be prefixed) that holds no formula-like cell
    writers = re.compile(r"\.to_csv\(|\.to_excel\(|ExcelWriter|openpyxl|csv\.writer")
    found = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if writers.search(path.read_text(encoding="utf-8"))
    }
    assert found <= {"io/sheets.py", "demo/files.py", "demo/synthetic.py"}  # + generated data
    from contactladder.demo import make_demo

    for table in make_demo().values():
        assert not table.astype(str).map(lambda v: v.startswith(FORMULA_STARTS)).any().any()


def _libreoffice_csv(path: Path, tmp_path: Path, *, rows: bool = False) -> list:
    """The cells of ``path`` as LibreOffice evaluates them, converted to CSV."""
    if not Path(SOFFICE).exists():
        pytest.skip(f"{SOFFICE} is missing: install LibreOffice to check what a spreadsheet runs")
    out = tmp_path / f"lo-{path.suffix[1:]}"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = out / (path.stem + ".csv")
    if rows:
        with converted.open(encoding="utf-8", newline="") as file:
            return list(csv.reader(file))
    return _csv_cells(converted)


@pytest.mark.client
def test_spreadsheets_never_run_the_data_in_libreoffice(tmp_path):
    table = HOSTILE.drop(columns=["text", "number", "count"]).iloc[:4]
    table["number"] = [-3.5, 1.0, 2.0, 3.0]
    # the oracle can fail: a table written without the rules is evaluated
    raw = tmp_path / "raw" / "t.csv"
    raw.parent.mkdir()
    table.to_csv(raw, index=False)
    assert "2" in _libreoffice_csv(raw, tmp_path / "raw")
    xlsx_cells = _libreoffice_csv(write_table(table, tmp_path / "t.xlsx"), tmp_path)
    csv_cells = _libreoffice_csv(write_table(table, tmp_path / "t.csv"), tmp_path)
    texts = ["=cmd|' /C calc'!A0", "=1+1", "+1+1", "-1+2", "@SUM(1+1)"]
    assert xlsx_cells == [
        texts[0],
        "number",
        texts[1],
        "-3.5",
        texts[2],
        "1",
        texts[3],
        "2",
        texts[4],
        "3",
    ]
    assert csv_cells == [
        "'" + text if index % 2 == 0 else text
        for index, text in enumerate(
            [texts[0], "number", texts[1], "-3.5", texts[2], "1", texts[3], "2", texts[4], "3"]
        )
    ]


@pytest.mark.client
def test_spreadsheets_never_run_the_data_of_an_export_in_libreoffice(tmp_path):
    (path,) = export_job(
        Source(FORMULAS, {"skip_invalid": True}, rejects=tmp_path / "r.csv"),
        tmp_path / "people.xlsx",
        anonymize=False,
    ).paths
    rows = _libreoffice_csv(path, tmp_path, rows=True)  # the first sheet: nodes
    nodes = pd.DataFrame(rows[1:], columns=rows[0]).set_index("id")
    people = pd.read_csv(FORMULAS / "people.csv", dtype=str, keep_default_na=False)
    assert nodes["name"].to_dict() == people.set_index("id")["name"].to_dict()
    assert nodes.loc["cem", "organisation"] == "=2+3"
    assert set(nodes["wijk"]) == {"+Dieze", "@Stadshagen"}
