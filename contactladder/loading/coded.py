"""A table read as text, kept as integer codes into each column's distinct values.

A million rows of contacts hold few distinct dates, rungs, activities and people. Reading a file
keeps each column as a :class:`CodedColumn`: one integer code per row and the column's distinct
values, each stripped of surrounding spaces once (so ``" ann"`` and ``"ann"`` are one value).
Checking a column is then a look at its distinct values, and the text of every row is made only
for the columns a caller keeps (:meth:`CodedTable.frame`).

Definitions: a column's *values* are its distinct texts after stripping, in the order of the row
each first stands on; an empty cell is ``""``; ``values[codes]`` is the column's text, row by row.

Examples
--------
>>> import numpy as np
>>> column = coded_column(np.array([" ann", "bo", None, "ann "], dtype=object))
>>> column.values.tolist(), column.codes.tolist()
(['ann', 'bo', ''], [0, 1, 2, 0])
>>> table = CodedTable({"id": column}, pd.RangeIndex(2, 6))
>>> table.frame().to_dict("index")[5]
{'id': 'ann'}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "sorted_distinct",
    "CodedColumn",
    "CodedTable",
    "coded_column",
    "coded_chunks",
    "stripped_column",
    "compact_periods",
    "first_of_each",
]


@dataclass(frozen=True)
class CodedColumn:
    """One column: ``codes`` (int64, one per row) into ``values`` (distinct stripped text)."""

    codes: np.ndarray
    values: np.ndarray

    def text(self) -> np.ndarray:
        """The text of every row (an object array).

        >>> coded_column(np.array(["a", "b", "a"], dtype=object)).text().tolist()
        ['a', 'b', 'a']
        """
        return self.values[self.codes]

    def rows_from(self, first: int) -> CodedColumn:
        """The column without its first ``first`` rows (and the values only they had).

        >>> coded_column(np.array(["id", "a", "b"], dtype=object)).rows_from(1).values.tolist()
        ['a', 'b']
        """
        codes = self.codes[first:]
        present = np.bincount(codes, minlength=len(self.values)) > 0
        if present.all():
            return CodedColumn(codes, self.values)
        return CodedColumn((np.cumsum(present) - 1)[codes], self.values[present])

    def first_rows(self) -> np.ndarray:
        """The row each value first stands on, in the order of ``values``.

        >>> coded_column(np.array(["a", "b", "a", "c"], dtype=object)).first_rows().tolist()
        [0, 1, 3]
        """
        first = np.empty(len(self.values), dtype="int64")
        rows = np.arange(len(self.codes))
        first[self.codes[::-1]] = rows[::-1]  # of a code given many rows, the last given stays
        return first


def coded_column(raw: np.ndarray) -> CodedColumn:
    """A column of cells (text, or None/NaN for a missing one) as codes into its distinct
    values, each stripped once; a missing cell is ``""``."""
    return stripped_column(*pd.factorize(raw, use_na_sentinel=True))


def coded_chunks(chunks: Iterable[pd.DataFrame]) -> CodedTable:
    """The rows of ``chunks`` (parts of one table, read one after the other, with the same
    columns) as one table, each part coded as it comes; columns named by position (``"0"``,
    ``"1"``, ...), rows counted from 0.

    >>> parts = [pd.DataFrame([["a", " x"]]), pd.DataFrame([["b", "x"], ["a", None]])]
    >>> table = coded_chunks(parts)
    >>> table["0"].text().tolist(), table["1"].text().tolist(), table.rows
    (['a', 'b', 'a'], ['x', 'x', ''], 3)
    """
    parts: list[list[tuple[np.ndarray, np.ndarray]]] = []
    rows = 0
    for chunk in chunks:
        parts.append(
            [pd.factorize(chunk[c].to_numpy(dtype=object), use_na_sentinel=True) for c in chunk]
        )
        rows += len(chunk)
    width = len(parts[0]) if parts else 0
    return CodedTable(
        {str(n): _merged([part[n] for part in parts]) for n in range(width)}, pd.RangeIndex(rows)
    )


def _merged(parts: list[tuple[np.ndarray, np.ndarray]]) -> CodedColumn:
    """One column from the codes and distinct cells of its parts, in order."""
    if len(parts) == 1:
        return stripped_column(*parts[0])
    recode, distinct = pd.factorize(np.concatenate([cells for _, cells in parts]))
    offsets = np.cumsum([0] + [len(cells) for _, cells in parts])
    codes = [
        np.where(part >= 0, recode[np.maximum(part, 0) + offset], -1)
        for (part, _), offset in zip(parts, offsets, strict=False)
    ]
    return stripped_column(np.concatenate(codes), distinct)


def stripped_column(codes: np.ndarray, distinct: np.ndarray) -> CodedColumn:
    """Codes into ``distinct`` (-1 for a missing cell) as codes into the stripped values.

    >>> stripped_column(np.array([0, 1, -1]), np.array(["a ", "a"], dtype=object)).codes
    array([0, 0, 1])
    """
    stripped = [str(value).strip() for value in distinct]
    missing = np.flatnonzero(codes < 0)
    if len(missing):  # "" where the first missing cell stands, in the order of first rows
        place = int(codes[: missing[0]].max(initial=-1)) + 1
        stripped.insert(place, "")
        codes = np.where(codes >= place, codes + 1, codes)
        codes[missing] = place
    recode, values = pd.factorize(np.array(stripped, dtype=object))
    return CodedColumn(recode[codes].astype("int64"), np.asarray(values, dtype=object))


class CodedTable(Mapping[str, CodedColumn]):
    """The columns of one table by name, with the line numbers of its rows.

    Parameters
    ----------
    columns : mapping of str to CodedColumn
        In the order of the file.
    index : Index
        The line number of each row, as a spreadsheet shows it.
    """

    def __init__(self, columns: Mapping[str, CodedColumn], index: pd.Index) -> None:
        self.columns = dict(columns)
        self.index = index

    def __getitem__(self, name: str) -> CodedColumn:
        return self.columns[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    @property
    def rows(self) -> int:
        """The number of rows."""
        return len(self.index)

    def renamed(self, names: list[str]) -> CodedTable:
        """The same columns under ``names`` (one for each, in order)."""
        return CodedTable(dict(zip(names, self.columns.values(), strict=True)), self.index)

    def frame(self) -> pd.DataFrame:
        """The table as text: every cell a str, ``""`` when empty; the lines as index."""
        return pd.DataFrame(
            {
                name: pd.Series(column.text(), index=self.index, dtype=str)
                for name, column in self.columns.items()
            },
            index=self.index,
            columns=list(self.columns),
        )

    @classmethod
    def from_frame(cls, table: pd.DataFrame) -> CodedTable:
        """A table of text (as :meth:`frame` gives it) coded again.

        >>> CodedTable.from_frame(pd.DataFrame({"a": ["x", "x"]}, index=[2, 3]))["a"].codes
        array([0, 0])
        """
        return cls(
            {name: coded_column(table[name].to_numpy(dtype=object)) for name in table}, table.index
        )


def compact_periods(numbers: np.ndarray) -> np.ndarray:
    """Period numbers (0, 1, ...) in 16 bits when they fit (two years of days do), else 32:
    the grouped rows of a large data set are as many as its ties.

    >>> compact_periods(np.array([0, 731])).dtype, compact_periods(np.array([40_000])).dtype
    (dtype('int16'), dtype('int32'))
    """
    return numbers.astype(np.int16 if numbers.max(initial=0) < 2**15 else np.int32)


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array, sorted: ``np.unique(values)``, found by
    sorting. (numpy 2.3 and later find them by hashing first, which takes seconds for a
    million values of which many are distinct; a sort takes milliseconds.)

    >>> sorted_distinct(np.array([7, 3, 7, 5])).tolist()
    [3, 5, 7]
    """
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def first_of_each(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``keys`` in the order each first stands, and the row where each first does.

    >>> [part.tolist() for part in first_of_each(np.array([7, 3, 7, 5]))]
    [[0, 1, 0, 2], [0, 1, 3]]
    """
    codes, _ = pd.factorize(keys)
    first = np.empty(codes.max(initial=-1) + 1, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # of many rows, the first stays
    return codes, first
