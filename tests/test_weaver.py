"""The weaver's jobs (contactladder.jobs.weaver) and the three commands through click's
CliRunner: what is written, what is printed, and one line for bad input."""

import datetime

import pandas as pd
import pytest
from click.testing import CliRunner
from helpers import (
    INTRO_CONTACTS,
    INTRO_PEOPLE,
    WORK_CONTACTS,
    WORK_EXPECTED,
    WORK_PEOPLE,
    weaver_folder,
)

from contactladder.analysis.worklist import worklist
from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.jobs.weaver import alone_job, brokers_job, introduce_job, write_list
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import personal_data_notice

EXPECTED = WORK_EXPECTED
DAY = datetime.date(2024, 12, 31)  # the last contact of the hand-made village


@pytest.fixture
def work(tmp_path):
    return weaver_folder(tmp_path, WORK_CONTACTS, WORK_PEOPLE)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# Issue 12: the commands measure from today by default; these tests choose the day.
WORK_END, INTRO_END = "2024-12-31", "2024-01-13"


def at(day, command, data, *args):
    """Run ``command`` on ``data`` as of ``day``."""
    return run(command, data, "--as-of", day, *args)


# --- the jobs -----------------------------------------------------------------------------------


def test_a_job_without_output_hands_back_the_terminal_text(work):
    result = alone_job(LadderNetwork.from_path(work), lang="en", today=DAY)
    # Issue 12: the day used is in the notes (from today by default).
    assert result.paths == [] and result.notes == ["Reference day: 2024-12-31"]
    assert result.text.splitlines()[0].startswith("newbie Nina Nieuw  wijk Dieze  priority 7")


def test_a_job_with_output_writes_and_says_the_file_holds_personal_data(work):
    net = LadderNetwork.from_path(work)
    result = brokers_job(net, work.parent / "b.csv", top=2, today=DAY)
    assert result.paths == [work.parent / "b.csv"] and result.text == ""
    assert result.notes == [
        "Reference day: 2024-12-31",
        f"Note: {work.parent / 'b.csv'} holds personal data (names): keep it "
        "to yourself and delete it when no longer needed.",
    ]
    assert len(pd.read_csv(work.parent / "b.csv")) == 2
    written = introduce_job(net, "pro", work.parent / "i.xlsx", today=DAY).paths
    assert written == [work.parent / "i.xlsx"]


def test_a_bad_file_name_is_refused_before_any_work(work, monkeypatch):
    net = LadderNetwork.from_path(work)
    monkeypatch.setattr(net, "snapshot", None)  # computing would fail differently
    with pytest.raises(UsageError, match=r"'w.html'; end the file name in .csv or .xlsx$"):
        introduce_job(net, "pro", work.parent / "w.html")
    with pytest.raises(UsageError, match=r"'w.txt'; end the file name in .csv or .xlsx or .html"):
        alone_job(net, work.parent / "w.txt")
    assert not list(work.glob("w.*"))


def test_write_list_names_the_sheet_after_the_list_in_its_language(work):
    path = write_list(worklist(LadderNetwork.from_path(work), lang="en"), work.parent / "w.xlsx")
    assert list(pd.read_excel(path, sheet_name=None)) == ["worklist (personal data)"]


# --- the commands -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["introduce", "{data}", "nobody"],
            "Error: unknown person 'nobody'; give an id from the people file",
        ),
        # Issue 12: any day after the last contact is fine (the network as it stands, time passing).
        (
            ["alone", "{data}", "--as-of", "2024-04-30"],
            "Error: date outside the data '2024-04-30'; the contacts run from 2024-05-01 to 2024-12-31",
        ),
        (
            ["brokers", "{data}", "--as-of", "2023-12-31"],
            "Error: date outside the data '2023-12-31'; the contacts run from 2024-05-01 to 2024-12-31",
        ),
        (
            ["alone", "{data}", "--fading", "3 months"],
            "Error: fading: not a duration '3 months'; write a number and d (days), w (weeks), "
            "m (months) or y (years), such as 90d, 12w or 6m",
        ),
        (
            ["alone", "{data}", "--new", "x"],
            "Error: new: not a duration 'x'; write a number and d (days), w (weeks), m (months) or y "
            "(years), such as 90d, 12w or 6m",
        ),
        (
            ["alone", "{data}", "--wijk", "Mars"],
            "Error: unknown wijk 'Mars'; the wijken are Dieze, Zuid",
        ),
        (
            ["brokers", "{data}", "-o", "{data}/out.txt"],
            "Error: unknown table format 'out.txt'; end the file name in .csv or .xlsx",
        ),
    ],
)
def test_bad_input_is_one_line_with_exit_1(work, args, message):
    result = run(*[a.format(data=work) for a in args])
    assert result.exit_code == 1
    assert result.output == message + "\n"
    assert "Traceback" not in result.output
    assert not (work.parent / "out.txt").exists()


def test_a_word_for_a_date_is_one_line_with_exit_1(work):
    result = run("introduce", work, "pro", "--as-of", "yesterday")
    assert result.exit_code == 1
    assert result.output.startswith("Error: not a date 'yesterday'; write --as-of as YYYY-MM-DD")


def test_alone_writes_csv_xlsx_and_html_that_say_they_hold_personal_data(work):
    result = at(WORK_END, "alone", work, "-o", work.parent / "out" / "w.csv")
    assert result.exit_code == 0, result.output
    assert "holds personal data" in result.stderr
    table = pd.read_csv(work.parent / "out" / "w.csv", keep_default_na=False)
    assert table["person"].tolist() == [person for person, _, _ in EXPECTED]
    assert at(WORK_END, "alone", work, "-o", work.parent / "out" / "w.xlsx").exit_code == 0
    sheets = pd.read_excel(work.parent / "out" / "w.xlsx", sheet_name=None, keep_default_na=False)
    assert list(sheets) == ["werklijst (persoonsgegevens)"]
    assert sheets["werklijst (persoonsgegevens)"]["person"].tolist() == table["person"].tolist()
    assert (
        at(
            WORK_END,
            "alone",
            work,
            "--suggest",
            "2",
            "--lang",
            "en",
            "-o",
            work.parent / "out" / "w.html",
        ).exit_code
        == 0
    )
    page = (work.parent / "out" / "w.html").read_text(encoding="utf-8")
    assert page.splitlines()[1] == f"<!-- {personal_data_notice('en')} -->"
    assert "Alo &lt;b&gt;Alone&lt;/b&gt;" in page and "<b>" not in page
    assert "<script" not in page and "://" not in page and "src=" not in page
    assert page.count('<section class="person">') == len(EXPECTED)


def test_same_input_gives_byte_identical_worklist(work):
    for name in ("a.csv", "b.csv", "a.html", "b.html"):
        result = at(WORK_END, "alone", work, "--suggest", "1", "-o", work.parent / name)
        assert result.exit_code == 0
    assert (work.parent / "a.csv").read_bytes() == (work.parent / "b.csv").read_bytes()
    assert (work.parent / "a.html").read_bytes() == (work.parent / "b.html").read_bytes()


def test_introduce_and_brokers_print_and_write(tmp_path):
    data = weaver_folder(tmp_path, INTRO_CONTACTS, INTRO_PEOPLE)
    result = at(INTRO_END, "introduce", data, "ann", "--match", "child_age_group", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "bo Bo  score 11  reasons same_activity | same_wijk | match:child_age_group | shared_contacts"
    )
    result = at(INTRO_END, "introduce", data, "ann", "--professionals", "-o", tmp_path / "i.csv")
    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "i.csv")["candidate"].tolist() == ["bo", "cem", "k1", "gus", "k2"]
    result = at(INTRO_END, "brokers", data, "-o", tmp_path / "b.xlsx")
    assert result.exit_code == 0, result.output
    assert list(pd.read_excel(tmp_path / "b.xlsx", sheet_name=None)) == [
        "verbinders (persoonsgegevens)"
    ]
