"""Durations as people write them (``90d``, ``12w``, ``6m``, ``1y``) and time spans in words.

A *duration* is a number and a unit: ``d`` (days), ``w`` (weeks), ``m`` (months) or ``y``
(years), case-insensitive; it becomes a calendar offset, so ``1m`` before 31 March is 28 February.
A *time span* in words rounds to the unit a reader thinks in: days up to two weeks, weeks up to
two months, months up to two years, then years.

Examples
--------
>>> pd.Timestamp("2025-03-31") - parse_duration("1m")
Timestamp('2025-02-28 00:00:00')
>>> time_span(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-05-03"), "nl")
'4 maanden'
"""

from __future__ import annotations

import re

import pandas as pd

from contactladder.errors import UsageError
from contactladder.words import words

__all__ = ["parse_duration", "time_span"]

_DURATION = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


def parse_duration(value: object, *, name: str = "duration") -> pd.DateOffset:
    """A duration such as ``90d``, ``12w``, ``6m`` or ``1y`` as a calendar offset.

    An int counts days; a :class:`pandas.DateOffset` or :class:`pandas.Timedelta` is taken as it is.

    Raises
    ------
    UsageError
        If ``value`` is none of these; the message starts with ``name``.

    Examples
    --------
    >>> parse_duration("12W") == pd.DateOffset(weeks=12)
    True
    >>> parse_duration("soon", name="fading")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: fading: not a duration 'soon'; write a number and d (days), ...
    """
    if isinstance(value, pd.DateOffset):
        return value
    if isinstance(value, pd.Timedelta):
        return pd.DateOffset(days=value.days)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return pd.DateOffset(days=value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if not match:
        raise UsageError(
            f"{name}: not a duration",
            value=value,
            hint="write a number and d (days), w (weeks), m (months) or y (years), "
            "such as 90d, 12w or 6m",
        )
    return pd.DateOffset(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def time_span(earlier: pd.Timestamp, later: pd.Timestamp, lang: str = "nl") -> str:
    """The time from ``earlier`` to ``later`` in plain words (0 when ``later`` comes first).

    >>> time_span(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-02"), "en")
    '1 day'
    >>> time_span(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01"), "en")
    '4 weeks'
    """
    days = max(int((later - earlier).days), 0)
    if days < 14:
        number, unit = days, "days"
    elif days < 61:
        number, unit = days // 7, "weeks"
    elif days < 730:
        number, unit = round(days / 30.44), "months"
    else:
        number, unit = days // 365, "years"
    return words(lang).count(number, f"weaver.{unit}")
