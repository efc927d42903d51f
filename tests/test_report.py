"""The report (contactladder.report): files, figures equal to the growth table, anonymity."""

import hashlib
import html
import re
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.jobs.report import write_report
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.report_sections import summary

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"


@pytest.fixture(scope="module")
def disguised(tmp_path_factory):
    """The demo data with ids that cannot occur by chance, so their absence means something."""
    folder = tmp_path_factory.mktemp("demo")
    people = pd.read_csv(DEMO / "people.csv", dtype=str, keep_default_na=False)
    new_id = {pid: "ID" + hashlib.sha1(pid.encode()).hexdigest()[:10] for pid in people["id"]}
    people["id"] = people["id"].map(new_id)
    people.to_csv(folder / "people.csv", index=False)
    contacts = pd.read_csv(DEMO / "contacts.csv", dtype=str, keep_default_na=False)
    contacts[["person_a", "person_b"]] = contacts[["person_a", "person_b"]].apply(
        lambda c: c.map(new_id)
    )
    contacts.to_csv(folder / "contacts.csv", index=False)
    attendance = pd.read_csv(DEMO / "attendance.csv", dtype=str, keep_default_na=False)
    attendance["person"] = attendance["person"].map(new_id)
    attendance.to_csv(folder / "attendance.csv", index=False)
    return folder, people


@pytest.fixture(scope="module", params=["nl", "en"])
def report(request, disguised, tmp_path_factory):
    folder, _ = disguised
    net = LadderNetwork.from_path(folder)
    out = tmp_path_factory.mktemp("report")
    paths = write_report(net, out, freq="quarter", lang=request.param)
    return net, out, paths


def html_table(index: Path, key: str) -> pd.DataFrame:
    """The table ``key`` of the page, its columns named by their keys (``data-column``)."""
    page = index.read_text(encoding="utf-8")
    table = pd.read_html(StringIO(page), attrs={"id": f"table-{key}"})[0]
    head = re.search(rf'<table id="table-{key}"[^>]*>.*?</thead>', page, re.S)
    assert head, key
    table.columns = re.findall(r'<th scope="col" data-column="([^"]*)"', head.group(0))
    return table


def test_writes_index_charts_and_tables(report):
    _, out, paths = report
    assert paths[0] == out / "index.html"
    names = {p.name for p in paths}
    for stem in ("people", "ties-per-rung", "focal-alone", "wijk-dieze-ties-per-rung"):
        assert {f"{stem}.png", f"{stem}.svg"} <= names
    assert {"growth.csv", "transitions.csv", "activity-yield.csv", "growth-by-wijk.csv"} <= names
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_figures_in_the_page_equal_the_growth_table(report):
    net, out, _ = report
    expected = growth(net, freq="quarter")
    shown = html_table(out / "index.html", "growth")
    for column in shown.columns:
        assert shown[column].astype(str).tolist() == expected[column].astype(str).tolist(), column
    written = pd.read_csv(out / "growth.csv", parse_dates=["period_start"])
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)


def test_summary_sentences_use_the_last_period(report):
    net, out, _ = report
    table = growth(net, freq="quarter")
    last = table.iloc[-1]
    share = round(100 * last["focal_peer_ge3"] / last["focal"])
    page = (out / "index.html").read_text(encoding="utf-8")
    lang = "en" if '<html lang="en"' in page else "nl"
    first_sentence = summary(net, table, freq="quarter", lang=lang)[0]
    if lang == "nl":
        assert first_sentence.startswith(
            f"In {len(table)} kwartalen groeide het netwerk van 0 "
            f"naar {last['ties']} banden; {share}% van de ouders"
        )
    else:
        assert first_sentence.startswith(
            f"In {len(table)} quarters the network grew from 0 to "
            f"{last['ties']} ties; {share}% of the parents"
        )
    assert html.escape(first_sentence) in page


def test_summary_names_the_top_rung_on_a_short_ladder(tmp_path):
    (tmp_path / "ladder.toml").write_text('[[rung]]\nkey = "groeten"\n[[rung]]\nkey = "vrienden"\n')
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,2\n2024-02-01,b,c,vrienden\n"
    )
    (tmp_path / "people.csv").write_text("id,role\na,parent\nb,parent\nc,parent\n")
    net = LadderNetwork.from_path(tmp_path)
    sentence = summary(net, growth(net, freq="month"), freq="month")[0]
    assert "100% van de ouders" in sentence and "'vrienden'" in sentence


@pytest.mark.parametrize(
    "by, message",
    [
        ("name", "an anonymised report cannot be split by 'name'"),
        ("id", "an anonymised report cannot be split by 'id'"),
    ],
)
def test_report_refuses_to_group_by_private_columns(disguised, tmp_path, by, message):
    folder, _ = disguised
    with pytest.raises(UsageError, match=message):
        write_report(LadderNetwork.from_path(folder), tmp_path, by=by, timeline=False)
    assert list(tmp_path.iterdir()) == []


def test_with_another_focal_role_the_report_speaks_of_that_role(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,2\n2024-02-01,b,c,delen\n"
    )
    (tmp_path / "data" / "people.csv").write_text("id,role\na,kind\nb,child\nc,leerkracht\n")
    net = LadderNetwork.from_path(tmp_path / "data", focal="child")
    paths = write_report(net, tmp_path / "out", freq="month", lang="nl", by=None, timeline=False)
    page = paths[0].read_text(encoding="utf-8")
    chart = (tmp_path / "out" / "focal-alone.svg").read_text(encoding="utf-8")
    assert "van de kinderen" in page and "Kinderen zonder band" in chart
    assert "ouders" not in page.lower() and "ouders" not in chart.lower()
    english = write_report(net, tmp_path / "en", freq="month", lang="en", by=None, timeline=False)[
        0
    ].read_text(encoding="utf-8")
    assert "of the children" in english and "parent" not in english.lower()


def test_dollar_signs_in_names_reach_the_charts_as_text(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,2\n2024-02-01,c,d,delen\n"
    )
    (tmp_path / "data" / "people.csv").write_text(
        "id,role,wijk\na,parent,$\\frac{1}{$\nb,parent,$\\frac{1}{$\nc,parent,PC $x^2$\n"
        "d,parent,PC $x^2$\n"
    )
    net = LadderNetwork.from_path(tmp_path / "data")
    paths = write_report(net, tmp_path / "out", freq="month", timeline=False)
    svgs = [p.read_text(encoding="utf-8") for p in paths if p.suffix == ".svg"]
    assert any("PC $x^2$" in svg for svg in svgs)
    assert any("$\\frac{1}{$" in svg for svg in svgs)


# --- issue 13: the report on paper, in its language, with its own pictures ----------------------


def test_headers_are_words_of_the_language_and_cells_keep_their_keys(report):
    net, out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    lang = "en" if '<html lang="en"' in page else "nl"
    people, alone = {
        "nl": ("Mensen", "Ouders zonder band"),
        "en": ("People", "Parents without a tie"),
    }[lang]
    assert f'<th scope="col" data-column="people">{people}</th>' in page
    assert f'<th scope="col" data-column="focal_alone">{alone}</th>' in page
    rung = net.ladder[2]
    assert (
        f'<th scope="col" data-column="rung_{rung.key}">{html.escape(rung.label(lang))}</th>'
        in page
    )
    assert "(geen)" in page if lang == "nl" else "(none)" in page
    assert pd.read_csv(out / "activity-yield.csv")["activity"].eq("(none)").any()


def test_the_transitions_table_keeps_stayed_apart_from_moves(report):
    net, out, _ = report
    moves = pd.read_csv(out / "transitions.csv", keep_default_na=False)
    table = html_table(out / "index.html", "transitions")
    assert list(table.columns[:2]) == ["from_rung", "stayed"]
    for k, rung in enumerate(net.ladder, start=1):
        stayed = moves[(moves.from_rung == rung.key) & (moves.to_rung == rung.key)].ties.sum()
        assert str(table.at[k, "stayed"]) == str(stayed), rung.key
        assert table.at[k, f"to_{rung.key}"] == "–"
        climbed = moves[(moves.from_rung == rung.key) & (moves.to_rung != rung.key)]
        for to, ties in climbed.groupby("to_rung").ties.sum().items():
            assert str(table.at[k, f"to_{to}"]) == str(ties)
    assert table.at[0, "stayed"] == "–"


def test_title_subtitle_date_and_period_at_the_top_and_in_the_margins(disguised, tmp_path):
    net = LadderNetwork.from_path(disguised[0])
    title = 'Zwolle </style><script>alert(1)</script> "\\'
    index = write_report(
        net, tmp_path, lang="en", title=title, subtitle="For the council", timeline=False
    )[0]
    page = index.read_text(encoding="utf-8")
    assert page.count("</style>") == 1 and "<script>" not in page
    style = page[page.index("<style>") : page.index("</style>")]
    assert "@top-left { content: \"Zwolle \\3c \\2f style" in style
    assert "@top-right { content: \"31 December 2025\"" in style
    assert "counter(page)" in style and "size: A4" in style
    header = page[page.index("<header>") : page.index("</header>")]
    assert html.escape(title) in header and "For the council" in header
    assert "Date: 31 December 2025" in header
    assert "Period covered: 2024Q1 – 2025Q4 (8 quarters)" in header


def test_the_village_at_chosen_moments_beside_the_report(disguised, tmp_path):
    net = LadderNetwork.from_path(disguised[0])
    paths = write_report(net, tmp_path / "a", lang="en", timeline=False, by=None)
    names = {p.name for p in paths}
    assert {
        f"village-{d}.{f}"
        for d in ("2024-01-08", "2025-01-03", "2025-12-31")
        for f in ("png", "svg")
    } <= names
    paths = write_report(
        net,
        tmp_path / "b",
        lang="en",
        timeline=False,
        by=None,
        moments=["2025-12-31", "2024-06-30", "2024-12-31"],
    )
    page = paths[0].read_text(encoding="utf-8")
    ids = re.findall(r'<figure class="village" id="village-(village-[0-9-]+)"', page)
    assert ids == ["village-2024-06-30", "village-2024-12-31", "village-2025-12-31"]
    assert "As of 30 June 2024 · " in page
    svg = (tmp_path / "b" / "village-2024-06-30.svg").read_text(encoding="utf-8")
    assert "As of 30 June 2024" in svg
    with pytest.raises(UsageError, match="a moment is not a date within the data"):
        write_report(net, tmp_path / "c", timeline=False, moments=["2023-01-01"])
    assert not (tmp_path / "c").exists()


def test_groups_that_differ_only_in_punctuation_get_their_own_files_and_anchors(tmp_path):
    (tmp_path / "data").mkdir()
    rows = [
        f"2024-0{m}-01,{a},{b},{r}"
        for m in (1, 2, 3)
        for a, b, r in (("a1", "a2", 1), ("a2", "a3", 2), ("b1", "b2", 1), ("b2", "b3", 3))
    ]
    (tmp_path / "data" / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n" + "\n".join(rows) + "\n"
    )
    (tmp_path / "data" / "people.csv").write_text(
        "id,role,wijk\n"
        + "".join(f"a{i},parent,PC\n" for i in (1, 2, 3))
        + "".join(f"b{i},parent,PC*\n" for i in (1, 2, 3))
    )
    net = LadderNetwork.from_path(tmp_path / "data")
    paths = write_report(net, tmp_path / "out", freq="month", timeline=False)
    charts = sorted(
        p.name
        for p in paths
        if p.name.endswith("-ties-per-rung.png") and p.name.startswith("wijk-")
    )
    assert len(charts) == 2 and len(set(charts)) == 2
    svgs = [(tmp_path / "out" / c.replace(".png", ".svg")).read_text() for c in charts]
    assert sorted("PC*:" in svg for svg in svgs) == [False, True]
    page = paths[0].read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert sum(i.startswith("group-") for i in ids) == 2


def test_every_chart_has_the_same_size(report):
    paths = report[2]
    sizes = {
        p.name: (p.read_bytes()[16:24])
        for p in paths
        if p.suffix == ".png" and not p.name.startswith("village-")
    }
    assert len(sizes) >= 6 and len(set(sizes.values())) == 1, sizes
