"""Issue 10, "For scripts": tables on stdout (``-o -``, ``--format json``), ``check --format
json``, results on stdout and notes on stderr, global options after the command."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from contactladder import cli
from contactladder.cli import main

BAD = Path(__file__).parent / "data" / "bad"
DEMO = Path(__file__).parents[1] / "data" / "zwolle-demo"


@pytest.fixture
def small(tmp_path):
    """A small data folder (with an accent in an activity); outputs go beside it."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "date,person_a,person_b,rung,activity\n2024-01-03,a,b,kennen,Kindercafé\n"
        "2024-02-03,a,b,delen,Kindercafé\n2024-02-10,b,c,2,\n2024-04-01,c,d,steunen,taalplezier\n",
        encoding="utf-8",
    )
    (folder / "people.csv").write_text(
        "id,role,wijk,joined,name\na,parent,Dieze,2024-01-01,Ann\nb,parent,Dieze,,Bo\n"
        "c,professional,Dieze,,Cem\nd,parent,Zuid,2024-03-01,Dewi\ne,parent,Zuid,,Eva\n",
        encoding="utf-8",
    )
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_dash_writes_the_csv_on_stdout_as_the_file_holds_it(small):
    written = run("growth", small, "-o", small.parent / "g.csv")
    printed = run("growth", small, "-o", "-")
    assert printed.exit_code == 0, printed.stderr
    assert printed.stdout_bytes == (small.parent / "g.csv").read_bytes()
    assert written.stdout == f"{small.parent / 'g.csv'}\n"
    assert not (small.parent / "-").exists() and not Path("-").exists()


def test_dash_in_the_dutch_excel_dialect(small):
    printed = run("yield", small, "-o", "-", "--csv-dialect", "excel-nl")
    assert printed.exit_code == 0, printed.stderr
    text = printed.stdout_bytes.decode("utf-8")
    assert text.startswith("\ufeffactivity;ties;") and "Kindercafé;" in text
    assert re.search(r"^Kindercafé;1;.*;\d+,\d+\r$", text, re.M), text  # a decimal comma


def test_json_records_have_the_csv_columns_as_keys(small):
    printed = run("growth", small, "--format", "json")
    assert printed.exit_code == 0, printed.stderr
    records = json.loads(printed.stdout)
    table = pd.read_csv(io.BytesIO(run("growth", small, "-o", "-").stdout_bytes))
    assert [list(record) for record in records] == [list(table.columns)] * len(table)
    assert [record["period"] for record in records] == table["period"].tolist()
    assert [record["ties"] for record in records] == table["ties"].tolist()
    assert all(isinstance(record["ties"], int) for record in records)
    # an undefined ratio is null, not NaN (which is not JSON)
    for column in table.columns[table.isna().any()]:
        assert None in [record[column] for record in records]
    assert "NaN" not in printed.stdout


def test_weaver_lists_print_for_scripts_and_say_they_hold_names(small):
    printed = run("alone", small, "--as-of", "2024-04-30", "-o", "-")
    assert printed.exit_code == 0, printed.stderr
    table = pd.read_csv(io.BytesIO(printed.stdout_bytes), keep_default_na=False)
    assert "person" in table and "Reference day: 2024-04-30" in printed.stderr
    assert "the list on stdout holds personal data" in printed.stderr
    records = json.loads(run("alone", small, "--as-of", "2024-04-30", "--format", "json").stdout)
    assert [record["person"] for record in records] == table["person"].tolist()
    assert records[0]["as_of"] == "2024-04-30"
    team = run("alone", small, "--as-of", "2024-04-30", "--anonymize", "-o", "-")
    assert "Ann" not in team.stdout and "Not printed (write a file for them): counts" in team.stderr
    brokers = run("brokers", small, "--as-of", "2024-04-30", "--format", "csv")
    assert brokers.exit_code == 0 and brokers.stdout.splitlines()[0].startswith("person,")


def test_follow_up_prints_for_scripts(small):
    log = small / "introductions.csv"
    log.write_text("date,person,introduced_to\n2024-01-10,a,d\n", encoding="utf-8")
    args = ["follow-up", small, "--as-of", "2024-04-30"]
    printed = run(*args, "-o", "-")
    assert printed.exit_code == 0, printed.stderr
    table = pd.read_csv(io.BytesIO(printed.stdout_bytes), keep_default_na=False)
    assert table[["person", "introduced_to"]].values.tolist() == [["a", "d"]]
    records = json.loads(run(*args, "--format", "json").stdout)
    assert [record["person"] for record in records] == ["a"]
    assert "the list on stdout holds personal data" in printed.stderr


def test_check_as_json_gives_what_check_prints(small):
    text = run("check", small)
    printed = run("check", small, "--format", "json")
    assert printed.exit_code == 0, printed.stderr
    facts = json.loads(printed.stdout)
    assert facts["data_set"] == "data" and "Data set: data" in text.stdout
    assert facts["people"] == 5 and facts["people_by_role"] == {"parent": 4, "professional": 1}
    assert "People: 5 (parent 4, professional 1)" in text.stdout
    assert (facts["first_date"], facts["last_date"]) == ("2024-01-03", "2024-04-01")
    assert "Dates: 2024-01-03 to 2024-04-01" in text.stdout
    assert facts["contacts"] == 4 and facts["rungs_used"] == {
        "kennen": 1,
        "praten": 1,
        "delen": 1,
        "steunen": 1,
    }
    assert facts["warnings"] == ["1 people have no contacts."]
    assert "Warning: 1 people have no contacts." in text.stdout
    assert facts["people_by_wijk_and_role"]["Zuid"] == {"parent": 2, "professional": 0}
    named = run("check", small, "--focal", "kind", "--format", "json")
    assert json.loads(named.stdout)["warnings"][0].endswith("name the focal role with --focal.")
    assert "focal role" not in named.stderr  # said once, among check's own warnings


def test_notes_go_to_stderr_and_results_to_stdout(tmp_path):
    rejects = tmp_path / "r.csv"
    printed = run(
        "growth", BAD / "unknown_rung.csv", "--skip-invalid", "--rejects", rejects, "-o", "-"
    )
    assert printed.exit_code == 0, printed.stderr
    assert "Set aside 1 invalid rows" in printed.stderr
    assert "Set aside" not in printed.stdout
    assert pd.read_csv(io.BytesIO(printed.stdout_bytes))["period"].tolist()


def test_a_format_with_a_file_is_refused_and_nothing_written(small):
    result = run("growth", small, "-o", small.parent / "g.csv", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: a format is for the standard output; a file's suffix says its format 'json'; "
        "leave out --format, or give -o -\n"
    )
    assert not (small.parent / "g.csv").exists()


class _Terminal:
    """``sys`` as the CLI sees it on a terminal: stderr is a tty."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    @property
    def stderr(self):
        stream = self._real.stderr
        stream.isatty = lambda: True
        return stream


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_works_before_and_after_the_command(small, monkeypatch, where):
    monkeypatch.setattr(cli, "sys", _Terminal(cli.sys))
    assert "Reading" in run("growth", small, "-o", "-").stderr
    args = (
        ["-q", "growth", small, "-o", "-"]
        if where == "before"
        else ["growth", small, "-o", "-", "-q"]
    )
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "Reading" not in result.stderr and result.stdout.startswith("period,")


def test_debug_works_after_the_command():
    result = run("growth", BAD / "self_contact.csv", "--debug")
    assert result.exit_code == 1 and "self_contact.csv" in str(result.exception)
    plain = run("growth", BAD / "self_contact.csv")
    assert plain.stderr.startswith("Error: ") and plain.exception.__class__ is SystemExit


def test_every_command_takes_the_global_options_after_its_name():
    for name, command in main.commands.items():
        options = {option for param in command.params for option in param.opts}
        assert {"--quiet", "-q", "--debug"} <= options, name


@pytest.mark.parametrize(
    "command", [["growth"], ["yield"], ["alone", "--as-of", "2024-04-30"], ["weaving"]]
)
def test_every_command_warns_on_stderr_when_no_one_has_the_focal_role(small, command):
    name, *rest = command
    result = run(name, small, "--focal", "volunteer", *rest, "-o", "-")
    assert result.exit_code == 0, result.stderr
    warning = "Warning: no one has the focal role 'volunteer'"
    assert warning in result.stderr and "with --focal." in result.stderr
    assert warning not in result.stdout
    assert "Warning" not in run(name, small, *rest, "-o", "-").stderr


def test_export_prints_one_document_on_stdout(small, tmp_path):
    from contactladder.io.gexf import gexf_bytes
    from contactladder.io.graphml import graphml_bytes
    from contactladder.network import LadderNetwork

    net = LadderNetwork.from_path(small)
    gexf = run("export", small, "--format", "gexf", "-o", "-")
    assert gexf.exit_code == 0, gexf.stderr
    assert gexf.stdout_bytes == gexf_bytes(net)
    graphml = run("export", small, "--format", "graphml", "--names", "-o", "-")
    assert graphml.stdout_bytes == graphml_bytes(net, anonymize=False)
    assert "holds personal data" in graphml.stderr
    written = run("export", small, "--format", "graphml", "-o", tmp_path / "n.graphml")
    assert written.exit_code == 0
    assert (tmp_path / "n.graphml").read_bytes() == graphml_bytes(net)
    refused = run("export", small, "--format", "csv", "-o", "-")
    assert refused.exit_code == 1 and "give --format gexf or graphml" in refused.stderr
    assert not list(Path(".").glob("-*")) and not (small / "-").exists()
