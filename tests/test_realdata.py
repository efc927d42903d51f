"""The growth table on real data: the SocioPatterns primary-school contacts.

Data: ``tests/data/sociopatterns/`` (CC BY-NC-SA; Stehlé et al., PLOS ONE 6(8): e23176, 2011;
thanks to the SocioPatterns collaboration, see the README there). Two school days of sensor
contacts among 232 children and 10 teachers. The test writes them as the standard files
(children focal, teachers professional, class as wijk, times in seconds since 2009-10-01, every
contact on the lowest rung) and checks the growth table in the active view, day by day, against
an independent pandas computation.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from contactladder.analysis.growth import growth
from contactladder.cli import main
from contactladder.loading.dataset import load
from contactladder.network.ladder_network import LadderNetwork

SOURCE = Path(__file__).resolve().parent / "data" / "sociopatterns" / "primaryschool.tsv.gz"
DAYS = ["2009-10-01", "2009-10-02"]
LOAD_OPTIONS = dict(rung="kennen", time_unit="s", time_origin="2009-10-01")


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """The rows as published: ``Time id1 id2 c1 c2``, with the day (0 or 1) added."""
    table = pd.read_csv(SOURCE, sep="\t", dtype={"id1": str, "id2": str})
    return table.assign(day=(table["Time"] >= 86400).astype(int))


@pytest.fixture(scope="module")
def folder(raw, tmp_path_factory) -> Path:
    """The data as a contactladder data folder: contacts.csv and people.csv."""
    folder = tmp_path_factory.mktemp("primaryschool")
    contacts = raw.rename(columns={"Time": "date", "id1": "person_a", "id2": "person_b"})
    contacts[["date", "person_a", "person_b"]].to_csv(folder / "contacts.csv", index=False)
    classes = pd.concat(
        [
            raw[["id1", "c1"]].set_axis(["id", "class"], axis=1),
            raw[["id2", "c2"]].set_axis(["id", "class"], axis=1),
        ]
    ).drop_duplicates()
    assert classes["id"].is_unique  # one class per person
    people = pd.DataFrame(
        {
            "id": classes["id"],
            "role": classes["class"].map(lambda c: "professional" if c == "Teachers" else "child"),
            "wijk": classes["class"].where(classes["class"] != "Teachers", ""),
        }
    ).sort_values("id")
    people.to_csv(folder / "people.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def net(folder) -> LadderNetwork:
    return LadderNetwork(load(folder, **LOAD_OPTIONS), focal="child")


def expected_days(raw: pd.DataFrame, group: str | None = None) -> pd.DataFrame:
    """Per day: people with a contact, and unique child–child pairs × 2 / children present.

    With ``group`` (a class): the people of that class with a contact that day, and the ties
    between two of them (the network induced on the class).
    """
    rows = []
    for day, contacts in raw.groupby("day"):
        ends = pd.concat(
            [
                contacts[["id1", "c1"]].set_axis(["id", "class"], axis=1),
                contacts[["id2", "c2"]].set_axis(["id", "class"], axis=1),
            ]
        )
        present = ends.drop_duplicates("id")
        if group is not None:
            present = present[present["class"] == group]
            contacts = contacts[(contacts["c1"] == group) & (contacts["c2"] == group)]
        children = int((present["class"] != "Teachers").sum())
        between_children = contacts[(contacts["c1"] != "Teachers") & (contacts["c2"] != "Teachers")]
        low = between_children[["id1", "id2"]].min(axis=1)
        high = between_children[["id1", "id2"]].max(axis=1)
        pairs = len(set(zip(low, high)))
        rows.append((DAYS[day], len(present), children, 2 * pairs / children if children else 0.0))
    return pd.DataFrame(rows, columns=["period", "people", "focal", "focal_peer_degree_mean"])


def test_the_data_as_published(raw):
    assert len(raw) == 125_773
    assert raw["day"].value_counts().sort_index().tolist() == [60_623, 65_150]


def test_242_people_232_children_and_10_teachers(net):
    assert net.people["role"].value_counts().to_dict() == {"child": 232, "professional": 10}
    whole = growth(net, freq="year", view="active")
    assert whole[["period", "people", "focal"]].values.tolist() == [["2009", 242, 232]]
    reached = growth(net, freq="day")  # everyone is present from day 1
    assert reached["people"].tolist() == [242, 242]


def test_people_and_peer_degree_per_day_match_pandas(net, raw):
    table = growth(net, freq="day", view="active")
    expected = expected_days(raw)
    assert table["period"].tolist() == DAYS
    assert table["people"].tolist() == expected["people"].tolist()
    assert table["focal"].tolist() == expected["focal"].tolist()
    assert table["focal_peer_degree_mean"].tolist() == expected["focal_peer_degree_mean"].tolist()


def test_mean_peer_degree_is_close_to_the_published_47(net):
    """Stehlé et al. give the mean over the two days as a whole number of children (47).

    Its rounding is the only difference to expect, so the tolerance is half a child. (Each day:
    49.0 and 45.8; the two contact definitions agree, since a pair with any 20-second record
    has at least one contact event.)
    """
    table = growth(net, freq="day", view="active")
    assert table["focal_peer_degree_mean"].mean() == pytest.approx(47, abs=0.5)


def test_per_class_rows_match_pandas(net, raw):
    table = growth(net, freq="day", view="active", by="wijk")
    for group in ("1A", "3B", "5B"):
        rows = table[table["group"] == group].reset_index(drop=True)
        expected = expected_days(raw, group)
        assert (
            rows[["period", "people", "focal"]].values.tolist()
            == expected[["period", "people", "focal"]].values.tolist()
        )
        assert (
            rows["focal_peer_degree_mean"].tolist() == expected["focal_peer_degree_mean"].tolist()
        )


def test_cli_growth_on_the_school_data(folder, raw, tmp_path):
    out = tmp_path / "growth.csv"
    result = CliRunner().invoke(
        main,
        [
            "growth",
            str(folder),
            "--period",
            "day",
            "--view",
            "active",
            "--focal",
            "child",
            "--rung",
            "kennen",
            "--time-unit",
            "s",
            "--time-origin",
            "2009-10-01",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    expected = expected_days(raw)
    assert table["period"].tolist() == DAYS
    assert table["people"].tolist() == expected["people"].tolist()
    assert table["focal_peer_degree_mean"].tolist() == pytest.approx(
        expected["focal_peer_degree_mean"].tolist(), rel=1e-12
    )


def test_contact_events_give_the_same_daily_ties_as_records(folder, net, raw):
    """Merged into contact events (20 s), each day has the same people and peer ties: a pair
    with a record that day has an event starting that day (no run of records crosses
    midnight). Only the number of contacts changes: events, counted here with pandas."""
    events = LadderNetwork(load(folder, merge_gap="20s", **LOAD_OPTIONS), focal="child")
    columns = ["period", "people", "focal", "ties", "focal_peer_degree_mean"]
    by_records = growth(net, freq="day", view="active")[columns]
    pd.testing.assert_frame_equal(growth(events, freq="day", view="active")[columns], by_records)
    pair = raw[["id1", "id2"]].min(axis=1) + "-" + raw[["id1", "id2"]].max(axis=1)
    gaps = raw.assign(pair=pair).sort_values("Time").groupby("pair")["Time"].diff()
    assert len(events.contacts) == int((gaps.isna() | (gaps > 20)).sum())


def test_check_with_merge_gap_reports_records_and_events(folder, raw):
    args = ["check", str(folder), "--focal", "child", "--rung", "kennen", "--time-unit", "s"]
    args += ["--time-origin", "2009-10-01"]
    result = CliRunner().invoke(main, [*args, "--merge-gap"])
    assert result.exit_code == 0, result.output
    # records of one pair at most 20 s apart are one event: counted here independently
    pairs = raw.assign(a=raw[["id1", "id2"]].min(axis=1), b=raw[["id1", "id2"]].max(axis=1))
    pairs = pairs.sort_values(["a", "b", "Time"])
    starts = pairs.groupby(["a", "b"])["Time"].diff().fillna(10**9).gt(20).sum()
    assert f"Records: {len(raw)} (merged into one event when at most 20 s apart)" in result.output
    assert f"Events: {starts} contact events" in result.output
    plain = CliRunner().invoke(main, args)
    assert "Records:" not in plain.output and "Events:" not in plain.output
