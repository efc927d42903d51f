"""A seeded synthetic village of any size, for benches and before/after tests.

The demo (:func:`~contactladder.demo.make_demo`) plays two years session by session and is
meant to be read; this module makes data sets of any size fast, with numpy, for timing the
commands and for checking that a faster implementation gives the same outputs as the previous
one. The same arguments give byte-identical files.

Definitions
-----------
people
    ``p000000``, ``p000001``, ...: parents (85 %), professionals (12 %, each with an
    organisation) and volunteers (3 %), in the five :data:`WIJKEN`, in order of their id. About
    a third join during the period (``joined``); the others are there from the start.
ring
    People are placed on a ring by id; nine in ten ties are between near neighbours on the ring
    (so the peer graph has triangles, as real neighbourhood networks do), the others long-range.
contacts
    About one distinct pair per three contacts. Pairs meet again and again (a heavy-tailed,
    Zipf-distributed number of times, at most 60 before scaling), never before both have joined,
    and their rung rises as they do: the n-th meeting is at rung ``1 + n * u * 0.6`` (``u``
    uniform, capped at the top rung of the default ladder). Each contact is at one of the
    :data:`ACTIVITIES` or outside any (an empty activity). The rows are shuffled: files are
    rarely sorted.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp()) / "village"
>>> generate(folder, contacts=600, people=40, months=6)
>>> sorted(path.name for path in folder.iterdir())
['contacts.csv', 'people.csv']
>>> contacts = pd.read_csv(folder / "contacts.csv")
>>> len(contacts), list(contacts.columns)
(600, ['date', 'person_a', 'person_b', 'rung', 'activity'])
>>> contacts["date"].min() >= str(START.date())
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from contactladder.ladder import Ladder

__all__ = [
    "generate",
    "generate_in_parts",
    "START",
    "WIJKEN",
    "ACTIVITIES",
    "ORGANISATIONS",
    "RUNG_KEYS",
]

#: The first day of every generated data set.
START = pd.Timestamp("2024-01-01")
#: The wijken, each holding a fifth of the ids.
WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid", "Holtenbroek", "Assendorp")
#: The activities contacts happen at (and the benches' villages take part in).
ACTIVITIES = (
    "Koffie en Koters",
    "OntMOED-netwerk",
    "Kindercafé Schellerhoeve",
    "peutergym",
    "babybootcamp",
    "samen muziek maken",
    "taalplezier",
)
#: The professionals' organisations.
ORGANISATIONS = ("GGD", "sociaal wijkteam", "kinderopvang", "onderwijs", "welzijn")
#: The rung keys of the default ladder, bottom to top.
RUNG_KEYS = tuple(rung.key for rung in Ladder.default())


def generate(folder: Path, contacts: int, people: int, months: int, seed: int = 42) -> None:
    """Write ``people.csv`` and ``contacts.csv`` of a seeded village into ``folder``.

    Parameters
    ----------
    folder : Path
        Created when missing; the two files in it are overwritten.
    contacts, people : int
        How many contact rows and how many people.
    months : int
        The length of the period from :data:`START`.
    seed : int
        The seed of every random draw.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> generate(folder, contacts=300, people=20, months=3, seed=1)
    >>> pd.read_csv(folder / "people.csv")["wijk"].value_counts().sort_index().tolist()
    [4, 4, 4, 4, 4]
    """
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    village = _people(rng, people, months)
    village.table.to_csv(folder / "people.csv", index=False)
    frame = _contacts(rng, village, contacts)
    frame = frame.sample(frac=1, random_state=seed)  # files are rarely sorted
    frame.to_csv(folder / "contacts.csv", index=False)


def generate_in_parts(
    folder: Path, contacts: int, people: int, months: int, seed: int = 42, part: int = 2_000_000
) -> None:
    """Write a village too large to hold in memory: the people of :func:`generate`, and the
    contacts drawn and written ``part`` rows at a time (each part's pairs drawn anew among
    everyone, with its own seed), so that a hundred million rows take a few hundred MB. The
    same arguments give byte-identical files; they differ from :func:`generate`'s.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> generate_in_parts(folder, contacts=700, people=30, months=3, part=300)
    >>> len(pd.read_csv(folder / "contacts.csv")), len(pd.read_csv(folder / "people.csv"))
    (700, 30)
    """
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    village = _people(rng, people, months)
    village.table.to_csv(folder / "people.csv", index=False)
    with open(folder / "contacts.csv", "w", encoding="utf-8", newline="") as handle:
        for number, first in enumerate(range(0, contacts, part)):
            size = min(part, contacts - first)
            part_rng = np.random.default_rng([seed, number])
            frame = _contacts(part_rng, village, size)
            frame.sample(frac=1, random_state=seed).to_csv(handle, index=False, header=not first)


@dataclass
class _Village:
    """The people of a generated village: their table, ids, the day each joins (-1: there
    from the start) and the length of the period in days."""

    table: pd.DataFrame
    ids: np.ndarray
    join_day: np.ndarray
    span: int


def _people(rng: np.random.Generator, people: int, months: int) -> _Village:
    ids = np.array([f"p{i:06d}" for i in range(people)])
    roles = rng.choice(["parent", "professional", "volunteer"], size=people, p=[0.85, 0.12, 0.03])
    wijk = np.array(WIJKEN)[np.arange(people) * len(WIJKEN) // people]
    end = START + pd.DateOffset(months=months)
    span = (end - START).days
    join_day = np.where(rng.random(people) < 0.35, rng.integers(0, span, size=people), -1)
    joined = pd.Series(START + pd.to_timedelta(np.maximum(join_day, 0), unit="D"))
    joined[join_day < 0] = pd.NaT
    table = pd.DataFrame(
        {
            "id": ids,
            "role": roles,
            "wijk": wijk,
            "organisation": np.where(
                roles == "professional", rng.choice(ORGANISATIONS, size=people), ""
            ),
            "joined": joined.dt.strftime("%Y-%m-%d").fillna(""),
        }
    )
    return _Village(table, ids, join_day, span)


def _contacts(rng: np.random.Generator, village: _Village, contacts: int) -> pd.DataFrame:
    """``contacts`` rows among the village's people, in the order of their pair and day."""
    people, join_day, span = len(village.ids), village.join_day, village.span
    pairs = contacts // 3  # distinct ties, about
    a = rng.integers(0, people, size=pairs)
    near = rng.random(pairs) < 0.9
    offset = np.where(near, rng.integers(1, 40, size=pairs), rng.integers(1, people, size=pairs))
    b = (a + offset) % people
    repeats = np.minimum(rng.zipf(1.8, size=pairs), 60)
    scale = contacts / repeats.sum()
    repeats = np.maximum(1, np.round(repeats * scale)).astype(int)
    pair_of = np.repeat(np.arange(pairs), repeats)[:contacts]
    if len(pair_of) < contacts:
        pair_of = np.concatenate([pair_of, rng.integers(0, pairs, size=contacts - len(pair_of))])
    first_day = np.maximum(join_day[a], join_day[b]).clip(min=0)[pair_of]
    day = first_day + (rng.random(contacts) * (span - first_day)).astype(int)
    order = np.lexsort((day, pair_of))
    pair_of, day = pair_of[order], day[order]
    # The n-th meeting of a pair is at rung 1 + a random share of n (capped at the top).
    nth = np.arange(contacts) - np.searchsorted(pair_of, pair_of)
    top = len(RUNG_KEYS)
    rung = np.minimum(top, 1 + (nth * rng.random(contacts) * 0.6).astype(int))
    return pd.DataFrame(
        {
            "date": (START + pd.to_timedelta(day, unit="D")).strftime("%Y-%m-%d"),
            "person_a": village.ids[a[pair_of]],
            "person_b": village.ids[b[pair_of]],
            "rung": np.array(RUNG_KEYS)[rung - 1],
            "activity": rng.choice([*ACTIVITIES, ""], size=contacts),  # "": outside any
        }
    )
