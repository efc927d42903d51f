"""The demo data set as tables and as files: ``make_demo`` and ``write_demo``.

:func:`make_demo` casts the people, signs them up, plays the simulation and returns the three
tables, sorted; :func:`write_demo` writes them as CSV with a README that gives this seed's
counts. The same seed gives byte-identical files.

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

import io
import os
import random
from pathlib import Path

import pandas as pd

from contactladder.demo.cast import END, START, Person, make_parents, make_staff, name_maker
from contactladder.demo.programme import ACTIVITIES, WEEKDAYS, choose_hosts, session_days, sign_up
from contactladder.demo.simulation import LADDER, Simulation, home_visits
from contactladder.errors import OutputError
from contactladder.io.files import write_text
from contactladder.loading.files import EXTENSIONS

__all__ = ["make_demo", "write_demo", "DEMO_FILES"]

#: The files :func:`write_demo` writes, and the only files it overwrites.
DEMO_FILES = ("contacts.csv", "people.csv", "attendance.csv", "README.md")


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
    new_name = name_maker(rng)
    staff = make_staff(rng, new_name)
    parents = make_parents(rng, new_name)
    sign_up(parents, rng)
    simulation = Simulation(staff + parents, choose_hosts(staff, rng), rng)
    simulation.run()
    visits = [
        row
        for parent in parents
        if parent.profile == "professional_only"
        for row in home_visits(parent, staff, rng)
    ]
    return {
        "contacts": _contacts_table(simulation.contacts + visits),
        "people": _people_table(staff + parents),
        "attendance": _sorted_table(simulation.attendance, ["date", "activity", "person"]),
    }


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


def _people_table(people: list[Person]) -> pd.DataFrame:
    columns = ["id", "role", "name", "organisation", "wijk", "joined", "child_age_group"]
    rows = [
        {
            "id": p.id,
            "role": p.role,
            "name": p.name,
            "organisation": p.organisation,
            "wijk": p.wijk,
            "joined": p.joined.isoformat(),
            "child_age_group": p.child_age_group,
        }
        for p in people
    ]
    return _sorted_table(rows, columns)


def write_demo(folder: str | os.PathLike[str], *, seed: int = 2024) -> list[Path]:
    """Write the demo data set into ``folder``: three CSV files and a README.

    The folder is created when missing. The demo never writes into a folder that holds data: a
    contacts, people or attendance file (in any format the loader reads) that is not exactly
    what the demo would write there, or a README of its own, is an error, and nothing is
    written. Writing the same seed into its own folder again is fine. Each file is written whole
    or not at all (to a temporary file beside it, then renamed), and only the files in
    :data:`DEMO_FILES` are overwritten. The same seed gives byte-identical files: UTF-8,
    ``\\n`` line ends, rows in a fixed order.

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

    Raises
    ------
    OutputError
        If the folder holds other data, or a file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in write_demo(folder)]
    ['contacts.csv', 'people.csv', 'attendance.csv', 'README.md']
    """
    folder = Path(folder)
    tables = make_demo(seed)
    texts = {f"{name}.csv": _csv_text(table) for name, table in tables.items()}
    texts["README.md"] = _readme_text(tables, seed)
    _refuse_other_data(folder, texts)
    paths = []
    for name in DEMO_FILES:
        paths.append(write_text(folder / name, texts[name]))
    return paths


def _refuse_other_data(folder: Path, texts: dict[str, str]) -> None:
    """Raise if ``folder`` holds a data file (contacts, people, attendance, in any format the
    loader reads) that is not exactly what the demo writes there, or a README of its own."""
    for stem in ("contacts", "people", "attendance"):
        for extension in EXTENSIONS:
            path = folder / f"{stem}{extension}"
            if path.exists() and not _holds(path, texts.get(path.name)):
                raise OutputError(
                    "the folder already holds data, so the demo is not written there",
                    file=path,
                    hint="give an empty {folder}, or the "
                    "folder of an earlier demo with the same {seed}",
                )
    readme = folder / "README.md"
    if readme.exists() and not _holds(readme, _README.split("\n", 1)[0], start=True):
        raise OutputError(
            "the folder has a README of its own, so the demo is not written there",
            file=readme,
            hint="give an empty {folder}",
        )


def _holds(path: Path, text: str | None, *, start: bool = False) -> bool:
    """Whether the file at ``path`` holds ``text`` (or, with ``start``, begins with it)."""
    if text is None or not path.is_file():
        return False
    try:
        held = path.read_bytes()
    except OSError:
        return False
    expected = text.encode("utf-8")
    return held.startswith(expected) if start else held == expected


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
    rows = [
        f"| {role} | " + " | ".join(str(n) for n in counts.loc[role]) + " |"
        for role in counts.index
    ]
    schedule = "\n".join(
        f"| {a.name} | {a.wijk} | {WEEKDAYS[a.weekday]} | "
        f"{'weekly' if a.every_weeks == 1 else f'every {a.every_weeks} weeks'} | "
        f"{session_days(a)[0].isoformat()} |"
        for a in ACTIVITIES
    )
    return _README.format(
        seed=seed,
        start=START.isoformat(),
        end=END.isoformat(),
        contacts=len(tables["contacts"]),
        people=len(people),
        attendance=len(tables["attendance"]),
        sessions=len(tables["attendance"][["date", "activity"]].drop_duplicates()),
        counts="\n".join([header, rule, *rows]),
        schedule=schedule,
        people_columns=_column_rows(_PEOPLE_COLUMNS),
        contact_columns=_column_rows(_CONTACT_COLUMNS).format(
            rungs=", ".join(f"`{rung.key}` ({rung.level})" for rung in LADDER)
        ),
    )


def _column_rows(columns: tuple[tuple[str, str], ...]) -> str:
    """The rows of a README table of columns: ``| column | meaning |``."""
    return "\n".join(f"| {column} | {meaning} |" for column, meaning in columns)


# What each column of people.csv means, as rows of its table in the README.
_PEOPLE_COLUMNS = (
    (
        "`id`",
        "`p001`... parents (numbered in the order they joined), `k01`... professionals, "
        "`v01`... volunteers",
    ),
    ("`role`", "`parent`, `professional` or `volunteer`"),
    ("`name`", "an invented name"),
    (
        "`organisation`",
        "for professionals: GGD, sociaal wijkteam, kinderopvang, onderwijs, "
        "welzijn, verloskundigen or sportservice; for volunteers `welzijn` or "
        "empty",
    ),
    ("`wijk`", "Dieze, Stadshagen or Zwolle-Zuid"),
    ("`joined`", "the day they joined the project (ISO date); they have no contacts before it"),
    (
        "`child_age_group`",
        "parents: age in years of their (youngest) child when they joined: "
        "`0-1`, `1-2`, `2-4` or `4-6`",
    ),
)
# What each column of contacts.csv means; {rungs} stands for the keys of the default ladder.
_CONTACT_COLUMNS = (
    ("`date`", "ISO date"),
    ("`person_a`, `person_b`", "ids from `people.csv`; `person_a` sorts before `person_b`"),
    ("`rung`", "key of the default ladder: {rungs}"),
    (
        "`activity`",
        "the activity where it happened; `buiten activiteiten` (or sometimes "
        "empty) for a contact outside the activities; empty for a questionnaire "
        "answer or a home visit",
    ),
    (
        "`wijk`",
        "the wijk of the activity (for a contact outside the activities: of the "
        "activity where the pair meets), or of the parent for questionnaires and home "
        "visits",
    ),
    ("`note`", "a short remark in Dutch, often empty"),
    (
        "`source`",
        "`logboek` (written down by the staff), `vragenlijst` (half-yearly "
        "questionnaire in which parents name their closest ties) or `netwerkgesprek` "
        "(a conversation with a professional)",
    ),
)

# The README of the demo folder; the tables and counts are filled in by _readme_text.
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
{people_columns}

### `contacts.csv` ({contacts} rows)

One rated contact per row: a dated event between two people, on a rung of the default ladder.

| column | meaning |
|---|---|
{contact_columns}

### `attendance.csv` ({attendance} rows, {sessions} sessions)

Who was at which session: `date`, `activity`, `person`. An activity meets on one weekday per
wijk, so `date` and `activity` together name one session. Everyone at a session has met: that is a
contact on the lowest rung (`kennen`) between each pair.
"""
