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

Examples
--------
>>> demo = make_demo()
>>> sorted(demo)
['attendance', 'contacts', 'people']
>>> list(demo["contacts"].columns)
['date', 'person_a', 'person_b', 'rung', 'activity', 'wijk', 'note', 'source']
>>> demo["people"].groupby("role").size().to_dict()
{'parent': 240, 'professional': 30, 'volunteer': 6}
"""

from __future__ import annotations

import heapq
import io
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations, count
from pathlib import Path

import pandas as pd

from contactladder.ladder import Ladder
from contactladder.io.files import write_text

__all__ = ["make_demo", "write_demo", "DEMO_FILES"]

#: The files :func:`write_demo` writes, and the only files it overwrites.
DEMO_FILES = ("contacts.csv", "people.csv", "attendance.csv", "README.md")

START = date(2024, 1, 1)
END = date(2025, 12, 31)
WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid")
AGE_GROUPS = ("0-1", "1-2", "2-4", "4-6")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Zwolle (region north) school holidays: no activities then.
HOLIDAYS = ((date(2023, 12, 23), date(2024, 1, 7)), (date(2024, 7, 20), date(2024, 9, 1)),
            (date(2024, 12, 21), date(2025, 1, 5)), (date(2025, 7, 5), date(2025, 8, 17)),
            (date(2025, 12, 20), date(2026, 1, 4)))
SURVEY_DAYS = (date(2024, 6, 12), date(2024, 12, 11), date(2025, 6, 11), date(2025, 12, 10))
LATEST_DRIFT = date(2025, 5, 31)   # drifting parents have stopped coming by then

LADDER = Ladder.default()
PROFESSIONAL_TOP = LADDER.parse("delen").level   # highest rung of a tie with a professional
OUTSIDE_FROM = LADDER.parse("delen").level       # peers from this rung on also meet outside

PARENTS = 240
PARENT_WIJK_WEIGHTS = (0.3, 0.4, 0.3)
# How many parents of each kind; the rest are "regular" parents.
PROFILE_COUNTS = {"alone": 15, "professional_only": 15, "drifting": 30, "bridge": 12}
PROFESSIONALS_PER_WIJK = ("GGD", "sociaal wijkteam", "kinderopvang", "kinderopvang", "onderwijs",
                          "onderwijs", "welzijn", "verloskundigen", "sportservice")
ORGANISATIONS = ("GGD", "sociaal wijkteam", "kinderopvang", "onderwijs", "welzijn",
                 "verloskundigen", "sportservice")
VOLUNTEERS_PER_WIJK = 2
MAX_SESSION = 15          # people in the room at most
HOST_SHOWS_UP = 0.85
CLIMB_RATE = 0.5          # chance of climbing at a meeting = affinity * CLIMB_RATE
CLIMB_GAP = timedelta(weeks=3)   # times the current level: higher rungs take longer
LOGBOOK_RATE = 0.05       # chance that a meeting without a climb is written down anyway
OUTSIDE_RATE = 0.3        # chance that close peers also meet outside after a session
SURVEY_RESPONSE = 0.6
SURVEY_TIES = 3


@dataclass(frozen=True)
class _Activity:
    """One activity in one wijk, on a fixed weekday, every week or every other week."""

    name: str
    wijk: str
    weekday: int                        # 0 is Monday
    every_weeks: int
    first_day: date
    hosts: tuple[str, ...]              # organisations of the professionals who run it
    with_volunteer: bool
    age_weights: tuple[float, ...]      # how much it appeals to each of AGE_GROUPS


ACTIVITIES = (
    _Activity("Koffie en Koters", "Dieze", 1, 1, START, ("welzijn", "GGD"), True, (2, 2, 1, 1)),
    _Activity("Koffie en Koters", "Stadshagen", 3, 1, START, ("welzijn", "GGD"), True,
              (2, 2, 1, 1)),
    _Activity("OntMOED-netwerk", "Stadshagen", 0, 2, date(2024, 3, 1),
              ("sociaal wijkteam", "welzijn"), False, (1, 1, 1, 1)),
    _Activity("OntMOED-netwerk", "Zwolle-Zuid", 2, 2, START, ("sociaal wijkteam", "welzijn"),
              False, (1, 1, 1, 1)),
    _Activity("Kindercafé Schellerhoeve", "Zwolle-Zuid", 4, 1, START,
              ("welzijn", "kinderopvang"), True, (1.5, 1.5, 1.5, 1.5)),
    _Activity("peutergym", "Dieze", 2, 1, START, ("sportservice", "kinderopvang"), False,
              (0, 1, 3, 0.5)),
    _Activity("peutergym", "Stadshagen", 4, 2, date(2024, 4, 1), ("sportservice", "kinderopvang"),
              False, (0, 1, 3, 0.5)),
    _Activity("babybootcamp", "Stadshagen", 0, 1, START, ("sportservice", "verloskundigen"),
              False, (3, 1, 0, 0)),
    _Activity("babybootcamp", "Zwolle-Zuid", 1, 2, date(2024, 9, 2),
              ("sportservice", "verloskundigen"), False, (3, 1, 0, 0)),
    _Activity("samen muziek maken", "Dieze", 3, 2, START, ("onderwijs",), True,
              (0.5, 1.5, 1.5, 0.5)),
    _Activity("samen muziek maken", "Zwolle-Zuid", 0, 2, date(2024, 2, 5), ("onderwijs",), True,
              (0.5, 1.5, 1.5, 0.5)),
    _Activity("taalplezier", "Dieze", 4, 2, START, ("onderwijs", "kinderopvang"), True,
              (0.3, 1, 2, 2)),
    _Activity("taalplezier", "Zwolle-Zuid", 3, 1, START, ("onderwijs", "kinderopvang"), True,
              (0.3, 1, 2, 2)),
)

# Invented names, in the mix of a Zwolle neighbourhood.
NAMES = {
    "Dutch": (("Sanne", "Lotte", "Anouk", "Femke", "Iris", "Marloes", "Eva", "Lisa", "Esther",
               "Anne", "Hanneke", "Ilse", "Maaike", "Willemijn", "Jeroen", "Bas", "Thijs", "Ruben",
               "Daan", "Gerrit"),
              ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
               "Bos", "Dijkstra", "Kok", "van Dijk", "Brink", "Kamphuis", "Scholten", "Kuipers",
               "Nijland", "ter Horst", "Wolters", "Veldman")),
    "Turkish": (("Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Merve", "Büşra", "Mehmet", "Emre",
                 "Burak"),
                ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan")),
    "Moroccan": (("Fatima", "Khadija", "Samira", "Nadia", "Yasmina", "Houda", "Soufiane",
                  "Mohammed", "Youssef"),
                 ("El Amrani", "Bouzid", "Benali", "El Idrissi", "Ait Ali", "Ouali", "Haddou",
                  "Ziani")),
    "Syrian": (("Rasha", "Lama", "Noor", "Hiba", "Rania", "Ahmad", "Omar", "Khaled"),
               ("Al-Hassan", "Haddad", "Khalil", "Sabbagh", "Darwish", "Nasser", "Mansour",
                "Hamdan")),
    "Eritrean": (("Helen", "Senait", "Selam", "Mebrat", "Saba", "Yohannes", "Tesfay", "Filmon"),
                 ("Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Tekle", "Woldu")),
    "Polish": (("Agnieszka", "Katarzyna", "Magda", "Joanna", "Marta", "Ewa", "Tomasz", "Piotr"),
               ("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Król")),
}
PARENT_ORIGINS = {"Dutch": 0.55, "Turkish": 0.1, "Moroccan": 0.1, "Syrian": 0.09,
                  "Eritrean": 0.08, "Polish": 0.08}
STAFF_ORIGINS = {"Dutch": 0.75, "Turkish": 0.08, "Moroccan": 0.08, "Syrian": 0.03,
                 "Eritrean": 0.03, "Polish": 0.03}

# Short remarks the project might write beside a contact, per rung key.
PEER_NOTES = {
    "kennen": ("nieuw in de groep", "eerste keer samen", "kennen elkaar van gezicht"),
    "praten": ("praatje bij de koffie", "kletsen na afloop", "samen naar huis gelopen"),
    "delen": ("ervaringen over slapen gedeeld", "opvoedvraag besproken", "tips over zindelijkheid",
              "zorgen over taal gedeeld"),
    "helpen": ("passen op elkaars kind", "kinderkleding geruild", "samen boodschappen gedaan",
               "brengt kind mee naar de opvang"),
    "steunen": ("steun bij ziekte in het gezin", "appen elkaar dagelijks",
                "er voor elkaar na verhuizing", "vaste maatjes"),
}
PROFESSIONAL_NOTES = {
    "kennen": ("kennismaking",),
    "praten": ("praatje over de week", "vraag over het consultatiebureau"),
    "delen": ("opvoedvraag besproken", "zorgen over slapen besproken", "samen plan gemaakt"),
}
HOME_VISIT_NOTES = ("huisbezoek", "telefonisch contact", "netwerkgesprek thuis")


@dataclass
class _Person:
    """Someone in the demo, with what the simulation needs beyond the people.csv columns."""

    id: str
    role: str
    name: str
    organisation: str
    wijk: str
    joined: date
    child_age_group: str = ""
    profile: str = ""                   # parents: one of PROFILE_COUNTS, or "regular"
    left: date = END                    # last day they take part
    show_up: float = 0.0                # chance of coming to a session they signed up for
    activities: list[int] = field(default_factory=list)

    def active(self, day: date) -> bool:
        return self.joined <= day <= self.left


@dataclass
class _Tie:
    """A pair as it grows: its rung, how likely it climbs, when it last climbed and met."""

    level: int
    affinity: float
    top: int
    climbed: date
    met: date


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _name_maker(rng: random.Random) -> Callable[[dict[str, float]], str]:
    """A function that gives a new invented name from a mix of origins each time it is called."""
    used: set[str] = set()

    def new_name(origins: dict[str, float]) -> str:
        while True:
            origin = rng.choices(list(origins), weights=list(origins.values()))[0]
            first_names, last_names = NAMES[origin]
            name = f"{rng.choice(first_names)} {rng.choice(last_names)}"
            if name not in used:
                used.add(name)
                return name
    return new_name


def _make_staff(rng: random.Random, new_name: Callable[[dict[str, float]], str]) -> list[_Person]:
    """Professionals (``k01``...) of every organisation in every wijk, and volunteers (``v01``...).

    Each wijk has the core team from the start and one more professional who joins later.
    """
    professionals = []
    for wijk in WIJKEN:
        for organisation in PROFESSIONALS_PER_WIJK:
            professionals.append(_Person("", "professional", new_name(STAFF_ORIGINS),
                                         organisation, wijk, START))
        professionals.append(_Person("", "professional", new_name(STAFF_ORIGINS),
                                     rng.choice(ORGANISATIONS), wijk,
                                     _day_between(rng, date(2024, 2, 1), date(2025, 6, 30))))
    rng.shuffle(professionals)
    for number, person in enumerate(professionals, start=1):
        person.id = f"k{number:02d}"
    volunteer_wijken = [wijk for wijk in WIJKEN for _ in range(VOLUNTEERS_PER_WIJK)]
    volunteers = [_Person(f"v{number:02d}", "volunteer", new_name(STAFF_ORIGINS),
                          rng.choice(("welzijn", "")), wijk,
                          _day_between(rng, START, date(2024, 10, 31)))
                  for number, wijk in enumerate(volunteer_wijken, start=1)]
    return professionals + volunteers


def _make_parents(rng: random.Random,
                  new_name: Callable[[dict[str, float]], str]) -> list[_Person]:
    """Parents ``p001``... numbered in the order they joined, each with a profile.

    A third of the parents join in the first two months, the others throughout the two years.
    Drifting parents join in 2024 and stop after four months or more; parents who only see a
    professional are spread over the wijken, so that each wijk's youth nurse is the only link of
    several of them.
    """
    profiles = [profile for profile, number in PROFILE_COUNTS.items() for _ in range(number)]
    profiles += ["regular"] * (PARENTS - len(profiles))
    rng.shuffle(profiles)
    parents = []
    for number, profile in enumerate(profiles):
        if profile == "professional_only":
            wijk = WIJKEN[number % len(WIJKEN)]
        else:
            wijk = rng.choices(WIJKEN, weights=PARENT_WIJK_WEIGHTS)[0]
        parent = _Person("", "parent", new_name(PARENT_ORIGINS), "", wijk,
                         _joined_day(profile, rng), child_age_group=rng.choice(AGE_GROUPS),
                         profile=profile, show_up=rng.betavariate(2, 3))
        if profile == "drifting":
            parent.left = _day_between(rng, parent.joined + timedelta(days=120), LATEST_DRIFT)
            parent.show_up = max(parent.show_up, 0.4)
        parents.append(parent)
    parents.sort(key=lambda p: (p.joined, p.name))
    for number, parent in enumerate(parents, start=1):
        parent.id = f"p{number:03d}"
    return parents


def _joined_day(profile: str, rng: random.Random) -> date:
    """When a parent of this profile joins: early enough for their profile to show."""
    if profile == "drifting":
        return _day_between(rng, START, date(2024, 10, 31))
    if profile == "professional_only":
        return _day_between(rng, START, date(2025, 6, 30))
    if rng.random() < 1 / 3:
        return _day_between(rng, START, date(2024, 2, 29))
    return _day_between(rng, date(2024, 3, 1), date(2025, 11, 30))


def _sign_up(parents: list[_Person], rng: random.Random) -> None:
    """Give each parent who takes part one to three activities of their wijk, by their child's age.

    Bridging parents also sign up for one activity in another wijk.
    """
    for parent in parents:
        if parent.profile in ("alone", "professional_only"):
            continue
        age = AGE_GROUPS.index(parent.child_age_group)
        own = [i for i, a in enumerate(ACTIVITIES) if a.wijk == parent.wijk and a.age_weights[age]]
        wanted = min(len(own), rng.choices((1, 2, 3), weights=(0.45, 0.4, 0.15))[0])
        while len(parent.activities) < wanted:
            choice = rng.choices(own, weights=[ACTIVITIES[i].age_weights[age] for i in own])[0]
            if choice not in parent.activities:
                parent.activities.append(choice)
        if parent.profile == "bridge":
            other = [i for i, a in enumerate(ACTIVITIES)
                     if a.wijk != parent.wijk and a.age_weights[age]]
            parent.activities.append(rng.choice(other))


def _hosts(staff: list[_Person], rng: random.Random) -> list[list[_Person]]:
    """For each activity, the professionals (and a volunteer) of its wijk who run it."""
    hosts = []
    for activity in ACTIVITIES:
        team = []
        for organisation in activity.hosts:
            candidates = [p for p in staff if p.role == "professional" and p.wijk == activity.wijk
                          and p.organisation == organisation]
            team.append(rng.choice(candidates))
        if activity.with_volunteer:
            team.append(rng.choice([p for p in staff
                                    if p.role == "volunteer" and p.wijk == activity.wijk]))
        hosts.append(team)
    return hosts


def _in_holiday(day: date) -> bool:
    return any(first <= day <= last for first, last in HOLIDAYS)


def _session_days(activity: _Activity) -> list[date]:
    """The days an activity meets: its weekday, every week or every other week, not in holidays."""
    day = activity.first_day + timedelta(days=(activity.weekday - activity.first_day.weekday()) % 7)
    days = []
    while day <= END:
        if not _in_holiday(day):
            days.append(day)
        day += timedelta(weeks=activity.every_weeks)
    return days


class _Simulation:
    """Runs the sessions, outside contacts and questionnaires in date order and keeps the rows."""

    def __init__(self, people: list[_Person], hosts: list[list[_Person]],
                 rng: random.Random) -> None:
        self.people = {p.id: p for p in people}
        self.hosts = hosts
        self.signed_up = [[p for p in people if i in p.activities] for i in range(len(ACTIVITIES))]
        self.rng = rng
        self.ties: dict[tuple[str, str], _Tie] = {}
        self.ties_of: dict[str, list[tuple[str, str]]] = {p.id: [] for p in people}
        self.contacts: list[dict[str, str]] = []
        self.attendance: list[dict[str, str]] = []
        self._events: list[tuple] = []
        self._order = count()

    def run(self) -> None:
        """Play the two years: every session, the outside contacts they lead to, and the surveys."""
        for index, activity in enumerate(ACTIVITIES):
            for day in _session_days(activity):
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
        if not present or not parents:      # no one to run it, or no one came: no session
            return
        room = MAX_SESSION - len(present)
        if len(parents) > room:
            parents = rng.sample(parents, room)
        attendees = sorted(present + parents, key=lambda p: p.id)
        for person in attendees:
            self.attendance.append({"date": day.isoformat(), "activity": activity.name,
                                    "person": person.id})
        for a, b in combinations(attendees, 2):
            tie, climbed = self._meet(a, b, day)
            if climbed or rng.random() < LOGBOOK_RATE:
                self._record(day, a, b, tie.level, activity.name, activity.wijk, "logboek",
                             note_chance=0.5 if climbed else 0.2)
            if (tie.level >= OUTSIDE_FROM and "professional" not in (a.role, b.role)
                    and rng.random() < OUTSIDE_RATE):
                later = day + timedelta(days=rng.randint(1, 10))
                if later <= min(a.left, b.left):
                    self._schedule(later, self._outside, a, b, activity.wijk)

    def _outside(self, day: date, a: _Person, b: _Person, wijk: str) -> None:
        """Two close peers meet outside the activities; they tell the project later."""
        tie, _ = self._meet(a, b, day)
        activity = "buiten activiteiten" if self.rng.random() < 0.7 else ""
        source = "logboek" if self.rng.random() < 0.6 else "netwerkgesprek"
        self._record(day, a, b, tie.level, activity, wijk, source, note_chance=0.6)

    def _survey(self, day: date) -> None:
        """The half-yearly questionnaire: parents taking part name their closest current ties."""
        for person in self.people.values():
            if (person.role != "parent" or not person.active(day)
                    or self.rng.random() >= SURVEY_RESPONSE):
                continue
            named = []
            for pair in self.ties_of[person.id]:
                other = self.people[pair[0] if pair[1] == person.id else pair[1]]
                tie = self.ties[pair]
                if other.active(day) and tie.level > LADDER.bottom.level:
                    named.append((-tie.level, -tie.met.toordinal(), other.id, other, tie))
            for *_, other, tie in sorted(named)[:SURVEY_TIES]:
                self._record(day, person, other, tie.level, "", person.wijk, "vragenlijst",
                             note_chance=0)

    def _meet(self, a: _Person, b: _Person, day: date) -> tuple[_Tie, bool]:
        """Update the tie of ``a`` and ``b`` for a meeting on ``day``; say whether it climbed."""
        pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        tie = self.ties.get(pair)
        if tie is None:
            top = PROFESSIONAL_TOP if "professional" in (a.role, b.role) else LADDER.top.level
            tie = _Tie(LADDER.bottom.level, self.rng.betavariate(0.5, 4), top, day, day)
            self.ties[pair] = tie
            self.ties_of[a.id].append(pair)
            self.ties_of[b.id].append(pair)
            return tie, False
        tie.met = day
        climbed = (tie.level < tie.top and day - tie.climbed >= CLIMB_GAP * tie.level
                   and self.rng.random() < tie.affinity * CLIMB_RATE)
        if climbed:
            tie.level += 1
            tie.climbed = day
        return tie, climbed

    def _record(self, day: date, a: _Person, b: _Person, level: int, activity: str, wijk: str,
                source: str, *, note_chance: float) -> None:
        if a.id > b.id:
            a, b = b, a
        key = LADDER[level].key
        notes = PROFESSIONAL_NOTES if "professional" in (a.role, b.role) else PEER_NOTES
        note = self.rng.choice(notes[key]) if self.rng.random() < note_chance else ""
        self.contacts.append({"date": day.isoformat(), "person_a": a.id, "person_b": b.id,
                              "rung": key, "activity": activity, "wijk": wijk, "note": note,
                              "source": source})


def _home_visits(parent: _Person, staff: list[_Person], rng: random.Random) -> list[dict[str, str]]:
    """Contacts of a parent who comes to no activity: visits of their wijk's youth nurse (GGD).

    The nurse is the first GGD professional of the wijk's core team, who is then the only link of
    several parents; some of them are seen by the core team's sociaal wijkteam worker too.
    Visits start as a chat and become sharing from the third visit on.
    """
    in_wijk = [p for p in staff
               if p.role == "professional" and p.wijk == parent.wijk and p.joined == START]
    nurse = min((p for p in in_wijk if p.organisation == "GGD"), key=lambda p: p.id)
    wijkteam = min((p for p in in_wijk if p.organisation == "sociaal wijkteam"),
                   key=lambda p: p.id)
    also_wijkteam = rng.random() < 0.3
    rows = []
    day = parent.joined + timedelta(days=rng.randint(3, 21))
    visit = 0
    while day <= END:
        professional = wijkteam if also_wijkteam and visit % 2 == 1 else nurse
        level = min(LADDER.parse("praten").level + visit // 2, PROFESSIONAL_TOP)
        a, b = sorted((parent, professional), key=lambda p: p.id)
        rows.append({"date": day.isoformat(), "person_a": a.id, "person_b": b.id,
                     "rung": LADDER[level].key, "activity": "", "wijk": parent.wijk,
                     "note": rng.choice(HOME_VISIT_NOTES), "source": "netwerkgesprek"})
        day += timedelta(days=rng.randint(45, 120))
        visit += 1
    return rows


def make_demo(seed: int = 2024) -> dict[str, pd.DataFrame]:
    """The fictional Zwolle demo data set as tables, the same for the same seed.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the shipped data in ``data/zwolle-demo`` uses 2024.

    Returns
    -------
    dict of pandas.DataFrame
        ``"contacts"`` (date, person_a, person_b, rung, activity, wijk, note, source),
        ``"people"`` (id, role, name, organisation, wijk, joined, child_age_group) and
        ``"attendance"`` (date, activity, person), with dates as ISO strings, rows sorted,
        and empty text as ``""``.

    Examples
    --------
    >>> people = make_demo()["people"]
    >>> sorted(people["role"].unique())
    ['parent', 'professional', 'volunteer']
    >>> make_demo(7)["contacts"].equals(make_demo(7)["contacts"])
    True
    """
    rng = random.Random(seed)
    new_name = _name_maker(rng)
    staff = _make_staff(rng, new_name)
    parents = _make_parents(rng, new_name)
    _sign_up(parents, rng)
    simulation = _Simulation(staff + parents, _hosts(staff, rng), rng)
    simulation.run()
    visits = [row for parent in parents if parent.profile == "professional_only"
              for row in _home_visits(parent, staff, rng)]
    return {"contacts": _contacts_table(simulation.contacts + visits),
            "people": _people_table(staff + parents),
            "attendance": _sorted_table(simulation.attendance, ["date", "activity", "person"])}


def _sorted_table(rows: list[dict[str, str]], columns: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(columns, kind="stable", ignore_index=True)


def _contacts_table(rows: list[dict[str, str]]) -> pd.DataFrame:
    """Contacts sorted by date and pair; one row per pair, day, activity and source.

    Two parents who name each other in the same questionnaire, or meet outside twice on one
    day, give one row: the one on the highest rung.
    """
    columns = ["date", "person_a", "person_b", "rung", "activity", "wijk", "note", "source"]
    table = pd.DataFrame(rows, columns=columns)
    table["level"] = table["rung"].map(LADDER.level_of)
    table = table.sort_values(["level", "note"], ascending=False, kind="stable")
    table = table.drop_duplicates(["date", "person_a", "person_b", "activity", "source"])
    return _sorted_table(table[columns].to_dict("records"), columns)


def _people_table(people: list[_Person]) -> pd.DataFrame:
    columns = ["id", "role", "name", "organisation", "wijk", "joined", "child_age_group"]
    rows = [{"id": p.id, "role": p.role, "name": p.name, "organisation": p.organisation,
             "wijk": p.wijk, "joined": p.joined.isoformat(), "child_age_group": p.child_age_group}
            for p in people]
    return _sorted_table(rows, columns)


def write_demo(folder: str | os.PathLike[str], *, seed: int = 2024) -> list[Path]:
    """Write the demo data set into ``folder``: three CSV files and a README.

    The folder is created when missing. Each file is written whole or not at all (to a temporary
    file beside it, then renamed), and only the files in :data:`DEMO_FILES` are overwritten. The
    same seed gives byte-identical files: UTF-8, ``\\n`` line ends, rows in a fixed order.

    Parameters
    ----------
    folder : str or path
        Where to write.
    seed : int
        Seed of the random generator; 2024 gives the data shipped in ``data/zwolle-demo``.

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of :data:`DEMO_FILES`.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in write_demo(folder)]
    ['contacts.csv', 'people.csv', 'attendance.csv', 'README.md']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = make_demo(seed)
    texts = {f"{name}.csv": _csv_text(table) for name, table in tables.items()}
    texts["README.md"] = _readme_text(tables, seed)
    paths = []
    for name in DEMO_FILES:
        paths.append(write_text(folder / name, texts[name]))
    return paths


def _csv_text(table: pd.DataFrame) -> str:
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _readme_text(tables: dict[str, pd.DataFrame], seed: int) -> str:
    """The README of the demo folder, with the counts of this seed's data."""
    people = tables["people"]
    counts = people.groupby(["role", "wijk"]).size().unstack(fill_value=0)
    header = "| role | " + " | ".join(counts.columns) + " |"
    rule = "|---" * (len(counts.columns) + 1) + "|"
    rows = [f"| {role} | " + " | ".join(str(n) for n in counts.loc[role]) + " |"
            for role in counts.index]
    schedule = "\n".join(
        f"| {a.name} | {a.wijk} | {WEEKDAYS[a.weekday]} | "
        f"{'weekly' if a.every_weeks == 1 else f'every {a.every_weeks} weeks'} | "
        f"{_session_days(a)[0].isoformat()} |" for a in ACTIVITIES)
    return _README.format(
        seed=seed, start=START.isoformat(), end=END.isoformat(),
        contacts=len(tables["contacts"]), people=len(people),
        attendance=len(tables["attendance"]),
        sessions=len(tables["attendance"][["date", "activity"]].drop_duplicates()),
        counts="\n".join([header, rule, *rows]), schedule=schedule,
        rungs=", ".join(f"`{rung.key}` ({rung.level})" for rung in LADDER))


_README = """\
# Zwolle demo data set (FICTIONAL)

**Everything in this folder is fictional.** The people, names, ties and notes are invented and
simulated by `contactladder demo` (seed {seed}); any likeness to real people is coincidence. The
data set imitates the Zwolle approach "wijkgericht werken rondom het jonge kind" so that the
commands of contactladder can be tried, tested and shown without real, private data.

Regenerate it, byte for byte, with:

    contactladder demo data/zwolle-demo

or, from Python, `contactladder.demo.write_demo("data/zwolle-demo", seed={seed})`.

## What it shows

Two years ({start} to {end}) of the network of parents (children 0-6), professionals and
volunteers in three wijken of Zwolle:

{counts}

- Parents join throughout the two years and sign up for one to three activities in their own wijk,
  chosen by the age of their child; a few also come to an activity in another wijk and bridge the
  wijken.
- Activities meet weekly or every other week, not in the school holidays; each session is run by
  one or two professionals, sometimes with a volunteer:

| activity | wijk | day | how often | first session |
|---|---|---|---|---|
{schedule}

- Ties climb when people keep meeting: each pair has its own affinity, and a tie goes up one rung
  at a time and stays longer on each higher rung. Most ties stay at `kennen` or `praten`; a few
  reach `steunen` after half a year or more. Ties with a professional stop at `delen`.
- Some parents never take part (no contacts at all), some only see a professional (home visits by
  the youth nurse of their wijk, who is the only link of several parents), and some drift away:
  they stop coming in the spring of 2025, more than six months before the end.

## Files

### `people.csv` ({people} rows)

| column | meaning |
|---|---|
| `id` | `p001`... parents (numbered in the order they joined), `k01`... professionals, `v01`... volunteers |
| `role` | `parent`, `professional` or `volunteer` |
| `name` | an invented name |
| `organisation` | for professionals: GGD, sociaal wijkteam, kinderopvang, onderwijs, welzijn, verloskundigen or sportservice; for volunteers `welzijn` or empty |
| `wijk` | Dieze, Stadshagen or Zwolle-Zuid |
| `joined` | the day they joined the project (ISO date); they have no contacts before it |
| `child_age_group` | parents: age in years of their (youngest) child when they joined: `0-1`, `1-2`, `2-4` or `4-6` |

### `contacts.csv` ({contacts} rows)

One rated contact per row: a dated event between two people, on a rung of the default ladder.

| column | meaning |
|---|---|
| `date` | ISO date |
| `person_a`, `person_b` | ids from `people.csv`; `person_a` sorts before `person_b` |
| `rung` | key of the default ladder: {rungs} |
| `activity` | the activity where it happened; `buiten activiteiten` (or sometimes empty) for a contact outside the activities; empty for a questionnaire answer or a home visit |
| `wijk` | the wijk of the activity (for a contact outside the activities: of the activity where the pair meets), or of the parent for questionnaires and home visits |
| `note` | a short remark in Dutch, often empty |
| `source` | `logboek` (written down by the staff), `vragenlijst` (half-yearly questionnaire in which parents name their closest ties) or `netwerkgesprek` (a conversation with a professional) |

### `attendance.csv` ({attendance} rows, {sessions} sessions)

Who was at which session: `date`, `activity`, `person`. An activity meets on one weekday per
wijk, so `date` and `activity` together name one session. Everyone at a session has met: that is a
contact on the lowest rung (`kennen`) between each pair.
"""
