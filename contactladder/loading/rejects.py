"""Checking rows, and what happens to a bad one: one clear error, or set aside with its reason.

Nothing is dropped silently. A bad row (an empty person, an unreadable date, an unknown rung, a
person missing from the people file) raises one :class:`~contactladder.errors.BadValueError`
naming the file, the line, the column and the value, and how many more rows are like it. With
``skip_invalid`` the row is set aside instead, in a rejects table with the columns
:data:`REJECT_COLUMNS`: the file, the line, the column, the value, the reason and the whole row.
What is read but looks like a mistake (a date in 1970) is kept as a warning, with its line.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"id": ["ann", "", "bo"]}, index=[2, 3, 4])
>>> check = RowCheck("people.csv", table, Rejects(skip_invalid=True))
>>> _ = check.required_text("id", "empty id")
>>> check.good().tolist()
[True, False, True]
>>> check.rejects.table()[["line", "reason"]].values.tolist()
[[3, 'empty id']]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from contactladder.errors import literal
from contactladder.loading.dates import PLAUSIBLE_FROM, DateReader, implausible
from contactladder.loading.distinct import per_distinct
from contactladder.loading.first_bad import first_bad

__all__ = ["REJECT_COLUMNS", "Rejects", "RowCheck"]

#: The columns of a rejects table.
REJECT_COLUMNS = ["file", "line", "column", "value", "reason", "row"]


class Rejects:
    """Collects rejected rows; raises at once for the first one unless bad rows are skipped.

    Parameters
    ----------
    skip_invalid : bool
        Set bad rows aside (see :meth:`table`) instead of raising.
    """

    def __init__(self, skip_invalid: bool) -> None:
        self.skip_invalid = skip_invalid
        self.parts: list[pd.DataFrame] = []
        #: Sentences about rows that were read but look like mistakes (with file and line).
        self.warnings: list[str] = []

    def add(
        self,
        path: str | Path,
        table: pd.DataFrame,
        mask: pd.Series,
        column: str,
        problem: str,
        values: pd.Series,
        hint: str | None,
    ) -> None:
        """Reject the rows of ``table`` where ``mask`` holds, for ``problem`` in ``column``.

        Raises
        ------
        BadValueError
            For the first of them, unless bad rows are skipped.
        """
        if not mask.any():
            return
        if not self.skip_invalid:
            more = int(mask.sum()) - 1
            extra = (
                f" ({more} more rows like this; {{skip_invalid}} sets them aside)" if more else ""
            )
            raise first_bad(
                problem, mask, values, file=path, column=column, hint=(hint or "") + extra or None
            )
        rows = table.loc[mask]
        self.parts.append(
            pd.DataFrame(
                {
                    "file": str(path),
                    "line": rows.index,
                    "column": column,
                    "value": values[mask].astype(str).values,
                    "reason": problem,
                    "row": rows.astype(str).agg(",".join, axis=1).values,
                }
            )
        )

    def table(self) -> pd.DataFrame:
        """Every row set aside, by file and line, with :data:`REJECT_COLUMNS`."""
        if not self.parts:
            return pd.DataFrame(columns=REJECT_COLUMNS)
        return pd.concat(self.parts, ignore_index=True).sort_values(
            ["file", "line"], ignore_index=True
        )


class RowCheck:
    """Validates the columns of one file, row by row, and remembers which rows are good.

    A row rejected once is not rejected again for another column: each bad row has one reason,
    the first found.

    Parameters
    ----------
    path : str or Path
        The file, for messages.
    table : DataFrame
        As read (line numbers in the index), columns renamed to the names used here.
    rejects : Rejects
        Where bad rows go.
    """

    def __init__(self, path: str | Path, table: pd.DataFrame, rejects: Rejects) -> None:
        self.path, self.table, self.rejects = path, table, rejects
        self.bad = pd.Series(False, index=table.index)

    def reject(
        self,
        mask: pd.Series,
        column: str,
        problem: str,
        *,
        values: pd.Series | None = None,
        hint: str | None = None,
    ) -> None:
        """Reject the rows where ``mask`` holds (the value shown is ``values``, else the
        column's)."""
        mask = mask & ~self.bad
        values = (
            values
            if values is not None
            else (
                self.table[column]
                if column in self.table
                else pd.Series("", index=self.table.index)
            )
        )
        self.rejects.add(self.path, self.table, mask, column, problem, values, hint)
        self.bad |= mask

    def required_text(self, column: str, problem: str) -> pd.Series:
        """The column's text; an empty cell rejects its row for ``problem``."""
        values = self.table[column]
        self.reject(
            values == "",
            column,
            problem,
            values=pd.Series(None, index=values.index, dtype=object),
            hint=f"fill in {column} on every row",
        )
        return values

    def dates(self, column: str, reader: DateReader, optional: bool = False) -> pd.Series:
        """The column read as dates; an unreadable one (or an empty one, unless ``optional``)
        rejects its row."""
        raw = self.table[column]
        workbook = str(self.path).lower().endswith((".xlsx", ".xlsm"))
        parsed = reader.parse(raw, file=self.path, column=column, workbook=workbook)
        bad = parsed.isna() & ((raw != "") | (not optional))
        self.reject(bad, column, "unparseable date", hint=reader.hint(raw[bad & ~self.bad]))
        odd = implausible(parsed) & ~self.bad
        if odd.any():
            line = int(odd.idxmax())
            more = f" (and {int(odd.sum()) - 1} more)" if odd.sum() > 1 else ""
            self.rejects.warnings.append(
                literal(
                    f"{self.path}, line {line}, column {column!r}: the date {raw[line]!r} is "
                    f"before {PLAUSIBLE_FROM.year} or after next year{more}; is it typed right?"
                )
            )
        return parsed

    def unknown_people(self, ids: pd.Series, column: str, known: pd.Index) -> None:
        """Reject the rows whose person (in ``ids``) is not in ``known``."""
        unknown = per_distinct(ids, lambda distinct: ~distinct.isin(known)).astype(bool)
        self.reject(
            unknown & (ids != ""),
            column,
            "person not in the people file",
            hint="add them to people.csv or correct the id",
        )

    def good(self) -> pd.Series:
        """Whether each row passed every check so far."""
        return ~self.bad
