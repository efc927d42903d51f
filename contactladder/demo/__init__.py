"""The fictional Zwolle demo data set: two years of parents and professionals in three wijken.

The demo is a made-up but plausible picture of the Zwolle approach "wijkgericht werken rondom het
jonge kind": the wijken Dieze, Stadshagen and Zwolle-Zuid, weekly or fortnightly low-threshold
activities, and the ties between parents (children 0-6), professionals and volunteers as they grow
over 2024 and 2025. Every name in it is invented.

It is simulated from one seed, so the same seed gives the same tables and byte-identical files:

- people join the project throughout the two years, and each parent signs up for one to three
  activities in their own wijk (a few also for one in another wijk, and bridge the wijken);
- who comes to a session is drawn per person; everyone at a session has met (``attendance.csv``);
- each pair has an affinity; when they keep meeting, their tie climbs one rung at a time, and the
  higher the rung, the longer it stays there (at least three weeks on the first, six on the
  second, ...), so most ties stay on the lowest rungs and a few reach the top in half a year or
  more.
  Ties with a professional stop at ``delen``: practical help and mutual support are what peers
  give each other;
- rated contacts (``contacts.csv``) are what the project would have written down: a climb seen at
  a session or a random entry in the logbook, contacts outside the activities between parents who
  share experiences or more, a half-yearly questionnaire in which parents name their closest ties,
  and home visits of the wijk's youth nurse (GGD) to parents who come to no activity;
- some parents never take part (no contacts at all), some only see a professional, and some drift
  away: they stop coming in the spring of 2025 at the latest.

The rooms, in the order the data are made:

- :mod:`~contactladder.demo.cast`: the people, their invented names and profiles;
- :mod:`~contactladder.demo.programme`: the activities, their sessions and who signs up;
- :mod:`~contactladder.demo.simulation`: the two years, session by session, and home visits;
- :mod:`~contactladder.demo.files`: :func:`make_demo` (the tables) and :func:`write_demo` (the
  files and their README).

Examples
--------
>>> make_demo()["people"].groupby("role").size().to_dict()
{'parent': 240, 'professional': 30, 'volunteer': 6}
"""

from contactladder.demo.files import DEMO_FILES, make_demo, write_demo

__all__ = ["make_demo", "write_demo", "DEMO_FILES"]
