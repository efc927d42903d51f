"""Read and validate contacts, people and attendance into tables.

This is the edge where input is checked, once: columns, people, rungs and dates. Everything after
it trusts the :class:`Dataset` it gets. Nothing is dropped silently: a bad row raises one
:class:`~contactladder.errors.ContactLadderError` naming the file, line and value, or, with
``skip_invalid=True``, is set aside in ``Dataset.rejects`` with its reason.

A data folder holds ``contacts.csv`` (or ``.tsv``, ``.xlsx``), and optionally ``people.csv``,
``attendance.csv`` and ``ladder.toml``. Common Dutch column names are accepted (datum,
persoon_a, persoon_b, trede, soort, activiteit, rol, naam, organisatie), and ``columns`` maps
any other name explicitly.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(scratch.name)
>>> _ = (folder / "contacts.csv").write_text("datum;persoon_a;persoon_b;trede\\n"
...                                          "2024-03-01;ann;bo;praten\\n")
>>> data = load(folder)
>>> data.contacts[["person_a", "person_b", "rung"]].values.tolist()
[['ann', 'bo', 2]]
>>> scratch.cleanup()
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.errors import BadValueError, InputFileError, MissingColumnError, UsageError
from contactladder.ladder import Ladder

__all__ = ["Dataset", "load", "describe", "read_table", "positions_in", "ALIASES", "CONTACT_COLUMNS", "REJECT_COLUMNS"]

# Column names as they may appear in a file (compared in lower case), by the name used here.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("datum", "datetime", "tijd"),
    "person_a": ("persoon_a", "person a", "persoon a", "a"),
    "person_b": ("persoon_b", "person b", "persoon b", "b"),
    "rung": ("trede", "level", "niveau"),
    "kind": ("soort", "type"),
    "activity": ("activiteit",),
    "wijk": ("neighbourhood", "neighborhood", "buurt"),
    "note": ("notitie", "opmerking"),
    "source": ("bron",),
    "id": ("person", "persoon"),
    "role": ("rol",),
    "name": ("naam",),
    "organisation": ("organisatie", "organization"),
    "joined": ("sinds", "start", "aangemeld"),
    "person": ("persoon", "deelnemer", "id"),
}
CONTACT_COLUMNS = ["date", "person_a", "person_b", "rung", "activity", "wijk", "note", "source"]
PEOPLE_COLUMNS = ["role", "name", "organisation", "wijk"]
REJECT_COLUMNS = ["file", "line", "column", "value", "reason", "row"]
_UTC_OFFSET = r"(?<=\d)(?:Z|[+-]\d\d:?\d\d)$"
_EXTENSIONS = (".csv", ".tsv", ".xlsx", ".csv.gz", ".tsv.gz", ".txt")


@dataclass
class Dataset:
    """Validated tables, ready to build a network from.

    Attributes
    ----------
    contacts : DataFrame
        One row per contact, sorted by date (rows of one date in file order): ``date`` (datetime64), ``person_a`` < ``person_b``
        (str), ``rung`` (int level), ``activity``, ``wijk``, ``note``, ``source`` (str, "" when
        not given). Sessions from attendance are contacts on the lowest rung with source
        ``attendance``.
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
    """

    contacts: pd.DataFrame
    people: pd.DataFrame
    ladder: Ladder
    name: str
    rejects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECT_COLUMNS))
    attendance: pd.DataFrame = field(default_factory=lambda: _no_attendance())


def load(
    path: str | Path,
    *,
    people: str | Path | None = None,
    attendance: str | Path | None = None,
    ladder: str | Path | Ladder | None = None,
    columns: dict[str, str] | None = None,
    rung: str | None = None,
    time_unit: str | None = None,
    time_origin: str | None = None,
    skip_invalid: bool = False,
) -> Dataset:
    """Read a data folder, or a contacts file with the other files given one by one.

    Parameters
    ----------
    path : folder or file
        A folder with ``contacts.*`` (and optionally ``people.*``, ``attendance.*``,
        ``ladder.toml``), or the contacts file itself.
    people, attendance, ladder : file, optional
        Files that replace the folder's own.
    columns : dict, optional
        Column names in the files by the names used here, e.g. ``{"date": "Datum"}``.
    rung : str, optional
        The rung of every contact, for files without a rung or kind column.
    time_unit, time_origin : str, optional
        Read numeric dates as ``time_origin + value * time_unit`` (unit ``s``, ``ms``, ``min``,
        ``h`` or ``D``; origin an ISO date).
    skip_invalid : bool
        Set bad rows aside in ``Dataset.rejects`` instead of raising.

    Raises
    ------
    ContactLadderError
        For the first problem found, naming file, line and value, when ``skip_invalid`` is off.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError("no such file or folder", file=path)
    folder = path if path.is_dir() else path.parent
    contacts_file = _find(folder, "contacts", required=True) if path.is_dir() else path
    people_file = Path(people) if people else (_find(folder, "people") if path.is_dir() else None)
    attendance_file = (Path(attendance) if attendance
                       else (_find(folder, "attendance") if path.is_dir() else None))
    if isinstance(ladder, Ladder):
        the_ladder = ladder
    elif ladder:
        the_ladder = Ladder.from_file(ladder)
    elif path.is_dir() and (folder / "ladder.toml").exists():
        the_ladder = Ladder.from_file(folder / "ladder.toml")
    else:
        the_ladder = Ladder.default()

    rejects = _Rejects(skip_invalid)
    dates = _DateReader(time_unit, time_origin)
    people_table = _read_people(people_file, columns, dates, rejects) if people_file else None
    known = None if people_table is None else people_table.index
    contacts = _read_contacts(contacts_file, columns, the_ladder, rung, dates, known, rejects)
    sessions = _no_attendance()
    if attendance_file:
        sessions = _read_attendance(attendance_file, columns, dates, known, rejects)
        contacts = pd.concat([contacts, _session_contacts(sessions, the_ladder)], ignore_index=True)
    if contacts.empty:
        raise InputFileError("no contacts to measure", file=contacts_file,
                             hint="the file has a header but no valid rows" if not len(
                                 rejects.table()) else "every row was set aside as invalid")
    contacts = contacts.sort_values("date", kind="stable", ignore_index=True)
    people_table = _complete_people(people_table, contacts, sessions)
    name = folder.resolve().name if path.is_dir() else contacts_file.stem
    return Dataset(contacts, people_table, the_ladder, name, rejects.table(),
                   sessions.reset_index(drop=True))


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV, TSV or XLSX file as text, with spreadsheet line numbers in the index.

    Every cell is text with surrounding spaces removed; an empty cell is ``""``.
    The header is line 1, so the first row has index 2. CSV files may use ``,``, ``;`` or tabs;
    UTF-8 (with or without BOM) and Windows-1252 are read.

    Raises
    ------
    InputFileError
        If the file cannot be found, opened or parsed.
    """
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            table = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            table = _read_delimited(path)
    except FileNotFoundError as exc:
        raise InputFileError("no such file", file=path) from exc
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror or exc})", file=path) from exc
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputFileError(f"cannot read this as a table ({detail})", file=path,
                             hint="save it as CSV (comma, semicolon or tab) or XLSX") from exc
    table = table.apply(_text)
    table.columns = [str(c).strip() for c in table.columns]
    table.index = pd.RangeIndex(2, len(table) + 2)
    return table


# --- reading the three files -------------------------------------------------------------------

def _read_contacts(path, columns, ladder, rung, dates, known, rejects) -> pd.DataFrame:
    table = _standard_columns(read_table(path), path, columns, ("date", "person_a", "person_b"))
    if "rung" not in table and "kind" not in table and rung is None:
        raise MissingColumnError("no 'rung' or 'kind' column", file=path,
                                 hint="add one, map one with --column rung=NAME, "
                                      "or give every contact the same rung with --rung")
    check = _RowCheck(path, table, rejects)
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
        out[column] = table[column] if column in table else ""
    out = out.loc[check.good()]
    swap = out.person_a > out.person_b
    out.loc[swap, ["person_a", "person_b"]] = out.loc[swap, ["person_b", "person_a"]].values
    out["rung"] = out["rung"].astype("int64")
    return out[CONTACT_COLUMNS].reset_index(drop=True)


def _rung_levels(table, check, ladder, rung) -> pd.Series:
    """The rung level of each row, from ``rung``, else ``kind``, else the ``--rung`` option."""
    if rung is not None:
        fixed = ladder.level_of(rung)
        if fixed is None:
            raise UsageError("unknown rung", value=rung, hint=ladder.hint())
        levels = pd.Series(fixed, index=table.index, dtype="float64")
    else:
        levels = pd.Series(float("nan"), index=table.index)
    if "kind" in table:
        kinds = table["kind"]
        levels = _map_unique(kinds, ladder.level_of_kind).fillna(levels)
    if "rung" in table:
        rungs = table["rung"]
        levels = _map_unique(rungs, ladder.level_of).where(rungs != "", levels)
    missing = levels.isna()
    if "rung" in table:
        given = missing & (table["rung"] != "")
        check.reject(given, "rung", "unknown rung", hint=ladder.hint())
        missing &= ~given
    if "kind" in table:
        given = missing & (table["kind"] != "")
        check.reject(given, "kind", "unknown kind",
                     hint=f"add it to the [kinds] table of a ladder file ({ladder.source})")
        missing &= ~given
    check.reject(missing, "rung" if "rung" in table else "kind", "no rung",
                 hint="give a rung or a kind on every row, or --rung for all")
    return levels


def _read_people(path, columns, dates, rejects) -> pd.DataFrame:
    table = _standard_columns(read_table(path), path, columns, ("id",))
    check = _RowCheck(path, table, rejects)
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
        people[column] = people[column] if column in people else ""
    people["joined"] = (check.dates("joined", dates, optional=True).values if "joined" in table
                        else pd.NaT)
    people = people.loc[check.good().values]
    people.index.name = "id"
    return people


def _read_attendance(path, columns, dates, known, rejects) -> pd.DataFrame:
    table = _standard_columns(read_table(path), path, columns, ("date", "activity", "person"))
    check = _RowCheck(path, table, rejects)
    out = pd.DataFrame({"date": check.dates("date", dates),
                        "activity": table["activity"],
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


# --- checking rows -----------------------------------------------------------------------------

class _Rejects:
    """Collects rejected rows; raises at once for the first one unless bad rows are skipped."""

    def __init__(self, skip_invalid: bool) -> None:
        self.skip_invalid = skip_invalid
        self.parts: list[pd.DataFrame] = []

    def add(self, path, table, mask, column, problem, values, hint) -> None:
        if not mask.any():
            return
        if not self.skip_invalid:
            line = int(mask.idxmax())
            more = int(mask.sum()) - 1
            extra = f" ({more} more rows like this; --skip-invalid sets them aside)" if more else ""
            value = None if pd.isna(values[line]) else values[line]
            raise BadValueError(problem, file=path, line=line, column=column, value=value,
                                hint=(hint or "") + extra or None)
        rows = table.loc[mask]
        self.parts.append(pd.DataFrame({
            "file": str(path), "line": rows.index, "column": column,
            "value": values[mask].astype(str).values, "reason": problem,
            "row": rows.astype(str).agg(",".join, axis=1).values}))

    def table(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame(columns=REJECT_COLUMNS)
        return pd.concat(self.parts, ignore_index=True).sort_values(["file", "line"],
                                                                    ignore_index=True)


class _RowCheck:
    """Validates the columns of one file, row by row, and remembers which rows are good."""

    def __init__(self, path: Path, table: pd.DataFrame, rejects: _Rejects) -> None:
        self.path, self.table, self.rejects = path, table, rejects
        self.bad = pd.Series(False, index=table.index)

    def reject(self, mask, column, problem, *, values=None, hint=None) -> None:
        mask = mask & ~self.bad
        values = values if values is not None else (
            self.table[column] if column in self.table else pd.Series("", index=self.table.index))
        self.rejects.add(self.path, self.table, mask, column, problem, values, hint)
        self.bad |= mask

    def required_text(self, column: str, problem: str) -> pd.Series:
        values = self.table[column]
        self.reject(values == "", column, problem, values=pd.Series(None, index=values.index,
                    dtype=object), hint=f"fill in {column} on every row")
        return values

    def dates(self, column: str, reader: "_DateReader", optional: bool = False) -> pd.Series:
        raw = self.table[column]
        parsed = reader.parse(raw)
        bad = parsed.isna() & ((raw != "") | (not optional))
        self.reject(bad, column, "unparseable date", hint=reader.hint())
        return parsed

    def unknown_people(self, ids: pd.Series, column: str, known: pd.Index) -> None:
        unknown = _per_distinct(ids, lambda distinct: ~distinct.isin(known)).astype(bool)
        self.reject(unknown & (ids != ""), column, "person not in the people file",
                    hint="add them to people.csv or correct the id")

    def good(self) -> pd.Series:
        return ~self.bad


class _DateReader:
    """Reads ISO dates and datetimes, or numbers with a unit and an origin when asked."""

    UNITS = ("s", "ms", "min", "h", "D")

    def __init__(self, unit: str | None, origin: str | None) -> None:
        if unit is not None and unit not in self.UNITS:
            raise UsageError("unknown time unit", value=unit,
                             hint="use one of " + ", ".join(self.UNITS))
        self.unit = unit
        try:
            self.origin = pd.Timestamp(origin or "1970-01-01")
        except ValueError as exc:
            raise UsageError("unreadable time origin", value=origin,
                             hint="give an ISO date such as 2009-10-01") from exc

    def parse(self, raw: pd.Series) -> pd.Series:
        if self.unit is not None:
            numbers = pd.to_numeric(raw, errors="coerce")
            return (self.origin + pd.to_timedelta(numbers, unit=self.unit)).astype(
                "datetime64[ns]")
        return _per_distinct(raw, _parse_iso).astype("datetime64[ns]")

    def hint(self) -> str:
        if self.unit is not None:
            return f"give a number of {self.unit} since {self.origin.date()}"
        return "write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM)"


# --- small helpers -----------------------------------------------------------------------------

def _find(folder: Path, stem: str, required: bool = False) -> Path | None:
    for extension in _EXTENSIONS:
        candidate = folder / f"{stem}{extension}"
        if candidate.exists():
            return candidate
    if required:
        raise InputFileError(f"no {stem} file in the folder", file=folder,
                             hint=f"add {stem}.csv (or .tsv, .xlsx) or give the file itself")
    return None


def _read_delimited(path: Path) -> pd.DataFrame:
    """A CSV or TSV file as text, in UTF-8 or else Windows-1252 (as Excel saves it)."""
    try:
        return _read_delimited_as(path, "utf-8-sig")
    except UnicodeDecodeError:
        return _read_delimited_as(path, "cp1252")


def _read_delimited_as(path: Path, encoding: str) -> pd.DataFrame:
    """The separator is the one the header line uses most (tab for .tsv files)."""
    with _open_text(path, encoding) as handle:
        first = handle.readline()
    if not first.strip():
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    tab_only = path.name.lower().endswith((".tsv", ".tsv.gz"))
    sep = "\t" if tab_only else max(("\t", ";", ","), key=first.count)
    return pd.read_csv(path, sep=sep, encoding=encoding, dtype=str, keep_default_na=False,
                       compression="infer")


def _parse_iso(raw: pd.Series) -> pd.Series:
    """ISO dates and datetimes; an offset from UTC is dropped, keeping the clock time where the
    contact happened."""
    local = raw.str.replace(_UTC_OFFSET, "", regex=True)
    return pd.to_datetime(local, format="ISO8601", errors="coerce")


def _open_text(path: Path, encoding: str):
    if path.name.lower().endswith(".gz"):
        import gzip
        return gzip.open(path, "rt", encoding=encoding)
    return open(path, encoding=encoding)


def _standard_columns(table: pd.DataFrame, path: Path, columns: dict[str, str] | None,
                      required: tuple[str, ...]) -> pd.DataFrame:
    """Rename the file's columns to the names used here, and check the required ones are there."""
    lower = {c.lower(): c for c in table.columns}
    renames = {}
    for name, given in (columns or {}).items():
        if given in table.columns:
            renames[given] = name
        elif given.lower() in lower:
            renames[lower[given.lower()]] = name
    for name in (*required, *ALIASES):
        if name in renames.values():
            continue
        for candidate in (name, *ALIASES.get(name, ())):
            original = lower.get(candidate)
            if original is not None and original not in renames:
                renames[original] = name
                break
    table = table.rename(columns=renames)
    for name in required:
        if name not in table.columns:
            explicit = (columns or {}).get(name)
            raise MissingColumnError(f"no column {name!r}" + (
                f" (looked for {explicit!r})" if explicit else ""), file=path,
                hint=f"the columns are {', '.join(map(repr, table.columns))}; name one with "
                     f"--column {name}=NAME")
    return table


def _text(values: pd.Series) -> pd.Series:
    """Text with surrounding spaces removed.

    The tables are read with ``keep_default_na=False``, so an empty cell is already ``""``.
    """
    return _per_distinct(values.astype(str), lambda distinct: distinct.str.strip()).astype(str)


def _map_unique(values: pd.Series, function) -> pd.Series:
    """``function`` of each value, None as NaN."""
    return _per_distinct(values, lambda distinct: distinct.map(function).astype("float64"))


def positions_in(index: pd.Index, values: pd.Series) -> np.ndarray:
    """The position of each value in ``index`` (-1 when missing), looked up once per distinct
    value.

    >>> positions_in(pd.Index(["ann", "bo"]), pd.Series(["bo", "bo", "cem"])).tolist()
    [1, 1, -1]
    """
    return _per_distinct(values, lambda distinct: pd.Series(index.get_indexer(distinct))
                         ).to_numpy(dtype="int64")


def _per_distinct(values: pd.Series, function) -> pd.Series:
    """``function`` (Series to Series) applied to the distinct values only, spread back over all
    rows: a million rows of contacts have few distinct dates, rungs and people."""
    codes, distinct = pd.factorize(values)
    result = function(pd.Series(distinct, dtype=values.dtype)).to_numpy()
    return pd.Series(result[codes], index=values.index)


def describe(data: Dataset, *, focal: str = "parent") -> str:
    """What was read, as lines of text: people by role and wijk, contacts, dates, rungs, warnings.

    >>> import pandas as pd
    >>> from contactladder.ladder import Ladder
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"]), "person_a": ["a"],
    ...     "person_b": ["b"], "rung": [2], "activity": "", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": ["parent", "parent", "parent"], "name": "",
    ...     "organisation": "", "wijk": "", "joined": pd.NaT}, index=["a", "b", "c"])
    >>> print(describe(Dataset(contacts, people, Ladder.default(), "x")))  # doctest: +ELLIPSIS
    Data set: x
    People: 3 (parent 3)
    ...
    Warning: 1 people have no contacts.
    """
    people, contacts = data.people, data.contacts
    roles = people["role"].replace("", "(no role)").value_counts().sort_index()
    lines = [f"Data set: {data.name}",
             f"People: {len(people)} (" + ", ".join(f"{r} {n}" for r, n in roles.items()) + ")"]
    if (people["wijk"] != "").any():
        table = pd.crosstab(people["wijk"].replace("", "(no wijk)"),
                            people["role"].replace("", "(no role)"))
        lines += ["People by wijk and role:", table.to_string()]
    sources = contacts["source"].eq("attendance")
    lines.append(f"Contacts: {len(contacts)} ({int((~sources).sum())} rated, "
                 f"{int(sources.sum())} from attendance)")
    if len(contacts):
        lines.append(f"Dates: {contacts['date'].min().date()} to {contacts['date'].max().date()}")
        used = contacts["rung"].value_counts().sort_index()
        lines.append("Rungs used: " + ", ".join(f"{data.ladder[level].key} {n}"
                                                 for level, n in used.items()))
    if len(data.attendance):
        sizes = data.attendance.groupby([data.attendance["date"].dt.normalize(), "activity"])[
            "person"].transform("nunique")
        lines.append(f"Attendance: {len(data.attendance)} rows; {int((sizes == 1).sum())} of "
                     "them at sessions with no one else (they attended, but met no one there)")
    lines.append(f"Ladder: {data.ladder.source} ({len(data.ladder)} rungs)")
    if len(data.rejects):
        lines.append(f"Set aside: {len(data.rejects)} invalid rows")
    lines += [f"Warning: {w}" for w in _warnings(data, focal)]
    return "\n".join(lines)


def _warnings(data: Dataset, focal: str) -> list[str]:
    people, contacts = data.people, data.contacts
    warnings = []
    if not (people["role"] == focal).any():
        warnings.append(f"no one has the focal role {focal!r}: give roles in a people file, "
                        "or choose the focal role with --focal.")
    seen = set(contacts["person_a"]) | set(contacts["person_b"])
    silent = len(people) - len(seen & set(people.index))
    if silent:
        warnings.append(f"{silent} people have no contacts.")
    if len(contacts):
        late = int((people["joined"] > contacts["date"].max()).sum())
        if late:
            warnings.append(f"{late} people joined after the last contact.")
    return warnings
