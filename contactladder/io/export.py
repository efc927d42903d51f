"""The network in the tools researchers already use: GEXF for Gephi, GraphML, CSV and XLSX.

:func:`export` is the one entry point: it tells the format and the file names from what it is
given (:func:`export_paths`) and hands over to the writer of that format:

- **GEXF** (1.3, or 1.2draft; :mod:`contactladder.io.gexf`) replays the growth on Gephi's
  timeline: people and ties appear on the day they are first present, and a tie's rung changes
  on the days it climbs; in the current view (``view="current"``) a tie's rung also goes down
  and its spells end when the tie ends (no contact within ``lapse``);
- **GraphML** (:mod:`contactladder.io.graphml`) holds one snapshot (the network as far as it has
  grown by ``as_of``) with every attribute as plain text or numbers;
- **CSV / XLSX** (:mod:`contactladder.io.network_tables`) hold two tables for spreadsheets,
  *nodes* (one row per person) and *ties* (one row per tie at the rung reached by ``as_of``):
  two CSV files ``<stem>-nodes.csv`` and ``<stem>-ties.csv``, or one workbook with sheets
  ``nodes`` and ``ties``.

Every format is anonymised by default, by the rules of :mod:`contactladder.privacy`: people get
opaque ids (``n1``, ``n2``, ... in an order unrelated to ids and join dates) and labels such as
"Ouder 12" or "Professional 3 (GGD)"; names, person ids, notes and the people file's further
columns are left out. ``anonymize=False`` keeps the ids, uses names as labels and adds ``name``
and the further columns, for internal use only. Notes are never exported.

Rows and elements are sorted, so the same input gives the same file. The files of one export
are written as a set (:func:`~contactladder.io.files.output_set`): all of them or none, under
the output's lock; with ``anonymize=False`` new files are readable by their owner only (0600).

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> from contactladder.loading.dataset import Dataset
>>> from contactladder.ladder import Ladder
>>> from contactladder.network.ladder_network import LadderNetwork
>>> from contactladder.io.network_tables import ties_table
>>> contacts = pd.DataFrame({
...     "date": pd.to_datetime(["2024-01-05", "2024-02-09", "2024-02-20"]),
...     "person_a": ["ann", "ann", "bo"], "person_b": ["bo", "bo", "cem"],
...     "rung": [1, 3, 2], "activity": ["peutergym", "", "taalplezier"],
...     "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": ["parent", "parent", "professional"],
...     "name": ["Ann", "Bo", "Cem"], "organisation": ["", "", "GGD"], "wijk": "Dieze",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo", "cem"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> table = ties_table(net)
>>> sorted(table[["tie_type", "rung", "rung_key"]].values.tolist())
[['parent-parent', 3, 'delen'], ['parent-professional', 2, 'praten']]
>>> sorted(set(table["source"]) | set(table["target"]))
['n1', 'n2', 'n3']
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> [path.name for path in export(net, folder / "village.gexf")]
['village.gexf']
>>> [path.name for path in export(net, folder / "village", format="csv")]
['village-nodes.csv', 'village-ties.csv']
>>> scratch.cleanup()
"""

from __future__ import annotations

import os
from pathlib import Path

from contactladder.errors import UsageError
from contactladder.io.files import output_set
from contactladder.io.gexf import write_gexf
from contactladder.io.graphml import write_graphml
from contactladder.io.network_tables import export_tables
from contactladder.io.table_files import check_workbook, write_sheets
from contactladder.network.current import DEFAULT_LAPSE
from contactladder.network.ladder_network import LadderNetwork

__all__ = ["FORMATS", "export", "export_paths", "check_export_view"]

#: Export format -> the file suffix it is written with.
FORMATS: dict[str, str] = {"gexf": ".gexf", "graphml": ".graphml", "csv": ".csv", "xlsx": ".xlsx"}


def export(
    net: LadderNetwork,
    output: str | Path | None = None,
    *,
    format: str | None = None,
    as_of: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    gexf_version: str = "1.3",
    csv_dialect: str = "plain",
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
) -> list[Path]:
    """Write the network as GEXF, GraphML, CSV or XLSX; return the paths written.

    Parameters
    ----------
    net : LadderNetwork
    output : path, optional
        A file, a stem (no suffix: the format's suffix is added) or a folder (an existing one, or
        a path ending in ``/``: ``<data name>.<ext>`` is written in it). Default:
        ``outputs/<data name>.<ext>``. For CSV the stem gets ``-nodes.csv`` and ``-ties.csv``.
    format : {"gexf", "graphml", "csv", "xlsx"}, optional
        Default: from the suffix of ``output``.
    as_of : date, optional
        Export the network as far as it has grown by this date (inclusive); default the end.
    anonymize : bool
        Opaque ids and role labels, no names (the default); False keeps ids and names.
    lang : {"nl", "en"}
        Language of the role words in the labels.
    gexf_version : {"1.3", "1.2draft"}
    csv_dialect : {"plain", "excel-nl"}
        The CSV dialect (see :mod:`contactladder.io.sheets`): ``excel-nl`` opens in columns
        in a Dutch Excel.
    view : {"reached", "current"}
        GEXF only: ``current`` writes the spells of the current view, which end when a tie
        ends (see :mod:`contactladder.io.gexf`).
    lapse : str or Timedelta
        The current view's lapse window (``"180d"``).

    Returns
    -------
    list of Path

    Raises
    ------
    UsageError
        If the format is unknown, cannot be told from ``output``, or does not match its suffix;
        if ``as_of`` is not a date within the data; for the current view in another format
        than GEXF, or a ``lapse`` that is not a duration; for an XLSX table longer than a
        sheet holds (the hint names ``format``: write CSV), before anything is written.

    Examples
    --------
    >>> export_paths("outputs/demo.graphml", data_name="demo")
    ('graphml', [PosixPath('outputs/demo.graphml')])
    """
    format, paths = export_paths(output, format=format, data_name=net.name)
    check_export_view(view, format)
    if format in ("csv", "xlsx"):
        tables = export_tables(net, as_of=as_of, anonymize=anonymize, lang=lang)
        if format == "xlsx":
            check_workbook(tables, paths[0])
    with output_set(paths, private=not anonymize) as staging:
        staged = [staging.path(path) for path in paths]
        if format == "gexf":
            write_gexf(
                net,
                staged[0],
                as_of=as_of,
                anonymize=anonymize,
                lang=lang,
                version=gexf_version,
                **({"view": view, "lapse": lapse} if view != "reached" else {}),
            )
        elif format == "graphml":
            write_graphml(net, staged[0], as_of=as_of, anonymize=anonymize, lang=lang)
        else:
            write_sheets(tables, staged, csv_dialect=csv_dialect)
    return paths


def check_export_view(view: str, format: str | None) -> None:
    """Check that ``view`` can be exported in ``format``: reached in every format, current in
    GEXF only (the other formats hold one snapshot).

    Raises
    ------
    UsageError
        For another view, or the current view in another format.

    >>> check_export_view("current", "csv")
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: the current view is exported as GEXF only, not 'csv'; \
give format gexf, or leave out view
    """
    if view not in ("reached", "current"):
        raise UsageError("unknown view", value=view, hint="use reached or current")
    if view == "current" and format != "gexf":
        raise UsageError(
            "the current view is exported as GEXF only, not",
            value=format,
            hint="give {format} gexf, or leave out {view}",
        )


def export_paths(
    output: str | Path | None = None, *, format: str | None = None, data_name: str = "network"
) -> tuple[str, list[Path]]:
    """The format and the files an export writes (see :func:`export` for the rules).

    Raises
    ------
    UsageError
        If the format is unknown, cannot be told from ``output``, or does not match its suffix.
        The hints name the parameter ``format``.

    Examples
    --------
    >>> export_paths("out/village.xlsx")
    ('xlsx', [PosixPath('out/village.xlsx')])
    >>> export_paths("out/village", format="CSV")
    ('csv', [PosixPath('out/village-nodes.csv'), PosixPath('out/village-ties.csv')])
    >>> export_paths(None, format="gexf", data_name="zwolle-demo")
    ('gexf', [PosixPath('outputs/zwolle-demo.gexf')])
    >>> export_paths("village.gexf", format="pdf")
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown export format 'pdf'; use gexf, graphml, csv or xlsx
    """
    if format is not None:
        format = format.strip().lower()
        if format not in FORMATS:
            raise UsageError(
                "unknown export format", value=format, hint="use " + _either(list(FORMATS))
            )
    text = "" if output is None else str(output)
    folder_given = text.endswith(("/", os.sep)) or (bool(text) and Path(text).is_dir())
    suffix = "" if folder_given or not text else Path(text).suffix.lower()
    by_suffix = {ext: name for name, ext in FORMATS.items()}
    suffixes = _either(list(FORMATS.values()))
    if suffix and suffix not in by_suffix and format is None:
        raise UsageError(
            "cannot tell the export format from the file name",
            value=Path(text).name,
            hint=f"end it in {suffixes}, or give {{format}}",
        )
    if format is None:
        if not suffix:
            raise UsageError(
                "no export format given",
                hint="give {format} "
                + "|".join(FORMATS)
                + f", or an output file name ending in {suffixes}",
            )
        format = by_suffix[suffix]
    if suffix and by_suffix.get(suffix) != format:
        raise UsageError(
            f"a {format} export needs a file name ending in {FORMATS[format]}, not",
            value=Path(text).name,
        )
    name = data_name or "network"
    if not text:
        stem = Path("outputs") / name
    elif folder_given:
        stem = Path(text) / name
    else:
        stem = Path(text).with_suffix("") if suffix else Path(text)
    if format == "csv":
        return format, [stem.with_name(f"{stem.name}-{part}.csv") for part in ("nodes", "ties")]
    return format, [Path(text) if suffix else stem.with_name(stem.name + FORMATS[format])]


def _either(choices: list[str]) -> str:
    """``a, b, c or d``.

    >>> _either([".gexf", ".csv"])
    '.gexf or .csv'
    """
    return ", ".join(choices[:-1]) + " or " + choices[-1]
