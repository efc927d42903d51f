"""A table longer than a spreadsheet's sheet is one clear error before anything is written.

The limit is a module constant (:data:`contactladder.io.workbooks.MAX_SHEET_ROWS`, Excel's
1,048,576 rows with the header); the tests lower it instead of making a million rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from helpers import write_export_village

import contactladder.io.sheets as sheets
import contactladder.io.workbooks as workbooks
from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.io.export import export
from contactladder.io.sheets import check_sheet_rows, write_table, write_workbook
from contactladder.network.ladder_network import LadderNetwork


@pytest.fixture
def small_limit(monkeypatch) -> int:
    monkeypatch.setattr(workbooks, "MAX_SHEET_ROWS", 4)
    return 4


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_limit_is_excels():
    assert workbooks.MAX_SHEET_ROWS == 1_048_576
    assert sheets.MAX_SHEET_ROWS == 1_048_576  # and where the tables for spreadsheets are


def test_a_table_that_fits_with_its_header_is_written(small_limit, tmp_path):
    table = pd.DataFrame({"rung": [1, 2, 3]})  # 3 rows and the header: 4
    check_sheet_rows({"ties": table})
    assert write_table(table, tmp_path / "ties.xlsx").exists()


def test_a_longer_table_names_itself_its_rows_and_the_limit(small_limit, tmp_path):
    tables = {"nodes": pd.DataFrame({"id": ["n1"]}), "ties": pd.DataFrame({"rung": [1] * 4})}
    with pytest.raises(UsageError) as caught:
        write_workbook(tables, tmp_path / "out" / "village.xlsx")
    message = str(caught.value)
    assert "'ties'" in message and "5 rows" in message and "the 4 a spreadsheet" in message
    assert "village.xlsx" in message and "CSV" in message
    assert not (tmp_path / "out").exists() or files_in(tmp_path / "out") == []


def test_export_to_xlsx_fails_before_writing_and_names_format(small_limit, tmp_path):
    net = LadderNetwork.from_path(write_export_village(tmp_path / "village"))
    out = tmp_path / "out"
    with pytest.raises(UsageError) as caught:
        export(net, out / "village.xlsx")
    assert "give format csv" in str(caught.value)
    assert not out.exists()
    csv = export(net, out / "village", format="csv")  # CSV has no such limit
    assert [p.name for p in csv] == ["village-nodes.csv", "village-ties.csv"]


def test_cli_export_to_xlsx_is_one_line_with_no_traceback_and_no_file(small_limit, tmp_path):
    folder = write_export_village(tmp_path / "village")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(out / "village.xlsx")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "--format csv" in lines[0] and "Traceback" not in result.output
    assert lines[0].startswith(f"Error: {out / 'village.xlsx'}: the table has 6 rows")
    assert not out.exists()
