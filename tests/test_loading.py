"""Reading and validating contacts, people and attendance (contactladder.loading).

The sections follow the rooms of the package: files, columns, dates, rejects, dataset, describe.
"""

import gzip
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
from contactladder.loading import CONTACT_COLUMNS, REJECT_COLUMNS, describe, load, read_table
from contactladder.loading.dates import DateReader

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
        ["ann", "bo", 1],
        ["ann", "zoe", 3],
    ]
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
    data = load(
        path, columns={"date": "Wanneer", "person_a": "Wie", "person_b": "Met wie"}, rung="helpen"
    )
    assert data.contacts[["person_a", "person_b", "rung"]].values.tolist() == [["ann", "bo", 4]]


def test_xlsx_and_numeric_times(tmp_path):
    table = pd.DataFrame(
        {"time": [0, 86400 + 3600], "person_a": ["a", "b"], "person_b": ["b", "c"], "rung": [1, 2]}
    )
    table.to_excel(tmp_path / "contacts.xlsx", index=False)
    data = load(tmp_path, columns={"date": "time"}, time_unit="s", time_origin="2009-10-01")
    assert data.contacts["date"].tolist() == [
        pd.Timestamp("2009-10-01"),
        pd.Timestamp("2009-10-02 01:00"),
    ]


def test_kinds_from_ladder_file(tmp_path):
    write(
        tmp_path,
        "ladder.toml",
        '[[rung]]\nkey = "groeten"\nen = "Greeting"\n'
        '[[rung]]\nkey = "vrienden"\n[kinds]\nKoffie = "groeten"\n'
        'oppassen = 2\n',
    )
    write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,kind\n2024-01-01,a,b,koffie\n2024-01-02,a,c,Oppassen\n",
    )
    data = load(tmp_path)
    assert len(data.ladder) == 2
    assert data.contacts["rung"].tolist() == [1, 2]


def test_attendance_makes_lowest_rung_contacts_per_session(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,delen\n")
    write(
        tmp_path,
        "attendance.csv",
        "date,activity,person\n2024-01-08,peutergym,a\n"
        "2024-01-08,peutergym,b\n2024-01-08,peutergym,c\n2024-01-08,taalplezier,d\n"
        "2024-01-15,peutergym,d\n",
    )
    contacts = load(tmp_path).contacts
    sessions = contacts[contacts["source"] == "attendance"]
    assert sessions[["person_a", "person_b", "rung", "activity"]].values.tolist() == [
        ["a", "b", 1, "peutergym"],
        ["a", "c", 1, "peutergym"],
        ["b", "c", 1, "peutergym"],
    ]


def test_people_missing_from_contacts_are_kept_and_everyone_in_contacts_is_a_person(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,1\n")
    write(
        tmp_path,
        "people.csv",
        "id,role,joined,child_age\na,parent,2023-12-01,2\nb,parent,,3\nc,parent,2024-01-01,1\n",
    )
    people = load(tmp_path).people
    assert sorted(people.index) == ["a", "b", "c"]
    assert people.loc["a", "joined"] == pd.Timestamp("2023-12-01")
    assert pd.isna(people.loc["b", "joined"])
    assert people.loc["c", "child_age"] == "1"
    without = load(tmp_path / "contacts.csv").people
    assert sorted(without.index) == ["a", "b"] and set(without["role"]) == {""}


@pytest.mark.parametrize(
    "case, options, error, message",
    [
        (
            "self_contact.csv",
            {},
            BadValueError,
            "self_contact.csv, line 3, column 'person_a': a contact of a person with themself 'ann'",
        ),
        (
            "unknown_rung.csv",
            {},
            BadValueError,
            "unknown_rung.csv, line 3, column 'rung': unknown rung 'vrienden'",
        ),
        (
            "unknown_kind.csv",
            {},
            BadValueError,
            "unknown_kind.csv, line 2, column 'kind': unknown kind 'koffie'",
        ),
        (
            "bad_date.csv",
            {},
            BadValueError,
            "bad_date.csv, line 3, column 'date': unparseable date '2024-13-45'",
        ),
        ("missing_column.csv", {}, MissingColumnError, "missing_column.csv: no column 'person_b'"),
        ("no_rung_column.csv", {}, MissingColumnError, "no_rung_column.csv: no 'rung' or 'kind'"),
        (
            "missing_person.csv",
            {},
            BadValueError,
            "missing_person.csv, line 2, column 'person_b': empty person;",
        ),
        (
            "unknown_person.csv",
            {"people": BAD / "people.csv"},
            BadValueError,
            "unknown_person.csv, line 3, column 'person_b': person not in the people file 'dirk'",
        ),
        (
            "self_contact.csv",
            {"people": BAD / "duplicate_id.csv"},
            BadValueError,
            "duplicate_id.csv, line 4, column 'id': duplicate person id 'ann'; it is also on line 2",
        ),
        ("empty.csv", {}, InputFileError, "empty.csv: the file is empty"),
        ("not_a_table.xlsx", {}, InputFileError, "not_a_table.xlsx: cannot read this as a table"),
        ("no_such_file.csv", {}, InputFileError, "no_such_file.csv: no such file or folder"),
    ],
)
def test_bad_input_gives_one_clear_message(case, options, error, message):
    with pytest.raises(error) as raised:
        load(BAD / case, **options)
    assert message in str(raised.value)
    assert str(BAD) in str(raised.value)


def test_skip_invalid_sets_every_bad_row_aside_with_its_reason(tmp_path):
    path = write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n"
        "2024-01-01,a,b,1\n2024-01-02,a,a,1\nnot a date,a,c,2\n2024-01-03,a,d,9\n"
        "2024-01-04,b,c,praten\n",
    )
    before = path.read_bytes()
    data = load(path, skip_invalid=True)
    assert data.contacts[["person_a", "person_b"]].values.tolist() == [["a", "b"], ["b", "c"]]
    assert data.rejects[["line", "reason"]].values.tolist() == [
        [3, "a contact of a person with themself"],
        [4, "unparseable date"],
        [5, "unknown rung"],
    ]
    assert data.rejects.loc[2, "row"] == "2024-01-03,a,d,9"
    assert path.read_bytes() == before


def test_first_error_counts_the_other_rows_like_it(tmp_path):
    path = write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n2024-01-01,a,b,x\n2024-01-02,a,c,y\n2024-01-02,a,d,z\n",
    )
    with pytest.raises(ContactLadderError, match=r"line 2.*'x'.*\(2 more rows like this"):
        load(path)


def test_read_table_numbers_lines_like_a_spreadsheet(tmp_path):
    table = read_table(write(tmp_path, "t.csv", "a,b\n1,2\n3,4\n"))
    assert list(table.index) == [2, 3]


def test_describe_counts_what_was_read(tmp_path):
    write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n2024-01-01,a,b,1\n2024-03-01,a,c,delen\n",
    )
    write(
        tmp_path,
        "people.csv",
        "id,role,wijk\na,parent,Dieze\nb,parent,Dieze\nc,professional,Dieze\nd,parent,Dieze\n",
    )
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
    write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n2024-03-01T10:00+01:00,a,b,1\n"
        "2024-07-02T10:00+02:00,b,c,2\n2024-07-03T09:30Z,a,c,1\n",
    )
    assert load(tmp_path).contacts["date"].tolist() == [
        pd.Timestamp("2024-03-01 10:00"),
        pd.Timestamp("2024-07-02 10:00"),
        pd.Timestamp("2024-07-03 09:30"),
    ]


def test_attending_alone_is_kept_as_attendance_and_counted_in_check(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,delen\n")
    write(
        tmp_path,
        "attendance.csv",
        "date,activity,person\n2024-01-08,peutergym,a\n"
        "2024-01-08,peutergym,b\n2024-01-15,peutergym,c\n",
    )
    data = load(tmp_path)
    assert data.attendance["person"].tolist() == ["a", "b", "c"]
    assert "c" in data.people.index
    assert "Attendance: 3 rows; 1 of them at sessions with no one else" in describe(data)


def test_a_contacts_file_with_only_a_header_is_a_clear_error(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n")
    with pytest.raises(
        InputFileError,
        match=r"contacts.csv: no contacts to measure; the file "
        r"has a header but no valid rows",
    ):
        load(tmp_path)


# --- files: finding and reading tables ---------------------------------------------------------


def test_gzipped_tab_separated_contacts_are_read(tmp_path):
    with gzip.open(tmp_path / "contacts.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write(
            "date\tperson_a\tperson_b\trung\n2024-01-01\tann\tbo\tpraten\n"
            "2024-01-02\tann\tcem\tpraten; later\n"
        )
    data = load(tmp_path, skip_invalid=True)
    assert data.contacts[["person_a", "person_b", "rung"]].values.tolist() == [["ann", "bo", 2]]
    assert data.rejects["value"].tolist() == ["praten; later"]  # tabs only: ; is text


def test_a_folder_without_contacts_says_what_to_add(tmp_path):
    with pytest.raises(InputFileError, match=r"no contacts file in the folder; add contacts.csv"):
        load(tmp_path)


# --- columns: names, aliases and the explicit mapping -------------------------------------------


def test_the_explicit_mapping_comes_before_an_alias(tmp_path):
    path = write(tmp_path, "c.csv", "datum,tijd,a,b,trede\n2024-01-01,2024-05-05,x,y,1\n")
    data = load(path, columns={"date": "TIJD"})
    assert data.contacts["date"].tolist() == [pd.Timestamp("2024-05-05")]
    assert list(data.contacts.columns) == CONTACT_COLUMNS


@pytest.mark.parametrize(
    "case, library, cli",
    [
        (
            "missing_column.csv",
            "name one with columns={'person_b': NAME}",
            "name one with --column person_b=NAME",
        ),
        (
            "no_rung_column.csv",
            "add one, map one with columns={'rung': NAME}, or give every contact "
            "the same rung with rung",
            "add one, map one with --column rung=NAME, or give every "
            "contact the same rung with --rung",
        ),
    ],
)
def test_missing_columns_name_the_parameters_as_the_reader_calls_them(case, library, cli):
    with pytest.raises(MissingColumnError) as raised:
        load(BAD / case)
    assert str(raised.value).endswith(library)
    options = {"columns": "--column", "rung": "--rung"}
    assert raised.value.message(options=options).endswith(cli)


def test_a_column_name_with_braces_is_shown_as_written(tmp_path):
    path = write(tmp_path, "c.csv", "date,{columns},person_a\n2024-01-01,x,y\n")
    with pytest.raises(MissingColumnError) as raised:
        load(path)
    assert "the columns are 'date', '{columns}', 'person_a';" in str(raised.value)
    assert "'{columns}'" in raised.value.message(options={"columns": "--column"})


# --- dates: ISO text and numeric times ----------------------------------------------------------


def test_numbers_without_a_time_unit_hint_at_the_parameter(tmp_path):
    path = write(tmp_path, "c.csv", "date,person_a,person_b,rung\n1254956880,a,b,1\n")
    with pytest.raises(BadValueError) as raised:
        load(path)
    assert str(raised.value).endswith("or give time_unit to read numbers as times")
    assert raised.value.message(options={"time_unit": "--time-unit"}).endswith(
        "or give --time-unit to read numbers as times"
    )


@pytest.mark.parametrize(
    "options, message",
    [
        (
            {"time_unit": "weeks"},
            "unknown time unit 'weeks'; give time_unit as one of s, ms, min, h, D",
        ),
        (
            {"time_unit": "s", "time_origin": "the big bang"},
            "unreadable time origin 'the big bang'; give time_origin as an ISO date such as 2009-10-01",
        ),
        ({"rung": "vrienden"}, "unknown rung 'vrienden'; use a level 1-5"),
    ],
)
def test_unusable_parameters_are_usage_errors(tmp_path, options, message):
    path = write(tmp_path, "c.csv", "date,person_a,person_b\n2024-01-01,a,b\n")
    with pytest.raises(UsageError) as raised:
        load(path, **options)
    assert str(raised.value).startswith(message)


def test_numeric_times_that_are_not_numbers_say_the_unit_and_origin(tmp_path):
    path = write(tmp_path, "c.csv", "date,person_a,person_b,rung\nsoon,a,b,1\n")
    with pytest.raises(BadValueError, match=r"give a number of h since 2009-10-01$"):
        load(path, time_unit="h", time_origin="2009-10-01")


def test_date_reader_reads_each_distinct_value_once():
    raw = pd.Series(["2024-01-01", "2024-01-01", "x"], index=[2, 3, 4])
    parsed = DateReader().parse(raw)
    assert parsed.index.tolist() == [2, 3, 4]
    assert parsed.iloc[0] == parsed.iloc[1] == pd.Timestamp("2024-01-01") and pd.isna(parsed[4])


# --- rejects: one error, or every bad row set aside -------------------------------------------


def test_more_rows_like_the_first_name_the_skip_invalid_parameter(tmp_path):
    path = write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n2024-01-01,a,b,x\n2024-01-02,a,c,y\n",
    )
    with pytest.raises(BadValueError) as raised:
        load(path)
    assert str(raised.value).endswith("(1 more rows like this; skip_invalid sets them aside)")
    assert raised.value.message(options={"skip_invalid": "--skip-invalid"}).endswith(
        "(1 more rows like this; --skip-invalid sets them aside)"
    )


def test_rejects_of_several_files_come_by_file_and_line(tmp_path):
    write(
        tmp_path,
        "contacts.csv",
        "date,person_a,person_b,rung\n2024-01-01,a,b,1\n2024-01-02,a,zed,1\n",
    )
    write(tmp_path, "people.csv", "id,joined\na,\nb,someday\nzed,\n")
    write(tmp_path, "attendance.csv", "date,activity,person\n2024-01-03,gym,a\n,gym,b\n")
    rejects = load(tmp_path, skip_invalid=True).rejects
    assert list(rejects.columns) == REJECT_COLUMNS
    # b's row in people.csv is set aside, so b's contact names a person not in the people file.
    assert [
        (Path(f).name, line, reason)
        for f, line, reason in rejects[["file", "line", "reason"]].values.tolist()
    ] == [
        ("attendance.csv", 3, "unparseable date"),
        ("contacts.csv", 2, "person not in the people file"),
        ("people.csv", 3, "unparseable date"),
    ]


# --- describe: what was read, and warnings -----------------------------------------------------


def test_describe_warns_about_the_focal_role_and_late_joiners(tmp_path):
    write(tmp_path, "contacts.csv", "date,person_a,person_b,rung\n2024-01-01,a,b,1\n")
    write(tmp_path, "people.csv", "id,role,joined\na,child,\nb,child,\nc,child,2025-01-01\n")
    text = describe(load(tmp_path))
    assert (
        "Warning: no one has the focal role 'parent': give roles in a people file, or name "
        "the focal role with focal."
    ) in text
    assert "Warning: 1 people joined after the last contact." in text
    assert "or name the focal role with --focal." in describe(
        load(tmp_path), options={"focal": "--focal"}
    )
    assert "focal role" not in describe(load(tmp_path), focal="child")
