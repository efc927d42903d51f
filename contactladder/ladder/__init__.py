"""The contact ladder: its rungs, their labels and colours, and how a rung is read.

A tie between two people sits on one rung of the ladder. The default ladder has five rungs,
from knowing each other by sight (level 1) up to mutual support (level 5). A ladder file (TOML)
can replace it with any number of rungs and a ``kinds`` table that maps free-text contact types
("koffie", "oppassen") to rungs. A rung is given by its level, key or label, in Dutch or English,
case-insensitive.

A ladder file looks like this (``sharing``, at the top, names the *sharing* rung: the threshold
of the figures that count ties at that rung or higher; by default level 3, or the top rung of a
shorter ladder)::

    sharing = "vrienden"

    [[rung]]
    key = "groeten"
    nl = "Groeten elkaar"
    en = "Greeting"
    colour = "#2895aa"

    [[rung]]
    key = "vrienden"
    nl = "Zijn vrienden"
    en = "Friends"

    [kinds]
    koffie = "groeten"
    oppassen = 2

A file that gives only ``[kinds]`` (or only ``sharing``) keeps the default rungs and maps its
kinds (survey answer codes, contact types) to them. For sensor data a rung may give
``minutes_per_day``: a pair is on the highest rung whose daily contact time it reaches that day
(see :mod:`contactladder.ladder.ladder_file`).

Examples
--------
>>> ladder = Ladder.default()
>>> [rung.key for rung in ladder]
['kennen', 'praten', 'delen', 'helpen', 'steunen']
>>> ladder.parse("Delen ervaringen en opvoedvragen").level, ladder.parse(" PRACTICAL HELP ").key
(3, 'helpen')
>>> ladder.top.label("en")
'Mutual support'
"""

from contactladder.ladder.rungs import LANGUAGES, Ladder, Rung

__all__ = ["Rung", "Ladder", "LANGUAGES"]
