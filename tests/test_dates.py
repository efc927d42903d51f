"""Dates as people write them (contactladder.loading.dates, network.periods.parse_moment)."""

from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import BadValueError, UsageError
from contactladder.loading import describe, load
from contactladder.loading.dates import DateReader, implausible, parse_written_date
from contactladder.network.periods import parse_moment

REAL = Path(__file__).parent / "data" / "real"


def dates_of(name: str, **options) -> list[pd.Timestamp]:
    return load(REAL / name, **options).contacts["date"].tolist()


def test_dutch_excel_dates_are_day_first_when_one_value_says_so():
    assert dates_of("dutch_excel_dayfirst.csv") == [
        pd.Timestamp("2024-03-05"),
        pd.Timestamp("2024-03-13"),
        pd.Timestamp("2024-04-02 09:30"),
    ]


def test_slashes_are_read_like_dashes():
    assert dates_of("slashes_dayfirst.csv") == [
        pd.Timestamp("2024-03-05"),
        pd.Timestamp("2024-03-25"),
    ]


def test_google_forms_tijdstempel_is_the_date_with_seconds():
    data = load(
        REAL / "google_forms_tijdstempel.csv",
        columns={"person_a": "Wie ben jij?", "person_b": "Met wie sprak je?"},
    )
    assert data.contacts["date"].tolist() == [
        pd.Timestamp("2024-03-05 09:30:12"),
        pd.Timestamp("2024-03-13 21:05:44"),
    ]
    assert data.contacts["rung"].tolist() == [2, 3]


def test_a_column_read_two_ways_is_one_error_with_both_readings():
    with pytest.raises(BadValueError) as raised:
        load(REAL / "dutch_excel_ambiguous.csv")
    assert raised.value.message(
        options={
            "dayfirst": "--dayfirst",
            "monthfirst": "--monthfirst",
            "date_format": "--date-format",
        }
    ) == (
        f"{REAL / 'dutch_excel_ambiguous.csv'}, line 2, column 'date': dates that read two ways "
        "'05-03-2024'; day-first it is 5 March 2024, month-first 3 May 2024; give --dayfirst or "
        "--monthfirst (or --date-format, such as %d-%m-%Y)"
    )


def test_skip_invalid_does_not_guess_an_ambiguous_column():
    with pytest.raises(BadValueError, match="dates that read two ways"):
        load(REAL / "dutch_excel_ambiguous.csv", skip_invalid=True)


@pytest.mark.parametrize(
    "options, first",
    [
        ({"dayfirst": True}, pd.Timestamp("2024-03-05")),
        ({"date_format": "%d-%m-%Y"}, pd.Timestamp("2024-03-05")),
        ({"monthfirst": True}, pd.Timestamp("2024-05-03")),
    ],
)
def test_the_caller_settles_an_ambiguous_column(options, first):
    contacts = load(REAL / "dutch_excel_ambiguous.csv", **options).contacts
    assert contacts.loc[contacts["person_b"] == "bo", "date"].tolist() == [first]


def test_a_column_in_two_orders_is_one_error_naming_both_lines():
    with pytest.raises(BadValueError) as raised:
        load(REAL / "two_orders.csv")
    assert raised.value.line == 3
    assert "line 2 (13-03-2024) day-first" in str(raised.value)


def test_with_an_order_given_the_dates_of_the_other_order_are_set_aside():
    data = load(REAL / "two_orders.csv", dayfirst=True, skip_invalid=True)
    assert data.contacts["date"].tolist() == [pd.Timestamp("2024-03-13")]
    assert data.rejects[["line", "column", "value", "reason"]].values.tolist() == [
        [3, "date", "03-14-2024", "unparseable date"]
    ]


def test_dayfirst_and_monthfirst_together_is_a_usage_error():
    with pytest.raises(UsageError, match="not both"):
        DateReader(dayfirst=True, monthfirst=True)


def test_workbook_text_dates_date_cells_and_serial_numbers_are_one_column():
    assert dates_of("xlsx_text_and_serial_dates.xlsx") == [
        pd.Timestamp("2024-03-13"),
        pd.Timestamp("2024-03-14"),
        pd.Timestamp("2024-03-15"),
    ]


def test_numbers_without_a_time_unit_are_one_error_even_when_skipping():
    with pytest.raises(BadValueError) as raised:
        load(
            REAL / "numbers_without_time_unit.csv",
            rung="kennen",
            skip_invalid=True,
            columns={"date": "Time", "person_a": "id1", "person_b": "id2"},
        )
    assert raised.value.message(options={"time_unit": "--time-unit"}) == (
        f"{REAL / 'numbers_without_time_unit.csv'}, line 2, column 'date': numbers, not dates "
        "'31220'; write dates as YYYY-MM-DD, or give --time-unit to read numbers as times"
    )


def test_a_four_digit_number_is_not_a_year(tmp_path):
    (tmp_path / "c.csv").write_text("date,person_a,person_b,rung\n2024,a,b,1\n", encoding="utf-8")
    with pytest.raises(BadValueError, match="numbers, not dates '2024'"):
        load(tmp_path / "c.csv")


def test_with_a_time_unit_joined_may_still_be_a_calendar_date(tmp_path):
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n3600,a,b,1\n", encoding="utf-8"
    )
    (tmp_path / "people.csv").write_text("id,joined\na,30-9-2009\nb,2009-09-30\n", encoding="utf-8")
    data = load(tmp_path, time_unit="s", time_origin="2009-10-01")
    assert data.contacts["date"].tolist() == [pd.Timestamp("2009-10-01 01:00")]
    assert data.people["joined"].tolist() == [pd.Timestamp("2009-09-30")] * 2


def test_implausible_dates_are_read_and_warned_about_with_their_line():
    data = load(REAL / "implausible_dates.csv")
    assert len(data.contacts) == 2
    assert describe(data).splitlines()[-1] == (
        f"Warning: {REAL / 'implausible_dates.csv'}, line 3, column 'date': the date "
        "'1970-01-01' is before 1990 or after next year; is it typed right?"
    )


def test_implausible_is_before_1990_or_after_next_year():
    dates = pd.Series(pd.to_datetime(["1989-12-31", "1990-01-01", "2027-12-31", "2028-01-01"]))
    assert implausible(dates, today=pd.Timestamp("2026-06-01")).tolist() == [
        True,
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(
    "text, moment",
    [
        ("09-11-2026", pd.Timestamp("2026-11-09")),
        ("9-11-2026 10:30", pd.Timestamp("2026-11-09 10:30")),
        ("2026-11-09", pd.Timestamp("2026-11-09")),
        ("2024-03-01T10:00+01:00", pd.Timestamp("2024-03-01 10:00")),
    ],
)
def test_command_line_dates_are_iso_or_day_first(text, moment):
    assert parse_moment(text, "as_of") == moment
    assert parse_written_date(text) == moment


@pytest.mark.parametrize("text", ["11/09/2026", "2026", "March 2026", "09-13-2026", "today"])
def test_other_command_line_dates_are_one_usage_error(text):
    with pytest.raises(UsageError) as raised:
        parse_moment(text, "as_of")
    assert raised.value.message(options={"as_of": "--as-of"}).endswith(
        "write --as-of as YYYY-MM-DD or DD-MM-YYYY (or with HH:MM)"
    )
