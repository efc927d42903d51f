"""The two years of the demo village, played session by session from one random generator.

Definitions:

- everyone at a session has met: an attendance row each, and a meeting of each pair;
- a *tie* climbs at a meeting with a chance of its affinity times ``CLIMB_RATE``, one rung at a
  time, and no sooner than ``CLIMB_GAP`` times its current level after its last climb; ties with
  a professional stop at ``delen``;
- *rated contacts* are what the project writes down: a climb seen at a session or a random
  logbook entry, contacts outside the activities of peers who share experiences or more, the
  half-yearly questionnaire, and home visits to parents who come to no activity.

Events run in date order (a heap), so the same seed gives the same rows.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, count

from contactladder.demo.cast import END, START, Person
from contactladder.demo.programme import ACTIVITIES, session_days
from contactladder.ladder import Ladder

__all__ = ["LADDER", "SURVEY_DAYS", "Tie", "Simulation", "home_visits"]

SURVEY_DAYS = (date(2024, 6, 12), date(2024, 12, 11), date(2025, 6, 11), date(2025, 12, 10))

LADDER = Ladder.default()
PROFESSIONAL_TOP = LADDER.parse("delen").level  # highest rung of a tie with a professional
OUTSIDE_FROM = LADDER.parse("delen").level  # peers from this rung on also meet outside
MAX_SESSION = 15  # people in the room at most
HOST_SHOWS_UP = 0.85
CLIMB_RATE = 0.5  # chance of climbing at a meeting = affinity * CLIMB_RATE
CLIMB_GAP = timedelta(weeks=3)  # times the current level: higher rungs take longer
LOGBOOK_RATE = 0.05  # chance that a meeting without a climb is written down anyway
OUTSIDE_RATE = 0.3  # chance that close peers also meet outside after a session
SURVEY_RESPONSE = 0.6
SURVEY_TIES = 3

# Short remarks the project might write beside a contact, per rung key.
PEER_NOTES = {
    "kennen": ("nieuw in de groep", "eerste keer samen", "kennen elkaar van gezicht"),
    "praten": ("praatje bij de koffie", "kletsen na afloop", "samen naar huis gelopen"),
    "delen": (
        "ervaringen over slapen gedeeld",
        "opvoedvraag besproken",
        "tips over zindelijkheid",
        "zorgen over taal gedeeld",
    ),
    "helpen": (
        "passen op elkaars kind",
        "kinderkleding geruild",
        "samen boodschappen gedaan",
        "brengt kind mee naar de opvang",
    ),
    "steunen": (
        "steun bij ziekte in het gezin",
        "appen elkaar dagelijks",
        "er voor elkaar na verhuizing",
        "vaste maatjes",
    ),
}
PROFESSIONAL_NOTES = {
    "kennen": ("kennismaking",),
    "praten": ("praatje over de week", "vraag over het consultatiebureau"),
    "delen": ("opvoedvraag besproken", "zorgen over slapen besproken", "samen plan gemaakt"),
}
HOME_VISIT_NOTES = ("huisbezoek", "telefonisch contact", "netwerkgesprek thuis")


@dataclass
class Tie:
    """A pair as it grows: its rung, how likely it climbs, when it last climbed and met."""

    level: int
    affinity: float
    top: int
    climbed: date
    met: date


class Simulation:
    """Runs the sessions, outside contacts and questionnaires in date order and keeps the rows."""

    def __init__(self, people: list[Person], hosts: list[list[Person]], rng: random.Random) -> None:
        self.people = {p.id: p for p in people}
        self.hosts = hosts
        self.signed_up = [[p for p in people if i in p.activities] for i in range(len(ACTIVITIES))]
        self.rng = rng
        self.ties: dict[tuple[str, str], Tie] = {}
        self.ties_of: dict[str, list[tuple[str, str]]] = {p.id: [] for p in people}
        self.contacts: list[dict[str, str]] = []
        self.attendance: list[dict[str, str]] = []
        self._events: list[tuple] = []
        self._order = count()

    def run(self) -> None:
        """Play the two years: every session, the outside contacts they lead to, and the surveys."""
        for index, activity in enumerate(ACTIVITIES):
            for day in session_days(activity):
                self._schedule(day, self._session, index)
        for day in SURVEY_DAYS:
            self._schedule(day, self._survey)
        while self._events:
            day, _, handle, args = heapq.heappop(self._events)
            handle(day, *args)

    def _schedule(self, day: date, handle: Callable[..., None], *args: object) -> None:
        heapq.heappush(self._events, (day, next(self._order), handle, args))

    def _session(self, day: date, index: int) -> None:
        """Who comes, who meets whom, and what the logbook says about it."""
        activity = ACTIVITIES[index]
        rng = self.rng
        present = [h for h in self.hosts[index] if h.active(day) and rng.random() < HOST_SHOWS_UP]
        parents = [p for p in self.signed_up[index] if p.active(day) and rng.random() < p.show_up]
        if not present or not parents:  # no one to run it, or no one came: no session
            return
        room = MAX_SESSION - len(present)
        if len(parents) > room:
            parents = rng.sample(parents, room)
        attendees = sorted(present + parents, key=lambda p: p.id)
        for person in attendees:
            self.attendance.append(
                {"date": day.isoformat(), "activity": activity.name, "person": person.id}
            )
        for a, b in combinations(attendees, 2):
            tie, climbed = self._meet(a, b, day)
            if climbed or rng.random() < LOGBOOK_RATE:
                self._record(
                    day,
                    a,
                    b,
                    tie.level,
                    activity.name,
                    activity.wijk,
                    "logboek",
                    note_chance=0.5 if climbed else 0.2,
                )
            if (
                tie.level >= OUTSIDE_FROM
                and "professional" not in (a.role, b.role)
                and rng.random() < OUTSIDE_RATE
            ):
                later = day + timedelta(days=rng.randint(1, 10))
                if later <= min(a.left, b.left):
                    self._schedule(later, self._outside, a, b, activity.wijk)

    def _outside(self, day: date, a: Person, b: Person, wijk: str) -> None:
        """Two close peers meet outside the activities; they tell the project later."""
        tie, _ = self._meet(a, b, day)
        activity = "buiten activiteiten" if self.rng.random() < 0.7 else ""
        source = "logboek" if self.rng.random() < 0.6 else "netwerkgesprek"
        self._record(day, a, b, tie.level, activity, wijk, source, note_chance=0.6)

    def _survey(self, day: date) -> None:
        """The half-yearly questionnaire: parents taking part name their closest current ties."""
        for person in self.people.values():
            if (
                person.role != "parent"
                or not person.active(day)
                or self.rng.random() >= SURVEY_RESPONSE
            ):
                continue
            named = []
            for pair in self.ties_of[person.id]:
                other = self.people[pair[0] if pair[1] == person.id else pair[1]]
                tie = self.ties[pair]
                if other.active(day) and tie.level > LADDER.bottom.level:
                    named.append((-tie.level, -tie.met.toordinal(), other.id, other, tie))
            for *_, other, tie in sorted(named)[:SURVEY_TIES]:
                self._record(
                    day, person, other, tie.level, "", person.wijk, "vragenlijst", note_chance=0
                )

    def _meet(self, a: Person, b: Person, day: date) -> tuple[Tie, bool]:
        """Update the tie of ``a`` and ``b`` for a meeting on ``day``; say whether it climbed."""
        pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        tie = self.ties.get(pair)
        if tie is None:
            top = PROFESSIONAL_TOP if "professional" in (a.role, b.role) else LADDER.top.level
            tie = Tie(LADDER.bottom.level, self.rng.betavariate(0.5, 4), top, day, day)
            self.ties[pair] = tie
            self.ties_of[a.id].append(pair)
            self.ties_of[b.id].append(pair)
            return tie, False
        tie.met = day
        climbed = (
            tie.level < tie.top
            and day - tie.climbed >= CLIMB_GAP * tie.level
            and self.rng.random() < tie.affinity * CLIMB_RATE
        )
        if climbed:
            tie.level += 1
            tie.climbed = day
        return tie, climbed

    def _record(
        self,
        day: date,
        a: Person,
        b: Person,
        level: int,
        activity: str,
        wijk: str,
        source: str,
        *,
        note_chance: float,
    ) -> None:
        if a.id > b.id:
            a, b = b, a
        key = LADDER[level].key
        notes = PROFESSIONAL_NOTES if "professional" in (a.role, b.role) else PEER_NOTES
        note = self.rng.choice(notes[key]) if self.rng.random() < note_chance else ""
        self.contacts.append(
            {
                "date": day.isoformat(),
                "person_a": a.id,
                "person_b": b.id,
                "rung": key,
                "activity": activity,
                "wijk": wijk,
                "note": note,
                "source": source,
            }
        )


def home_visits(parent: Person, staff: list[Person], rng: random.Random) -> list[dict[str, str]]:
    """Contacts of a parent who comes to no activity: visits of their wijk's youth nurse (GGD).

    The nurse is the first GGD professional of the wijk's core team, who is then the only link of
    several parents; some of them are seen by the core team's sociaal wijkteam worker too.
    Visits start as a chat and become sharing from the third visit on.
    """
    in_wijk = [
        p for p in staff if p.role == "professional" and p.wijk == parent.wijk and p.joined == START
    ]
    nurse = min((p for p in in_wijk if p.organisation == "GGD"), key=lambda p: p.id)
    wijkteam = min((p for p in in_wijk if p.organisation == "sociaal wijkteam"), key=lambda p: p.id)
    also_wijkteam = rng.random() < 0.3
    rows = []
    day = parent.joined + timedelta(days=rng.randint(3, 21))
    visit = 0
    while day <= END:
        professional = wijkteam if also_wijkteam and visit % 2 == 1 else nurse
        level = min(LADDER.parse("praten").level + visit // 2, PROFESSIONAL_TOP)
        a, b = sorted((parent, professional), key=lambda p: p.id)
        rows.append(
            {
                "date": day.isoformat(),
                "person_a": a.id,
                "person_b": b.id,
                "rung": LADDER[level].key,
                "activity": "",
                "wijk": parent.wijk,
                "note": rng.choice(HOME_VISIT_NOTES),
                "source": "netwerkgesprek",
            }
        )
        day += timedelta(days=rng.randint(45, 120))
        visit += 1
    return rows
