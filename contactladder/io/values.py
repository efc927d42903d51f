"""Values as files hold them: dates as ISO text, lists as joined text, text that XML can hold.

Definitions used by every writer of the network (tables, GraphML, GEXF):

- a column *has a time* when any of its dates has a time of day other than midnight; its dates
  are then written with the time (``2024-01-05T09:30:00``), else as dates (``2024-01-05``);
- a missing value (None, NaN, NaT) is written as empty text;
- text loses the control characters that XML 1.0 cannot hold, even escaped;
- a list or tuple (the activities of a tie) is its items joined by
  :data:`~contactladder.words.LIST_SEPARATOR`, ``" | "``, which is no CSV dialect's separator
  (``,`` nor ``;``).

Examples
--------
>>> import pandas as pd
>>> date_text(pd.Timestamp("2024-01-05 09:30")), datetime_text(pd.Timestamp("2024-01-05"))
('2024-01-05', '2024-01-05T00:00:00')
>>> as_text(("peutergym", "taalplezier")), as_text(None), xml_safe("Anna\\x07")
('peutergym | taalplezier', '', 'Anna')
"""

from __future__ import annotations

import re

import pandas as pd

from contactladder.words import LIST_SEPARATOR, attribute_text

__all__ = [
    "LIST_SEPARATOR",
    "as_text",
    "date_text",
    "datetime_text",
    "has_time",
    "iso_columns",
    "xml_safe",
]

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def has_time(dates: pd.Series) -> bool:
    """Whether any date has a time of day other than midnight.

    >>> has_time(pd.Series([pd.Timestamp("2024-01-05"), pd.Timestamp("2024-01-06 10:00")]))
    True
    """
    dates = pd.to_datetime(dates).dropna()
    return bool((dates != dates.dt.normalize()).any())


def date_text(moment: object) -> str:
    """The date of ``moment`` as ``YYYY-MM-DD``; "" when missing."""
    return "" if pd.isna(moment) else pd.Timestamp(moment).strftime("%Y-%m-%d")


def datetime_text(moment: object) -> str:
    """``moment`` as ``YYYY-MM-DDTHH:MM:SS``; "" when missing."""
    return "" if pd.isna(moment) else pd.Timestamp(moment).strftime("%Y-%m-%dT%H:%M:%S")


def iso_columns(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with every date column as ISO text: dates alone, or with the time where any has one.

    >>> table = pd.DataFrame({"joined": pd.to_datetime(["2024-01-05", None])})
    >>> iso_columns(table)["joined"].tolist()
    ['2024-01-05', '']
    """
    table = table.copy()
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            text = datetime_text if has_time(table[column]) else date_text
            table[column] = table[column].map(text)
    return table


def as_text(value: object) -> str:
    """A value as text: lists joined by " | ", and None, NaN and NaT read as empty."""
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(map(str, value))
    return attribute_text(value)


def xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return _NOT_XML.sub("", text)
