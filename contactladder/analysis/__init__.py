"""Analyses: tables computed from the ladder network, each in a room of its own.

- :mod:`~contactladder.analysis.growth`: the growth table, one row per period (and group);
- :mod:`~contactladder.analysis.transitions`: rung-to-rung moves between periods;
- :mod:`~contactladder.analysis.activity_yield`: what each activity yields in ties and rungs;
- :mod:`~contactladder.analysis.weaving_stage`: the stage of network weaving (fragments, hub
  and spoke, multi-hub, core and periphery), on any networkx graph, and
  :mod:`~contactladder.analysis.weaving_wijken`: that of each wijk, period by period;
- the weaver's rooms: :mod:`~contactladder.analysis.village` (the shared view of one day),
  :mod:`~contactladder.analysis.worklist` (who needs a link),
  :mod:`~contactladder.analysis.introductions` (whom they could meet),
  :mod:`~contactladder.analysis.follow_up` (what came of the introductions logged),
  :mod:`~contactladder.analysis.brokers` (who holds the village together, on any networkx
  graph), :mod:`~contactladder.analysis.cut_off` (who loses touch if someone leaves, on any
  networkx graph), :mod:`~contactladder.analysis.durations` and
  :mod:`~contactladder.analysis.weaver_sentences` (the reasons in words from the catalogue).

The functions are imported from their modules (``from contactladder.analysis.growth import
growth``), or from the package face (``contactladder.growth``).
"""
