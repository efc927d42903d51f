"""The report (contactladder.report): files, figures equal to the growth table, anonymity."""

import hashlib
import html
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.jobs.report import write_report
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.report import summary

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
        lambda c: c.map(new_id))
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
    page = index.read_text(encoding="utf-8")
    return pd.read_html(StringIO(page), attrs={"id": f"table-{key}"})[0]


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
    written = pd.read_csv(out / "growth.csv")
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
        assert first_sentence.startswith(f"In {len(table)} kwartalen groeide het netwerk van 0 "
                                         f"naar {last['ties']} banden; {share}% van de ouders")
    else:
        assert first_sentence.startswith(f"In {len(table)} quarters the network grew from 0 to "
                                         f"{last['ties']} ties; {share}% of the parents")
    assert html.escape(first_sentence) in page


def test_summary_names_the_top_rung_on_a_short_ladder(tmp_path):
    (tmp_path / "ladder.toml").write_text('[[rung]]\nkey = "groeten"\n[[rung]]\nkey = "vrienden"\n')
    (tmp_path / "contacts.csv").write_text("date,person_a,person_b,rung\n2024-01-01,a,b,2\n"
                                           "2024-02-01,b,c,vrienden\n")
    (tmp_path / "people.csv").write_text("id,role\na,parent\nb,parent\nc,parent\n")
    net = LadderNetwork.from_path(tmp_path)
    sentence = summary(net, growth(net, freq="month"), freq="month")[0]
    assert "100% van de ouders" in sentence and "'vrienden'" in sentence


@pytest.mark.parametrize("by, message", [
    ("name", "an anonymised report cannot be split by 'name'"),
    ("id", "an anonymised report cannot be split by 'id'"),
])
def test_report_refuses_to_group_by_private_columns(disguised, tmp_path, by, message):
    folder, _ = disguised
    with pytest.raises(UsageError, match=message):
        write_report(LadderNetwork.from_path(folder), tmp_path, by=by, timeline=False)
    assert list(tmp_path.iterdir()) == []


def test_with_another_focal_role_the_report_speaks_of_that_role(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,2\n2024-02-01,b,c,delen\n")
    (tmp_path / "data" / "people.csv").write_text("id,role\na,kind\nb,child\nc,leerkracht\n")
    net = LadderNetwork.from_path(tmp_path / "data", focal="child")
    paths = write_report(net, tmp_path / "out", freq="month", lang="nl", by=None,
                         timeline=False)
    page = paths[0].read_text(encoding="utf-8")
    chart = (tmp_path / "out" / "focal-alone.svg").read_text(encoding="utf-8")
    assert "van de kinderen" in page and "Kinderen zonder band" in chart
    assert "ouders" not in page.lower() and "ouders" not in chart.lower()
    english = write_report(net, tmp_path / "en", freq="month", lang="en", by=None,
                           timeline=False)[0].read_text(encoding="utf-8")
    assert "of the children" in english and "parent" not in english.lower()


def test_dollar_signs_in_names_reach_the_charts_as_text(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,2\n2024-02-01,c,d,delen\n")
    (tmp_path / "data" / "people.csv").write_text(
        "id,role,wijk\na,parent,$\\frac{1}{$\nb,parent,$\\frac{1}{$\nc,parent,PC $x^2$\n"
        "d,parent,PC $x^2$\n")
    net = LadderNetwork.from_path(tmp_path / "data")
    paths = write_report(net, tmp_path / "out", freq="month", timeline=False)
    svgs = [p.read_text(encoding="utf-8") for p in paths if p.suffix == ".svg"]
    assert any("PC $x^2$" in svg for svg in svgs)
    assert any("$\\frac{1}{$" in svg for svg in svgs)
