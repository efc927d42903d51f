"""The ``contactladder`` command: each command parses its options, calls one job, and prints what
the job returns (the paths it wrote, or a table, on stdout; its notes on stderr).

Errors take one road: a :class:`~contactladder.errors.ContactLadderError` raised anywhere below is
shown by :class:`LadderGroup` as ``Error: <message>`` with exit status 1 and no traceback, its hint
naming this command's options (``--column``) where the library names parameters (``columns``);
``--debug`` shows the traceback instead. This module imports the jobs only inside the commands,
so ``contactladder --help`` loads neither pandas nor networkx.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from contactladder import cli_maps, cli_research, cli_weaver
from contactladder._version import __version__
from contactladder.cli_names import CliOptions
from contactladder.cli_options import (
    as_of_option,
    choice_option,
    data_options,
    lang_option,
    layout_cache_option,
    output_option,
    pairs,
    period_option,
    progress_printer,
    show,
    source,
    terminal_text,
    view_option,
)
from contactladder.cli_output import (
    check_format_option,
    csv_dialect_option,
    table_output_options,
    take_global_options,
)
from contactladder.errors import ContactLadderError

__all__ = ["main"]


class LadderGroup(click.Group):
    """A click group that turns a ContactLadderError into one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContactLadderError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(terminal_text(f"Error: {exc.message(options=CliOptions())}"), err=True)
            ctx.exit(1)


@click.group(cls=LadderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contactladder")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.option("--quiet", "-q", is_flag=True, help="No progress messages.")
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Contacts between parents and professionals on the rungs of the contact ladder.

    Example: contactladder growth data/zwolle-demo --period quarter
    """
    ctx.obj = {"debug": debug, "quiet": quiet or not sys.stderr.isatty()}


# --- commands ---------------------------------------------------------------------------------


@main.command()
@click.option(
    "--ladder",
    "ladder_file",
    type=click.Path(path_type=Path),
    help="A ladder TOML file instead of the five-rung ladder.",
)
@lang_option("the labels")
def ladder(ladder_file: Path | None, lang: str) -> None:
    """Print the rungs of the ladder, bottom to top.

    Example: contactladder ladder --lang en
    """
    from contactladder.jobs.tables import ladder_job

    show(ladder_job(ladder_file, lang=lang))


@main.command()
@data_options
@check_format_option
@click.pass_context
def check(ctx: click.Context, data: Path, format: str, **options: Any) -> None:
    """Say what was read from DATA and warn about what looks odd, without heavy work.

    Example: contactladder check data/zwolle-demo --format json
    """
    from contactladder.jobs.tables import check_job

    read = source(ctx, data, options)
    show(check_job(read, CliOptions(), format=None if format == "text" else format))


@main.command()
@data_options
@period_option("month")
@view_option(
    ["reached", "active", "current"],
    "Rungs reached so far, ties active in each period, or ties current at its end.",
)
@click.option("--by", help="A people column (such as wijk), or tie_type, to split by.")
@click.option(
    "--between",
    is_flag=True,
    help="With --by a people column: the ties between each pair of its groups instead.",
)
@cli_research.tie_rule_option
@click.option(
    "--transitions", is_flag=True, help="Rung-to-rung transition counts between periods instead."
)
@click.option(
    "--streamed",
    is_flag=True,
    help="Read the contacts file in parts (out of core), for files too large for memory: "
    "the reached and active views.",
)
@output_option("Write a .csv or .xlsx; - prints CSV on stdout.")
@table_output_options
@click.pass_context
def growth(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """How the network grows: one row per period (and per group with --by).

    Example: contactladder growth data/zwolle-demo --period quarter --by wijk -o growth.csv
    """
    from contactladder.jobs.tables import growth_job

    read = source(ctx, data, options)  # takes the data options out of options
    show(growth_job(read, output, progress=progress_printer(ctx, "periods"), **options))


@main.command(name="yield")
@data_options
@as_of_option("Count the rungs reached by this date")
@output_option("Write a .csv or .xlsx; - prints CSV on stdout.")
@table_output_options
@click.pass_context
def yield_(ctx: click.Context, data: Path, output: Path | None, **options: Any) -> None:
    """Per activity: the ties first made there and the rungs they have reached since.

    Example: contactladder yield data/zwolle-demo -o yield.xlsx
    """
    from contactladder.jobs.tables import yield_job

    read = source(ctx, data, options)
    show(yield_job(read, output, **options))


@main.command()
@data_options
@period_option("quarter")
@lang_option("the report")
@click.option(
    "--by",
    default="wijk",
    show_default=True,
    help="A people column with one section per group; '' for none.",
)
@click.option("--exact", is_flag=True, help="Show per-group counts below 5 as they are.")
@click.option(
    "--timeline/--no-timeline",
    default=True,
    show_default=True,
    help="Embed the timeline map of the village.",
)
@click.option("--title", help="The report's title (default: Netwerkrapport — <data name>).")
@click.option("--subtitle", help="A line under the title.")
@click.option(
    "--moments",
    metavar="DATE,DATE,...",
    help="Dates of the pictures of the village (default: the first, middle and last "
    "day of the data), e.g. 2024-06-30,2024-12-31,2025-12-31.",
)
@layout_cache_option()
@csv_dialect_option
@output_option(
    "The folder to write index.html, charts and tables into.", default=Path("outputs/report")
)
@click.pass_context
def report(
    ctx: click.Context,
    data: Path,
    freq: str,
    lang: str,
    by: str,
    exact: bool,
    timeline: bool,
    title: str | None,
    subtitle: str | None,
    moments: str | None,
    layout_cache: bool,
    csv_dialect: str,
    output: Path,
    **options: Any,
) -> None:
    """Write an anonymised, self-contained report: index.html, charts (PNG, SVG), tables (CSV).

    Example: contactladder report data/zwolle-demo --lang en -o outputs/report
    """
    from contactladder.jobs.report import report_job

    show(
        report_job(
            source(ctx, data, options),
            output,
            freq=freq,
            lang=lang,
            by=by or None,
            exact=exact,
            timeline=timeline,
            title=title,
            subtitle=subtitle,
            moments=[m.strip() for m in moments.split(",")] if moments else None,
            progress=progress_printer(ctx, "periods"),
            csv_dialect=csv_dialect,
            layout_cache=layout_cache,
        )
    )


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), default="zwolle-demo")
@click.option(
    "--seed",
    type=int,
    default=2024,
    show_default=True,
    help="Seed of the random generator (2024 gives the data in data/zwolle-demo).",
)
def demo(folder: Path, seed: int) -> None:
    """Write the fictional Zwolle demo data set into FOLDER (default: ./zwolle-demo).

    Two years (2024-2025) of parents, professionals and volunteers in Dieze, Stadshagen and
    Zwolle-Zuid: people.csv, contacts.csv, attendance.csv and a README.md. Everyone in it is
    invented; the same seed gives byte-identical files; only these four files are overwritten.

    Example: contactladder demo my-demo && contactladder check my-demo
    """
    from contactladder.jobs.export import demo_job

    show(demo_job(folder, seed=seed))


@main.command()
@data_options
@click.option(
    "--format",
    metavar="gexf|graphml|csv|xlsx|rsiena",
    help="Export format (default: from the suffix of -o); rsiena writes a folder of one "
    "matrix per wave.",
)
@click.option(
    "--missing-code",
    "missing",
    type=int,
    default=9,
    show_default=True,
    help="rsiena: the code of the row of someone who did not take part in a wave.",
)
@as_of_option("The network as far as it has grown by this date")
@click.option(
    "--anonymize/--names",
    default=True,
    show_default=True,
    help="Opaque ids and labels like 'Ouder 12', or real ids and names (internal use only).",
)
@lang_option("the role words in labels")
@choice_option("--gexf-version", ["1.3", "1.2draft"], "1.3", "The GEXF version to write.")
@view_option(
    ["reached", "current"],
    "GEXF: rungs reached so far, or ties current (their spells end when the tie ends).",
)
@csv_dialect_option
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="File, stem or folder (default: outputs/<data name>.<ext>); csv writes "
    "<stem>-nodes.csv and <stem>-ties.csv; - prints GEXF or GraphML on stdout.",
)
@click.pass_context
def export(ctx: click.Context, data: Path, output: str | None, **options: Any) -> None:
    """The network for Gephi (GEXF with the growth on its timeline), GraphML, spreadsheets, or
    RSiena and statnet (one matrix per wave).

    Example: contactladder export data/zwolle-demo -o outputs/zwolle.gexf
    """
    from contactladder.jobs.export import export_job

    read = source(ctx, data, options)
    show(export_job(read, output, **options))


@main.command(name="import-networkcanvas")
@click.argument("export_dir", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "data_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="The data folder to write (contacts.csv, people.csv, ladder.toml).",
)
@click.option(
    "--date",
    metavar="DATE",
    help="Date of every contact (default: the day each interview started).",
)
@click.option("--rung", metavar="ATTRIBUTE", help="The edge attribute that holds the rung.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="TYPE=RUNG",
    help="Map an edge type to a rung, e.g. --kind steun=steunen (repeatable).",
)
def import_networkcanvas(
    export_dir: Path, data_dir: Path, date: str | None, rung: str | None, kinds: tuple[str, ...]
) -> None:
    """Turn a Network Canvas CSV export (ego, attribute and edge files) into a data folder.

    Example: contactladder import-networkcanvas nc-export -o data/interviews --date 2024-03-01
    """
    from contactladder.jobs.imports import import_networkcanvas as import_job

    show(
        import_job(
            export_dir,
            data_dir,
            date=date,
            rung=rung,
            kinds=pairs(kinds, "--kind", "TYPE=RUNG") or None,
        )
    )


for _command in [*cli_weaver.COMMANDS, *cli_maps.COMMANDS, *cli_research.COMMANDS]:
    main.add_command(_command)
for _command in main.commands.values():
    take_global_options(_command)
