"""contactladder: contacts between parents and professionals on the rungs of the contact ladder.

Read a data folder, place every tie on the ladder and measure how the network grows:

>>> import contactladder
>>> net = contactladder.LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
>>> contactladder.growth(net, freq="quarter")                        # doctest: +SKIP

Every public name is imported on first use, from the room that holds it (see ``_PUBLIC``), so
that ``import contactladder`` (and the CLI's ``--help``) loads neither pandas nor networkx.
"""

from __future__ import annotations

import importlib
from typing import Any

from contactladder._version import __version__
from contactladder.errors import (
    BadValueError,
    ContactLadderError,
    InputFileError,
    MissingColumnError,
    UsageError,
)

# Each public name by the module that holds it.
_PUBLIC = {
    "Ladder": "ladder",
    "Rung": "ladder",
    "Dataset": "loading",
    "load": "loading",
    "describe": "loading",
    "LadderNetwork": "network",
    "StreamedNetwork": "network",
    "Step": "network",
    "growth": "analysis.growth",
    "transitions": "analysis.transitions",
    "activity_yield": "analysis.activity_yield",
    "worklist": "analysis.worklist",
    "introductions": "analysis.introductions",
    "brokers": "analysis.brokers",
    "village_brokers": "analysis.brokers",
    "cut_off": "analysis.cut_off",
    "weaving_stage": "analysis.weaving_stage",
    "weaving_stages": "analysis.weaving_wijken",
    "follow_up": "analysis.follow_up",
    "conversation": "analysis.conversation",
    "read_status": "loading.weaver_files",
    "read_introductions": "loading.weaver_files",
    "read_networkcanvas": "loading.network_canvas",
    "import_networkcanvas": "jobs.imports",
    "export": "io.export",
    "write_report": "jobs.report",
    "write_map_files": "jobs.maps",
    "write_timeline": "jobs.maps",
    "timeline_html": "render.page",
    "map_html": "render.page",
    "Page": "render.frame",
    "portable_graph": "network.portable",
    "person_label": "privacy",
    "words": "words",
}

__all__ = [
    "__version__",
    "ContactLadderError",
    "InputFileError",
    "MissingColumnError",
    "BadValueError",
    "UsageError",
    *_PUBLIC,
]


def __getattr__(name: str) -> Any:
    """Import a public name from its room when it is first asked for."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'contactladder' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"contactladder.{_PUBLIC[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
