"""Reading dates: as people write them, or as numbers of a time unit since an origin.

A date may be written

- ISO: ``2024-03-05``, ``2024-03-05 09:30``, ``2024-03-05T09:30+01:00`` (any ISO 8601 form); an
  offset from UTC (``+02:00``, ``Z``, also after a space) is dropped, keeping the clock time where
  the contact happened: a coffee morning at ten is at ten, summer or winter;
- day and month first, as Dutch Excel and Google Forms write them: ``5-3-2024``, ``05-03-2024``,
  ``5/3/2024``, ``5.3.2024``, with a time ``5-3-2024 09:30`` or ``5-3-2024 9:30:12`` (the
  ``Tijdstempel`` of Google Forms); or month first (``3/5/2024``), as American tools write them;
- in a workbook, as a date cell or an Excel serial number (days since 1899-12-30, ``45356``).

The order of day and month is decided once for the whole column, from its values: ``13-03-2024``
can only be day-first, ``03-13-2024`` only month-first. A column whose every value fits both
orders (``05-03-2024``) is read day-first with ``dayfirst``, month-first with ``monthfirst``, or
with an exact ``date_format`` (``%d-%m-%Y``); otherwise it is one clear error that shows a value
and its two readings. Nothing is guessed. Years run from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

Numeric times (sensor data) are read only when the caller gives a ``time_unit`` (``s``, ``ms``,
``min``, ``h`` or ``D``), counted from ``time_origin`` (an ISO date, 1970-01-01 when not given);
text dates in the same file (``joined`` in the people file) are still read as dates. Without a
unit, a column of numbers is one clear error that names ``time_unit``.

A date before :data:`PLAUSIBLE_FROM` or after next year is read, but it is likely a mistake:
:func:`implausible` finds them, and :func:`~contactladder.loading.describe` warns about them.

Examples
--------
>>> import pandas as pd
>>> DateReader().parse(pd.Series(["2024-03-01", "2024-07-02T10:00+02:00", "soon"])).tolist()
[Timestamp('2024-03-01 00:00:00'), Timestamp('2024-07-02 10:00:00'), NaT]
>>> DateReader().parse(pd.Series(["13-3-2024", "5-3-2024 9:30:12"])).tolist()
[Timestamp('2024-03-13 00:00:00'), Timestamp('2024-03-05 09:30:12')]
>>> DateReader(dayfirst=True).parse(pd.Series(["05/03/2024"])).tolist()
[Timestamp('2024-03-05 00:00:00')]
>>> DateReader("h", "2009-10-01").parse(pd.Series(["25"])).tolist()
[Timestamp('2009-10-02 01:00:00')]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from contactladder.errors import BadValueError, UsageError, literal
from contactladder.loading.first_bad import first_bad

__all__ = [
    "TIME_UNITS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "PLAUSIBLE_FROM",
    "DateReader",
    "parse_iso",
    "parse_written_date",
    "implausible",
]

#: The units a numeric time may count in: seconds, milliseconds, minutes, hours, days.
TIME_UNITS = ("s", "ms", "min", "h", "D")
#: The first and the last year a date may have.
FIRST_YEAR, LAST_YEAR = 1678, 2261
#: Dates before this one are read, but warned about (as are dates after next year).
PLAUSIBLE_FROM = pd.Timestamp("1990-01-01")
# An offset from UTC after a clock time (also after a space): the clock time is kept.
_UTC_OFFSET = r"(\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*(?:Z|UTC|[+-]\d\d(?::?\d\d)?)$"
_DATE_LIKE = r"^[+-]?\d+-\d\d-\d\d"
_ISO = r"^\d\d\d\d-\d\d?-\d\d?(?:$|[T ]\d)"
_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
# Day (or month), month (or day), year, and an optional clock time.
_WRITTEN = (
    r"^(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<year>\d\d\d\d)"
    r"(?:[ T]+(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?:[:.](?P<second>\d\d))?)?$"
)
_FIRST, _LAST = pd.Timestamp(f"{FIRST_YEAR}-01-01"), pd.Timestamp(f"{LAST_YEAR}-12-31 23:59:59")
_SECONDS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0, "D": 86400.0}
# Excel's day 0, and the last serial number read as a date (31 December 2199).
_EXCEL_EPOCH, _EXCEL_LAST = pd.Timestamp("1899-12-30"), 109574
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SETTLE = "give {dayfirst} or {monthfirst} (or {date_format}, such as %d-%m-%Y)"


class DateReader:
    """Reads the dates of a column: as written, or numbers with a unit and an origin when asked.

    Parameters
    ----------
    time_unit : str, optional
        One of :data:`TIME_UNITS`: numbers are read as that many units since ``time_origin``.
    time_origin : str, optional
        The moment numbers count from, an ISO date (default 1970-01-01).
    dayfirst, monthfirst : bool
        Read dates such as ``05-03-2024`` day-first (5 March) or month-first (3 May).
    date_format : str, optional
        The exact format of the dates that are not ISO (``%d-%m-%Y %H:%M``), as for
        :meth:`datetime.datetime.strptime`.

    Raises
    ------
    UsageError
        For an unknown unit, an unreadable origin, or both ``dayfirst`` and ``monthfirst``.

    Examples
    --------
    >>> DateReader("weeks")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.UsageError: unknown time unit 'weeks'; give time_unit as one of s, ms, ...
    """

    def __init__(
        self,
        time_unit: str | None = None,
        time_origin: str | None = None,
        *,
        dayfirst: bool = False,
        monthfirst: bool = False,
        date_format: str | None = None,
    ) -> None:
        if time_unit is not None and time_unit not in TIME_UNITS:
            raise UsageError(
                "unknown time unit",
                value=time_unit,
                hint="give {time_unit} as one of " + ", ".join(TIME_UNITS),
            )
        if dayfirst and monthfirst:
            raise UsageError(
                "dates cannot be day-first and month-first at once",
                hint="give {dayfirst} or {monthfirst}, not both",
            )
        if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
            raise UsageError(
                "not a date format",
                value=date_format,
                hint="give {date_format} with codes such as %d-%m-%Y %H:%M",
            )
        self.unit = time_unit
        self.order = "day" if dayfirst else "month" if monthfirst else None
        self.date_format = date_format
        origin = "1970-01-01" if time_origin is None else time_origin
        try:
            self.origin = pd.Timestamp(origin)
        except (ValueError, TypeError, OverflowError):
            self.origin = pd.NaT
        if self.origin is pd.NaT or not _FIRST <= self.origin.tz_localize(None) <= _LAST:
            raise UsageError(
                "unreadable time origin",
                value=time_origin,
                hint="give {time_origin} as an ISO date such as 2009-10-01",
            )
        self.origin = self.origin.tz_localize(None)

    def parse(
        self,
        raw: pd.Series,
        *,
        file: object = None,
        column: str | None = None,
        workbook: bool = False,
    ) -> pd.Series:
        """The dates of ``raw`` (text, line numbers in the index) as datetime64, NaT where one
        cannot be read.

        Parameters
        ----------
        raw : Series of str
        file, column : optional
            Where the values are, for the messages.
        workbook : bool
            The values come from a workbook: numbers there are Excel serial dates.

        Raises
        ------
        BadValueError
            For a column of numbers without a ``time_unit``, a column whose dates read two ways
            (day-first and month-first) when the caller did not say which, and a column that
            mixes the two orders.
        """
        codes, distinct = pd.factorize(raw.astype(str))
        # Each distinct value once, indexed by the line it first stands on (for the messages).
        first = np.unique(codes, return_index=True)[1]
        text = pd.Series(distinct, index=raw.index[first], dtype=str)
        parsed = self._parse_distinct(text, file, column, workbook)
        return pd.Series(parsed.to_numpy()[codes], index=raw.index, dtype="datetime64[ns]")

    def _parse_distinct(
        self, text: pd.Series, file: object, column: str | None, workbook: bool
    ) -> pd.Series:
        numeric = text.str.match(_NUMBER).astype(bool)
        if self.unit is not None:
            numbers = pd.to_numeric(text.where(numeric), errors="coerce").astype("float64")
            seconds = self.origin.timestamp() + numbers * _SECONDS[self.unit]
            fits = seconds.between(_FIRST.timestamp(), _LAST.timestamp())
            counted = self.origin + pd.to_timedelta(numbers.where(fits), unit=self.unit)
            return counted.astype("datetime64[ns]").where(
                numeric, self._calendar(text, file, column)
            )
        if numeric.any() and workbook:
            days = pd.to_numeric(text.where(numeric), errors="coerce")
            if days.between(1, _EXCEL_LAST).where(numeric, True).all():
                serial = (_EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.round("s")
                return serial.astype("datetime64[ns]").where(
                    numeric, self._calendar(text, file, column)
                )
        filled = text != ""
        if numeric.any() and numeric[filled].all():
            raise first_bad(
                "numbers, not dates",
                numeric,
                text,
                file=file,
                column=column,
                hint="write dates as YYYY-MM-DD, or give {time_unit} to read numbers as times",
            )
        return self._calendar(text, file, column)

    def _calendar(self, text: pd.Series, file: object, column: str | None) -> pd.Series:
        """ISO dates, and dates written day and month first in the order of the column."""
        iso = text.str.match(_ISO).astype(bool)
        parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
        if iso.any():
            parsed[iso] = parse_iso(text[iso]).astype("datetime64[ns]")
        rest = text[~iso & (text != "")]
        if rest.empty:
            return parsed
        if self.date_format is not None:
            parsed[rest.index] = self._formatted(rest).astype("datetime64[ns]")
            return parsed
        parts = rest.str.extract(_WRITTEN)
        written = parts["a"].notna()
        if written.any():
            order = self.order or _column_order(parts[written], file, column)
            parsed[written[written].index] = _from_parts(parts[written], order)
        return parsed

    def _formatted(self, distinct: pd.Series) -> pd.Series:
        found = pd.to_datetime(distinct, format=self.date_format, errors="coerce")
        return found.where((found >= _FIRST) & (found <= _LAST))

    def hint(self, bad: pd.Series | None = None) -> str:
        """How to write a date, for a message about the unreadable values ``bad``.

        >>> print(DateReader().hint(pd.Series(["1254956880"])).replace(", or", ",\\nor"))
        write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM),
        or give {time_unit} to read numbers as times
        """
        if self.unit is not None:
            return f"give a number of {self.unit} since {self.origin.date()}"
        if self.date_format is not None:
            return (
                f"write dates as {literal(self.date_format)} or YYYY-MM-DD, or correct "
                "{date_format}"
            )
        text = "write dates as YYYY-MM-DD (or YYYY-MM-DD HH:MM)"
        if bad is not None and bad.astype(str).str.contains(_DATE_LIKE).any():
            text += f" in the years {FIRST_YEAR} to {LAST_YEAR}"
        if bad is not None and len(bad) and pd.to_numeric(bad, errors="coerce").notna().all():
            text += ", or give {time_unit} to read numbers as times"
        return text


def _column_order(parts: pd.DataFrame, file: object, column: str | None) -> str:
    """``day`` or ``month``: the one order that fits every written date of the column.

    Raises
    ------
    BadValueError
        If both orders fit every value (naming one value and its two readings), or neither does.
    """
    first, second = parts["a"].astype(int), parts["b"].astype(int)
    day_fits, month_fits = bool((second <= 12).all()), bool((first <= 12).all())
    if day_fits != month_fits:
        return "day" if day_fits else "month"
    if day_fits:
        differ = first != second
        line = int(differ.idxmax()) if differ.any() else int(first.index[0])
        a, b, year = int(first[line]), int(second[line]), parts.at[line, "year"]
        hint = (
            f"day-first it is {a} {_MONTHS[b - 1]} {year}, month-first "
            f"{b} {_MONTHS[a - 1]} {year}; {_SETTLE}"
        )
        raise _order_error("dates that read two ways", parts, line, file, column, hint)
    day_line, month_line = int((first > 12).idxmax()), int((second > 12).idxmax())
    hint = (
        f"this one is month-first, line {day_line} ({literal(_joined(parts, day_line))}) "
        "day-first; write them all one way, or " + _SETTLE + " to set the others aside"
    )
    raise _order_error("dates in two orders", parts, month_line, file, column, hint)


def _order_error(
    problem: str, parts: pd.DataFrame, line: int, file: object, column: str | None, hint: str
) -> BadValueError:
    """The error for the written date on ``line``, given as it was written."""
    return BadValueError(
        problem, file=file, line=line, column=column, value=_joined(parts, line), hint=hint
    )


def _joined(parts: pd.DataFrame, line: int) -> str:
    return "-".join(str(parts.at[line, key]) for key in ("a", "b", "year"))


def _from_parts(parts: pd.DataFrame, order: str) -> pd.Series:
    """Timestamps from the written parts, day-first or month-first; NaT for an impossible one."""
    day, month = ("a", "b") if order == "day" else ("b", "a")
    numbers = (
        pd.DataFrame(
            {
                "year": parts["year"],
                "month": parts[month],
                "day": parts[day],
                "hour": parts["hour"],
                "minute": parts["minute"],
                "second": parts["second"],
            }
        )
        .apply(pd.to_numeric)
        .fillna(0)
        .astype(int)
    )
    numbers = numbers.where(numbers["year"].between(FIRST_YEAR, LAST_YEAR - 1), other=0)
    found = pd.to_datetime(numbers, errors="coerce")
    return found.astype("datetime64[ns]")


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


def parse_written_date(text: str) -> pd.Timestamp:
    """One date as given by a person: ``YYYY-MM-DD`` (any ISO form) or ``DD-MM-YYYY``, with an
    optional time; NaT for anything else. ``09-11-2026`` is 9 November.

    >>> parse_written_date("09-11-2026"), parse_written_date("2026-11-09 10:00")
    (Timestamp('2026-11-09 00:00:00'), Timestamp('2026-11-09 10:00:00'))
    >>> parse_written_date("11/09/2026"), parse_written_date("2026")
    (NaT, NaT)
    """
    text = str(text).strip()
    if pd.Series([text]).str.match(_ISO)[0]:
        return parse_iso(pd.Series([text]))[0]
    parts = pd.Series([text]).str.extract(_WRITTEN)
    if parts["a"].isna()[0] or "-" not in text.split()[0]:
        return pd.NaT
    return _from_parts(parts, "day")[0]


def implausible(dates: pd.Series, today: pd.Timestamp | None = None) -> pd.Series:
    """Whether each date is before :data:`PLAUSIBLE_FROM` or after next year (likely a typing
    mistake or a wrong ``time_origin``); NaT is not.

    >>> implausible(pd.Series(pd.to_datetime(["1970-01-01", "2024-03-05", "2099-01-01"])),
    ...             today=pd.Timestamp("2026-12-01")).tolist()
    [True, False, True]
    """
    today = pd.Timestamp.now() if today is None else today
    last = pd.Timestamp(year=today.year + 2, month=1, day=1)
    return (dates < PLAUSIBLE_FROM) | (dates >= last)


def _one_date(text: str) -> pd.Timestamp:
    """One ISO date or datetime, without its time zone; NaT when it cannot be read."""
    try:
        moment = pd.to_datetime(text, format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return moment.tz_localize(None) if moment.tzinfo is not None else moment
