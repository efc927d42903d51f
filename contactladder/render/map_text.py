"""The words and dates of the map and timeline pages, from the catalogue (``words/map.toml``).

- :func:`page_text`: the words the page's script shows (legend, controls, tooltips);
- :func:`counts_text`: "12 personen, 30 banden";
- :func:`iso_date` and :func:`long_date`: a date as the payload carries it and as a reader
  says it ("1 maart 2025").

Examples
--------
>>> long_date(iso_date("2025-03-01 14:00"), "en"), counts_text(12, 30, "nl")
('1 March 2025', '12 personen, 30 banden')
"""

from __future__ import annotations

import pandas as pd

from contactladder.words import words
from contactladder.words.roles import role_word

__all__ = ["page_text", "counts_text", "iso_date", "iso_dates", "long_date"]

# The words of the page's script (data["text"]): its key -> the catalogue's key.
_PAGE_WORDS = {
    **{
        key: f"map.{key}"
        for key in (
            "wijk",
            "all_wijken",
            "min_rung",
            "search",
            "find",
            "found",
            "not_found",
            "role",
            "organisation",
            "unknown",
            "ties_total",
            "rung",
            "first_contact",
            "last_contact",
            "contacts",
            "activities",
            "legend_people",
            "legend_rungs",
            "legend",
            "legend_counters",
            "zoom_in",
            "zoom_out",
            "fit",
            "fit_label",
            "zoom_hint",
            "play",
            "pause",
            "period",
            "people_word",
            "new_ties",
            "climbed",
            "focal_alone",
            "fresh_note",
            "since",
            "history",
            "table",
            "table_label",
            "table_caption",
            "people_count",
            "map_keys",
        )
    },
    "as_of": "common.as_of",
    "people": "common.people",
    "ties": "common.ties",
}


# The words of the people who need a link, which name the focal role.
_ALONE_WORDS = ("alone", "no_peer_tie", "only_alone", "show_alone")


def page_text(lang: str, *, part: bool = False, focal: str = "parent") -> dict[str, str]:
    """The words the page's script shows, by their key in the payload's ``text``.

    ``size_note`` says what a size counts: all ties, or with ``part`` those in this map. The
    words of the people who need a link name the ``focal`` role.

    >>> page_text("en")["size_note"], page_text("en", part=True)["size_note"]
    ('Size: number of ties', 'Size: number of ties in this map')
    >>> page_text("en", focal="child")["only_alone"]
    'Only children without a tie'
    """
    w = words(lang)
    text = {key: w[entry] for key, entry in _PAGE_WORDS.items()}
    text["size_note"] = w["map.size_note_part" if part else "map.size_note"]
    plural = role_word(focal, lang, plural=True)
    text.update(
        {
            key: w[f"map.{key}"].format(focal=plural, focal_lower=plural.lower())
            for key in _ALONE_WORDS
        }
    )
    return text


def counts_text(people: int, ties: int, lang: str) -> str:
    """'12 personen, 30 banden'.

    >>> counts_text(12, 30, "nl")
    '12 personen, 30 banden'
    """
    w = words(lang)
    return f"{people} {w['common.people']}, {ties} {w['common.ties']}"


def iso_date(value: object) -> str:
    """A date as ISO text (YYYY-MM-DD), or "" for nothing.

    >>> iso_date(pd.Timestamp("2024-03-01 10:30")), iso_date(None), iso_date(pd.NaT)
    ('2024-03-01', '', '')
    """
    if value is None:
        return ""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return ""
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def iso_dates(values: list[object]) -> list[str]:
    """:func:`iso_date` of each of ``values``, converting each distinct value once.

    >>> iso_dates([pd.Timestamp("2024-03-01 10:30"), None, pd.Timestamp("2024-03-01 10:30")])
    ['2024-03-01', '', '2024-03-01']
    """
    codes, distinct = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    texts = [iso_date(value) for value in distinct]
    return [texts[code] if code >= 0 else "" for code in codes.tolist()]


def long_date(iso: str, lang: str) -> str:
    """'2025-03-01' as '1 maart 2025' (nl) or '1 March 2025' (en).

    >>> long_date("2025-03-01", "nl"), long_date("2025-03-01", "en")
    ('1 maart 2025', '1 March 2025')
    """
    w = words(lang)
    year, month, day = (int(p) for p in iso.split("-"))
    return w["map.long_date"].format(
        day=day, month=w["common.months"].split()[month - 1], year=year
    )
