"""A streamed read (out of core, polars' streaming engine) gives the growth table, the warnings
and the errors the in-memory read gives, on the demo, generated villages and real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from contactladder.analysis.growth import growth
from contactladder.cli import main
from contactladder.demo.synthetic import generate, generate_in_parts
from contactladder.errors import ContactLadderError, InputFileError, UsageError
from contactladder.network import LadderNetwork, StreamedNetwork

DEMO = Path("data/zwolle-demo")
REAL = Path("tests/data/real")


def _same_growth(path: Path, cases, **options) -> None:
    memory = LadderNetwork.from_path(path, **options)
    streamed = StreamedNetwork.from_path(path, **options)
    assert streamed.data.warnings == memory.data.warnings
    for freq, view, by in cases:
        expected = growth(memory, freq=freq, view=view, by=by)
        pd.testing.assert_frame_equal(growth(streamed, freq=freq, view=view, by=by), expected)


def test_the_demo_with_its_attendance_counts_the_same_in_every_period_view_and_grouping():
    cases = [
        (freq, view, by)
        for freq in ("day", "week", "month", "quarter", "year")
        for view in ("reached", "active")
        for by in (None, "wijk", "tie_type")
    ]
    _same_growth(DEMO, cases)


@pytest.mark.slow
def test_a_generated_village_counts_the_same(tmp_path):
    generate(tmp_path, contacts=30_000, people=1_500, months=12, seed=3)
    _same_growth(tmp_path, [("month", "reached", None), ("week", "active", "wijk")])


def test_a_people_file_out_of_order_and_cells_with_spaces_count_the_same(tmp_path):
    generate(tmp_path, contacts=3_000, people=200, months=6, seed=5)
    people = pd.read_csv(tmp_path / "people.csv", dtype=str, keep_default_na=False)
    people.sample(frac=1, random_state=1).to_csv(tmp_path / "people.csv", index=False)
    contacts = pd.read_csv(tmp_path / "contacts.csv", dtype=str, keep_default_na=False)
    contacts.loc[::7, "person_a"] = " " + contacts.loc[::7, "person_a"]
    contacts.loc[::5, "rung"] = contacts.loc[::5, "rung"].str.upper() + " "
    contacts.to_csv(tmp_path / "contacts.csv", index=False)
    _same_growth(tmp_path, [("month", "reached", None), ("quarter", "active", "tie_type")])


def test_a_village_written_in_parts_counts_the_same(tmp_path):
    generate_in_parts(tmp_path, contacts=4_000, people=300, months=6, part=1_500)
    _same_growth(tmp_path, [("month", "reached", "wijk")])


@pytest.mark.parametrize(
    "name, options",
    [
        ("slashes_dayfirst.csv", {}),
        (
            "google_forms_tijdstempel.csv",
            {"columns": {"person_a": "Wie ben jij?", "person_b": "Met wie sprak je?"}},
        ),
        ("implausible_dates.csv", {}),
        ("gephi_edges.csv", {"rung": "kennen"}),
        ("excel_utf8_bom.csv", {}),
        ("dutch_excel_ambiguous.csv", {"dayfirst": True}),
        ("survey_codes.csv", {"ladder": REAL / "ladder_only_kinds.toml"}),
    ],
)
def test_real_files_count_the_same_and_warn_the_same(tmp_path, name, options):
    shutil.copy(REAL / name, tmp_path / "contacts.csv")
    _same_growth(tmp_path, [("month", "reached", None)], **options)


def _message(read, path: Path, **options) -> str:
    with pytest.raises(ContactLadderError) as caught:
        read(path, **options)
    return caught.value.message()


@pytest.mark.parametrize(
    "row, what",
    [
        ("2024-02-30,ann,bo,praten", "unparseable date"),
        ("2024-03-05,ann,bo,dansen", "unknown rung"),
        ("2024-03-05,ann,ann,praten", "themself"),
        ("2024-03-05,,bo,praten", "empty person"),
        ("2024-03-05,ann,zed,praten", "not in the people file"),
    ],
)
def test_a_bad_row_is_the_same_error_with_the_same_line(tmp_path, row, what):
    rows = (
        ["2024-03-01,ann,bo,kennen", "2024-03-02,bo,cem,praten"] * 3
        + [row]
        + ["2024-03-09,ann,cem,delen"]
    )
    (tmp_path / "contacts.csv").write_text("date,person_a,person_b,rung\n" + "\n".join(rows) + "\n")
    (tmp_path / "people.csv").write_text("id,role\nann,parent\nbo,parent\ncem,parent\n")
    expected = _message(LadderNetwork.from_path, tmp_path)
    assert what in expected and "line 8" in expected
    assert _message(_grouped, tmp_path) == expected


def _grouped(path: Path) -> None:
    """Open and group: a row's people are checked when the rows are grouped."""
    StreamedNetwork.from_path(path).period_rows("month")


def test_dates_that_read_two_ways_are_the_same_error(tmp_path):
    shutil.copy(REAL / "dutch_excel_ambiguous.csv", tmp_path / "contacts.csv")
    expected = _message(LadderNetwork.from_path, tmp_path)
    assert "read two ways" in expected
    assert _message(StreamedNetwork.from_path, tmp_path) == expected


def test_text_that_is_not_utf8_is_one_clear_error():
    with pytest.raises(InputFileError, match="not UTF-8"):
        StreamedNetwork.from_path(REAL / "dutch_excel_dayfirst.csv")


@pytest.mark.parametrize("option", [{"skip_invalid": True}, {"merge_gap": "20s"}])
def test_options_that_need_the_contacts_in_memory_are_refused(option):
    with pytest.raises(UsageError, match="needs the contacts in memory") as caught:
        StreamedNetwork.from_path(DEMO, **option)
    assert "{streamed}" in (caught.value.hint or "")


@pytest.mark.parametrize(
    "arguments", [["--view", "current"], ["--transitions"], ["--period", "wave"]]
)
def test_the_cli_refuses_counts_that_walk_the_contacts_in_one_line(arguments):
    result = CliRunner().invoke(main, ["growth", str(DEMO), "--streamed", *arguments])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "--streamed" in lines[0] and "Traceback" not in result.output


@pytest.mark.parametrize(
    "options",
    [[], ["--by", "wijk", "--between"], ["--by", "wijk", "--between", "--view", "active"]],
)
def test_the_cli_writes_the_same_table(tmp_path, options):
    for flag, name in (([], "memory.csv"), (["--streamed"], "streamed.csv")):
        arguments = ["growth", str(DEMO), "--period", "week", "-o", str(tmp_path / name)]
        assert CliRunner().invoke(main, [*arguments, *options, *flag]).exit_code == 0
    assert (tmp_path / "memory.csv").read_bytes() == (tmp_path / "streamed.csv").read_bytes()


def test_grouping_keeps_small_numbers():
    _, rows, joined = StreamedNetwork.from_path(DEMO).period_rows("month")
    assert rows.rung.dtype == np.int8 and rows.code_a.dtype.itemsize <= 8
    assert len(joined) == len(LadderNetwork.from_path(DEMO).column("role"))


@pytest.mark.parametrize(
    "header, column",
    [("respondent,alter,rung,date", "respondent"), ("date,person_a,person_b,rung,wave", "wave")],
)
def test_reports_and_waves_are_refused_not_read_as_plain_contacts(tmp_path, header, column):
    rows = {"respondent": "ann,bo,praten,2024-03-01", "wave": "2024-03-01,ann,bo,praten,1"}
    (tmp_path / "contacts.csv").write_text(header + "\n" + rows[column] + "\n")
    assert len(LadderNetwork.from_path(tmp_path).contact_rows()) == 1  # read in memory
    with pytest.raises(InputFileError, match=f"'{column}' column") as caught:
        StreamedNetwork.from_path(tmp_path)
    assert "{streamed}" in (caught.value.hint or "")


def test_a_file_of_only_a_header_is_the_same_one_error(tmp_path):
    (tmp_path / "contacts.csv").write_text("date,person_a,person_b,rung\n")
    expected = _message(LadderNetwork.from_path, tmp_path)
    assert "no contacts to measure" in expected
    assert _message(StreamedNetwork.from_path, tmp_path) == expected
