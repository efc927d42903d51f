"""The error for the first bad row of a column: its file, line, column and value.

Examples
--------
>>> import pandas as pd
>>> error = first_bad("empty id", pd.Series([False, True], index=[2, 3]),
...                   pd.Series(["ann", ""], index=[2, 3]), file="people.csv", column="id")
>>> error.line, error.value
(3, '')
"""

from __future__ import annotations

import pandas as pd

from contactladder.errors import BadValueError

__all__ = ["first_bad"]


def first_bad(
    problem: str,
    mask: pd.Series,
    values: pd.Series,
    *,
    file: object,
    column: str | None,
    hint: str | None = None,
) -> BadValueError:
    """A :class:`~contactladder.errors.BadValueError` for the first line where ``mask`` holds.

    Parameters
    ----------
    problem : str
    mask : Series of bool
        Which rows are bad, indexed by line; at least one is.
    values : Series
        The values of ``column``, with the same index; a missing one is given as None.
    file, column, hint :
        As :class:`~contactladder.errors.BadValueError` takes them.
    """
    line = int(mask.idxmax())
    value = values[line]
    return BadValueError(
        problem,
        file=file,
        line=line,
        column=column,
        value=None if pd.isna(value) else value,
        hint=hint,
    )
