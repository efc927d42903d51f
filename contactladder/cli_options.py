"""The options the ``contactladder`` commands share, as click decorators, and how a command
reads its data and shows a job's result. Only the ``cli`` modules use it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from contactladder.cli_names import CliOptions
from contactladder.errors import render_parameters

__all__ = [
    "PERIODS",
    "LANGS",
    "data_options",
    "map_options",
    "lang_option",
    "as_of_option",
    "output_option",
    "choice_option",
    "period_option",
    "view_option",
    "duration_option",
    "person_on_a_day",
    "note_option",
    "fading_option",
    "together_option",
    "match_option",
    "suggest_option",
    "top_option",
    "anonymize_flag",
    "source",
    "pairs",
    "progress_printer",
    "show",
    "terminal_text",
]

# The periods of contactladder.network.periods.PERIOD_NAMES (named here so --help loads no pandas).
PERIODS = ("day", "week", "month", "quarter", "year", "wave")
# Control characters a terminal would act on: C0 but line feed and tab, DEL, and C1.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LANGS = ("nl", "en")


class DataOption(click.Option):
    """An option of :func:`data_options`: :func:`source` takes these out of a command's options."""


_data_option = partial(click.option, cls=DataOption)


def data_options(command: Callable) -> Callable:
    """The DATA argument and the options that say how to read it."""
    options = [
        click.argument("data", type=click.Path(path_type=Path)),
        _data_option(
            "--people",
            type=click.Path(path_type=Path),
            help="People file (default: people.* in the DATA folder).",
        ),
        _data_option(
            "--attendance",
            type=click.Path(path_type=Path),
            help="Attendance file (default: attendance.* in the DATA folder).",
        ),
        _data_option(
            "--ladder",
            type=click.Path(path_type=Path),
            help="Ladder TOML file (default: ladder.toml in the folder, else the "
            "five-rung ladder).",
        ),
        _data_option(
            "--column",
            "columns",
            multiple=True,
            metavar="NAME=COLUMN",
            help="Read NAME from COLUMN, e.g. --column date=Datum (repeatable).",
        ),
        _data_option("--rung", help="The rung of every contact, for files without one."),
        _data_option(
            "--wave-date",
            "wave_dates",
            multiple=True,
            metavar="WAVE=DATE",
            help="The date of a wave, for survey tables with waves and no dates, e.g. "
            "--wave-date 1=2024-03-01 (repeatable).",
        ),
        _data_option(
            "--time-unit",
            metavar="s|ms|min|h|D",
            help="Dates are numbers of this unit since --time-origin.",
        ),
        _data_option("--time-origin", help="The date numeric times count from (ISO date)."),
        _data_option(
            "--merge-gap",
            is_flag=False,
            flag_value="20s",
            metavar="TIME",
            help="Merge records of the same pair at most TIME apart (20s, 2min) into one contact "
            "event with a duration, for sensor data; --merge-gap alone means 20s, the "
            "SocioPatterns sensors' resolution.",
        ),
        _data_option(
            "--directed",
            is_flag=True,
            help="Each contact is a report by its person_a about its person_b (a survey's "
            "respondent): for --tie-rule, reciprocity and agreement.",
        ),
        _data_option(
            "--dayfirst", is_flag=True, help="Read dates such as 05-03-2024 day-first (5 March)."
        ),
        _data_option(
            "--monthfirst", is_flag=True, help="Read dates such as 05-03-2024 month-first (3 May)."
        ),
        _data_option(
            "--date-format", help="The exact format of dates that are not ISO, e.g. %d-%m-%Y."
        ),
        _data_option(
            "--encoding",
            help="The encoding of text files that are not UTF-8, UTF-16 or Windows-1252.",
        ),
        _data_option(
            "--no-header",
            is_flag=True,
            help="The files have no header row; name columns by position: --column date=1.",
        ),
        _data_option(
            "--skip-rows",
            type=click.IntRange(min=0),
            default=0,
            help="Rows below each header that are more header rows.",
        ),
        _data_option(
            "--focal",
            default="parent",
            show_default=True,
            help="The role whose network the work is about.",
        ),
        _data_option(
            "--skip-invalid", is_flag=True, help="Set bad rows aside in a rejects file and go on."
        ),
        _data_option(
            "--key-file",
            type=click.Path(path_type=Path),
            help="The private key that numbers people anonymously (default: "
            "$CONTACTLADDER_KEY_FILE, else .contactladder-key in the DATA folder, "
            "made on first use).",
        ),
        _data_option(
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


def choice_option(name: str, choices: list[str], default: str, what: str | None) -> Callable:
    """``name`` one of ``choices``, ``default`` unless given."""
    return click.option(
        name, type=click.Choice(choices), default=default, show_default=True, help=what
    )


def period_option(default: str, what: str | None = None) -> Callable:
    """``--period day|week|month|quarter|year``, given to the job as ``freq``."""
    return click.option(
        "--period",
        "freq",
        type=click.Choice(PERIODS),
        default=default,
        show_default=True,
        help=what,
    )


def duration_option(name: str, default: str, what: str) -> Callable:
    """``name`` a length of time such as ``90d``, ``12w``, ``6m`` or ``1y``."""
    return click.option(name, default=default, show_default=True, help=what)


def view_option(views: list[str], what: str) -> Callable:
    """``--view`` (one of ``views``, reached by default) and ``--lapse 180d``, the current
    view's window (``network.current.DEFAULT_LAPSE``, named here so that --help loads no
    pandas)."""

    def decorate(command: Callable) -> Callable:
        command = duration_option(
            "--lapse", "180d", "For --view current: a tie ends this long after its last contact."
        )(command)
        return choice_option("--view", views, "reached", what)(command)

    return decorate


def note_option(what: str) -> Callable:
    """``--note TEXT``: a note for the worker, kept with the row a command logs."""
    return click.option("--note", default="", help=what)


def person_on_a_day(command: Callable) -> Callable:
    """The PERSON argument and ``--as-of``, the reference day (default: today)."""
    command = as_of_option("The reference day", default="today")(command)
    return click.argument("person")(command)


def fading_option(what: str) -> Callable:
    """``--fading 90d``: how long without a contact a tie fades."""
    return duration_option("--fading", "90d", what)


def together_option() -> Callable:
    """``--together 1m``: how close in time two people attended the same activity."""
    return duration_option(
        "--together", "1m", "Same activity: both attended it within this of each other."
    )


def match_option(what: str) -> Callable:
    """``--match COLUMN`` (repeatable): people columns where an equal value counts."""
    return click.option("--match", multiple=True, metavar="COLUMN", help=what)


def suggest_option(default: int, what: str) -> Callable:
    """``--suggest N``: how many people to suggest to meet."""
    return click.option(
        "--suggest", type=click.IntRange(min=0), default=default, show_default=True, help=what
    )


def top_option(default: int, what: str) -> Callable:
    """``--top N``: at most this many rows."""
    return click.option(
        "--top", type=click.IntRange(min=1), default=default, show_default=True, help=what
    )


def anonymize_flag(what: str) -> Callable:
    """``--anonymize`` as a flag (off by default), for the lists that hold names."""
    return click.option("--anonymize", is_flag=True, help=what)


def source(ctx: click.Context, data: Path, options: dict[str, Any]) -> Any:
    """The job's :class:`~contactladder.jobs.common.Source` from DATA and the data options,
    which it takes out of ``options``: what is left there are the job's own options.
    """
    from contactladder.jobs.common import Source

    if not ctx.obj["quiet"]:
        click.echo(f"Reading {data} ...", err=True)
    names = [param.name for param in ctx.command.params if isinstance(param, DataOption)]
    read = {name: options.pop(name) for name in names if name in options}
    rejects = read.pop("rejects")
    read["columns"] = pairs(read.pop("columns"), "--column", "NAME=COLUMN, e.g. date=Datum")
    read["wave_dates"] = pairs(read.pop("wave_dates"), "--wave-date", "WAVE=DATE") or None
    return Source(
        data,
        {key: value for key, value in read.items() if value is not None and value != ()},
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
    """Print a job's result: its notes on stderr; the paths it wrote, its text and its table for
    scripts (as it is, unless stdout is a terminal) on stdout."""
    for path in result.paths:
        click.echo(terminal_text(path))
    if result.text:
        text = terminal_text(result.text)
        click.echo(text, nl=not text.endswith("\n"))
    if result.output:
        data = result.output
        terminal = sys.stdout.isatty()
        click.echo(terminal_text(data.decode("utf-8", "replace")) if terminal else data, nl=False)
    for note in result.notes:
        click.echo(terminal_text(render_parameters(note, CliOptions())), err=True)


def layout_cache_option() -> Callable:
    """``--layout-cache/--no-layout-cache``: the maps' positions kept beside the data."""
    return click.option(
        "--layout-cache/--no-layout-cache",
        default=True,
        show_default=True,
        help="Keep the positions beside the data (a private file), so that the next map, "
        "timeline or report of the same data does not lay them out again.",
    )


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
        layout_cache_option(),
    ]
    for option in reversed(options):
        command = option(command)
    return command
