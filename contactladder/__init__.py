"""contactladder: contacts between parents and professionals on the rungs of the contact ladder.

Read a data folder, place every tie on the ladder and measure how the network grows:

>>> import contactladder
>>> net = contactladder.LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
>>> contactladder.growth(net, freq="quarter")                        # doctest: +SKIP

The maps and the report are imported on first use (they bring matplotlib and igraph), so that
reading data and measuring growth start quickly.
"""

import importlib

from contactladder._version import __version__

from contactladder.errors import BadValueError, ContactLadderError, InputFileError, MissingColumnError, UsageError
from contactladder.ladder import Ladder, Rung
from contactladder.loading.dataset import Dataset, describe, load
from contactladder.analysis.growth import activity_yield, growth, transitions
from contactladder.network.ladder_network import LadderNetwork, Step
from contactladder.analysis.weaver import brokers, introductions, worklist
from contactladder.io.export import export

# Public names of the modules that bring matplotlib and igraph, by the module that holds them.
_ON_FIRST_USE = {
    "write_report": "render.report",
    "write_map_files": "render.maps", "write_timeline": "render.maps",
    "timeline_html": "render.maps",
    "person_label": "privacy",
}

__all__ = [
    "__version__",
    "ContactLadderError", "InputFileError", "MissingColumnError", "BadValueError", "UsageError",
    "Ladder", "Rung",
    "Dataset", "load", "describe",
    "LadderNetwork", "Step",
    "growth", "transitions", "activity_yield",
    "worklist", "introductions", "brokers", "export",
    *_ON_FIRST_USE,
]


def __getattr__(name: str):
    """Import a heavier module when one of its public names is first asked for."""
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module 'contactladder' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_ON_FIRST_USE[name]}", __name__), name)
    globals()[name] = value
    return value
