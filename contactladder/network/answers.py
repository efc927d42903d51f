"""What consumers ask of the data behind a network, instead of reaching into its tables.

:class:`DataAnswers` is the part of :class:`~contactladder.network.LadderNetwork` that answers
questions about the people and contacts read: the data's name, the people's columns and values,
one person, the attendance, the contacts up to a moment. The examples are in
:class:`~contactladder.network.LadderNetwork`'s docstring.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from contactladder.errors import UsageError, literal
from contactladder.loading.describe import facts
from contactladder.network.nodes import node_attributes

__all__ = ["DataAnswers"]


class DataAnswers:
    """Answers about the data: mixed into :class:`~contactladder.network.LadderNetwork`, which
    sets ``data``, ``people``, ``contacts``, ``focal`` and ``_key``."""

    data: Any
    focal: str
    people: pd.DataFrame
    contacts: pd.DataFrame
    _key: bytes | None
    _person_codes: tuple[np.ndarray, np.ndarray]

    @functools.cached_property
    def _node_attrs(self) -> dict:
        """Each person's node attributes, made when a graph or a person is first asked for."""
        return node_attributes(self.people, focal=self.focal, key=self._key)

    def _people_in_role(self, role: str) -> frozenset[str]:
        """The ids of the people whose role is ``role`` (taken out of the index as Python
        strings at once: iterating a text index one by one is slow at half a million)."""
        ids = self.people.index.to_numpy(dtype=object)
        return frozenset(ids[(self.people["role"] == role).to_numpy()].tolist())

    @property
    def name(self) -> str:
        """The data's name (the folder's or file's name), for titles."""
        return self.data.name

    @property
    def rejects(self) -> pd.DataFrame:
        """The rows set aside by ``skip_invalid``: ``file, line, column, value, reason, row``
        (empty when none)."""
        return self.data.rejects

    @property
    def has_contacts(self) -> bool:
        """Whether the data hold at least one contact."""
        return bool(len(self.contacts))

    def facts(self, options: Mapping[str, str] | None = None) -> dict[str, Any]:
        """What was read, and the warnings, as data for scripts (see
        :func:`contactladder.loading.describe.facts`); ``options`` names the parameters the
        warnings name."""
        return facts(self.data, focal=self.focal, options=options)

    def has_column(self, column: str) -> bool:
        """Whether the people table has ``column``."""
        return column in self.people.columns

    def people_columns(self) -> list[str]:
        """The columns of the people table, in file order (``role, name, organisation, wijk,
        joined``, then the people file's own)."""
        return [str(column) for column in self.people.columns]

    def column(self, column: str) -> pd.Series:
        """One column of the people table, indexed by person id.

        Raises
        ------
        UsageError
            If the people table has no such column, naming the columns it has.
        """
        if column not in self.people.columns:
            raise UsageError(
                "no people column",
                value=column,
                hint="the columns are " + literal(", ".join(self.people_columns())),
            )
        return self.people[column]

    def values(self, column: str) -> list[str]:
        """The distinct non-empty values of a people column as text, sorted; [] without it."""
        if column not in self.people.columns:
            return []
        return sorted({str(v).strip() for v in self.people[column] if v == v} - {""})

    def wijken(self) -> list[str]:
        """The wijken of the people, as written in the data, sorted."""
        return self.values("wijk")

    def knows(self, person: object) -> bool:
        """Whether ``person`` is an id of the people table."""
        return str(person).strip() in self.people.index

    def person(self, person: object) -> dict:
        """The node attributes of the person with id ``person`` (a copy).

        Raises
        ------
        UsageError
            For an id that is not in the people table (the message names only what was typed).
        """
        key = str(person).strip()
        if key not in self._node_attrs:
            raise UsageError("unknown person", value=person, hint="give an id from the people file")
        return dict(self._node_attrs[key])

    def attendance(self, before: object = None) -> pd.DataFrame:
        """Attendance rows (``date, activity, person``) with a named activity, before the moment
        ``before`` when given (a :meth:`cutoff`)."""
        rows = self.data.attendance
        rows = rows[rows["activity"] != ""]
        return rows if before is None else rows[rows["date"] < before]

    def contact_rows(self, before: object = None) -> pd.DataFrame:
        """The contacts (``date, person_a, person_b, rung, activity, wijk, note, source``),
        sorted by date, before the moment ``before`` when given (a :meth:`cutoff`)."""
        return self.contacts if before is None else self.contacts[self.contacts["date"] < before]

    def contact_ends(self, before: object = None) -> tuple[pd.Index, np.ndarray, np.ndarray]:
        """The people's ids, and for each contact of :meth:`contact_rows` (with the same
        ``before``) the positions of its ``person_a`` and ``person_b`` among them: the people
        of many contacts without comparing their text (read-only arrays).

        >>> from contactladder.network import LadderNetwork
        >>> net = LadderNetwork.from_path("data/zwolle-demo")
        >>> ids, a, b = net.contact_ends()
        >>> first = net.contact_rows().iloc[0]
        >>> (ids[a[0]], ids[b[0]]) == (first["person_a"], first["person_b"]), a.flags.writeable
        (True, False)
        """
        ends = self._person_codes
        if before is not None:
            keep = (self.contacts["date"] < before).to_numpy()
            ends = (ends[0][keep], ends[1][keep])
        a, b = (codes.view() for codes in ends)
        a.flags.writeable = b.flags.writeable = False
        return self.people.index, a, b
