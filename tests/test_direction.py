"""Direction: the tie rule, reciprocity, agreement and the disagreements table, each against an
independent pandas computation on a hand-made survey where both sides report on some ties
(agreeing on some, not on others) and one side only on others."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.analysis.reciprocity import disagreements, has_reports
from contactladder.errors import UsageError
from contactladder.loading import Dataset, load
from contactladder.network import LadderNetwork
from contactladder.network.tie_rule import TIE_RULES, apply_tie_rule

# respondent, alter, rung level, wave; wave 1 is dated 2024-03-01, wave 2 2024-09-01
REPORTS = [
    ("p1", "p2", 3, "1"),
    ("p2", "p1", 3, "1"),  # agree
    ("p1", "p3", 2, "1"),
    ("p3", "p1", 4, "1"),  # disagree
    ("p2", "p4", 1, "1"),  # one-sided
    ("p4", "pro1", 5, "1"),
    ("pro1", "p4", 2, "1"),  # disagree
    ("p1", "p2", 4, "2"),
    ("p2", "p1", 2, "2"),  # disagree, mean 3
    ("p3", "p4", 2, "2"),
    ("p4", "p3", 2, "2"),  # agree
    ("p5", "p1", 1, "2"),  # one-sided
    ("p1", "p3", 3, "2"),  # one-sided now
]
WAVE_DATES = {"1": "2024-03-01", "2": "2024-09-01"}
PEOPLE = {
    "p1": ("parent", "Dieze"),
    "p2": ("parent", "Dieze"),
    "p3": ("parent", "Zuid"),
    "p4": ("parent", "Zuid"),
    "p5": ("parent", ""),
    "pro1": ("professional", "Dieze"),
}


@pytest.fixture
def survey(tmp_path):
    """The survey as files: a long table ``respondent, alter, rung, wave, date``."""
    folder = tmp_path / "survey"
    folder.mkdir()
    rows = pd.DataFrame(REPORTS, columns=["respondent", "alter", "rung", "wave"])
    rows["date"] = rows["wave"].map(WAVE_DATES)
    rows.to_csv(folder / "contacts.csv", index=False)
    people = pd.DataFrame(
        [(i, role, wijk) for i, (role, wijk) in PEOPLE.items()], columns=["id", "role", "wijk"]
    )
    people.to_csv(folder / "people.csv", index=False)
    return folder


def reports() -> pd.DataFrame:
    """The reports, independently: pair (sorted), reporter side, rung, wave."""
    table = pd.DataFrame(REPORTS, columns=["reporter", "other", "rung", "wave"])
    table["a"] = table[["reporter", "other"]].min(axis=1)
    table["b"] = table[["reporter", "other"]].max(axis=1)
    table["side"] = (table["reporter"] == table["a"]).map({True: "by_a", False: "by_b"})
    return table.pivot_table(index=["a", "b", "wave"], columns="side", values="rung").reset_index()


def combine(by_a: float, by_b: float, rule: str, trusted=frozenset(), a="", b="") -> int:
    if math.isnan(by_a) or math.isnan(by_b):
        return int(by_b if math.isnan(by_a) else by_a)
    if rule == "min":
        return int(min(by_a, by_b))
    if rule == "mean":
        return math.floor((by_a + by_b) / 2 + 0.5)
    if rule == "reporter" and (a in trusted) != (b in trusted):
        return int(by_a if a in trusted else by_b)
    return int(max(by_a, by_b))


def with_rule(data: Dataset, rule: str, **options) -> LadderNetwork:
    contacts = apply_tie_rule(data.contacts, rule, **options)
    return LadderNetwork(Dataset(contacts, data.people, data.ladder, data.name))


@pytest.mark.parametrize("rule", TIE_RULES)
def test_the_tie_rung_follows_the_rule(survey, rule):
    data = load(survey)
    trusted = frozenset({"p1", "p4"})
    net = with_rule(data, rule, reporters=trusted)
    expected = reports()
    expected["rung"] = [
        combine(r.by_a, r.by_b, rule, trusted, r.a, r.b) for r in expected.itertuples()
    ]
    wanted = expected.groupby(["a", "b"])["rung"].max().to_dict()
    got = {(a, b): rung for a, b, rung in net.snapshot().edges(data="rung")}
    assert {tuple(sorted(k)): v for k, v in got.items()} == wanted
    # each wave's own rung: the network of the first wave only
    first = expected[expected["wave"] == "1"].groupby(["a", "b"])["rung"].max().to_dict()
    early = {tuple(sorted((a, b))): r for a, b, r in net.snapshot("2024-03-31").edges(data="rung")}
    assert early == first
    assert len(net.contact_rows()) == len(data.contacts)  # every report stays a contact


def test_max_is_what_the_network_always_did(survey):
    data = load(survey)
    plain = LadderNetwork(data)
    ruled = with_rule(data, "max")
    pd.testing.assert_frame_equal(ruled.ties(), plain.ties())
    assert "reported_rung" not in ruled.contact_rows()


def test_the_rules_named_and_directed_reports_checked(survey):
    data = load(survey)
    with pytest.raises(UsageError, match="unknown tie rule"):
        apply_tie_rule(data.contacts, "median")
    apply_tie_rule(data.contacts, "min", directed=True)  # every row names its reporter
    unnamed = data.contacts.drop(columns="reporter")
    with pytest.raises(UsageError, match="need their reporter") as caught:
        apply_tie_rule(unnamed, "max", directed=True)
    assert "{directed}" in caught.value.hint
    before = data.contacts.copy()
    apply_tie_rule(data.contacts, "mean")
    pd.testing.assert_frame_equal(data.contacts, before)  # the input stays as it was


@pytest.mark.parametrize("rule", ["max", "mean"])
def test_reciprocity_and_agreement_per_period(survey, rule):
    net = with_rule(load(survey), rule)  # the reported rungs count, not the combined ones
    table = growth(net, freq="month").set_index("period")
    sides = reports()
    sides["mutual"] = sides["by_a"].notna() & sides["by_b"].notna()
    sides["same"] = sides["mutual"] & (sides["by_a"] == sides["by_b"])
    for wave, date in WAVE_DATES.items():
        rows = sides[sides["wave"] == wave]
        period = date[:7]
        assert table.loc[period, "reciprocity"] == pytest.approx(rows["mutual"].mean())
        mutual = rows[rows["mutual"]]
        assert table.loc[period, "agreement"] == pytest.approx(mutual["same"].mean())
    quiet = table.drop(index=[d[:7] for d in WAVE_DATES.values()])
    assert quiet["reciprocity"].isna().all() and quiet["agreement"].isna().all()
    assert list(table.columns[-3:]) == ["reciprocity", "agreement", "period_start"]


def test_reciprocity_per_group_counts_the_pairs_inside(survey):
    table = growth(LadderNetwork(load(survey)), freq="month", by="wijk")
    march = table[table["period"] == "2024-03"].set_index("group")
    # a group's figures count the pairs of two people of that group
    sides = reports()
    group = {i: wijk or "(none)" for i, (_, wijk) in PEOPLE.items()}
    sides = sides[sides["wave"] == "1"]
    for name in march.index:
        rows = sides[(sides["a"].map(group) == name) & (sides["b"].map(group) == name)]
        mutual = rows["by_a"].notna() & rows["by_b"].notna()
        got = march.loc[name, "reciprocity"]
        assert (math.isnan(got) and rows.empty) or got == pytest.approx(mutual.mean())


def test_without_reports_the_columns_are_absent(survey):
    data = load(survey)
    plain = data.contacts.drop(columns=["reporter", "wave"])
    net = LadderNetwork(Dataset(plain, data.people, data.ladder, data.name))
    assert not has_reports(net)
    table = growth(net, freq="month")
    assert "reciprocity" not in table and "agreement" not in table
    reported = growth(LadderNetwork(data), freq="month")
    pd.testing.assert_frame_equal(reported.drop(columns=["reciprocity", "agreement"]), table)


def test_disagreements_list_the_pairs_whose_reports_differ(survey):
    net = LadderNetwork(load(survey))
    table = disagreements(net)
    sides = reports()
    differ = sides[sides["by_a"].notna() & sides["by_b"].notna() & (sides["by_a"] != sides["by_b"])]
    expected = [
        (r.a, r.b, r.wave, WAVE_DATES[r.wave], int(r.by_a), int(r.by_b))
        for r in differ.sort_values(["a", "b", "wave"]).itertuples()
    ]
    got = [
        (r.person_a, r.person_b, r.wave, r.date.strftime("%Y-%m-%d"), r.rung_by_a, r.rung_by_b)
        for r in table.itertuples()
    ]
    assert got == expected
    assert table["key_by_a"].tolist() == [net.ladder[r[4]].key for r in expected]
    assert list(table.columns) == [
        "person_a",
        "person_b",
        "wave",
        "date",
        "rung_by_a",
        "key_by_a",
        "rung_by_b",
        "key_by_b",
    ]


def run(*args):
    from click.testing import CliRunner

    from contactladder.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_disagreements_command_writes_a_private_table(survey):
    out = survey.parent / "private" / "disagreements.csv"
    result = run("disagreements", survey, "-o", out)
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out, skiprows=1, dtype={"wave": str}, parse_dates=["date"])
    expected = disagreements(LadderNetwork(load(survey)))
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert out.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert "personal data" in result.stderr


def test_the_growth_command_gives_reciprocity_and_the_ties_between(survey):
    out = survey.parent / "g.csv"
    assert run("growth", survey, "-o", out).exit_code == 0
    written = pd.read_csv(out, parse_dates=["period_start"])
    expected = growth(LadderNetwork(load(survey)))
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    result = run("growth", survey, "--by", "wijk", "--between", "-o", out)
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out, parse_dates=["period_start"])
    expected = growth(LadderNetwork(load(survey)), by="wijk", between=True)
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert "--by" in run("growth", survey, "--between").output


def test_the_growth_command_reads_with_the_tie_rule(survey):
    out = survey.parent / "g.csv"
    assert run("growth", survey, "--tie-rule", "min", "-o", out).exit_code == 0
    written = pd.read_csv(out, parse_dates=["period_start"])
    expected = growth(with_rule(load(survey), "min"))
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    built = growth(LadderNetwork.from_path(survey, tie_rule="min"))
    pd.testing.assert_frame_equal(built, expected)


def test_a_network_built_keeps_its_tie_rule(survey):
    from contactladder.jobs.tables import growth_job

    with pytest.raises(UsageError, match="chosen when it is built") as caught:
        growth_job(LadderNetwork(load(survey)), tie_rule="min")
    assert "{tie_rule}" in caught.value.hint


def test_directed_person_a_columns_read_as_the_same_reports(survey, tmp_path):
    """The survey written with person_a/person_b headers and read with --directed gives the
    same reports, reciprocity and agreement as the respondent/alter table."""
    folder = tmp_path / "directed"
    folder.mkdir()
    table = pd.read_csv(survey / "contacts.csv")
    table.rename(columns={"respondent": "person_a", "alter": "person_b"}).to_csv(
        folder / "contacts.csv", index=False
    )
    (folder / "people.csv").write_bytes((survey / "people.csv").read_bytes())
    expected = growth(LadderNetwork(load(survey)))
    assert "reciprocity" in expected
    pd.testing.assert_frame_equal(growth(LadderNetwork.from_path(folder, directed=True)), expected)
    assert "reciprocity" not in growth(LadderNetwork.from_path(folder))  # no reports without it
    out = tmp_path / "g.csv"
    assert run("growth", folder, "--directed", "-o", out).exit_code == 0
    written = pd.read_csv(out, parse_dates=["period_start"])
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
