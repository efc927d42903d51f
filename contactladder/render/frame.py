"""A page inside another page: the ``<iframe>`` of an embed snippet, and pages that show
themselves in Jupyter.

Both frames are sandboxed (``sandbox="allow-scripts"``): the page's scripts run, but in an
origin of their own, so they cannot reach the page around them, and the page's styles stay
inside the frame.

- :func:`embed_snippet` points at a page file (``src``), for pasting into a web page or report.
- :class:`Page` is the text of a self-contained page (a :class:`str`, so it is written and
  compared as text) that a notebook shows as a frame holding the page itself (``srcdoc``). The
  page keeps its own Content-Security-Policy, which a ``srcdoc`` frame obeys.

Examples
--------
>>> page = Page("<!DOCTYPE html><title>Dieze & Zuid</title>", title="Dieze & Zuid")
>>> page == "<!DOCTYPE html><title>Dieze & Zuid</title>", isinstance(page, str)
(True, True)
>>> print(page._repr_html_().split(' title=')[0])
<iframe srcdoc="&lt;!DOCTYPE html&gt;&lt;title&gt;Dieze &amp; Zuid&lt;/title&gt;"
"""

from __future__ import annotations

import html
from urllib.parse import quote

__all__ = ["Page", "embed_snippet"]

#: The frame's look: a light border, never wider than the page around it.
_FRAME_STYLE = "border:1px solid #ddd;max-width:100%"


class Page(str):
    """A self-contained HTML page: its text, and a sandboxed frame of it for notebooks.

    Parameters
    ----------
    text : str
        The whole page.
    title : str
        What the frame is called for screen readers (the page's own title), kept as
        ``frame_title`` (``str.title`` stays the method of text).
    height : int
        The frame's height in pixels in a notebook, kept as ``frame_height``.

    Examples
    --------
    >>> frame = Page("<p>x</p>", title="Kaart", height=500)._repr_html_()
    >>> 'srcdoc="&lt;p&gt;x&lt;/p&gt;"' in frame, 'height="500"' in frame
    (True, True)
    """

    frame_title: str
    frame_height: int

    def __new__(cls, text: str, *, title: str = "", height: int = 640) -> Page:
        page = super().__new__(cls, text)
        page.frame_title = title
        page.frame_height = height
        return page

    def _repr_html_(self) -> str:
        """The page in a sandboxed ``<iframe srcdoc>``: its scripts run, under its own
        Content-Security-Policy, and nothing of it reaches the notebook."""
        return _frame(f'srcdoc="{_esc(self)}"', title=self.frame_title, height=self.frame_height)


def embed_snippet(src: str, *, title: str, width: str = "100%", height: int = 640) -> str:
    """The ``<iframe>`` tag that shows a map page inside another web page or report.

    ``src`` is the page's address relative to the page it is pasted into (its file name when
    both sit in one folder). The frame loads lazily and is sandboxed: the map's scripts run,
    but it cannot reach the page around it.

    >>> snippet = embed_snippet("kaart <1>.html", title="Zwolle & Dieze")
    >>> print(snippet.split(" width=")[0])
    <iframe src="kaart%20%3C1%3E.html" title="Zwolle &amp; Dieze"
    >>> snippet.endswith('height="640" style="border:1px solid #ddd;max-width:100%" '
    ...                  'loading="lazy" sandbox="allow-scripts"></iframe>')
    True
    """
    return _frame(f'src="{_esc(quote(src))}"', title=title, width=width, height=height, lazy=True)


def _frame(
    source: str, *, title: str, width: str = "100%", height: int = 640, lazy: bool = False
) -> str:
    """A sandboxed ``<iframe>`` with ``source`` (its ``src`` or ``srcdoc`` attribute)."""
    loading = ' loading="lazy"' if lazy else ""
    return (
        f'<iframe {source} title="{_esc(title)}" width="{_esc(str(width))}" '
        f'height="{int(height)}" style="{_FRAME_STYLE}"{loading} sandbox="allow-scripts">'
        "</iframe>"
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
