"""The commands for a researcher's further measures: ``weaving`` (the stage of network weaving
of each wijk, period by period) and ``disagreements`` (the pairs whose two reports differ), and
the ``--tie-rule`` option they share with ``growth``.

Registered on the ``contactladder`` group by :mod:`contactladder.cli`; each command parses its
options, calls one job of :mod:`contactladder.jobs.tables`, and prints what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from contactladder import cli_options as shared
from contactladder.cli_output import table_output_options

__all__ = ["COMMANDS", "tie_rule_option"]

# The rules of contactladder.network.tie_rule.TIE_RULES, here so that --help loads no pandas.
TIE_RULES = ["max", "min", "mean", "reporter"]


def tie_rule_option(command: Callable) -> Callable:
    """``--tie-rule max|min|mean|reporter``: the rung of a tie both its people reported on."""
    return click.option(
        "--tie-rule",
        type=click.Choice(TIE_RULES),
        default=None,
        help="The rung of a tie both people reported on: the higher (max, as without this "
        "option), the lower, the mean (half up), or the focal person's report (reporter).",
    )(command)


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


@click.command()
@shared.data_options
@tie_rule_option
@shared.output_option("Write a .csv or .xlsx (private: it holds ids); - prints CSV on stdout.")
@table_output_options
@click.pass_context
def disagreements(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """The pairs whose two reports name different rungs: each pair, the wave (or date) and the
    rung each of the two reported, for the researcher to look at. Holds ids: keep it private.

    Example: contactladder disagreements data/survey -o private/disagreements.csv
    """
    from contactladder.jobs.tables import disagreements_job

    read = shared.source(ctx, data, options)
    shared.show(disagreements_job(read, output, **options))


COMMANDS = [weaving, disagreements]
