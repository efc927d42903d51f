"""The jobs that write files for other tools: ``export`` (Gephi, GraphML, spreadsheets) and
``demo`` (the fictional Zwolle data set).

Each returns a :class:`~contactladder.jobs.common.Result` whose ``paths`` are the files written,
in order; nothing here prints.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     [path.name for path in demo_job(folder).paths]
['contacts.csv', 'people.csv', 'attendance.csv', 'README.md']
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from contactladder.jobs.common import STDOUT, Result, Source, names_note, open_source
from contactladder.jobs.paused_gc import collection_paused
from contactladder.network.current import DEFAULT_LAPSE

if TYPE_CHECKING:
    from contactladder.network import LadderNetwork

__all__ = ["export_job", "demo_job"]


@collection_paused
def export_job(
    source: Source | LadderNetwork, output: str | Path | None = None, **options: Any
) -> Result:
    """``contactladder export``: the network as GEXF, GraphML, CSV or XLSX.

    The format and file names are checked before the data are read, so a wrong format or file
    name fails at once. ``options`` are those of :func:`contactladder.io.export.export`
    (``format, as_of, anonymize, lang, gexf_version, csv_dialect, view, lapse``); with
    ``format="rsiena"``, :func:`contactladder.io.rsiena.write_rsiena` into the folder
    ``output`` (``missing``: the code of a non-respondent's row).

    Returns
    -------
    Result
        ``paths``: the files written (two for CSV: nodes, then ties); ``notes``: where rows set
        aside by ``skip_invalid`` went.

    Raises
    ------
    UsageError
        If the format is unknown or does not fit ``output``; if ``as_of`` is not in the data;
        for the current view in another format than GEXF.
    """
    from contactladder.io.export import check_export_view, export, export_paths

    missing = options.pop("missing", None)
    if options.get("format") == "rsiena":
        return _rsiena_export(source, output, missing=missing, **options)
    if str(output) == STDOUT:
        return _printed_export(source, **options)
    format, _ = export_paths(output, format=options.get("format"))
    check_export_view(options.get("view", "reached"), format)
    net, notes = open_source(source, output=output)
    return Result(paths=export(net, output, **options), notes=notes)


def _rsiena_export(
    source: Source | LadderNetwork,
    output: str | Path | None,
    *,
    missing: int | None,
    anonymize: bool = True,
    view: str = "reached",
    **options: Any,
) -> Result:
    """``export --format rsiena -o FOLDER``: one matrix per wave, the covariates, a README with
    the R code (:func:`contactladder.io.rsiena.write_rsiena`)."""
    from contactladder.errors import UsageError
    from contactladder.io.rsiena import DEFAULT_MISSING, write_rsiena

    if str(output) == STDOUT or view != "reached":
        raise UsageError(
            "an RSiena export is a folder of every wave's reports",
            hint="give {output} a folder, and leave out {view}",
        )
    net, notes = open_source(source, output=output)
    folder = Path(output) if output else Path("outputs") / f"{net.name}-rsiena"
    code = DEFAULT_MISSING if missing is None else missing
    paths = write_rsiena(net, folder, missing=code, anonymize=anonymize)
    if not anonymize:
        notes.append(names_note(str(folder)))
    return Result(paths=paths, notes=notes)


def _printed_export(
    source: Source | LadderNetwork,
    *,
    format: str | None = None,
    gexf_version: str = "1.3",
    csv_dialect: str = "plain",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
    **options: Any,
) -> Result:
    """``export -o -``: one GEXF or GraphML document on the standard output, for a pipe."""
    from contactladder.errors import UsageError
    from contactladder.io.export import check_export_view
    from contactladder.io.gexf import gexf_bytes
    from contactladder.io.graphml import graphml_bytes

    if format not in ("gexf", "graphml"):
        raise UsageError(
            "the standard output takes one document: GEXF or GraphML",
            value=format,
            hint="give {format} gexf or graphml, or a file name for csv and xlsx",
        )
    check_export_view(view, format)
    net, notes = open_source(source)
    if format == "gexf":
        document = gexf_bytes(net, version=gexf_version, view=view, lapse=lapse, **options)
    else:
        document = graphml_bytes(net, **options)
    if not options.get("anonymize", True):
        notes.append(names_note("the export on stdout"))
    return Result(output=document, notes=notes)


def demo_job(folder: str | Path, *, seed: int = 2024) -> Result:
    """``contactladder demo``: write the fictional Zwolle demo data set into ``folder``.

    See :func:`contactladder.demo.write_demo`; ``paths`` are the files written.
    """
    from contactladder.demo import write_demo

    return Result(paths=write_demo(folder, seed=seed))
