"""The rungs of the ladder and the ladder itself: levels, keys, labels, colours, kinds and the
sharing rung; how a rung is read (the file is read by :mod:`contactladder.ladder.ladder_file`).

>>> Ladder.default().parse("praten").level
2
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from contactladder.errors import BadValueError, literal
from contactladder.words import LANGUAGES

__all__ = ["Rung", "Ladder", "LANGUAGES"]


_DEFAULT_RUNGS = (
    ("kennen", "Kennen elkaar (van gezicht, van naam)", "Acquaintance", "#2895aa"),
    ("praten", "Maken een praatje", "Chatting", "#3c794f"),
    ("delen", "Delen ervaringen en opvoedvragen", "Sharing experiences", "#6c4d0d"),
    ("helpen", "Helpen elkaar praktisch", "Practical help", "#730a2f"),
    ("steunen", "Steunen elkaar, wederzijds", "Mutual support", "#0d185f"),
)
# Colours for rungs of a ladder file that gives none: the default ladder's, from light to dark,
# distinct under the three kinds of colour blindness (see tests/test_styles.py).
# The level of the sharing rung when a ladder names none: "delen" on the default ladder.
_SHARING_LEVEL = 3
_SPARE_COLOURS = tuple("#2895aa #3c794f #6c4d0d #730a2f #0d185f #5b3a8c #1f5f5b #3d3d3d".split())


@dataclass(frozen=True)
class Rung:
    """One rung of the ladder.

    Examples
    --------
    >>> rung = Rung(2, "praten", {"nl": "Maken een praatje", "en": "Chatting"}, "#4292c6")
    >>> rung.label("nl")
    'Maken een praatje'
    """

    level: int
    key: str
    labels: dict[str, str] = field(compare=False)
    colour: str = field(compare=False)
    minutes_per_day: float | None = field(default=None, compare=False)
    """The daily contact time, in minutes, that puts a pair on this rung that day (None: the
    rung is not reached by contact time)."""

    def label(self, lang: str = "en") -> str:
        """The rung's label in ``lang`` (``nl`` or ``en``), or its key when there is none."""
        return self.labels.get(lang) or self.key


class Ladder:
    """The rungs, bottom to top, and the contact kinds that map to them.

    Parameters
    ----------
    rungs : sequence of Rung
        Bottom to top; their levels are 1, 2, ... in order.
    kinds : dict
        Free-text contact kind (lower case) to level.
    source : str
        Where the ladder came from, for messages.
    sharing : int, optional
        The level of the *sharing* rung, the threshold of the figures that count ties "at the
        sharing rung or higher"; by default level 3 (``delen`` on the default ladder), or the
        top rung of a shorter ladder.

    Examples
    --------
    >>> Ladder.default().sharing.key, Ladder(list(Ladder.default())[:2]).sharing.key
    ('delen', 'praten')
    """

    def __init__(
        self,
        rungs: list[Rung],
        kinds: dict[str, int] | None = None,
        source: str = "default ladder",
        *,
        sharing: int | None = None,
    ) -> None:
        self.rungs: tuple[Rung, ...] = tuple(rungs)
        self.sharing: Rung = self[sharing or min(_SHARING_LEVEL, len(self.rungs))]
        self.kinds: dict[str, int] = {_normal(k): v for k, v in (kinds or {}).items()}
        self.source = source
        self._by_name: dict[str, int] = {}
        for rung in self.rungs:
            for name in (str(rung.level), rung.key, *rung.labels.values()):
                self._by_name[_normal(name)] = rung.level

    @classmethod
    def default(cls) -> Ladder:
        """The five-rung ladder of the Zwolle approach.

        >>> [(rung.level, rung.key) for rung in Ladder.default()][:2]
        [(1, 'kennen'), (2, 'praten')]
        """
        rungs = [
            Rung(level, key, {"nl": nl, "en": en}, colour)
            for level, (key, nl, en, colour) in enumerate(_DEFAULT_RUNGS, start=1)
        ]
        return cls(rungs)

    @classmethod
    def from_file(cls, path: str | Path) -> Ladder:
        """Read a ladder TOML file (see the module docstring for its shape).

        Parameters
        ----------
        path : str or Path
            Rungs as ``[[rung]]`` tables, bottom to top, each with a ``key`` and optionally
            ``nl``, ``en`` and ``colour``; a ``[kinds]`` table maps contact kinds to rungs.

        Returns
        -------
        Ladder
            With the file's path as its ``source``.

        Raises
        ------
        InputFileError
            If the file cannot be read or is not valid TOML, or a rung or kind is malformed: a
            key missing, not text or looking like a level (``key = "3"``), a label not text, a
            name two rungs share, a colour not written ``#rrggbb``, a kind mapped to no rung.

        Examples
        --------
        >>> import tempfile
        >>> scratch = tempfile.TemporaryDirectory()
        >>> path = Path(scratch.name) / "ladder.toml"
        >>> _ = path.write_text('[[rung]]\\nkey = "zien"\\n[[rung]]\\nkey = "helpen"\\n'
        ...                     '[kinds]\\noppassen = "helpen"\\n')
        >>> ladder = Ladder.from_file(path)
        >>> [rung.key for rung in ladder], ladder.level_of_kind("Oppassen")
        (['zien', 'helpen'], 2)
        >>> scratch.cleanup()
        """
        from contactladder.ladder.ladder_file import read_ladder

        return read_ladder(path)

    def __iter__(self) -> Iterator[Rung]:
        return iter(self.rungs)

    def __len__(self) -> int:
        return len(self.rungs)

    def __getitem__(self, level: int) -> Rung:
        """The rung at ``level`` (1 is the lowest).

        >>> Ladder.default()[3].key
        'delen'
        """
        return self.rungs[level - 1]

    @property
    def bottom(self) -> Rung:
        """The lowest rung: what meeting at the same session counts as.

        >>> Ladder.default().bottom.key
        'kennen'
        """
        return self.rungs[0]

    @property
    def top(self) -> Rung:
        """The highest rung.

        >>> Ladder.default().top.level
        5
        """
        return self.rungs[-1]

    def level_of(self, value: object) -> int | None:
        """The level a rung name, key or level stands for, or None when it is not on the ladder.

        >>> Ladder.default().level_of("Praten"), Ladder.default().level_of(4.0)
        (2, 4)
        """
        return self._by_name.get(_normal(value))

    def minutes_thresholds(self) -> list[tuple[float, int]]:
        """``(minutes_per_day, level)`` of the rungs reached by daily contact time, bottom to
        top (empty for a ladder without minutes; see :mod:`contactladder.ladder.ladder_file`).

        >>> rungs = [Rung(1, "zien", {}, "#2895aa"), Rung(2, "spelen", {}, "#3c794f", 5.0)]
        >>> Ladder(rungs).minutes_thresholds()
        [(5.0, 2)]
        """
        return [(r.minutes_per_day, r.level) for r in self.rungs if r.minutes_per_day is not None]

    def level_of_kind(self, value: object) -> int | None:
        """The level a contact kind maps to in the ``kinds`` table, or None.

        >>> Ladder(list(Ladder.default()), {"Koffie": 2}).level_of_kind(" koffie")
        2
        """
        return self.kinds.get(_normal(value))

    def parse(self, value: object) -> Rung:
        """The rung given by a level, key or label in either language, case-insensitive.

        Raises
        ------
        BadValueError
            If ``value`` names no rung of this ladder, with :meth:`hint` as its hint.

        Examples
        --------
        >>> Ladder.default().parse("Sharing experiences").key
        'delen'
        >>> Ladder.default().parse("vrienden")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        contactladder.errors.BadValueError: unknown rung 'vrienden'; use a level 1-5, a key ...
        """
        level = self.level_of(value)
        if level is None:
            raise BadValueError("unknown rung", value=value, hint=self.hint())
        return self[level]

    def describe(self, lang: str = "nl") -> str:
        """The ladder as a small text table, bottom to top, with its minutes per day and kinds.

        >>> print(Ladder.default().describe("en").splitlines()[1])
        1      kennen   Acquaintance         #2895aa
        """
        width = max(len(r.key) for r in self.rungs)
        label_width = max(len(r.label(lang)) for r in self.rungs)
        lines = [f"{'level':<5}  {'key':<{width}}  {'label':<{label_width}}  colour"]
        lines += [
            f"{r.level:<5}  {r.key:<{width}}  {r.label(lang):<{label_width}}  {r.colour}"
            for r in self.rungs
        ]
        if self.minutes_thresholds():
            lines.append("")
            lines += [
                f"{self[level].key}: from {minutes:g} minutes of contact a day"
                for minutes, level in self.minutes_thresholds()
            ]
        if self.kinds:
            lines.append("")
            lines += [
                f"kind {kind!r} -> {self[level].key}" for kind, level in sorted(self.kinds.items())
            ]
        return "\n".join(lines)

    def hint(self) -> str:
        """What the user may write for a rung, as the hint of an error (data text taken
        through :func:`~contactladder.errors.literal`).

        >>> Ladder(list(Ladder.default())[:2]).hint()
        'use a level 1-2, a key (kennen, praten) or a label of the default ladder'
        """
        keys = literal(", ".join(r.key for r in self.rungs))
        return (
            f"use a level 1-{len(self.rungs)}, a key ({keys}) or a label of the "
            f"{literal(self.source)}"
        )


def _normal(value: object) -> str:
    """A rung or kind name as it is compared: stripped, lower case; 3.0 reads as 3."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    text = str(value).strip().lower()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text
