"""Reading a Network Canvas CSV export into the tables of a standard data folder.

Network Canvas (Interviewer, Fresco) exports each interview as a set of CSV files in one folder,
named by case and session:

- ``<case>_<session>_ego.csv``: one row for the respondent (the *ego*):
  ``networkCanvasEgoUUID``, ``networkCanvasCaseID``, ``networkCanvasSessionID``,
  ``networkCanvasProtocolName``, ``sessionStart``, ``sessionFinish``, ``sessionExported`` and
  the ego's attributes;
- ``<case>_<session>_attributeList_<NodeType>.csv``: the people named (the *alters*), one file
  per node type: ``nodeID``, ``networkCanvasEgoUUID``, ``networkCanvasUUID`` and the node's
  attributes (``name``, ...);
- ``<case>_<session>_edgeList_<EdgeType>.csv``: the ties between them, one file per edge type:
  ``edgeID``, ``from``, ``to``, ``networkCanvasEgoUUID``, ``networkCanvasUUID``,
  ``networkCanvasSourceUUID``, ``networkCanvasTargetUUID`` and the edge's attributes.

:func:`read_networkcanvas` turns them into ``people`` (``id`` is the ``networkCanvasUUID``, the
ego's ``networkCanvasEgoUUID``; ``node_type``, ``interview`` and every attribute kept) and
``contacts`` (one per edge, dated with ``date`` or else the day the interview started, with the
rung from a named edge attribute, or with the edge type as its ``kind`` for the ladder's
``kinds`` to map). An edge between people who are not in the node files is bad input.

Examples
--------
>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = Path(scratch.name)
>>> _ = (folder / "c1_s1_ego.csv").write_text(
...     "networkCanvasEgoUUID,sessionStart\\ne1,2024-03-05T10:00:00.000Z\\n")
>>> _ = (folder / "c1_s1_attributeList_Person.csv").write_text(
...     "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\\n1,e1,n1,Ann\\n2,e1,n2,Bo\\n")
>>> _ = (folder / "c1_s1_edgeList_knows.csv").write_text(
...     "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,"
...     "networkCanvasTargetUUID\\n1,1,2,e1,x1,n1,n2\\n")
>>> export = read_networkcanvas(folder)
>>> export.contacts.values.tolist()
[['2024-03-05', 'n1', 'n2', 'knows', 'networkcanvas']]
>>> export.kinds
['knows']
>>> scratch.cleanup()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from contactladder.errors import InputFileError, MissingColumnError, UsageError, literal
from contactladder.loading.dates import parse_iso, parse_written_date
from contactladder.loading.files import read_table
from contactladder.loading.first_bad import first_bad

__all__ = [
    "EGO_UUID",
    "NODE_UUID",
    "SOURCE_UUID",
    "TARGET_UUID",
    "NetworkCanvasExport",
    "read_networkcanvas",
]

#: The columns Network Canvas names its ids with.
EGO_UUID, NODE_UUID = "networkCanvasEgoUUID", "networkCanvasUUID"
SOURCE_UUID, TARGET_UUID = "networkCanvasSourceUUID", "networkCanvasTargetUUID"
# Columns of the export that are bookkeeping, not attributes of a person or a tie.
_BOOKKEEPING = {
    "nodeID",
    "edgeID",
    "from",
    "to",
    EGO_UUID,
    NODE_UUID,
    SOURCE_UUID,
    TARGET_UUID,
    "networkCanvasCaseID",
    "networkCanvasSessionID",
    "networkCanvasProtocolName",
    "sessionStart",
    "sessionFinish",
    "sessionExported",
    "APP_VERSION",
    "COMMIT_HASH",
}


@dataclass
class NetworkCanvasExport:
    """The tables of a data folder, read from a Network Canvas export.

    Attributes
    ----------
    people : DataFrame
        ``id``, ``node_type`` (``ego`` for a respondent), ``interview`` (the ego's id) and the
        attributes.
    contacts : DataFrame
        ``date`` (ISO text), ``person_a``, ``person_b``, ``rung`` or ``kind``, ``source``
        (``networkcanvas``).
    kinds : list of str
        The edge types, sorted: the kinds a ladder must map when contacts have no rung.
    """

    people: pd.DataFrame
    contacts: pd.DataFrame
    kinds: list[str]


def read_networkcanvas(
    export_dir: str | Path, *, date: str | None = None, rung: str | None = None
) -> NetworkCanvasExport:
    """Read the CSV files of a Network Canvas export.

    Parameters
    ----------
    export_dir : folder
        The folder Network Canvas exported to (its CSV files, unzipped).
    date : str, optional
        The date of every contact (``YYYY-MM-DD`` or ``DD-MM-YYYY``), instead of the day each
        interview started (its ``sessionStart``).
    rung : str, optional
        The edge attribute that holds the rung (a level, key or label); without it, the edge
        type is the contact's ``kind``.

    Raises
    ------
    InputFileError
        If the folder holds no Network Canvas files.
    MissingColumnError
        If a file lacks the id columns Network Canvas writes, or the ``rung`` attribute.
    BadValueError
        For an edge to a person who is in no node file, or an interview without a start date
        when no ``date`` is given.
    UsageError
        For a ``date`` that cannot be read.
    """
    folder = Path(export_dir)
    if not folder.is_dir():
        raise InputFileError("no such folder", file=folder)
    egos = _files(folder, "_ego.csv")
    nodes, edges = _files(folder, "_attributeList_*.csv"), _files(folder, "_edgeList_*.csv")
    if not nodes:
        raise InputFileError(
            "no Network Canvas node files in the folder",
            file=folder,
            hint="export the interviews as CSV files and give their folder",
        )
    fixed = None
    if date is not None:
        fixed = parse_written_date(date)
        if fixed is pd.NaT:
            raise UsageError(
                "not a date", value=date, hint="write {date} as YYYY-MM-DD or DD-MM-YYYY"
            )
    ego_table = (
        pd.concat([_table(p, (EGO_UUID,)) for p in egos])
        if egos
        else pd.DataFrame(columns=[EGO_UUID])
    )
    people = pd.concat(
        [_people(ego_table, "ego", EGO_UUID)]
        + [
            _people(_table(p, (EGO_UUID, NODE_UUID)), _type(p, "_attributeList_"), NODE_UUID)
            for p in nodes
        ],
        ignore_index=True,
    ).fillna("")
    starts = _session_days(ego_table)
    parts = [_contacts(p, people, starts, fixed, rung) for p in edges]
    columns = ["date", "person_a", "person_b", "rung" if rung else "kind", "source"]
    contacts = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    kinds = sorted({_type(p, "_edgeList_") for p in edges}) if rung is None else []
    return NetworkCanvasExport(people, contacts[columns], kinds)


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(f"*{pattern}"))


def _type(path: Path, marker: str) -> str:
    """The node or edge type in a file name (``..._edgeList_knows.csv`` is ``knows``)."""
    return path.name.split(marker, 1)[1].removesuffix(".csv")


def _table(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    table = read_table(path)
    for column in required:
        if column not in table:
            raise MissingColumnError(
                f"no column {column!r}",
                file=path,
                hint="give the CSV files as Network Canvas exports them",
            )
    return table.assign(_file=str(path))


def _people(table: pd.DataFrame, node_type: str, id_column: str) -> pd.DataFrame:
    """The people of one file: id, node type, interview and attributes."""
    attributes = [c for c in table.columns if c not in _BOOKKEEPING and c != "_file"]
    people = table[attributes].rename(
        columns={c: f"{c} (attribute)" for c in attributes if c in ("id", "node_type", "interview")}
    )
    people.insert(0, "interview", table[EGO_UUID].values)
    people.insert(0, "node_type", node_type)
    people.insert(0, "id", table[id_column].values)
    return people


def _session_days(egos: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """The day each interview started, by ego id (``""`` when not known), and its file."""
    if "sessionStart" not in egos:
        return {}
    days = parse_iso(egos["sessionStart"]).dt.strftime("%Y-%m-%d").fillna("")
    return {
        ego: (day, file) for ego, day, file in zip(egos[EGO_UUID], days, egos["_file"], strict=True)
    }


def _contacts(
    path: Path,
    people: pd.DataFrame,
    starts: dict[str, tuple[str, str]],
    fixed: pd.Timestamp | None,
    rung: str | None,
) -> pd.DataFrame:
    """One contact per edge of one edge file."""
    table = _table(path, (EGO_UUID, SOURCE_UUID, TARGET_UUID))
    known = set(people["id"])
    for column in (SOURCE_UUID, TARGET_UUID):
        unknown = ~table[column].isin(known)
        if unknown.any():
            raise first_bad(
                "an edge to a person in no node file",
                unknown,
                table[column],
                file=path,
                column=column,
                hint="export all node files of the interview with its edges",
            )
    out = pd.DataFrame({"person_a": table[SOURCE_UUID], "person_b": table[TARGET_UUID]})
    if fixed is not None:
        out.insert(0, "date", fixed.strftime("%Y-%m-%d"))
    else:
        days = table[EGO_UUID].map(lambda ego: starts.get(ego, ("", ""))[0])
        if (days == "").any():
            raise first_bad(
                "no start date for this interview",
                days == "",
                table[EGO_UUID],
                file=path,
                column=EGO_UUID,
                hint="give {date} for every contact, or export the ego file with its sessionStart",
            )
        out.insert(0, "date", days)
    if rung is not None:
        if rung not in table:
            attributes = [c for c in table.columns if c not in _BOOKKEEPING and c != "_file"]
            raise MissingColumnError(
                f"no edge attribute {rung!r}",
                file=path,
                hint="the attributes are "
                + literal(", ".join(map(repr, attributes)) or "none")
                + "; name one with "
                "{rung}, or map the edge types with {kinds}",
            )
        out["rung"] = table[rung]
    else:
        out["kind"] = _type(path, "_edgeList_")
    out["source"] = "networkcanvas"
    return out
