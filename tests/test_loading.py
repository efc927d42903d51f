"""Reading and validating contacts, people and attendance (contactladder.loading)."""

from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import BadValueError, ContactLadderError, InputFileError, MissingColumnError
from contactladder.ladder import Ladder
from contactladder.loading.dataset import describe, load, read_table

BAD = Path(__file__).parent / "data" / "bad"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_reads_any_separator_and_orders_pairs(tmp_path, separator):
    rows = ["date,person_a,person_b,rung", "2024-02-01,zoe,ann,delen", "2024-01-01,ann,bo,1"]
    write(tmp_path, "contacts.csv", "\n".join(r.replace(",", separator) for r in rows) + "\n")
    contacts = load(tmp_path).contacts
    assert contacts[["person_a", "person_b", "rung"]].values.tolist() == [
        ["ann", "bo", 1], ["ann", "zoe", 3]]
    assert contacts["date"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01")]


def test_dutch_aliases_and_windows_encoding(tmp_path):
    text = "Datum;Persoon_A;Persoon_B;Trede;Activiteit\n2024-03-01;ann;bo;Praten;Kindercafé\n"
    (tmp_path / "contacts.csv").write_bytes(text.encode("cp1252"))
    write(tmp_path, "people.csv", "id;rol;naam;organisatie\nann;parent;Ann;\nbo;parent;Bo;\n")
    data = load(tmp_path)
    assert data.contacts.loc[0, "activity"] == "Kindercafé"
    assert data.contacts.loc[0, "rung"] == 2
    assert data.people.loc["ann", "name"] == "Ann"


def test_explicit_column_mapping_and_fixed_rung(tmp_path):
    path = write(tmp_path, "log.csv", "Wanneer,Wie,Met wie\n2024-03-01,ann,bo\n")
    data = load(path, columns={"date": "Wanneer", "person_a": "Wie", "person_b": "Met wie"},
                rung="helpen")
    assert data.contacts[["person_a", "person_b", "rung"]].values.tolist() == [["ann", "bo", 4]]


def test_xlsx_and_numeric_times(tmp_path):
    table = pd.DataFrame({"time": [0, 86400 + 3600], "person_a": ["a", "b"],
                          "person_b": ["b", "c"], "rung": [1, 2]})
    table.to_excel(tmp_path / "contacts.xlsx", index=False)
    data = load(tmp_path, columns={"date": "time"}, time_unit="s", time_origin="2009-10-01")
    assert data.contacts["date"].tolist() == [pd.Timestamp("2009-10-01"),
                                             pd.Timestamp("2009-10-02 01:00")]


def test_kinds_from_ladder_file(tmp_path):
    write(tmp_path, "ladder.toml", '[[rung]]\nkey = "groeten"\nen = "Greeting"\n'
                                   '[[rung]]\nkey = "vrienden"\n[kinds]\nKoffie = "groeten"\n'
                                   'oppassen = 2\n')
    write(tmp_path, "contacts.csv", "date,person_a,person_b,kind\n2024-01-01,a,b,koffie\n"
                                    "2024-01-02,a,c,Oppassen\n")
    data = load(tmp_path)
    assert len(data.ladder) == 2
    assert data.contacts["rung"].tolist() == [1, 2]


def test_attendance_makes_lowest_rung_contacts_per_session(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,delen\n")
    write(tmp_path, "attendance.csv", "date,activity,person\n2024-01-08,peutergym,a\n"
          "2024-01-08,peutergym,b\n2024-01-08,peutergym,c\n2024-01-08,taalplezier,d\n"
          "2024-01-15,peutergym,d\n")
    contacts = load(tmp_path).contacts
    sessions = contacts[contacts["source"] == "attendance"]
    assert sessions[["person_a", "person_b", "rung", "activity"]].values.tolist() == [
        ["a", "b", 1, "peutergym"], ["a", "c", 1, "peutergym"], ["b", "c", 1, "peutergym"]]


def test_people_missing_from_contacts_are_kept_and_everyone_in_contacts_is_a_person(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,1\n")
    write(tmp_path, "people.csv", "id,role,joined,child_age\na,parent,2023-12-01,2\n"
                                  "b,parent,,3\nc,parent,2024-01-01,1\n")
    people = load(tmp_path).people
    assert sorted(people.index) == ["a", "b", "c"]
    assert people.loc["a", "joined"] == pd.Timestamp("2023-12-01")
    assert pd.isna(people.loc["b", "joined"])
    assert people.loc["c", "child_age"] == "1"
    without = load(tmp_path / "contacts.csv").people
    assert sorted(without.index) == ["a", "b"] and set(without["role"]) == {""}


@pytest.mark.parametrize("case, options, error, message", [
    ("self_contact.csv", {}, BadValueError,
     "self_contact.csv, line 3, column 'person_a': a contact of a person with themself 'ann'"),
    ("unknown_rung.csv", {}, BadValueError,
     "unknown_rung.csv, line 3, column 'rung': unknown rung 'vrienden'"),
    ("unknown_kind.csv", {}, BadValueError,
     "unknown_kind.csv, line 2, column 'kind': unknown kind 'koffie'"),
    ("bad_date.csv", {}, BadValueError,
     "bad_date.csv, line 3, column 'date': unparseable date '2024-13-45'"),
    ("missing_column.csv", {}, MissingColumnError, "missing_column.csv: no column 'person_b'"),
    ("no_rung_column.csv", {}, MissingColumnError, "no_rung_column.csv: no 'rung' or 'kind'"),
    ("missing_person.csv", {}, BadValueError,
     "missing_person.csv, line 2, column 'person_b': empty person;"),
    ("unknown_person.csv", {"people": BAD / "people.csv"}, BadValueError,
     "unknown_person.csv, line 3, column 'person_b': person not in the people file 'dirk'"),
    ("self_contact.csv", {"people": BAD / "duplicate_id.csv"}, BadValueError,
     "duplicate_id.csv, line 4, column 'id': duplicate person id 'ann'; it is also on line 2"),
    ("empty.csv", {}, InputFileError, "empty.csv: the file is empty"),
    ("not_a_table.xlsx", {}, InputFileError, "not_a_table.xlsx: cannot read this as a table"),
    ("no_such_file.csv", {}, InputFileError, "no_such_file.csv: no such file or folder"),
])
def test_bad_input_gives_one_clear_message(case, options, error, message):
    with pytest.raises(error) as raised:
        load(BAD / case, **options)
    assert message in str(raised.value)
    assert str(BAD) in str(raised.value)


def test_skip_invalid_sets_every_bad_row_aside_with_its_reason(tmp_path):
    path = write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n"
                 "2024-01-01,a,b,1\n2024-01-02,a,a,1\nnot a date,a,c,2\n2024-01-03,a,d,9\n"
                 "2024-01-04,b,c,praten\n")
    before = path.read_bytes()
    data = load(path, skip_invalid=True)
    assert data.contacts[["person_a", "person_b"]].values.tolist() == [["a", "b"], ["b", "c"]]
    assert data.rejects[["line", "reason"]].values.tolist() == [
        [3, "a contact of a person with themself"], [4, "unparseable date"], [5, "unknown rung"]]
    assert data.rejects.loc[2, "row"] == "2024-01-03,a,d,9"
    assert path.read_bytes() == before


def test_first_error_counts_the_other_rows_like_it(tmp_path):
    path = write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n"
                 "2024-01-01,a,b,x\n2024-01-02,a,c,y\n2024-01-02,a,d,z\n")
    with pytest.raises(ContactLadderError, match=r"line 2.*'x'.*\(2 more rows like this"):
        load(path)


def test_read_table_numbers_lines_like_a_spreadsheet(tmp_path):
    table = read_table(write(tmp_path, "t.csv", "a,b\n1,2\n3,4\n"))
    assert list(table.index) == [2, 3]


def test_describe_counts_what_was_read(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,1\n"
                                    "2024-03-01,a,c,delen\n")
    write(tmp_path, "people.csv", "id,role,wijk\na,parent,Dieze\nb,parent,Dieze\n"
                                  "c,professional,Dieze\nd,parent,Dieze\n")
    text = describe(load(tmp_path))
    assert "People: 4 (parent 3, professional 1)" in text
    assert "Contacts: 2 (2 rated, 0 from attendance)" in text
    assert "Dates: 2024-01-01 to 2024-03-01" in text
    assert "Rungs used: kennen 1, delen 1" in text
    assert "Warning: 1 people have no contacts." in text


def test_default_ladder_is_used_without_a_ladder_file(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,1\n")
    assert [r.key for r in load(tmp_path).ladder] == [r.key for r in Ladder.default()]


def test_dates_with_utc_offsets_keep_their_clock_time(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-03-01T10:00+01:00,a,b,1\n"
                                    "2024-07-02T10:00+02:00,b,c,2\n2024-07-03T09:30Z,a,c,1\n")
    assert load(tmp_path).contacts["date"].tolist() == [
        pd.Timestamp("2024-03-01 10:00"), pd.Timestamp("2024-07-02 10:00"),
        pd.Timestamp("2024-07-03 09:30")]


def test_attending_alone_is_kept_as_attendance_and_counted_in_check(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,delen\n")
    write(tmp_path, "attendance.csv", "date,activity,person\n2024-01-08,peutergym,a\n"
          "2024-01-08,peutergym,b\n2024-01-15,peutergym,c\n")
    data = load(tmp_path)
    assert data.attendance["person"].tolist() == ["a", "b", "c"]
    assert "c" in data.people.index
    assert "Attendance: 3 rows; 1 of them at sessions with no one else" in describe(data)


def test_a_contacts_file_with_only_a_header_is_a_clear_error(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n")
    with pytest.raises(InputFileError, match="contacts.csv: no contacts to measure; the file has "
                                             "a header but no valid rows"):
        load(tmp_path)
