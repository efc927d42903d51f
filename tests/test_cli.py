"""The command line (contactladder.cli), through click's CliRunner."""

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from contactladder import __version__
from contactladder.cli import main
from contactladder.network import LadderNetwork

BAD = Path(__file__).parent / "data" / "bad"
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture
def small(tmp_path):
    """A small data folder; outputs go beside it (never inside a data folder)."""
    tmp_path = tmp_path / "data"
    tmp_path.mkdir()
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung,activity\n2024-01-03,a,b,kennen,peutergym\n"
        "2024-02-03,a,b,delen,peutergym\n2024-02-10,b,c,2,\n2024-04-01,c,d,steunen,taalplezier\n"
    )
    (tmp_path / "people.csv").write_text(
        "id,role,wijk,joined\na,parent,Dieze,2024-01-01\nb,parent,Dieze,\nc,professional,Dieze,\n"
        "d,parent,Zuid,2024-03-01\ne,parent,Zuid,\n"
    )
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_version_and_help_with_an_example_for_every_command():
    assert run("--version").output.strip() == f"contactladder, version {__version__}"
    assert "Example:" in run("--help").output
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Example: contactladder " + name.split("_")[0] in result.output, name


def test_every_command_option_and_rung_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    from contactladder.ladder import Ladder

    for name in main.commands:
        assert f"contactladder {name}" in text, name
    for rung in Ladder.default():
        assert f"`{rung.key}`" in text and rung.label("nl") in text and rung.label("en") in text


def test_growth_columns_are_documented_in_the_readme(small):
    text = README.read_text(encoding="utf-8")
    header = run("growth", small, "--by", "wijk", "-o", small.parent / "g.csv")
    assert header.exit_code == 0, header.output
    for column in pd.read_csv(small.parent / "g.csv").columns:
        assert f"`{column}`" in text or column.startswith("rung_"), column


def test_growth_in_the_current_view_is_the_library_table(small):
    from contactladder import growth, transitions

    net = LadderNetwork.from_path(small)
    assert (
        run(
            "growth", small, "--view", "current", "--lapse", "30d", "-o", small.parent / "c.csv"
        ).exit_code
        == 0
    )
    written = pd.read_csv(small.parent / "c.csv", parse_dates=["period_start"])
    expected = growth(net, view="current", lapse="30d")
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert written["ended_ties"].sum() > 0  # ties with no contact for 30 days end
    text = README.read_text(encoding="utf-8")
    for column in written.columns:
        assert f"`{column}`" in text or column.startswith("rung_"), column
    moves = run("growth", small, "--view", "current", "--lapse", "30d", "--transitions", "-o", "-")
    table = pd.read_csv(io.BytesIO(moves.stdout_bytes), dtype={"period": str})
    assert "ended" in set(table["to_rung"])
    pd.testing.assert_frame_equal(
        table, transitions(net, view="current", lapse="30d"), check_dtype=False
    )
    refused = run("growth", small, "--view", "active", "--transitions")
    assert refused.exit_code == 1 and "--view reached or current" in refused.output


def test_growth_writes_csv_and_xlsx_with_the_same_figures(small):
    assert run("growth", small, "-o", small.parent / "out" / "g.csv").exit_code == 0
    assert run("growth", small, "-o", small.parent / "out" / "g.xlsx").exit_code == 0
    csv = pd.read_csv(small.parent / "out" / "g.csv")
    xlsx = pd.read_excel(small.parent / "out" / "g.xlsx")
    for column in xlsx.select_dtypes("datetime").columns:  # date cells; ISO days in the CSV
        csv[column] = pd.to_datetime(csv[column])
    assert csv["period"].tolist() == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert csv["ties"].tolist() == [1, 2, 2, 3]
    pd.testing.assert_frame_equal(csv, xlsx, check_dtype=False)


def test_growth_prints_a_table_without_output(small):
    result = run("growth", small, "--period", "quarter")
    assert result.exit_code == 0
    assert re.search(r"^2024Q1\s+5\s+4\s+2\s", result.output, re.M), result.output


def test_same_input_gives_byte_identical_output(small):
    for name in ("a.csv", "b.csv"):
        assert run("growth", small, "--by", "wijk", "-o", small.parent / name).exit_code == 0
    assert (small.parent / "a.csv").read_bytes() == (small.parent / "b.csv").read_bytes()


def test_transitions_and_yield(small):
    result = run("growth", small, "--transitions", "-o", small.parent / "t.csv")
    assert result.exit_code == 0
    moves = pd.read_csv(small.parent / "t.csv")
    assert moves[(moves.period == "2024-02") & (moves.from_rung == "kennen")][
        "to_rung"
    ].tolist() == ["delen"]
    result = run("yield", small, "-o", small.parent / "y.csv")
    table = pd.read_csv(small.parent / "y.csv")
    assert dict(zip(table.activity, table.ties)) == {"(none)": 1, "peutergym": 1, "taalplezier": 1}


def test_ladder_command_prints_labels_in_the_chosen_language():
    assert "Mutual support" in run("ladder", "--lang", "en").output
    assert "Steunen elkaar, wederzijds" in run("ladder").output


def test_check_says_what_was_read(small):
    result = run("check", small)
    assert result.exit_code == 0
    assert "People: 5 (parent 4, professional 1)" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (
            [BAD / "self_contact.csv"],
            "self_contact.csv, line 3, column 'person_a': a contact of a "
            "person with themself 'ann'; person_a and person_b must differ",
        ),
        (
            [BAD / "unknown_rung.csv"],
            "unknown_rung.csv, line 3, column 'rung': unknown rung "
            "'vrienden'; use a level 1-5, a key (kennen, praten, delen, helpen, steunen) or a label of "
            "the default ladder",
        ),
        (
            [BAD / "bad_date.csv"],
            "bad_date.csv, line 3, column 'date': unparseable date "
            "'2024-13-45'; write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM)",
        ),
        (
            [BAD / "unknown_person.csv", "--people", BAD / "people.csv"],
            "unknown_person.csv, line 3, "
            "column 'person_b': person not in the people file 'dirk'; add them to people.csv or correct "
            "the id",
        ),
        (
            [BAD / "missing_column.csv"],
            "missing_column.csv: no column 'person_b'; the columns are "
            "'date', 'person_a', 'rung'; name one with --column person_b=NAME",
        ),
        (
            [BAD / "unknown_rung.csv", "--period", "month", "--by", "colour"],
            "unknown_rung.csv, line 3, column 'rung': unknown rung 'vrienden'",
        ),
    ],
)
def test_bad_input_is_one_line_with_exit_1_and_no_traceback(args, message):
    result = run("growth", *args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: " + str(BAD)), result.output
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_unknown_by_column_names_the_columns(small):
    result = run("growth", small, "--by", "colour")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no such people column 'colour'; use one of: role,")


def test_debug_shows_the_traceback():
    result = run("--debug", "growth", BAD / "self_contact.csv")
    assert result.exit_code == 1 and result.exception is not None
    assert "self_contact.csv" in str(result.exception)


def test_skip_invalid_writes_rejects_to_a_private_place_and_leaves_input_alone(tmp_path):
    source = BAD / "unknown_rung.csv"
    before = source.read_bytes()
    result = run("growth", source, "--skip-invalid", "-o", tmp_path / "g.csv")
    assert result.exit_code == 0, result.output
    path = tmp_path / "private" / "g.rejects.csv"
    assert f"Set aside 1 invalid rows: {path} (holds personal data" in result.output
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    assert path.read_text(encoding="utf-8").startswith("# Holds personal data")
    rejects = pd.read_csv(path, skiprows=1)
    assert rejects[["line", "value", "reason"]].values.tolist() == [[3, "vrienden", "unknown rung"]]
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv", "private"]


def test_rejects_never_land_inside_a_report_folder(tmp_path):
    result = run(
        "report",
        BAD / "unknown_rung.csv",
        "--skip-invalid",
        "--no-timeline",
        "-o",
        tmp_path / "report",
    )
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "report").glob("*rejects*"))
    assert (tmp_path / "private" / "report.rejects.csv").exists()


def test_report_keeps_the_layout_beside_the_data_unless_told_not_to(small):
    from contactladder.jobs.map_cache import CACHE_FILE

    without = run("report", small, "--no-layout-cache", "-o", small.parent / "plain")
    assert without.exit_code == 0, without.output
    assert not (small / CACHE_FILE).exists()
    cached = run("report", small, "-o", small.parent / "cached")
    assert cached.exit_code == 0, cached.output
    assert (small / CACHE_FILE).exists() and not list((small.parent / "cached").rglob(CACHE_FILE))
    plain, again = (small.parent / name / "index.html" for name in ("plain", "cached"))
    assert plain.read_bytes() == again.read_bytes()


def test_bad_column_option_is_a_usage_error(small):
    result = run("growth", small, "--column", "datum")
    assert result.exit_code == 2 and "is not NAME=COLUMN" in result.output


def test_an_output_inside_the_data_folder_is_refused_and_nothing_written(small):
    before = sorted(p.name for p in small.iterdir())
    for args in (
        ["growth", small, "-o", small / "g.csv"],
        ["report", small, "-o", small / "report"],
        ["map", small, "-o", small / "sub" / "map.html"],
        ["growth", small, "--people", small / "people.csv", "-o", small / "people.csv"],
    ):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: output "), result.output
    assert sorted(p.name for p in small.iterdir()) == before


def test_output_with_unknown_suffix_is_refused_and_nothing_written(small):
    result = run("growth", small, "-o", small.parent / "g.txt")
    assert result.exit_code == 1 and "end the file name in .csv or .xlsx" in result.output
    assert not (small.parent / "g.txt").exists()


def test_the_readme_library_example_runs(tmp_path, monkeypatch):
    text = README.read_text(encoding="utf-8")
    example = re.search(r"## As a library\n\n```python\n(.*?)```", text, re.S).group(1)
    demo = Path(__file__).parent.parent / "data" / "zwolle-demo"
    monkeypatch.chdir(tmp_path)
    exec(example.replace('"data/zwolle-demo"', repr(str(demo))), {"print": lambda *a: None})
    assert (tmp_path / "outputs" / "map.html").exists()
    assert (tmp_path / "outputs" / "report" / "index.html").exists()
    assert (tmp_path / "outputs" / "zwolle.gexf").exists()


def test_terminal_escape_sequences_in_names_are_shown_harmlessly(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "contacts.csv").write_text("date,person_a,person_b,rung\n2024-01-03,a,b,1\n")
    (data / "people.csv").write_text(
        "id,role,name\na,parent,\"An\x1b]0;owned\x07\x1b[2J\"\nb,parent,Bo\nc,parent,Cor\x9b31m\n",
        encoding="utf-8",
    )
    result = run("alone", data, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\x9b" not in result.output and "Cor\\x9b31m" in result.output


def test_weaving_writes_the_library_table():
    from contactladder.analysis.weaving_wijken import weaving_stages

    demo = Path(__file__).parents[1] / "data" / "zwolle-demo"
    printed = run("weaving", demo, "--period", "quarter", "--min-rung", "praten", "-o", "-")
    assert printed.exit_code == 0, printed.stderr
    table = pd.read_csv(io.BytesIO(printed.stdout_bytes), dtype={"period": str})
    net = LadderNetwork.from_path(demo)
    expected = weaving_stages(net, freq="quarter", min_rung="praten")
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert "core_periphery" in set(table["weaving_stage"])


def test_growth_per_wave_on_the_command_line(small):
    from contactladder.analysis.growth import growth
    from contactladder.cli_options import PERIODS
    from contactladder.network.periods import PERIOD_NAMES

    assert tuple(PERIOD_NAMES) == PERIODS  # the CLI's copy, which loads no pandas
    result = run("growth", small, "--period", "wave", "-o", "-")
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(
        io.BytesIO(result.stdout_bytes), dtype={"period": str}, parse_dates=["period_start"]
    )
    expected = growth(LadderNetwork.from_path(small), freq="wave")
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert len(table) == 4  # no wave column: each distinct date is a wave


def test_the_cli_lapse_default_is_the_librarys():
    from contactladder.network.current import DEFAULT_LAPSE

    for name in ("growth", "export", "map", "timeline"):
        lapse = next(p for p in main.commands[name].params if p.name == "lapse")
        assert lapse.default == DEFAULT_LAPSE, name
