"""The weaver's lists as a reader sees them: the worklist as an HTML page, any list as terminal
text, and the name of a list's sheet.

The lists show names: they are the worker's own lists and hold personal data. The page says so
in a comment and a banner (:func:`contactladder.privacy.personal_data_notice`), a workbook in its
sheet name (:func:`sheet_name`) and its properties; CSV stays clean for scripts. The page is one
self-contained file: no scripts, no external resources, every value from the data escaped.

Examples
--------
>>> sheet_name("brokers", "nl")
'verbinders (persoonsgegevens)'
>>> print(as_text(pd.DataFrame([{"person": "p1", "priority": 5, "explanation": "Alone."}])))
p1  priority 5
    Alone.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

import pandas as pd

from contactladder.privacy import personal_data_notice
from contactladder.render.page import content_security_policy
from contactladder.words import check_lang, split_list, words

__all__ = ["LIST_KINDS", "sheet_name", "private_head", "worklist_html", "html_table", "as_text"]

#: The kinds of weaver list (``table.attrs["kind"]``).
LIST_KINDS = ("worklist", "introductions", "brokers", "follow_up", "changes", "counts")
# The columns the page shows under each person, in this order.
_DETAILS = (
    "wijk",
    "status",
    "activities",
    "last_contact",
    "joined",
    "ties",
    "suggestions",
    "invite",
    "introduced",
)
_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
.notice { background: #fff3cd; border: 1px solid #e0c36c; padding: .6em 1em; }
.person { border-bottom: 1px solid #ddd; padding: .8em 0; }
.person h2 { font-size: 1.1em; margin: 0 0 .3em; }
.priority { display: inline-block; min-width: 2em; background: #d7301f; color: #fff;
  text-align: center; border-radius: 1em; margin-right: .5em; }
.reasons { color: #555; font-size: .9em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; font-size: .9em; }
dt { color: #555; }
table { border-collapse: collapse; font-size: .9em; }
td, th { border-bottom: 1px solid #ddd; padding: .2em .6em; text-align: left; }
"""


def sheet_name(kind: str, lang: str = "nl") -> str:
    """The sheet name of a weaver list: the list's name and that it holds personal data.

    >>> sheet_name("worklist", "en")
    'worklist (personal data)'
    """
    w = words(lang)
    name = w[f"weaver.sheet_{kind}"] if kind in LIST_KINDS else kind
    return w["weaver.sheet"].format(name=name)


def private_head(title: str, css: str, lang: str) -> list[str]:
    """The first lines of a page that holds names, up to ``<body>``: the personal-data notice
    in a comment, a Content-Security-Policy that runs no script, a viewport for phones, no
    indexing by search engines.

    >>> "noindex" in "".join(private_head("Werklijst", "", "nl"))
    True
    """
    esc = html.escape
    return [
        "<!DOCTYPE html>",
        f"<!-- {esc(personal_data_notice(lang))} -->",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy())}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex, nofollow">',
        f"<title>{esc(title)}</title><style>{css}</style></head><body>",
    ]


def worklist_html(
    table: pd.DataFrame,
    *,
    lang: str | None = None,
    sections: Sequence[tuple[str, pd.DataFrame]] = (),
) -> str:
    """The worklist as one self-contained HTML page: no scripts, no external resources; it
    reads on a phone (a viewport meta). Its title holds the reference day.

    Every value from the data is escaped. The page says it holds personal data. ``sections``
    are (heading, table) pairs shown after the list as plain tables (what changed since the
    last list, the counts per wijk and reason).

    >>> page = worklist_html(pd.DataFrame([{"person": "p1", "wijk": "Dieze", "priority": 5,
    ...     "reasons": "alone", "explanation": "<b>x</b>", "name": "Ann"}]), lang="en")
    >>> "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page and "://" not in page
    True
    """
    lang = check_lang(lang or table.attrs.get("lang", "nl"))
    w = words(lang)
    esc = html.escape
    attrs = table.attrs
    title, notice = w["weaver.title"], personal_data_notice(lang)
    if attrs.get("as_of"):
        title += " · " + w["weaver.as_of"].format(day=attrs["as_of"])
    facts = [
        attrs.get("data"),
        w["weaver.as_of"].format(day=attrs["as_of"]) if attrs.get("as_of") else None,
        attrs.get("wijk"),
    ]
    heading = " · ".join(str(f) for f in facts if f)
    parts = [
        *private_head(title, _CSS, lang),
        f"<h1>{esc(title)}</h1>",
        f'<p class="notice">{esc(notice)}</p>',
    ]
    if heading:
        parts.append(f"<p>{esc(heading)}</p>")
    if not len(table):
        parts.append(f"<p>{esc(w['weaver.nobody_on_the_list'])}</p>")
    rungs = [c for c in table.columns if c.startswith("rung_")]
    if attrs.get("most_suggested"):
        spread = w.plural("weaver.most_suggested", attrs["most_suggested"])
        parts.append(f"<p>{esc(spread.format(count=attrs['most_suggested']))}</p>")
    for row in table.to_dict("records"):
        parts += _person(row, rungs, lang)
    for heading, section in sections:
        parts.append(f"<h2>{esc(heading)}</h2>")
        parts.append(html_table(section))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def html_table(table: pd.DataFrame) -> str:
    """A table as plain HTML, every value escaped.

    >>> html_table(pd.DataFrame({"a": ["<x>"]}))
    '<table><tr><th>a</th></tr><tr><td>&lt;x&gt;</td></tr></table>'
    """
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _person(row: dict, rungs: list[str], lang: str) -> list[str]:
    """One person of the worklist page: priority, name, reasons, explanation and details."""
    w, esc = words(lang), html.escape
    name = str(row.get("name") or "")
    if "label" in row:
        who = str(row["label"])
    else:
        who = f"{name} ({row['person']})" if name else str(row["person"])
    reasons = [w.get(f"weaver.reason_{key}") or key for key in split_list(row["reasons"])]
    parts = [
        '<section class="person">',
        f'<h2><span class="priority">{esc(str(row["priority"]))}</span>{esc(who)}</h2>',
        f'<p class="reasons">{esc(", ".join(reasons))}</p>',
        f"<p>{esc(str(row['explanation']))}</p><dl>",
    ]
    for column in _DETAILS:
        value = row.get(column)
        if value is not None and str(value) != "":
            parts.append(f"<dt>{esc(w[f'weaver.label_{column}'])}</dt><dd>{esc(str(value))}</dd>")
    counts = ", ".join(f"{c[5:]} {row[c]}" for c in rungs if row.get(c))
    if counts:
        parts.append(f"<dt>{esc(w['weaver.label_per_rung'])}</dt><dd>{esc(counts)}</dd>")
    parts.append("</dl></section>")
    return parts


def as_text(table: pd.DataFrame, *, width: int = 100) -> str:
    """A weaver table for the terminal: one line of key figures per row, then its explanation.

    An empty table reads "(none)" ("(niemand)" for a Dutch list).
    """
    if not len(table):
        return words(table.attrs.get("lang", "en"))["weaver.nobody"]
    keys = ("candidate", "candidate_label", "person", "label")
    key = next(c for c in (*keys, table.columns[0]) if c in table)
    columns = list(table.columns)
    head = columns[: columns.index("explanation")] if "explanation" in columns else columns
    head = [c for c in head if c not in keys]
    lines = []
    for row in table.to_dict("records"):
        figures = "  ".join(f"{c} {row[c]}" for c in head if str(row[c]) != "")
        name = row.get("name")
        lines.append(f"{row[key]}" + (f" {name}" if name else "") + f"  {figures}")
        if row.get("explanation"):
            lines += textwrap.wrap(
                str(row["explanation"]), width, initial_indent="    ", subsequent_indent="    "
            )
    return "\n".join(lines)
