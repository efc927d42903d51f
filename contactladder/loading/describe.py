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
from typing import TYPE_CHECKING

import pandas as pd

from contactladder.errors import literal, render_parameters
from contactladder.words.roles import role_in_data

if TYPE_CHECKING:
    from contactladder.loading.dataset import Dataset

__all__ = ["describe", "focal_warning"]


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
    people, contacts = data.people, data.contacts
    roles = people["role"].replace("", "(no role)").value_counts().sort_index()
    lines = [
        f"Data set: {data.name}",
        f"People: {len(people)} (" + ", ".join(f"{r} {n}" for r, n in roles.items()) + ")",
    ]
    if (people["wijk"] != "").any():
        table = pd.crosstab(
            people["wijk"].replace("", "(no wijk)"), people["role"].replace("", "(no role)")
        )
        lines += ["People by wijk and role:", table.to_string()]
    sources = contacts["source"].eq("attendance")
    lines.append(
        f"Contacts: {len(contacts)} ({int((~sources).sum())} rated, "
        f"{int(sources.sum())} from attendance)"
    )
    if len(contacts):
        lines.append(f"Dates: {contacts['date'].min().date()} to {contacts['date'].max().date()}")
        used = contacts["rung"].value_counts().sort_index()
        lines.append(
            "Rungs used: " + ", ".join(f"{data.ladder[level].key} {n}" for level, n in used.items())
        )
    if len(data.attendance):
        sizes = data.attendance.groupby([data.attendance["date"].dt.normalize(), "activity"])[
            "person"
        ].transform("nunique")
        lines.append(
            f"Attendance: {len(data.attendance)} rows; {int((sizes == 1).sum())} of "
            "them at sessions with no one else (they attended, but met no one there)"
        )
    lines.append(f"Ladder: {data.ladder.source} ({len(data.ladder)} rungs)")
    if len(data.rejects):
        lines.append(f"Set aside: {len(data.rejects)} invalid rows")
    lines.append(_key_line(data))
    lines += [f"Warning: {render_parameters(w, options)}" for w in _warnings(data, focal)]
    return "\n".join(lines)


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
