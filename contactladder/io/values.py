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
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from contactladder.words import LIST_SEPARATOR, attribute_text

__all__ = [
    "LIST_SEPARATOR",
    "as_text",
    "escaped_cells",
    "date_text",
    "datetime_text",
    "has_time",
    "iso_columns",
    "is_missing",
    "iso_texts",
    "made_once",
    "xml_attribute",
    "xml_safe",
    "xml_text",
]

# What an attribute value escapes beyond ``& < >``, as ElementTree writes it.
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def has_time(dates: pd.Series) -> bool:
    """Whether any date has a time of day other than midnight.

    >>> has_time(pd.Series([pd.Timestamp("2024-01-05"), pd.Timestamp("2024-01-06 10:00")]))
    True
    """
    dates = pd.to_datetime(dates).dropna()
    return bool((dates != dates.dt.normalize()).any())


def is_missing(value: object) -> bool:
    """Whether a cell is missing: None, NaN, NaT or pandas' NA (a list or tuple never is).

    >>> is_missing(float("nan")), is_missing(pd.NaT), is_missing(""), is_missing(())
    (True, True, False, False)
    """
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


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
            table[column] = iso_texts(table[column], with_time=has_time(table[column]))
    return table


def iso_texts(dates: pd.Series | np.ndarray, *, with_time: bool) -> np.ndarray:
    """Many dates at once as :func:`datetime_text` (``with_time``) or :func:`date_text` gives
    each: an array of text, "" where a date is missing.

    >>> iso_texts(pd.Series(pd.to_datetime(["2024-01-05 09:30", None])), with_time=True)
    array(['2024-01-05T09:30:00', ''], dtype=object)
    """
    moments = np.asarray(dates, dtype="datetime64[ns]")
    codes, distinct = pd.factorize(moments.view(np.int64))  # each distinct moment made once
    made = np.datetime_as_string(distinct.view("datetime64[ns]"), unit="s" if with_time else "D")
    text = made.astype(object)
    text[np.isnat(distinct.view("datetime64[ns]"))] = ""
    return text[codes] if len(codes) else np.array([], dtype=object)


def as_text(value: object) -> str:
    """A value as text: lists joined by " | ", and None, NaN and NaT read as empty."""
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(map(str, value))
    return attribute_text(value)


def xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """``text`` escaped as the text of an element: ``& < >`` as entities, as ElementTree
    writes it.

    >>> xml_text("Koffie & <Koters>")
    'Koffie &amp; &lt;Koters&gt;'
    """
    return escape(text)


def xml_attribute(text: str) -> str:
    """``text`` escaped as an attribute value between double quotes, as ElementTree writes
    it: ``& < > "`` as entities, and the line ends and tabs as character references (so
    that they survive reading).

    >>> xml_attribute('Zuid "Oost"\\tB&B')
    'Zuid &quot;Oost&quot;&#09;B&amp;B'
    """
    return escape(text, _ATTRIBUTE_ENTITIES)


def escaped_cells(cells: Iterable[object], escape: Callable[[str], str]) -> list[str]:
    """Each cell as :func:`as_text` gives it, :func:`xml_safe`, then ``escape``-d: worked out
    once per distinct cell (:func:`made_once`), so that a column of many rows and few values
    costs a dictionary look-up per row.

    >>> escaped_cells(["B&B", 3, None, "B&B"], xml_text)
    ['B&amp;B', '3', '', 'B&amp;B']
    """
    return made_once(cells, lambda cell: escape(xml_safe(as_text(cell))))


def made_once(cells: Iterable[object], make: Callable[[object], str]) -> list[str]:
    """``make`` of each cell, worked out once per distinct cell (of one type: ``1`` is not
    ``True``); a cell that cannot be a key (a list) is made each time.

    >>> made_once([" a", 1, True, " a"], as_text)
    ['a', '1', 'True', 'a']
    """
    done: dict[tuple[type, object], str] = {}
    texts = []
    for cell in cells:
        key = (type(cell), cell)
        try:
            text = done[key]
        except KeyError:
            text = done[key] = make(cell)
        except TypeError:  # a cell that cannot be a key (a list)
            text = make(cell)
        texts.append(text)
    return texts
