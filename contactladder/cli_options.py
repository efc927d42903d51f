"""The options the ``contactladder`` commands share, as click decorators, and how a command
reads its data and shows a job's result. Only :mod:`contactladder.cli` uses this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

__all__ = [
    "PERIODS",
    "LANGS",
    "data_options",
    "map_options",
    "lang_option",
    "as_of_option",
    "output_option",
    "source",
    "pairs",
    "progress_printer",
    "show",
    "terminal_text",
]

PERIODS = ("day", "week", "month", "quarter", "year")
# Control characters a terminal would act on: C0 but line feed and tab, DEL, and C1.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LANGS = ("nl", "en")


def data_options(command: Callable) -> Callable:
    """The DATA argument and the options that say how to read it."""
    options = [
        click.argument("data", type=click.Path(path_type=Path)),
        click.option(
            "--people",
            type=click.Path(path_type=Path),
            help="People file (default: people.* in the DATA folder).",
        ),
        click.option(
            "--attendance",
            type=click.Path(path_type=Path),
            help="Attendance file (default: attendance.* in the DATA folder).",
        ),
        click.option(
            "--ladder",
            type=click.Path(path_type=Path),
            help="Ladder TOML file (default: ladder.toml in the folder, else the "
            "five-rung ladder).",
        ),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="NAME=COLUMN",
            help="Read NAME from COLUMN, e.g. --column date=Datum (repeatable).",
        ),
        click.option("--rung", help="The rung of every contact, for files without one."),
        click.option(
            "--time-unit",
            metavar="s|ms|min|h|D",
            help="Dates are numbers of this unit since --time-origin.",
        ),
        click.option("--time-origin", help="The date numeric times count from (ISO date)."),
        click.option(
            "--dayfirst", is_flag=True, help="Read dates such as 05-03-2024 day-first (5 March)."
        ),
        click.option(
            "--monthfirst", is_flag=True, help="Read dates such as 05-03-2024 month-first (3 May)."
        ),
        click.option(
            "--date-format", help="The exact format of dates that are not ISO, e.g. %d-%m-%Y."
        ),
        click.option(
            "--encoding",
            help="The encoding of text files that are not UTF-8, UTF-16 or Windows-1252.",
        ),
        click.option(
            "--no-header",
            is_flag=True,
            help="The files have no header row; name columns by position: --column date=1.",
        ),
        click.option(
            "--skip-rows",
            type=click.IntRange(min=0),
            default=0,
            help="Rows below each header that are more header rows.",
        ),
        click.option(
            "--focal",
            default="parent",
            show_default=True,
            help="The role whose network the work is about.",
        ),
        click.option(
            "--skip-invalid", is_flag=True, help="Set bad rows aside in a rejects file and go on."
        ),
        click.option(
            "--key-file",
            type=click.Path(path_type=Path),
            help="The private key that numbers people anonymously (default: "
            "$CONTACTLADDER_KEY_FILE, else .contactladder-key in the DATA folder, "
            "made on first use).",
        ),
        click.option(
            "--rejects",
            type=click.Path(path_type=Path),
            help="Where --skip-invalid writes the rejected rows (default: beside the "
            "output, or outputs/rejects.csv).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def lang_option(what: str) -> Callable:
    """``--lang nl|en``, saying what it is the language of."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default="nl",
        show_default=True,
        help=f"Language of {what}.",
    )


def as_of_option(what: str, default: str = "the end of the data") -> Callable:
    """``--as-of DATE``: YYYY-MM-DD or DD-MM-YYYY."""
    return click.option(
        "--as-of", metavar="DATE", help=f"{what}, YYYY-MM-DD or DD-MM-YYYY (default: {default})."
    )


def output_option(what: str, default: Path | None = None) -> Callable:
    """``-o/--output PATH``."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=default,
        show_default=default is not None,
        help=what,
    )


def source(ctx: click.Context, data: Path, options: dict) -> Any:
    """The job's :class:`~contactladder.jobs.common.Source` from DATA and the data options."""
    from contactladder.jobs.common import Source

    if not ctx.obj["quiet"]:
        click.echo(f"Reading {data} ...", err=True)
    rejects = options.pop("rejects")
    options["columns"] = pairs(options.pop("columns"), "--column", "NAME=COLUMN, e.g. date=Datum")
    return Source(
        data,
        {key: value for key, value in options.items() if value is not None and value != ()},
        rejects,
    )


def pairs(values: tuple[str, ...], option: str, form: str) -> dict[str, str]:
    """``("a=b", ...)`` as ``{"a": "b"}``; a value without ``=`` is a usage error of ``option``.

    >>> pairs(("date=Datum",), "--column", "NAME=COLUMN")
    {'date': 'Datum'}
    """
    mapping = {}
    for value in values:
        name, sep, given = value.partition("=")
        if not sep or not name.strip() or not given.strip():
            raise click.BadParameter(f"{value!r} is not {form}", param_hint=option)
        mapping[name.strip()] = given.strip()
    return mapping


def progress_printer(ctx: click.Context, what: str) -> Callable[[int, int], None] | None:
    """A ``progress(done, total)`` callback that writes one updating line to a terminal."""
    if ctx.obj["quiet"]:
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\r{what}: {done}/{total}", err=True, nl=done == total)

    return show


def terminal_text(text: object) -> str:
    r"""``text`` safe for a terminal: control characters from the data (escape sequences that
    could move the cursor, recolour or retitle the terminal) are shown as ``\x1b`` instead of
    acting; line ends and tabs stay.

    >>> terminal_text("Anna\x1b]0;pwned\x07 de Vries\n")
    'Anna\\x1b]0;pwned\\x07 de Vries\n'
    """
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", str(text))


def show(result: Any) -> None:
    """Print a job's result: its notes on stderr, the paths it wrote and its text on stdout."""
    for path in result.paths:
        click.echo(terminal_text(path))
    if result.text:
        text = terminal_text(result.text)
        click.echo(text, nl=not text.endswith("\n"))
    for note in result.notes:
        click.echo(terminal_text(note), err=True)


def map_options(command: Callable) -> Callable:
    """The options that maps and the timeline share."""
    options = [
        click.option("--wijk", help="Only the people of this wijk and the ties among them."),
        click.option(
            "--min-rung",
            metavar="RUNG",
            help="Show ties from this rung up (level, key or label); the page can change it.",
        ),
        click.option(
            "--anonymize/--names",
            default=True,
            show_default=True,
            help="Labels like 'Ouder 12', or names (internal use only).",
        ),
        lang_option("labels, legend and controls"),
        click.option(
            "--legend",
            type=click.Choice(["open", "closed"]),
            help="The legend when the page opens (default: open, compact in a narrow frame).",
        ),
        click.option(
            "--embed",
            is_flag=True,
            help="Also write <name>.embed.html, the <iframe> snippet to paste into a "
            "web page, and print it.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
