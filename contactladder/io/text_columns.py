"""Documents made a column at a time: each cell's text worked out once per distinct value, the
elements of many rows joined by polars, in batches that are written one after the other.

Definitions:

- a *text column* (:func:`text_column`) is a table column as the text a writer puts in its
  document: whole numbers as Python writes them, true/false as the writer names them, any
  other cell as :func:`~contactladder.io.values.as_text` gives it, without the characters XML
  cannot hold (:func:`~contactladder.io.values.xml_safe`), then escaped; each distinct cell is
  made once, so that a column of many rows and few values costs a look-up per row;
- an *element* (:func:`joined`) is literal text and the columns of one row put one after the
  other (polars' ``concat_str``); a *line if given* (:func:`line_if`) is one that is left out
  where its value is empty;
- a *batch* (:func:`batch_bounds`) is the rows of up to :data:`BATCH` elements whose text is
  made and written at once: a document is never whole in memory.

Examples
--------
>>> import pandas as pd
>>> from contactladder.io.values import xml_text
>>> text_column(pd.Series(["B&B", None, "B&B"]), xml_text).to_list()
['B&amp;B', '', 'B&amp;B']
>>> frame = pl.DataFrame({"id": ["n1", "n2"], "wijk": ["Dieze", ""]})
>>> element = joined("<n id=", pl.col("id"), line_if(pl.col("wijk"), " wijk=", pl.col("wijk")))
>>> frame.select(element).to_series().to_list()
['<n id=n1 wijk=Dieze', '<n id=n2']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import polars as pl

from contactladder.io.values import escaped_cells

__all__ = ["BATCH", "batch_bounds", "batch_bytes", "iso_column", "joined", "line_if", "text_column"]

#: Elements per batch of a document.
BATCH = 5_000
# Text that is its own text in every document: letters, digits and punctuation that no writer
# escapes, not starting or ending with a space (the rest is made by escaped_cells).
_SIGN = r"A-Za-z0-9_.,:;()/+=@#%!?*~|\-"
_PLAIN = rf"^(?:[{_SIGN}](?:[ {_SIGN}]*[{_SIGN}])?)?$"


def text_column(
    values: pd.Series,
    escape: Callable[[str], str],
    *,
    booleans: tuple[str, str] = ("False", "True"),
) -> pl.Series:
    """The cells of ``values`` as the text of a document (see the module): whole numbers as
    digits, true and false as ``booleans`` (false, true), anything else escaped text; each
    distinct cell made once. ``escape`` must leave letters, digits, spaces and the punctuation
    ``_.,:;()/+=@#%!?*~|-`` as they are (text of those alone is not passed to it).

    >>> from contactladder.io.values import xml_attribute
    >>> text_column(pd.Series([True, False]), xml_attribute, booleans=("no", "yes")).to_list()
    ['yes', 'no']
    >>> text_column(pd.Series([3, 12]), xml_attribute).to_list()
    ['3', '12']
    """
    if pd.api.types.is_bool_dtype(values):
        return pl.Series(np.where(values.to_numpy(dtype=bool), booleans[1], booleans[0]))
    if pd.api.types.is_integer_dtype(values) and not values.isna().any():
        return pl.Series(values.to_numpy(dtype=np.int64)).cast(pl.String)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        return pl.Series(escaped_cells(values.tolist(), escape), dtype=pl.String)
    codes, distinct = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    texts = pl.Series(
        [cell if isinstance(cell, str) else None for cell in distinct], dtype=pl.String
    )
    plain = texts.str.contains(_PLAIN).fill_null(False).to_numpy()
    made = texts.to_numpy().astype(object)
    made[~plain] = escaped_cells(list(distinct[~plain]), escape)
    return pl.Series(made, dtype=pl.String).gather(codes)


def iso_column(dates: pd.Series | np.ndarray, *, with_time: bool) -> pl.Series:
    """The dates as :func:`~contactladder.io.values.iso_texts` gives them, as a text column:
    ``YYYY-MM-DD`` or (``with_time``) ``YYYY-MM-DDTHH:MM:SS``, "" where a date is missing.

    >>> iso_column(pd.to_datetime(["2024-01-05 09:30", None]), with_time=True).to_list()
    ['2024-01-05T09:30:00', '']
    """
    moments = pl.Series(np.asarray(dates, dtype="datetime64[ns]"))
    form = "%Y-%m-%dT%H:%M:%S" if with_time else "%Y-%m-%d"
    return moments.dt.strftime(form).fill_null("")


def joined(*parts: str | pl.Expr, ignore_nulls: bool = False) -> pl.Expr:
    """An element: the ``parts`` (literal text, or expressions of text) one after the other;
    null where a part is, unless ``ignore_nulls`` (then a null part is left out)."""
    return pl.concat_str(
        [pl.lit(part) if isinstance(part, str) else part for part in parts],
        ignore_nulls=ignore_nulls,
    )


def line_if(value: pl.Expr, *parts: str | pl.Expr) -> pl.Expr:
    """:func:`joined` ``parts`` where ``value`` is not empty text, else empty text."""
    return pl.when(value != "").then(joined(*parts)).otherwise(pl.lit(""))


def batch_bounds(rows: int, size: int = BATCH) -> list[tuple[int, int]]:
    """``(start, stop)`` of each batch of up to ``size`` rows.

    >>> batch_bounds(5, 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    return [(start, min(start + size, rows)) for start in range(0, rows, size)]


def batch_bytes(frame: pl.DataFrame, element: pl.Expr) -> bytes:
    """The ``element`` of each row of ``frame``, one after the other, as UTF-8.

    >>> batch_bytes(pl.DataFrame({"n": [1, 2]}), joined("<", pl.col("n").cast(pl.String), ">"))
    b'<1><2>'
    """
    if not len(frame):
        return b""
    text = frame.select(element.str.join("").cast(pl.Binary)).item()
    return bytes(text)
