"""Tests of the fictional Zwolle demo data set: determinism, the data contract and its realism.

The tables are read with pandas directly, so that these tests do not depend on the loader.
"""

from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest

from contactladder.demo import DEMO_FILES, make_demo, write_demo
from contactladder.errors import ContactLadderError, OutputError

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "zwolle-demo"
RUNGS = ["kennen", "praten", "delen", "helpen", "steunen"]
WIJKEN = {"Dieze", "Stadshagen", "Zwolle-Zuid"}
ROLES = {"parent", "professional", "volunteer"}
END = "2025-12-31"
DRIFT_BEFORE = "2025-06-30"  # last contact more than six months before the end


@pytest.fixture(scope="module")
def demo() -> dict[str, pd.DataFrame]:
    """The shipped files, read as text so that empty cells stay empty strings."""
    return {
        name: pd.read_csv(SHIPPED / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in ("contacts", "people", "attendance")
    }


@pytest.fixture(scope="module")
def last_seen(demo) -> pd.Series:
    """Per person, the date of their last rated contact or session."""
    contacts, attendance = demo["contacts"], demo["attendance"]
    dates = pd.concat(
        [
            contacts[["date", "person_a"]].set_axis(["date", "id"], axis=1),
            contacts[["date", "person_b"]].set_axis(["date", "id"], axis=1),
            attendance[["date", "person"]].set_axis(["date", "id"], axis=1),
        ]
    )
    return dates.groupby("id")["date"].max()


@pytest.fixture(scope="module")
def neighbours(demo) -> dict[str, set[str]]:
    """Everyone each person has a tie with, from rated contacts and shared sessions."""
    pairs = list(zip(demo["contacts"]["person_a"], demo["contacts"]["person_b"]))
    for _, session in demo["attendance"].groupby(["date", "activity"]):
        pairs.extend(combinations(session["person"], 2))
    result: dict[str, set[str]] = {}
    for a, b in pairs:
        result.setdefault(a, set()).add(b)
        result.setdefault(b, set()).add(a)
    return result


def test_writes_are_byte_identical_to_each_other_and_to_the_shipped_files(tmp_path):
    first = write_demo(tmp_path / "one")
    second = write_demo(tmp_path / "two")
    assert [path.name for path in first] == list(DEMO_FILES)
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()
        assert one.read_bytes() == (SHIPPED / one.name).read_bytes(), one.name


def test_write_creates_the_folder_and_leaves_other_files_alone(tmp_path):
    folder = tmp_path / "new" / "demo"
    other = tmp_path / "new" / "keep.txt"
    other.parent.mkdir()
    other.write_text("mine", encoding="utf-8")
    write_demo(folder)
    assert sorted(path.name for path in folder.iterdir()) == sorted(DEMO_FILES)
    assert other.read_text(encoding="utf-8") == "mine"


def test_overwrites_its_own_files(tmp_path):
    first = [path.read_bytes() for path in write_demo(tmp_path, seed=3)]
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert [path.read_bytes() for path in write_demo(tmp_path, seed=3)] == first
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("name", ["contacts.csv", "people.xlsx", "attendance.tsv", "README.md"])
def test_demo_never_writes_into_a_folder_that_holds_data(tmp_path, name):
    (tmp_path / name).write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="so the demo is not written there") as caught:
        write_demo(tmp_path)
    assert caught.value.file == str(tmp_path / name)
    assert [path.name for path in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_text(encoding="utf-8") == "old"


def test_demo_refuses_the_folder_of_another_seed(tmp_path):
    write_demo(tmp_path, seed=1)
    with pytest.raises(OutputError, match="already holds data"):
        write_demo(tmp_path, seed=2)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    first = write_demo(tmp_path, seed=3)[0].read_bytes()

    def fail(source, target):
        raise OSError("disk full")

    monkeypatch.setattr("contactladder.io.files.os.replace", fail)
    with pytest.raises(ContactLadderError, match="cannot write here"):
        write_demo(tmp_path, seed=3)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(DEMO_FILES)
    assert (tmp_path / "contacts.csv").read_bytes() == first


def test_another_seed_gives_other_data():
    assert not make_demo(1)["contacts"].equals(make_demo(2)["contacts"])


def test_make_demo_gives_the_shipped_tables(demo):
    made = make_demo()
    for name, table in demo.items():
        pd.testing.assert_frame_equal(made[name], table, check_dtype=False)


def test_readme_says_fictional_and_describes_every_file_and_column(demo):
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    assert "FICTIONAL" in readme
    assert "contactladder demo" in readme
    for name, table in demo.items():
        assert f"`{name}.csv`" in readme
        for column in table.columns:
            assert f"`{column}`" in readme, column


def test_columns_follow_the_data_contract(demo):
    assert list(demo["contacts"].columns) == [
        "date",
        "person_a",
        "person_b",
        "rung",
        "activity",
        "wijk",
        "note",
        "source",
    ]
    assert list(demo["people"].columns)[:6] == [
        "id",
        "role",
        "name",
        "organisation",
        "wijk",
        "joined",
    ]
    assert list(demo["attendance"].columns) == ["date", "activity", "person"]


def test_files_are_small(tmp_path):
    for path in write_demo(tmp_path):
        assert path.stat().st_size < 1_000_000, path.name


def test_counts_are_in_the_required_ranges(demo):
    roles = demo["people"]["role"].value_counts()
    assert 150 <= roles["parent"] <= 300
    assert 20 <= roles["professional"] <= 40
    assert roles["volunteer"] >= 3
    assert set(roles.index) == ROLES
    assert 3_000 <= len(demo["contacts"]) <= 8_000
    assert 5_000 <= len(demo["attendance"]) <= 15_000


def test_every_role_in_every_wijk(demo):
    people = demo["people"]
    assert set(people["wijk"]) == WIJKEN
    present = set(zip(people["role"], people["wijk"]))
    assert present == {(role, wijk) for role in ROLES for wijk in WIJKEN}


def test_ids_are_unique_and_follow_the_role(demo):
    people = demo["people"]
    assert people["id"].is_unique
    assert people["name"].is_unique
    prefixes = {"parent": r"p\d{3}", "professional": r"k\d{2}", "volunteer": r"v\d{2}"}
    for role, pattern in prefixes.items():
        assert people.loc[people["role"] == role, "id"].str.fullmatch(pattern).all(), role


def test_organisations_and_age_groups(demo):
    people = demo["people"]
    professionals = people[people["role"] == "professional"]
    assert set(professionals["organisation"]) == {
        "GGD",
        "sociaal wijkteam",
        "kinderopvang",
        "onderwijs",
        "welzijn",
        "verloskundigen",
        "sportservice",
    }
    assert set(people.loc[people["role"] == "volunteer", "organisation"]) <= {"welzijn", ""}
    parents = people[people["role"] == "parent"]
    assert set(parents["child_age_group"]) == {"0-1", "1-2", "2-4", "4-6"}
    assert (parents["organisation"] == "").all()


def test_all_dates_are_iso_and_within_the_two_years(demo):
    dates = pd.concat(
        [demo["contacts"]["date"], demo["attendance"]["date"], demo["people"]["joined"]]
    )
    assert dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    pd.to_datetime(dates, format="%Y-%m-%d")  # raises on a date that does not exist
    assert dates.between("2024-01-01", END).all()


def test_parents_join_throughout_the_two_years(demo):
    parents = demo["people"][demo["people"]["role"] == "parent"]
    quarters = pd.to_datetime(parents["joined"]).dt.to_period("Q")
    assert quarters.nunique() == 8


def test_no_self_contacts_and_pairs_in_order(demo):
    contacts = demo["contacts"]
    assert (contacts["person_a"] < contacts["person_b"]).all()


def test_every_person_is_in_people(demo):
    ids = set(demo["people"]["id"])
    contacts = demo["contacts"]
    assert set(contacts["person_a"]) | set(contacts["person_b"]) <= ids
    assert set(demo["attendance"]["person"]) <= ids


def test_nothing_before_joined(demo):
    joined = demo["people"].set_index("id")["joined"]
    contacts = demo["contacts"]
    assert (contacts["date"] >= contacts["person_a"].map(joined)).all()
    assert (contacts["date"] >= contacts["person_b"].map(joined)).all()
    attendance = demo["attendance"]
    assert (attendance["date"] >= attendance["person"].map(joined)).all()


def test_rungs_activities_and_sources_are_known(demo):
    contacts = demo["contacts"]
    assert set(contacts["rung"]) == set(RUNGS)
    activities = {
        "Koffie en Koters",
        "OntMOED-netwerk",
        "Kindercafé Schellerhoeve",
        "peutergym",
        "babybootcamp",
        "samen muziek maken",
        "taalplezier",
    }
    assert set(demo["attendance"]["activity"]) == activities
    assert set(contacts["activity"]) == activities | {"buiten activiteiten", ""}
    assert set(contacts["source"]) == {"logboek", "vragenlijst", "netwerkgesprek"}
    assert set(contacts["wijk"]) == WIJKEN
    assert 0 < (contacts["note"] != "").sum() < len(contacts)


def test_one_row_per_contact(demo):
    contacts = demo["contacts"]
    assert not contacts.duplicated(["date", "person_a", "person_b", "activity", "source"]).any()
    assert not demo["attendance"].duplicated().any()


def test_sessions_are_small_and_in_one_wijk(demo):
    sizes = demo["attendance"].groupby(["date", "activity"]).size()
    assert sizes.max() <= 15
    assert 6 <= sizes.mean() <= 12
    contacts = demo["contacts"]
    at_sessions = contacts[contacts["activity"].isin(demo["attendance"]["activity"])]
    assert (at_sessions.groupby(["date", "activity"])["wijk"].nunique() == 1).all()


def test_activities_run_all_year_but_not_in_the_summer_holiday(demo):
    months = pd.to_datetime(demo["attendance"]["date"]).dt.to_period("M")
    assert months.nunique() >= 20
    assert not demo["attendance"]["date"].between("2024-07-22", "2024-08-30").any()


def test_some_parents_have_no_contacts_at_all(demo, last_seen):
    parents = demo["people"].loc[demo["people"]["role"] == "parent", "id"]
    assert (~parents.isin(last_seen.index)).sum() >= 10


def test_some_parents_drift_away(demo, last_seen):
    parents = demo["people"].loc[demo["people"]["role"] == "parent", "id"]
    seen = last_seen.reindex(parents).dropna()
    assert (seen < DRIFT_BEFORE).sum() >= 15


def test_some_parents_only_know_professionals(demo, neighbours):
    role = demo["people"].set_index("id")["role"]
    parents = demo["people"].loc[role.values == "parent", "id"]
    only_professionals = [
        p
        for p in parents
        if p in neighbours and all(role[other] == "professional" for other in neighbours[p])
    ]
    assert len(only_professionals) >= 10
    sole_links = pd.Series(
        [next(iter(neighbours[p])) for p in only_professionals if len(neighbours[p]) == 1]
    )
    assert sole_links.value_counts().max() >= 3


def test_professionals_are_linked_to_many_parents(demo, neighbours):
    role = demo["people"].set_index("id")["role"]
    parents_known = [
        sum(role[other] == "parent" for other in neighbours.get(k, ()))
        for k in role.index[role == "professional"]
    ]
    assert max(parents_known) >= 50


def test_a_few_parents_bridge_the_wijken(demo):
    wijk = demo["people"].set_index("id")["wijk"]
    role = demo["people"].set_index("id")["role"]
    contacts = demo["contacts"]
    elsewhere = set()
    for column in ("person_a", "person_b"):
        person = contacts[column]
        away = (role[person].values == "parent") & (wijk[person].values != contacts["wijk"].values)
        elsewhere |= set(person[away])
    assert 3 <= len(elsewhere) <= 30


def test_ties_climb_over_months_and_most_stay_low(demo, neighbours):
    contacts = demo["contacts"].assign(level=demo["contacts"]["rung"].map(RUNGS.index) + 1)
    reached = contacts.groupby(["person_a", "person_b"])["level"].max()
    ties = sum(len(others) for others in neighbours.values()) // 2
    assert (reached == 5).sum() >= 10
    assert (reached >= 3).sum() < ties / 4
    pairs = contacts.groupby(["person_a", "person_b"])
    first, top = (
        pairs["date"].min(),
        contacts[contacts["level"] == 5].groupby(["person_a", "person_b"])["date"].min(),
    )
    months = (pd.to_datetime(top) - pd.to_datetime(first[top.index])).dt.days / 30
    assert months.min() >= 3
