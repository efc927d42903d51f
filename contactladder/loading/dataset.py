"""Read and validate contacts, people and attendance into a :class:`Dataset`.

This is the edge where input is checked, once: columns, people, rungs and dates. Everything after
it trusts the :class:`Dataset` it gets. Nothing is dropped silently: a bad row raises one
:class:`~contactladder.errors.ContactLadderError` naming the file, line and value, or, with
``skip_invalid=True``, is set aside in ``Dataset.rejects`` with its reason.

A *contact* is one dated event between two people on a rung of the ladder, given as ``rung``
(a level, key or label) or as ``kind`` (mapped to a rung by the ladder file's ``kinds`` table).
People at the same *session* of an activity (one activity on one date) have met: each pair of
them gets a contact on the lowest rung, with source ``attendance``.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> _ = (folder / "contacts.csv").write_text("datum;persoon_a;persoon_b;trede\\n"
...                                          "2024-03-01;bo;ann;praten\\n")
>>> data = load(folder)
>>> data.contacts[["person_a", "person_b", "rung"]].values.tolist()
[['ann', 'bo', 2]]
>>> scratch.cleanup()
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.errors import (
    BadValueError,
    InputFileError,
    MissingColumnError,
    UsageError,
    literal,
)
from contactladder.ladder import Ladder
from contactladder.loading.columns import CONTACT_COLUMNS, PEOPLE_COLUMNS, ColumnMapping
from contactladder.loading.dates import DateReader
from contactladder.loading.distinct import map_distinct
from contactladder.loading.files import find_file, read_table
from contactladder.loading.rejects import REJECT_COLUMNS, Rejects, RowCheck
from contactladder.privacy import new_key, private_key

__all__ = ["Dataset", "load"]


@dataclass
class Dataset:
    """Validated tables, ready to build a network from.

    Attributes
    ----------
    contacts : DataFrame
        One row per contact, sorted by date (rows of one date in file order): ``date``
        (datetime64), ``person_a`` < ``person_b`` (str), ``rung`` (int level), ``activity``,
        ``wijk``, ``note``, ``source`` (str, "" when not given). Sessions from attendance are
        contacts on the lowest rung with source ``attendance``.
    people : DataFrame
        Indexed by ``id``: ``role``, ``name``, ``organisation``, ``wijk`` (str, "" when not
        given), ``joined`` (datetime64, NaT when not given), and any further columns. Everyone in
        the contacts is here, also when no people file was given.
    ladder : Ladder
    name : str
        The data set's name (its folder), for titles.
    rejects : DataFrame
        Rows set aside with ``skip_invalid``: ``file, line, column, value, reason, row``.
    attendance : DataFrame
        The attendance rows as read: ``date, activity, person``; a person alone at a session has
        no contact from it but did attend the activity.
    key : bytes
        The private key of the anonymous numbering (see :func:`contactladder.privacy.private_key`);
        a data set built in memory without one gets a fresh random key, so its numbers hold
        for this data set only.
    key_file : Path or None
        Where the key is kept (None for a key that is not kept).

    Examples
    --------
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"]), "person_a": ["a"],
    ...     "person_b": ["b"], "rung": [2], "activity": "", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
    ...     "joined": pd.NaT}, index=pd.Index(["a", "b"], name="id"))
    >>> data = Dataset(contacts, people, Ladder.default(), "tiny")
    >>> len(data.rejects), list(data.attendance.columns), len(data.key), data.key_file
    (0, ['date', 'activity', 'person'], 32, None)
    """

    contacts: pd.DataFrame
    people: pd.DataFrame
    ladder: Ladder
    name: str
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECT_COLUMNS))
    attendance: pd.DataFrame = field(default_factory=lambda: _no_attendance())
    key: bytes = field(default_factory=new_key, repr=False, compare=False)
    key_file: Path | None = None


def load(
    path: str | Path,
    *,
    people: str | Path | None = None,
    attendance: str | Path | None = None,
    ladder: str | Path | Ladder | None = None,
    columns: Mapping[str, str] | None = None,
    rung: str | None = None,
    time_unit: str | None = None,
    time_origin: str | None = None,
    skip_invalid: bool = False,
    key_file: str | Path | None = None,
) -> Dataset:
    """Read a data folder, or a contacts file with the other files given one by one.

    Parameters
    ----------
    path : folder or file
        A folder with ``contacts.*`` (and optionally ``people.*``, ``attendance.*``,
        ``ladder.toml``), or the contacts file itself.
    people, attendance : file, optional
        Files that replace the folder's own.
    ladder : file or Ladder, optional
        The ladder, instead of the folder's ``ladder.toml`` or the default ladder.
    columns : mapping, optional
        Column names in the files by the names used here, e.g. ``{"date": "Datum"}``; each
        must be a column of a file it may be meant for.
    rung : str, optional
        The rung of every contact without a rung or kind of its own (a level, key or label).
    time_unit, time_origin : str, optional
        Read numeric dates as ``time_origin + value * time_unit`` (unit ``s``, ``ms``, ``min``,
        ``h`` or ``D``; origin an ISO date, 1970-01-01 when not given).
    skip_invalid : bool
        Set bad rows aside in ``Dataset.rejects`` instead of raising.
    key_file : file, optional
        The private key of the anonymous numbering, instead of the file named by the
        environment variable ``CONTACTLADDER_KEY_FILE`` or the data folder's own
        ``.contactladder-key`` (created on first use; for a contacts file, in its folder).

    Returns
    -------
    Dataset
        The contacts (attendance sessions included), everyone in them in the people table, the
        ladder, the data's name and the rows set aside.

    Raises
    ------
    InputFileError
        If a file is missing or unreadable, or no contact is left.
    MissingColumnError
        If a required column, or one named in ``columns``, is not in a file.
    BadValueError
        For the first bad row, naming file, line and value, when ``skip_invalid`` is off.
    UsageError
        For a ``rung``, ``time_unit`` or ``time_origin`` that cannot be used, or a data folder
        without a key that cannot be written (give ``key_file``).

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()
    >>> path = Path(scratch.name) / "log.csv"
    >>> _ = path.write_text("Wanneer,Wie,Met wie\\n2024-03-01,ann,bo\\n2024-03-02,ann,ann\\n")
    >>> data = load(path, columns={"date": "Wanneer", "person_a": "Wie", "person_b": "Met wie"},
    ...             rung="helpen", skip_invalid=True)
    >>> data.contacts[["person_a", "person_b", "rung"]].values.tolist()
    [['ann', 'bo', 4]]
    >>> data.rejects[["line", "reason"]].values.tolist()
    [[3, 'a contact of a person with themself']]
    >>> scratch.cleanup()
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError("no such file or folder", file=path)
    folder = path if path.is_dir() else path.parent
    contacts_file = find_file(folder, "contacts", required=True) if path.is_dir() else path
    people_file = _given_or_found(people, path, "people")
    attendance_file = _given_or_found(attendance, path, "attendance")
    the_ladder = _ladder(ladder, path)

    rejects = Rejects(skip_invalid)
    dates = DateReader(time_unit, time_origin)
    mapping = ColumnMapping(columns)
    people_table = _read_people(people_file, mapping, dates, rejects) if people_file else None
    known = None if people_table is None else people_table.index
    contacts = _read_contacts(contacts_file, mapping, the_ladder, rung, dates, known, rejects)
    sessions = _no_attendance()
    if attendance_file:
        sessions = _read_attendance(attendance_file, mapping, dates, known, rejects)
        contacts = pd.concat([contacts, _session_contacts(sessions, the_ladder)], ignore_index=True)
    mapping.check_used()
    if contacts.empty:
        raise InputFileError("no contacts to measure", file=contacts_file,
                             hint="the file has a header but no valid rows" if not len(
                                 rejects.table()) else "every row was set aside as invalid")
    contacts = contacts.sort_values("date", kind="stable", ignore_index=True)
    people_table = _complete_people(people_table, contacts, sessions)
    name = folder.resolve().name if path.is_dir() else contacts_file.stem
    key, key_path = private_key(folder, key_file=key_file)
    return Dataset(contacts, people_table, the_ladder, name, rejects.table(),
                   sessions.reset_index(drop=True), key, key_path)


def _given_or_found(given: str | Path | None, path: Path, stem: str) -> Path | None:
    """The file the caller gave, else the data folder's own (none when ``path`` is a file)."""
    if given:
        return Path(given)
    return find_file(path, stem) if path.is_dir() else None


def _ladder(ladder: str | Path | Ladder | None, path: Path) -> Ladder:
    """The ladder given, else the data folder's ``ladder.toml``, else the default ladder."""
    if isinstance(ladder, Ladder):
        return ladder
    if ladder:
        return Ladder.from_file(ladder)
    if path.is_dir() and (path / "ladder.toml").exists():
        return Ladder.from_file(path / "ladder.toml")
    return Ladder.default()


# --- reading the three files -------------------------------------------------------------------

def _read_contacts(path: Path, mapping: ColumnMapping, ladder: Ladder, rung: str | None,
                   dates: DateReader, known: pd.Index | None, rejects: Rejects) -> pd.DataFrame:
    table = mapping.apply(read_table(path, role="contacts"), path, "contacts",
                          ("date", "person_a", "person_b"))
    if "rung" not in table and "kind" not in table and rung is None:
        raise MissingColumnError("no 'rung' or 'kind' column", file=path,
                                 hint="add one, map one with {columns[rung]=NAME}, "
                                      "or give every contact the same rung with {rung}")
    check = RowCheck(path, table, rejects)
    out = pd.DataFrame(index=table.index)
    out["date"] = check.dates("date", dates)
    for column in ("person_a", "person_b"):
        out[column] = check.required_text(column, "empty person")
    check.reject((out.person_a == out.person_b) & (out.person_a != ""), "person_a",
                 "a contact of a person with themself", hint="person_a and person_b must differ")
    out["rung"] = _rung_levels(table, check, ladder, rung)
    if known is not None:
        for column in ("person_a", "person_b"):
            check.unknown_people(out[column], column, known)
    for column in ("activity", "wijk", "note", "source"):
        out[column] = table.get(column, "")
    out = out.loc[check.good()]
    swap = out.person_a > out.person_b
    out.loc[swap, ["person_a", "person_b"]] = out.loc[swap, ["person_b", "person_a"]].values
    out["rung"] = out["rung"].astype("int64")
    return out[CONTACT_COLUMNS].reset_index(drop=True)


def _rung_levels(table: pd.DataFrame, check: RowCheck, ladder: Ladder,
                 rung: str | None) -> pd.Series:
    """The rung level of each row, from ``rung``, else ``kind``, else the ``rung`` parameter."""
    if rung is not None:
        fixed = ladder.level_of(rung)
        if fixed is None:
            raise UsageError("unknown rung", value=rung, hint=ladder.hint())
        levels = pd.Series(fixed, index=table.index, dtype="float64")
    else:
        levels = pd.Series(float("nan"), index=table.index)
    if "kind" in table:
        levels = map_distinct(table["kind"], ladder.level_of_kind).fillna(levels)
    if "rung" in table:
        rungs = table["rung"]
        levels = map_distinct(rungs, ladder.level_of).where(rungs != "", levels)
    missing = levels.isna()
    if "rung" in table:
        given = missing & (table["rung"] != "")
        check.reject(given, "rung", "unknown rung", hint=ladder.hint())
        missing &= ~given
    if "kind" in table:
        given = missing & (table["kind"] != "")
        check.reject(given, "kind", "unknown kind", hint="add it to the [kinds] table of a "
                     f"ladder file ({literal(ladder.source)})")
        missing &= ~given
    check.reject(missing, "rung" if "rung" in table else "kind", "no rung",
                 hint="give a rung or a kind on every row, or {rung} for all")
    return levels


def _read_people(path: Path, mapping: ColumnMapping, dates: DateReader,
                 rejects: Rejects) -> pd.DataFrame:
    table = mapping.apply(read_table(path, role="people"), path, "people", ("id",))
    check = RowCheck(path, table, rejects)
    ids = check.required_text("id", "empty id")
    duplicated = ids.duplicated(keep="first") & (ids != "")
    if duplicated.any():
        line = int(duplicated.idxmax())
        first = int(ids[ids == ids[line]].index[0])
        raise BadValueError("duplicate person id", file=path, line=line, column="id",
                            value=ids[line], hint=f"it is also on line {first}; give each "
                            "person one row")
    people = table.drop(columns=["id"]).copy()
    people.index = ids
    for column in PEOPLE_COLUMNS:
        people[column] = people.get(column, "")
    people["joined"] = (check.dates("joined", dates, optional=True).values if "joined" in table
                        else pd.NaT)
    people = people.loc[check.good().values]
    people.index.name = "id"
    return people


def _read_attendance(path: Path, mapping: ColumnMapping, dates: DateReader,
                     known: pd.Index | None, rejects: Rejects) -> pd.DataFrame:
    table = mapping.apply(read_table(path, role="attendance"), path, "attendance",
                          ("date", "activity", "person"))
    check = RowCheck(path, table, rejects)
    out = pd.DataFrame({"date": check.dates("date", dates),
                        "activity": check.required_text("activity", "empty activity"),
                        "person": check.required_text("person", "empty person")})
    if known is not None:
        check.unknown_people(out["person"], "person", known)
    return out.loc[check.good()]


def _no_attendance() -> pd.DataFrame:
    return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"),
                         "activity": pd.Series(dtype=str), "person": pd.Series(dtype=str)})


def _session_contacts(sessions: pd.DataFrame, ladder: Ladder) -> pd.DataFrame:
    """A contact on the lowest rung between each pair of people at the same session.

    A session is one activity on one date (the time of day is ignored).
    """
    sessions = sessions.assign(day=sessions["date"].dt.normalize())
    rows = []
    for (day, activity), group in sessions.groupby(["day", "activity"], sort=True):
        for a, b in itertools.combinations(sorted(set(group["person"])), 2):
            rows.append((day, a, b, activity))
    contacts = pd.DataFrame(rows, columns=["date", "person_a", "person_b", "activity"])
    contacts["date"] = pd.to_datetime(contacts["date"])
    contacts["rung"] = ladder.bottom.level
    contacts["wijk"] = ""
    contacts["note"] = ""
    contacts["source"] = "attendance"
    return contacts[CONTACT_COLUMNS]


def _complete_people(people: pd.DataFrame | None, contacts: pd.DataFrame,
                     sessions: pd.DataFrame) -> pd.DataFrame:
    """The people table with everyone in the contacts and the attendance, and the standard
    columns filled."""
    if people is None:
        seen = pd.unique(np.concatenate([contacts["person_a"].to_numpy(),
                                         contacts["person_b"].to_numpy(),
                                         sessions["person"].to_numpy()]))
        people = pd.DataFrame(index=pd.Index(seen).sort_values())
        people.index.name = "id"
        for column in PEOPLE_COLUMNS:
            people[column] = ""
        people["joined"] = pd.Series(pd.NaT, index=people.index, dtype="datetime64[ns]")
    people["joined"] = pd.to_datetime(people["joined"]).astype("datetime64[ns]")
    return people
