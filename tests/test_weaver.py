"""The network weaver's worklist (contactladder.weaver): small networks with answers known by hand,
the demo data set, and the three commands through click's CliRunner."""

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import contactladder.analysis.weaver as weaver
from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork
from contactladder.analysis.weaver import brokers, introductions, parse_duration, worklist

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"


def folder(path: Path, contacts: str, people: str) -> Path:
    """Write a tiny data folder: contacts ``date,person_a,person_b,rung,activity`` and people."""
    (path / "contacts.csv").write_text("date,person_a,person_b,rung,activity\n" + contacts,
                                       encoding="utf-8")
    (path / "people.csv").write_text(people, encoding="utf-8")
    return path


# --- who needs a link ---------------------------------------------------------------------------
# The reference day is the last contact, 2024-12-31. By hand:
#   alo       joined long ago, no tie                                 alone                 5
#   newbie    joined 2024-12-01, no tie                               alone + new           7
#   pro       only a tie with k1, recent                              only_professionals    3
#   profade   only a tie with k1, last 2024-06-01                     only_prof. + fading   6
#   newpro    joined 2024-12-10, only a tie with k1                   only_prof. + new      5
#   stuck1/2  a peer tie at rung 2 after a year                       stuck_low             1
#   drift1/2  a peer tie at rung 4, last 2024-08-01                   fading                3
#   driftlow  one peer tie at rung 1, last 2024-05-01                 fading + stuck_low    4
#   fine1/2   a peer tie at rung 3, recent                            (none)
#   young1/2  a peer tie at rung 1, three months in the project       (none)

WORK_CONTACTS = """\
2024-05-01,driftlow,fine1,1,peutergym
2024-06-01,k1,profade,2,
2024-08-01,drift1,drift2,4,taalplezier
2024-12-15,k1,newpro,1,
2024-12-20,k1,pro,2,peutergym
2024-12-30,stuck1,stuck2,2,peutergym
2024-12-31,fine1,fine2,3,peutergym
2024-12-31,young1,young2,1,taalplezier
"""
WORK_PEOPLE = """\
id,role,name,organisation,wijk,joined,child_age_group
alo,parent,Alo <b>Alone</b>,,Zuid,2024-01-01,0-1
newbie,parent,Nina Nieuw,,Dieze,2024-12-01,0-1
pro,parent,Piet Pro,,Dieze,2024-01-01,1-2
profade,parent,Paula Fade,,Dieze,2024-01-01,1-2
newpro,parent,Noor Pro,,Dieze,2024-12-10,2-4
stuck1,parent,Sam Een,,Dieze,2024-01-01,0-1
stuck2,parent,Sam Twee,,Dieze,2024-01-01,2-4
drift1,parent,Dirk Een,,Dieze,2024-01-01,2-4
drift2,parent,Dirk Twee,,Dieze,2024-01-01,4-6
driftlow,parent,Dora Laag,,Dieze,2024-01-01,4-6
fine1,parent,Fien Een,,Dieze,2024-01-01,0-1
fine2,parent,Fien Twee,,Dieze,2024-01-01,0-1
young1,parent,Joost Een,,Dieze,2024-10-01,1-2
young2,parent,Joost Twee,,Dieze,2024-10-01,1-2
k1,professional,Kim,GGD,Dieze,,
"""
EXPECTED = [  # person, priority, reasons, in order
    ("newbie", 7, "alone;new_unconnected"),
    ("profade", 6, "only_professionals;fading"),
    ("alo", 5, "alone"),  # never had a contact: the longest silence comes first
    ("newpro", 5, "only_professionals;new_unconnected"),
    ("driftlow", 4, "fading;stuck_low"),
    ("drift1", 3, "fading"),  # 152 days without contact
    ("drift2", 3, "fading"),
    ("pro", 3, "only_professionals"),  # 11 days
    ("stuck1", 1, "stuck_low"),
    ("stuck2", 1, "stuck_low"),
]


@pytest.fixture
def work(tmp_path):
    return folder(tmp_path, WORK_CONTACTS, WORK_PEOPLE)


@pytest.fixture
def work_net(work):
    return LadderNetwork.from_path(work)


def test_worklist_has_every_reason_and_the_documented_order(work_net):
    table = worklist(work_net)
    assert list(zip(table["person"], table["priority"], table["reasons"])) == EXPECTED
    for person, priority, reasons in EXPECTED:
        assert priority == sum(weaver.REASONS[key] for key in reasons.split(";"))


def test_worklist_columns_and_details(work_net):
    table = worklist(work_net)
    assert list(table.columns) == [
        "person", "wijk", "priority", "reasons", "explanation", "name", "role", "joined",
        "activities", "last_contact", "ties", "rung_kennen", "rung_praten", "rung_delen",
        "rung_helpen", "rung_steunen"]
    row = table.set_index("person").loc["driftlow"]
    assert (row["wijk"], row["name"], row["role"], row["joined"]) == (
        "Dieze", "Dora Laag", "parent", "2024-01-01")
    assert (row["activities"], row["last_contact"], row["ties"]) == ("peutergym", "2024-05-01", 1)
    assert [row[f"rung_{key}"] for key in ("kennen", "praten", "delen", "helpen", "steunen")] == [
        1, 0, 0, 0, 0]
    alo = table.set_index("person").loc["alo"]
    assert (alo["last_contact"], alo["activities"], alo["ties"]) == ("", "", 0)


@pytest.mark.parametrize("person, lang, text", [
    ("drift1", "nl", "Heeft sinds 5 maanden geen contact meer met andere ouders (laatste contact "
                     "2024-08-01). Prioriteit 3: contact verwatert 3."),
    ("drift1", "en", "Has had no contact with other parents for 5 months (last contact "
                     "2024-08-01). Priority 3: fading 3."),
    ("profade", "nl", "Heeft alleen contact met professionals (Kim (k1)), nog niet met andere "
                      "ouders. Heeft sinds 7 maanden geen contact meer met professionals (laatste "
                      "contact 2024-06-01). Prioriteit 6: alleen professionals 3 + contact "
                      "verwatert 3."),
    ("newbie", "en", "Has no contact with anyone yet, after 4 weeks in the project. Joined 4 "
                     "weeks ago and has no tie with other parents yet. Priority 7: alone 5 + new, "
                     "unconnected 2."),
    ("stuck1", "nl", "Na 12 maanden in het project komt geen contact met andere ouders boven "
                     "'Maken een praatje' (1 contact met andere ouders). Prioriteit 1: blijft "
                     "laag 1."),
])
def test_explanations_are_sentences_in_the_chosen_language(work_net, person, lang, text):
    table = worklist(work_net, lang=lang).set_index("person")
    assert table.loc[person, "explanation"] == text


def test_windows_change_who_is_on_the_list(work_net):
    table = worklist(work_net, fading="6m", new="2w", stuck_after="1y")
    got = dict(zip(table["person"], table["reasons"]))
    assert "drift1" not in got  # 152 days is less than six months
    assert got["profade"] == "only_professionals;fading"  # 213 days is more
    assert got["newbie"] == "alone"  # 30 days is not within two weeks
    assert got["newpro"] == "only_professionals"  # nor is 21 days
    assert "stuck1" not in got  # 365 days is not more than a year


def test_as_of_leaves_out_people_not_yet_present_and_measures_from_that_day(work_net):
    table = worklist(work_net, as_of="2024-06-30")
    assert list(zip(table["person"], table["reasons"])) == [
        ("alo", "alone"), ("drift1", "alone"), ("drift2", "alone"), ("fine2", "alone"),
        ("pro", "alone"), ("stuck1", "alone"), ("stuck2", "alone"),
        ("profade", "only_professionals"),  # the contact was 29 days before
        ("driftlow", "stuck_low"), ("fine1", "stuck_low"),  # rung 1 after 181 days
    ]  # newbie, newpro and young1/2 joined later


def test_wijk_filter_is_case_insensitive_and_unknown_wijk_is_refused(work_net):
    assert worklist(work_net, wijk="zuid")["person"].tolist() == ["alo"]
    with pytest.raises(UsageError, match="unknown wijk 'Mars'; the wijken are Dieze, Zuid"):
        worklist(work_net, wijk="Mars")


def test_suggestions_column_lists_the_best_peers_with_their_score(work_net):
    table = worklist(work_net, suggest=2, match=["child_age_group"]).set_index("person")
    # alo (Zuid, 0-1) shares only the age group with newbie, stuck1, fine1, fine2: 2 points each.
    assert table.loc["alo", "suggestions"] == "Fien Een (fine1) 2; Fien Twee (fine2) 2"
    assert list(table.columns)[-1] == "suggestions"


def test_worklist_does_not_change_the_network(work_net):
    before = nx.to_dict_of_dicts(work_net.snapshot())
    worklist(work_net, suggest=3)
    brokers(work_net)
    assert nx.to_dict_of_dicts(work_net.snapshot()) == before


@pytest.mark.parametrize("text, offset", [
    ("90d", pd.DateOffset(days=90)), ("12w", pd.DateOffset(weeks=12)),
    ("6M", pd.DateOffset(months=6)), (" 1y ", pd.DateOffset(years=1)), (30, pd.DateOffset(days=30)),
])
def test_durations(text, offset):
    assert parse_duration(text) == offset


@pytest.mark.parametrize("text", ["", "90", "d", "-3d", "1.5m", "3 months", None, True])
def test_bad_durations_are_one_usage_error(text):
    with pytest.raises(UsageError, match=r"^new: not a duration"):
        parse_duration(text, name="new")


# --- whom they could meet -----------------------------------------------------------------------
# By hand, for ann (Dieze, 0-1; activities peutergym and taalplezier; ties k1, bo at rung 1, dan
# at rung 2):
#   bo    taalplezier + peutergym 6, Dieze 2, 0-1 2, shared k1 1      = 11 (9 without --match)
#   cem   peutergym 3, Dieze 2, shared k1 and dan 2                  = 7
#   dan   a tie at rung 2 already: never suggested
#   eva   Zuid, 0-1 2                                                = 2 (0 without --match)
#   fay   Zuid, 2-4, nothing in common                               left out
#   gus   Dieze 2                                                    = 2
#   k1    peutergym 3, Dieze 2, shared bo 1, knows cem 1             = 7 (professionals only)
#   k2    knows eva and gus 2                                        = 2 (professionals only)

INTRO_CONTACTS = """\
2024-01-10,ann,k1,1,peutergym
2024-01-10,bo,k1,1,peutergym
2024-01-10,cem,k1,1,peutergym
2024-01-11,ann,bo,1,taalplezier
2024-01-12,ann,dan,2,
2024-01-12,cem,dan,3,
2024-01-13,eva,k2,1,babybootcamp
2024-01-13,gus,k2,1,
"""
INTRO_PEOPLE = """\
id,role,name,organisation,wijk,joined,child_age_group
ann,parent,Ann,,Dieze,,0-1
bo,parent,Bo,,Dieze,,0-1
cem,parent,Cem,,Dieze,,1-2
dan,parent,Dan,,Dieze,,0-1
eva,parent,Eva,,Zuid,,0-1
fay,parent,Fay,,Zuid,,2-4
gus,parent,Gus,,Dieze,,2-4
k1,professional,Kim,GGD,Dieze,,
k2,professional,Koen,welzijn,Zuid,,
late,parent,Lot,,Dieze,2030-01-01,0-1
"""


@pytest.fixture
def intro_net(tmp_path):
    return LadderNetwork.from_path(folder(tmp_path, INTRO_CONTACTS, INTRO_PEOPLE))


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
        "Score 11.")
    assert (bo["current_rung"], table.iloc[1]["current_rung"]) == ("kennen", "")
    assert list(table.columns) == ["person", "candidate", "score", "reasons", "explanation",
                                   "name", "role", "wijk", "current_rung"]
    assert introductions(intro_net, "ann", top=1)["candidate"].tolist() == ["bo"]


def test_shared_contacts_count_at_most_three_points(tmp_path):
    contacts = "".join(f"2024-01-0{i},{who},m{i},1,\n" for i in range(1, 6) for who in ("x", "y"))
    people = "id,role\nx,parent\ny,parent\n" + "".join(f"m{i},professional\n" for i in range(1, 6))
    net = LadderNetwork.from_path(folder(tmp_path, contacts, people))
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


# --- who holds the village together -------------------------------------------------------------
# Triangle a-b-c and path c-d-e (d, e in Zuid); k (GGD) tied to a and the only tie of s1, s2, s3.
# Betweenness by hand (pairs through the person / 28 pairs): k 18, a 16, c 12, d 7, the rest 0.

BROKER_CONTACTS = """\
2024-02-01,a,b,2,
2024-02-01,b,c,2,
2024-02-01,a,c,2,
2024-02-02,c,d,2,
2024-02-02,d,e,2,
2024-02-03,a,k,1,
2024-02-03,k,s1,1,
2024-02-03,k,s2,1,
2024-02-03,k,s3,1,
"""
BROKER_PEOPLE = """\
id,role,name,organisation,wijk
a,parent,Ans,,Dieze
b,parent,Bep,,Dieze
c,parent,Cor,,Dieze
d,parent,Dirk,,Zuid
e,parent,Eef,,Zuid
k,professional,Kim,GGD,Dieze
s1,parent,Sien,,Dieze
s2,parent,Siem,,Dieze
s3,parent,Sjaak,,Dieze
"""


@pytest.fixture
def broker_net(tmp_path):
    return LadderNetwork.from_path(folder(tmp_path, BROKER_CONTACTS, BROKER_PEOPLE))


def test_brokers_by_hand(broker_net):
    table = brokers(broker_net)
    columns = ["person", "betweenness", "bridging_ties", "between_wijken", "between_groups",
               "local_bridges", "bridges", "sole_link_parents", "sole_link_of", "cut_off"]
    assert table[columns].values.tolist() == [
        ["k", round(18 / 28, 6), 4, 0, 4, 4, 4, 3, "s1;s2;s3", 3],
        ["a", round(16 / 28, 6), 1, 0, 1, 1, 1, 0, "", 4],
        ["c", round(12 / 28, 6), 1, 1, 0, 1, 1, 0, "", 2],
        ["d", round(7 / 28, 6), 2, 1, 0, 2, 2, 1, "e", 1],
        ["e", 0.0, 1, 0, 0, 1, 1, 0, "", 0],
        ["s1", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
        ["s2", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
        ["s3", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
    ]  # b joins nothing: left out
    assert list(table.columns[:4]) == ["person", "role", "betweenness", "bridging_ties"]
    assert brokers(broker_net, top=2)["person"].tolist() == ["k", "a"]


def test_brokers_name_the_sole_link_in_plain_words(broker_net):
    k = brokers(broker_net, lang="en").iloc[0]
    assert k["explanation"] == (
        "64% of the shortest paths between others run through this person. 4 ties to another "
        "group (parents). 4 ties with no one in common, of which 4 the only link between two "
        "parts of the network. The only tie of 3 parents: Sien (s1), Siem (s2), Sjaak (s3). "
        "Without this person, 3 people lose touch with the rest.")
    assert "Enige contact van 3 ouders" in brokers(broker_net).iloc[0]["explanation"]


def test_betweenness_is_sampled_with_a_fixed_seed_on_large_networks(broker_net, monkeypatch):
    calls = []
    exact = nx.betweenness_centrality

    def recording(graph, **options):
        calls.append(options)
        return exact(graph, **options)

    monkeypatch.setattr(weaver.nx, "betweenness_centrality", recording)
    brokers(broker_net)
    monkeypatch.setattr(weaver, "BETWEENNESS_EXACT_UP_TO", 4)
    monkeypatch.setattr(weaver, "BETWEENNESS_SAMPLE", 5)
    first, second = brokers(broker_net), brokers(broker_net)
    assert calls == [{"k": None, "seed": None}] + [{"k": 5, "seed": weaver.SEED}] * 2
    pd.testing.assert_frame_equal(first, second)


# --- the demo data set --------------------------------------------------------------------------

def demo_meetings():
    """Every pair that met in the demo, with the date, straight from the files."""
    contacts = pd.read_csv(DEMO / "contacts.csv", dtype=str, keep_default_na=False)
    attendance = pd.read_csv(DEMO / "attendance.csv", dtype=str, keep_default_na=False)
    pairs = attendance.merge(attendance, on=["date", "activity"])
    pairs = pairs[pairs["person_x"] != pairs["person_y"]]
    both = pd.concat([
        contacts[["date", "person_a", "person_b"]].set_axis(["date", "me", "other"], axis=1),
        contacts[["date", "person_b", "person_a"]].set_axis(["date", "me", "other"], axis=1),
        pairs[["date", "person_x", "person_y"]].set_axis(["date", "me", "other"], axis=1)])
    both["date"] = pd.to_datetime(both["date"])
    return both


@pytest.fixture(scope="module")
def demo_table():
    if not (DEMO / "contacts.csv").exists():
        pytest.skip("the demo data set is not there")
    return worklist(LadderNetwork.from_path(DEMO)).set_index("person")


def test_demo_alone_and_drifting_parents_are_on_the_worklist(demo_table):
    people = pd.read_csv(DEMO / "people.csv", dtype=str, keep_default_na=False).set_index("id")
    parents = set(people.index[people["role"] == "parent"])
    met = demo_meetings()
    end = met["date"].max()
    alone = parents - set(met["me"])
    last = met[met["me"].isin(parents)].groupby("me")["date"].max()
    drifting = set(last.index[last < end - pd.Timedelta(days=90)])
    with_peers = set(met.loc[met["other"].isin(parents), "me"])
    only_professionals = parents - alone - with_peers
    assert len(alone) >= 10 and len(drifting) >= 20 and len(only_professionals) >= 10
    reasons = demo_table["reasons"].str.split(";")
    assert set(demo_table.index[reasons.map(lambda r: "alone" in r)]) == alone
    assert set(demo_table.index[reasons.map(lambda r: "fading" in r)]) == drifting
    assert set(demo_table.index[reasons.map(lambda r: "only_professionals" in r)]) == \
        only_professionals
    assert demo_table["priority"].is_monotonic_decreasing


def test_demo_youth_nurse_is_the_sole_link_of_several_parents():
    if not (DEMO / "contacts.csv").exists():
        pytest.skip("the demo data set is not there")
    table = brokers(LadderNetwork.from_path(DEMO), top=None)
    sole = table[table["sole_link_parents"] >= 2]
    assert len(sole) and set(sole["role"]) == {"professional"}
    assert "GGD" in set(sole["organisation"])


# --- the commands -------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("args, message", [
    (["introduce", "{data}", "nobody"], "Error: unknown person 'nobody'; give an id from the "
                                        "people file"),
    (["alone", "{data}", "--as-of", "2025-03-01"],
     "Error: date outside the data '2025-03-01'; the contacts run from 2024-05-01 to 2024-12-31"),
    (["brokers", "{data}", "--as-of", "2023-12-31"],
     "Error: date outside the data '2023-12-31'; the contacts run from 2024-05-01 to 2024-12-31"),
    (["introduce", "{data}", "pro", "--as-of", "yesterday"],
     "Error: not a date 'yesterday'; write it as YYYY-MM-DD"),
    (["alone", "{data}", "--fading", "3 months"],
     "Error: fading: not a duration '3 months'; write a number and d (days), w (weeks), "
     "m (months) or y (years), such as 90d, 12w or 6m"),
    (["alone", "{data}", "--new", "x"],
     "Error: new: not a duration 'x'; write a number and d (days), w (weeks), m (months) or y "
     "(years), such as 90d, 12w or 6m"),
    (["alone", "{data}", "--wijk", "Mars"],
     "Error: unknown wijk 'Mars'; the wijken are Dieze, Zuid"),
    (["brokers", "{data}", "-o", "{data}/out.txt"],
     "Error: unknown table format 'out.txt'; end the file name in .csv or .xlsx"),
])
def test_bad_input_is_one_line_with_exit_1(work, args, message):
    result = run(*[a.format(data=work) for a in args])
    assert result.exit_code == 1
    assert result.output == message + "\n"
    assert "Traceback" not in result.output
    assert not (work / "out.txt").exists()


def test_alone_writes_csv_xlsx_and_html_that_say_they_hold_personal_data(work):
    result = run("alone", work, "-o", work / "out" / "w.csv")
    assert result.exit_code == 0, result.output
    assert "holds personal data" in result.stderr
    table = pd.read_csv(work / "out" / "w.csv", keep_default_na=False)
    assert table["person"].tolist() == [person for person, _, _ in EXPECTED]
    assert run("alone", work, "-o", work / "out" / "w.xlsx").exit_code == 0
    sheets = pd.read_excel(work / "out" / "w.xlsx", sheet_name=None, keep_default_na=False)
    assert list(sheets) == ["werklijst (persoonsgegevens)"]
    assert sheets["werklijst (persoonsgegevens)"]["person"].tolist() == table["person"].tolist()
    assert run("alone", work, "--suggest", "2", "--lang", "en",
               "-o", work / "out" / "w.html").exit_code == 0
    page = (work / "out" / "w.html").read_text(encoding="utf-8")
    assert page.splitlines()[1] == f"<!-- {weaver.PERSONAL_DATA['en']} -->"
    assert "Alo &lt;b&gt;Alone&lt;/b&gt;" in page and "<b>" not in page
    assert "<script" not in page and "http" not in page and "src=" not in page
    assert page.count('<section class="person">') == len(EXPECTED)


def test_same_input_gives_byte_identical_worklist(work):
    for name in ("a.csv", "b.csv", "a.html", "b.html"):
        assert run("alone", work, "--suggest", "1", "-o", work / name).exit_code == 0
    assert (work / "a.csv").read_bytes() == (work / "b.csv").read_bytes()
    assert (work / "a.html").read_bytes() == (work / "b.html").read_bytes()


def test_introduce_and_brokers_print_and_write(tmp_path):
    data = folder(tmp_path, INTRO_CONTACTS, INTRO_PEOPLE)
    result = run("introduce", data, "ann", "--match", "child_age_group", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "bo Bo  score 11  reasons same_activity;same_wijk;match:child_age_group;shared_contacts")
    result = run("introduce", data, "ann", "--professionals", "-o", tmp_path / "i.csv")
    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "i.csv")["candidate"].tolist() == ["bo", "cem", "k1", "gus",
                                                                       "k2"]
    result = run("brokers", data, "-o", tmp_path / "b.xlsx")
    assert result.exit_code == 0, result.output
    assert list(pd.read_excel(tmp_path / "b.xlsx", sheet_name=None)) == [
        "verbinders (persoonsgegevens)"]


def test_an_activity_attended_alone_counts_for_the_worklist_and_introductions(tmp_path):
    (tmp_path / "people.csv").write_text("id,role,wijk\na,parent,D\nb,parent,D\nc,parent,D\n")
    (tmp_path / "contacts.csv").write_text("date,person_a,person_b,rung\n2024-03-01,a,b,praten\n")
    (tmp_path / "attendance.csv").write_text("date,activity,person\n2024-02-01,peutergym,a\n"
                                             "2024-02-01,peutergym,b\n2024-02-08,peutergym,c\n")
    net = LadderNetwork.from_path(tmp_path)
    table = worklist(net)
    assert table.set_index("person").loc["c", "activities"] == "peutergym"
    suggestions = introductions(net, "c")
    assert "same_activity" in suggestions.iloc[0]["reasons"]
