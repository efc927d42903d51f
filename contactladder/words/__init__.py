"""One catalogue of the words people read, in Dutch and English, and one way to pick a language.

Every word of a page, chart, sheet or sentence comes from the catalogue: the TOML files beside
this module, one section per file (``common.toml``, ``map.toml``, ...). An entry is a pair
``[Dutch, English]``; an entry that depends on a count is a pair of pairs
``[[singular, plural], [singular, plural]]`` (see :meth:`Words.count`). Every entry has both
languages (a test checks it). CSV keys and column names are not words: they stay English.

Examples
--------
>>> nl = words("nl")
>>> nl["common.people"], nl.count(1, "common.people_counted"), nl.count(3, "common.ties_counted")
('personen', '1 persoon', '3 banden')
>>> words("en").count(1, "common.ties_counted")
'1 tie'
>>> words("de")
Traceback (most recent call last):
...
contactladder.errors.UsageError: unknown language 'de'; use nl or en
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from contactladder.errors import UsageError

__all__ = [
    "LANGUAGES",
    "LIST_SEPARATOR",
    "Words",
    "words",
    "check_lang",
    "catalogue",
    "attribute_text",
    "split_list",
]

#: The languages of the catalogue, in the order of each entry's pair.
LANGUAGES = ("nl", "en")
#: What joins the values of one cell that holds several (a tie's activities, a worklist's
#: reasons): no separator of any CSV dialect (``,`` nor ``;``), so a spreadsheet keeps the cell.
LIST_SEPARATOR = " | "


def check_lang(lang: object) -> str:
    """``lang`` when the catalogue speaks it.

    Raises
    ------
    UsageError
        Otherwise, naming the languages there are.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGUAGES:
        raise UsageError("unknown language", value=lang, hint="use " + " or ".join(LANGUAGES))
    return str(lang)


@functools.cache
def catalogue() -> dict[str, Any]:
    """Every entry of the catalogue by its key ``<section>.<name>``, as written in the files."""
    entries: dict[str, Any] = {}
    folder = resources.files("contactladder.words")
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name.endswith(".toml"):
            section = item.name.removesuffix(".toml")
            for name, entry in tomllib.loads(item.read_text(encoding="utf-8")).items():
                entries[f"{section}.{name}"] = entry
    return entries


class Words:
    """The catalogue in one language: ``w[key]`` for a word, ``w.count(n, key)`` for a count.

    Use :func:`words` to get one.
    """

    def __init__(self, lang: str) -> None:
        self.lang = check_lang(lang)
        self._index = LANGUAGES.index(self.lang)

    def __getitem__(self, key: str) -> str:
        entry = self._entry(key)
        return entry[1] if isinstance(entry, list) else entry

    def get(self, key: str, default: str | None = None) -> str | None:
        """The word of ``key``, or ``default`` when the catalogue has no such entry."""
        return self[key] if key in catalogue() else default

    def plural(self, key: str, n: int) -> str:
        """The singular or the plural of ``key`` for ``n`` things, without the number.

        >>> words("nl").plural("common.people_counted", 2)
        'personen'
        """
        entry = self._entry(key)
        if not isinstance(entry, list):
            raise KeyError(f"{key} has no singular and plural")
        return entry[0] if n == 1 else entry[1]

    def count(self, n: int, key: str) -> str:
        """``n`` and the singular or plural of ``key``: "1 persoon", "3 personen".

        >>> words("en").count(0, "common.people_counted")
        '0 people'
        """
        return f"{n} {self.plural(key, n)}"

    def _entry(self, key: str) -> Any:
        try:
            entry = catalogue()[key]
        except KeyError:
            raise KeyError(f"no words for {key!r} in the catalogue") from None
        return entry[self._index]

    def __repr__(self) -> str:
        return f"Words({self.lang!r})"


@functools.cache
def words(lang: str = "nl") -> Words:
    """The catalogue in ``lang`` (``nl`` or ``en``).

    Raises
    ------
    UsageError
        For a language the catalogue does not speak.
    """
    return Words(lang)


def attribute_text(value: object) -> str:
    """A value from the data as the text to show, with None, NaN and NaT read as empty.

    >>> attribute_text(" GGD "), attribute_text(float("nan")), attribute_text(None)
    ('GGD', '', '')
    """
    if value is None:
        return ""
    try:
        if value != value:  # NaN, NaT
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def split_list(text: object) -> list[str]:
    """The values of a cell joined by :data:`LIST_SEPARATOR` (or by ``;``, as files written
    before version 0.3 join them), stripped, empty ones left out.

    >>> split_list("alone | fading"), split_list("alone;fading"), split_list(float("nan"))
    (['alone', 'fading'], ['alone', 'fading'], [])
    """
    text = attribute_text(text)
    parts = (
        text.split(LIST_SEPARATOR.strip()) if LIST_SEPARATOR.strip() in text else text.split(";")
    )
    return [part.strip() for part in parts if part.strip()]
