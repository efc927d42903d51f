"""What was read, in a few lines of text, and the warnings about what looks odd.

:func:`describe` counts the people by role (and by wijk and role when wijken are given), the
contacts (rated, and from attendance), the dates they span, the rungs used, the attendance rows
of people who were alone at a session, the ladder, the rows set aside, and where the private key
of the anonymous numbering is kept (it must stay with the data and never be shared). It then
warns about what is not an error but may be a mistake: no one with the focal role, people without
any contact, people who joined after the last contact, and dates that were read but look like
mistakes (before 1990 or after next year, naming the file and line). The focal role may be
written as people write roles (``Ouders``): it means the same role as in the people file.

For three parents of whom one has no contact yet, it reads (the examples below run)::

    Data set: x
    People: 3 (parent 3)
    Contacts: 1 (1 rated, 0 from attendance)
    Dates: 2024-01-05 to 2024-01-05
    Rungs used: praten 1
    Ladder: default ladder (5 rungs)
    Private key: none kept (a fresh random key numbers people anonymously in this run only)
    Warning: 1 people have no contacts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from contactladder.errors import literal, render_parameters
from contactladder.words.roles import role_in_data

if TYPE_CHECKING:
    from contactladder.loading.dataset import Dataset

__all__ = ["describe", "facts", "focal_warning"]


def describe(
    data: Dataset, *, focal: str = "parent", options: Mapping[str, str] | None = None
) -> str:
    """What was read, as lines of text: people by role and wijk, contacts, dates, rungs, warnings.

    Parameters
    ----------
    data : Dataset
        From :func:`contactladder.loading.load`.
    focal : str
        The role whose network the work is about (for the warning when no one has it).
    options : mapping, optional
        What the reader calls the parameters the warnings name (see
        :func:`contactladder.errors.render_parameters`).

    Returns
    -------
    str
        One fact per line, the warnings last (``Warning: ...``).

    Examples
    --------
    >>> import pandas as pd
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading.dataset import Dataset
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"]), "person_a": ["a"],
    ...     "person_b": ["b"], "rung": [1], "activity": "", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "child", "name": "", "organisation": "",
    ...     "wijk": "Dieze", "joined": pd.NaT}, index=["a", "b"])
    >>> text = describe(Dataset(contacts, people, Ladder.default(), "school"))
    >>> print(text.splitlines()[2])
    People by wijk and role:
    >>> print(text.splitlines()[-1].replace(": give", ":\\n give"))
    Warning: no one has the focal role 'parent':
     give roles in a people file, or name the focal role with focal.
    >>> describe(Dataset(contacts, people, Ladder.default(), "school"), focal="child",
    ...          options={"focal": "--focal"}).splitlines()[-1].startswith("Private key")
    True
    """
    found = facts(data, focal=focal, options=options)
    roles = found["people_by_role"]
    lines = [
        f"Data set: {found['data_set']}",
        f"People: {found['people']} (" + ", ".join(f"{r} {n}" for r, n in roles.items()) + ")",
    ]
    if "people_by_wijk_and_role" in found:
        table = pd.DataFrame.from_dict(found["people_by_wijk_and_role"], orient="index")
        table = table.rename_axis(index="wijk", columns="role")
        lines += ["People by wijk and role:", table.to_string()]
    lines.append(
        f"Contacts: {found['contacts']} ({found['contacts_rated']} rated, "
        f"{found['contacts_from_attendance']} from attendance)"
    )
    if "records" in found:
        lines += _event_lines(found)
    if found["contacts"]:
        lines.append(f"Dates: {found['first_date']} to {found['last_date']}")
        used = found["rungs_used"]
        lines.append("Rungs used: " + ", ".join(f"{key} {n}" for key, n in used.items()))
    if found["attendance_rows"]:
        lines.append(
            f"Attendance: {found['attendance_rows']} rows; {found['attendance_alone']} of "
            "them at sessions with no one else (they attended, but met no one there)"
        )
    lines.append(f"Ladder: {found['ladder']} ({found['ladder_rungs']} rungs)")
    if found["set_aside"]:
        lines.append(f"Set aside: {found['set_aside']} invalid rows")
    lines.append(_key_line(data))
    lines += [f"Warning: {warning}" for warning in found["warnings"]]
    return "\n".join(lines)


def facts(
    data: Dataset, *, focal: str = "parent", options: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """What :func:`describe` says, as data for scripts (``check --format json``): whole numbers,
    ISO dates and the warnings as a list.

    Keys: ``data_set``, ``people``, ``people_by_role`` (``(no role)`` for people without one),
    ``people_by_wijk_and_role`` (only when wijken are given: wijk -> role -> people, ``(no
    wijk)`` for people without one), ``contacts``, ``contacts_rated``,
    ``contacts_from_attendance``, ``first_date`` and ``last_date`` (None without contacts),
    ``rungs_used`` (rung key -> contacts), ``attendance_rows``, ``attendance_alone`` (rows of
    people alone at their session), ``ladder``, ``ladder_rungs``, ``set_aside``, ``key_file``
    (None when none is kept), ``warnings``. When the records were merged into contact events
    (``merge_gap``), also ``records``, ``events``, ``merge_gap_seconds``, ``event_minutes``
    (the contact time of the events counted as contacts) and ``events_below_lowest_rung``
    (left out by a ladder's ``minutes_per_day``).

    >>> import pandas as pd
    >>> from contactladder.ladder import Ladder
    >>> from contactladder.loading.dataset import Dataset
    >>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05"]), "person_a": ["a"],
    ...     "person_b": ["b"], "rung": [2], "activity": "", "wijk": "", "note": "", "source": ""})
    >>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
    ...     "joined": pd.NaT}, index=["a", "b", "c"])
    >>> found = facts(Dataset(contacts, people, Ladder.default(), "x"))
    >>> found["people_by_role"], found["rungs_used"], found["first_date"], found["warnings"]
    ({'parent': 3}, {'praten': 1}, '2024-01-05', ['1 people have no contacts.'])
    """
    people, contacts = data.people, data.contacts
    roles = people["role"].replace("", "(no role)")
    found: dict[str, Any] = {
        "data_set": data.name,
        "people": len(people),
        "people_by_role": _counts(roles.value_counts().sort_index()),
    }
    if (people["wijk"] != "").any():
        table = pd.crosstab(people["wijk"].replace("", "(no wijk)"), roles)
        found["people_by_wijk_and_role"] = {wijk: _counts(row) for wijk, row in table.iterrows()}
    sources = contacts["source"].eq("attendance")
    dated = len(contacts) > 0
    used = contacts["rung"].value_counts().sort_index()
    found.update(
        contacts=len(contacts),
        contacts_rated=int((~sources).sum()),
        contacts_from_attendance=int(sources.sum()),
        first_date=str(contacts["date"].min().date()) if dated else None,
        last_date=str(contacts["date"].max().date()) if dated else None,
        rungs_used={data.ladder[level].key: int(n) for level, n in used.items()},
        attendance_rows=len(data.attendance),
        attendance_alone=_alone_at_sessions(data.attendance),
        ladder=data.ladder.source,
        ladder_rungs=len(data.ladder),
        set_aside=len(data.rejects),
        key_file=None if data.key_file is None else str(data.key_file),
        warnings=[render_parameters(w, options) for w in _warnings(data, focal)],
    )
    if data.merged is not None:
        minutes = contacts["duration"].dt.total_seconds().sum() / 60
        found.update(
            records=data.merged.records,
            events=data.merged.events,
            merge_gap_seconds=data.merged.merge_gap.total_seconds(),
            event_minutes=round(float(minutes), 2),
            events_below_lowest_rung=data.merged.below_lowest_rung,
        )
    return found


def _event_lines(found: Mapping[str, Any]) -> list[str]:
    """The lines on records merged into contact events.

    >>> _event_lines({"records": 5, "events": 2, "merge_gap_seconds": 20.0,
    ...               "event_minutes": 1.67, "events_below_lowest_rung": 1})[1]
    'Events: 2 contact events, 1.67 minutes of contact; 1 left out (under the lowest rung)'
    """
    events = (
        f"Events: {found['events']} contact events, {found['event_minutes']} minutes of contact"
    )
    if found["events_below_lowest_rung"]:
        events += f"; {found['events_below_lowest_rung']} left out (under the lowest rung)"
    return [
        f"Records: {found['records']} (merged into one event when at most "
        f"{found['merge_gap_seconds']:g} s apart)",
        events,
    ]


def _counts(counts: pd.Series) -> dict[str, int]:
    return {str(name): int(n) for name, n in counts.items()}


def _alone_at_sessions(attendance: pd.DataFrame) -> int:
    """Attendance rows of people who were the only one at their session (day and activity)."""
    if not len(attendance):
        return 0
    sessions = [attendance["date"].dt.normalize(), "activity"]
    sizes = attendance.groupby(sessions)["person"].transform("nunique")
    return int((sizes == 1).sum())


def focal_warning(focal: str) -> str:
    """The warning when no one has the focal role, which every command gives; it names the
    parameter ``{focal}``.

    >>> print(focal_warning("parent"))  # doctest: +NORMALIZE_WHITESPACE
    no one has the focal role 'parent': give roles in a people file, or name the focal role with
    {focal}.
    """
    return (
        f"no one has the focal role {literal(repr(focal))}: give roles in a people "
        "file, or name the focal role with {focal}."
    )


def _key_line(data: Dataset) -> str:
    """Where the private key of the anonymous numbering is, and how to keep it."""
    if data.key_file is None:
        return (
            "Private key: none kept (a fresh random key numbers people anonymously in this "
            "run only)"
        )
    return (
        f"Private key: {data.key_file} numbers people anonymously (\"Ouder 12\"); keep it "
        "with the data and never share it"
    )


def _warnings(data: Dataset, focal: str) -> list[str]:
    """What looks odd in ``data`` without being an error, one sentence each; a sentence may name
    a parameter as ``{name}``."""
    people, contacts = data.people, data.contacts
    found = []
    if not (people["role"] == role_in_data(focal)).any():
        found.append(focal_warning(focal))
    seen = set(contacts["person_a"]) | set(contacts["person_b"])
    silent = len(people) - len(seen & set(people.index))
    if silent:
        found.append(f"{silent} people have no contacts.")
    if len(contacts):
        late = int((people["joined"] > contacts["date"].max()).sum())
        if late:
            found.append(f"{late} people joined after the last contact.")
    return found + list(data.warnings)
