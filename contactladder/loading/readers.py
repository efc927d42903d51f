"""Reading the three files of a data folder into checked tables: contacts, people, attendance.

Each file may be one file or a folder of files (one per day or session), read as one table with
the file name in every message. The rows are checked once here (see
:mod:`~contactladder.loading.rejects`): a bad row is one clear error or set aside.

A *contact* is one dated event between two people on a rung of the ladder, given as ``rung``
(a level, key or label) or as ``kind`` (mapped to a rung by the ladder file's ``kinds`` table).
A survey report (a ``respondent`` naming an ``alter``) is a contact too, with the respondent kept
as its ``reporter``. People at the same *session* of an activity (one activity on one date) have
met: each pair of them gets a contact on the lowest rung, with source ``attendance``. A role is
kept as its canonical key (``Ouders`` is ``parent``, see :mod:`contactladder.words.roles`).

Examples
--------
>>> import tempfile
>>> from contactladder.loading.dates import DateReader, parse_written_date
>>> scratch = tempfile.TemporaryDirectory()
>>> path = Path(scratch.name) / "people.csv"
>>> _ = path.write_text("id,rol\\nann,Ouder\\nbo,prof\\n")
>>> reading = Reading(ColumnMapping(None), DateReader(), Rejects(False))
>>> read_people(path, reading)["role"].to_dict()
{'ann': 'parent', 'bo': 'professional'}
>>> scratch.cleanup()
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from contactladder.errors import BadValueError, MissingColumnError, UsageError, literal
from contactladder.ladder import Ladder
from contactladder.loading.clean_contacts import PersonCodes, clean_contacts, rung_levels
from contactladder.loading.coded import CodedTable
from contactladder.loading.columns import CONTACT_COLUMNS, PEOPLE_COLUMNS, ColumnMapping
from contactladder.loading.dates import DateReader, parse_written_date
from contactladder.loading.distinct import per_distinct
from contactladder.loading.files import data_files, read_coded
from contactladder.loading.rejects import Rejects, RowCheck
from contactladder.words.roles import role_in_data

__all__ = [
    "Reading",
    "SURVEY_COLUMNS",
    "read_contacts",
    "contacts_of_rows",
    "names_respondent",
    "read_people",
    "read_attendance",
    "no_attendance",
    "session_contacts",
]

#: The columns of survey reports kept in the contacts when a file has them.
SURVEY_COLUMNS = ["reporter", "wave"]
# A file's person_a column named so holds the respondent of a survey: the reporter.
_RESPONDENT = ("respondent", "ego")


@dataclass(frozen=True)
class Reading:
    """How the files of one load are read: the column mapping, the dates, where bad rows go, and
    the shape of the files (see :func:`~contactladder.loading.files.read_table`)."""

    mapping: ColumnMapping
    dates: DateReader
    rejects: Rejects
    encoding: str | None = None
    no_header: bool = False
    skip_rows: int = 0
    wave_dates: Mapping[str, object] | None = None
    directed: bool = False

    def tables(
        self, path: Path, role: str, required: tuple[str, ...]
    ) -> list[tuple[Path, CodedTable, bool]]:
        """Each file of ``path`` with its columns renamed, and whether it names a respondent."""
        found = []
        for file in data_files(path):
            coded = read_coded(
                file,
                role=role,
                encoding=self.encoding,
                no_header=self.no_header,
                skip_rows=self.skip_rows,
            )
            header = pd.DataFrame(columns=list(coded))
            respondent = self.directed or names_respondent(header.columns, self.mapping)
            named = self.mapping.apply(
                header, file, role, tuple(c for c in required if c != "date")
            )
            table = coded.renamed(list(named.columns))
            if "date" in required and "date" not in table:
                if "wave" not in table:
                    self.mapping.apply(header, file, role, required)  # says that date is missing
                table = CodedTable.from_frame(self._dated(table.frame(), file))
            found.append((file, table, respondent))
        return found

    def _dated(self, table: pd.DataFrame, file: Path) -> pd.DataFrame:
        """A table of waves without dates, each row dated by its wave (``wave_dates``), as a
        long survey table gives them (``respondent, alter, rung, wave``).

        Raises
        ------
        MissingColumnError
            When no date is given for the waves.
        """
        if not self.wave_dates:
            raise MissingColumnError(
                "no column 'date', only waves",
                file=file,
                hint="give the date of each wave with {wave_dates[1]=YYYY-MM-DD}",
            )
        days = {str(wave).strip(): _wave_day(wave, day) for wave, day in self.wave_dates.items()}
        return table.assign(date=table["wave"].map(lambda w: days.get(str(w).strip(), "")))


def names_respondent(columns: Iterable, mapping: ColumnMapping) -> bool:
    """Whether a contacts file's header names its ``person_a`` a survey's respondent (``ego``):
    each row is then a report by that person (unless ``columns`` maps ``person_a`` itself).

    >>> names_respondent(["Respondent", "alter", "date"], ColumnMapping(None))
    True
    """
    return any(str(c).strip().lower() in _RESPONDENT for c in columns) and (
        "person_a" not in mapping.columns
    )


def read_contacts(
    path: Path, reading: Reading, ladder: Ladder, rung: str | None, known: pd.Index | None
) -> tuple[pd.DataFrame, PersonCodes | None]:
    """The contacts of ``path`` (a file or a folder of files), :data:`CONTACT_COLUMNS` and the
    :data:`SURVEY_COLUMNS` a file has, ``person_a < person_b``; file by file, each by date (the
    rows of a date in file order); and, for one file whose every row is good, its people's
    codes (None otherwise).

    A file whose every row is good is checked on its distinct values (see
    :func:`~contactladder.loading.clean_contacts.clean_contacts`); any other is checked row by
    row, for its messages or the rows set aside.
    """
    parts: list[pd.DataFrame] = []
    codes: list[PersonCodes | None] = []
    for file, coded, respondent in reading.tables(
        path, "contacts", ("date", "person_a", "person_b")
    ):
        found = clean_contacts(file, coded, respondent, reading.dates, ladder, rung, known)
        if found is None:
            part = contacts_of_rows(
                file, coded.frame(), respondent, reading.dates, ladder, rung, known, reading.rejects
            ).sort_values("date", kind="stable", ignore_index=True)
        parts.append(part if found is None else found[0])
        codes.append(None if found is None else found[1])
    contacts = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    extra = [c for c in SURVEY_COLUMNS if c in contacts]
    contacts[extra] = contacts[extra].fillna("")
    return contacts[CONTACT_COLUMNS + extra], codes[0] if len(codes) == 1 else None


def contacts_of_rows(
    path: Path,
    table: pd.DataFrame,
    respondent: bool,
    dates: DateReader,
    ladder: Ladder,
    rung: str | None,
    known: pd.Index | None,
    rejects: Rejects,
) -> pd.DataFrame:
    """The contacts of one file's ``table`` (line numbers in its index) checked row by row:
    each bad row is rejected through ``rejects`` with its file, line, column and value (with
    ``skip_invalid`` off the first raises), the others kept, ``person_a < person_b``."""
    if "rung" not in table and "kind" not in table and rung is None:
        raise MissingColumnError(
            "no 'rung' or 'kind' column",
            file=path,
            hint="add one, map one with {columns[rung]=NAME}, "
            "or give every contact the same rung with {rung}",
        )
    check = RowCheck(path, table, rejects)
    out = pd.DataFrame(index=table.index)
    out["date"] = check.dates("date", dates)
    for column in ("person_a", "person_b"):
        out[column] = check.required_text(column, "empty person")
    check.reject(
        (out.person_a == out.person_b) & (out.person_a != ""),
        "person_a",
        "a contact of a person with themself",
        hint="person_a and person_b must differ",
    )
    out["rung"] = rung_levels(table, check, ladder, rung)
    if known is not None:
        for column in ("person_a", "person_b"):
            check.unknown_people(out[column], column, known)
    for column in ("activity", "wijk", "note", "source"):
        out[column] = table.get(column, "")
    if "reporter" in table or respondent:
        out["reporter"] = table["reporter"] if "reporter" in table else out["person_a"]
    if "wave" in table:
        out["wave"] = table["wave"]
    out = out.loc[check.good()]
    swap = out.person_a > out.person_b
    out.loc[swap, ["person_a", "person_b"]] = out.loc[swap, ["person_b", "person_a"]].values
    out["rung"] = out["rung"].astype("int64")
    return out.reset_index(drop=True)


def read_people(path: Path, reading: Reading) -> pd.DataFrame:
    """The people of ``path`` (a file or a folder of files), indexed by ``id``, each once."""
    parts: list[pd.DataFrame] = []
    seen: list[tuple[Path, pd.Series]] = []
    for file, coded, _ in reading.tables(path, "people", ("id",)):
        table = coded.frame()
        check = RowCheck(file, table, reading.rejects)
        ids = check.required_text("id", "empty id")
        _check_once(ids[ids != ""], file, seen)
        people = table.drop(columns=["id"]).copy()
        people.index = ids
        for column in PEOPLE_COLUMNS:
            people[column] = people.get(column, "")
        people["role"] = per_distinct(
            people["role"].astype(str), lambda distinct: distinct.map(role_in_data)
        )
        people["joined"] = (
            check.dates("joined", reading.dates, optional=True).values
            if "joined" in table
            else pd.NaT
        )
        parts.append(people.loc[check.good().values])
    people = pd.concat(parts).fillna("") if len(parts) > 1 else parts[0]
    people.index.name = "id"
    return people


def _check_once(ids: pd.Series, file: Path, seen: list[tuple[Path, pd.Series]]) -> None:
    """Raise for the first line whose id stands on an earlier line (of this file or of one
    read before, in ``seen``: each file's ids by line); else add this file's ids to ``seen``."""
    before = pd.concat([earlier for _, earlier in seen]) if seen else ids.iloc[:0]
    again = ids.duplicated() | ids.isin(before)
    if again.any():
        line = int(again.idxmax())
        person = ids[line]
        first = next(
            (
                (path, int(earlier.index[earlier == person][0]))
                for path, earlier in seen
                if (earlier == person).any()
            ),
            (file, int(ids.index[(ids == person).to_numpy().argmax()])),
        )
        raise BadValueError(
            "duplicate person id",
            file=file,
            line=line,
            column="id",
            value=person,
            hint=f"it is also on line {first[1]}"
            + (f" of {literal(first[0].name)}" if first[0] != file else "")
            + "; give each person one row",
        )
    seen.append((file, ids))


def read_attendance(path: Path, reading: Reading, known: pd.Index | None) -> pd.DataFrame:
    """The attendance rows of ``path`` (a file or a folder of files): date, activity, person."""
    parts = []
    for file, coded, _ in reading.tables(path, "attendance", ("date", "activity", "person")):
        table = coded.frame()
        check = RowCheck(file, table, reading.rejects)
        out = pd.DataFrame(
            {
                "date": check.dates("date", reading.dates),
                "activity": check.required_text("activity", "empty activity"),
                "person": check.required_text("person", "empty person"),
            }
        )
        if known is not None:
            check.unknown_people(out["person"], "person", known)
        parts.append(out.loc[check.good()])
    return pd.concat(parts, ignore_index=True)


def no_attendance() -> pd.DataFrame:
    """An attendance table without rows."""
    return pd.DataFrame(
        {
            "date": pd.Series(dtype="datetime64[ns]"),
            "activity": pd.Series(dtype=str),
            "person": pd.Series(dtype=str),
        }
    )


def session_contacts(sessions: pd.DataFrame, ladder: Ladder) -> pd.DataFrame:
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


def _wave_day(wave: object, day: object) -> str:
    """The date given for a wave (``YYYY-MM-DD`` or ``DD-MM-YYYY``, as on the command line),
    as ISO text.

    Raises
    ------
    UsageError
        For a date that is not written so.
    """
    moment = parse_written_date(str(day))
    if moment is pd.NaT:
        raise UsageError(
            "not a date",
            value=str(day),
            hint=f"write the date of wave {literal(wave)} in {{wave_dates}} as "
            "YYYY-MM-DD or DD-MM-YYYY",
        )
    return (
        moment.strftime("%Y-%m-%d %H:%M:%S")
        if moment != moment.normalize()
        else moment.strftime("%Y-%m-%d")
    )
