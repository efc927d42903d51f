"""The jobs that turn other programs' exports into a data folder: ``import-networkcanvas``.

The data folder written holds ``people.csv`` and ``contacts.csv`` and, when the edge types are
mapped to rungs, a ``ladder.toml`` with only a ``[kinds]`` table (the default rungs). It is
written whole or not at all; the people file holds the names from the interviews, so the folder
is readable by its owner only.

Examples
--------
>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> export, data = Path(scratch.name) / "export", Path(scratch.name) / "data"
>>> export.mkdir()
>>> _ = (export / "c1_s1_attributeList_Person.csv").write_text(
...     "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\\n1,e1,n1,Ann\\n2,e1,n2,Bo\\n")
>>> _ = (export / "c1_s1_edgeList_knows.csv").write_text(
...     "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,"
...     "networkCanvasTargetUUID\\n1,1,2,e1,x1,n1,n2\\n")
>>> result = import_networkcanvas(export, data, date="01-03-2024", kinds={"knows": "praten"})
>>> [path.name for path in result.paths]
['contacts.csv', 'people.csv', 'ladder.toml']
>>> print((data / "ladder.toml").read_text())
[kinds]
"knows" = "praten"
<BLANKLINE>
>>> scratch.cleanup()
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from contactladder.errors import UsageError
from contactladder.io.files import output_set
from contactladder.io.sheets import write_table
from contactladder.jobs.common import Result
from contactladder.loading.network_canvas import read_networkcanvas

__all__ = ["import_networkcanvas"]


def import_networkcanvas(
    export_dir: str | Path,
    data_dir: str | Path,
    *,
    date: str | None = None,
    rung: str | None = None,
    kinds: Mapping[str, str | int] | None = None,
) -> Result:
    """``contactladder import-networkcanvas``: a Network Canvas CSV export as a data folder.

    Parameters
    ----------
    export_dir : folder
        The CSV files Network Canvas exported.
    data_dir : folder
        The data folder to write (replaced whole when it exists).
    date : str, optional
        The date of every contact (``YYYY-MM-DD`` or ``DD-MM-YYYY``); default the day each
        interview started.
    rung : str, optional
        The edge attribute that holds each tie's rung.
    kinds : mapping, optional
        Each edge type to a rung (level, key or label), written as the ladder's ``[kinds]``;
        needed when ``rung`` is not given.

    Raises
    ------
    UsageError
        When neither ``rung`` nor ``kinds`` says the rung of an edge type, naming the types.
    """
    export = read_networkcanvas(export_dir, date=date, rung=rung)
    unmapped = [kind for kind in export.kinds if kind not in (kinds or {})]
    if unmapped:
        raise UsageError(
            "no rung for the edge types",
            value=", ".join(unmapped),
            hint="name the edge attribute with the rung in {rung}, or map each "
            "edge type to a rung in {kinds}",
        )
    data = Path(data_dir)
    names = ["contacts.csv", "people.csv"] + (["ladder.toml"] if kinds else [])
    with output_set(data, private=True) as staging:
        write_table(export.contacts, staging.path(data / "contacts.csv"), private=True)
        write_table(export.people, staging.path(data / "people.csv"), private=True)
        if kinds:
            staging.path(data / "ladder.toml").write_text(_kinds_toml(kinds), encoding="utf-8")
    notes = [
        f"{len(export.people)} people and {len(export.contacts)} contacts from "
        f"{export_dir}; people.csv holds the names from the interviews"
    ]
    return Result(paths=[data / name for name in names], notes=notes)


def _kinds_toml(kinds: Mapping[str, str | int]) -> str:
    """A ladder file with only a ``[kinds]`` table (keys and text quoted as TOML strings)."""
    lines = ["[kinds]"] + [
        f"{json.dumps(str(kind))} = "
        + (str(rung) if isinstance(rung, int) else json.dumps(str(rung)))
        for kind, rung in kinds.items()
    ]
    return "\n".join(lines) + "\n"
