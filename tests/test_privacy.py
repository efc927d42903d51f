import pytest

from contactladder.errors import UsageError
from contactladder.privacy import person_label
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
