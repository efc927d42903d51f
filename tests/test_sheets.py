"""Tests of contactladder.io.sheets: CSV and byte-identical XLSX."""

import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactladder.errors import UsageError
from contactladder.io.sheets import write_table, write_workbook


def test_workbook_is_byte_identical_and_holds_every_sheet(tmp_path):
    sheets = {"nodes": pd.DataFrame({"id": ["n1", "n2"]}), "ties": pd.DataFrame({"rung": [1, 3]})}
    first = write_workbook(sheets, tmp_path / "a.xlsx", description="personal data")
    second = write_workbook(sheets, tmp_path / "b.xlsx", description="personal data")
    assert first.read_bytes() == second.read_bytes()
    read = pd.read_excel(first, sheet_name=None)
    assert list(read) == ["nodes", "ties"] and read["ties"]["rung"].tolist() == [1, 3]
    with zipfile.ZipFile(first) as archive:
        assert "personal data" in archive.read("docProps/core.xml").decode()


def test_workbook_times_do_not_follow_the_clock(tmp_path):
    # a workbook's properties and its zip entries carry times: the same tables a second later
    # would otherwise give other bytes (XlsxWriter puts its fixed 1980-01-01 on every entry)
    path = write_workbook({"data": pd.DataFrame({"a": [1]})}, tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_table_suffix_must_be_csv_or_xlsx(tmp_path):
    with pytest.raises(UsageError, match=r"end the file name in .csv or .xlsx"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.txt")
    assert list(tmp_path.iterdir()) == []


def test_csv_is_utf8_without_index(tmp_path):
    path = write_table(pd.DataFrame({"wijk": ["Diëze"], "ties": [2]}), tmp_path / "t.CSV")
    assert path.read_bytes() == "wijk,ties\nDiëze,2\n".encode()


_CELL_TEXT = st.text(alphabet=st.sampled_from(list("ab ,;\"'=+-@\t\r\n_x0&<>é")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.one_of(st.none(), _CELL_TEXT), min_size=1, max_size=6),
    numbers=st.lists(st.integers(-(10**12), 10**12), min_size=1, max_size=6),
    flags=st.lists(st.booleans(), min_size=1, max_size=6),
    dialect=st.sampled_from(["plain", "excel-nl"]),
    notice=st.sampled_from(["", "holds personal data"]),
)
def test_csv_of_text_numbers_and_booleans_is_pandas_csv_byte_for_byte(
    texts, numbers, flags, dialect, notice
):
    from contactladder.io import sheets

    rows = min(len(texts), len(numbers), len(flags))
    table = pd.DataFrame(
        {"text": texts[:rows], "number": numbers[:rows], "flag": flags[:rows]}
    ).astype({"text": object})
    fast = sheets.csv_bytes(table, dialect=dialect, notice=notice)
    with pytest.MonkeyPatch.context() as patched:  # the table through pandas' writer, as before
        patched.setattr(sheets, "_polars_columns", lambda table: None)
        assert fast == sheets.csv_bytes(table, dialect=dialect, notice=notice)
