"""Loading on codes (contactladder.loading.coded, clean_contacts): the same tables as checking
row by row, and the row-by-row check, with its messages, whenever a row has anything to say."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from contactladder.errors import BadValueError
from contactladder.ladder import Ladder
from contactladder.loading import load, read_table
from contactladder.loading.clean_contacts import clean_contacts
from contactladder.loading.coded import CodedTable, coded_column
from contactladder.loading.columns import ColumnMapping
from contactladder.loading.dates import DateReader
from contactladder.loading.files import read_coded
from contactladder.loading.readers import Reading, contacts_of_rows
from contactladder.loading.rejects import Rejects

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"
HEADER = "date,person_a,person_b,rung\n"


def both_ways(path: Path, rung=None, known=None, reading=None):
    """The contacts of one file checked on codes, and checked row by row."""
    reading = reading or Reading(ColumnMapping(None), DateReader(), Rejects(False))
    ((file, coded, respondent),) = reading.tables(
        path, "contacts", ("date", "person_a", "person_b")
    )
    ladder = Ladder.default()
    found = clean_contacts(file, coded, respondent, reading.dates, ladder, rung, known)
    fast = None if found is None else found[0]
    slow = contacts_of_rows(
        file, coded.frame(), respondent, reading.dates, ladder, rung, known, reading.rejects
    )
    return fast, slow.sort_values("date", kind="stable", ignore_index=True)


def test_coded_column_strips_each_distinct_value_once_and_keeps_missing_as_empty():
    column = coded_column(np.array(["b ", None, " a", "b", np.nan], dtype=object))
    assert column.text().tolist() == ["b", "", "a", "b", ""]
    assert column.values.tolist() == ["b", "", "a"]
    assert column.first_rows().tolist() == [0, 1, 2]


def test_read_table_is_the_coded_table_as_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a;b\n x ;2\n\ny;\nx\n", encoding="utf-8")
    table = read_table(path)
    assert table.to_dict("index") == {
        2: {"a": "x", "b": "2"},
        3: {"a": "y", "b": ""},
        4: {"a": "x", "b": ""},
    }
    assert list(table.dtypes) == ["str", "str"]
    pd.testing.assert_frame_equal(CodedTable.from_frame(table).frame(), table)


def test_the_demo_is_read_on_codes(tmp_path):
    fast, slow = both_ways(DEMO / "contacts.csv")
    assert fast is not None
    pd.testing.assert_frame_equal(fast, slow)


@pytest.mark.parametrize(
    "rows, rung",
    [
        ("2024-03-01,bo,ann,praten\n2024-03-02, ann ,bo,3\n25-03-2024,cem,bo,Delen\n", None),
        ("2024-03-01 09:30,bo,ann,\n2024-03-02T10:00Z,ann,bo,helpen\n", "kennen"),
        ("13/03/2024,zoe,ann,1\n01/04/2024,ann,zoe,5\n", None),
        ("2024-03-02,a,b,1\n2024-03-01,c,d,2\n2024-03-02,e,f,3\n2024-03-01,g,h,4\n", None),
        ("2024-03-02,a,b,1\n2024-03-01 00:00,c,d,2\n2024-03-02,e,f,3\n2024-03-01,g,h,4\n", None),
    ],
)
def test_codes_give_the_table_of_the_row_by_row_check(tmp_path, rows, rung):
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    fast, slow = both_ways(path, rung=rung)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, slow)


def test_kinds_and_survey_columns_on_codes(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "date,respondent,alter,kind,rung,wave\n2024-01-01,bo,ann,koffie,,1\n"
        "2024-01-02,ann,cem,,delen,2\n",
        encoding="utf-8",
    )
    (tmp_path / "ladder.toml").write_text(
        '[[rung]]\nkey = "kennen"\n[[rung]]\nkey = "praten"\n[[rung]]\nkey = "delen"\n'
        '[kinds]\nkoffie = "praten"\n',
        encoding="utf-8",
    )
    reading = Reading(ColumnMapping(None), DateReader(), Rejects(False))
    ((file, coded, respondent),) = reading.tables(
        path, "contacts", ("date", "person_a", "person_b")
    )
    ladder = Ladder.from_file(tmp_path / "ladder.toml")
    found = clean_contacts(file, coded, respondent, reading.dates, ladder, None, None)
    fast = None if found is None else found[0]
    slow = contacts_of_rows(
        file, coded.frame(), respondent, reading.dates, ladder, None, None, reading.rejects
    )
    assert fast is not None and fast["reporter"].tolist() == ["bo", "ann"]
    pd.testing.assert_frame_equal(fast, slow)


@pytest.mark.parametrize(
    "rows, known",
    [
        ("2024-03-01,bo,bo,praten\n", None),  # a self-contact
        ("2024-03-01,bo,,praten\n", None),  # an empty person
        ("2024-03-01,bo,ann,lachen\n", None),  # an unknown rung
        ("2024-03-01,bo,ann,\n", None),  # no rung
        ("2024-13-01,bo,ann,1\n", None),  # an unreadable date
        ("1970-01-01,bo,ann,1\n", None),  # a date that is warned about
        ("1254956880,bo,ann,1\n", None),  # numbers, not dates: an error of the column
        ("2024-03-01,bo,ann,1\n", pd.Index(["bo"])),  # a person not in the people file
    ],
)
def test_anything_to_say_goes_to_the_row_by_row_check(tmp_path, rows, known):
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "2024-02-01,ann,bo,1\n" + rows, encoding="utf-8")
    reading = Reading(ColumnMapping(None), DateReader(), Rejects(False))
    ((file, coded, respondent),) = reading.tables(
        path, "contacts", ("date", "person_a", "person_b")
    )
    assert (
        clean_contacts(file, coded, respondent, reading.dates, Ladder.default(), None, known)
        is None
    )


def test_a_bad_row_is_still_named_by_file_and_line(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "2024-02-01,ann,bo,1\n2024-02-02,cem,cem,1\n", encoding="utf-8")
    with pytest.raises(BadValueError) as caught:
        load(path)
    assert (caught.value.line, caught.value.column, caught.value.value) == (3, "person_a", "cem")
    data = load(path, skip_invalid=True)
    assert data.rejects["line"].tolist() == [3] and len(data.contacts) == 1


def test_read_coded_keeps_line_numbers_below_extra_header_rows(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\nquestion a,question b\n1,2\n", encoding="utf-8")
    table = read_coded(path, skip_rows=1)
    assert table.index.tolist() == [3] and table["a"].text().tolist() == ["1"]


DATA = Path(__file__).parent / "data"
TEXT_FILES = sorted(
    p
    for p in DATA.rglob("*")
    if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".txt", ".dat", ".gz")
)


def read_or_error(path: Path):
    try:
        return read_table(path)
    except Exception as error:  # the message is what is compared
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_a_large_file_read_in_parts_is_the_same_table(monkeypatch, path):
    whole = read_or_error(path)
    monkeypatch.setattr("contactladder.loading.files.CHUNK_BYTES", 0)
    monkeypatch.setattr("contactladder.loading.files.CHUNK_ROWS", 3)
    in_parts = read_or_error(path)
    if isinstance(whole, str):
        assert in_parts == whole
    else:
        pd.testing.assert_frame_equal(in_parts, whole)


def test_the_demo_loads_the_same_read_in_parts(monkeypatch):
    whole = load(DEMO)
    monkeypatch.setattr("contactladder.loading.files.CHUNK_BYTES", 0)
    monkeypatch.setattr("contactladder.loading.files.CHUNK_ROWS", 1000)
    in_parts = load(DEMO)
    pd.testing.assert_frame_equal(in_parts.contacts, whole.contacts)
    pd.testing.assert_frame_equal(in_parts.people, whole.people)


@pytest.mark.parametrize(
    "path, options",
    [
        (Path(__file__).parent / "data" / "real" / "gephi_edges.csv", {"rung": "praten"}),
        (Path(__file__).parent / "data" / "real" / "long_survey.csv", {}),  # reports
        (Path(__file__).parent / "data" / "real" / "excel_utf8_bom.csv", {}),
        (DEMO / "contacts.csv", {"people": DEMO / "people.csv"}),
    ],
)
def test_the_people_codes_loading_keeps_are_the_positions_of_the_ids(path, options):
    from contactladder.loading.distinct import positions_in
    from contactladder.network import LadderNetwork

    data = load(path, **options)
    assert data.person_codes is not None
    for codes, column in zip(data.person_codes, ("person_a", "person_b"), strict=True):
        assert np.array_equal(codes, positions_in(data.people.index, data.contacts[column]))
    net = LadderNetwork(data)
    assert net.snapshot().number_of_edges() == len(net.ties())


def test_contacts_with_attendance_sessions_leave_the_codes_to_the_network():
    data = load(DEMO)
    assert data.person_codes is None and len(data.attendance)
