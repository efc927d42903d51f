"""The weaver's lists as a reader sees them (contactladder.render.worklist_page): the worklist
page, the terminal text and the sheet names, in both languages."""

import pandas as pd
import pytest

from contactladder.errors import UsageError
from contactladder.privacy import personal_data_notice
from contactladder.render.worklist_page import as_text, sheet_name, worklist_html

ROW = {
    "person": "p1",
    "wijk": "Dieze",
    "priority": 7,
    "reasons": "alone;new_unconnected",
    "explanation": "Alone.",
    "name": "Ann",
    "activities": "peutergym",
    "last_contact": "",
    "ties": 0,
    "rung_kennen": 0,
    "rung_praten": 2,
}


def worklist_table(rows, **attrs):
    table = pd.DataFrame(rows)
    table.attrs.update(kind="worklist", **attrs)
    return table


@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "nl",
            [
                "Werklijst netwerker",
                "zonder contact, nieuw",
                "<dt>activiteiten</dt>",
                "<dt>per trede</dt><dd>praten 2</dd>",
                "peildatum 2024-12-31",
            ],
        ),
        (
            "en",
            [
                "Network weaver&#x27;s worklist",
                "alone, new, unconnected",
                "<dt>activities</dt>",
                "<dt>per rung</dt><dd>praten 2</dd>",
                "as of 2024-12-31",
            ],
        ),
    ],
)
def test_the_page_speaks_the_language_of_the_list(lang, words):
    page = worklist_html(worklist_table([ROW], lang=lang, as_of="2024-12-31", data="demo"))
    assert page.startswith(f"<!DOCTYPE html>\n<!-- {personal_data_notice(lang)} -->")
    assert f'<p class="notice">{personal_data_notice(lang)}</p>' in page
    for word in words:
        assert word in page
    assert "<dt>last contact</dt>" not in page  # empty values are left out


def test_an_empty_worklist_says_so():
    assert "<p>Niemand op de werklijst.</p>" in worklist_html(worklist_table([], lang="nl"))
    assert as_text(worklist_table([], lang="nl")) == "(niemand)"
    assert as_text(pd.DataFrame()) == "(none)"


def test_sheet_names_say_the_list_holds_personal_data():
    assert [sheet_name(kind, "nl") for kind in ("worklist", "introductions", "brokers")] == [
        "werklijst (persoonsgegevens)",
        "kennismaken (persoonsgegevens)",
        "verbinders (persoonsgegevens)",
    ]
    assert sheet_name("brokers", "en") == "brokers (personal data)"
    with pytest.raises(UsageError, match="unknown language"):
        sheet_name("brokers", "fr")


def test_terminal_text_shows_the_figures_and_wraps_the_explanation():
    table = pd.DataFrame(
        [
            {
                "person": "bo",
                "candidate": "cem",
                "score": 7,
                "reasons": "same_wijk",
                "explanation": "word " * 30,
                "name": "Cem",
            }
        ]
    )
    lines = as_text(table, width=40).splitlines()
    assert lines[0] == "cem Cem  score 7  reasons same_wijk"
    assert all(line.startswith("    word") and len(line) <= 40 for line in lines[1:])
