"""The conversation sheet as one printable page (A4): one person's ties by rung, who faded
since when, whom they could meet and why, activities to invite them to, the introductions
logged, and a small picture of their own network.

The page is self-contained (no scripts, nothing loaded; the picture is an SVG data: URI that
the page's Content-Security-Policy allows), every value from the data is escaped, and it says
that it holds personal data. It reads on a phone too (a viewport meta).

Examples
--------
>>> import pandas as pd
>>> sheet = {"name": "Ans <b>", "wijk": "Dieze", "as_of": "2025-12-01", "invite": "",
...     "ties": pd.DataFrame(columns=["who", "rung", "last_contact", "faded", "since"]),
...     "suggestions": pd.DataFrame(columns=["name", "candidate", "explanation"]),
...     "introductions": pd.DataFrame(columns=["date", "person", "introduced_to",
...                                            "explanation"])}
>>> page = conversation_html(sheet, lang="en")
>>> "Ans &lt;b&gt;" in page and "<b>" not in page and "<script" not in page
True
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from typing import Any

from contactladder.privacy import personal_data_notice
from contactladder.render.worklist_page import private_head
from contactladder.words import check_lang, split_list, words

__all__ = ["conversation_html"]

_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: system-ui, sans-serif; max-width: 48em; margin: 1em auto; color: #222;
  font-size: 11pt; }
.notice { background: #fff3cd; border: 1px solid #e0c36c; padding: .4em .8em; font-size: .9em; }
h1 { font-size: 1.4em; margin: .2em 0; } h2 { font-size: 1.1em; margin: 1em 0 .3em; }
ul { margin: .2em 0; padding-left: 1.2em; } li { margin: .15em 0; }
.faded { color: #777; }
.picture { float: right; width: 40%; margin: 0 0 1em 1em; }
.picture img { width: 100%; height: auto; border: 1px solid #ddd; }
@media print { .notice { border: 1px solid #999; } }
"""


def conversation_html(
    sheet: Mapping[str, Any], *, lang: str = "nl", picture: bytes | None = None
) -> str:
    """The page of a conversation sheet (:func:`~contactladder.analysis.conversation.
    conversation`), with ``picture`` (SVG bytes of their own network) when given."""
    lang = check_lang(lang)
    w, esc = words(lang), html.escape
    title = w["weaver.sheet_title"].format(name=sheet["name"])
    notice = personal_data_notice(lang)
    parts = [
        *private_head(f"{title} · {sheet['as_of']}", _CSS, lang),
        f'<p class="notice">{esc(notice)}</p>',
        f"<h1>{esc(title)}</h1>",
    ]
    facts = [sheet.get("wijk"), w["weaver.as_of"].format(day=sheet["as_of"])]
    parts.append(f"<p>{esc(' · '.join(str(fact) for fact in facts if fact))}</p>")
    if picture:
        data = base64.b64encode(picture).decode("ascii")
        parts.append(
            f'<div class="picture"><img alt="{esc(w["weaver.sheet_picture"])}" '
            f'src="data:image/svg+xml;base64,{data}"></div>'
        )
    parts += _ties(sheet, lang)
    parts.append(f"<h2>{esc(w['weaver.sheet_suggestions'])}</h2>")
    parts += _items(
        [f"{_who(row)}: {row['explanation']}" for row in sheet["suggestions"].to_dict("records")],
        lang,
    )
    if sheet.get("invite"):
        parts.append(f"<h2>{esc(w['weaver.label_invite'])}</h2>")
        parts += _items(split_list(sheet["invite"]), lang)
    parts.append(f"<h2>{esc(w['weaver.sheet_logged'])}</h2>")
    parts += _items(
        [
            f"{row['date']}: {row['person']} – {row['introduced_to']}. {row['explanation']}"
            for row in sheet["introductions"].to_dict("records")
        ],
        lang,
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _ties(sheet: Mapping[str, Any], lang: str) -> list[str]:
    """The ties by rung (highest first), and those that faded, with since when."""
    w, esc = words(lang), html.escape
    ties = sheet["ties"]
    parts = [f"<h2>{esc(w['weaver.sheet_ties'])}</h2>"]
    if not len(ties):
        return [*parts, f"<p>{esc(w['weaver.nobody'])}</p>"]
    for rung, group in ties.groupby("rung", sort=False):
        names = ", ".join(str(who) for who in group["who"])
        parts.append(f"<p><strong>{esc(str(rung))}</strong>: {esc(names)}</p>")
    faded = ties[ties["faded"].astype(bool)]
    parts.append(f"<h2>{esc(w['weaver.sheet_faded'])}</h2>")
    parts += _items(
        [
            w["weaver.sheet_faded_item"].format(
                who=row["who"], last=row["last_contact"], span=row["since"]
            )
            for row in faded.to_dict("records")
        ],
        lang,
        css="faded",
    )
    return parts


def _who(row: Mapping[str, Any]) -> str:
    name = str(row.get("name") or "")
    return f"{name} ({row['candidate']})" if name else str(row["candidate"])


def _items(texts: list[str], lang: str, css: str = "") -> list[str]:
    """A list of texts, escaped; "(none)" when empty."""
    esc = html.escape
    if not texts:
        return [f"<p>{esc(words(lang)['weaver.nobody'])}</p>"]
    attribute = f' class="{css}"' if css else ""
    return [f"<ul{attribute}>", *(f"<li>{esc(text)}</li>" for text in texts), "</ul>"]
