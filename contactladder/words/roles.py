"""Roles as people write them, and the word for each role in Dutch and English.

One vocabulary for every room: ``Ouder``, ``ouders``, ``Parent`` and ``parents`` are all the
role ``parent``; ``prof`` and ``Professionals`` are ``professional``; ``Vrijwilliger`` is
``volunteer``; ``kind`` and ``children`` are ``child``. A word not in the vocabulary is kept as it
is, in lower case ("grootouder"), and shown capitalised ("Grootouder"). The words themselves
live in the catalogue (``roles.toml``).

Examples
--------
>>> role_key(" Ouders "), role_word("vrijwilliger", "en"), role_word("child", "nl", plural=True)
('parent', 'Volunteer', 'Kinderen')
"""

from __future__ import annotations

from contactladder.words import LANGUAGES, attribute_text, catalogue, check_lang

__all__ = ["ROLE_WORDS", "role_key", "role_in_data", "role_word"]

_UNKNOWN = "unknown"

#: Canonical role key -> its word per language (singular). The key "" is an unknown role.
ROLE_WORDS: dict[str, dict[str, str]] = {
    ("" if key == f"roles.{_UNKNOWN}" else key.removeprefix("roles.")): {
        lang: entry[i][0] for i, lang in enumerate(LANGUAGES)
    }
    for key, entry in catalogue().items()
    if key.startswith("roles.")
}

# Role words as they may be written in the data, singular and plural, to their canonical key.
_ROLE_ALIASES: dict[str, str] = {
    word.lower(): key.removeprefix("roles.")
    for key, entry in catalogue().items()
    if key.startswith("roles.") and key != "roles.unknown"
    for pair in entry
    for word in pair
} | {
    "prof": "professional",
    "profs": "professional",
    "pro": "professional",
    "prof.": "professional",
    "vrijw": "volunteer",
    "vrijw.": "volunteer",
    "kids": "child",
}


def role_key(role: object) -> str:
    """The canonical key of a role as written in the data; unknown words are kept, lower case.

    >>> role_key(" Ouder "), role_key("Volunteer"), role_key("Grootouder"), role_key(None)
    ('parent', 'volunteer', 'grootouder', '')
    """
    text = attribute_text(role).lower()
    return _ROLE_ALIASES.get(text, text)


def role_in_data(role: object) -> str:
    """A role as the loaded tables keep it: the canonical key of a known word, any other word
    as it is written (without surrounding spaces).

    >>> role_in_data("Ouders"), role_in_data(" prof "), role_in_data("Grootouder")
    ('parent', 'professional', 'Grootouder')
    """
    text = attribute_text(role).strip()
    return _ROLE_ALIASES.get(text.lower(), text)


def role_word(role: object, lang: str = "nl", *, plural: bool = False) -> str:
    """The word for a role in ``lang``: from the catalogue, else the role capitalised.

    >>> role_word("vrijwilliger", "en"), role_word("grootouder"), role_word("")
    ('Volunteer', 'Grootouder', 'Persoon')
    >>> role_word("parent", "en", plural=True)
    'Parents'
    """
    index = LANGUAGES.index(check_lang(lang))
    key = role_key(role)
    entry = catalogue().get(f"roles.{key or _UNKNOWN}")
    if entry is not None:
        return entry[index][int(plural)]
    text = attribute_text(role)
    return text[:1].upper() + text[1:]
