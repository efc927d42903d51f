"""The commands that draw the village: ``map`` (one moment) and ``timeline`` (its growth).

Registered on the ``contactladder`` group by :mod:`contactladder.cli`; each command parses its
options, calls one job of :mod:`contactladder.jobs.maps`, and prints what it returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from contactladder import cli_options as shared

__all__ = ["COMMANDS"]


#: ``--aggregate`` of the map and the timeline.
_aggregate_option = click.option(
    "--aggregate",
    type=click.Choice(["auto", "people", "groups"]),
    default="auto",
    show_default=True,
    help="Every person, or one node per wijk and group (parents, each organisation's "
    "professionals); auto: groups beyond 50,000 people, more than a browser draws.",
)


@click.command(name="map")
@shared.data_options
@shared.as_of_option(
    "The network as far as it has grown by this date",
    default="the end of the data; today with --focus",
)
@click.option(
    "--focus",
    metavar="PERSON",
    help="Only this person's own network (their ties and the ties among those "
    "people), the person highlighted and centred; with --names only they are named.",
)
@shared.fading_option("With --focus: ties without a contact for longer than this are drawn faded.")
@shared.view_option(
    ["reached", "current"],
    "Ties at the rung reached by then, or only the ties current then, at that rung.",
)
@shared.map_options
@_aggregate_option
@click.option("--png", is_flag=True, help="Also write the map as a PNG picture beside it.")
@click.option("--svg", is_flag=True, help="Also write the map as an SVG picture beside it.")
@shared.output_option("The .html file to write.", default=Path("outputs/map.html"))
@click.pass_context
def map_(ctx: click.Context, data: Path, output: Path, **options: Any) -> None:
    """A map of the village at one moment: one self-contained HTML page, anonymised.

    Example: contactladder map data/zwolle-demo --as-of 2025-06-30 --png -o outputs/map.html
    """
    from contactladder.jobs.maps import map_job

    read = shared.source(ctx, data, options)  # takes the data options out of options
    shared.show(map_job(read, output, **options))


@click.command()
@shared.data_options
@shared.period_option("month", "The length of one step of the slider.")
@shared.view_option(
    ["reached", "current"],
    "Ties from their first contact on, or only while current: ties that end fade out.",
)
@shared.map_options
@_aggregate_option
@shared.output_option("The .html file to write.", default=Path("outputs/timeline.html"))
@click.pass_context
def timeline(ctx: click.Context, data: Path, output: Path, **options: Any) -> None:
    """The village growing: a map with a slider over the periods, play/pause and counters.

    Example: contactladder timeline data/zwolle-demo --period quarter -o outputs/timeline.html
    """
    from contactladder.jobs.maps import timeline_job

    read = shared.source(ctx, data, options)
    shared.show(timeline_job(read, output, **options))


#: The map commands, in the order of the README.
COMMANDS = [map_, timeline]
