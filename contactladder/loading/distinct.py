"""Work done once per distinct value, spread back over every row.

A million rows of contacts hold few distinct dates, rungs and people: parsing or looking up each
distinct value once, then spreading the results back by position, is what keeps loading fast.

Examples
--------
>>> import pandas as pd
>>> per_distinct(pd.Series(["b", "a", "b"]), lambda distinct: distinct.str.upper()).tolist()
['B', 'A', 'B']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["per_distinct", "map_distinct", "positions_in"]


def per_distinct(values: pd.Series, function: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``function`` (Series to Series of the same length) applied to the distinct values only.

    Parameters
    ----------
    values : Series
    function : callable
        Takes the distinct values as a Series and returns one result for each.

    Returns
    -------
    Series
        The result for every row, with the index of ``values``.

    Examples
    --------
    >>> per_distinct(pd.Series([3, 1, 3], index=[7, 8, 9]), lambda d: d * 10).to_dict()
    {7: 30, 8: 10, 9: 30}
    """
    codes, distinct = pd.factorize(values)
    result = function(pd.Series(distinct, dtype=values.dtype)).to_numpy()
    return pd.Series(result[codes], index=values.index)


def map_distinct(values: pd.Series, function: Callable[[object], float | None]) -> pd.Series:
    """``function`` of each distinct value (a number or None), as floats with None as NaN.

    Examples
    --------
    >>> map_distinct(pd.Series(["1", "x", "1"]), lambda v: 1 if v == "1" else None).tolist()
    [1.0, nan, 1.0]
    """
    return per_distinct(values, lambda distinct: distinct.map(function).astype("float64"))


def positions_in(index: pd.Index, values: pd.Series) -> np.ndarray:
    """The position of each value in ``index`` (-1 when missing), looked up once per distinct
    value.

    Examples
    --------
    >>> positions_in(pd.Index(["ann", "bo"]), pd.Series(["bo", "bo", "cem"])).tolist()
    [1, 1, -1]
    """
    return per_distinct(values, lambda distinct: pd.Series(index.get_indexer(distinct))).to_numpy(
        dtype="int64"
    )
