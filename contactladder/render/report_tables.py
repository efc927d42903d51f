"""The tables a report shows, computed once by the report's job, and the names of its files.

:class:`ReportTables` carries the growth table, the transitions, the activity yield and the
growth per group; :func:`shown_groups` is the per-group table as the report shows it (small
counts masked by :func:`contactladder.privacy.mask_small_counts` unless exact); a group's chart
and a picture of the village get file stems that stay distinct (``PC`` and ``PC*``).

>>> group_stem("wijk", "Zwolle-Zuid")
'wijk-zwolle-zuid-ties-per-rung'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd

from contactladder.analysis.growth import NO_GROUP
from contactladder.privacy import mask_small_counts
from contactladder.words import words

__all__ = [
    "ReportTables",
    "shown_groups",
    "slug",
    "group_stem",
    "village_stem",
    "row_label",
    "GROWTH_COLUMNS",
    "GROUP_COLUMNS",
]


#: The columns of a group's table in the report (``rung_<key>`` stands for each rung).
GROUP_COLUMNS = tuple(
    "period people focal ties new_ties climbed focal_alone focal_only_professional "
    "focal_peer_ge3".split()
)
#: The columns of the growth table the report shows: those of a group, and the ties per rung.
GROWTH_COLUMNS = (*GROUP_COLUMNS[:4], "rung_<key>", *GROUP_COLUMNS[4:])


@dataclass
class ReportTables:
    """The tables a report shows, each computed once.

    Attributes
    ----------
    freq : str
        The period of the tables ("quarter").
    growth, transitions, yields : DataFrame
        :func:`~contactladder.analysis.growth.growth`,
        :func:`~contactladder.analysis.transitions.transitions` and
        :func:`~contactladder.analysis.activity_yield.activity_yield` of the network.
    by : str or None
        The people column of the per-group sections.
    groups : DataFrame or None
        ``growth(net, by=by)``, exact counts (masked when shown unless ``exact``).
    exact : bool
        Show small counts as they are.
    title, subtitle : str or None
        The report's title (default: "Netwerkrapport — <data>") and a line below it.
    moments : list of str
        The ISO dates of the pictures of the village.
    stages : DataFrame or None
        :func:`~contactladder.analysis.weaving_wijken.weaving_stages` of the network (the
        stage of network weaving of each wijk, period by period), exact.
    """

    freq: str
    growth: pd.DataFrame
    transitions: pd.DataFrame
    yields: pd.DataFrame
    by: str | None = None
    groups: pd.DataFrame | None = None
    exact: bool = False
    title: str | None = None
    subtitle: str | None = None
    moments: list[str] = field(default_factory=list)
    stages: pd.DataFrame | None = None


def shown_groups(tables: ReportTables) -> pd.DataFrame | None:
    """The per-group growth table as the report shows and writes it: masked unless exact."""
    if tables.groups is None:
        return None
    return tables.groups if tables.exact else mask_small_counts(tables.groups)


def slug(text: object) -> str:
    """``text`` for a file name or anchor: lower case, runs of other signs as ``-``; when that
    loses something (``PC*``), a short hash of the text is added, so names that differ only in
    punctuation get distinct slugs.

    >>> slug("Zwolle-Zuid"), slug("PC"), slug("PC*") != slug("PC")
    ('zwolle-zuid', 'pc', True)
    """
    text = str(text)
    plain = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "none"
    if plain == text.lower():
        return plain
    return f"{plain}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"


def group_stem(by: str, name: object) -> str:
    """The file stem of a group's chart: ``wijk-dieze-ties-per-rung``.

    >>> group_stem("wijk", "Zwolle-Zuid")
    'wijk-zwolle-zuid-ties-per-rung'
    """
    return f"{slug(by)}-{slug(name)}-ties-per-rung"


def village_stem(moment: str) -> str:
    """The file stem of the picture of the village at ``moment``: ``village-2024-06-30``."""
    return f"village-{moment}"


def row_label(name: object, lang: str) -> str:
    """A group's or activity's name as a row label: "(none)" in the report's language.

    >>> row_label("(none)", "nl"), row_label("Dieze", "en")
    ('(geen)', 'Dieze')
    """
    return words(lang)["report.none"] if name == NO_GROUP else str(name)
