"""The network: ties between people on the rungs they reached, in time and period by period.

- :mod:`~contactladder.network.ladder_network`: :class:`LadderNetwork`, built from a
  :class:`~contactladder.loading.Dataset`: snapshots (the *reached* view), active graphs, ties,
  rung history, and the answers consumers need (names, columns, people, attendance).
- :mod:`~contactladder.network.answers`: what consumers ask of the data (names, columns,
  people, attendance, contacts up to a moment), mixed into :class:`LadderNetwork`.
- :mod:`~contactladder.network.streamed_network`: :class:`StreamedNetwork`, the people and a
  contacts file too large for memory, grouped by period and pair for the growth table.
- :mod:`~contactladder.network.periods`: the period walk: :class:`Step`, :data:`FREQUENCIES`,
  :func:`period_label`.
- :mod:`~contactladder.network.ties`: ties and rung rises from a table of contacts.
- :mod:`~contactladder.network.portable`: a graph networkx's own writers take as it is
  (``snapshot(portable=True)``); :mod:`~contactladder.network.summary`: how a network shows
  itself in a notebook.

Examples
--------
>>> import pandas as pd
>>> list(FREQUENCIES), period_label(pd.Period("2024-03-13", "W"))
(['day', 'week', 'month', 'quarter', 'year'], '2024-W11')
"""

from contactladder.network.ladder_network import LadderNetwork
from contactladder.network.periods import FREQUENCIES, Step, period_label
from contactladder.network.streamed_network import StreamedNetwork

#: What the growth table counts: a network in memory, or one grouped from a streamed file.
CountedNetwork = LadderNetwork | StreamedNetwork

__all__ = [
    "LadderNetwork",
    "StreamedNetwork",
    "CountedNetwork",
    "Step",
    "FREQUENCIES",
    "period_label",
]
