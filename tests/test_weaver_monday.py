"""The weaver's Monday (issue 12): a hand-made village with a known answer for every case --
moved, withdrawn, paused, joined after the log, a faded friendship, introductions that did and
did not become ties, two runs a month and a half apart -- and the demo.

The village (tests/data/weaver/monday, all in Dieze; the log ends 2025-10-31, "today" is
2025-12-01; fading 90d, gone 12m, new 60d, stuck after 180d), by hand:

    jan   joined 2025-11-20, after the log, no tie          alone + new            7
    fay   tie with gus at rung 4, last 2025-07-01           fading                 3
    gus   the same friendship                               fading                 3
    eva   only a volunteer (vol1), 2025-10-10               only_professionals     3
    dan   only k1, 2025-10-15                               only_professionals     3
    cor   a peer tie at rung 1 (nico), 2025-10-28           stuck_low              1
    old   only k1, last 2024-09-01: out of sight            only_prof. + gone      4 (last)
    ann, bea, hal: peer ties above rung 2, recent           (none)
    moe   moved since 2025-11-01; nico no_contact since 2025-10-30; pam paused: never listed
    Within reach (may be suggested): ann, bea, cor, dan, eva, hal.
"""

import datetime
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from helpers import DEMO

from contactladder.analysis.follow_up import follow_up
from contactladder.analysis.introductions import introductions
from contactladder.analysis.village import Village
from contactladder.analysis.worklist import worklist
from contactladder.cli import main
from contactladder.errors import UsageError
from contactladder.jobs.weaver import alone_job, brokers_job, introduce_job
from contactladder.jobs.weaver_logs import follow_up_job, introduced_job, status_job
from contactladder.loading.weaver_files import read_introductions, read_status
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.layout import layout_areas

MONDAY = Path(__file__).parent / "data" / "weaver" / "monday"
TODAY = datetime.date(2025, 12, 1)
EXPECTED = [
    ("jan", 7, "alone | new_unconnected"),
    ("fay", 3, "fading"),
    ("gus", 3, "fading"),
    ("eva", 3, "only_professionals"),
    ("dan", 3, "only_professionals"),
    ("cor", 1, "stuck_low"),
    ("old", 4, "only_professionals | gone"),
]
WITHIN_REACH = {"ann", "bea", "cor", "dan", "eva", "hal"}
LEFT_OR_PAUSED = {"moe", "nico", "pam"}
NAMES = pd.read_csv(MONDAY / "people.csv")["name"].tolist()


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "monday"
    shutil.copytree(MONDAY, folder)
    return folder


@pytest.fixture(scope="module")
def net():
    return LadderNetwork.from_path(MONDAY)


@pytest.fixture(scope="module")
def logs(net):
    known = net.column("role").index
    return read_status(MONDAY, people=known), read_introductions(MONDAY, people=known)


def suggested_ids(text):
    return re.findall(r"\(([^()]+)\) \d+", text)


# --- today ------------------------------------------------------------------------------------


def test_today_after_the_log_is_the_network_as_it_stands_with_time_passing(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0])
    assert list(zip(table["person"], table["priority"], table["reasons"])) == EXPECTED
    assert set(table["as_of"]) == {"2025-12-01"} and table.attrs["as_of"] == "2025-12-01"
    with pytest.raises(UsageError, match="date outside the data '2024-08-31'"):
        worklist(net, as_of="2024-08-31")


def test_the_jobs_measure_from_today_and_say_so(net):
    result = alone_job(net, today=TODAY, lang="en")
    assert result.notes[0] == "Reference day: 2025-12-01"
    assert brokers_job(net, today=TODAY).notes == ["Reference day: 2025-12-01"]
    assert introduce_job(net, "jan", today=TODAY).notes == ["Reference day: 2025-12-01"]


def test_a_person_who_joined_after_the_log_is_present(net):
    assert "jan" in Village.of(net, "2025-12-01").graph
    assert "jan" not in Village.of(net).graph  # the last day of the data: not yet there


# --- who is still here --------------------------------------------------------------------------


def test_moved_withdrawn_and_paused_are_never_listed_nor_suggested(net, logs):
    status, introduced = logs
    table = worklist(net, as_of="2025-12-01", status=status, introduced=introduced, suggest=5)
    assert not LEFT_OR_PAUSED & set(table["person"])
    for text in table["suggestions"]:
        assert not LEFT_OR_PAUSED & set(suggested_ids(text))
    everything = table.to_csv()
    assert "Moe Verhuisd" not in everything and "Nico Geencontact" not in everything
    with pytest.raises(UsageError, match="person not in the lists 'moe'; their status is moved"):
        introductions(net, "moe", as_of="2025-12-01", status=status)


def test_their_past_ties_stay_in_the_history(net, logs):
    before = set(net.snapshot().edges)
    worklist(net, as_of="2025-12-01", status=logs[0])
    assert ("k1", "moe") in before and set(net.snapshot().edges) == before


def test_a_status_counts_from_its_day_and_the_last_row_wins(net):
    rows = pd.DataFrame(
        {
            "person": ["moe", "moe"],
            "status": ["moved", "active"],
            "since": pd.to_datetime(["2025-11-01", "2025-11-15"]),
            "note": "",
        }
    )
    assert Village.of(net, "2025-11-10", status=rows).status_of("moe") == "moved"
    assert Village.of(net, "2025-12-01", status=rows).listed("moe")
    assert Village.of(net, "2025-10-31", status=rows).status_of("moe") == ""


def test_status_job_appends_a_row_and_keeps_the_old_ones(data):
    before = (data / "status.csv").read_text(encoding="utf-8")
    result = status_job(data, "dan", "Moved", since="2025-11-15")
    assert result.paths == [data / "status.csv"]
    text = (data / "status.csv").read_text(encoding="utf-8")
    assert text.startswith(before) and text.endswith("dan,moved,2025-11-15,\n")
    status_job(data, "eva", "paused", today=TODAY)
    assert read_status(data)["since"].iloc[-1] == pd.Timestamp("2025-12-01")
    with pytest.raises(UsageError, match="unknown person 'zoe'"):
        status_job(data, "zoe", "moved")
    assert (data / "status.csv").read_text(encoding="utf-8").count("\n") == 6


# --- suggestions a worker would make ------------------------------------------------------------


def test_suggestions_point_only_at_people_within_reach(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], suggest=6, most_suggested=None)
    jan = suggested_ids(table.set_index("person").loc["jan", "suggestions"])
    assert set(jan) == WITHIN_REACH  # never fay, gus (fading), old (gone), jan, moe, nico, pam


def test_same_activity_only_in_overlapping_months_and_never_the_catch_all(net, logs):
    table = introductions(net, "dan", as_of="2025-12-01", status=logs[0], lang="en", top=None)
    reasons = dict(zip(table["candidate"], table["reasons"]))
    # dan was at Koffie en Koters on 2025-10-15, cor on 10-28 and ann on 10-20: shared.
    assert reasons["cor"].startswith("same_activity") and reasons["ann"].startswith("same_activity")
    # eva's and dan's contacts "buiten activiteiten" are no activity.
    assert reasons["eva"] == "same_wijk"
    ann = introductions(net, "ann", as_of="2025-12-01", status=logs[0], lang="en", top=None)
    cor = ann.set_index("candidate").loc["cor", "explanation"]
    # cor was at taalplezier in February, ann in June: not together.
    assert "Same activity: Koffie en Koters (+3)" in cor and "taalplezier" not in cor
    wide = introductions(
        net, "ann", as_of="2025-12-01", status=logs[0], lang="en", together="6m", top=None
    ).set_index("candidate")
    assert "Koffie en Koters, taalplezier (+6)" in wide.loc["cor", "explanation"]


def test_equal_scores_spread_the_load_and_the_list_states_it(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], suggest=2, most_suggested=2)
    counts = pd.Series([p for text in table["suggestions"] for p in suggested_ids(text)])
    assert counts.value_counts().max() <= 2 == table.attrs["most_suggested"]
    result = alone_job(net, today=TODAY, suggest=2, most_suggested=2, lang="en")
    assert "No one is suggested more than 2 times." in result.notes


def test_a_parent_without_a_peer_is_invited_to_the_activities_that_made_ties(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], lang="en").set_index("person")
    assert table.loc["jan", "invite"] == (
        "Koffie en Koters: 1 tie at 'Chatting' or higher among parents in Dieze | peutergym: 1 "
        "tie at 'Chatting' or higher among parents in Dieze"
    )
    assert table.loc["cor", "invite"] == ""  # cor has a peer


def test_out_of_sight_is_its_own_reason_and_comes_last(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], lang="en")
    assert table["person"].iloc[-1] == "old"
    assert (
        "Out of sight: no contact with anyone for 15 months (last contact 2024-09-01)."
        in table["explanation"].iloc[-1]
    )


# --- keeping track over time --------------------------------------------------------------------


def test_follow_up_says_what_came_of_each_introduction_and_the_yield(net, logs):
    table = follow_up(net, logs[1], as_of="2025-12-01", lang="en")
    assert table[
        ["person", "introduced_to", "tie", "rung", "days", "second_rung_within"]
    ].values.tolist() == [
        ["ann", "bea", True, "delen", 19, True],
        ["dan", "ann", False, "", "", False],
        ["cor", "nico", True, "kennen", 27, False],
    ]
    assert table.attrs["summary"] == (
        "1 of 2 introductions became a tie at 'Chatting' or higher within 3 months (50%)."
    )
    assert follow_up_job(net, today=TODAY, introduced=logs[1]).notes[-1].startswith("1 van 2")


def test_the_worklist_shows_the_introductions_logged(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], introduced=logs[1])
    row = table.set_index("person").loc["dan"]
    assert row["introduced"] == "Ann Actief (ann) 2025-08-01"
    assert table.set_index("person").loc["cor", "introduced"] == ""  # nico withdrew consent


def test_introduced_job_appends_to_the_log(data):
    introduced_job(data, "jan", "ann", by="k1", today=TODAY)
    log = read_introductions(data)
    assert log.iloc[-1][["person", "introduced_to", "by"]].tolist() == ["jan", "ann", "k1"]
    assert log["date"].iloc[-1] == pd.Timestamp("2025-12-01") and len(log) == 4
    with pytest.raises(UsageError, match="introduced to themself"):
        introduced_job(data, "jan", "jan")


def test_two_runs_a_month_apart_say_who_is_new_and_who_is_off_and_why(data, tmp_path):
    from contactladder.jobs.common import Source

    out = tmp_path / "out" / "werklijst.csv"
    alone_job(Source(data), out, as_of="2025-10-15")
    result = alone_job(Source(data), out, today=TODAY)
    assert out.with_name("werklijst.previous.csv").exists()
    found = pd.read_csv(out.with_name("werklijst.changes.csv"), keep_default_na=False)
    got = {
        person: (change, why)
        for person, change, why in zip(found["person"], found["change"], found["why"])
    }
    assert got == {
        "jan": ("new", ""),
        "cor": ("changed", ""),
        "ann": ("off", "no_reason"),
        "bea": ("off", "no_reason"),
        "hal": ("off", "tie_formed"),
        "moe": ("off", "status:moved"),
        "nico": ("off", "status:no_contact"),
    }
    assert any("Compared with" in note for note in result.notes)


# --- privacy in practice ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".html"])
def test_the_team_meeting_version_holds_no_name(data, tmp_path, suffix):
    from contactladder.jobs.common import Source

    out = tmp_path / f"team{suffix}"
    result = alone_job(Source(data), out, today=TODAY, anonymize=True, suggest=2)
    texts = []
    for path in result.paths:
        if path.suffix == ".xlsx":
            texts += [sheet.to_csv() for sheet in pd.read_excel(path, sheet_name=None).values()]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    text = "\n".join(texts)
    for name in NAMES:
        assert name not in text
    assert "Ouder" in text and "only_professionals" in text


def test_anonymous_labels_match_the_maps(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0], anonymize=True)
    assert "person" not in table and "name" not in table
    labels = {Village.of(net, "2025-12-01", anonymize=True).name(p) for p in ("jan", "fay")}
    assert labels <= set(table["label"])


# --- words --------------------------------------------------------------------------------------


def test_volunteers_are_not_called_professionals(net, logs):
    table = worklist(net, as_of="2025-12-01", status=logs[0]).set_index("person")
    assert table.loc["eva", "explanation"].startswith(
        "Heeft alleen contact met vrijwilligers (Vera Vrijwilliger (vol1)), nog niet met andere "
        "ouders."
    )


def test_the_page_title_holds_the_day_and_reads_on_a_phone(net, tmp_path):
    result = alone_job(net, tmp_path / "w.html", today=TODAY, lang="en")
    page = result.paths[0].read_text(encoding="utf-8")
    assert "<title>Network weaver&#x27;s worklist · as of 2025-12-01</title>" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


# --- the demo -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    if not (DEMO / "contacts.csv").exists():
        pytest.skip("the demo data set is not there")
    return LadderNetwork.from_path(DEMO)


def test_demo_suggestions_never_point_at_fading_or_gone_and_spread(demo):
    table = worklist(demo, as_of="2026-01-31", suggest=3)
    drifting = set(table["person"][table["reasons"].str.contains("fading|gone")])
    counts = pd.Series([p for text in table["suggestions"] for p in suggested_ids(text)])
    assert len(counts) > 100
    assert not drifting & set(counts)
    assert counts.value_counts().max() <= table.attrs["most_suggested"] <= 5


# --- the commands (wired by the lead) -----------------------------------------------------------

wired = pytest.mark.skipif(
    not hasattr(main, "commands") or "status" not in main.commands, reason="wired by the lead"
)


@wired
def test_cli_status_introduced_and_follow_up(data):
    runner = CliRunner()
    result = runner.invoke(main, ["status", str(data), "dan", "moved", "--since", "2025-11-01"])
    assert result.exit_code == 0, result.output
    assert (data / "status.csv").read_text(encoding="utf-8").endswith("dan,moved,2025-11-01,\n")
    result = runner.invoke(main, ["introduced", str(data), "jan", "ann", "--date", "2025-11-25"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["follow-up", str(data), "--as-of", "2025-12-01", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "1 of 2 introductions became a tie" in result.stderr


# --- the conversation sheet ---------------------------------------------------------------------


def test_the_conversation_sheet_holds_everything_on_one_page(data, tmp_path):
    from contactladder.jobs.common import Source
    from contactladder.jobs.weaver_logs import conversation_job

    result = conversation_job(
        Source(data), "ann", tmp_path / "gesprek.html", today=TODAY, lang="en"
    )
    page = result.paths[0].read_text(encoding="utf-8")
    assert "<title>Network conversation with Ann Actief (ann) · 2025-12-01</title>" in page
    assert "<strong>Sharing experiences</strong>: Bea Buur (bea)" in page
    assert "<strong>Acquaintance</strong>: Kim Wijkteam (k1)" in page
    assert "Could meet" in page and "Cor Koffie (cor): Same activity: Koffie en Koters" in page
    assert "2025-05-01: ann – bea. A tie formed: &#x27;Sharing experiences&#x27;" in page
    assert "2025-08-01: dan – ann. No contact since the introduction yet." in page
    assert 'src="data:image/svg+xml;base64,' in page and "<script" not in page
    assert "@page { size: A4" in page
    fay = conversation_job(Source(data), "fay", tmp_path / "fay.html", today=TODAY, lang="nl")
    text = fay.paths[0].read_text(encoding="utf-8")
    assert "Gus Vervaagd (gus): laatste contact 2025-07-01 (5 maanden geleden)" in text
    with pytest.raises(UsageError, match="person not in the lists 'nico'"):
        conversation_job(Source(data), "nico", tmp_path / "n.html", today=TODAY)


def test_the_sheets_picture_is_of_the_sheets_day_and_placed_as_on_the_maps(
    data, tmp_path, monkeypatch
):
    """The picture measures from the sheet's day (not the machine's), shares its snapshot with
    the sheet and takes its positions from the layout cache beside the data."""
    from contactladder.jobs import weaver_logs
    from contactladder.jobs.common import Source

    asked, built = [], []
    drawn = weaver_logs.network_map_data
    snapshot = LadderNetwork.snapshot

    def recorded(net, **options):
        asked.append((options["as_of"], options["layout"] is layout_areas))
        return drawn(net, **options)

    def counted(self, as_of=None, **options):
        built.append(self.cutoff(as_of, open_end=options.get("open_end", False)))
        return snapshot(self, as_of, **options)

    monkeypatch.setattr(weaver_logs, "network_map_data", recorded)
    monkeypatch.setattr(LadderNetwork, "snapshot", counted)
    weaver_logs.conversation_job(Source(data), "ann", tmp_path / "g.html", today=TODAY)
    assert asked == [(TODAY.isoformat(), False)]  # the cache's layout, not a fresh one
    # The sheet's day (shared by the sheet and its picture) and the data's end: jan joined after
    # the last contact, so the day's graph is not the end's.
    assert len(built) == len(set(built)) == 2
    assert (data / ".contactladder-layout.personal-data.json").exists()
    # Once the cache holds the positions, the end's graph is not built: its digest comes from
    # the network's tables.
    first, day = (tmp_path / "g.html").read_text(), built[0]
    built.clear()
    weaver_logs.conversation_job(Source(data), "ann", tmp_path / "h.html", today=TODAY)
    assert built == [day] and (tmp_path / "h.html").read_text() == first


def test_a_day_after_the_data_shares_the_ends_graph_only_when_no_one_joined_since(net):
    from contactladder.jobs.shared_snapshots import SharedSnapshots

    shared = SharedSnapshots(net)
    later = shared.snapshot(TODAY, open_end=True)  # jan joined on 20 November, after the end
    assert later is not shared.snapshot() and set(later) - set(shared.snapshot()) == {"jan"}
    before_jan = shared.snapshot("2025-11-10", open_end=True)
    assert before_jan is shared.snapshot()


def test_introduce_and_brokers_have_a_team_meeting_version_too(data, tmp_path):
    from contactladder.jobs.common import Source

    results = [
        introduce_job(Source(data), "dan", tmp_path / "i.csv", today=TODAY, anonymize=True),
        brokers_job(Source(data), tmp_path / "b.csv", today=TODAY, anonymize=True),
    ]
    texts = []
    for result in results:
        assert result.notes[-1].endswith("shows no names: anonymous labels that match the maps.")
        texts.append(result.paths[0].read_text(encoding="utf-8"))
    text = "\n".join(texts)
    assert "Ouder" in text and not [name for name in NAMES if name in text]
    assert not re.search(r"\b(ann|bea|cor|dan|k1)\b", text)
