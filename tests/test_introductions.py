"""Whom a person could meet (contactladder.analysis.introductions): a small village with the
points worked out by hand."""

import pytest
from helpers import INTRO_CONTACTS, INTRO_PEOPLE, weaver_folder

from contactladder.analysis.introductions import introductions
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork


@pytest.fixture
def intro_net(tmp_path):
    return LadderNetwork.from_path(weaver_folder(tmp_path, INTRO_CONTACTS, INTRO_PEOPLE))


def ranking(table):
    return list(zip(table["candidate"], table["score"], table["reasons"]))


def test_introductions_rank_by_points(intro_net):
    assert ranking(introductions(intro_net, "ann")) == [
        ("bo", 9, "same_activity;same_wijk;shared_contacts"),
        ("cem", 7, "same_activity;same_wijk;shared_contacts"),
        ("gus", 2, "same_wijk"),
    ]


def test_match_columns_add_points(intro_net):
    assert ranking(introductions(intro_net, "ann", match=["child_age_group"])) == [
        ("bo", 11, "same_activity;same_wijk;match:child_age_group;shared_contacts"),
        ("cem", 7, "same_activity;same_wijk;shared_contacts"),
        ("eva", 2, "match:child_age_group"),  # same score as gus: the id decides
        ("gus", 2, "same_wijk"),
    ]


def test_professionals_only_when_asked_and_as_bridges(intro_net):
    assert ranking(introductions(intro_net, "ann", professionals=True)) == [
        ("bo", 9, "same_activity;same_wijk;shared_contacts"),
        ("cem", 7, "same_activity;same_wijk;shared_contacts"),
        ("k1", 7, "same_activity;same_wijk;shared_contacts;bridge"),
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
