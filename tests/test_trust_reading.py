"""Issue 14, reading side: inputs are sacred, and every failure is one line.

Each crafted input in ``tests/data/trust_reading`` (see its README) is one clear
ContactLadderError naming the file and, where known, the line, column and value, and saying what
to do; never another exception.
"""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import (
    BadValueError,
    ContactLadderError,
    InputFileError,
    MissingColumnError,
    UsageError,
)
from contactladder.ladder import Ladder
from contactladder.loading import load
from contactladder.loading.dates import TIME_UNITS
from contactladder.network import LadderNetwork

CRAFTED = Path(__file__).parent / "data" / "trust_reading"
CONTACTS = "date,person_a,person_b,rung\n2024-01-05,ann,bo,praten\n2024-03-01,bo,cem,delen\n"


def one_line(err: ContactLadderError) -> str:
    text = str(err)
    assert "\n" not in text and "Traceback" not in text
    return text


# --- inputs are sacred -------------------------------------------------------------------------


def test_all_sheets_of_a_workbook_are_considered():
    data = load(CRAFTED / "contacten_sheet.xlsx")
    assert data.contacts[["person_a", "person_b", "rung"]].values.tolist() == [["ann", "bo", 2]]
    assert len(load(CRAFTED / "second_sheet.xlsx").contacts) == 1


def test_workbook_with_two_sheets_of_data_is_one_error_naming_the_sheets():
    with pytest.raises(InputFileError) as caught:
        load(CRAFTED / "two_sheets.xlsx")
    text = one_line(caught.value)
    assert "'Blad1', 'Blad2'" in text and "contacts or contacten" in text


def test_people_sheet_is_found_by_its_name(tmp_path):
    book = tmp_path / "people.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"x": ["uitleg"]}).to_excel(writer, sheet_name="Uitleg", index=False)
        pd.DataFrame({"id": ["ann", "bo", "cem"], "rol": "parent"}).to_excel(
            writer, sheet_name="Personen", index=False
        )
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    assert load(tmp_path).people["role"].tolist() == ["parent"] * 3


def test_two_files_for_one_role_is_an_error_not_a_silent_choice():
    with pytest.raises(InputFileError) as caught:
        load(CRAFTED / "two_contacts")
    text = one_line(caught.value)
    assert "contacts.csv, contacts.xlsx" in text and caught.value.hint


def test_a_columns_entry_naming_a_missing_column_is_an_error(tmp_path):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    with pytest.raises(MissingColumnError) as caught:
        load(tmp_path, columns={"date": "Nope"})
    text = one_line(caught.value)
    assert "'Nope'" in text and "'date', 'person_a', 'person_b', 'rung'" in text
    assert caught.value.message(options={"columns": "--column"}).endswith("--column date=NAME")
    with pytest.raises(UsageError, match="no such column name 'datum'"):
        load(tmp_path, columns={"datum": "date"})


def test_blank_activity_in_attendance_is_bad_input():
    with pytest.raises(BadValueError) as caught:
        load(CRAFTED / "blank_activity")
    assert caught.value.line == 3 and caught.value.column == "activity"
    data = load(CRAFTED / "blank_activity", skip_invalid=True)
    assert data.rejects[["line", "reason"]].values.tolist() == [[3, "empty activity"]]
    assert sorted(data.attendance["person"]) == ["ann", "cem"]


def test_a_ladder_key_that_looks_like_a_level_is_refused():
    with pytest.raises(InputFileError, match="looks like a level '3'"):
        Ladder.from_file(CRAFTED / "ladder_key_like_level.toml")


# --- every failure is one line -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, line, value", [("year_one.csv", 3, "0001-01-01"), ("year_99999.csv", 3, "99999-01-01")]
)
def test_out_of_range_dates_are_bad_dates(name, line, value):
    with pytest.raises(BadValueError) as caught:
        load(CRAFTED / name)
    assert (caught.value.line, caught.value.column, caught.value.value) == (line, "date", value)
    assert "1678 to 2261" in one_line(caught.value)


def test_utc_offsets_after_a_space_keep_the_clock_time():
    dates = load(CRAFTED / "offset_with_space.csv").contacts["date"].tolist()
    assert dates == [pd.Timestamp("2024-01-05 10:00"), pd.Timestamp("2024-07-05 10:00")]


def test_duplicate_headers_after_trimming_are_one_error():
    with pytest.raises(InputFileError) as caught:
        load(CRAFTED / "duplicate_header.csv")
    assert caught.value.line == 1 and "two columns named 'date'" in one_line(caught.value)


@pytest.mark.parametrize(
    "name, words",
    [
        ("truncated.xlsx", "cannot read this as a table"),
        ("zip_not_xlsx.xlsx", "cannot read this as a table"),
        ("xls_renamed.xlsx", "an old Excel workbook (.xls)"),
        ("truncated.csv.gz", "cannot read the file"),
        ("not_gzip.csv.gz", "cannot read the file"),
    ],
)
def test_broken_truncated_and_old_format_files_are_one_error(name, words):
    with pytest.raises(InputFileError) as caught:
        load(CRAFTED / name)
    text = one_line(caught.value)
    assert words in text and name in text and caught.value.hint


@pytest.mark.parametrize(
    "name, words",
    [
        ("ladder_colour_not_a_colour.toml", "the colour of rung 1 is not a colour"),
        ("ladder_label_not_text.toml", "the nl label of rung 1 is not text"),
        ("ladder_no_rungs.toml", "no rungs"),
        ("ladder_kind_unknown_rung.toml", "kind 'koffie' maps to an unknown rung 'vrienden'"),
        ("ladder_kinds_not_a_table.toml", "kinds is not a table"),
    ],
)
def test_invalid_ladder_values_are_one_error(tmp_path, name, words):
    (tmp_path / "contacts.csv").write_text(
        CONTACTS.replace("praten", "1").replace("delen", "2"), encoding="utf-8"
    )
    shutil.copy(CRAFTED / name, tmp_path / "ladder.toml")
    with pytest.raises(InputFileError) as caught:
        load(tmp_path)
    assert words in one_line(caught.value) and "ladder.toml" in str(caught.value)


@pytest.mark.parametrize(
    "as_of",
    ["yesterday", "2024-13-01", float("nan"), None.__class__, [2024], "2023-12-31", "3000-01-01"],
)
def test_bad_as_of_values_are_one_usage_error(tmp_path, as_of):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    net = LadderNetwork.from_path(tmp_path)
    for ask in (net.cutoff, net.snapshot, net.ties):
        with pytest.raises(UsageError) as caught:
            ask(as_of)
        assert caught.value.hint and one_line(caught.value)


def test_as_of_with_an_offset_keeps_the_clock_time(tmp_path):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    net = LadderNetwork.from_path(tmp_path)
    assert net.cutoff("2024-02-01T10:00+01:00") == pd.Timestamp("2024-02-01 10:00")


@pytest.mark.parametrize("unit", ["weeks", "", "S", 5])
def test_bad_time_unit_is_one_usage_error_listing_the_units(tmp_path, unit):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load(tmp_path, time_unit=unit)
    assert ", ".join(TIME_UNITS) in one_line(caught.value)
    assert "{time_unit}" in caught.value.hint


@pytest.mark.parametrize("origin", ["soon", "nan", "99999-01-01", [1]])
def test_bad_time_origin_is_one_usage_error(tmp_path, origin):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    with pytest.raises(UsageError, match="unreadable time origin"):
        load(tmp_path, time_unit="s", time_origin=origin)


def test_numeric_times_out_of_range_are_bad_dates(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("date,a,b\n0,ann,bo\n1e20,ann,cem\ninf,bo,cem\n", encoding="utf-8")
    data = load(path, rung="1", time_unit="s", skip_invalid=True)
    assert data.rejects["line"].tolist() == [3, 4]
    with pytest.raises(BadValueError, match="line 3"):
        load(path, rung="1", time_unit="D")
