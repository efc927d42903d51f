"""The commands for a researcher's further measures: ``weaving`` (the stage of network weaving
of each wijk, period by period).

Registered on the ``contactladder`` group by :mod:`contactladder.cli`; each command parses its
options, calls one job of :mod:`contactladder.jobs.tables`, and prints what it returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from contactladder import cli_options as shared
from contactladder.cli_output import table_output_options

__all__ = ["COMMANDS"]


@click.command()
@shared.data_options
@shared.period_option("quarter")
@shared.choice_option(
    "--view",
    ["reached", "active", "current"],
    "reached",
    "Ties reached so far, active in each period, or current at its end.",
)
@click.option(
    "--min-rung",
    metavar="RUNG",
    help="Count ties from this rung up (level, key or label; default: the rung above the lowest).",
)
@shared.output_option("Write a .csv or .xlsx; - prints CSV on stdout.")
@table_output_options
@click.pass_context
def weaving(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """The stage of network weaving of each wijk, period by period (Krebs & Holley): scattered
    fragments, a single hub, several hubs, core and periphery; with the measures behind it.

    Example: contactladder weaving data/zwolle-demo --period quarter -o stages.csv
    """
    from contactladder.jobs.tables import weaving_job

    read = shared.source(ctx, data, options)
    shared.show(weaving_job(read, output, **options))


COMMANDS = [weaving]
