"""Errors that contactladder raises on purpose, and how they read as one line.

Every deliberate error is a :class:`ContactLadderError`. Its message names the file, the line,
the column and the value where they are known, and says what to do. The CLI shows
``Error: <message>`` and exits with status 1, with no traceback (``--debug`` shows it).

Examples
--------
>>> err = BadValueError("unknown rung", file="contacts.csv", line=7, column="rung",
...                     value="vrienden", hint="use a level, key or label of the ladder")
>>> str(err)
"contacts.csv, line 7, column 'rung': unknown rung 'vrienden'; use a level, key or label of the ladder"

Errors speak the library's language: a hint names a parameter as ``{name}``, shown as the
parameter's name (``columns``); the CLI shows its option instead (``--column``) by passing its
table of options to :meth:`ContactLadderError.message`. No module below the CLI knows the CLI.

>>> err = MissingColumnError("no rung column", file="contacts.csv", hint="map one with {columns}")
>>> str(err)
'contacts.csv: no rung column; map one with columns'
>>> err.message(options={"columns": "--column"})
'contacts.csv: no rung column; map one with --column'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "ContactLadderError",
    "InputFileError",
    "MissingColumnError",
    "BadValueError",
    "UsageError",
]


class ContactLadderError(Exception):
    """An error the user can fix, with the place in their input where it is.

    Parameters
    ----------
    problem : str
        What is wrong, in a few words ("unknown rung").
    file, line, column, value :
        Where it is, as far as known. ``line`` counts like a spreadsheet: the header is line 1.
    hint : str
        What to do about it.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: object = None,
        line: int | None = None,
        column: str | None = None,
        value: object = None,
        hint: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = None if file is None else str(file)
        self.line = line
        self.column = column
        self.value = value
        self.hint = hint
        super().__init__(self.message())

    def message(self, options: Mapping[str, str] | None = None) -> str:
        """The one line the user sees, without the ``Error:`` prefix.

        ``options`` maps a parameter's name to what the reader calls it (a CLI option); a
        parameter not in it is shown by its name.
        """
        place = [p for p in (self.file, self.line is not None and f"line {self.line}") if p]
        if self.column is not None:
            place.append(f"column {self.column!r}")
        text = self.problem
        if self.value is not None:
            text += f" {str(self.value)!r}"
        if place:
            text = ", ".join(place) + ": " + text
        if self.hint:
            names = options or {}
            text += "; " + _PARAMETER.sub(lambda m: names.get(m[1], m[1]), self.hint)
        return text


# A parameter named in a hint: {columns}, {time_unit}.
_PARAMETER = re.compile(r"\{(\w+)\}")


class InputFileError(ContactLadderError):
    """A file that cannot be found, opened or parsed."""


class MissingColumnError(ContactLadderError):
    """A required column is not in the file."""


class BadValueError(ContactLadderError):
    """A value in a row that cannot be used: unknown rung, bad date, self-contact, unknown person."""


class UsageError(ContactLadderError):
    """Options or arguments that do not fit the data (an unknown person, a date outside the data)."""
