"""How the ``contactladder`` commands hand their tables to people and to scripts: the options
that choose a table's form, the global options every command also takes after its name, and
the printing of what a job returns.

- ``--csv-dialect plain|excel-nl``: the CSV written (``excel-nl`` opens in columns in a Dutch
  Excel: ``;``, a decimal comma, UTF-8 with a byte order mark);
- ``-o -`` writes a table as CSV on stdout, ``--format json`` as JSON records; the results go
  to stdout, the notes and warnings to stderr;
- ``--quiet`` and ``--debug`` work before the command's name and after it.

Only the ``cli`` modules use it; :func:`contactladder.cli_options.show` prints the results.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from contactladder.cli_options import choice_option

__all__ = [
    "CSV_DIALECTS",
    "csv_dialect_option",
    "table_output_options",
    "check_format_option",
    "take_global_options",
]

#: The CSV dialects (those of :mod:`contactladder.io.sheets`, named here so that ``--help``
#: loads no pandas).
CSV_DIALECTS = ("plain", "excel-nl")


def csv_dialect_option(command: Callable) -> Callable:
    """``--csv-dialect plain|excel-nl``, given to the job as ``csv_dialect``."""
    return choice_option(
        "--csv-dialect",
        list(CSV_DIALECTS),
        "plain",
        "CSV for scripts (plain: ',' and '.'), or for a double-click in a Dutch Excel "
        "(excel-nl: ';', decimal comma, UTF-8 with BOM).",
    )(command)


def table_output_options(command: Callable) -> Callable:
    """``--format csv|json`` (a table on stdout for scripts) and ``--csv-dialect``."""
    command = csv_dialect_option(command)
    return click.option(
        "--format",
        type=click.Choice(["csv", "json"]),
        help="Print the table on stdout as CSV or as JSON records, for scripts "
        "(-o - prints CSV too).",
    )(command)


def check_format_option(command: Callable) -> Callable:
    """``--format text|json`` for ``check``: JSON gives what it prints as data."""
    return choice_option(
        "--format", ["text", "json"], "text", "Print text, or the same as JSON for scripts."
    )(command)


def _set_global(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """Set a global flag given after a command's name (the group's dict is shared)."""
    if value and ctx.obj is not None and param.name:
        ctx.obj[param.name] = True
    return value


def take_global_options(command: click.Command) -> click.Command:
    """Let ``command`` take the group's ``--quiet/-q`` and ``--debug`` after its name too."""
    for names, what in (
        (["--quiet", "-q"], "No progress messages (also before the command)."),
        (["--debug"], "Show the full traceback of an error (also before the command)."),
    ):
        command.params.append(
            click.Option(
                names,
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=_set_global,
                help=what,
            )
        )
    return command
