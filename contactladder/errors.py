"""Errors that contactladder raises on purpose, and how they read as one line.

Every deliberate error is a :class:`ContactLadderError`. Its message names the file, the line,
the column and the value where they are known, and says what to do. The CLI shows
``Error: <message>`` and exits with status 1, with no traceback.

Examples
--------
>>> err = BadValueError("unknown rung", file="contacts.csv", line=7, column="rung",
...                     value="vrienden", hint="use a level, key or label")
>>> str(err)
"contacts.csv, line 7, column 'rung': unknown rung 'vrienden'; use a level, key or label"

Errors speak the library's language: a hint names a parameter of the library, never an option
of a command line. In a hint,

- ``{name}`` is the parameter ``name`` (``{time_unit}``);
- ``{name[key]=VALUE}`` is the entry ``key`` of the mapping parameter ``name``
  (``{columns[date]=NAME}``);
- ``{{`` and ``}}`` are braces (text from the data goes in through :func:`literal`).

The library shows a parameter by its name. A caller with other names for the parameters (a
command line) passes its table of names to :meth:`ContactLadderError.message`, and an entry of
a mapping then reads ``<its name> key=VALUE``.

>>> err = MissingColumnError("no column 'person_b'", file="contacts.csv",
...                          hint="name one with {columns[person_b]=NAME}")
>>> str(err)
"contacts.csv: no column 'person_b'; name one with columns={'person_b': NAME}"
>>> err.message(options={"columns": "--column"})
"contacts.csv: no column 'person_b'; name one with --column person_b=NAME"
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
    "OutputError",
    "literal",
    "render_parameters",
    "hint_parameters",
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
        What to do about it; parameters written as ``{name}`` or ``{name[key]=VALUE}`` (see the
        module docstring).

    Examples
    --------
    >>> err = UsageError("unknown time unit", value="weeks", hint="give {time_unit} as s or D")
    >>> str(err), err.value
    ("unknown time unit 'weeks'; give time_unit as s or D", 'weeks')
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

        Parameters
        ----------
        options : mapping, optional
            A parameter's name to what the reader calls it (a command-line option); a parameter
            not in it is shown by its name.

        Examples
        --------
        >>> err = UsageError("no rung", hint="give {rung} for all")
        >>> err.message(), err.message(options={"rung": "--rung"})
        ('no rung; give rung for all', 'no rung; give --rung for all')
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
            text += "; " + render_parameters(self.hint, options)
        return text


class InputFileError(ContactLadderError):
    """A file that cannot be found, opened or parsed."""


class MissingColumnError(ContactLadderError):
    """A required column is not in the file."""


class BadValueError(ContactLadderError):
    """A value in a row that cannot be used: an unknown rung or person, a bad date, a
    self-contact."""


class UsageError(ContactLadderError):
    """Parameters that do not fit the data (an unknown person, a date outside the data)."""


class OutputError(ContactLadderError):
    """An output that cannot be written: a full disk, no permission, a read-only file, or
    another run writing the same output."""


# A brace written twice, or a parameter named in a hint: {columns}, {columns[date]=NAME}.
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\w+)(?:\[(\w+)\]=([^{}]*))?\}")


def render_parameters(text: str, options: Mapping[str, str] | None = None) -> str:
    """``text`` with the parameters it names (see the module docstring) as the reader calls them.

    For text other than an error's hint that names parameters, such as a warning.

    Parameters
    ----------
    text : str
    options : mapping, optional
        A parameter's name to what the reader calls it; a parameter it has no name for (its
        ``get`` gives None) keeps its own.

    Examples
    --------
    >>> render_parameters("choose it with {focal}", {"focal": "--focal"})
    'choose it with --focal'
    """
    names: Mapping[str, str] = {} if options is None else options

    def render(match: re.Match[str]) -> str:
        name, key, value = match.groups()
        if name is None:
            return match[0][0]
        option = names.get(name)
        if key is None:
            return name if option is None else option
        if option is None:
            return f"{name}={{{key!r}: {value}}}"
        return f"{option} {key}={value}"

    return _PLACEHOLDER.sub(render, text)


def literal(text: object) -> str:
    """``text`` as it should read in a hint: braces doubled, so no part of it names a parameter.

    Use it for everything from the data (column names, values, paths) that goes into a hint.

    Examples
    --------
    >>> hint = "the columns are " + literal("'{date}', 'a'")
    >>> str(UsageError("no column", hint=hint))
    "no column; the columns are '{date}', 'a'"
    """
    return str(text).replace("{", "{{").replace("}", "}}")


def hint_parameters(hint: str) -> set[str]:
    """The names of the parameters a hint names.

    Examples
    --------
    >>> sorted(hint_parameters("map one with {columns[rung]=NAME}, or give {rung}; {{x}}"))
    ['columns', 'rung']
    """
    return {match[1] for match in _PLACEHOLDER.finditer(hint) if match[1]}
