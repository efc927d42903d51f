"""Whom a person could meet (contactladder.analysis.introductions): a small village with the
points worked out by hand."""

import re

import pandas as pd
import pytest
from helpers import (
    DEMO,
    INTRO_CONTACTS,
    INTRO_PEOPLE,
    RANDOM_CASES,
    RANDOM_IDS,
    random_data,
    reference_candidates,
    reference_suggestions,
    weaver_folder,
)

from contactladder.analysis.introductions import introductions
from contactladder.analysis.worklist import worklist
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork


@pytest.fixture
def intro_net(tmp_path):
    return LadderNetwork.from_path(weaver_folder(tmp_path, INTRO_CONTACTS, INTRO_PEOPLE))


def ranking(table):
    return list(zip(table["candidate"], table["score"], table["reasons"]))


def test_introductions_rank_by_points(intro_net):
    assert ranking(introductions(intro_net, "ann")) == [
        ("bo", 9, "same_activity | same_wijk | shared_contacts"),
        ("cem", 7, "same_activity | same_wijk | shared_contacts"),
        ("gus", 2, "same_wijk"),
    ]


def test_match_columns_add_points(intro_net):
    assert ranking(introductions(intro_net, "ann", match=["child_age_group"])) == [
        ("bo", 11, "same_activity | same_wijk | match:child_age_group | shared_contacts"),
        ("cem", 7, "same_activity | same_wijk | shared_contacts"),
        ("eva", 2, "match:child_age_group"),  # same score as gus: the id decides
        ("gus", 2, "same_wijk"),
    ]


def test_professionals_only_when_asked_and_as_bridges(intro_net):
    assert ranking(introductions(intro_net, "ann", professionals=True)) == [
        ("bo", 9, "same_activity | same_wijk | shared_contacts"),
        ("cem", 7, "same_activity | same_wijk | shared_contacts"),
        ("k1", 7, "same_activity | same_wijk | shared_contacts | bridge"),
        ("gus", 2, "same_wijk"),
        ("k2", 2, "bridge"),
    ]


def test_introductions_explain_the_points_and_never_suggest_a_closer_tie(intro_net):
    table = introductions(intro_net, "ann", match=["child_age_group"], lang="en")
    assert "dan" not in set(table["candidate"]) and "ann" not in set(table["candidate"])
    bo = table.iloc[0]
    assert bo["explanation"] == (
        "Same activity: peutergym, taalplezier (+6). Same wijk: Dieze (+2). Same child_age_group: "
        "0-1 (+2). 1 shared contact: Kim (k1) (+1). Already know each other: 'Acquaintance'. "
        "Score 11."
    )
    assert (bo["current_rung"], table.iloc[1]["current_rung"]) == ("kennen", "")
    assert list(table.columns) == [
        "person",
        "candidate",
        "score",
        "reasons",
        "explanation",
        "name",
        "role",
        "wijk",
        "current_rung",
        "as_of",
    ]
    assert introductions(intro_net, "ann", top=1)["candidate"].tolist() == ["bo"]


def test_a_bridge_is_explained_in_dutch_by_the_focal_role(intro_net):
    k2 = introductions(intro_net, "ann", professionals=True).set_index("candidate").loc["k2"]
    assert k2["explanation"] == "Kent 2 andere ouders die ann nog niet kent (+2). Score 2."


def test_shared_contacts_count_at_most_three_points(tmp_path):
    contacts = "".join(f"2024-01-0{i},{who},m{i},1,\n" for i in range(1, 6) for who in ("x", "y"))
    people = "id,role\nx,parent\ny,parent\n" + "".join(f"m{i},professional\n" for i in range(1, 6))
    net = LadderNetwork.from_path(weaver_folder(tmp_path, contacts, people))
    table = introductions(net, "x", lang="en")
    assert ranking(table) == [("y", 3, "shared_contacts")]
    assert table["explanation"][0].startswith("5 shared contacts: m1, m2, m3 and 2 more (+3).")


def test_unknown_or_absent_person_is_refused_without_naming_anyone_else(intro_net):
    with pytest.raises(UsageError) as caught:
        introductions(intro_net, "zed")
    assert str(caught.value) == "unknown person 'zed'; give an id from the people file"
    with pytest.raises(UsageError, match="person not yet in the project 'late'"):
        introductions(intro_net, "late")
    with pytest.raises(UsageError, match="no people column 'age'"):
        introductions(intro_net, "ann", match=["age"])


# --- the candidate sets against the plain way: every person scored one by one -----------------


@pytest.fixture(scope="module", params=["demo", *RANDOM_IDS])
def village_net(request, tmp_path_factory):
    """The demo, and seeded random villages (people in two wijken and none, activities, times
    of day, a three-rung ladder, people who joined late or never had a contact)."""
    if request.param == "demo":
        return LadderNetwork.from_path(DEMO)
    folder = tmp_path_factory.mktemp(request.param)
    random_data(folder, **RANDOM_CASES[RANDOM_IDS.index(request.param)])
    return LadderNetwork.from_path(folder)


def status_of(net):
    """A status file: the first parent moved, the second paused (both never suggested)."""
    parents = sorted(net.focal_people)[:2]
    return pd.DataFrame(
        {"person": parents, "status": ["moved", "paused"], "since": pd.NaT, "note": ""}
    )


def listed(net):
    """Every person of a random village, every fourth of the demo (the plain way is slow)."""
    people = sorted(map(str, net.snapshot().nodes))
    return people[::4] if len(people) > 100 else people


@pytest.mark.parametrize("professionals", [False, True], ids=["peers", "professionals"])
@pytest.mark.parametrize("top", [None, 3])
def test_introductions_equal_the_plain_way(village_net, professionals, top):
    match = ["child_age_group"] if village_net.has_column("child_age_group") else ["role"]
    status = status_of(village_net)
    candidates_of = reference_candidates(
        village_net, match=match, professionals=professionals, status=status
    )
    for person in listed(village_net):
        if person in set(status["person"]):
            continue
        table = introductions(
            village_net, person, match=match, professionals=professionals, top=top, status=status
        )
        assert ranking(table) == candidates_of(person)[:top], person


@pytest.mark.parametrize(("suggest", "most"), [(3, 5), (2, 1), (4, None)])
def test_worklist_suggestions_equal_the_plain_way(village_net, suggest, most):
    status = status_of(village_net)
    table = worklist(village_net, suggest=suggest, most_suggested=most, status=status)
    expected = reference_suggestions(
        village_net, table["person"].tolist(), top=suggest, most=most, status=status
    )
    # "Name (id) 9" in the list, "id 9" in the plain way's.
    found = [
        [re.sub(r".*\((.+)\)", r"\1", one).strip() for one in text.split(" | ")]
        for text in table["suggestions"]
    ]
    assert found == [[one.strip() for one in text.split(" | ")] for text in expected]
