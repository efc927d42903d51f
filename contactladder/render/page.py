"""The map and timeline pages: one self-contained HTML page from a payload.

:func:`render_map` and :func:`render_timeline` fill the page template (``templates/page.html``
with the slots of ``map.html`` or ``timeline.html``) with the payload of
:mod:`~contactladder.render.map_payload` or :mod:`~contactladder.render.timeline_payload`,
checked first by :func:`~contactladder.render.payload_schema.check_payload`. They return the
page as a :class:`~contactladder.render.frame.Page`: its text (a :class:`str`), which a
Jupyter notebook shows as a sandboxed frame of the page itself. Writing it is the job's
(:mod:`contactladder.jobs.maps`); :func:`embed_snippet` (from
:mod:`~contactladder.render.frame`) is the frame that points at a written page.

Safe to share:

- Self-contained: vis-network, the drawing library, is taken from the installed pyvis package
  (:func:`vis_network`) and inlined with the page's script and style. pyvis's own page template
  is not used (it loads Bootstrap from a CDN and does not escape the heading). A
  Content-Security-Policy lets the page load nothing from anywhere, so it opens from disk with
  the network off and sends nothing.
- Text stays text: the payload travels in one ``<script type="application/json">`` block (with
  ``<``, ``>`` and ``&`` escaped) and the page puts it in place with ``textContent``; markup in a
  name, title or activity is shown literally and never runs. The page's own scripts are allowed
  by their hashes only, so even markup that did slip in could not run script.
- A page drawn with names says so (:func:`contactladder.privacy.names_notice`).

The page's scripts: ``helpers.js`` (pure functions, tested with Node), ``people.js`` (the
legend, how people look, the people who need a link, the map as a table), ``page.js`` (what
both pages do with vis-network), ``controls.js`` (tooltips and filters) and ``map.js`` or
``timeline.js``, in one ``<script>`` element.

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

In a notebook the page shows itself in a sandboxed frame:

>>> page._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from contactladder.errors import UsageError
from contactladder.privacy import names_notice
from contactladder.render.frame import Page, embed_snippet
from contactladder.render.map_payload import map_data
from contactladder.render.payload_schema import check_payload
from contactladder.render.timeline_payload import timeline_data
from contactladder.words import words

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from contactladder.ladder import Ladder
    from contactladder.network.ladder_network import LadderNetwork

__all__ = [
    "Page",
    "map_html",
    "render_map",
    "timeline_html",
    "render_timeline",
    "embed_snippet",
    "content_security_policy",
    "script_hashes",
    "html_path",
    "vis_network",
    "vis_network_version",
    "VIS_NETWORK_VERSION",
]

#: The vis-network release that pyvis ships and the pages are written for.
VIS_NETWORK_VERSION = "9.1.2"
# The slots of page.html that a page's own template fills (see _slots).
_SLOTS = ("controls", "bar", "panels")
# A script hash in a Content-Security-Policy.
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")
# The height of each page's frame in a notebook, in pixels (the timeline has its counters).
_FRAME_HEIGHTS = {"map": 640, "timeline": 720}
# The words of each page's own controls: label_<name> -> catalogue key.
_LABELS = {
    "map": {"label_search": "map.search", "label_find": "map.find"},
    "timeline": {"label_play": "map.play", "label_period": "map.period"},
}


def map_html(G: nx.Graph, ladder: Ladder, **options: Any) -> Page:
    """The map of one moment as one self-contained HTML page.

    ``options`` are those of :func:`~contactladder.render.map_payload.map_data` (``title`` is
    required). The same input gives the same page, byte for byte.

    Raises
    ------
    UsageError
        If ``lang`` is not supported.
    ValueError
        If ``positions`` lacks a node of ``G``.
    """
    return render_map(map_data(G, ladder, **options))


def render_map(data: Mapping[str, Any]) -> Page:
    """The map page of a map payload (:func:`~contactladder.render.map_payload.map_data`).

    Raises ValueError, naming the field, if ``data`` is not a map payload.
    """
    return _page("map", data)


def timeline_html(
    net: LadderNetwork,
    *,
    counters: pd.DataFrame,
    counters_by_wijk: pd.DataFrame | None = None,
    freq: str = "month",
    **options: Any,
) -> Page:
    """The village growing over time, as one self-contained HTML page.

    A slider runs over the periods from the first contact to the last, with a play/pause
    button. At each step the page shows the people present and the ties reached by then,
    coloured by the rung reached and as thick as their rung; ties that are new or climbed in
    that step are drawn opaque, the others faint, and people who joined in it are outlined in
    dark grey (no shadows: a busy period does not blur into haze). Focal people without a
    tie are ringed (dashed: no tie to another focal person), counted in the legend, and
    pointed out at every step by clicking their counter.
    Counters beside the map show the period's people, ties per rung, focal people without a
    tie, new and climbed ties: the rows of the growth tables ``counters`` (and
    ``counters_by_wijk``) given. Everyone keeps their place: positions come from the layout of
    the whole history.

    The page works from disk with the network off and inside ``<iframe sandbox="allow-scripts"
    srcdoc="...">`` (it uses no storage, cookies or other windows); it sets the attribute
    ``data-cl-drawn`` on ``<html>`` once drawn.

    Parameters are those of :func:`~contactladder.render.timeline_payload.timeline_data`
    (``lang, anonymize, title, wijk, min_rung, aggregate``: beyond 50,000 people the groups of
    the grouped map). The same input gives the same bytes.
    """
    return render_timeline(
        timeline_data(
            net, counters=counters, counters_by_wijk=counters_by_wijk, freq=freq, **options
        )
    )


def render_timeline(data: Mapping[str, Any]) -> Page:
    """The timeline page of a timeline payload (:func:`~contactladder.render.timeline_payload.
    timeline_data`).

    Raises ValueError, naming the field, if ``data`` is not a timeline payload.
    """
    return _page("timeline", data)


def html_path(path: str | Path) -> Path:
    """``path`` as a Path when it ends in ``.html`` or ``.htm``.

    Raises
    ------
    UsageError
        Otherwise, naming the path.

    >>> html_path("outputs/kaart.html").name
    'kaart.html'
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise UsageError(
            "not an HTML file name", value=str(path), hint="end the file name in .html"
        )
    return path


@functools.cache
def vis_network() -> str:
    """The source of vis-network, from the installed pyvis package (its ``templates/lib``).

    The file is found without importing pyvis (which would load jinja2 and IPython).

    Raises
    ------
    RuntimeError
        If pyvis or the file is missing, or the file is not :data:`VIS_NETWORK_VERSION`.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: it ships vis-network, which draws the maps")
    path = (
        Path(next(iter(spec.submodule_search_locations)))
        / "templates"
        / "lib"
        / f"vis-{VIS_NETWORK_VERSION}"
        / "vis-network.min.js"
    )
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuntimeError(f"pyvis lacks vis-network {VIS_NETWORK_VERSION}: {path}") from exc
    found = vis_network_version(source)
    if found != VIS_NETWORK_VERSION:
        raise RuntimeError(f"{path} is vis-network {found}, not {VIS_NETWORK_VERSION}")
    return _inlinable(source, path.name)


def vis_network_version(source: str) -> str | None:
    """The version in the banner of a vis-network build (``@version 9.1.2``), or None.

    >>> vis_network_version("/**\\n * vis-network\\n * @version 9.1.2\\n */")
    '9.1.2'
    """
    match = re.search(r"@version\s+(\S+)", source[:2000])
    return match.group(1) if match else None


# --- the page -----------------------------------------------------------------------------


def _page(kind: str, data: Mapping[str, Any]) -> Page:
    """Fill ``page.html`` with the payload (checked first), vis-network and the ``<kind>``
    page's own parts.

    The page's own parts: its slots of ``page.html`` (from ``<kind>.html``), its style
    (``page.css``, then ``<kind>.css``) and its script (``helpers.js``, ``people.js``,
    ``page.js``, ``controls.js``, then ``<kind>.js``, in one ``<script>`` element). A
    Content-Security-Policy allows only the two scripts (by hashes over them as inlined),
    inline styles and data: images: nothing is loaded from anywhere.
    """
    check_payload(data, kind)
    w = words(data["lang"])
    vis = "\n" + vis_network() + "\n"
    app = "\n" + "\n".join(
        _template(name)
        for name in ("helpers.js", "people.js", "page.js", "controls.js", f"{kind}.js")
    )
    app += "\n"
    csp = content_security_policy([_script_hash(vis), _script_hash(app)])
    banner = (
        ""
        if data["anonymized"]
        else f'<p class="cl-names" id="cl-names">{_esc(names_notice(data["lang"]))}</p>'
    )
    labels = {
        "label_wijk": "map.wijk",
        "label_min_rung": "map.min_rung",
        "label_legend": "map.legend_counters" if kind == "timeline" else "map.legend",
        "label_zoom_in": "map.zoom_in",
        "label_zoom_out": "map.zoom_out",
        "label_fit": "map.fit",
        "label_fit_title": "map.fit_label",
        "label_zoom_hint": "map.zoom_hint",
        "noscript": "map.noscript",
        "label_table": "map.table",
        "label_table_label": "map.table_label",
        "label_keys": "map.map_keys",
        **_LABELS[kind],
    }
    page = Template(_template("page.html")).safe_substitute(_slots(kind))
    text = Template(page).substitute(
        lang=data["lang"],
        kind=kind,
        csp=csp,
        title=_esc(data["title"]),
        subtitle=_esc(data["subtitle"]),
        names_banner=banner,
        css=_template("page.css") + "\n" + _template(f"{kind}.css"),
        data=_script_json(data),
        vis=vis,
        app=app,
        label_only_alone=_esc(data["text"].get("only_alone", "")),
        **{slot: _esc(w[key]) for slot, key in labels.items()},
    )
    return Page(text, title=data["title"], height=_FRAME_HEIGHTS[kind])


def content_security_policy(scripts: Iterable[str] = ()) -> str:
    """The Content-Security-Policy of every page: nothing is loaded from anywhere, only the
    scripts with the given hashes run (none when there are none), styles are inline and images
    are data: URIs.

    >>> content_security_policy().split("; ")[:2]
    ["default-src 'none'", "script-src 'none'"]
    """
    hashes = " ".join(dict.fromkeys(scripts)) or "'none'"
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {hashes}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def script_hashes(page: str) -> list[str]:
    """The script hashes a page's own Content-Security-Policy allows: what a page that embeds
    it (as ``<iframe srcdoc>``, which inherits the policy) must allow too.

    >>> page = '<meta content="script-src ' + "'sha256-abc=' 'sha256-d='" + '">'
    >>> script_hashes(page)
    ["'sha256-abc='", "'sha256-d='"]
    """
    return _HASH.findall(page)


@functools.cache
def _template(name: str) -> str:
    text = resources.files("contactladder").joinpath("templates", name).read_text(encoding="utf-8")
    return _inlinable(text, name) if name.endswith(".js") else text


def _inlinable(source: str, name: str) -> str:
    """``source`` when it can stand inside a ``<script>`` element."""
    if "</script" in source.lower() or "<!--" in source:
        raise RuntimeError(f"{name} cannot be inlined in a <script> element")
    return source


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


def _script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _script_json(data: object) -> str:
    """JSON to embed in ``<script type="application/json">``: markup characters escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
