"""What every job shares: reading the data once, and what a job hands back to its caller.

A *job* is one command's work: read the data, compute each table once, render, write, and return
a :class:`Result` that says what was written and what to tell the reader. The CLI calls one job
per command and prints its result; scripts can call the jobs too.

>>> result = Result(paths=[Path("outputs/growth.csv")], notes=["Set aside 2 invalid rows"])
>>> result.paths[0].name, result.notes
('growth.csv', ['Set aside 2 invalid rows'])

A table goes to a file, or to the standard output for scripts: as CSV when the output is
:data:`STDOUT` (``-``), as CSV or JSON when a ``format`` is asked for without an output
(:func:`printed_format`, :func:`printed_table`); else as text for the terminal.

>>> import pandas as pd
>>> printed_table(pd.DataFrame({"ties": [3]}), "-").output
b'ties\\n3\\n'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from contactladder.network import CountedNetwork, LadderNetwork, StreamedNetwork

__all__ = [
    "STDOUT",
    "TABLE_FORMATS",
    "Result",
    "Progress",
    "Source",
    "open_source",
    "open_streamed",
    "focal_notes",
    "check_output",
    "rejects_path",
    "names_note",
    "status_of",
    "file_output",
    "printed_format",
    "printed_table",
]

#: The output that stands for the standard output.
STDOUT = "-"
#: The formats a table can be printed in for scripts.
TABLE_FORMATS = ("csv", "json")

#: A ``progress(done, total)`` callback, or None.
Progress = Callable[[int, int], None] | None


@dataclass
class Result:
    """What a job did: the files it wrote, text for the reader, and notes for the side.

    Attributes
    ----------
    paths : list of Path
        The files written that the reader needs to know of, the main one first (a report
        names its page, which links the rest).
    text : str
        What to show the reader (a table, a summary, a snippet); "" for nothing.
    notes : list of str
        Remarks beside the result (rows set aside, files that hold personal data); the CLI
        writes them on stderr.
    output : bytes
        A table for scripts (CSV or JSON), to write on stdout as it is; b"" for none.
    """

    paths: list[Path] = field(default_factory=list)
    text: str = ""
    notes: list[str] = field(default_factory=list)
    output: bytes = b""


@dataclass(frozen=True)
class Source:
    """Where a job reads its data: a folder or contacts file, and how to read it.

    Attributes
    ----------
    path : Path
        A data folder or a contacts file.
    load : dict
        The options of :func:`contactladder.loading.load` and ``focal``.
    rejects : Path, optional
        Where the rows set aside by ``skip_invalid`` go (default: beside the job's output, else
        ``outputs/rejects.csv``).
    """

    path: Path
    load: dict = field(default_factory=dict)
    rejects: Path | None = None


def open_source(
    source: Source | LadderNetwork, *, output: str | Path | None = None, warn_focal: bool = True
) -> tuple[LadderNetwork, list[str]]:
    """The network of ``source`` (read once), and the notes to show.

    A :class:`Source` is read with its options and the rows set aside by ``skip_invalid`` are
    written to its rejects file (beside ``output`` by default, as ``<name>.rejects.csv``); a
    network is used as it is. When no one has the focal role, a note warns (naming ``{focal}``),
    unless ``warn_focal`` is false (``check`` says it among its own warnings).
    """
    from contactladder.io.sheets import write_table
    from contactladder.network import LadderNetwork
    from contactladder.privacy import personal_data_notice

    if isinstance(source, LadderNetwork):
        return source, []
    if output is not None:
        check_output(source, output)
    net = LadderNetwork.from_path(source.path, **source.load)
    notes = focal_notes(net) if warn_focal else []
    if len(net.rejects):
        rejects = source.rejects or rejects_path(output)
        write_table(
            net.rejects,
            _private_folder(rejects) / rejects.name,
            private=True,
            notice=personal_data_notice("en"),
        )
        notes.append(
            f"Set aside {len(net.rejects)} invalid rows: {rejects} (holds personal "
            "data: keep it to yourself)"
        )
    return net, notes


def open_streamed(
    source: Source | LadderNetwork, *, output: str | Path | None = None
) -> tuple[StreamedNetwork, list[str]]:
    """The network of ``source`` with its contacts file read streamed (out of core, see
    :mod:`contactladder.network.streamed_network`), and the notes to show: as
    :func:`open_source`; a streamed read sets no row aside.

    Raises
    ------
    UsageError
        For a network given as it is: its contacts are in memory already.
    """
    from contactladder.errors import UsageError
    from contactladder.network import LadderNetwork, StreamedNetwork

    if isinstance(source, LadderNetwork):
        raise UsageError(
            "this network is in memory already", hint="leave out {streamed} for a network"
        )
    if output is not None:
        check_output(source, output)
    net = StreamedNetwork.from_path(source.path, **source.load)
    return net, focal_notes(net)


def focal_notes(net: CountedNetwork) -> list[str]:
    """A warning when no one in ``net`` has the focal role (naming ``{focal}``)."""
    from contactladder.loading.describe import focal_warning

    return [] if len(net.focal_people) else ["Warning: " + focal_warning(net.focal)]


def names_note(where: str) -> str:
    """The note that ``where`` (a file, the standard output) holds names.

    >>> names_note("the list on stdout")[:44]
    'Note: the list on stdout holds personal data'
    """
    return (
        f"Note: {where} holds personal data (names): keep it to yourself and delete it "
        "when no longer needed."
    )


def rejects_path(output: str | Path | None = None) -> Path:
    """Where the rows set aside go by default: a private folder beside the job's output, never
    inside an output meant for sharing (a report folder) nor beside a shared page.

    >>> rejects_path("outputs/map.html"), rejects_path()
    (PosixPath('outputs/private/map.rejects.csv'), PosixPath('outputs/private/rejects.csv'))
    >>> rejects_path("outputs/report")  # a report folder: beside it, not in it
    PosixPath('outputs/private/report.rejects.csv')
    """
    if output is None:
        return Path("outputs") / "private" / "rejects.csv"
    output = Path(output)
    return output.parent / "private" / f"{output.stem}.rejects.csv"


def _private_folder(path: Path) -> Path:
    """The folder of ``path``, made readable by its owner only when it is new."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
    return folder


def check_output(source: Source, output: str | Path) -> None:
    """Refuse an output that would overwrite an input or land inside the input data folder.

    Raises
    ------
    UsageError
        If ``output`` is one of the input files, or lies inside the data folder read (when a
        folder is read; a single contacts file may have outputs beside it).

    >>> check_output(Source(Path("data/zwolle-demo")), "data/zwolle-demo/growth.csv")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: output inside the input data folder ...; write it elsewhere...
    """
    from contactladder.errors import UsageError

    target = Path(output).resolve()
    inputs = [
        Path(value).resolve()
        for key, value in source.load.items()
        if key in ("people", "attendance", "ladder") and value
    ]
    folder: Path | None = source.path.resolve()
    if folder is not None and not folder.is_dir():
        inputs.append(folder)
        folder = None
    if target in inputs:
        raise UsageError(
            "output would overwrite an input file",
            value=str(output),
            hint="write it elsewhere, such as outputs/",
        )
    if folder is not None and (target == folder or folder in target.parents):
        raise UsageError(
            "output inside the input data folder",
            value=str(output),
            hint="write it elsewhere, such as outputs/",
        )


def status_of(source: Source | LadderNetwork, net: CountedNetwork) -> pd.DataFrame | None:
    """The status rows of the data folder of ``source`` (who moved, withdrew consent, paused),
    or None without a status file or for a network given as it is."""
    from contactladder.loading.weaver_files import read_status, weaver_file
    from contactladder.network import LadderNetwork

    if isinstance(source, LadderNetwork) or weaver_file(source.path, "status") is None:
        return None
    return read_status(
        source.path,
        people=net.column("role").index,
        skip_invalid=bool(source.load.get("skip_invalid")),
    )


def file_output(output: str | Path | None) -> Path | None:
    """The file an output names: None for none and for :data:`STDOUT`.

    >>> file_output("-"), file_output("g.csv")
    (None, PosixPath('g.csv'))
    """
    return None if output is None or str(output) == STDOUT else Path(output)


def printed_format(output: str | Path | None, format: str | None = None) -> str | None:
    """The format a table is printed in for scripts: ``"csv"`` or ``"json"`` when ``output`` is
    :data:`STDOUT` (CSV unless ``format`` says JSON) or ``format`` is given without an output;
    None when the table goes to a file or to the terminal as text.

    >>> printed_format("-"), printed_format(None, "json"), printed_format(None)
    ('csv', 'json', None)

    Raises
    ------
    UsageError
        For a format other than csv and json, or a format given with a file to write (the
        file's suffix says its format).
    """
    from contactladder.errors import UsageError

    if format is not None and format not in TABLE_FORMATS:
        raise UsageError("unknown table format", value=format, hint="use csv or json")
    if file_output(output) is not None:
        if format is not None:
            raise UsageError(
                "a format is for the standard output; a file's suffix says its format",
                value=format,
                hint="leave out {format}, or give {output} " + STDOUT,
            )
        return None
    if output is None:
        return format
    return format or "csv"


def printed_table(
    table: pd.DataFrame,
    output: str | Path | None,
    *,
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result | None:
    """``table`` for the standard output in its :func:`printed_format`: CSV in ``csv_dialect``
    or JSON records (:func:`~contactladder.io.sheets.json_bytes`); None when the table goes to
    a file or to the terminal as text.

    Raises
    ------
    UsageError
        As :func:`printed_format`.
    """
    from contactladder.io.sheets import csv_bytes, json_bytes

    chosen = printed_format(output, format)
    if chosen is None:
        return None
    if chosen == "json":
        return Result(output=json_bytes(table))
    return Result(output=csv_bytes(table, dialect=csv_dialect))
