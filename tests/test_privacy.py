"""contactladder.privacy: anonymous labels and numbering keyed by the data's private key,
private columns, small-count masking that differencing cannot undo, refused groupings."""

import errno
import hashlib
import html
import json
import os
import re
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest
from helpers import DEMO

from contactladder.errors import ContactLadderError, InputFileError, UsageError
from contactladder.loading import describe, load
from contactladder.loading.key_file import KEY_ENVIRONMENT, KEY_FILE, private_key, read_key
from contactladder.network import LadderNetwork
from contactladder.privacy import check_grouping, mask_small_counts, new_key, person_label
from contactladder.words.roles import ROLE_WORDS, role_key, role_word


@pytest.mark.parametrize(
    "attrs, lang, expected",
    [
        ({"role": "parent", "number": 12}, "nl", "Ouder 12"),
        ({"role": "parent", "number": 12}, "en", "Parent 12"),
        ({"role": "Ouder", "number": 3}, "en", "Parent 3"),
        (
            {"role": "professional", "number": 3, "organisation": "GGD"},
            "nl",
            "Professional 3 (GGD)",
        ),
        ({"role": "professional", "number": 4, "organisation": ""}, "en", "Professional 4"),
        ({"role": "volunteer", "number": 2}, "nl", "Vrijwilliger 2"),
        ({"role": "vrijwilliger", "number": 2}, "en", "Volunteer 2"),
        ({"role": "grootouder", "number": 5}, "nl", "Grootouder 5"),
        ({"role": "", "number": 1}, "nl", "Persoon 1"),
        ({"role": None, "number": 1}, "en", "Person 1"),
        ({"role": "parent"}, "nl", "Ouder"),
        ({"role": "parent", "number": float("nan")}, "nl", "Ouder"),
        ({"role": "parent", "number": 2.0, "organisation": float("nan")}, "nl", "Ouder 2"),
    ],
)
def test_anonymous_label(attrs, lang, expected):
    assert person_label({**attrs, "name": "Secret Name"}, lang=lang) == expected


def test_anonymous_label_never_uses_name_or_id():
    attrs = {"role": "parent", "number": 1, "name": "Anna de Vries", "id": "P-0001"}
    label = person_label(attrs)
    assert "Anna" not in label and "P-0001" not in label


@pytest.mark.parametrize(
    "attrs, expected",
    [
        ({"role": "parent", "number": 1, "name": "Anna de Vries"}, "Anna de Vries"),
        ({"role": "parent", "number": 1, "name": "  Anna  "}, "Anna"),
        ({"role": "parent", "number": 7, "name": ""}, "Ouder 7"),
        ({"role": "parent", "number": 7, "name": float("nan")}, "Ouder 7"),
        ({"role": "professional", "number": 2, "organisation": "GGD"}, "Professional 2 (GGD)"),
    ],
)
def test_named_label(attrs, expected):
    assert person_label(attrs, anonymize=False) == expected


def test_every_role_word_in_both_languages():
    for key, words in ROLE_WORDS.items():
        assert set(words) == {"nl", "en"} and all(words.values()), key


@pytest.mark.parametrize(
    "role, key",
    [
        ("parent", "parent"),
        (" OUDER ", "parent"),
        ("Ouders", "parent"),
        ("Volunteer", "volunteer"),
        ("Professional", "professional"),
        ("Buurvrouw", "buurvrouw"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_role_key(role, key):
    assert role_key(role) == key


def test_role_word_keeps_unknown_words_capitalised():
    assert role_word("buurtsportcoach", "en") == "Buurtsportcoach"


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language 'de'"):
        person_label({"role": "parent", "number": 1}, lang="de")


# --- small counts: masked cells cannot be recovered from the report's own files ----------------


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
    table = pd.DataFrame(
        {
            "period": ["p1"] * 3 + ["p2"] * 3,
            "group": list("ABC") * 2,
            "people": [2, 30, 7, 0, 40, 50],
            "focal": [1, 2, 9, 0, 0, 40],
        }
    )
    masked = mask_small_counts(table)
    assert masked["people"].tolist() == ["<5", 30, "<5", 0, 40, 50]
    # p1: A and B are small; p2: nothing small in focal, nothing masked
    assert masked["focal"].tolist() == ["<5", "<5", 9, 0, 0, 40]


def test_every_count_column_of_the_growth_table_is_masked():
    from contactladder.analysis.growth import growth

    net = LadderNetwork.from_path(DEMO)
    table = growth(net, freq="quarter", view="current", by="wijk")
    table = table.assign(focal_peer_ge_helpen=table["focal_peer_ge3"])  # another ladder's name
    masked = mask_small_counts(table)
    numbers = [c for c in table.columns if pd.api.types.is_integer_dtype(table[c])]
    assert {"ties_parent_parent", "ended_ties", "declined", "focal_peer_ge_helpen"} <= set(numbers)
    for column in numbers:
        small = table[column].between(1, 4)
        assert (masked.loc[small, column] == "<5").all(), column


def test_the_report_timeline_holds_no_counts_per_wijk(report_folder):
    page = (report_folder / "index.html").read_text(encoding="utf-8")
    frame = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    data = json.loads(
        re.search(
            r'<script type="application/json" id="cl-data">(.*?)</script>', frame, re.S
        ).group(1)
    )
    assert data["counters"]["all"] and data["counters"]["wijken"] == []


@pytest.mark.parametrize(
    "column, values",
    [
        ("naam", None),
        ("Voornaam", None),
        ("E-mail", None),
        ("telefoon", None),
        ("adres", None),
        ("child_id", None),
        ("notitie", None),
        ("lidnummer", [f"L{i:03d}" for i in range(20)]),
        ("toelichting", ["kwam via de huisarts binnen", "woont sinds kort in de wijk"] * 5),
    ],
)
def test_report_refuses_columns_that_identify_people(column, values):
    series = None if values is None else pd.Series(values)
    with pytest.raises(UsageError, match=f"an anonymised report cannot be split by '{column}'"):
        check_grouping(column, series, what="report")


def test_report_splits_by_ordinary_columns():
    check_grouping("wijk", pd.Series(["Dieze", "Zuid"] * 20), what="report")
    check_grouping("child_age_group", pd.Series(["0-1", "1-2", "2-4", "4-6"] * 10))


# --- anonymous means anonymous: the data folder's private key ------------------------------

CONTACTS = "date,person_a,person_b,rung\n" + "".join(
    f"2024-01-{day:02d},p{day:02d},p{day + 1:02d},1\n" for day in range(1, 25)
)


def old_public_order(person: object) -> bytes:
    """The order of git history's privacy.anonymous_order: a key anyone could read."""
    return hashlib.blake2b(
        str(person).encode("utf-8"), key=b"contactladder", digest_size=8
    ).digest()


def numbers(net: LadderNetwork) -> dict:
    return {p: d["number"] for p, d in net.snapshot().nodes(data=True)}


def write_key(path: Path) -> Path:
    path.write_text(new_key().hex() + "\n", encoding="ascii")
    return path


def test_old_public_key_does_not_reproduce_the_demo_numbering():
    net = LadderNetwork.from_path(DEMO)
    parents = sorted(net.focal_people)
    actual = sorted(parents, key=lambda p: net.person(p)["number"])
    predicted = sorted(parents, key=old_public_order)
    assert actual != predicted
    # A guessed order matches a random one in one place on average (a permutation's fixed
    # points); the old key matched every one of the 276 people on the demo.
    hits = sum(a == b for a, b in zip(actual, predicted))
    assert hits <= 8, f"{hits} of {len(parents)} parents predicted by the public key"


def test_same_folder_gives_the_same_numbers_another_key_other_numbers(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    first = numbers(LadderNetwork.from_path(folder))
    assert numbers(LadderNetwork.from_path(folder)) == first
    other = numbers(LadderNetwork.from_path(folder, key_file=write_key(tmp_path / "k")))
    assert sorted(other.values()) == sorted(first.values())
    assert other != first


def test_key_file_is_created_once_private_and_never_in_the_source(tmp_path):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    data = load(tmp_path / "contacts.csv")
    path = tmp_path / KEY_FILE
    assert data.key_file == path and path.stat().st_mode & 0o777 == 0o600
    assert read_key(path) == data.key and len(data.key) == 32
    source = Path(__file__).parent.parent / "contactladder"
    text = "".join(p.read_text(encoding="utf-8") for p in source.rglob("*.py"))
    assert data.key.hex() not in text


def test_parallel_runs_share_one_key(tmp_path):
    start = threading.Barrier(8)
    keys: list = []

    def run() -> None:
        start.wait()
        keys.append(private_key(tmp_path))

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 8 and len(set(keys)) == 1


def test_key_file_parameter_and_environment_variable(tmp_path, monkeypatch):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    given = write_key(tmp_path / "given.key")
    assert load(tmp_path, key_file=given).key == read_key(given)
    monkeypatch.setenv(KEY_ENVIRONMENT, str(given))
    assert load(tmp_path).key_file == given
    assert not (tmp_path / KEY_FILE).exists()


def test_read_only_data_folder_without_key_is_one_error(tmp_path, monkeypatch):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("contactladder.loading.key_file.os.open", read_only)
    with pytest.raises(UsageError) as caught:
        load(tmp_path)
    assert "key_file" in str(caught.value) and caught.value.hint
    assert "{key_file}" in caught.value.hint
    assert caught.value.message(options={"key_file": "--key-file"}).count("--key-file") == 1


@pytest.mark.parametrize("content", ["", "not hex at all", "abcd"])
def test_damaged_key_file_is_one_error(tmp_path, content):
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (tmp_path / "bad.key").write_text(content, encoding="ascii")
    with pytest.raises(InputFileError, match="not a key file"):
        load(tmp_path, key_file=tmp_path / "bad.key")
    with pytest.raises(ContactLadderError, match="no such key file"):
        load(tmp_path, key_file=tmp_path / "missing.key")


def test_check_says_where_the_key_is_and_to_keep_it(tmp_path):
    shutil.copy(DEMO / "contacts.csv", tmp_path / "contacts.csv")
    text = describe(load(tmp_path))
    line = next(line for line in text.splitlines() if line.startswith("Private key"))
    assert str(tmp_path / KEY_FILE) in line
    assert "never share" in line and "with the data" in line


def test_export_ids_follow_the_key_and_the_key_is_not_exported(tmp_path):
    from contactladder.io.export import export

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    net = LadderNetwork.from_path(folder)
    assert net.opaque_ids() == LadderNetwork.from_path(folder).opaque_ids()
    assert sorted(net.opaque_ids().values()) == sorted(f"n{i}" for i in range(1, 26))
    written = export(net, tmp_path / "out" / "village.csv")
    key = net.data.key.hex()
    assert written and all(key not in p.read_text(encoding="utf-8") for p in written)
