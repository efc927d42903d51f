"""Maps of the dorp in de stad: one self-contained HTML page per moment.

A map shows the people of a network (a :class:`networkx.Graph` as made by
``LadderNetwork.snapshot``) and their ties on the contact ladder:

- people coloured and shaped by role: parents, each professional organisation its own colour,
  volunteers, other roles; sized by their number of ties;
- ties coloured by rung with the ladder's colours, thicker higher up the ladder;
- a legend of roles and rungs, a title with the data's name and the date, in Dutch or English;
- in the page: a filter by wijk (its people and the ties among them, as ``growth --by wijk``
  counts them) and by lowest rung shown, a search box that finds a person and centres on them,
  and a tooltip per person (role, wijk, organisation, ties per rung) and per tie (rung, first
  and last contact, number of contacts, activities);
- the map in an area of its own, with the legend beside it (folded above it on narrow screens),
  each wijk's name above its area, labels from a readable zoom up (the person in focus and the
  search's hit always), and zoom buttons; the mouse wheel scrolls the page around an embedded
  map until the reader clicks the map (Ctrl + wheel always zooms).

An organisation has one colour on every map of the same data: :func:`network_map_data` and
:func:`timeline_data` pass the table of :func:`organisation_colours` over all professionals.

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
import re
from collections.abc import Hashable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import networkx as nx
import pandas as pd

from contactladder.errors import UsageError
from contactladder.privacy import person_label
from contactladder.words import attribute_text
from contactladder.words.roles import ROLE_WORDS, role_key, role_word
from contactladder.ladder import LANGUAGES, Ladder
from contactladder.render.layout import layout_areas
from contactladder.io.files import write_text

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["map_data", "map_html", "render_map", "write_map", "network_map_data", "focus_graph",
           "write_map_files", "timeline_data", "timeline_html", "render_timeline",
           "write_timeline", "write_timeline_files", "embed_snippet", "write_embed", "html_path",
           "node_size", "edge_width", "role_styles", "organisation_colours", "TEXT"]

# The page's own words: key -> (Dutch, English), in the order of LANGUAGES.
_WORDS = {
    "as_of": ("Stand op", "As of"),
    "people": ("personen", "people"),
    "ties": ("banden", "ties"),
    "wijk": ("Wijk", "Wijk"),
    "all_wijken": ("Alle wijken", "All wijken"),
    "min_rung": ("Vanaf trede", "From rung"),
    "search": ("Zoek persoon", "Find person"),
    "find": ("Zoek", "Find"),
    "found": ("Gevonden", "Found"),
    "not_found": ("Niet gevonden", "Not found"),
    "role": ("Rol", "Role"),
    "organisation": ("Organisatie", "Organisation"),
    "unknown": ("onbekend", "unknown"),
    "ties_total": ("Banden", "Ties"),
    "rung": ("Trede", "Rung"),
    "first_contact": ("Eerste contact", "First contact"),
    "last_contact": ("Laatste contact", "Last contact"),
    "contacts": ("Aantal contacten", "Contacts"),
    "activities": ("Activiteiten", "Activities"),
    "legend_people": ("Personen", "People"),
    "legend_rungs": ("Treden van de contactladder", "Rungs of the contact ladder"),
    "size_note": ("Grootte: aantal banden", "Size: number of ties"),
    "size_note_part": ("Grootte: aantal banden in deze kaart", "Size: number of ties in this map"),
    "legend": ("Legenda", "Legend"),
    "legend_counters": ("Tellers en legenda", "Counters and legend"),
    "zoom_in": ("Inzoomen", "Zoom in"),
    "zoom_out": ("Uitzoomen", "Zoom out"),
    "fit": ("Passend", "Fit"),
    "fit_label": ("Hele kaart tonen", "Show the whole map"),
    "zoom_hint": ("Klik op de kaart om met het wieltje te zoomen (of Ctrl + wieltje)",
                  "Click the map to zoom with the wheel (or Ctrl + wheel)"),
    "names": ("Bevat namen — alleen voor intern gebruik", "Contains names — internal use only"),
    "noscript": ("Deze kaart heeft JavaScript nodig.", "This map needs JavaScript."),
    "play": ("Afspelen", "Play"),
    "pause": ("Pauze", "Pause"),
    "period": ("Periode", "Period"),
    "people_word": ("Personen", "People"),
    "new_ties": ("Nieuwe banden", "New ties"),
    "climbed": ("Gestegen", "Climbed"),
    "focal_alone": ("{focal} zonder band", "{focal} without a tie"),
    "fresh_note": ("Fel en donker omlijnd: nieuw of gestegen in deze periode",
                   "Bright with a dark outline: new or climbed in this period"),
    "since": ("Sinds", "Since"),
    "history": ("Treden", "Rungs"),
    "per_day": ("per dag", "per day"),
    "per_week": ("per week", "per week"),
    "per_month": ("per maand", "per month"),
    "per_quarter": ("per kwartaal", "per quarter"),
    "per_year": ("per jaar", "per year"),
    "months": ("januari februari maart april mei juni juli augustus september oktober "
               "november december",
               "January February March April May June July August September October "
               "November December"),
}
#: The page's own words, per language: ``TEXT[lang][key]``.
TEXT: dict[str, dict[str, str]] = {
    lang: {key: words[i] for key, words in _WORDS.items()} for i, lang in enumerate(LANGUAGES)}

# Colour and shape per role; professionals get one colour per organisation.
_ROLE_STYLE = {
    "parent": ("#f2a900", "dot"),
    "volunteer": ("#2a9d8f", "triangle"),
    "child": ("#e76f51", "dot"),
    "": ("#b0b0b0", "dot"),
}
_PROFESSIONAL_SHAPE = "diamond"
_PROFESSIONAL_NO_ORGANISATION = "#7f7f7f"
# Clearly distinct hues (from Okabe-Ito and Tableau 10), none near the parents' amber or the
# volunteers' teal; given to organisations in alphabetical order (see organisation_colours).
_ORGANISATION_COLOURS = ("#0072b2", "#d55e00", "#59a14f", "#cc79a7", "#6a3d9a", "#56b4e9",
                         "#9c755f", "#000000", "#ff9da7")
_OTHER_ROLE_COLOURS = ("#8c564b", "#17becf", "#bcbd22", "#9467bd", "#7f7f7f")
_OTHER_ROLE_SHAPE = "square"
# The slots of page.html that a page's own template fills (see _slots).
_SLOTS = ("controls", "bar", "panels")
_ROLE_ORDER = ("parent", "professional", "volunteer", "child")
# The focal role in the plural, for "Ouders zonder band".
_FOCAL_WORDS = {"parent": {"nl": "Ouders", "en": "Parents"},
                "child": {"nl": "Kinderen", "en": "Children"},
                "volunteer": {"nl": "Vrijwilligers", "en": "Volunteers"},
                "professional": {"nl": "Professionals", "en": "Professionals"}}


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


def organisation_colours(organisations: Iterable[object]) -> dict[str, str]:
    """The colour of each organisation: one table for every map of the same data.

    Give it the organisations of all professionals in the data (not only those on one map), so
    that an organisation has the same colour on a focus map, a wijk map and the timeline.
    Organisations get the colours in alphabetical order; blanks are left out.

    >>> organisation_colours(["GGD", "Bibliotheek", "", "GGD"])
    {'Bibliotheek': '#0072b2', 'GGD': '#d55e00'}
    """
    names = sorted({attribute_text(o) for o in organisations} - {""})
    return {name: _ORGANISATION_COLOURS[i % len(_ORGANISATION_COLOURS)]
            for i, name in enumerate(names)}


def role_styles(G: nx.Graph, *, lang: str = "nl", role: str = "role",
                organisation: str = "organisation",
                colours: Mapping[str, str] | None = None,
                ) -> dict[tuple[str, str], dict[str, str]]:
    """The legend's groups of people present in ``G``, in legend order, with colour and shape.

    The key is ``(role key, organisation)``; the organisation is only part of it for
    professionals (each organisation its own colour), else it is "".

    ``colours`` maps organisation -> colour (:func:`organisation_colours` of all the data's
    professionals); by default it is made from the organisations present in ``G``, so maps of
    parts of one network should pass it.

    >>> G = nx.Graph()
    >>> G.add_node(1, role="parent"); G.add_node(2, role="professional", organisation="GGD")
    >>> [(s["label"], s["colour"], s["shape"]) for s in role_styles(G, lang="en").values()]
    [('Parent', '#f2a900', 'dot'), ('Professional (GGD)', '#0072b2', 'diamond')]
    """
    keys = {_group_key(attrs, role, organisation) for _, attrs in G.nodes(data=True)}
    organisations = sorted(o for r, o in keys if r == "professional" and o)
    table = dict(colours) if colours is not None else organisation_colours(organisations)
    extra = organisation_colours(o for o in organisations if o not in table)
    table.update({o: _ORGANISATION_COLOURS[(len(table) + i) % len(_ORGANISATION_COLOURS)]
                  for i, o in enumerate(extra)})
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
            for org in organisations:
                add((rk, org), table[org], _PROFESSIONAL_SHAPE)
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
    focus: Hashable | None = None,
    min_rung: int | None = None,
    colours: Mapping[str, str] | None = None,
    areas: Mapping[str, tuple[float, float, float]] | None = None,
    part: bool = False,
) -> dict[str, Any]:
    """Everything the map page shows, as plain JSON-able data, with no ids (and no names when
    anonymised).

    People are numbered 0, 1, ... in the order role, number, so the numbers say nothing about
    the ids. ``nodes`` rows are ``[x, y, size, group, wijk, label]`` (``group`` indexes
    ``groups``, ``wijk`` indexes ``wijken`` or is -1); ``edges`` rows are
    ``[a, b, level, first_contact, last_contact, contacts, [activity, ...]]`` with activities
    indexing ``activities``; ``focus`` is the number of the person in focus or -1;
    ``min_level`` the lowest rung shown at first; ``areas`` rows ``[wijk, x, y, radius]`` say
    where each wijk's people sit, for its name (none on a focus map); ``subtitle_lead`` is the
    subtitle before its counts of people and ties, which the page updates when it filters.
    Parameters are those of :func:`map_html`.
    """
    return _map_data(G, ladder, title=title, as_of=as_of, lang=lang, anonymize=anonymize,
                     positions=positions, focus=focus, min_rung=min_rung, colours=colours,
                     areas=areas, part=part)[0]


def _map_data(G: nx.Graph, ladder: Ladder, *, title: str, as_of: object, lang: str,
              anonymize: bool, positions: Mapping[Hashable, tuple[float, float]] | None,
              focus: Hashable | None = None, min_rung: int | None = None,
              colours: Mapping[str, str] | None = None,
              areas: Mapping[str, tuple[float, float, float]] | None = None,
              part: bool = False,
              ) -> tuple[dict[str, Any], dict[Hashable, int]]:
    """:func:`map_data` and the number of each node."""
    _check_lang(lang)
    text = TEXT[lang]
    if positions is None:
        positions, areas = layout_areas(G)
    missing = sum(1 for node in G if node not in positions)
    if missing:
        raise ValueError(f"positions lack {missing} of the {len(G)} people of the graph")
    styles = role_styles(G, lang=lang, colours=colours)
    group_index = {key: i for i, key in enumerate(styles)}
    order = sorted(G.nodes(data=True), key=_node_order)
    index = {node: i for i, (node, _) in enumerate(order)}
    wijken = sorted({attribute_text(attrs.get("wijk")) for _, attrs in order} - {""})
    wijk_index = {w: i for i, w in enumerate(wijken)}
    nodes = []
    for node, attrs in order:
        x, y = positions[node]
        nodes.append([round(float(x), 1), round(float(y), 1), node_size(G.degree(node)),
                      group_index[_group_key(attrs, "role", "organisation")],
                      wijk_index.get(attribute_text(attrs.get("wijk")), -1),
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
    lead = [f"{text['as_of']} {_long_date(date, lang)}"] if date else []
    if areas is None:
        areas = _areas(G, positions)
    area_rows = [] if focus is not None else [
        [wijk_index[w], *(round(float(v), 1) for v in areas[w])]
        for w in wijken if w in areas]
    return {
        "title": str(title),
        "subtitle": " · ".join([*lead, _counts(len(nodes), len(edges), lang)]),
        "subtitle_lead": lead,
        "as_of": date,
        "lang": lang,
        "anonymized": bool(anonymize),
        "text": {**{k: v for k, v in text.items()
                    if k not in ("months", "names", "noscript", "size_note_part")
                    and not k.startswith("per_")},
                 "size_note": text["size_note_part" if part else "size_note"]},
        "rungs": [{"level": r.level, "key": r.key, "label": r.label(lang), "colour": r.colour,
                   "width": edge_width(r.level, ladder)} for r in ladder],
        "groups": list(styles.values()),
        "wijken": wijken,
        "areas": area_rows,
        "activities": activities,
        "focus": index.get(focus, -1) if focus is not None else -1,
        "min_level": int(min_rung) if min_rung is not None else ladder.bottom.level,
        "nodes": nodes,
        "edges": edges,
    }, index


def _counts(people: int, ties: int, lang: str) -> str:
    """'12 personen, 30 banden'."""
    return f"{people} {TEXT[lang]['people']}, {ties} {TEXT[lang]['ties']}"


def _areas(G: nx.Graph, positions: Mapping[Hashable, tuple[float, float]],
           ) -> dict[str, tuple[float, float, float]]:
    """Where the people of each wijk of ``G`` sit, from their positions: the centre of their
    bounding box and the distance to the farthest, for a map given positions but no areas."""
    points: dict[str, list[tuple[float, float]]] = {}
    for node, attrs in G.nodes(data=True):
        wijk = attribute_text(attrs.get("wijk"))
        if wijk:
            points.setdefault(wijk, []).append(positions[node])
    areas = {}
    for wijk, xy in points.items():
        xs, ys = [p[0] for p in xy], [p[1] for p in xy]
        x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        areas[wijk] = (x, y, max(math.hypot(px - x, py - y) for px, py in xy) + 20.0)
    return areas


def map_html(
    G: nx.Graph,
    ladder: Ladder,
    *,
    title: str,
    as_of: object = None,
    lang: str = "nl",
    anonymize: bool = True,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    focus: Hashable | None = None,
    min_rung: int | None = None,
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
    focus : node, optional
        A person to highlight and centre on (their own network: see :func:`focus_graph`).
    min_rung : int, optional
        The level of the lowest rung shown when the page opens (the reader can change it).

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
                    positions=positions, focus=focus, min_rung=min_rung)
    return render_map(data)


def render_map(data: Mapping[str, Any]) -> str:
    """The map page of :func:`map_data`'s data."""
    text = TEXT[data["lang"]]
    return _page("map", data, {"label_search": text["search"], "label_find": text["find"]})


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


# --- maps of a LadderNetwork ------------------------------------------------------------------

def focus_graph(G: nx.Graph, person: Hashable) -> nx.Graph:
    """One person's own network: them, the people they are tied to, and the ties among those.

    For a one-to-one conversation with a parent about their village. Returns a read-only view
    of ``G``; ``G`` is not changed.

    >>> G = nx.Graph([("ann", "bo"), ("bo", "cem"), ("ann", "cem"), ("cem", "dirk")])
    >>> sorted(focus_graph(G, "ann").edges())
    [('ann', 'bo'), ('ann', 'cem'), ('bo', 'cem')]
    """
    return G.subgraph([person, *G[person]])


def network_map_data(
    net: LadderNetwork,
    *,
    as_of: object = None,
    wijk: str | None = None,
    min_rung: object = None,
    focus: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    title: str | None = None,
) -> dict[str, Any]:
    """:func:`map_data` of a network at one moment, with the options of ``contactladder map``.

    Positions come from the layout of the whole history (the network at its last date), so
    every map and every step of the timeline puts a person in the same place.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date-like, optional
        The network as far as it has grown by this date (default: the end of the data).
    wijk : str, optional
        Only the people of this wijk and the ties among them (as ``growth --by wijk`` counts
        them); case-insensitive.
    min_rung : level, key or label, optional
        The lowest rung shown when the page opens (the reader can change it in the page; the
        static picture draws only the ties from this rung up).
    focus : str, optional
        The id of a person: only their own network (:func:`focus_graph`), with them highlighted.
    anonymize, lang :
        As in :func:`map_html`.
    title : str, optional
        The heading; by default the data's name, with the wijk or the person in focus.

    Raises
    ------
    UsageError
        For an unknown wijk, rung, person or language, a person not present by ``as_of`` or not
        in ``wijk``, or a date outside the data. Messages name what was typed, never other
        people's ids.
    """
    level, wijk_name, parts = _options(net, lang=lang, wijk=wijk, min_rung=min_rung, title=title)
    final = net.snapshot()
    positions, areas = layout_areas(final)
    G = _in_wijk(final if as_of is None else net.snapshot(as_of), wijk_name)
    if as_of is None and len(net.contacts):
        as_of = net.end  # the data's end date, whichever part of the data is shown
    person = None
    if focus is not None:
        person = _resolve_person(net, G, focus, wijk_name)
        G = focus_graph(G, person)
        if title is None:
            parts.append(person_label(G.nodes[person], lang=lang, anonymize=anonymize))
    return map_data(G, net.ladder, title=" — ".join(parts), as_of=as_of, lang=lang,
                    anonymize=anonymize, positions=positions, focus=person, min_rung=level,
                    colours=_colours(net), areas=areas,
                    part=wijk_name is not None or person is not None)


def _colours(net: LadderNetwork) -> dict[str, str]:
    """:func:`organisation_colours` of all professionals in the data: one table for every map."""
    people = net.people
    if "organisation" not in people.columns:
        return {}
    professional = [role_key(r) == "professional" for r in people["role"]]
    return organisation_colours(people["organisation"][professional])


def write_map_files(
    net: LadderNetwork,
    path: str | Path = "outputs/map.html",
    *,
    png: bool = False,
    svg: bool = False,
    embed: bool = False,
    **options: Any,
) -> list[Path]:
    """Write the map page of ``net`` and, when asked, its static picture and embed snippet.

    Parameters
    ----------
    net : LadderNetwork
    path : path
        The page, ending in ``.html`` (or ``.htm``).
    png, svg : bool
        Also write the same map as a static picture beside it (``map.png``, ``map.svg``):
        the same positions, colours, sizes and legend (see :mod:`contactladder.static_map`).
    embed : bool
        Also write ``<name>.embed.html``: the ``<iframe>`` snippet to paste into a web page or
        report (:func:`embed_snippet`).
    **options :
        Those of :func:`network_map_data`: ``as_of, wijk, min_rung, focus, anonymize, lang,
        title``.

    Returns
    -------
    list of Path
        The page first, then the PNG, the SVG and the snippet, as asked.

    Raises
    ------
    UsageError
        If ``path`` does not end in ``.html``, or for the reasons of :func:`network_map_data`.

    Examples
    --------
    >>> from contactladder.network.ladder_network import LadderNetwork
    >>> net = LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
    >>> write_map_files(net, "outputs/map.html", png=True)  # doctest: +SKIP
    [PosixPath('outputs/map.html'), PosixPath('outputs/map.png')]
    """
    path = html_path(path)
    data = network_map_data(net, **options)
    paths = [write_text(path, render_map(data))]
    if png or svg:
        from contactladder.render.static_map import save_map_picture

        paths += [save_map_picture(data, path.with_suffix("." + fmt))
                  for fmt, wanted in (("png", png), ("svg", svg)) if wanted]
    if embed:
        paths.append(write_embed(path, title=data["title"]))
    return paths


# --- the village over time -------------------------------------------------------------------

def timeline_data(
    net: LadderNetwork,
    *,
    freq: str = "month",
    lang: str = "nl",
    anonymize: bool = True,
    title: str | None = None,
    wijk: str | None = None,
    min_rung: object = None,
) -> dict[str, Any]:
    """Everything the timeline page shows, as plain JSON-able data (see :func:`timeline_html`).

    Besides the keys of :func:`map_data` (``nodes`` at their final size, no ``activities``):

    - ``steps``: ``[label, text]`` per period (``"2024-03"``, ``"maart 2024"``);
    - ``appear``: per person, the step at which they are first present;
    - ``edges``: per tie ``[a, b, step, level, step, level, ...]``: the people, the step of its
      first contact and its rung then, and each later step where it climbed with the new rung;
    - ``counters``: ``columns`` (``people, ties, rung_<key>..., focal_alone, new_ties,
      climbed``), ``all``: per step the row of :func:`~contactladder.metrics.growth` (or of its
      ``by="wijk"`` group when ``wijk`` is given), and ``wijken``: the same per wijk of
      ``wijken``, for the page's wijk filter.
    """
    from contactladder.analysis.growth import growth

    level, wijk_name, parts = _options(net, lang=lang, wijk=wijk, min_rung=min_rung, title=title)
    text = TEXT[lang]
    final = net.snapshot() if len(net.contacts) else nx.Graph()
    positions, areas = layout_areas(final)
    G = _in_wijk(final, wijk_name)
    data, index = _map_data(G, net.ladder, title=" — ".join(parts), as_of=None, lang=lang,
                            anonymize=anonymize, positions=positions, min_rung=level,
                            colours=_colours(net), areas=areas, part=wijk_name is not None)
    # One walk over the periods gives when each person and tie appears and when ties climb.
    appear = [-1] * len(index)
    ties: dict[tuple[int, int], list[int]] = {}
    steps = []
    for number, step in enumerate(net.periods(freq)):
        steps.append([step.label, _period_text(step.period, freq, lang)])
        for person in step.joined:
            if person in index and appear[index[person]] < 0:
                appear[index[person]] = number
        for a, b in step.new_ties:
            if a in index and b in index:
                pair = tuple(sorted((index[a], index[b])))
                ties[pair] = [*pair, number, int(step.graph[a][b]["rung"])]
        for a, b, _, new in step.climbed:
            if a in index and b in index:
                ties[tuple(sorted((index[a], index[b])))] += [number, int(new)]
    columns = (["people", "ties"] + [f"rung_{rung.key}" for rung in net.ladder]
               + ["focal_alone", "new_ties", "climbed"])
    by_wijk = None
    if wijk_name is not None or len(data["wijken"]) > 1:
        by_wijk = growth(net, freq=freq, by="wijk")

    def rows(table: pd.DataFrame) -> list[list[int]]:
        return [[int(v) for v in row] for row in table[columns].itertuples(index=False)]

    if wijk_name is None:
        counters_all = rows(growth(net, freq=freq))
        counters_wijk = [rows(by_wijk[by_wijk["group"] == w]) for w in data["wijken"]] \
            if by_wijk is not None else []
    else:
        counters_all = rows(by_wijk[by_wijk["group"] == wijk_name])
        counters_wijk = []
    per = text["per_" + freq]
    subtitle = [per.capitalize()]
    if steps:
        subtitle.append(f"{steps[0][1]} – {steps[-1][1]}")
    lead = list(subtitle)
    subtitle.append(_counts(len(data["nodes"]), len(ties), lang))
    focal = _FOCAL_WORDS.get(role_key(net.focal), {}).get(lang) or role_word(net.focal, lang)
    data.update({
        "subtitle": " · ".join(subtitle),
        "subtitle_lead": lead,
        "freq": freq,
        "steps": steps,
        "appear": appear,
        "edges": [ties[pair] for pair in sorted(ties)],
        "activities": [],
        "counters": {"columns": columns, "all": counters_all, "wijken": counters_wijk},
        "focal_alone_label": text["focal_alone"].format(focal=focal),
    })
    return data


def timeline_html(
    net: LadderNetwork,
    *,
    freq: str = "month",
    lang: str = "nl",
    anonymize: bool = True,
    title: str | None = None,
    wijk: str | None = None,
    min_rung: object = None,
) -> str:
    """The village growing over time, as one self-contained HTML page.

    A slider runs over the periods from the first contact to the last, with a play/pause
    button. At each step the page shows the people present and the ties reached by then,
    coloured by the rung reached and as thick as their rung; ties that are new or climbed in
    that step are drawn opaque with a dark outline, and people who joined in it are outlined
    too (both glow as well when few are new, so a busy period does not blur into haze).
    Counters beside the map show the
    period's people, ties per rung, focal people without a tie, new and climbed ties: the
    numbers of :func:`contactladder.metrics.growth` for that period, computed by it. Everyone
    keeps their place: positions come from the layout of the whole history.

    The page works from disk with the network off and inside ``<iframe sandbox="allow-scripts"
    srcdoc="...">`` (it uses no storage, cookies or other windows); it sets the attribute
    ``data-cl-drawn`` on ``<html>`` once drawn.

    Parameters
    ----------
    net : LadderNetwork
    freq : {"day", "week", "month", "quarter", "year"}
        The length of a step.
    lang : {"nl", "en"}
    anonymize : bool
        True (the default): "Ouder 12"; no names or ids in the file. False shows names and says
        so in the page.
    title : str, optional
        The heading; by default the data's name (and the wijk).
    wijk : str, optional
        Only the people of this wijk and the ties among them; the counters are then the growth
        table's ``by="wijk"`` row of that wijk. Without it the page has a wijk filter that does
        the same in the page.
    min_rung : level, key or label, optional
        The lowest rung drawn when the page opens (the counters always count every rung).

    Returns
    -------
    str
        The page; the same input gives the same bytes.

    Raises
    ------
    UsageError
        For an unknown period, language, wijk or rung.

    Examples
    --------
    >>> from contactladder.network.ladder_network import LadderNetwork
    >>> net = LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
    >>> page = timeline_html(net, freq="quarter", lang="en")  # doctest: +SKIP
    """
    return render_timeline(timeline_data(net, freq=freq, lang=lang, anonymize=anonymize,
                                         title=title, wijk=wijk, min_rung=min_rung))


def render_timeline(data: Mapping[str, Any]) -> str:
    """The timeline page of :func:`timeline_data`'s data."""
    text = TEXT[data["lang"]]
    return _page("timeline", data, {"label_play": text["play"], "label_period": text["period"]})


def write_timeline(net: LadderNetwork, path: str | Path = "outputs/timeline.html",
                   **kw: Any) -> Path:
    """Write :func:`timeline_html` to ``path`` (``.html``), whole or not at all.

    Keywords are those of :func:`timeline_html`.

    Raises
    ------
    UsageError
        If ``path`` does not end in ``.html``, or for the reasons of :func:`timeline_html`.
    """
    return write_timeline_files(net, path, **kw)[0]


def write_timeline_files(net: LadderNetwork, path: str | Path = "outputs/timeline.html", *,
                         embed: bool = False, **kw: Any) -> list[Path]:
    """:func:`write_timeline`, and with ``embed`` its ``<name>.embed.html`` snippet too.

    Returns the page, then the snippet.
    """
    path = html_path(path)
    data = timeline_data(net, **kw)
    paths = [write_text(path, render_timeline(data))]
    if embed:
        paths.append(write_embed(path, title=data["title"]))
    return paths


# --- embedding -------------------------------------------------------------------------------

def embed_snippet(src: str, *, title: str, width: str = "100%", height: int = 640) -> str:
    """The ``<iframe>`` tag that shows a map page inside another web page or report.

    ``src`` is the page's address relative to the page it is pasted into (its file name when
    both sit in one folder). The frame loads lazily and is sandboxed: the map's scripts run,
    but it cannot reach the page around it.

    >>> print(embed_snippet("kaart <1>.html", title="Zwolle & Dieze"))
    <iframe src="kaart%20%3C1%3E.html" title="Zwolle &amp; Dieze" width="100%" height="640" style="border:1px solid #ddd;max-width:100%" loading="lazy" sandbox="allow-scripts"></iframe>
    """
    return (f'<iframe src="{_esc(quote(src))}" title="{_esc(title)}" width="{_esc(str(width))}" '
            f'height="{int(height)}" style="border:1px solid #ddd;max-width:100%" '
            'loading="lazy" sandbox="allow-scripts"></iframe>')


def write_embed(page: str | Path, *, title: str) -> Path:
    """Write the :func:`embed_snippet` of ``page`` beside it, as ``<name>.embed.html``."""
    page = Path(page)
    return write_text(page.with_name(page.stem + ".embed.html"),
                      embed_snippet(page.name, title=title) + "\n")


def html_path(path: str | Path) -> Path:
    """``path`` as a Path when it ends in ``.html`` or ``.htm``.

    Raises
    ------
    UsageError
        Otherwise, naming the path.
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise UsageError("not an HTML file name", value=str(path),
                         hint="end the file name in .html")
    return path


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


def _group_key(attrs: Mapping[str, Any], role: str, organisation: str) -> tuple[str, str]:
    rk = role_key(attrs.get(role))
    return (rk, attribute_text(attrs.get(organisation)) if rk == "professional" else "")


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


def _page(kind: str, data: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """Fill ``page.html`` with the data, vis-network and the ``<kind>`` page's own parts and
    ``labels`` (``label_<name>``: the words of its own controls).

    The page's own parts: its slots of ``page.html`` (from ``<kind>.html``), its style
    (``page.css``, then ``<kind>.css``) and its script (``page.js``, then ``<kind>.js``, in one
    ``<script>`` element). A Content-Security-Policy allows only the two scripts (by hashes over
    them as inlined), inline styles and data: images: nothing is loaded from anywhere.
    """
    text = TEXT[data["lang"]]
    vis = "\n" + _template("vis-network.min.js") + "\n"
    app = "\n" + _template("page.js") + "\n" + _template(f"{kind}.js") + "\n"
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_script_hash(vis)} {_script_hash(app)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    anonymized = data["anonymized"]
    banner = "" if anonymized else f'<p class="cl-names" id="cl-names">{_esc(text["names"])}</p>'
    page = Template(_template("page.html")).safe_substitute(_slots(kind))
    return Template(page).substitute(
        lang=data["lang"],
        kind=kind,
        csp=csp,
        title=_esc(data["title"]),
        label_wijk=_esc(text["wijk"]),
        label_min_rung=_esc(text["min_rung"]),
        label_legend=_esc(text["legend_counters" if kind == "timeline" else "legend"]),
        label_zoom_in=_esc(text["zoom_in"]),
        label_zoom_out=_esc(text["zoom_out"]),
        label_fit=_esc(text["fit"]),
        label_fit_title=_esc(text["fit_label"]),
        label_zoom_hint=_esc(text["zoom_hint"]),
        subtitle=_esc(data["subtitle"]),
        names_banner=banner,
        noscript=_esc(text["noscript"]),
        css=_template("page.css") + "\n" + _template(f"{kind}.css"),
        data=_script_json(data),
        vis=vis,
        app=app,
        **{key: _esc(value) for key, value in labels.items()},
    )


def _slots(kind: str) -> dict[str, str]:
    """The parts of ``<kind>.html`` by the slot of ``page.html`` they fill ("" for none).

    Each part starts with a line ``<!-- slot: <name> -->``; what stands before the first is a
    comment on the file.
    """
    parts = re.split(r"^<!-- slot: (\w+) -->\n", _template(f"{kind}.html"), flags=re.M)
    found = dict(zip(parts[1::2], parts[2::2]))
    if not set(found) <= set(_SLOTS):
        raise RuntimeError(f"template {kind}.html fills slots page.html lacks: {sorted(found)}")
    return {slot: found.get(slot, "").rstrip("\n") for slot in _SLOTS}


def _options(net: LadderNetwork, *, lang: str, wijk: str | None, min_rung: object,
             title: str | None) -> tuple[int | None, str | None, list[str]]:
    """The options a map and a timeline share, checked: the level of ``min_rung``, the wijk as
    written in the data, and the parts of the heading (the title, else the data's name and the
    wijk).

    Raises
    ------
    UsageError
        For an unknown language, rung or wijk.
    """
    _check_lang(lang)
    level = _rung_level(net.ladder, min_rung)
    wijk_name = _resolve_wijk(net, wijk)
    parts = [str(title) if title is not None else net.data.name]
    if wijk_name is not None and title is None:
        parts.append(wijk_name)
    return level, wijk_name, parts


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UsageError("unknown language", value=lang, hint="use " + " or ".join(LANGUAGES))


def _rung_level(ladder: Ladder, value: object) -> int | None:
    """The level of a rung given by level, key or label; None for None."""
    if value is None:
        return None
    level = ladder.level_of(value)
    if level is None:
        raise UsageError("unknown rung", value=value, hint=ladder.hint())
    return level


def _resolve_wijk(net: LadderNetwork, wijk: str | None) -> str | None:
    """The wijk as written in the data (case-insensitive match), or None for None."""
    if wijk is None:
        return None
    names = sorted({attribute_text(w) for w in net.people["wijk"]} - {""}) \
        if "wijk" in net.people.columns else []
    for name in names:
        if name.lower() == str(wijk).strip().lower():
            return name
    raise UsageError("unknown wijk", value=wijk,
                     hint="use one of: " + ", ".join(names) if names else "the data name no wijken")


def _in_wijk(G: nx.Graph, wijk: str | None) -> nx.Graph:
    """The people of ``wijk`` and the ties among them (a view), or ``G`` for None."""
    if wijk is None:
        return G
    return G.subgraph([node for node, value in G.nodes(data="wijk") if attribute_text(value) == wijk])


def _resolve_person(net: LadderNetwork, G: nx.Graph, person: object,
                    wijk: str | None) -> Hashable:
    """The node of the person with id ``person``, who must be in ``G``."""
    key = str(person).strip()
    if key not in net.people.index:
        raise UsageError("unknown person", value=person, hint="give an id from the people file")
    if key in G:
        return key
    if wijk is not None and attribute_text(net.people.at[key, "wijk"]) != wijk:
        raise UsageError("person not in this wijk", value=person,
                         hint=f"leave out --wijk or use the wijk of {key}")
    start = pd.Timestamp(net.present_from[key]).strftime("%Y-%m-%d")
    raise UsageError("person not present by this date", value=person,
                     hint=f"they are present from {start}")


def _period_text(period: pd.Period, freq: str, lang: str) -> str:
    """A period as readers say it: 'maart 2024', '2024 K1', 'week 11, 2024'."""
    start = period.start_time
    if freq == "month":
        return f"{TEXT[lang]['months'].split()[start.month - 1]} {start.year}"
    if freq == "quarter":
        return f"{period.year} {'K' if lang == 'nl' else 'Q'}{period.quarter}"
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"week {week}, {year}"
    if freq == "day":
        return _long_date(start.strftime("%Y-%m-%d"), lang)
    return str(period.year)
