"""Errors and their hints (contactladder.errors), and that no hint below the CLI names the CLI.

A hint names a library parameter as ``{name}`` (or an entry of a mapping parameter as
``{name[key]=VALUE}``); the CLI passes its own names for them. The source tests below read the
package with :mod:`ast`: every string that is not a docstring, in every module below the CLI.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from contactladder.errors import (
    BadValueError,
    ContactLadderError,
    InputFileError,
    MissingColumnError,
    UsageError,
    hint_parameters,
    literal,
    render_parameters,
)
from contactladder.loading import describe, load
from contactladder.loading.network_canvas import read_networkcanvas
from contactladder.network import LadderNetwork
from contactladder.network.current import current_walk

PACKAGE = Path(__file__).resolve().parent.parent / "contactladder"
CLI_MODULES = (
    "cli.py",
    "cli_names.py",
    "cli_options.py",
    "cli_output.py",
    "cli_weaver.py",
    "cli_maps.py",
    "cli_research.py",
    "__main__.py",
)
MY_ROOMS = ("loading", "network", "ladder", "errors.py")


# --- the one line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error, text",
    [
        (
            BadValueError(
                "unknown rung", file="c.csv", line=7, column="rung", value="x", hint="fix it"
            ),
            "c.csv, line 7, column 'rung': unknown rung 'x'; fix it",
        ),
        (
            InputFileError("the file is empty", file=Path("data") / "c.csv"),
            "data/c.csv: the file is empty",
        ),
        (MissingColumnError("no column 'id'", file="p.csv"), "p.csv: no column 'id'"),
        (UsageError("unknown person", value=12), "unknown person '12'"),
        (ContactLadderError("no contacts to measure", line=3), "line 3: no contacts to measure"),
    ],
)
def test_message_names_file_line_column_and_value(error, text):
    assert str(error) == error.message() == text
    assert isinstance(error, ContactLadderError)


@pytest.mark.parametrize(
    "hint, library, cli",
    [
        ("give {time_unit}", "give time_unit", "give --time-unit"),
        (
            "map one with {columns[date]=NAME}",
            "map one with columns={'date': NAME}",
            "map one with --column date=NAME",
        ),
        (
            "{rung} or {columns[rung]=NAME}",
            "rung or columns={'rung': NAME}",
            "--rung or --column rung=NAME",
        ),
        ("braces {{like this}} stay", "braces {like this} stay", "braces {like this} stay"),
        ("no parameter", "no parameter", "no parameter"),
    ],
)
def test_hints_name_parameters_as_the_reader_calls_them(hint, library, cli):
    error = UsageError("x", hint=hint)
    options = {"time_unit": "--time-unit", "columns": "--column", "rung": "--rung"}
    assert error.message() == str(error) == "x; " + library
    assert error.message(options=options) == "x; " + cli


def test_a_parameter_the_reader_has_no_name_for_keeps_its_own():
    error = UsageError("x", hint="give {focal} or {columns[id]=NAME}")
    assert error.message(options={"rung": "--rung"}) == "x; give focal or columns={'id': NAME}"


def test_options_may_answer_any_name_through_get():
    class Flags(dict):
        def get(self, key, default=None):
            return "--" + key.replace("_", "-")

    error = UsageError("x", hint="{skip_invalid}; {columns[date]=NAME}")
    assert error.message(options=Flags()) == "x; --skip-invalid; --columns date=NAME"


@pytest.mark.parametrize("text", ["{columns}", "a {{b}} c", "}{", "{x[y]=z}", "plain"])
def test_literal_text_survives_any_rendering(text):
    hint = "see " + literal(text)
    assert render_parameters(hint) == render_parameters(hint, {"x": "--x"}) == "see " + text
    assert hint_parameters(hint) == set()


def test_hint_parameters_lists_what_a_hint_names():
    assert hint_parameters("{columns[rung]=NAME}, {rung}, {{focal}}") == {"columns", "rung"}


# --- hints below the CLI, read from the source -------------------------------------------------


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string in ``path`` that is not a docstring; an f-string reads as
    its text with each ``{value}`` as ``X``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    inside_f = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "X" for part in node.values
            )
            found.append((node.lineno, text))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_f
        ):
            found.append((node.lineno, node.value))
    return found


def _below_cli(rooms: tuple[str, ...] | None = None) -> list[Path]:
    paths = sorted(
        p for p in PACKAGE.rglob("*.py") if p.name not in CLI_MODULES or p.parent != PACKAGE
    )
    if rooms is None:
        return paths
    return [p for p in paths if p.relative_to(PACKAGE).parts[0] in rooms]


def _cli_options() -> set[str]:
    """Every long option the CLI defines (``--column``, ``--time-unit``, ...)."""
    options = set()
    for name in CLI_MODULES:
        if (PACKAGE / name).exists():
            for _, text in _strings(PACKAGE / name):
                options.update(
                    part for part in text.split("/") if re.fullmatch(r"--[a-z][a-z-]+", part)
                )
    return options


def _flags_named(paths: list[Path]) -> list[str]:
    options = _cli_options()
    assert {"--column", "--rung", "--skip-invalid", "--time-unit"} <= options
    flag = re.compile(r"(?<![\w-])(--[a-z][a-z-]+)(?![\w-])")
    return [
        f"{path.relative_to(PACKAGE)}:{line}: {match}"
        for path in paths
        for line, text in _strings(path)
        for match in flag.findall(text)
        if match in options
    ]


def test_no_string_in_loading_network_ladder_or_errors_names_a_cli_option():
    assert _flags_named(_below_cli(MY_ROOMS)) == []


def test_no_string_below_the_cli_names_a_cli_option():
    assert _flags_named(_below_cli()) == []


def test_hints_in_loading_and_network_name_parameters_of_load():
    parameters = (
        set(inspect.signature(load).parameters)
        | set(inspect.signature(describe).parameters)
        | set(inspect.signature(LadderNetwork.from_path).parameters)
        | set(inspect.signature(LadderNetwork.snapshot).parameters)
        | set(inspect.signature(LadderNetwork.active).parameters)
        | set(inspect.signature(read_networkcanvas).parameters)
        | set(inspect.signature(current_walk).parameters)
        | {"kinds"}  # of import_networkcanvas, the job that the reader's hint points to
        | {"streamed"}  # of growth_job, whose streamed read the hints of a streamed read name
    )
    named = {
        (f"{path.relative_to(PACKAGE)}:{line}", name)
        for path in _below_cli(MY_ROOMS)
        for line, text in _strings(path)
        for name in hint_parameters(text)
    }
    assert {name for _, name in named} == {
        "columns",
        "rung",
        "time_unit",
        "time_origin",
        "skip_invalid",
        "focal",
        "path",
        "people",
        "attendance",
        "key_file",
        "dayfirst",
        "monthfirst",
        "date_format",
        "encoding",
        "no_header",
        "skip_rows",
        "date",
        "kinds",
        "wave_dates",
        "lapse",
        "merge_gap",
        "directed",
        "streamed",
    }  # a date parameter (as_of, start, end, since) is named by parse_moment's one hint
    assert {(place, name) for place, name in named if name not in parameters} == set()
