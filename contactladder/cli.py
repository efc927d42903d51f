"""The ``contactladder`` command: each command parses its options, calls one library function,
and prints a summary or the paths it wrote.

Errors take one road: a :class:`~contactladder.errors.ContactLadderError` raised anywhere below is
shown by :class:`LadderGroup` as ``Error: <message>`` with exit status 1 and no traceback;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from contactladder._version import __version__
from contactladder.errors import ContactLadderError

__all__ = ["main"]

PERIODS = ("day", "week", "month", "quarter", "year")


class LadderGroup(click.Group):
    """A click group that turns a ContactLadderError into one line and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContactLadderError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
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


# --- options shared by the commands that read data ---------------------------------------------

def data_options(command):
    """The DATA argument and the options that say how to read it."""
    options = [
        click.argument("data", type=click.Path(path_type=Path)),
        click.option("--people", type=click.Path(path_type=Path),
                     help="People file (default: people.* in the DATA folder)."),
        click.option("--attendance", type=click.Path(path_type=Path),
                     help="Attendance file (default: attendance.* in the DATA folder)."),
        click.option("--ladder", type=click.Path(path_type=Path),
                     help="Ladder TOML file (default: ladder.toml in the folder, else the "
                          "five-rung ladder)."),
        click.option("--column", "columns", multiple=True, metavar="NAME=COLUMN",
                     help="Read NAME from COLUMN, e.g. --column date=Datum (repeatable)."),
        click.option("--rung", help="The rung of every contact, for files without one."),
        click.option("--time-unit", type=click.Choice(["s", "ms", "min", "h", "D"]),
                     help="Dates are numbers of this unit since --time-origin."),
        click.option("--time-origin", help="The date numeric times count from (ISO date)."),
        click.option("--focal", default="parent", show_default=True,
                     help="The role whose network the work is about."),
        click.option("--skip-invalid", is_flag=True,
                     help="Set bad rows aside in a rejects file and go on."),
        click.option("--rejects", type=click.Path(path_type=Path),
                     help="Where --skip-invalid writes the rejected rows (default: beside the "
                          "output, or outputs/rejects.csv)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def open_network(ctx: click.Context, data: Path, output: Path | None = None, *, people=None,
                 attendance=None, ladder=None, columns=(), rung=None, time_unit=None,
                 time_origin=None, focal="parent", skip_invalid=False, rejects=None):
    """Load DATA as the options say; write the rejects file when rows were set aside."""
    from contactladder.network.ladder_network import LadderNetwork
    from contactladder.io.files import write_table

    if not ctx.obj["quiet"]:
        click.echo(f"Reading {data} ...", err=True)
    net = LadderNetwork.from_path(
        data, people=people, attendance=attendance, ladder=ladder,
        columns=_column_mapping(columns), rung=rung, time_unit=time_unit,
        time_origin=time_origin, skip_invalid=skip_invalid, focal=focal)
    if len(net.data.rejects):
        if rejects is None:
            rejects = (output.with_name(output.stem + ".rejects.csv") if output
                       else Path("outputs") / "rejects.csv")
        write_table(net.data.rejects, rejects)
        click.echo(f"Set aside {len(net.data.rejects)} invalid rows: {rejects}", err=True)
    return net


def _column_mapping(pairs) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise click.BadParameter(f"{pair!r} is not NAME=COLUMN, e.g. date=Datum",
                                     param_hint="--column")
        mapping[name.strip()] = column.strip()
    return mapping


def progress_printer(ctx: click.Context, what: str):
    """A ``progress(done, total)`` callback that writes one updating line to a terminal."""
    if ctx.obj["quiet"]:
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\r{what}: {done}/{total}", err=True, nl=done == total)

    return show


def show_or_write(table, output: Path | None, *, sheet: str = "data") -> None:
    """Write ``table`` to ``output`` (CSV or XLSX), or print it readably."""
    from contactladder.io.files import write_table

    if output:
        click.echo(write_table(table, output, sheet=sheet))
    else:
        click.echo(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))


# --- commands ---------------------------------------------------------------------------------

@main.command()
@click.option("--ladder", "ladder_file", type=click.Path(path_type=Path),
              help="A ladder TOML file instead of the five-rung ladder.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def ladder(ladder_file: Path | None, lang: str) -> None:
    """Print the rungs of the ladder, bottom to top.

    Example: contactladder ladder --lang en
    """
    from contactladder.ladder import Ladder

    the_ladder = Ladder.from_file(ladder_file) if ladder_file else Ladder.default()
    click.echo(the_ladder.describe(lang))


@main.command()
@data_options
@click.pass_context
def check(ctx: click.Context, data: Path, **options) -> None:
    """Say what was read from DATA and warn about what looks odd, without heavy work.

    Example: contactladder check data/zwolle-demo
    """
    from contactladder.loading.dataset import describe

    net = open_network(ctx, data, **options)
    click.echo(describe(net.data, focal=net.focal))


@main.command()
@data_options
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True)
@click.option("--view", type=click.Choice(["reached", "active"]), default="reached",
              show_default=True, help="Rungs reached so far, or ties active in each period.")
@click.option("--by", help="A people column to split the table by, such as wijk.")
@click.option("--transitions", is_flag=True,
              help="Rung-to-rung transition counts between periods instead.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write a .csv or .xlsx.")
@click.pass_context
def growth(ctx: click.Context, data: Path, period: str, view: str, by: str | None,
           transitions: bool, output: Path | None, **options) -> None:
    """How the network grows: one row per period (and per group with --by).

    Example: contactladder growth data/zwolle-demo --period quarter --by wijk -o growth.csv
    """
    import contactladder.analysis.growth as metrics

    if transitions and (view != "reached" or by):
        raise click.UsageError("--transitions counts moves in the reached view; leave out "
                               "--view and --by")
    net = open_network(ctx, data, output, **options)
    if transitions:
        table = metrics.transitions(net, freq=period)
    else:
        table = metrics.growth(net, freq=period, view=view, by=by,
                               progress=progress_printer(ctx, "periods"))
    show_or_write(table, output, sheet="transitions" if transitions else "growth")


@main.command(name="yield")
@data_options
@click.option("--as-of", help="Count the rungs reached by this date (default: the end).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write a .csv or .xlsx.")
@click.pass_context
def yield_(ctx: click.Context, data: Path, as_of: str | None, output: Path | None,
           **options) -> None:
    """Per activity: the ties first made there and the rungs they have reached since.

    Example: contactladder yield data/zwolle-demo -o yield.xlsx
    """
    from contactladder.analysis.growth import activity_yield

    net = open_network(ctx, data, output, **options)
    show_or_write(activity_yield(net, as_of=as_of), output, sheet="yield")


@main.command()
@data_options
@click.option("--period", type=click.Choice(PERIODS), default="quarter", show_default=True)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--by", default="wijk", show_default=True,
              help="A people column with one section per group; '' for none.")
@click.option("--exact", is_flag=True, help="Show per-group counts below 5 as they are.")
@click.option("--timeline/--no-timeline", default=True, show_default=True,
              help="Embed the timeline map of the village.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("outputs/report"),
              show_default=True, help="The folder to write index.html, charts and tables into.")
@click.pass_context
def report(ctx: click.Context, data: Path, period: str, lang: str, by: str, exact: bool,
           timeline: bool, output: Path, **options) -> None:
    """Write an anonymised, self-contained report: index.html, charts (PNG, SVG), tables (CSV).

    Example: contactladder report data/zwolle-demo --lang en -o outputs/report
    """
    from contactladder.render.report import write_report

    net = open_network(ctx, data, output / "index.html", **options)
    paths = write_report(net, output, freq=period, lang=lang, by=by or None, exact=exact,
                         timeline=timeline, progress=progress_printer(ctx, "periods"))
    click.echo(paths[0])


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), default="zwolle-demo")
@click.option("--seed", type=int, default=2024, show_default=True,
              help="Seed of the random generator (2024 gives the data in data/zwolle-demo).")
def demo(folder: Path, seed: int) -> None:
    """Write the fictional Zwolle demo data set into FOLDER (default: ./zwolle-demo).

    Two years (2024-2025) of parents, professionals and volunteers in Dieze, Stadshagen and
    Zwolle-Zuid: people.csv, contacts.csv, attendance.csv and a README.md. Everyone in it is
    invented; the same seed gives byte-identical files; only these four files are overwritten.

    Example: contactladder demo my-demo && contactladder check my-demo
    """
    from contactladder.demo.village import write_demo

    for path in write_demo(folder, seed=seed):
        click.echo(path)


# --- exports ----------------------------------------------------------------------------------

@main.command()
@data_options
@click.option("--format", "format_", metavar="gexf|graphml|csv|xlsx",
              help="Export format (default: from the suffix of -o).")
@click.option("--as-of", help="The network as far as it has grown by this date (default: the "
                              "end).")
@click.option("--anonymize/--names", default=True, show_default=True,
              help="Opaque ids and labels like 'Ouder 12', or real ids and names (internal "
                   "use only).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the role words in labels.")
@click.option("--gexf-version", type=click.Choice(["1.3", "1.2draft"]), default="1.3",
              show_default=True, help="The GEXF version to write.")
@click.option("-o", "--output", type=click.Path(),
              help="File, stem or folder (default: outputs/<data name>.<ext>); csv writes "
                   "<stem>-nodes.csv and <stem>-ties.csv.")
@click.pass_context
def export(ctx: click.Context, data: Path, format_: str | None, as_of: str | None,
           anonymize: bool, lang: str, gexf_version: str, output: str | None,
           **options) -> None:
    """The network for Gephi (GEXF with the growth on its timeline), GraphML or spreadsheets.

    Example: contactladder export data/zwolle-demo -o outputs/zwolle.gexf
    """
    from contactladder.io.export import export as export_network
    from contactladder.io.export import export_paths

    export_paths(output, format=format_)  # a bad format or file name fails before loading
    net = open_network(ctx, data, Path(output) if output else None, **options)
    for path in export_network(net, output, format=format_, as_of=as_of, anonymize=anonymize,
                               lang=lang, gexf_version=gexf_version):
        click.echo(path)


# --- the weaver's worklist ---

def _write_personal(table, output: Path | None) -> None:
    """Write a weaver table (names shown) and say that the file holds personal data, or print it."""
    from contactladder.analysis.weaver import as_text, write_list

    if output:
        click.echo(write_list(table, output))
        click.echo(f"Note: {output} holds personal data (names): keep it to yourself and delete "
                   "it when no longer needed.", err=True)
    else:
        click.echo(as_text(table))


@main.command()
@data_options
@click.option("--as-of", help="The reference day (default: the last day of the data).")
@click.option("--wijk", help="Only the people of this wijk.")
@click.option("--fading", default="90d", show_default=True,
              help="Fading: no contact on any tie for longer than this (90d, 12w, 6m, 1y).")
@click.option("--new", default="60d", show_default=True,
              help="New and unconnected: joined within this, and no peer tie yet.")
@click.option("--stuck-after", default="180d", show_default=True,
              help="Stuck low: no peer tie above the second rung after this long in the project.")
@click.option("--suggest", type=click.IntRange(min=0), default=0, show_default=True,
              help="Add the N best peers for each person to meet.")
@click.option("--match", multiple=True, metavar="COLUMN",
              help="For --suggest: a people column where an equal value counts, e.g. "
                   "child_age_group (repeatable).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the explanations.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write a .csv, .xlsx or .html (holds names).")
@click.pass_context
def alone(ctx: click.Context, data: Path, as_of: str | None, wijk: str | None, fading: str,
          new: str, stuck_after: str, suggest: int, match: tuple[str, ...], lang: str,
          output: Path | None, **options) -> None:
    """Who needs a link: focal people who are alone, only see professionals, are stuck low,
    fading or new and unconnected; the most urgent first, with the reasons in words.

    Example: contactladder alone data/zwolle-demo --suggest 3 -o outputs/werklijst.html
    """
    from contactladder.analysis.weaver import worklist

    net = open_network(ctx, data, output, **options)
    _write_personal(worklist(net, as_of=as_of, wijk=wijk, fading=fading, new=new,
                             stuck_after=stuck_after, suggest=suggest, match=match, lang=lang),
                    output)


@main.command()
@data_options
@click.argument("person")
@click.option("--as-of", help="The reference day (default: the last day of the data).")
@click.option("--match", multiple=True, metavar="COLUMN",
              help="A people column where an equal value counts, e.g. child_age_group "
                   "(repeatable).")
@click.option("--professionals", is_flag=True,
              help="Also suggest professionals, as bridges to more people.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="At most this many candidates.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the explanations.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write a .csv or .xlsx (holds names).")
@click.pass_context
def introduce(ctx: click.Context, data: Path, person: str, as_of: str | None,
              match: tuple[str, ...], professionals: bool, top: int, lang: str,
              output: Path | None, **options) -> None:
    """Whom PERSON could meet: peers ranked by points for the same activity, wijk, shared
    contacts and matching columns, never someone they already talk with.

    Example: contactladder introduce data/zwolle-demo p012 --match child_age_group
    """
    from contactladder.analysis.weaver import introductions

    net = open_network(ctx, data, output, **options)
    _write_personal(introductions(net, person, as_of=as_of, match=match,
                                  professionals=professionals, top=top, lang=lang), output)


@main.command(name="brokers")
@data_options
@click.option("--as-of", help="The network as far as it has grown by this date (default: the "
                              "end).")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many people.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the explanations.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write a .csv or .xlsx (holds names).")
@click.pass_context
def brokers_(ctx: click.Context, data: Path, as_of: str | None, top: int, lang: str,
             output: Path | None, **options) -> None:
    """Who holds the village together: people whose ties join wijken, groups and parts of the
    network that would otherwise not meet, and the only links of parents.

    Example: contactladder brokers data/zwolle-demo -o outputs/brokers.xlsx
    """
    from contactladder.analysis.weaver import brokers

    net = open_network(ctx, data, output, **options)
    _write_personal(brokers(net, as_of=as_of, top=top, lang=lang), output)


# --- maps ---

def _map_output(output: Path, anonymize: bool, paths: list, embed: bool) -> None:
    """Print the paths written, the embed snippet when asked, and a note when names are shown."""
    for path in paths:
        click.echo(path)
    if embed:
        click.echo(paths[-1].read_text(encoding="utf-8"), nl=False)
    if not anonymize:
        click.echo(f"Note: {output} shows names: for internal use only; do not share it.",
                   err=True)


@main.command(name="map")
@data_options
@click.option("--as-of", help="The network as far as it has grown by this date (default: the "
                              "end).")
@click.option("--wijk", help="Only the people of this wijk and the ties among them.")
@click.option("--min-rung", metavar="RUNG",
              help="Show ties from this rung up (level, key or label); the page can change it.")
@click.option("--focus", metavar="PERSON",
              help="Only this person's own network (their ties and the ties among those "
                   "people), the person highlighted.")
@click.option("--anonymize/--names", default=True, show_default=True,
              help="Labels like 'Ouder 12', or names (internal use only).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of labels, legend and controls.")
@click.option("--png", is_flag=True, help="Also write the map as a PNG picture beside it.")
@click.option("--svg", is_flag=True, help="Also write the map as an SVG picture beside it.")
@click.option("--embed", is_flag=True,
              help="Also write <name>.embed.html, the <iframe> snippet to paste into a web "
                   "page, and print it.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("outputs/map.html"),
              show_default=True, help="The .html file to write.")
@click.pass_context
def map_(ctx: click.Context, data: Path, as_of: str | None, wijk: str | None,
         min_rung: str | None, focus: str | None, anonymize: bool, lang: str, png: bool,
         svg: bool, embed: bool, output: Path, **options) -> None:
    """A map of the village at one moment: one self-contained HTML page, anonymised.

    Example: contactladder map data/zwolle-demo --as-of 2025-06-30 --png -o outputs/map.html
    """
    from contactladder.render.maps import html_path, write_map_files

    html_path(output)  # a bad file name fails before loading
    net = open_network(ctx, data, output, **options)
    paths = write_map_files(net, output, as_of=as_of, wijk=wijk, min_rung=min_rung, focus=focus,
                            anonymize=anonymize, lang=lang, png=png, svg=svg, embed=embed)
    _map_output(output, anonymize, paths, embed)


@main.command()
@data_options
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True,
              help="The length of one step of the slider.")
@click.option("--wijk", help="Only the people of this wijk and the ties among them.")
@click.option("--min-rung", metavar="RUNG",
              help="Show ties from this rung up (level, key or label); the page can change it.")
@click.option("--anonymize/--names", default=True, show_default=True,
              help="Labels like 'Ouder 12', or names (internal use only).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of labels, legend and controls.")
@click.option("--embed", is_flag=True,
              help="Also write <name>.embed.html, the <iframe> snippet to paste into a web "
                   "page, and print it.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=Path("outputs/timeline.html"), show_default=True,
              help="The .html file to write.")
@click.pass_context
def timeline(ctx: click.Context, data: Path, period: str, wijk: str | None,
             min_rung: str | None, anonymize: bool, lang: str, embed: bool, output: Path,
             **options) -> None:
    """The village growing: a map with a slider over the periods, play/pause and counters.

    Example: contactladder timeline data/zwolle-demo --period quarter -o outputs/timeline.html
    """
    from contactladder.render.maps import html_path, write_timeline_files

    html_path(output)  # a bad file name fails before loading
    net = open_network(ctx, data, output, **options)
    paths = write_timeline_files(net, output, freq=period, wijk=wijk, min_rung=min_rung,
                                 anonymize=anonymize, lang=lang, embed=embed)
    _map_output(output, anonymize, paths, embed)
