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

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.errors import InputFileError, UsageError
from contactladder.ladder import Ladder
from contactladder.loading.clean_contacts import PersonCodes
from contactladder.loading.columns import PEOPLE_COLUMNS, ColumnMapping
from contactladder.loading.dates import DateReader
from contactladder.loading.events import Merged, merge_records
from contactladder.loading.files import find_file
from contactladder.loading.key_file import private_key
from contactladder.loading.readers import (
    Reading,
    no_attendance,
    read_attendance,
    read_contacts,
    read_people,
    session_contacts,
)
from contactladder.loading.rejects import REJECT_COLUMNS, Rejects
from contactladder.privacy import new_key

__all__ = ["Dataset", "load", "given_or_found", "data_ladder", "complete_people"]


@dataclass
class Dataset:
    """Validated tables, ready to build a network from.

    Attributes
    ----------
    contacts : DataFrame
        One row per contact, sorted by date (rows of one date in file order): ``date``
        (datetime64), ``person_a`` < ``person_b`` (str), ``rung`` (int level), ``activity``,
        ``wijk``, ``note``, ``source`` (str, "" when not given). Sessions from attendance are
        contacts on the lowest rung with source ``attendance``. Survey reports also have
        ``reporter`` (who gave the report) and, when the file has one, ``wave``.
    people : DataFrame
        Indexed by ``id``: ``role`` (the canonical key of a known role word, see
        :func:`contactladder.words.roles.role_in_data`), ``name``, ``organisation``, ``wijk``
        (str, "" when not given), ``joined`` (datetime64, NaT when not given), and any further
        columns. Everyone in the contacts is here, also when no people file was given.
    ladder : Ladder
    name : str
        The data set's name (its folder), for titles.
    rejects : DataFrame
        Rows set aside with ``skip_invalid``: ``file, line, column, value, reason, row``.
    attendance : DataFrame
        The attendance rows as read: ``date, activity, person``; a person alone at a session has
        no contact from it but did attend the activity.
    key : bytes
        The private key of the anonymous numbering (see
        :func:`contactladder.loading.key_file.private_key`);
        a data set built in memory without one gets a fresh random key, so its numbers hold
        for this data set only.
    key_file : Path or None
        Where the key is kept (None for a key that is not kept).
    warnings : list of str
        What was read but looks like a mistake (a date in 1970), with file and line.
    merged : Merged or None
        How the records were merged into contact events (see
        :mod:`contactladder.loading.events`), or None when they were not: then each record is
        one contact, as without merging. When merged, each row of ``contacts`` is one event,
        dated at its start, with ``end``, ``duration`` and ``records`` (attendance sessions:
        NaT, NaT and 0).
    person_codes : (ndarray, ndarray) or None
        The position of each contact's ``person_a`` and ``person_b`` in ``people``'s index, when
        loading knew them without comparing text (None: the network finds them).

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
    attendance: pd.DataFrame = field(default_factory=no_attendance)
    key: bytes = field(default_factory=new_key, repr=False, compare=False)
    key_file: Path | None = None
    warnings: list[str] = field(default_factory=list)
    merged: Merged | None = None
    person_codes: tuple[np.ndarray, np.ndarray] | None = field(
        default=None, repr=False, compare=False
    )


def load(
    path: str | Path,
    *,
    people: str | Path | None = None,
    attendance: str | Path | None = None,
    ladder: str | Path | Ladder | None = None,
    columns: Mapping[str, str | int] | None = None,
    rung: str | None = None,
    time_unit: str | None = None,
    time_origin: str | None = None,
    dayfirst: bool = False,
    monthfirst: bool = False,
    date_format: str | None = None,
    encoding: str | None = None,
    no_header: bool = False,
    skip_rows: int = 0,
    skip_invalid: bool = False,
    key_file: str | Path | None = None,
    wave_dates: Mapping[str, object] | None = None,
    merge_gap: str | pd.Timedelta | None = None,
    directed: bool = False,
) -> Dataset:
    """Read a data folder, or a contacts file with the other files given one by one.

    Parameters
    ----------
    path : folder or file
        A folder with ``contacts.*`` (and optionally ``people.*``, ``attendance.*``,
        ``ladder.toml``; each may be a folder of files, ``contacts/``), or the contacts file
        itself.
    people, attendance : file or folder, optional
        Files that replace the folder's own.
    ladder : file or Ladder, optional
        The ladder, instead of the folder's ``ladder.toml`` or the default ladder.
    columns : mapping, optional
        Column names in the files by the names used here, e.g. ``{"date": "Datum"}``, or their
        positions (``{"date": 1}``, for files without a header); each must be a column of a
        file it may be meant for.
    rung : str, optional
        The rung of every contact without a rung or kind of its own (a level, key or label).
    time_unit, time_origin : str, optional
        Read numeric dates as ``time_origin + value * time_unit`` (unit ``s``, ``ms``, ``min``,
        ``h`` or ``D``; origin an ISO date, 1970-01-01 when not given). Text dates are still
        read as dates.
    dayfirst, monthfirst : bool
        Read dates that fit both orders (``05-03-2024``) day-first or month-first.
    date_format : str, optional
        The exact format of the dates that are not ISO, such as ``%d-%m-%Y %H:%M``.
    encoding : str, optional
        The encoding of the text files, when not UTF-8, UTF-16 or Windows-1252.
    no_header : bool
        The files have no header row; name their columns by position in ``columns``.
    skip_rows : int
        Rows below each file's header that are more header rows, not data.
    skip_invalid : bool
        Set bad rows aside in ``Dataset.rejects`` instead of raising.
    key_file : file, optional
        The private key of the anonymous numbering, instead of the file named by the
        environment variable ``CONTACTLADDER_KEY_FILE`` or the data folder's own
        ``.contactladder-key`` (created on first use; for a contacts file, in its folder).
    wave_dates : mapping, optional
        Wave -> its date, for a long survey table with a ``wave`` column and no ``date``
        (``{"1": "2024-03-01", "2": "2024-09-01"}``); a row of another wave is a bad date.
    merge_gap : str or Timedelta, optional
        Merge the contacts file's records of one pair at most this far apart (``"20s"``, the
        resolution of the SocioPatterns sensors; ``"2min"``) into contact events with a
        duration: each event is then one contact (see :mod:`contactladder.loading.events`).
        None, the default, keeps one contact per record: merging is never guessed, since a
        time of day does not say that records are sensor windows. A ladder with
        ``minutes_per_day`` needs it, and gives each event its pair's rung by daily contact
        time (a contact without a rung of its own is then on the lowest rung until then).
    directed : bool
        Each contact is a report by its ``person_a`` about its ``person_b`` (kept as the
        contact's ``reporter``), as a survey's ``respondent`` column says by its name.

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
        For a ``rung``, ``time_unit``, ``time_origin`` or ``merge_gap`` that cannot be used, a
        ladder with ``minutes_per_day`` without ``merge_gap``, or a data folder without a key
        that cannot be written (give ``key_file``).

    Examples
    --------
    A folder of files, one per session; the self-contact in the second is set aside:

    >>> data = load("tests/data/real/contacts_per_session", skip_invalid=True)
    >>> data.contacts[["person_a", "person_b", "rung"]].values.tolist()
    [['ann', 'bo', 1], ['bo', 'cem', 2], ['ann', 'cem', 2]]
    >>> data.rejects[["line", "reason"]].values.tolist()
    [[3, 'a contact of a person with themself']]
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError("no such file or folder", file=path)
    folder = path if path.is_dir() else path.parent
    contacts_file = find_file(folder, "contacts", required=True) if path.is_dir() else path
    people_file = given_or_found(people, path, "people")
    attendance_file = given_or_found(attendance, path, "attendance")
    the_ladder = data_ladder(ladder, path)

    rejects = Rejects(skip_invalid)
    dates = DateReader(
        time_unit, time_origin, dayfirst=dayfirst, monthfirst=monthfirst, date_format=date_format
    )
    mapping = ColumnMapping(columns)
    reading = Reading(mapping, dates, rejects, encoding, no_header, skip_rows, wave_dates, directed)
    people_table = read_people(people_file, reading) if people_file else None
    known = None if people_table is None else people_table.index
    by_minutes = bool(the_ladder.minutes_thresholds())
    if by_minutes and merge_gap is None:
        raise UsageError(
            "the ladder gives rungs by minutes_per_day of contact time",
            file=the_ladder.source,
            hint="merge the records into contact events with {merge_gap}, such as \"20s\"",
        )
    if by_minutes and rung is None:
        rung = the_ladder.bottom.key
    contacts, codes = read_contacts(contacts_file, reading, the_ladder, rung, known)
    merged = None
    if merge_gap is not None:
        contacts, merged, codes = (*merge_records(contacts, the_ladder, merge_gap), None)
    sessions = no_attendance()
    if attendance_file:
        sessions = read_attendance(attendance_file, reading, known)
        codes = None if len(sessions) else codes
        contacts = pd.concat([contacts, session_contacts(sessions, the_ladder)], ignore_index=True)
        contacts = contacts.fillna({c: "" for c in ("reporter", "wave") if c in contacts})
        if merged is not None:
            contacts["records"] = contacts["records"].fillna(0).astype("int64")
    mapping.check_used()
    if contacts.empty:
        raise InputFileError(
            "no contacts to measure", file=contacts_file, hint=_why_none(rejects, merged)
        )
    if codes is None or not contacts["date"].is_monotonic_increasing:
        contacts, codes = contacts.sort_values("date", kind="stable", ignore_index=True), None
    seen = (contacts["person_a"], contacts["person_b"], sessions["person"])
    people_table = complete_people(people_table, np.concatenate([c.to_numpy() for c in seen]))
    name = folder.resolve().name if path.is_dir() else contacts_file.stem
    key, key_path = private_key(folder, key_file=key_file)
    return Dataset(
        contacts,
        people_table,
        the_ladder,
        name,
        rejects.table(),
        sessions.reset_index(drop=True),
        key,
        key_path,
        rejects.warnings,
        merged,
        _positions(codes, people_table.index),
    )


def _positions(codes: PersonCodes | None, people: pd.Index) -> tuple[np.ndarray, np.ndarray] | None:
    """The position of each contact's two people in the people table, from their codes."""
    if codes is None:
        return None
    place = people.get_indexer(codes.ids)
    return place[codes.a], place[codes.b]


def _why_none(rejects: Rejects, merged: Merged | None) -> str:
    """Why no contact is left, as the hint of the error."""
    if len(rejects.table()):
        return "every row was set aside as invalid"
    if merged is not None and merged.below_lowest_rung:
        return "no pair reached the minutes_per_day of the lowest rung on any day"
    return "the file has a header but no valid rows"


def given_or_found(given: str | Path | None, path: Path, stem: str) -> Path | None:
    """The file the caller gave, else the data folder's own (none when ``path`` is a file)."""
    if given:
        return Path(given)
    return find_file(path, stem) if path.is_dir() else None


def data_ladder(ladder: str | Path | Ladder | None, path: Path) -> Ladder:
    """The ladder given, else the data folder's ``ladder.toml``, else the default ladder."""
    if isinstance(ladder, Ladder):
        return ladder
    if ladder:
        return Ladder.from_file(ladder)
    if path.is_dir() and (path / "ladder.toml").exists():
        return Ladder.from_file(path / "ladder.toml")
    return Ladder.default()


def complete_people(people: pd.DataFrame | None, seen: np.ndarray) -> pd.DataFrame:
    """The people table with its standard columns filled; without one, a table of everyone
    ``seen`` (the ids in the contacts and the attendance)."""
    if people is None:
        people = pd.DataFrame(index=pd.Index(pd.unique(seen)).sort_values())
        people.index.name = "id"
        for column in PEOPLE_COLUMNS:
            people[column] = ""
        people["joined"] = pd.Series(pd.NaT, index=people.index, dtype="datetime64[ns]")
    people["joined"] = pd.to_datetime(people["joined"]).astype("datetime64[ns]")
    return people
