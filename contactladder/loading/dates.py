"""Reading dates: ISO dates and datetimes, or numbers of a time unit since an origin.

A date is written ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` (any ISO 8601 form), in the years
:data:`FIRST_YEAR` to :data:`LAST_YEAR` (a date outside them cannot be read). An offset from
UTC (``+02:00``, ``Z``, also after a space) is dropped, keeping the clock time where the contact
happened: a coffee morning at ten is at ten, summer or winter. Numeric times (sensor data) are
read only when the caller gives a ``time_unit`` (``s``, ``ms``, ``min``, ``h`` or ``D``),
counted from ``time_origin`` (an ISO date, 1970-01-01 when not given).

Examples
--------
>>> import pandas as pd
>>> DateReader().parse(pd.Series(["2024-03-01", "2024-07-02T10:00+02:00", "soon"])).tolist()
[Timestamp('2024-03-01 00:00:00'), Timestamp('2024-07-02 10:00:00'), NaT]
>>> DateReader("h", "2009-10-01").parse(pd.Series(["25"])).tolist()
[Timestamp('2009-10-02 01:00:00')]
"""

from __future__ import annotations

import pandas as pd

from contactladder.errors import UsageError
from contactladder.loading.distinct import per_distinct

__all__ = ["TIME_UNITS", "FIRST_YEAR", "LAST_YEAR", "DateReader", "parse_iso"]

#: The units a numeric time may count in: seconds, milliseconds, minutes, hours, days.
TIME_UNITS = ("s", "ms", "min", "h", "D")
#: The first and the last year a date may have.
FIRST_YEAR, LAST_YEAR = 1678, 2261
# An offset from UTC after a clock time (also after a space): the clock time is kept.
_UTC_OFFSET = r"(\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*(?:Z|UTC|[+-]\d\d(?::?\d\d)?)$"
_DATE_LIKE = r"^[+-]?\d+-\d\d-\d\d"
_FIRST, _LAST = pd.Timestamp(f"{FIRST_YEAR}-01-01"), pd.Timestamp(f"{LAST_YEAR}-12-31 23:59:59")
_SECONDS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0, "D": 86400.0}


class DateReader:
    """Reads ISO dates and datetimes, or numbers with a unit and an origin when asked.

    Parameters
    ----------
    time_unit : str, optional
        One of :data:`TIME_UNITS`; without it, dates are ISO text.
    time_origin : str, optional
        The moment numbers count from, an ISO date (default 1970-01-01).

    Raises
    ------
    UsageError
        For an unknown unit or an unreadable origin.

    Examples
    --------
    >>> DateReader("weeks")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown time unit 'weeks'; give time_unit as one of s, ms, ...
    """

    def __init__(self, time_unit: str | None = None, time_origin: str | None = None) -> None:
        if time_unit is not None and time_unit not in TIME_UNITS:
            raise UsageError("unknown time unit", value=time_unit,
                             hint="give {time_unit} as one of " + ", ".join(TIME_UNITS))
        self.unit = time_unit
        origin = "1970-01-01" if time_origin is None else time_origin
        try:
            self.origin = pd.Timestamp(origin)
        except (ValueError, TypeError, OverflowError):
            self.origin = pd.NaT
        if self.origin is pd.NaT or not _FIRST <= self.origin.tz_localize(None) <= _LAST:
            raise UsageError("unreadable time origin", value=time_origin,
                             hint="give {time_origin} as an ISO date such as 2009-10-01")
        self.origin = self.origin.tz_localize(None)

    def parse(self, raw: pd.Series) -> pd.Series:
        """The dates of ``raw`` (text) as datetime64, NaT where one cannot be read."""
        if self.unit is not None:
            numbers = pd.to_numeric(raw, errors="coerce").astype("float64")
            seconds = self.origin.timestamp() + numbers * _SECONDS[self.unit]
            fits = seconds.between(_FIRST.timestamp(), _LAST.timestamp())
            return (self.origin + pd.to_timedelta(numbers.where(fits), unit=self.unit)).astype(
                "datetime64[ns]")
        return per_distinct(raw, parse_iso).astype("datetime64[ns]")

    def hint(self, bad: pd.Series | None = None) -> str:
        """How to write a date, for a message about the unreadable values ``bad``.

        >>> print(DateReader().hint(pd.Series(["1254956880"])).replace(", or", ",\\nor"))
        write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM),
        or give {time_unit} to read numbers as times
        """
        if self.unit is not None:
            return f"give a number of {self.unit} since {self.origin.date()}"
        text = "write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM)"
        if bad is not None and bad.astype(str).str.contains(_DATE_LIKE).any():
            text += f" in the years {FIRST_YEAR} to {LAST_YEAR}"
        if bad is not None and len(bad) and pd.to_numeric(bad, errors="coerce").notna().all():
            text += ", or give {time_unit} to read numbers as times"
        return text


def parse_iso(raw: pd.Series) -> pd.Series:
    """ISO dates and datetimes; an offset from UTC is dropped, keeping the local clock time.

    Examples
    --------
    >>> parse_iso(pd.Series(["2024-07-03T09:30Z", "2024-02-30", "2024-01-05 10:00 +01:00",
    ...                      "0001-01-01"])).tolist()
    [Timestamp('2024-07-03 09:30:00'), NaT, Timestamp('2024-01-05 10:00:00'), NaT]
    """
    local = raw.astype(str).str.replace(_UTC_OFFSET, r"\1", regex=True)
    try:
        parsed = pd.to_datetime(local, format="ISO8601", errors="coerce")
    except (ValueError, TypeError, OverflowError):
        # Text that mixes time zones in other ways: read one value at a time.
        parsed = pd.Series([_one_date(text) for text in local], index=raw.index)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_localize(None)
    return parsed.where((parsed >= _FIRST) & (parsed <= _LAST))


def _one_date(text: str) -> pd.Timestamp:
    """One ISO date or datetime, without its time zone; NaT when it cannot be read."""
    try:
        moment = pd.to_datetime(text, format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return moment.tz_localize(None) if moment.tzinfo is not None else moment
