"""The contacts of a file whose every row is good, checked once per distinct value.

Most files have no bad row. For them every check of :func:`~contactladder.loading.readers.
read_contacts` is made on the distinct values of a column (see :mod:`~contactladder.loading.
coded`), not on every row: each distinct date is read once (with the same
:class:`~contactladder.loading.dates.DateReader`, so the order of day and month is decided on
the same values), each distinct rung and kind is looked up once, each person once against the
people file. When a check finds anything to say (a bad value, a row to set aside, a warning),
:func:`clean_contacts` gives None and the file is checked row by row, which says it with the
file, line, column and value: the messages come from one place.

Examples
--------
>>> import tempfile
>>> from contactladder.loading.files import read_coded
>>> scratch = tempfile.TemporaryDirectory()
>>> path = Path(scratch.name) / "contacts.csv"
>>> _ = path.write_text("date,person_a,person_b,rung\\n2024-03-01,bo,ann,praten\\n")
>>> table = read_coded(path)
>>> found, codes = clean_contacts(path, table, False, DateReader(), Ladder.default(), None,
...                               None)
>>> found[["person_a", "person_b", "rung"]].values.tolist(), codes.a.tolist(), list(codes.ids)
([['ann', 'bo', 2]], [0], ['ann', 'bo'])
>>> _ = path.write_text("date,person_a,person_b,rung\\n2024-03-01,bo,bo,praten\\n")
>>> clean_contacts(path, read_coded(path), False, DateReader(), Ladder.default(), None, None)
>>> scratch.cleanup()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.errors import ContactLadderError, UsageError, literal
from contactladder.ladder import Ladder
from contactladder.loading.coded import CodedTable
from contactladder.loading.dates import DateReader, implausible
from contactladder.loading.distinct import map_distinct
from contactladder.loading.rejects import Rejects, RowCheck

__all__ = ["clean_contacts", "rung_levels", "PersonCodes"]

_TEXT_COLUMNS = ("activity", "wijk", "note", "source")


@dataclass(frozen=True)
class PersonCodes:
    """Each contact's two people as positions in ``ids``: ``ids[a]`` is the row's
    ``person_a``, ``ids[b]`` its ``person_b``; what loading knew without comparing text, so a
    network need not find every id again."""

    ids: pd.Index
    a: np.ndarray
    b: np.ndarray


def clean_contacts(
    path: Path,
    table: CodedTable,
    respondent: bool,
    dates: DateReader,
    ladder: Ladder,
    rung: str | None,
    known: pd.Index | None,
) -> tuple[pd.DataFrame, PersonCodes] | None:
    """The contacts of one file, as :func:`~contactladder.loading.readers.read_contacts` gives
    a file's part (by date, a date's rows in file order), and their people's codes, when every
    row is good; None when a check has anything to say.

    Parameters
    ----------
    path : Path
        The file, for the dates' messages.
    table : CodedTable
        The file as read, columns renamed to the names used here.
    respondent : bool
        The file's ``person_a`` is a survey's respondent: kept as ``reporter``.
    dates, ladder, rung, known :
        As for ``read_contacts``: how dates are read, the ladder, the ``rung`` of every
        contact, the people of the people file (None when there is none).
    """
    if table.rows == 0 or ("rung" not in table and "kind" not in table and rung is None):
        return None
    try:
        dated = _dates(path, table, dates)
        levels = _levels(path, table, ladder, rung)
    except ContactLadderError:
        return None
    a, b = table["person_a"], table["person_b"]
    ids = pd.Index(pd.unique(np.concatenate([a.values, b.values]))).sort_values()
    if dated is None or ids[0] == "":
        return None
    code_a = ids.get_indexer(a.values)[a.codes]
    code_b = ids.get_indexer(b.values)[b.codes]
    if (code_a == code_b).any() or (known is not None and not ids.isin(known).all()):
        return None
    date_of_value, order = dated
    code_a, code_b = code_a[order], code_b[order]
    codes = PersonCodes(ids, np.minimum(code_a, code_b), np.maximum(code_a, code_b))
    names = ids.to_numpy(dtype=object)
    out = pd.DataFrame(
        {
            "date": date_of_value[table["date"].codes[order]],
            "person_a": _text(names, codes.a),
            "person_b": _text(names, codes.b),
            "rung": levels[order],
        }
    )
    for column in _TEXT_COLUMNS:
        out[column] = (
            _text(table[column].values, table[column].codes[order])
            if column in table
            else _text(np.array([""], dtype=object), np.zeros(table.rows, dtype="int64"))
        )
    if "reporter" in table or respondent:
        reporter = table["reporter" if "reporter" in table else "person_a"]
        out["reporter"] = _text(reporter.values, reporter.codes[order])
    if "wave" in table:
        out["wave"] = _text(table["wave"].values, table["wave"].codes[order])
    return out, codes


def _text(values: np.ndarray, codes: np.ndarray) -> pd.Series:
    """The text of every row, from its code."""
    return pd.Series(values[codes], dtype=str)


def _dates(
    path: Path, table: CodedTable, reader: DateReader
) -> tuple[np.ndarray, np.ndarray] | None:
    """The date of each distinct text of the column, read once (at the line it first stands
    on), and the order of the rows by date (a date's rows in file order); None when a date
    cannot be read or looks like a mistake."""
    column = table["date"]
    text = pd.Series(column.values, index=table.index[column.first_rows()], dtype=str)
    workbook = str(path).lower().endswith((".xlsx", ".xlsm"))
    parsed = reader.parse(text, file=path, column="date", workbook=workbook)
    if parsed.isna().any() or implausible(parsed).any():
        return None
    distinct, rank = np.unique(parsed.to_numpy(dtype="datetime64[ns]"), return_inverse=True)
    # Ranks of few distinct dates sort as 16-bit numbers: a radix sort, stable.
    small = "uint16" if len(distinct) <= np.iinfo("uint16").max else "int64"
    order = np.argsort(rank.astype(small)[column.codes], kind="stable")
    return distinct[rank], order


def _levels(path: Path, table: CodedTable, ladder: Ladder, rung: str | None) -> np.ndarray:
    """The rung level of every row, from each distinct pair of ``rung`` and ``kind`` once.

    Raises
    ------
    ContactLadderError
        When a row has no rung (as :func:`rung_levels` says it).
    """
    given = [name for name in ("rung", "kind") if name in table]
    key = np.zeros(table.rows, dtype="int64")
    sizes = [len(table[name].values) for name in given]
    for name, size in zip(given, sizes, strict=True):
        key = key * size + table[name].codes
    distinct, inverse = _distinct(key, int(np.prod(sizes)))
    pairs = pd.DataFrame(index=pd.RangeIndex(len(distinct)))
    rest = distinct
    for name, size in reversed(list(zip(given, sizes, strict=True))):
        pairs[name] = pd.Series(table[name].values[rest % size], dtype=str)
        rest = rest // size
    levels = rung_levels(pairs, RowCheck(path, pairs, Rejects(False)), ladder, rung)
    return levels.to_numpy(dtype="int64")[inverse]


def _distinct(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys (of ``0 .. size - 1``) in order, and the position of each row's."""
    if size > 4 * len(key):
        return np.unique(key, return_inverse=True)
    seen = np.bincount(key, minlength=size) > 0
    return np.flatnonzero(seen), (np.cumsum(seen) - 1)[key]


def rung_levels(
    table: pd.DataFrame, check: RowCheck, ladder: Ladder, rung: str | None
) -> pd.Series:
    """The rung level of each row, from ``rung``, else ``kind``, else the ``rung`` parameter.

    A row without one is rejected through ``check`` (its level stays NaN).

    Raises
    ------
    UsageError
        For a ``rung`` parameter that is not a rung of the ladder.

    Examples
    --------
    >>> table = pd.DataFrame({"rung": ["praten", ""]}, index=[2, 3])
    >>> rung_levels(table, RowCheck("c.csv", table, Rejects(True)), Ladder.default(),
    ...             "kennen").tolist()
    [2.0, 1.0]
    """
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
        check.reject(
            given,
            "kind",
            "unknown kind",
            hint=f"add it to the [kinds] table of a ladder file ({literal(ladder.source)})",
        )
        missing &= ~given
    check.reject(
        missing,
        "rung" if "rung" in table else "kind",
        "no rung",
        hint="give a rung or a kind on every row, or {rung} for all",
    )
    return levels
