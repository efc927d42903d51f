"""Maps of the dorp in de stad: one self-contained HTML page per moment.

A map shows the people of a network (a :class:`networkx.Graph` as made by
``LadderNetwork.snapshot``) and their ties on the contact ladder:

- people coloured and shaped by role: parents, each professional organisation its own colour,
  volunteers, other roles; sized by their number of ties;
- ties coloured by rung with the ladder's colours, thicker higher up the ladder;
- a legend of roles and rungs, a title with the data's name and the date, in Dutch or English;
- in the page: a filter by wijk and by lowest rung shown, a search box that finds a person and
  centres on them, and a tooltip per person (role, wijk, organisation, ties per rung) and per tie
  (rung, first and last contact, number of contacts, activities).

Safe to share:

- Self-contained: vis-network (the drawing library pyvis uses), the page's script and its style
  are inlined; a Content-Security-Policy lets the page load nothing from anywhere, so it opens
  from disk with the network off and sends nothing.
- Text stays text: the data travel in one ``<script type="application/json">`` block (with ``<``,
  ``>`` and ``&`` escaped) and the page puts them in place with ``textContent``; markup in a name,
  title or activity is shown literally and never runs. The page's own scripts are allowed by
  their hashes only, so even markup that did slip in could not run script.
- Anonymised by default: people are "Ouder 12", "Professional 3 (GGD)"; no names, ids or notes
  are written anywhere in the file. With ``anonymize=False`` names are shown and the page says
  "Bevat namen — alleen voor intern gebruik".

Positions come from :func:`contactladder.layout.layout_positions`, computed once for all people of
the data and passed in, so that maps of different dates put everyone in the same place. Physics is
off: the browser only draws.

Examples
--------
>>> import networkx as nx
>>> from contactladder.ladder import Ladder
>>> G = nx.Graph()
>>> G.add_node("p-anna", role="parent", number=1, name="Anna", wijk="Dieze")
>>> G.add_node("p-ben", role="professional", number=1, organisation="GGD", wijk="Dieze")
>>> G.add_edge("p-anna", "p-ben", rung=3, contacts=2, activities=("Koffie en Koters",))
>>> page = map_html(G, Ladder.default(), title="Dieze", as_of="2025-03-01")
>>> "Ouder 1" in page and "Professional 1 (GGD)" in page
True
>>> "Anna" in page or "p-anna" in page
False
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import math
from collections.abc import Hashable, Mapping
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
import pandas as pd

from .errors import UsageError
from .labels import ROLE_WORDS, person_label, role_key, role_word
from .ladder import LANGUAGES, Ladder
from .layout import layout_positions
from .output import write_text

__all__ = ["map_data", "map_html", "write_map", "node_size", "edge_width", "role_styles", "TEXT"]

#: The page's own words, per language.
TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "as_of": "Stand op", "people": "personen", "ties": "banden", "wijk": "Wijk",
        "all_wijken": "Alle wijken", "min_rung": "Vanaf trede", "search": "Zoek persoon",
        "find": "Zoek", "found": "Gevonden", "not_found": "Niet gevonden", "role": "Rol",
        "organisation": "Organisatie", "unknown": "onbekend", "ties_total": "Banden",
        "rung": "Trede", "first_contact": "Eerste contact", "last_contact": "Laatste contact",
        "contacts": "Aantal contacten", "activities": "Activiteiten", "legend_people": "Personen",
        "legend_rungs": "Treden van de contactladder", "size_note": "Grootte: aantal banden",
        "names": "Bevat namen — alleen voor intern gebruik",
        "noscript": "Deze kaart heeft JavaScript nodig.",
        "months": "januari februari maart april mei juni juli augustus september oktober "
                  "november december",
    },
    "en": {
        "as_of": "As of", "people": "people", "ties": "ties", "wijk": "Wijk",
        "all_wijken": "All wijken", "min_rung": "From rung", "search": "Find person",
        "find": "Find", "found": "Found", "not_found": "Not found", "role": "Role",
        "organisation": "Organisation", "unknown": "unknown", "ties_total": "Ties",
        "rung": "Rung", "first_contact": "First contact", "last_contact": "Last contact",
        "contacts": "Contacts", "activities": "Activities", "legend_people": "People",
        "legend_rungs": "Rungs of the contact ladder", "size_note": "Size: number of ties",
        "names": "Contains names — internal use only",
        "noscript": "This map needs JavaScript.",
        "months": "January February March April May June July August September October "
                  "November December",
    },
}

# Colour and shape per role; professionals get one colour per organisation.
_ROLE_STYLE = {
    "parent": ("#f2a900", "dot"),
    "volunteer": ("#2a9d8f", "triangle"),
    "child": ("#e76f51", "dot"),
    "": ("#b0b0b0", "dot"),
}
_PROFESSIONAL_SHAPE = "diamond"
_PROFESSIONAL_NO_ORGANISATION = "#7f7f7f"
_ORGANISATION_COLOURS = ("#6a3d9a", "#1f78b4", "#b15928", "#e7298a", "#66a61e", "#7570b3",
                         "#a6761d", "#1b9e77", "#d95f02", "#cab2d6", "#8dd3c7", "#fb9a99")
_OTHER_ROLE_COLOURS = ("#8c564b", "#17becf", "#bcbd22", "#9467bd", "#7f7f7f")
_OTHER_ROLE_SHAPE = "square"
_ROLE_ORDER = ("parent", "professional", "volunteer", "child")


def node_size(ties: int) -> float:
    """Size of a person on the map (canvas units) from their number of ties.

    Grows with the square root, so area grows with the number of ties.

    >>> node_size(0), node_size(4), node_size(10_000)
    (5.0, 9.0, 25.0)
    """
    return round(min(25.0, 5.0 + 2.0 * math.sqrt(ties)), 1)


def edge_width(level: int, ladder: Ladder) -> float:
    """Width of a tie on rung ``level``: 1 at the bottom of the ladder, 6 at the top.

    >>> [edge_width(r.level, Ladder.default()) for r in Ladder.default()]
    [1.0, 2.2, 3.5, 4.8, 6.0]
    """
    if len(ladder) < 2:
        return 2.0
    return round(1.0 + 5.0 * (level - 1) / (len(ladder) - 1), 1)


def role_styles(G: nx.Graph, *, lang: str = "nl", role: str = "role",
                organisation: str = "organisation") -> dict[tuple[str, str], dict[str, str]]:
    """The legend's groups of people present in ``G``, in legend order, with colour and shape.

    The key is ``(role key, organisation)``; the organisation is only part of it for
    professionals (each organisation its own colour), else it is "".

    >>> G = nx.Graph()
    >>> G.add_node(1, role="parent"); G.add_node(2, role="professional", organisation="GGD")
    >>> [(s["label"], s["colour"], s["shape"]) for s in role_styles(G, lang="en").values()]
    [('Parent', '#f2a900', 'dot'), ('Professional (GGD)', '#6a3d9a', 'diamond')]
    """
    keys = {_group_key(attrs, role, organisation) for _, attrs in G.nodes(data=True)}
    organisations = sorted(o for r, o in keys if r == "professional" and o)
    others = sorted(r for r, _ in keys if r not in ROLE_WORDS or r == "")  # "" sorts first
    styles: dict[tuple[str, str], dict[str, str]] = {}

    def add(key: tuple[str, str], colour: str, shape: str) -> None:
        if key in keys:
            word = role_word(key[0], lang)
            label = f"{word} ({key[1]})" if key[1] else word
            styles[key] = {"label": label, "role": word, "organisation": key[1],
                           "colour": colour, "shape": shape}

    for rk in _ROLE_ORDER:
        if rk == "professional":
            for i, org in enumerate(organisations):
                add((rk, org), _ORGANISATION_COLOURS[i % len(_ORGANISATION_COLOURS)],
                    _PROFESSIONAL_SHAPE)
            add((rk, ""), _PROFESSIONAL_NO_ORGANISATION, _PROFESSIONAL_SHAPE)
        else:
            add((rk, ""), *_ROLE_STYLE[rk])
    for i, rk in enumerate(r for r in others if r):
        add((rk, ""), _OTHER_ROLE_COLOURS[i % len(_OTHER_ROLE_COLOURS)], _OTHER_ROLE_SHAPE)
    add(("", ""), *_ROLE_STYLE[""])
    return styles


def map_data(
    G: nx.Graph,
    ladder: Ladder,
    *,
    title: str,
    as_of: object = None,
    lang: str = "nl",
    anonymize: bool = True,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    """Everything the map page shows, as plain JSON-able data, with no ids (and no names when
    anonymised).

    People are numbered 0, 1, ... in the order role, number, so the numbers say nothing about
    the ids. ``nodes`` rows are ``[x, y, size, group, wijk, label]`` (``group`` indexes
    ``groups``, ``wijk`` indexes ``wijken`` or is -1); ``edges`` rows are
    ``[a, b, level, first_contact, last_contact, contacts, [activity, ...]]`` with activities
    indexing ``activities``. Parameters are those of :func:`map_html`.
    """
    if lang not in LANGUAGES:
        raise UsageError("unknown language", value=lang, hint="use " + " or ".join(LANGUAGES))
    text = TEXT[lang]
    if positions is None:
        positions = layout_positions(G)
    missing = sum(1 for node in G if node not in positions)
    if missing:
        raise ValueError(f"positions lack {missing} of the {len(G)} people of the graph")
    styles = role_styles(G, lang=lang)
    group_index = {key: i for i, key in enumerate(styles)}
    order = sorted(G.nodes(data=True), key=_node_order)
    index = {node: i for i, (node, _) in enumerate(order)}
    wijken = sorted({_text(attrs.get("wijk")) for _, attrs in order} - {""})
    wijk_index = {w: i for i, w in enumerate(wijken)}
    nodes = []
    for node, attrs in order:
        x, y = positions[node]
        nodes.append([round(float(x), 1), round(float(y), 1), node_size(G.degree(node)),
                      group_index[_group_key(attrs, "role", "organisation")],
                      wijk_index.get(_text(attrs.get("wijk")), -1),
                      person_label(attrs, lang=lang, anonymize=anonymize)])
    activities = sorted({str(a) for _, _, acts in G.edges(data="activities", default=())
                         for a in (acts or ())})
    activity_index = {a: i for i, a in enumerate(activities)}
    edges = []
    for u, v, attrs in G.edges(data=True):
        a, b = sorted((index[u], index[v]))
        level = int(attrs.get("rung") or ladder.bottom.level)
        edges.append([a, b, level, _date(attrs.get("first_contact")),
                      _date(attrs.get("last_contact")), int(attrs.get("contacts") or 0),
                      sorted(activity_index[str(x)] for x in (attrs.get("activities") or ()))])
    edges.sort()
    date = _date(as_of) if as_of is not None else max((e[4] for e in edges if e[4]), default="")
    subtitle = [f"{text['as_of']} {_long_date(date, lang)}"] if date else []
    subtitle.append(f"{len(nodes)} {text['people']}, {len(edges)} {text['ties']}")
    return {
        "title": str(title),
        "subtitle": " · ".join(subtitle),
        "as_of": date,
        "lang": lang,
        "anonymized": bool(anonymize),
        "text": {k: v for k, v in text.items() if k not in ("months", "names", "noscript")},
        "rungs": [{"level": r.level, "key": r.key, "label": r.label(lang), "colour": r.colour,
                   "width": edge_width(r.level, ladder)} for r in ladder],
        "groups": list(styles.values()),
        "wijken": wijken,
        "activities": activities,
        "nodes": nodes,
        "edges": edges,
    }


def map_html(
    G: nx.Graph,
    ladder: Ladder,
    *,
    title: str,
    as_of: object = None,
    lang: str = "nl",
    anonymize: bool = True,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
) -> str:
    """The map of one moment as one self-contained HTML page.

    Parameters
    ----------
    G : networkx.Graph
        People and their ties at one moment (``LadderNetwork.snapshot(as_of)``). Node attributes
        ``role``, ``wijk``, ``organisation``, ``number``, ``name``; edge attributes ``rung``,
        ``first_contact``, ``last_contact``, ``contacts``, ``activities``. Not changed.
    ladder : Ladder
        Gives the rungs' labels and colours.
    title : str
        The data's name, shown as the page's heading (as text).
    as_of : date-like, optional
        The moment shown in the subtitle; by default the last contact in ``G``.
    lang : {"nl", "en"}
        Language of labels, legend and controls.
    anonymize : bool
        True (the default): people are "Ouder 12"; no names or ids are written into the page.
        False: names are shown and the page says it is for internal use only.
    positions : mapping, optional
        Node -> (x, y) for every node of ``G``, from :func:`~contactladder.layout.layout_positions`
        over all people of the data, so maps of different dates line up. Computed from ``G``
        when not given.

    Returns
    -------
    str
        The page. The same input gives the same page, byte for byte.

    Raises
    ------
    UsageError
        If ``lang`` is not supported.
    ValueError
        If ``positions`` lacks a node of ``G``.
    """
    data = map_data(G, ladder, title=title, as_of=as_of, lang=lang, anonymize=anonymize,
                    positions=positions)
    text = TEXT[lang]
    vis = "\n" + _template("vis-network.min.js") + "\n"
    app = "\n" + _template("map.js") + "\n"
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_script_hash(vis)} {_script_hash(app)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    banner = "" if anonymize else f'<p class="cl-names" id="cl-names">{_esc(text["names"])}</p>'
    return Template(_template("map.html")).substitute(
        lang=lang,
        csp=csp,
        title=_esc(data["title"]),
        subtitle=_esc(data["subtitle"]),
        names_banner=banner,
        label_wijk=_esc(text["wijk"]),
        label_min_rung=_esc(text["min_rung"]),
        label_search=_esc(text["search"]),
        label_find=_esc(text["find"]),
        noscript=_esc(text["noscript"]),
        css=_template("map.css"),
        data=_script_json(data),
        vis=vis,
        app=app,
    )


def write_map(G: nx.Graph, ladder: Ladder, path: str | Path, **kw: Any) -> Path:
    """Write :func:`map_html` to ``path`` (UTF-8), whole or not at all, and return the path.

    The page is written to a temporary file in the same folder and renamed over ``path``, so a
    reader never sees half a file; a missing folder is made. Keywords are those of
    :func:`map_html`.

    Raises
    ------
    ContactLadderError
        If the file cannot be written (no permission).
    """
    return write_text(path, map_html(G, ladder, **kw))


# --- helpers ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _template(name: str) -> str:
    text = resources.files("contactladder").joinpath("templates", name).read_text(encoding="utf-8")
    if name.endswith(".js") and ("</script" in text.lower() or "<!--" in text):
        raise RuntimeError(f"template {name} cannot be inlined in a <script> element")
    return text


def _script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _script_json(data: object) -> str:
    """JSON to embed in ``<script type="application/json">``: markup characters escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text(value: object) -> str:
    if value is None or value != value:
        return ""
    return str(value).strip()


def _group_key(attrs: Mapping[str, Any], role: str, organisation: str) -> tuple[str, str]:
    rk = role_key(attrs.get(role))
    return (rk, _text(attrs.get(organisation)) if rk == "professional" else "")


def _node_order(item: tuple[Hashable, Mapping[str, Any]]) -> tuple:
    node, attrs = item
    rk = role_key(attrs.get("role"))
    rank = _ROLE_ORDER.index(rk) if rk in _ROLE_ORDER else len(_ROLE_ORDER)
    number = attrs.get("number")
    number = int(number) if number is not None and number == number else math.inf
    return (rank, rk, number, type(node).__name__, str(node))


def _date(value: object) -> str:
    """An ISO date (YYYY-MM-DD), or "" for nothing."""
    if value is None:
        return ""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return ""
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def _long_date(iso: str, lang: str) -> str:
    """'2025-03-01' as '1 maart 2025' (nl) or '1 March 2025' (en)."""
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{day} {TEXT[lang]['months'].split()[month - 1]} {year}"
