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
    as_of_option,
    data_options,
    lang_option,
    output_option,
    show,
    source,
)

__all__ = ["COMMANDS"]


@click.command()
@data_options
@as_of_option("The reference day", default="today")
@click.option("--wijk", help="Only the people of this wijk.")
@click.option(
    "--fading",
    default="90d",
    show_default=True,
    help="Fading: no contact on any tie for longer than this (90d, 12w, 6m, 1y).",
)
@click.option(
    "--new",
    default="60d",
    show_default=True,
    help="New and unconnected: joined within this, and no peer tie yet.",
)
@click.option(
    "--stuck-after",
    default="180d",
    show_default=True,
    help="Stuck low: no peer tie above the second rung after this long in the project.",
)
@click.option(
    "--suggest",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Add the N best peers for each person to meet.",
)
@click.option(
    "--match",
    multiple=True,
    metavar="COLUMN",
    help="For --suggest: a people column where an equal value counts, e.g. "
    "child_age_group (repeatable).",
)
@click.option(
    "--gone",
    default="12m",
    show_default=True,
    help="Uit beeld: no contact for longer than this; listed apart, after the rest.",
)
@click.option(
    "--together",
    default="1m",
    show_default=True,
    help="Same activity: both attended it within this of each other.",
)
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
@click.option(
    "--anonymize",
    is_flag=True,
    help="A team-meeting version: labels like 'Ouder 12' and counts, no names.",
)
@lang_option("the explanations")
@output_option("Write a .csv, .xlsx or .html (holds names).")
@click.pass_context
def alone(
    ctx: click.Context,
    data: Path,
    as_of: str | None,
    wijk: str | None,
    fading: str,
    new: str,
    stuck_after: str,
    suggest: int,
    match: tuple[str, ...],
    gone: str,
    together: str,
    most_suggested: int,
    compare: Path | None,
    anonymize: bool,
    lang: str,
    output: Path | None,
    **options: Any,
) -> None:
    """Who needs a link: focal people who are alone, only see professionals, are stuck low,
    fading or new and unconnected; the most urgent first, with the reasons in words.

    Example: contactladder alone data/zwolle-demo --suggest 3 -o outputs/werklijst.html
    """
    from contactladder.jobs.weaver import alone_job

    show(
        alone_job(
            source(ctx, data, options),
            output,
            as_of=as_of,
            wijk=wijk,
            fading=fading,
            new=new,
            stuck_after=stuck_after,
            suggest=suggest,
            match=match,
            gone=gone,
            together=together,
            most_suggested=most_suggested,
            compare=compare,
            anonymize=anonymize,
            lang=lang,
        )
    )


@click.command()
@data_options
@click.argument("person")
@as_of_option("The reference day", default="today")
@click.option(
    "--match",
    multiple=True,
    metavar="COLUMN",
    help="A people column where an equal value counts, e.g. child_age_group (repeatable).",
)
@click.option(
    "--professionals", is_flag=True, help="Also suggest professionals, as bridges to more people."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="At most this many candidates.",
)
@click.option(
    "--fading",
    default="90d",
    show_default=True,
    help="Suggest only people with a contact within this.",
)
@click.option(
    "--together",
    default="1m",
    show_default=True,
    help="Same activity: both attended it within this of each other.",
)
@click.option("--anonymize", is_flag=True, help="Labels like 'Ouder 12' instead of names.")
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names).")
@click.pass_context
def introduce(
    ctx: click.Context,
    data: Path,
    person: str,
    as_of: str | None,
    match: tuple[str, ...],
    professionals: bool,
    top: int,
    fading: str,
    together: str,
    anonymize: bool,
    lang: str,
    output: Path | None,
    **options: Any,
) -> None:
    """Whom PERSON could meet: peers ranked by points for the same activity, wijk, shared
    contacts and matching columns, never someone they already talk with.

    Example: contactladder introduce data/zwolle-demo p012 --match child_age_group
    """
    from contactladder.jobs.weaver import introduce_job

    show(
        introduce_job(
            source(ctx, data, options),
            person,
            output,
            as_of=as_of,
            match=match,
            professionals=professionals,
            top=top,
            fading=fading,
            together=together,
            anonymize=anonymize,
            lang=lang,
        )
    )


@click.command(name="brokers")
@data_options
@as_of_option("The network as far as it has grown by this date")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many people.",
)
@click.option("--anonymize", is_flag=True, help="Labels like 'Ouder 12' instead of names.")
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names).")
@click.pass_context
def brokers_(
    ctx: click.Context,
    data: Path,
    as_of: str | None,
    top: int,
    anonymize: bool,
    lang: str,
    output: Path | None,
    **options: Any,
) -> None:
    """Who holds the village together: people whose ties join wijken, groups and parts of the
    network that would otherwise not meet, and the only links of parents.

    Example: contactladder brokers data/zwolle-demo -o outputs/brokers.xlsx
    """
    from contactladder.jobs.weaver import brokers_job

    show(
        brokers_job(
            source(ctx, data, options), output, as_of=as_of, top=top, anonymize=anonymize, lang=lang
        )
    )


@click.command()
@data_options
@click.argument("person")
@click.argument("status")
@click.option("--since", metavar="DATE", help="Since when (default: today).")
@click.option("--note", default="", help="A note for the worker (stays in the data folder).")
@click.pass_context
def status(
    ctx: click.Context,
    data: Path,
    person: str,
    status: str,
    since: str | None,
    note: str,
    **options: Any,
) -> None:
    """Record that PERSON moved, withdrew consent (no_contact) or paused: a row in the data
    folder's status.csv, written whole with the old rows kept.

    Example: contactladder status data/zwolle-demo p012 moved --since 2025-11-01
    """
    from contactladder.jobs.weaver_logs import status_job

    show(status_job(source(ctx, data, options), person, status, since=since, note=note))


@click.command()
@data_options
@click.argument("person")
@click.argument("introduced_to")
@click.option("--date", metavar="DATE", help="When (default: today).")
@click.option("--by", default="", help="Who introduced them (an id or a name).")
@click.option("--note", default="", help="A note for the worker.")
@click.pass_context
def introduced(
    ctx: click.Context,
    data: Path,
    person: str,
    introduced_to: str,
    date: str | None,
    by: str,
    note: str,
    **options: Any,
) -> None:
    """Log that PERSON was introduced to INTRODUCED_TO, in the data folder's introductions.csv.

    Example: contactladder introduced data/zwolle-demo p012 p044 --date 2025-11-03
    """
    from contactladder.jobs.weaver_logs import introduced_job

    show(
        introduced_job(
            source(ctx, data, options), person, introduced_to, date=date, by=by, note=note
        )
    )


@click.command(name="follow-up")
@data_options
@as_of_option("The reference day", default="today")
@click.option(
    "--within",
    default="3m",
    show_default=True,
    help="A tie at the second rung or higher within this counts for the yield.",
)
@lang_option("the explanations")
@output_option("Write a .csv or .xlsx (holds names).")
@click.pass_context
def follow_up(
    ctx: click.Context,
    data: Path,
    as_of: str | None,
    within: str,
    lang: str,
    output: Path | None,
    **options: Any,
) -> None:
    """What came of each logged introduction: whether a tie formed since, at which rung and how
    fast; the last line is the weaver's own yield.

    Example: contactladder follow-up data/zwolle-demo --within 3m
    """
    from contactladder.jobs.weaver_logs import follow_up_job

    show(follow_up_job(source(ctx, data, options), output, as_of=as_of, within=within, lang=lang))


@click.command()
@data_options
@click.argument("person")
@as_of_option("The reference day", default="today")
@click.option(
    "--fading",
    default="90d",
    show_default=True,
    help="Faded: no contact on a tie for longer than this.",
)
@click.option(
    "--together",
    default="1m",
    show_default=True,
    help="Same activity: both attended it within this of each other.",
)
@click.option(
    "--match",
    multiple=True,
    metavar="COLUMN",
    help="A people column where an equal value counts (repeatable).",
)
@click.option(
    "--suggest",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="The N best people to meet.",
)
@lang_option("the sheet")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The .html file to write (holds names).",
)
@click.pass_context
def gesprek(
    ctx: click.Context,
    data: Path,
    person: str,
    as_of: str | None,
    fading: str,
    together: str,
    match: tuple[str, ...],
    suggest: int,
    lang: str,
    output: Path,
    **options: Any,
) -> None:
    """A one-page conversation sheet for PERSON, printable on A4: their ties by rung, who faded,
    whom they could meet, activities to invite them to, introductions, a map of their network.

    Example: contactladder gesprek data/zwolle-demo p012 -o outputs/gesprek-p012.html
    """
    from contactladder.jobs.weaver_logs import conversation_job

    show(
        conversation_job(
            source(ctx, data, options),
            person,
            output,
            as_of=as_of,
            fading=fading,
            together=together,
            match=match,
            suggest=suggest,
            lang=lang,
        )
    )


#: The weaver's commands, in the order of the README.
COMMANDS = [alone, introduce, brokers_, status, introduced, follow_up, gesprek]
