"""Files as people really have them: encodings, shapes, words and headers (contactladder.loading).

Each case reads one file of ``tests/data/real/``, made the way the program it imitates writes it
(see the README there).
"""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import BadValueError, InputFileError, MissingColumnError, UsageError
from contactladder.ladder import Ladder
from contactladder.loading import describe, load, read_table

REAL = Path(__file__).parent / "data" / "real"
PAIRS = [["ann", "bo"], ["bo", "cem"]]


def pairs(data) -> list[list[str]]:
    return data.contacts[["person_a", "person_b"]].values.tolist()


# --- encodings ---------------------------------------------------------------------------------


def test_excel_unicode_text_is_utf16_with_tabs():
    data = load(REAL / "excel_unicode_text.txt")
    assert data.contacts["activity"].tolist() == ["Kindercafé Schellerhoeve", "taalplezier"]
    assert pairs(data) == [["ann", "bo"], ["bo", "çem"]]


def test_excel_utf8_with_bom_keeps_the_first_column_name():
    data = load(REAL / "excel_utf8_bom.csv")
    assert pairs(data) == [["ann", "bo"], ["bo", "cém"]]


def test_windows_1252_from_dutch_excel():
    assert load(REAL / "dutch_excel_dayfirst.csv").contacts["activity"].tolist()[0] == "Kindercafé"


def test_another_encoding_is_given_with_encoding():
    assert load(REAL / "mac_roman.csv", encoding="mac_roman").contacts["activity"].tolist() == [
        "Kindercafé"
    ]


def test_an_unknown_encoding_is_a_usage_error():
    with pytest.raises(UsageError) as raised:
        load(REAL / "mac_roman.csv", encoding="klingon")
    assert raised.value.message(options={"encoding": "--encoding"}) == (
        "unknown encoding 'klingon'; give --encoding as a name such as utf-8, utf-16, cp1252 or "
        "latin-1"
    )


# --- shapes ------------------------------------------------------------------------------------


def test_qualtrics_header_rows_are_recognised_and_lines_keep_their_numbers():
    table = read_table(REAL / "qualtrics_utf16.tsv")
    assert table.index.tolist() == [4, 5]
    data = load(REAL / "qualtrics_utf16.tsv", columns={"date": "StartDate"})
    assert pairs(data) == PAIRS
    assert data.contacts["reporter"].tolist() == ["ann", "bo"]
    assert len(data.rejects) == 0


def test_skip_rows_skips_header_rows_below_the_first(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "date,person_a,person_b,rung\nDatum,Wie,Met wie,Trede\n2024-03-05,ann,bo,1\n",
        encoding="utf-8",
    )
    with pytest.raises(BadValueError, match="line 2, column 'date': unparseable date 'Datum'"):
        load(path)
    data = load(path, skip_rows=1)
    assert pairs(data) == [["ann", "bo"]]
    assert read_table(path, skip_rows=1).index.tolist() == [3]


def test_sociopatterns_sensor_file_without_header_by_position():
    path = REAL / "sociopatterns_whitespace.dat"
    with pytest.raises(InputFileError) as raised:
        load(path, rung="kennen", time_unit="s")
    assert raised.value.message(options={"no_header": "--no-header", "columns": "--column"}) == (
        f"{path}, line 1: the first row looks like data, not a header '1385982020'; give "
        "--no-header and name the columns by position, such as --column date=1, or add a header "
        "row"
    )
    data = load(
        path,
        no_header=True,
        columns={"date": 1, "person_a": "2", "person_b": 3},
        rung="kennen",
        time_unit="s",
    )
    assert data.contacts["date"].tolist()[0] == pd.Timestamp("2013-12-02 11:00:20")
    assert pairs(data) == [["1", "2"], ["1", "3"], ["2", "3"]]


def test_a_row_without_header_keeps_its_line_number_in_messages(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("2024-03-05 ann bo 1\n2024-03-06 bo bo 1\n", encoding="utf-8")
    with pytest.raises(BadValueError, match=r"c.txt, line 2, column 'person_a'"):
        load(path, no_header=True, columns={"date": 1, "person_a": 2, "person_b": 3, "rung": 4})


def test_a_folder_of_files_is_one_table_with_the_file_in_every_message():
    folder = REAL / "contacts_per_session"
    with pytest.raises(BadValueError) as raised:
        load(folder)
    assert str(raised.value).startswith(
        f"{folder / 'contacts' / '2024-03-12 peutergym.csv'}, line 3, column 'person_a': a "
        "contact of a person with themself 'cem'"
    )
    data = load(folder, skip_invalid=True)
    assert pairs(data) == [["ann", "bo"], ["bo", "cem"], ["ann", "cem"]]
    assert data.rejects["file"].tolist() == [str(folder / "contacts" / "2024-03-12 peutergym.csv")]


def test_a_folder_and_a_file_for_one_role_is_an_error(tmp_path):
    shutil.copytree(REAL / "contacts_per_session", tmp_path / "data")
    shutil.copy(REAL / "implausible_dates.csv", tmp_path / "data" / "contacts.csv")
    with pytest.raises(InputFileError, match="2 contacts files in the folder"):
        load(tmp_path / "data")


def test_a_ladder_file_may_give_only_kinds(tmp_path):
    ladder = Ladder.from_file(REAL / "ladder_only_kinds.toml")
    assert [rung.key for rung in ladder] == [rung.key for rung in Ladder.default()]
    data = load(REAL / "survey_codes.csv", ladder=REAL / "ladder_only_kinds.toml")
    assert data.contacts["rung"].tolist() == [1, 3]


# --- words -------------------------------------------------------------------------------------


def test_roles_as_people_write_them_are_one_role_everywhere(tmp_path):
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-03-05,ann,bo,1\n2024-03-05,cem,dirk,1\n"
        "2024-03-05,eva,fien,1\n2024-03-05,gijs,ann,1\n",
        encoding="utf-8",
    )
    shutil.copy(REAL / "people_roles_as_written.csv", tmp_path / "people.csv")
    data = load(tmp_path)
    assert data.people["role"].to_dict() == {
        "ann": "parent",
        "bo": "parent",
        "cem": "professional",
        "dirk": "volunteer",
        "eva": "child",
        "fien": "parent",
        "gijs": "Grootouder",
    }
    text = describe(data, focal="Ouders")
    assert "People: 7 (Grootouder 1, child 1, parent 3, professional 1, volunteer 1)" in text
    assert "focal role" not in text


def test_a_gephi_edge_list_is_read_as_person_a_and_person_b():
    data = load(REAL / "gephi_edges.csv", rung="kennen")
    assert pairs(data) == PAIRS
    assert data.contacts["source"].tolist() == ["", ""]


def test_source_and_target_next_to_person_columns_is_one_error():
    path = REAL / "source_target_next_to_persons.csv"
    with pytest.raises(InputFileError) as raised:
        load(path)
    assert raised.value.message(options={"columns": "--column"}) == (
        f"{path}, line 1: 'source' and 'target' next to other person columns 'person_a'; say "
        "which columns hold the people with --column person_a=NAME and --column person_b=NAME, "
        "and map the provenance with --column source=NAME"
    )
    data = load(path, columns={"source": "Source", "person_b": "person_b"})
    assert data.contacts["source"].tolist() == ["ann"]


def test_two_columns_that_could_be_the_date_is_one_error():
    path = REAL / "two_date_columns.csv"
    with pytest.raises(InputFileError) as raised:
        load(path)
    assert raised.value.message(options={"columns": "--column"}) == (
        f"{path}, line 1: two columns could be 'date' 'Datum, Tijd'; name the one to use with "
        "--column date=NAME, or rename the other"
    )
    assert len(load(path, columns={"date": "Datum"}).contacts) == 1


def test_a_long_survey_table_keeps_reporter_and_wave():
    data = load(REAL / "long_survey.csv")
    assert data.contacts[["person_a", "person_b", "rung", "reporter", "wave"]].values.tolist() == [
        ["ann", "bo", 2, "ann", "1"],
        ["ann", "bo", 3, "bo", "1"],
        ["ann", "cem", 1, "ann", "2"],
    ]


def test_a_person_twice_in_a_folder_of_people_files_names_both_files(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "dieze.csv").write_text("id,rol\nann,Ouder\n", encoding="utf-8")
    (tmp_path / "people" / "zuid.csv").write_text("id,rol\nbo,prof\nann,ouder\n", encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-03-05,ann,bo,1\n", encoding="utf-8"
    )
    with pytest.raises(BadValueError) as raised:
        load(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'people' / 'zuid.csv'}, line 3, column 'id': duplicate person id 'ann'; "
        "it is also on line 2 of dieze.csv; give each person one row"
    )
    (tmp_path / "people" / "zuid.csv").write_text("id,rol\nbo,prof\n", encoding="utf-8")
    assert load(tmp_path).people["role"].to_dict() == {"ann": "parent", "bo": "professional"}


def test_a_survey_of_waves_without_dates_is_dated_by_its_waves():
    path = REAL / "long_survey_waves.csv"
    with pytest.raises(MissingColumnError, match="only waves") as caught:
        load(path)
    assert caught.value.message(options={"wave_dates": "--wave-date"}).endswith(
        "give the date of each wave with --wave-date 1=YYYY-MM-DD"
    )
    data = load(path, wave_dates={"1": "2024-03-01", "2": "01-09-2024"}, skip_invalid=True)
    contacts = data.contacts.sort_values(["date", "reporter"])
    assert contacts["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-03-01",
        "2024-03-01",
        "2024-09-01",
    ]
    assert contacts["reporter"].tolist() == ["ann", "bo", "ann"]
    assert contacts["wave"].astype(str).tolist() == ["1", "1", "2"]
    # the row of wave 3 has no date given: it is set aside, not guessed
    assert data.rejects["line"].tolist() == [5]
    assert len(data.contacts) + len(data.rejects) == 4


def test_a_wave_date_must_be_written_as_on_the_command_line():
    with pytest.raises(UsageError, match="not a date '3/1/2024'"):
        load(REAL / "long_survey_waves.csv", wave_dates={"1": "3/1/2024"})
