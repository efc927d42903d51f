"""The people of the demo village: who they are, their invented names, and when they join.

- **Staff**: in every wijk a core team of professionals (``k01``...) of the organisations of the
  Zwolle approach, present from the start, one more professional who joins later, and two
  volunteers (``v01``...).
- **Parents** (``p001``..., numbered in the order they joined) each have a *profile*: ``alone``
  (never takes part), ``professional_only`` (only sees a professional), ``drifting`` (stops
  coming by the spring of 2025), ``bridge`` (also comes to an activity in another wijk) or
  ``regular``.
- **Names** are drawn from a mix of origins, as in a Zwolle neighbourhood; every name is
  invented and used once.

Examples
--------
>>> import random
>>> rng = random.Random(1)
>>> staff = make_staff(rng, name_maker(rng))
>>> sorted({person.role for person in staff}), len(staff)
(['professional', 'volunteer'], 36)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = [
    "START",
    "END",
    "WIJKEN",
    "AGE_GROUPS",
    "PROFILE_COUNTS",
    "Person",
    "day_between",
    "name_maker",
    "make_staff",
    "make_parents",
]

START = date(2024, 1, 1)
END = date(2025, 12, 31)
WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid")
AGE_GROUPS = ("0-1", "1-2", "2-4", "4-6")
LATEST_DRIFT = date(2025, 5, 31)  # drifting parents have stopped coming by then

PARENTS = 240
PARENT_WIJK_WEIGHTS = (0.3, 0.4, 0.3)
# How many parents of each kind; the rest are "regular" parents.
PROFILE_COUNTS = {"alone": 15, "professional_only": 15, "drifting": 30, "bridge": 12}
PROFESSIONALS_PER_WIJK = (
    "GGD",
    "sociaal wijkteam",
    "kinderopvang",
    "kinderopvang",
    "onderwijs",
    "onderwijs",
    "welzijn",
    "verloskundigen",
    "sportservice",
)
ORGANISATIONS = (
    "GGD",
    "sociaal wijkteam",
    "kinderopvang",
    "onderwijs",
    "welzijn",
    "verloskundigen",
    "sportservice",
)
VOLUNTEERS_PER_WIJK = 2

# Invented names, in the mix of a Zwolle neighbourhood.
NAMES = {
    "Dutch": (
        (
            "Sanne",
            "Lotte",
            "Anouk",
            "Femke",
            "Iris",
            "Marloes",
            "Eva",
            "Lisa",
            "Esther",
            "Anne",
            "Hanneke",
            "Ilse",
            "Maaike",
            "Willemijn",
            "Jeroen",
            "Bas",
            "Thijs",
            "Ruben",
            "Daan",
            "Gerrit",
        ),
        (
            "de Vries",
            "Jansen",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "de Boer",
            "Mulder",
            "Bos",
            "Dijkstra",
            "Kok",
            "van Dijk",
            "Brink",
            "Kamphuis",
            "Scholten",
            "Kuipers",
            "Nijland",
            "ter Horst",
            "Wolters",
            "Veldman",
        ),
    ),
    "Turkish": (
        ("Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Merve", "Büşra", "Mehmet", "Emre", "Burak"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"),
    ),
    "Moroccan": (
        (
            "Fatima",
            "Khadija",
            "Samira",
            "Nadia",
            "Yasmina",
            "Houda",
            "Soufiane",
            "Mohammed",
            "Youssef",
        ),
        ("El Amrani", "Bouzid", "Benali", "El Idrissi", "Ait Ali", "Ouali", "Haddou", "Ziani"),
    ),
    "Syrian": (
        ("Rasha", "Lama", "Noor", "Hiba", "Rania", "Ahmad", "Omar", "Khaled"),
        ("Al-Hassan", "Haddad", "Khalil", "Sabbagh", "Darwish", "Nasser", "Mansour", "Hamdan"),
    ),
    "Eritrean": (
        ("Helen", "Senait", "Selam", "Mebrat", "Saba", "Yohannes", "Tesfay", "Filmon"),
        ("Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Berhane", "Tekle", "Woldu"),
    ),
    "Polish": (
        ("Agnieszka", "Katarzyna", "Magda", "Joanna", "Marta", "Ewa", "Tomasz", "Piotr"),
        ("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Król"),
    ),
}
PARENT_ORIGINS = {
    "Dutch": 0.55,
    "Turkish": 0.1,
    "Moroccan": 0.1,
    "Syrian": 0.09,
    "Eritrean": 0.08,
    "Polish": 0.08,
}
STAFF_ORIGINS = {
    "Dutch": 0.75,
    "Turkish": 0.08,
    "Moroccan": 0.08,
    "Syrian": 0.03,
    "Eritrean": 0.03,
    "Polish": 0.03,
}


@dataclass
class Person:
    """Someone in the demo, with what the simulation needs beyond the people.csv columns."""

    id: str
    role: str
    name: str
    organisation: str
    wijk: str
    joined: date
    child_age_group: str = ""
    profile: str = ""  # parents: one of PROFILE_COUNTS, or "regular"
    left: date = END  # last day they take part
    show_up: float = 0.0  # chance of coming to a session they signed up for
    activities: list[int] = field(default_factory=list)

    def active(self, day: date) -> bool:
        return self.joined <= day <= self.left


def day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def name_maker(rng: random.Random) -> Callable[[dict[str, float]], str]:
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


def make_staff(rng: random.Random, new_name: Callable[[dict[str, float]], str]) -> list[Person]:
    """Professionals (``k01``...) of every organisation in every wijk, and volunteers (``v01``...).

    Each wijk has the core team from the start and one more professional who joins later.
    """
    professionals = []
    for wijk in WIJKEN:
        for organisation in PROFESSIONALS_PER_WIJK:
            professionals.append(
                Person("", "professional", new_name(STAFF_ORIGINS), organisation, wijk, START)
            )
        professionals.append(
            Person(
                "",
                "professional",
                new_name(STAFF_ORIGINS),
                rng.choice(ORGANISATIONS),
                wijk,
                day_between(rng, date(2024, 2, 1), date(2025, 6, 30)),
            )
        )
    rng.shuffle(professionals)
    for number, person in enumerate(professionals, start=1):
        person.id = f"k{number:02d}"
    volunteer_wijken = [wijk for wijk in WIJKEN for _ in range(VOLUNTEERS_PER_WIJK)]
    volunteers = [
        Person(
            f"v{number:02d}",
            "volunteer",
            new_name(STAFF_ORIGINS),
            rng.choice(("welzijn", "")),
            wijk,
            day_between(rng, START, date(2024, 10, 31)),
        )
        for number, wijk in enumerate(volunteer_wijken, start=1)
    ]
    return professionals + volunteers


def make_parents(rng: random.Random, new_name: Callable[[dict[str, float]], str]) -> list[Person]:
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
        parent = Person(
            "",
            "parent",
            new_name(PARENT_ORIGINS),
            "",
            wijk,
            _joined_day(profile, rng),
            child_age_group=rng.choice(AGE_GROUPS),
            profile=profile,
            show_up=rng.betavariate(2, 3),
        )
        if profile == "drifting":
            parent.left = day_between(rng, parent.joined + timedelta(days=120), LATEST_DRIFT)
            parent.show_up = max(parent.show_up, 0.4)
        parents.append(parent)
    parents.sort(key=lambda p: (p.joined, p.name))
    for number, parent in enumerate(parents, start=1):
        parent.id = f"p{number:03d}"
    return parents


def _joined_day(profile: str, rng: random.Random) -> date:
    """When a parent of this profile joins: early enough for their profile to show."""
    if profile == "drifting":
        return day_between(rng, START, date(2024, 10, 31))
    if profile == "professional_only":
        return day_between(rng, START, date(2025, 6, 30))
    if rng.random() < 1 / 3:
        return day_between(rng, START, date(2024, 2, 29))
    return day_between(rng, date(2024, 3, 1), date(2025, 11, 30))
