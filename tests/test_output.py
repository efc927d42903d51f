"""Writing files whole or not at all (contactladder.output)."""

import zipfile

import pandas as pd
import pytest

from contactladder.errors import ContactLadderError, UsageError
from contactladder.io.files import write_table, write_text, write_workbook


def test_workbook_is_byte_identical_and_holds_every_sheet(tmp_path):
    sheets = {"nodes": pd.DataFrame({"id": ["n1", "n2"]}), "ties": pd.DataFrame({"rung": [1, 3]})}
    first = write_workbook(sheets, tmp_path / "a.xlsx", description="personal data")
    second = write_workbook(sheets, tmp_path / "b.xlsx", description="personal data")
    assert first.read_bytes() == second.read_bytes()
    read = pd.read_excel(first, sheet_name=None)
    assert list(read) == ["nodes", "ties"] and read["ties"]["rung"].tolist() == [1, 3]
    with zipfile.ZipFile(first) as archive:
        assert "personal data" in archive.read("docProps/core.xml").decode()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    (tmp_path / "g.csv").mkdir()
    with pytest.raises(ContactLadderError, match="cannot write here"):
        write_text(tmp_path / "g.csv", "new")
    assert [p.name for p in tmp_path.iterdir()] == ["g.csv"]


def test_table_suffix_must_be_csv_or_xlsx(tmp_path):
    with pytest.raises(UsageError, match="end the file name in .csv or .xlsx"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.txt")
    assert list(tmp_path.iterdir()) == []
