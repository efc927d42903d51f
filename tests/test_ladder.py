"""The contact ladder (contactladder.ladder)."""

import pytest

from contactladder.errors import BadValueError, InputFileError
from contactladder.ladder import Ladder


@pytest.mark.parametrize(
    "value, level",
    [
        (1, 1),
        ("2", 2),
        (3.0, 3),
        ("kennen", 1),
        ("PRATEN", 2),
        (" Delen ", 3),
        ("Helpen elkaar praktisch", 4),
        ("mutual support", 5),
        ("Acquaintance", 1),
        ("kennen elkaar (van gezicht, van naam)", 1),
    ],
)
def test_rung_parses_from_level_key_or_label_in_either_language(value, level):
    assert Ladder.default().parse(value).level == level


@pytest.mark.parametrize("value", ["6", "0", "vrienden", "", "2.5"])
def test_unknown_rung_names_the_value_and_the_ladder(value):
    with pytest.raises(BadValueError, match="unknown rung") as raised:
        Ladder.default().parse(value)
    assert "kennen, praten, delen, helpen, steunen" in str(raised.value)


def test_default_ladder_has_five_rungs_with_both_languages_and_colours():
    ladder = Ladder.default()
    assert [r.level for r in ladder] == [1, 2, 3, 4, 5]
    assert all(r.labels["nl"] and r.labels["en"] for r in ladder)
    assert len({r.colour for r in ladder}) == 5
    assert ladder.bottom.key == "kennen" and ladder.top.key == "steunen"


def test_ladder_file_replaces_rungs_and_maps_kinds(tmp_path):
    path = tmp_path / "ladder.toml"
    path.write_text(
        '[[rung]]\nkey = "zien"\nnl = "Zien elkaar"\ncolour = "#111111"\n'
        '[[rung]]\nkey = "groeten"\n[[rung]]\nkey = "helpen"\nen = "Help"\n'
        '[kinds]\nappgroep = "groeten"\nOppassen = "Help"\n',
        encoding="utf-8",
    )
    ladder = Ladder.from_file(path)
    assert [r.key for r in ladder] == ["zien", "groeten", "helpen"]
    assert ladder[1].colour == "#111111" and ladder[2].colour.startswith("#")
    assert ladder.level_of_kind("APPGROEP") == 2 and ladder.level_of_kind("oppassen") == 3
    assert ladder.level_of_kind("koffie") is None
    assert ladder[2].label("en") == "groeten"


@pytest.mark.parametrize(
    "text, message",
    [
        ("not [ toml", "not a valid TOML file"),
        ('name = "x"\n', "no rungs"),
        ('[[rung]]\nnl = "x"\n', "rung 1 has no key"),
        ('[[rung]]\nkey = "a"\n[[rung]]\nkey = "A"\n', "two rungs have the same key"),
        ('[[rung]]\nkey = "a"\n[kinds]\nkoffie = "b"\n', "kind 'koffie' maps to an unknown rung"),
    ],
)
def test_bad_ladder_file(tmp_path, text, message):
    path = tmp_path / "ladder.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=message):
        Ladder.from_file(path)


def test_describe_lists_every_rung_in_the_chosen_language():
    text = Ladder.default().describe("en")
    for rung in Ladder.default():
        assert rung.key in text and rung.label("en") in text and rung.colour in text


def test_a_ladder_file_with_only_kinds_keeps_the_default_rungs(tmp_path):
    path = tmp_path / "ladder.toml"
    path.write_text('[kinds]\nA1 = "kennen"\n"appgroep" = "Chatting"\nA5 = 5\n', encoding="utf-8")
    ladder = Ladder.from_file(path)
    assert [(rung.level, rung.key) for rung in ladder] == [
        (rung.level, rung.key) for rung in Ladder.default()
    ]
    assert [ladder.level_of_kind(k) for k in ("a1", "Appgroep", "A5", "A2")] == [1, 2, 5, None]
    assert ladder.source == f"{path} (the default rungs)"


def test_a_kinds_only_ladder_still_checks_its_rungs(tmp_path):
    path = tmp_path / "ladder.toml"
    path.write_text('[kinds]\nA1 = "vrienden"\n', encoding="utf-8")
    with pytest.raises(InputFileError, match="kind 'A1' maps to an unknown rung 'vrienden'"):
        Ladder.from_file(path)


# --- the sharing rung: the threshold of the figures "at sharing or higher" -------------------

TWO_RUNGS = '[[rung]]\nkey = "groeten"\n[[rung]]\nkey = "vrienden"\n'


@pytest.mark.parametrize(
    "text, key",
    [
        ('[kinds]\nkoffie = "praten"\n', "delen"),  # the default rungs
        ('sharing = "Chatting"\n', "praten"),  # only a sharing rung: the default rungs
        ("sharing = 4\n[kinds]\nkoffie = 1\n", "helpen"),
        (TWO_RUNGS, "vrienden"),  # a short ladder: its top rung
        ('sharing = "groeten"\n' + TWO_RUNGS, "groeten"),
        (
            '[[rung]]\nkey = "a"\n[[rung]]\nkey = "b"\n[[rung]]\nkey = "c"\n[[rung]]\nkey = "d"\n',
            "c",
        ),
    ],
)
def test_a_ladder_file_names_its_sharing_rung(tmp_path, text, key):
    path = tmp_path / "ladder.toml"
    path.write_text(text, encoding="utf-8")
    assert Ladder.from_file(path).sharing.key == key


@pytest.mark.parametrize(
    "text, message",
    [
        ('sharing = "vrienden"\n[kinds]\nkoffie = 1\n', "the sharing rung is not on the ladder"),
        ("sharing = 9\n" + TWO_RUNGS, "the sharing rung is not on the ladder '9'; use a level 1-2"),
        (TWO_RUNGS + 'sharing = "groeten"\n', "sharing is written inside a rung"),
    ],
)
def test_a_sharing_rung_that_is_not_one_is_an_input_error(tmp_path, text, message):
    path = tmp_path / "ladder.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=message) as raised:
        Ladder.from_file(path)
    assert str(path) in str(raised.value)


def test_the_default_ladder_shares_at_delen():
    assert Ladder.default().sharing.level == 3 and Ladder.default().sharing.key == "delen"
    assert Ladder(list(Ladder.default())[:1]).sharing.key == "kennen"
    assert Ladder(list(Ladder.default()), sharing=2).sharing.key == "praten"


# --- rungs by daily contact time: minutes_per_day ------------------------------------------


def test_ladder_file_gives_minutes_per_day(tmp_path):
    path = tmp_path / "ladder.toml"
    path.write_text(
        '[[rung]]\nkey = "kennen"\nminutes_per_day = 1\n[[rung]]\nkey = "praten"\n'
        '[[rung]]\nkey = "delen"\nminutes_per_day = 12.5\n',
        encoding="utf-8",
    )
    ladder = Ladder.from_file(path)
    assert [rung.minutes_per_day for rung in ladder] == [1.0, None, 12.5]
    assert ladder.minutes_thresholds() == [(1.0, 1), (12.5, 3)]
    assert Ladder.default().minutes_thresholds() == []


@pytest.mark.parametrize(
    "value, message",
    [
        ('"5"', "the minutes_per_day of rung 1 is not a number of minutes '5'"),
        ("-1", "the minutes_per_day of rung 1 is not a number of minutes '-1'"),
        ("true", "the minutes_per_day of rung 1 is not a number of minutes 'True'"),
        ("nan", "the minutes_per_day of rung 1 is not a number of minutes 'nan'"),
        ("inf", "the minutes_per_day of rung 1 is not a number of minutes 'inf'"),
        ("30", "the minutes_per_day of rung 2 is not above the rung below it '20'"),
    ],
)
def test_bad_minutes_per_day(tmp_path, value, message):
    path = tmp_path / "ladder.toml"
    path.write_text(
        f'[[rung]]\nkey = "a"\nminutes_per_day = {value}\n'
        '[[rung]]\nkey = "b"\nminutes_per_day = 20\n',
        encoding="utf-8",
    )
    with pytest.raises(InputFileError) as raised:
        Ladder.from_file(path)
    assert message in str(raised.value)


def test_describe_gives_the_minutes_per_day(tmp_path):
    path = tmp_path / "ladder.toml"
    path.write_text('[[rung]]\nkey = "zien"\nminutes_per_day = 2.5\n[[rung]]\nkey = "spelen"\n')
    lines = Ladder.from_file(path).describe("en").splitlines()
    assert lines[-1] == "zien: from 2.5 minutes of contact a day"
    assert "minutes" not in Ladder.default().describe("en")
