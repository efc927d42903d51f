"""The commands that draw the village: ``map`` (one moment) and ``timeline`` (its growth).

Registered on the ``contactladder`` group by :mod:`contactladder.cli`; each command parses its
options, calls one job of :mod:`contactladder.jobs.maps`, and prints what it returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from contactladder.cli_options import (
    PERIODS,
    as_of_option,
    data_options,
    map_options,
    output_option,
    show,
    source,
)

__all__ = ["COMMANDS"]


@click.command(name="map")
@data_options
@as_of_option(
    "The network as far as it has grown by this date",
    default="the end of the data; today with --focus",
)
@click.option(
    "--focus",
    metavar="PERSON",
    help="Only this person's own network (their ties and the ties among those "
    "people), the person highlighted and centred; with --names only they are named.",
)
@click.option(
    "--fading",
    default="90d",
    show_default=True,
    help="With --focus: ties without a contact for longer than this are drawn faded.",
)
@map_options
@click.option("--png", is_flag=True, help="Also write the map as a PNG picture beside it.")
@click.option("--svg", is_flag=True, help="Also write the map as an SVG picture beside it.")
@output_option("The .html file to write.", default=Path("outputs/map.html"))
@click.pass_context
def map_(
    ctx: click.Context,
    data: Path,
    as_of: str | None,
    focus: str | None,
    fading: str,
    wijk: str | None,
    min_rung: str | None,
    anonymize: bool,
    lang: str,
    legend: str | None,
    embed: bool,
    png: bool,
    svg: bool,
    output: Path,
    **options: Any,
) -> None:
    """A map of the village at one moment: one self-contained HTML page, anonymised.

    Example: contactladder map data/zwolle-demo --as-of 2025-06-30 --png -o outputs/map.html
    """
    from contactladder.jobs.maps import map_job

    show(
        map_job(
            source(ctx, data, options),
            output,
            as_of=as_of,
            wijk=wijk,
            min_rung=min_rung,
            focus=focus,
            fading=fading,
            anonymize=anonymize,
            lang=lang,
            legend=legend,
            png=png,
            svg=svg,
            embed=embed,
        )
    )


@click.command()
@data_options
@click.option(
    "--period",
    type=click.Choice(PERIODS),
    default="month",
    show_default=True,
    help="The length of one step of the slider.",
)
@map_options
@output_option("The .html file to write.", default=Path("outputs/timeline.html"))
@click.pass_context
def timeline(
    ctx: click.Context,
    data: Path,
    period: str,
    wijk: str | None,
    min_rung: str | None,
    anonymize: bool,
    lang: str,
    legend: str | None,
    embed: bool,
    output: Path,
    **options: Any,
) -> None:
    """The village growing: a map with a slider over the periods, play/pause and counters.

    Example: contactladder timeline data/zwolle-demo --period quarter -o outputs/timeline.html
    """
    from contactladder.jobs.maps import timeline_job

    show(
        timeline_job(
            source(ctx, data, options),
            output,
            freq=period,
            wijk=wijk,
            min_rung=min_rung,
            anonymize=anonymize,
            lang=lang,
            legend=legend,
            embed=embed,
        )
    )


#: The map commands, in the order of the README.
COMMANDS = [map_, timeline]
