import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from contactladder.errors import UsageError
from contactladder.privacy import check_grouping, mask_small_counts, person_label
from contactladder.words.roles import ROLE_WORDS, role_key, role_word


@pytest.mark.parametrize("attrs, lang, expected", [
    ({"role": "parent", "number": 12}, "nl", "Ouder 12"),
    ({"role": "parent", "number": 12}, "en", "Parent 12"),
    ({"role": "Ouder", "number": 3}, "en", "Parent 3"),
    ({"role": "professional", "number": 3, "organisation": "GGD"}, "nl", "Professional 3 (GGD)"),
    ({"role": "professional", "number": 4, "organisation": ""}, "en", "Professional 4"),
    ({"role": "volunteer", "number": 2}, "nl", "Vrijwilliger 2"),
    ({"role": "vrijwilliger", "number": 2}, "en", "Volunteer 2"),
    ({"role": "grootouder", "number": 5}, "nl", "Grootouder 5"),
    ({"role": "", "number": 1}, "nl", "Persoon 1"),
    ({"role": None, "number": 1}, "en", "Person 1"),
    ({"role": "parent"}, "nl", "Ouder"),
    ({"role": "parent", "number": float("nan")}, "nl", "Ouder"),
    ({"role": "parent", "number": 2.0, "organisation": float("nan")}, "nl", "Ouder 2"),
])
def test_anonymous_label(attrs, lang, expected):
    assert person_label({**attrs, "name": "Secret Name"}, lang=lang) == expected


def test_anonymous_label_never_uses_name_or_id():
    attrs = {"role": "parent", "number": 1, "name": "Anna de Vries", "id": "P-0001"}
    label = person_label(attrs)
    assert "Anna" not in label and "P-0001" not in label


@pytest.mark.parametrize("attrs, expected", [
    ({"role": "parent", "number": 1, "name": "Anna de Vries"}, "Anna de Vries"),
    ({"role": "parent", "number": 1, "name": "  Anna  "}, "Anna"),
    ({"role": "parent", "number": 7, "name": ""}, "Ouder 7"),
    ({"role": "parent", "number": 7, "name": float("nan")}, "Ouder 7"),
    ({"role": "professional", "number": 2, "organisation": "GGD"}, "Professional 2 (GGD)"),
])
def test_named_label(attrs, expected):
    assert person_label(attrs, anonymize=False) == expected


def test_every_role_word_in_both_languages():
    for key, words in ROLE_WORDS.items():
        assert set(words) == {"nl", "en"} and all(words.values()), key


@pytest.mark.parametrize("role, key", [
    ("parent", "parent"), (" OUDER ", "parent"), ("Ouders", "parent"),
    ("Volunteer", "volunteer"), ("Professional", "professional"), ("Buurvrouw", "buurvrouw"),
    (None, ""), (float("nan"), ""),
])
def test_role_key(role, key):
    assert role_key(role) == key


def test_role_word_keeps_unknown_words_capitalised():
    assert role_word("buurtsportcoach", "en") == "Buurtsportcoach"


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language 'de'"):
        person_label({"role": "parent", "number": 1}, lang="de")


# --- small counts: masked cells cannot be recovered from the report's own files ----------------

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory):
    from contactladder.jobs.report import write_report
    from contactladder.network import LadderNetwork

    folder = tmp_path_factory.mktemp("report")
    write_report(LadderNetwork.from_path(DEMO), folder, freq="quarter", lang="en")
    return folder


def test_masked_cells_cannot_be_recovered_by_differencing(report_folder):
    whole = pd.read_csv(report_folder / "growth.csv").set_index("period")
    groups = pd.read_csv(report_folder / "growth-by-wijk.csv", dtype=str)
    assert (groups == "<5").any().any(), "the demo has small counts to mask"
    recovered = []
    for column in [c for c in groups.columns if c not in ("period", "group")]:
        for period, rows in groups.groupby("period"):
            hidden = rows[rows[column] == "<5"]
            if len(hidden) == 1 and column in ("people", "focal"):  # additive over the groups
                shown = pd.to_numeric(rows.loc[rows[column] != "<5", column]).sum()
                recovered.append((period, column, whole.at[period, column] - shown))
            assert len(hidden) != 1, (period, column)
    assert recovered == []


def test_secondary_suppression_on_a_table_with_a_known_answer():
    table = pd.DataFrame({"period": ["p1"] * 3 + ["p2"] * 3, "group": list("ABC") * 2,
                          "people": [2, 30, 7, 0, 40, 50], "focal": [1, 2, 9, 0, 0, 40]})
    masked = mask_small_counts(table)
    assert masked["people"].tolist() == ["<5", 30, "<5", 0, 40, 50]
    # p1: A and B are small; p2: nothing small in focal, nothing masked
    assert masked["focal"].tolist() == ["<5", "<5", 9, 0, 0, 40]


def test_the_report_timeline_holds_no_counts_per_wijk(report_folder):
    page = (report_folder / "index.html").read_text(encoding="utf-8")
    frame = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    data = json.loads(re.search(r'<script type="application/json" id="cl-data">(.*?)</script>',
                                frame, re.S).group(1))
    assert data["counters"]["all"] and data["counters"]["wijken"] == []


@pytest.mark.parametrize("column, values", [
    ("naam", None), ("Voornaam", None), ("E-mail", None), ("telefoon", None),
    ("adres", None), ("child_id", None), ("notitie", None),
    ("lidnummer", [f"L{i:03d}" for i in range(20)]),
    ("toelichting", ["kwam via de huisarts binnen", "woont sinds kort in de wijk"] * 5),
])
def test_report_refuses_columns_that_identify_people(column, values):
    series = None if values is None else pd.Series(values)
    with pytest.raises(UsageError, match=f"an anonymised report cannot be split by '{column}'"):
        check_grouping(column, series, what="report")


def test_report_splits_by_ordinary_columns():
    check_grouping("wijk", pd.Series(["Dieze", "Zuid"] * 20), what="report")
    check_grouping("child_age_group", pd.Series(["0-1", "1-2", "2-4", "4-6"] * 10))
