"""A network in a few lines: how a :class:`~contactladder.network.LadderNetwork` shows itself.

:func:`summary_rows` says what the network holds, row by row: the data's name, the people by
role, the focal role, the contacts, the ties now, the period covered, the ladder's rungs (each
with the ties that reached it by the last contact), the wijken and the rows set aside. A tie's
rung *now* is the highest rung of the pair's contacts, as in
:meth:`~contactladder.network.LadderNetwork.snapshot` at the end of the data.
:func:`summary_html` is that as a small HTML table, which a Jupyter notebook shows for a
network (``_repr_html_``); :func:`summary_line` is the short ``repr``.

No person's name or id is shown. Everything that comes from the data (the folder's name, roles,
wijken, rung labels of a ladder file) is escaped, so markup in it is shown as text. The table
brings no style of its own: the notebook's styles stay as they are.

Examples
--------
>>> from contactladder.network import LadderNetwork
>>> net = LadderNetwork.from_path("data/zwolle-demo")
>>> net
<LadderNetwork 'zwolle-demo': 276 people, 36603 contacts, 2024-01-08 to 2025-12-31>
>>> for label, value in summary_rows(net, lang="en"):  # doctest: +NORMALIZE_WHITESPACE
...     print(f"{label}: {value}")
Data: zwolle-demo
People: 276 (Parents 240, Professionals 30, Volunteers 6)
Focal role: Parents
Contacts: 36603
Ties now: 4014
Period covered: 2024-01-08 to 2025-12-31
Ladder rungs: 5: Acquaintance 3192, Chatting 513, Sharing experiences 246, Practical help 43,
    Mutual support 20
Wijken: 3: Dieze, Stadshagen, Zwolle-Zuid
>>> summary_html(net, lang="nl").startswith(
...     '<table class="contactladder-summary"><caption>Contactladder-netwerk</caption>')
True
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from contactladder.words import words
from contactladder.words.roles import role_word

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["summary_rows", "summary_html", "summary_line"]

# The most wijken a summary names; it counts the others.
_WIJKEN_SHOWN = 10


def summary_rows(net: LadderNetwork, *, lang: str = "en") -> list[tuple[str, str]]:
    """What the network holds, as ``(label, value)`` rows of text in ``lang``.

    Raises
    ------
    UsageError
        If ``lang`` is not supported.

    Examples
    --------
    >>> from contactladder.network import LadderNetwork
    >>> net = LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten")
    >>> dict(summary_rows(net, lang="nl"))["Periode"]
    '2024-03-05 t/m 2024-03-06'
    """
    w = words(lang)
    roles = net.people["role"].value_counts()
    by_role = ", ".join(
        f"{role_word(role, lang, plural=True)} {count}"
        for role, count in sorted(roles.items(), key=lambda item: (-item[1], str(item[0])))
    )
    people = f"{len(net.people)} ({by_role})" if by_role else "0"
    rows = [
        (w["notebook.data"], net.name),
        (w["notebook.people"], people),
        (w["notebook.focal"], role_word(net.focal, lang, plural=True)),
        (w["notebook.contacts"], str(len(net.contacts))),
    ]
    rungs_now = net.contacts.groupby(["person_a", "person_b"])["rung"].max().value_counts()
    rows.append((w["notebook.ties_now"], str(int(rungs_now.sum()))))
    period = (
        w["notebook.period_range"].format(start=net.start.date(), end=net.end.date())
        if net.has_contacts
        else w["notebook.no_contacts"]
    )
    rows.append((w["notebook.period"], period))
    rungs = ", ".join(f"{r.label(lang)} {int(rungs_now.get(r.level, 0))}" for r in net.ladder)
    rows.append((w["notebook.rungs"], f"{len(net.ladder)}: {rungs}"))
    wijken = net.wijken()
    if wijken:
        shown = ", ".join(wijken[:_WIJKEN_SHOWN])
        if len(wijken) > _WIJKEN_SHOWN:
            shown += " " + w["notebook.more"].format(n=len(wijken) - _WIJKEN_SHOWN)
        rows.append((w["notebook.wijken"], f"{len(wijken)}: {shown}"))
    if len(net.rejects):
        rows.append((w["notebook.rejects"], str(len(net.rejects))))
    return rows


def summary_html(net: LadderNetwork, *, lang: str = "en") -> str:
    """:func:`summary_rows` as an HTML table, every text escaped; no style, no script.

    >>> from contactladder.network import LadderNetwork
    >>> net = LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten")
    >>> print(summary_html(net).split("<tr>")[0])
    <table class="contactladder-summary"><caption>Ladder network</caption>
    """
    cells = "".join(
        f'<tr><th scope="row" style="text-align:left">{_esc(label)}</th>'
        f'<td style="text-align:left">{_esc(value)}</td></tr>'
        for label, value in summary_rows(net, lang=lang)
    )
    caption = _esc(words(lang)["notebook.caption"])
    return f'<table class="contactladder-summary"><caption>{caption}</caption>{cells}</table>'


def summary_line(net: LadderNetwork) -> str:
    """The network in one line, for ``repr``: its name, people, contacts and period.

    >>> from contactladder.network import LadderNetwork
    >>> summary_line(LadderNetwork.from_path("tests/data/real/gephi_edges.csv", rung="praten"))
    "<LadderNetwork 'gephi_edges': 3 people, 2 contacts, 2024-03-05 to 2024-03-06>"
    """
    w = words("en")
    parts = [w.count(len(net.people), "common.people_counted")]
    if net.has_contacts:
        parts.append(w.count(len(net.contacts), "common.contacts_counted"))
    parts.append(
        w["notebook.period_range"].format(start=net.start.date(), end=net.end.date())
        if net.has_contacts
        else w["notebook.no_contacts"]
    )
    return f"<LadderNetwork {net.name!r}: {', '.join(parts)}>"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
