"""contactladder: contacts between parents and professionals on the rungs of the contact ladder.

Read a data folder, place every tie on the ladder and measure how the network grows:

>>> import contactladder
>>> net = contactladder.LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
>>> contactladder.growth(net, freq="quarter")                        # doctest: +SKIP
"""

__version__ = "0.1.0"

from .errors import BadValueError, ContactLadderError, InputFileError, MissingColumnError, UsageError
from .ladder import Ladder, Rung
from .loading import Dataset, describe, load
from .metrics import activity_yield, growth, transitions
from .network import LadderNetwork, Step
from .weaver import brokers, introductions, worklist
from .export import export
from .report import write_report
from .maps import timeline_html, write_map_files, write_timeline
from .labels import person_label

__all__ = [
    "__version__",
    "ContactLadderError", "InputFileError", "MissingColumnError", "BadValueError", "UsageError",
    "Ladder", "Rung",
    "Dataset", "load", "describe",
    "LadderNetwork", "Step",
    "growth", "transitions", "activity_yield",
    "worklist", "introductions", "brokers",
    "export", "write_report",
    "write_map_files", "write_timeline", "timeline_html", "person_label",
]
