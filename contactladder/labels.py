"""Display labels of people: "Ouder 12", "Professional 3 (GGD)", or a name for internal use.

A shared map or report never shows who someone is. A person is shown by the word for their role
and their number within that role ("Ouder 12", "Parent 12"), with their organisation in brackets
where they have one ("Professional 3 (GGD)"). The number comes from the network (the node
attribute ``number``), so the same person keeps the same label across maps and periods.
With ``anonymize=False`` the label is the person's name, for internal use only.

Role words live in one table, :data:`ROLE_WORDS`, in both languages; a role that is not in it is
shown as the word itself, capitalised ("Grootouder 4").

Examples
--------
>>> person_label({"role": "parent", "number": 12})
'Ouder 12'
>>> person_label({"role": "professional", "organisation": "GGD", "number": 3}, lang="en")
'Professional 3 (GGD)'
>>> person_label({"role": "parent", "number": 12, "name": "An de Vries"}, anonymize=False)
'An de Vries'
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from .errors import UsageError
from .ladder import LANGUAGES

__all__ = ["attribute_text", "ROLE_WORDS", "role_key", "role_word", "person_label"]

#: Canonical role key -> its word per language. The empty key is a person whose role is unknown.
ROLE_WORDS: dict[str, dict[str, str]] = {
    "parent": {"nl": "Ouder", "en": "Parent"},
    "professional": {"nl": "Professional", "en": "Professional"},
    "volunteer": {"nl": "Vrijwilliger", "en": "Volunteer"},
    "child": {"nl": "Kind", "en": "Child"},
    "": {"nl": "Persoon", "en": "Person"},
}

# Role words as they may be written in the data, to their canonical key.
_ROLE_ALIASES: dict[str, str] = {
    word.lower(): key for key, words in ROLE_WORDS.items() for word in words.values() if key
} | {"parents": "parent", "ouders": "parent", "professionals": "professional",
     "prof": "professional", "volunteers": "volunteer", "vrijwilligers": "volunteer",
     "children": "child", "kinderen": "child"}


def role_key(role: object) -> str:
    """The canonical key of a role as written in the data; unknown words are kept, lower case.

    >>> role_key(" Ouder "), role_key("Volunteer"), role_key("Grootouder"), role_key(None)
    ('parent', 'volunteer', 'grootouder', '')
    """
    if role is None or role != role:  # None or NaN
        return ""
    text = str(role).strip().lower()
    return _ROLE_ALIASES.get(text, text)


def role_word(role: object, lang: str = "nl") -> str:
    """The word for a role in ``lang``: from :data:`ROLE_WORDS`, else the role capitalised.

    >>> role_word("vrijwilliger", "en"), role_word("grootouder"), role_word("")
    ('Volunteer', 'Grootouder', 'Persoon')
    """
    _check_lang(lang)
    key = role_key(role)
    if key in ROLE_WORDS:
        return ROLE_WORDS[key][lang]
    text = str(role).strip()
    return text[:1].upper() + text[1:]


def person_label(attrs: Mapping[str, Any], *, lang: str = "nl", anonymize: bool = True) -> str:
    """How a person is shown on a map: role word and number, or their name.

    Parameters
    ----------
    attrs : mapping
        The person's node attributes: ``role``, ``number`` (1-based within the role),
        ``organisation`` and, used only when ``anonymize`` is False, ``name``.
    lang : {"nl", "en"}
        Language of the role word.
    anonymize : bool
        True (the default) never uses the name. False uses the name, and falls back to the
        anonymous label when there is none.

    Returns
    -------
    str
        ``"<Role> <number>"``, followed by ``" (<organisation>)"`` when the person has one;
        or the name. Without a number the label is the role word alone.

    Raises
    ------
    UsageError
        If ``lang`` is not a supported language.

    Examples
    --------
    >>> person_label({"role": "volunteer", "number": 2}, lang="en")
    'Volunteer 2'
    >>> person_label({"role": "grootouder", "number": 4, "organisation": ""})
    'Grootouder 4'
    >>> person_label({"role": "parent", "number": 7, "name": ""}, anonymize=False)
    'Ouder 7'
    """
    _check_lang(lang)
    if not anonymize:
        name = attribute_text(attrs.get("name"))
        if name:
            return name
    label = role_word(attrs.get("role"), lang)
    number = attrs.get("number")
    if number is not None and number == number:
        label += f" {int(number)}"
    organisation = attribute_text(attrs.get("organisation"))
    if organisation:
        label += f" ({organisation})"
    return label


def attribute_text(value: object) -> str:
    """A node attribute as text, with None, NaN and NaT read as empty.

    >>> attribute_text(" GGD "), attribute_text(float("nan")), attribute_text(None)
    ('GGD', '', '')
    """
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value).strip()


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UsageError("unknown language", value=lang, hint="use " + " or ".join(LANGUAGES))
