"""The network: ties between people on the rungs they reached, in time and period by period.

- :mod:`~contactladder.network.ladder_network`: :class:`LadderNetwork`, built from a
  :class:`~contactladder.loading.Dataset`: snapshots (the *reached* view), active graphs, ties,
  rung history, and the answers consumers need (names, columns, people, attendance).
- :mod:`~contactladder.network.periods`: the period walk: :class:`Step`, :data:`FREQUENCIES`,
  :func:`period_label`.
- :mod:`~contactladder.network.ties`: ties and rung rises from a table of contacts.

Examples
--------
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading import Dataset
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-02-09"]),
...     "person_a": ["ann", "ann"], "person_b": ["bo", "bo"], "rung": [1, 3],
...     "activity": "", "wijk": "", "note": "", "source": ""})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT}, index=pd.Index(["ann", "bo"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "example"))
>>> [(step.label, [tie[2:] for tie in step.climbed]) for step in net.periods("month")]
[('2024-01', []), ('2024-02', [(1, 3)])]
"""

from contactladder.network.ladder_network import LadderNetwork
from contactladder.network.periods import FREQUENCIES, Step, period_label

__all__ = ["LadderNetwork", "Step", "FREQUENCIES", "period_label"]
