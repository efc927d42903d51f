"""The network weaver's commands: who needs a link, whom they could meet, who holds the
village together, who left, what was done and what came of it, and the conversation sheet.

Registered on the ``contactladder`` group by :mod:`contactladder.cli`; each command parses its
options, calls one job of :mod:`contactladder.jobs.weaver`, and prints what it returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from contactladder.cli_options import (
    anonymize_flag,
    as_of_option,
    data_options,
    duration_option,
    fading_option,
    lang_option,
    match_option,
    note_option,
    output_option,
    person_on_a_day,
    show,
    source,
    suggest_option,
    together_option,
    top_option,
)
from contactladder.cli_output import table_output_options

__all__ = ["COMMANDS"]


@click.command()
@data_options
@as_of_option("The reference day", default="today")
@click.option("--wijk", help="Only the people of this wijk.")
@fading_option("Fading: no contact on any tie for longer than this (90d, 12w, 6m, 1y).")
@duration_option("--new", "60d", "New and unconnected: joined within this, and no peer tie yet.")
@duration_option(
    "--stuck-after",
    "180d",
    "Stuck low: no peer tie above the second rung after this long in the project.",
)
@suggest_option(0, "Add the N best peers for each person to meet.")
@match_option(
    "For --suggest: a people column where an equal value counts, e.g. child_age_group (repeatable)."
)
@duration_option(
    "--gone", "12m", "Uit beeld: no contact for longer than this; listed apart, after the rest."
)
@together_option()
@click.option(
    "--most-suggested",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="For --suggest: suggest no one more often than this.",
)
@click.option(
    "--compare",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An earlier worklist (.csv or .xlsx): say who is new, off the list and why "
    "(default: the earlier version of -o).",
)
@anonymize_flag("A team-meeting version: labels like 'Ouder 12' and counts, no names.")
@lang_option("the explanations")
@output_option("Write a .csv, .xlsx or .html (holds names); - prints CSV on stdout.")
@table_output_options
@click.pass_context
def alone(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """Who needs a link: focal people who are alone, only see professionals, are stuck low,
    fading or new and unconnected; the most urgent first, with the reasons in words.

    Example: contactladder alone data/zwolle-demo --suggest 3 -o outputs/werklijst.html
    """
    from contactladder.jobs.weaver import alone_job

    read = source(ctx, data, options)  # takes the data options out of options
    show(alone_job(read, output, **options))


@click.command()
@data_options
@person_on_a_day
@match_option("A people column where an equal value counts, e.g. child_age_group (repeatable).")
@click.option(
    "--professionals", is_flag=True, help="Also suggest professionals, as bridges to more people."
)
@top_option(10, "At most this many candidates.")
@fading_option("Suggest only people with a contact within this.")
@together_option()
@anonymize_flag("Labels like 'Ouder 12' instead of names.")
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names); - prints CSV on stdout.")
@table_output_options
@click.pass_context
def introduce(
    ctx: click.Context, data: Path, person: str, output: Path | None, **options: Any
) -> None:
    """Whom PERSON could meet: peers ranked by points for the same activity, wijk, shared
    contacts and matching columns, never someone they already talk with.

    Example: contactladder introduce data/zwolle-demo p012 --match child_age_group
    """
    from contactladder.jobs.weaver import introduce_job

    read = source(ctx, data, options)
    show(introduce_job(read, person, output, **options))


@click.command(name="brokers")
@data_options
@as_of_option("The network as far as it has grown by this date")
@top_option(20, "At most this many people.")
@anonymize_flag("Labels like 'Ouder 12' instead of names.")
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names); - prints CSV on stdout.")
@table_output_options
@click.pass_context
def brokers_(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """Who holds the village together: people whose ties join wijken, groups and parts of the
    network that would otherwise not meet, and the only links of parents.

    Example: contactladder brokers data/zwolle-demo -o outputs/brokers.xlsx
    """
    from contactladder.jobs.weaver import brokers_job

    read = source(ctx, data, options)
    show(brokers_job(read, output, **options))


@click.command()
@data_options
@click.argument("person")
@click.argument("status")
@click.option("--since", metavar="DATE", help="Since when (default: today).")
@note_option("A note for the worker (stays in the data folder).")
@click.pass_context
def status(ctx: click.Context, data: Path, person: str, status: str, **options: Any) -> None:
    """Record that PERSON moved, withdrew consent (no_contact) or paused: a row in the data
    folder's status.csv, written whole with the old rows kept.

    Example: contactladder status data/zwolle-demo p012 moved --since 2025-11-01
    """
    from contactladder.jobs.weaver_logs import status_job

    read = source(ctx, data, options)
    show(status_job(read, person, status, **options))


@click.command()
@data_options
@click.argument("person")
@click.argument("introduced_to")
@click.option("--date", metavar="DATE", help="When (default: today).")
@click.option("--by", default="", help="Who introduced them (an id or a name).")
@note_option("A note for the worker.")
@click.pass_context
def introduced(
    ctx: click.Context, data: Path, person: str, introduced_to: str, **options: Any
) -> None:
    """Log that PERSON was introduced to INTRODUCED_TO, in the data folder's introductions.csv.

    Example: contactladder introduced data/zwolle-demo p012 p044 --date 2025-11-03
    """
    from contactladder.jobs.weaver_logs import introduced_job

    read = source(ctx, data, options)
    show(introduced_job(read, person, introduced_to, **options))


@click.command(name="follow-up")
@data_options
@as_of_option("The reference day", default="today")
@duration_option(
    "--within", "3m", "A tie at the second rung or higher within this counts for the yield."
)
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names); - prints CSV on stdout.")
@table_output_options
@click.pass_context
def follow_up(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """What came of each logged introduction: whether a tie formed since, at which rung and how
    fast; the last line is the weaver's own yield.

    Example: contactladder follow-up data/zwolle-demo --within 3m
    """
    from contactladder.jobs.weaver_logs import follow_up_job

    read = source(ctx, data, options)
    show(follow_up_job(read, output, **options))


@click.command()
@data_options
@person_on_a_day
@suggest_option(5, "The N best people to meet.")
@fading_option("Faded: no contact on a tie for longer than this.")
@together_option()
@match_option("A people column where an equal value counts (repeatable).")
@lang_option("the sheet")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The .html file to write (holds names).",
)
@click.pass_context
def gesprek(ctx: click.Context, data: Path, person: str, output: Path, **options: Any) -> None:
    """A one-page conversation sheet for PERSON, printable on A4: their ties by rung, who faded,
    whom they could meet, activities to invite them to, introductions, a map of their network.

    Example: contactladder gesprek data/zwolle-demo p012 -o outputs/gesprek-p012.html
    """
    from contactladder.jobs.weaver_logs import conversation_job

    read = source(ctx, data, options)
    show(conversation_job(read, person, output, **options))


#: The weaver's commands, in the order of the README.
COMMANDS = [alone, introduce, brokers_, status, introduced, follow_up, gesprek]
