"""A contacts file too large for memory, checked and grouped by polars' streaming engine.

A *streamed* read never holds the contacts: polars reads the file in parts and keeps only what
each pass asks for. It takes a delimited UTF-8 file with a header row (quoted or not, any size)
and the people, ladder and date options of :func:`~contactladder.loading.load`.

- The first pass gives the distinct dates, rungs and kinds, each with the line it first
  stands on: the dates are read with the same :class:`~contactladder.loading.dates.DateReader`
  as in memory (so the order of day and month is decided on the same values), the rungs and
  kinds looked up on the same ladder. A bad value is the same error, with the same line, as
  when the file is read into memory. Without a people file another pass finds the people.
- :meth:`StreamedContacts.grouped` is the second pass: each contact's period and people as
  numbers, grouped by period and pair with the highest rung. A row whose person is missing,
  unknown or the other person too is found by a third pass and checked as the in-memory
  reader checks it, for the same message.

Rows are never set aside (``skip_invalid``), and what needs every contact in memory (waves,
reports, merging sensor records, a folder of files) is an error naming the option. The passes
run one after the other: run together, polars would keep the file they share in memory.

Examples
--------
>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> path = Path(scratch.name) / "contacts.csv"
>>> _ = path.write_text("date,person_a,person_b,rung\\n2024-03-01,bo,ann,praten\\n"
...                     "2024-03-20,ann,bo,delen\\n2024-04-02,ann,cem,kennen\\n")
>>> contacts = StreamedContacts.open(path, DateReader(), Ladder.default())
>>> list(contacts.ids), contacts.dates.dt.strftime("%m-%d").tolist()
(['ann', 'bo', 'cem'], ['03-01', '03-20', '04-02'])
>>> period = pd.Series([0, 0, 1], index=["2024-03-01", "2024-03-20", "2024-04-02"])
>>> groups = contacts.grouped(period)
>>> groups.period.tolist(), groups.code_a.tolist(), groups.code_b.tolist(), groups.rung.tolist()
([0, 1], [0, 0], [1, 2], [3, 1])
>>> scratch.cleanup()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from contactladder.errors import InputFileError, MissingColumnError
from contactladder.ladder import Ladder
from contactladder.loading.clean_contacts import rung_levels
from contactladder.loading.coded import compact_periods
from contactladder.loading.columns import FILE_COLUMNS, ColumnMapping
from contactladder.loading.dates import DateReader
from contactladder.loading.files import header_separator
from contactladder.loading.readers import contacts_of_rows, names_respondent
from contactladder.loading.rejects import Rejects, RowCheck

__all__ = ["StreamedContacts", "GroupedRows"]

_PEOPLE = ("person_a", "person_b")
_FIRST_LINE = 2  # the line of the first row: the header is line 1


@dataclass(frozen=True)
class GroupedRows:
    """The contacts grouped by period and pair, sorted by period, then pair: each row's period
    number, its two people as positions in the ids (``code_a < code_b``) and the highest rung
    of its contacts."""

    period: np.ndarray
    code_a: np.ndarray
    code_b: np.ndarray
    rung: np.ndarray


@dataclass(frozen=True)
class StreamedContacts:
    """A contacts file checked on its distinct values (:meth:`open`), ready to be grouped.

    Attributes
    ----------
    path : Path
    ids : pandas.Index
        The people, sorted: those of the people file, else those of the contacts.
    dates : pandas.Series
        Each distinct date text (the index, stripped) read as a date.
    levels : pandas.DataFrame
        Each distinct ``rung`` and ``kind`` text the file has (stripped) and its ``level``.
    warnings : list of str
        Dates that look like mistakes, with the line they first stand on.
    """

    path: Path
    ids: pd.Index
    dates: pd.Series
    levels: pd.DataFrame
    warnings: list[str]
    _frame: pl.LazyFrame
    _known: pd.Index | None
    _rung: str | None
    _ladder: Ladder
    _reader: DateReader
    _spaced_ids: bool = False  # an id of the contacts is written with spaces around it

    @classmethod
    def open(
        cls,
        path: Path,
        reader: DateReader,
        ladder: Ladder,
        *,
        rung: str | None = None,
        known: pd.Index | None = None,
        columns: ColumnMapping | None = None,
    ) -> StreamedContacts:
        """Check the file at ``path`` on its distinct values (``known``: the people file's ids).

        Raises
        ------
        InputFileError, MissingColumnError, BadValueError, UsageError
            As the in-memory reader does, with the line a bad value first stands on.
        """
        frame = _scan(path, columns or ColumnMapping(None))
        given = [name for name in ("rung", "kind") if name in frame.collect_schema()]
        if not given and rung is None:
            raise MissingColumnError(
                "no 'rung' or 'kind' column",
                file=path,
                hint="add one, map one with {columns[rung]=NAME}, "
                "or give every contact the same rung with {rung}",
            )
        numbered = frame.with_row_index("line", offset=_FIRST_LINE)
        (both,) = _collect(path, [_distinct(numbered, ["date", *given])])
        if not both.height:
            raise InputFileError(
                "no contacts to measure", file=path, hint="the file has a header but no valid rows"
            )
        found = [
            _distinct(both.lazy(), ["date"]).collect(),
            _distinct(both.lazy(), given or ["date"]).collect(),
        ]
        if known is None:
            ids = pl.concat([numbered.select(pl.col(c).alias("id"), "line") for c in _PEOPLE])
            found += _collect(path, [_distinct(ids, ["id"])])
        check = RowCheck(path, _table(found[0], ["date"]), Rejects(False))
        dates = check.dates("date", reader)
        dates.index = found[0]["date"].to_list()  # the texts as written, for the join
        pairs = _table(found[1], given)
        levels = rung_levels(pairs, RowCheck(path, pairs, Rejects(False)), ladder, rung)
        rung_table = _as_written(found[1], given).assign(level=levels.to_numpy(dtype="int64"))
        spaced = False
        if known is None:
            written = found[2]["id"].to_numpy().astype(object)
            people = _table(found[2], ["id"])["id"].to_numpy()
            ids = pd.Index(np.unique(people[people != ""]), name="id")
            spaced = bool((written != people).any())
        return cls(
            path,
            known.sort_values() if known is not None else ids,
            dates.sort_values(kind="stable"),
            rung_table if given else pd.DataFrame({"level": [int(levels.iloc[0])]}),
            check.rejects.warnings,
            frame,
            known,
            rung,
            ladder,
            reader,
            spaced,
        )

    def grouped(self, period: pd.Series) -> GroupedRows:
        """The contacts grouped by period and pair (``period``: the period number of each
        distinct date text, as :attr:`dates` has them).

        Raises
        ------
        BadValueError
            For the first row whose person is missing, not in the people file, or the other
            person too (the in-memory reader's message).
        """
        people = pl.DataFrame({"id": self.ids.to_numpy().astype(str)}).with_row_index("code")
        people = people.with_columns(pl.col("code").cast(pl.Int32))
        frame = self._frame.join(
            pl.DataFrame(
                {"date": list(period.index), "period": compact_periods(period.to_numpy())}
            ).lazy(),
            on="date",
        )
        rungs = [c for c in ("rung", "kind") if c in self.levels]
        levels = pl.DataFrame(
            {c: self.levels[c].to_numpy().astype(str) for c in rungs}
            | {"level": self.levels["level"].to_numpy().astype("int8")}
        )
        frame = (
            frame.join(levels.lazy(), on=rungs)
            if rungs
            else frame.with_columns(level=pl.lit(int(self.levels["level"].iloc[0]), dtype=pl.Int8))
        )
        rows = self._grouped_by_codes(frame, people, strip=self._spaced_ids)
        bad = rows["low"].is_null() | (rows["low"] == rows["high"])
        if bad.any() and not self._spaced_ids:  # ids written with spaces around them?
            rows = self._grouped_by_codes(frame, people, strip=True)
            bad = rows["low"].is_null() | (rows["low"] == rows["high"])
        if bad.any():
            self._raise_first_bad_row()
        period = rows["period"].to_numpy()
        order = np.argsort(period, kind="stable")
        return GroupedRows(
            period[order],
            rows["low"].to_numpy()[order],
            rows["high"].to_numpy()[order],
            rows["level"].to_numpy()[order],
        )

    def _grouped_by_codes(
        self, frame: pl.LazyFrame, people: pl.DataFrame, *, strip: bool
    ) -> pl.DataFrame:
        """The rows of ``frame`` (with ``period`` and ``level``) grouped by period and the
        codes of their two people in ``people`` (null for an id not there), in no order."""
        for column, code in zip(_PEOPLE, ("a", "b")):
            if strip:
                frame = frame.with_columns(pl.col(column).str.strip_chars())
            named = people.lazy().rename({"id": column, "code": code})
            frame = frame.join(named, on=column, how="left")
        low, high = pl.min_horizontal("a", "b"), pl.max_horizontal("a", "b")
        grouped = frame.group_by(pl.col("period"), low.alias("low"), high.alias("high"))
        return _collect(self.path, [grouped.agg(pl.col("level").max())])[0]

    def _raise_first_bad_row(self) -> None:
        """Find the first row with a missing, unknown or repeated person and check it as the
        in-memory reader does, which says what is wrong with it."""
        known = pl.Series(self.ids.to_numpy().astype(str))
        a, b = pl.col("person_a"), pl.col("person_b")
        bad = (
            (a == "") | (b == "") | (a == b) | ~a.is_in(known.implode()) | ~b.is_in(known.implode())
        )
        stripped = self._frame.with_columns(pl.col(c).str.strip_chars() for c in _PEOPLE)
        numbered = stripped.with_row_index("line", offset=_FIRST_LINE)
        row = _collect(self.path, [numbered.filter(bad).head(1)])[0]
        table = _table(row, [c for c in row.columns if c != "line"])
        contacts_of_rows(
            self.path,
            table,
            False,
            self._reader,
            self._ladder,
            self._rung,
            self._known,
            Rejects(False),
        )
        raise AssertionError(f"line {table.index[0]} of {self.path} passed its check")


def _scan(path: Path, columns: ColumnMapping) -> pl.LazyFrame:
    """The file as a lazy frame of stripped text, its columns named as used here."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            header = handle.readline()
    except UnicodeDecodeError as exc:
        raise InputFileError(
            "not UTF-8 text", file=path, hint="save the file as UTF-8 to read it streamed"
        ) from exc
    if not header.strip():
        raise InputFileError("the file is empty", file=path, hint="give a header row first")
    separator = header_separator(path, header)
    if len(separator) != 1:
        raise InputFileError(
            "columns apart by spaces", file=path, hint="separate the columns by commas or tabs"
        )
    frame = pl.scan_csv(path, separator=separator, infer_schema=False, encoding="utf8")
    names = frame.collect_schema().names()
    named = columns.apply(pd.DataFrame(columns=names), path, "contacts", ("date", *_PEOPLE))
    used = {old: new for old, new in zip(names, named.columns) if new in FILE_COLUMNS["contacts"]}
    surveys = [c for c in ("reporter", "wave") if c in used.values()]
    if surveys or names_respondent(names, columns):
        raise InputFileError(
            f"a {(surveys or ['respondent'])[0]!r} column",
            file=path,
            hint="read reports and waves into memory: leave out {streamed}",
        )
    return frame.select(pl.col(old).fill_null("").alias(new) for old, new in used.items())


def _distinct(frame: pl.LazyFrame, columns: list[str]) -> pl.LazyFrame:
    """The distinct values of ``columns``, each with the first line it stands on, in order."""
    return frame.group_by(columns).agg(pl.col("line").min()).sort("line")


def _table(found: pl.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Values as a table of stripped text indexed by their line, as a check takes them."""
    table = _as_written(found, columns).set_axis(pd.Index(found["line"].to_numpy(), name="line"))
    return table.apply(lambda column: column.str.strip()) if columns else table


def _as_written(found: pl.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Values as written, a column of text each."""
    return pd.DataFrame({c: found[c].to_numpy().astype(object) for c in columns})


def _collect(path: Path, queries: list[pl.LazyFrame]) -> list[pl.DataFrame]:
    """The queries run by the streaming engine, one after the other (run together, polars
    would keep the file they share in memory); a file polars cannot read is an
    InputFileError."""
    try:
        return [query.collect(engine="streaming") for query in queries]
    except pl.exceptions.PolarsError as exc:
        detail = str(exc).strip().splitlines()[0]
        raise InputFileError(
            "cannot read the file",
            file=path,
            value=detail,
            hint="check that it is delimited UTF-8 text with a header row",
        ) from exc
