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
"""

from __future__ import annotations

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

    def message(self) -> str:
        """The one line the user sees, without the ``Error:`` prefix."""
        place = [p for p in (self.file, self.line is not None and f"line {self.line}") if p]
        if self.column is not None:
            place.append(f"column {self.column!r}")
        text = self.problem
        if self.value is not None:
            text += f" {str(self.value)!r}"
        if place:
            text = ", ".join(place) + ": " + text
        if self.hint:
            text += f"; {self.hint}"
        return text


class InputFileError(ContactLadderError):
    """A file that cannot be found, opened or parsed."""


class MissingColumnError(ContactLadderError):
    """A required column is not in the file."""


class BadValueError(ContactLadderError):
    """A value in a row that cannot be used: unknown rung, bad date, self-contact, unknown person."""


class UsageError(ContactLadderError):
    """Options or arguments that do not fit the data (an unknown person, a date outside the data)."""
