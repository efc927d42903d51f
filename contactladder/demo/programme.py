"""The activities of the demo village and who comes to them.

Each activity meets in one wijk on a fixed weekday, every week or every other week, but not in
the school holidays of Zwolle (region north); one or two professionals run it, sometimes with a
volunteer. Parents sign up for activities of their own wijk that suit the age of their child.

Examples
--------
>>> [activity.name for activity in ACTIVITIES if activity.wijk == "Dieze"]
['Koffie en Koters', 'peutergym', 'samen muziek maken', 'taalplezier']
>>> session_days(ACTIVITIES[0])[:2]
[datetime.date(2024, 1, 9), datetime.date(2024, 1, 16)]
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from contactladder.demo.cast import AGE_GROUPS, END, START, Person

__all__ = [
    "WEEKDAYS",
    "HOLIDAYS",
    "Activity",
    "ACTIVITIES",
    "sign_up",
    "choose_hosts",
    "session_days",
]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Zwolle (region north) school holidays: no activities then.
HOLIDAYS = (
    (date(2023, 12, 23), date(2024, 1, 7)),
    (date(2024, 7, 20), date(2024, 9, 1)),
    (date(2024, 12, 21), date(2025, 1, 5)),
    (date(2025, 7, 5), date(2025, 8, 17)),
    (date(2025, 12, 20), date(2026, 1, 4)),
)


@dataclass(frozen=True)
class Activity:
    """One activity in one wijk, on a fixed weekday, every week or every other week."""

    name: str
    wijk: str
    weekday: int  # 0 is Monday
    every_weeks: int
    first_day: date
    hosts: tuple[str, ...]  # organisations of the professionals who run it
    with_volunteer: bool
    age_weights: tuple[float, ...]  # how much it appeals to each of AGE_GROUPS


# One row per activity, as in the programme's own list.
# fmt: off
ACTIVITIES = (
    Activity("Koffie en Koters", "Dieze", 1, 1, START, ("welzijn", "GGD"), True, (2, 2, 1, 1)),
    Activity("Koffie en Koters", "Stadshagen", 3, 1, START, ("welzijn", "GGD"), True,
              (2, 2, 1, 1)),
    Activity("OntMOED-netwerk", "Stadshagen", 0, 2, date(2024, 3, 1),
              ("sociaal wijkteam", "welzijn"), False, (1, 1, 1, 1)),
    Activity("OntMOED-netwerk", "Zwolle-Zuid", 2, 2, START, ("sociaal wijkteam", "welzijn"),
              False, (1, 1, 1, 1)),
    Activity("Kindercafé Schellerhoeve", "Zwolle-Zuid", 4, 1, START,
              ("welzijn", "kinderopvang"), True, (1.5, 1.5, 1.5, 1.5)),
    Activity("peutergym", "Dieze", 2, 1, START, ("sportservice", "kinderopvang"), False,
              (0, 1, 3, 0.5)),
    Activity("peutergym", "Stadshagen", 4, 2, date(2024, 4, 1), ("sportservice", "kinderopvang"),
              False, (0, 1, 3, 0.5)),
    Activity("babybootcamp", "Stadshagen", 0, 1, START, ("sportservice", "verloskundigen"),
              False, (3, 1, 0, 0)),
    Activity("babybootcamp", "Zwolle-Zuid", 1, 2, date(2024, 9, 2),
              ("sportservice", "verloskundigen"), False, (3, 1, 0, 0)),
    Activity("samen muziek maken", "Dieze", 3, 2, START, ("onderwijs",), True,
              (0.5, 1.5, 1.5, 0.5)),
    Activity("samen muziek maken", "Zwolle-Zuid", 0, 2, date(2024, 2, 5), ("onderwijs",), True,
              (0.5, 1.5, 1.5, 0.5)),
    Activity("taalplezier", "Dieze", 4, 2, START, ("onderwijs", "kinderopvang"), True,
              (0.3, 1, 2, 2)),
    Activity("taalplezier", "Zwolle-Zuid", 3, 1, START, ("onderwijs", "kinderopvang"), True,
              (0.3, 1, 2, 2)),
)
# fmt: on


def sign_up(parents: list[Person], rng: random.Random) -> None:
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
            other = [
                i for i, a in enumerate(ACTIVITIES) if a.wijk != parent.wijk and a.age_weights[age]
            ]
            parent.activities.append(rng.choice(other))


def choose_hosts(staff: list[Person], rng: random.Random) -> list[list[Person]]:
    """For each activity, the professionals (and a volunteer) of its wijk who run it."""
    hosts = []
    for activity in ACTIVITIES:
        team = []
        for organisation in activity.hosts:
            candidates = [
                p
                for p in staff
                if p.role == "professional"
                and p.wijk == activity.wijk
                and p.organisation == organisation
            ]
            team.append(rng.choice(candidates))
        if activity.with_volunteer:
            team.append(
                rng.choice([p for p in staff if p.role == "volunteer" and p.wijk == activity.wijk])
            )
        hosts.append(team)
    return hosts


def _in_holiday(day: date) -> bool:
    return any(first <= day <= last for first, last in HOLIDAYS)


def session_days(activity: Activity) -> list[date]:
    """The days an activity meets: its weekday, every week or every other week, not in holidays."""
    day = activity.first_day + timedelta(days=(activity.weekday - activity.first_day.weekday()) % 7)
    days = []
    while day <= END:
        if not _in_holiday(day):
            days.append(day)
        day += timedelta(weeks=activity.every_weeks)
    return days
