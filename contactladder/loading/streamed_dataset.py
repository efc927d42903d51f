"""A data folder whose contacts file is too large for memory: its people, attendance and
ladder read as :func:`~contactladder.loading.load` reads them, its contacts checked for a
streamed read (:mod:`contactladder.loading.streamed`).

Examples
--------
>>> data, contacts = load_streamed("data/zwolle-demo")
>>> len(data.people) > 100, len(data.attendance) > 0, contacts.path.name
(True, True, 'contacts.csv')
>>> load_streamed("data/zwolle-demo", skip_invalid=True)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
contactladder.errors.UsageError: this option needs the contacts in memory; leave out ...
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from contactladder.errors import InputFileError, UsageError
from contactladder.ladder import Ladder
from contactladder.loading.columns import ColumnMapping
from contactladder.loading.dataset import (
    Dataset,
    complete_people,
    data_ladder,
    given_or_found,
    load,
)
from contactladder.loading.dates import DateReader
from contactladder.loading.files import find_file
from contactladder.loading.readers import (
    Reading,
    no_attendance,
    read_attendance,
    read_people,
    session_contacts,
)
from contactladder.loading.rejects import Rejects
from contactladder.loading.streamed import StreamedContacts

__all__ = ["load_streamed"]

#: The options of :func:`~contactladder.loading.load`, each of which a streamed read takes or
#: refuses by name.
_LOAD_OPTIONS = frozenset(inspect.signature(load).parameters) - {"path"}


def load_streamed(
    path: str | Path,
    *,
    people: str | Path | None = None,
    attendance: str | Path | None = None,
    ladder: str | Path | Ladder | None = None,
    columns: Mapping[str, str | int] | None = None,
    rung: str | None = None,
    time_unit: str | None = None,
    time_origin: str | None = None,
    dayfirst: bool = False,
    monthfirst: bool = False,
    date_format: str | None = None,
    **in_memory: Any,
) -> tuple[Dataset, StreamedContacts]:
    """The people, attendance and ladder of a data folder (or a contacts file), as
    :func:`~contactladder.loading.load` reads them, and its contacts file checked for a
    streamed read; the data set's ``contacts`` are only those of the attendance's sessions.

    ``in_memory``: the other options of :func:`~contactladder.loading.load`, which need every
    contact in memory; each must be left at its default (``key_file`` may be given: a
    streamed read numbers no one).

    Raises
    ------
    UsageError
        For an option a streamed read does not take.
    InputFileError, MissingColumnError, BadValueError
        As :func:`~contactladder.loading.load` raises them.
    """
    for name, value in in_memory.items():
        if name not in _LOAD_OPTIONS:
            raise TypeError(f"load_streamed() got an unexpected keyword argument {name!r}")
        if value and name != "key_file":
            raise UsageError(
                "this option needs the contacts in memory",
                hint="leave out {" + name + "}, or leave out {streamed}",  # name: of load
            )
    path = Path(path)
    if not path.exists():
        raise InputFileError("no such file or folder", file=path)
    contacts_file = find_file(path, "contacts", required=True) if path.is_dir() else path
    if contacts_file.is_dir():
        raise UsageError(
            "a streamed read takes one contacts file, not a folder",
            file=contacts_file,
            hint="leave out {streamed} to read a folder of files",
        )
    reader = DateReader(
        time_unit, time_origin, dayfirst=dayfirst, monthfirst=monthfirst, date_format=date_format
    )
    mapping = ColumnMapping(columns)
    reading = Reading(mapping, reader, Rejects(False))
    people_file = given_or_found(people, path, "people")
    people_table = read_people(people_file, reading) if people_file else None
    the_ladder = data_ladder(ladder, path)
    known = None if people_table is None else people_table.index
    contacts = StreamedContacts.open(
        contacts_file, reader, the_ladder, rung=rung, known=known, columns=mapping
    )
    attendance_file = given_or_found(attendance, path, "attendance")
    sessions = read_attendance(attendance_file, reading, known) if attendance_file else None
    sessions = no_attendance() if sessions is None else sessions.reset_index(drop=True)
    mapping.check_used()
    at_sessions = session_contacts(sessions, the_ladder)
    seen = np.r_[contacts.ids.to_numpy(), sessions["person"].to_numpy()]
    data = Dataset(
        at_sessions.sort_values("date", kind="stable", ignore_index=True),
        complete_people(people_table, seen),
        the_ladder,
        path.resolve().name if path.is_dir() else contacts_file.stem,
        attendance=sessions,
        warnings=contacts.warnings,
    )
    return data, contacts
