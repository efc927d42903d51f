"""The catalogue of words (contactladder.words): every entry in both languages, one way to pick
a language, counts in the singular and plural, roles from one vocabulary."""

import pytest

from contactladder.errors import UsageError
from contactladder.words import LANGUAGES, catalogue, words
from contactladder.words.roles import role_key, role_word


def test_every_entry_has_both_languages():
    for key, entry in catalogue().items():
        assert isinstance(entry, list) and len(entry) == len(LANGUAGES), key
        kinds = {type(part) for part in entry}
        assert len(kinds) == 1, key  # all words, or all [singular, plural] pairs
        for part in entry:
            if isinstance(part, list):
                assert len(part) == 2 and all(isinstance(w, str) and w for w in part), key
            else:
                assert isinstance(part, str) and part, key


def test_each_language_reads_every_key():
    for lang in LANGUAGES:
        w = words(lang)
        for key in catalogue():
            assert isinstance(w[key], str)


@pytest.mark.parametrize("lang", ["de", "NL", "", None])
def test_an_unknown_language_is_one_clear_error(lang):
    with pytest.raises(UsageError, match="unknown language"):
        words(lang)


@pytest.mark.parametrize(
    "lang, n, expected",
    [
        ("nl", 1, "1 persoon"),
        ("nl", 0, "0 personen"),
        ("nl", 2, "2 personen"),
        ("en", 1, "1 person"),
        ("en", 5, "5 people"),
    ],
)
def test_counts_take_the_singular_only_for_one(lang, n, expected):
    assert words(lang).count(n, "common.people_counted") == expected


def test_an_unknown_key_names_it():
    with pytest.raises(KeyError, match=r"nothing\.here"):
        words("nl")["nothing.here"]


@pytest.mark.parametrize(
    "written, key",
    [
        ("Ouder", "parent"),
        ("ouders", "parent"),
        ("Parents", "parent"),
        ("PROF", "professional"),
        ("Professionals", "professional"),
        ("Vrijwilliger", "volunteer"),
        ("volunteers", "volunteer"),
        ("kind", "child"),
        ("Kinderen", "child"),
        ("child", "child"),
        ("Grootouder", "grootouder"),
    ],
)
def test_role_words_as_people_write_them_mean_one_role(written, key):
    assert role_key(written) == key


def test_the_focal_role_in_the_plural():
    assert role_word("child", "nl", plural=True) == "Kinderen"
    assert role_word("parent", "en", plural=True) == "Parents"
