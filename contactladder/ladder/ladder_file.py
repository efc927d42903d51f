"""Reading a ladder file (TOML): its rungs, its ``[kinds]`` and its sharing rung.

The shape of the file is in :mod:`contactladder.ladder`; every mistake in it is one
:class:`~contactladder.errors.InputFileError` naming the file, the rung and the value.

Rungs by daily contact time
---------------------------
For sensor data, a rung may give ``minutes_per_day``: the daily contact time, in minutes, that
puts a pair on that rung. A pair's rung on a day is then the highest rung whose threshold its
total contact minutes that day reach (the durations of its contact events that start that day,
see :mod:`contactladder.loading.events`); a pair below every threshold has no contact that day.
The thresholds must rise from rung to rung; a rung without one is not reached by contact time.
Such a ladder needs contact events (``merge_gap`` of :func:`contactladder.loading.load`)::

    [[rung]]
    key = "kennen"
    minutes_per_day = 1

    [[rung]]
    key = "praten"
    minutes_per_day = 10

    [[rung]]
    key = "delen"
    minutes_per_day = 30

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "ladder.toml"
...     _ = path.write_text('[[rung]]\\nkey = "zien"\\n[[rung]]\\nkey = "helpen"\\n')
...     [rung.key for rung in read_ladder(path)]
['zien', 'helpen']
"""

from __future__ import annotations

import math
import string
import tomllib
from itertools import pairwise
from pathlib import Path

from contactladder.errors import BadValueError, InputFileError, literal
from contactladder.ladder.rungs import _SPARE_COLOURS, Ladder, Rung, _normal
from contactladder.words import LANGUAGES

__all__ = ["read_ladder"]


def read_ladder(path: str | Path) -> Ladder:
    """The ladder of the file at ``path`` (see :meth:`Ladder.from_file
    <contactladder.ladder.Ladder.from_file>`).

    Raises
    ------
    InputFileError
        As :meth:`Ladder.from_file <contactladder.ladder.Ladder.from_file>` says.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFileError(f"cannot read the ladder file ({exc.strerror})", file=path) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputFileError(f"not a valid TOML file ({exc})", file=path) from exc
    entries = data.get("rung") or data.get("rungs")
    settings = data.get("kinds") or "sharing" in data
    if entries is None and "rung" not in data and "rungs" not in data and settings:
        ladder = Ladder(list(Ladder.default().rungs), source=f"{path} (the default rungs)")
    elif not isinstance(entries, list) or not entries:
        raise InputFileError(
            "no rungs",
            file=path,
            hint='give each rung as a [[rung]] table with at least key = "...", or give '
            'only a [kinds] table to use the default rungs',
        )
    else:
        ladder = Ladder(
            [_rung(path, level, entry) for level, entry in enumerate(entries, start=1)],
            source=str(path),
        )
    _check_names(path, ladder.rungs)
    _check_minutes_rise(path, ladder)
    kinds = data.get("kinds") or {}
    if not isinstance(kinds, dict):
        hint = 'write it as [kinds] with lines such as koffie = "praten"'
        raise InputFileError("kinds is not a table", file=path, hint=hint)
    ladder.kinds = {}
    for kind, rung in kinds.items():
        try:
            ladder.kinds[_normal(kind)] = ladder.parse(rung).level
        except BadValueError as exc:
            raise InputFileError(
                f"kind {literal(repr(kind))} maps to an unknown rung",
                file=path,
                value=rung,
                hint=exc.hint,
            ) from exc
    ladder.sharing = _sharing(path, ladder, data, entries or [])
    return ladder


def _sharing(path: Path, ladder: Ladder, data: dict, entries: list) -> Rung:
    """The sharing rung the file names (``sharing = "delen"`` at its top), else the ladder's.

    Raises
    ------
    InputFileError
        If it names no rung, or ``sharing`` stands inside a ``[[rung]]`` table.
    """
    if any(isinstance(entry, dict) and "sharing" in entry for entry in entries):
        raise InputFileError(
            "sharing is written inside a rung",
            file=path,
            hint='write sharing = "..." at the top of the file, before the first [[rung]]',
        )
    if "sharing" not in data:
        return ladder.sharing
    try:
        return ladder.parse(data["sharing"])
    except BadValueError as exc:
        raise InputFileError(
            "the sharing rung is not on the ladder", file=path, value=data["sharing"], hint=exc.hint
        ) from exc


def _rung(path: Path, level: int, entry: object) -> Rung:
    """The rung at ``level`` from its ``[[rung]]`` table in the ladder file ``path``.

    Raises
    ------
    InputFileError
        If the key is missing, not text or looks like a level, a label is not text, or the
        colour is not written ``#rrggbb`` (or ``#rgb``).
    """
    if not isinstance(entry, dict):
        hint = 'give each rung as a [[rung]] table with key = "..."'
        raise InputFileError(f"rung {level} is not a table", file=path, hint=hint)
    key = entry.get("key", "")
    if not isinstance(key, str) or not key.strip():
        raise InputFileError(
            f"rung {level} has no key" if key == "" else f"the key of rung {level} is not text",
            file=path,
            value=None if key == "" else key,
            hint='give each [[rung]] a key = "..."',
        )
    labels = {}
    for lang in LANGUAGES:
        if lang in entry:
            if not isinstance(entry[lang], str):
                raise InputFileError(
                    f"the {lang} label of rung {level} is not text",
                    file=path,
                    value=entry[lang],
                    hint=f'write it in quotes: {lang} = "..."',
                )
            labels[lang] = entry[lang].strip()
    spare = _SPARE_COLOURS[min(level - 1, len(_SPARE_COLOURS) - 1)]
    colour = entry.get("colour", entry.get("color", spare))
    if not isinstance(colour, str) or not _is_colour(colour.strip()):
        raise InputFileError(
            f"the colour of rung {level} is not a colour",
            file=path,
            value=colour,
            hint='write it as "#rrggbb", such as "#3c794f"',
        )
    return Rung(level, key.strip(), labels, colour.strip().lower(), _minutes(path, level, entry))


def _minutes(path: Path, level: int, entry: dict) -> float | None:
    """The ``minutes_per_day`` of the rung at ``level``, or None when it gives none.

    Raises
    ------
    InputFileError
        If it is not a number of minutes, zero or more.
    """
    if "minutes_per_day" not in entry:
        return None
    minutes = entry["minutes_per_day"]
    number = isinstance(minutes, int | float) and not isinstance(minutes, bool)
    if not number or not 0 <= minutes < math.inf:
        raise InputFileError(
            f"the minutes_per_day of rung {level} is not a number of minutes",
            file=path,
            value=minutes,
            hint="write it as a number, zero or more, such as minutes_per_day = 5",
        )
    return float(minutes)


def _check_minutes_rise(path: Path, ladder: Ladder) -> None:
    """Refuse ``minutes_per_day`` that do not rise from rung to rung.

    Raises
    ------
    InputFileError
        Naming the higher rung and its threshold.
    """
    thresholds = ladder.minutes_thresholds()
    for (low, _), (high, level) in pairwise(thresholds):
        if high <= low:
            raise InputFileError(
                f"the minutes_per_day of rung {level} is not above the rung below it",
                file=path,
                value=f"{high:g}",
                hint="give higher rungs more minutes per day",
            )


def _check_names(path: Path, rungs: tuple[Rung, ...]) -> None:
    """Refuse a key or label that looks like a level, or that two rungs share.

    Raises
    ------
    InputFileError
        Naming the rung and the name.
    """
    if len({_normal(r.key) for r in rungs}) < len(rungs):
        raise InputFileError("two rungs have the same key", file=path)
    owner: dict[str, int] = {}
    for rung in rungs:
        for name in {_normal(n) for n in (rung.key, *rung.labels.values()) if n.strip()}:
            if _looks_like_level(name):
                raise InputFileError(
                    f"a name of rung {rung.level} looks like a level",
                    file=path,
                    value=name,
                    hint="levels are given by the order of the rungs; give "
                    "names that are words, such as \"praten\"",
                )
            if owner.setdefault(name, rung.level) != rung.level:
                raise InputFileError(
                    f"rungs {owner[name]} and {rung.level} share a name",
                    file=path,
                    value=name,
                    hint="give each rung its own key and labels",
                )


def _is_colour(text: str) -> bool:
    """Whether ``text`` is a colour written ``#rrggbb`` or ``#rgb``."""
    return len(text) in (4, 7) and text[0] == "#" and all(c in string.hexdigits for c in text[1:])


def _looks_like_level(name: str) -> bool:
    """Whether a rung's name reads as a number."""
    try:
        float(name)
    except ValueError:
        return False
    return True
