"""The pieces of the report's page: the page shell with its print rules, sections, tables and
figures, each written as escaped HTML.

The report prints to A4: its stylesheet (``templates/report.css``) wraps every table onto the
page in smaller type, keeps each chart on one page and hides the interactive timeline; the page
margins carry the report's title and date and the page numbers (``@page`` margin boxes). The
title comes from the user or the data, so it reaches the stylesheet as an escaped CSS string
(:func:`css_string`): no text can end the style element or the string.

Tables carry the keys of their columns: every header and cell has ``data-column="<key>"`` (the
growth table's column names), whatever words the header shows. A missing value (an undefined
ratio) shows as :data:`MISSING`, never as "nan".

Examples
--------
>>> import pandas as pd
>>> table = table_html(pd.DataFrame({"ties": [3]}), "growth", headers={"ties": "Banden"})
>>> '<th scope="col" data-column="ties">Banden</th>' in table
True
>>> '<td data-column="peer_density">–</td>' in table_html(
...     pd.DataFrame({"period": ["2024"], "peer_density": [float("nan")]}), "g", headers={})
True
>>> print(css_string('</style>"'))
"\\3c \\2f style\\3e \\22 "
"""

from __future__ import annotations

import base64
import html
from importlib import resources

import pandas as pd

__all__ = [
    "page_html",
    "section_html",
    "figure_html",
    "table_html",
    "css_string",
    "escape",
    "WIDE_COLUMNS",
    "MISSING",
]

#: How a table shows a missing value (an undefined ratio).
MISSING = "–"

#: Tables with more columns than this print with their headers turned sideways.
WIDE_COLUMNS = 8


def page_html(
    *,
    title: str,
    lang: str,
    csp: str,
    head: str,
    sections: list[str],
    margin_title: str,
    margin_date: str,
) -> str:
    """The whole page: ``head`` (the report's heading) and ``sections`` in ``<main>``, the
    report's stylesheet, and the print margins with ``margin_title`` and ``margin_date``."""
    css = (
        resources.files("contactladder")
        .joinpath("templates", "report.css")
        .read_text(encoding="utf-8")
    )
    margins = (
        f"@page {{ @top-left {{ content: {css_string(margin_title)}; }} "
        f"@top-right {{ content: {css_string(margin_date)}; }} }}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{escape(title)}</title>'
        f"<style>{css}\n{margins}</style></head><body><main>{head}"
        f'{"".join(sections)}</main></body></html>\n'
    )


def section_html(key: str, title: str, body: str) -> str:
    """A section of the report with its heading; ``key`` is its anchor."""
    return f'<section id="{escape(key)}"><h2>{escape(title)}</h2>{body}</section>'


def figure_html(png: bytes, key: str, *, alt: str, caption: str, kind: str = "chart") -> str:
    """A picture embedded as PNG, with its alternative text and caption (``kind`` is its class:
    ``chart`` or ``village``)."""
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure class="{kind}" id="{kind}-{escape(key)}"><img alt="{escape(alt)}" '
        f'src="data:image/png;base64,{data}"><figcaption>{escape(caption)}</figcaption>'
        "</figure>"
    )


def table_html(
    table: pd.DataFrame,
    key: str,
    *,
    headers: dict[str, str],
    caption: str | None = None,
    digits: int = 3,
) -> str:
    """``table`` as HTML: the header of column ``c`` shows ``headers.get(c, c)``; headers and
    cells carry ``data-column="c"``; the first column is the rows' header. A table of more
    than :data:`WIDE_COLUMNS` columns is ``wide``: printed with its headers turned sideways,
    so every column stays on the page."""
    head = "".join(
        f'<th scope="col" data-column="{escape(c)}">{escape(headers.get(c, c))}</th>'
        for c in table.columns
    )
    rows = "".join(
        "<tr>"
        + "".join(
            _cell(c, v, digits, first=k == 0) for k, (c, v) in enumerate(zip(table.columns, row))
        )
        + "</tr>"
        for row in table.itertuples(index=False)
    )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    wide = ' class="wide"' if len(table.columns) > WIDE_COLUMNS else ""
    return (
        f'<div class="table"><table id="table-{escape(key)}"{wide}>{caption_html}<thead><tr>'
        f"{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits, spaces and a few signs
    written as a CSS escape, so the text can close neither the string nor the style element.

    >>> print(css_string("Rapport — Zwolle"))
    "Rapport \\2014  Zwolle"
    """
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:-_()")
    return '"' + "".join(c if c in safe else f"\\{ord(c):x} " for c in text) + '"'


def escape(text: object) -> str:
    """Text as HTML text or attribute value."""
    return html.escape(str(text), quote=True)


def _cell(column: str, value: object, digits: int, *, first: bool) -> str:
    if isinstance(value, float):
        text = MISSING if value != value else f"{value:.{digits}f}"  # NaN: an undefined ratio
    else:
        text = MISSING if value is None or value is pd.NA else str(value)
    tag = 'th scope="row"' if first else "td"
    return f'<{tag} data-column="{escape(column)}">{escape(text)}</{tag.split()[0]}>'
