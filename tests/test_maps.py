import json
import math
import re

import lxml.html
import networkx as nx
import pandas as pd
import pytest

from contactladder.errors import ContactLadderError, UsageError
from contactladder.ladder import Ladder
from contactladder.render.maps import (map_data, map_html, network_map_data, organisation_colours,
                                 role_styles, timeline_data, write_map)

LADDER = Ladder.default()
HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>",
           '<a href="javascript:alert(1)">href</a>']


def village():
    """Five people with distinctive ids, names and notes that must never leak."""
    G = nx.Graph()
    G.add_node("ID-7f3a-anna", role="parent", number=1, name="Annabel Zuiderveld",
               wijk="Dieze", organisation="", note="NOTE-private-anna", phone="06-12345678")
    G.add_node("ID-9c1d-bram", role="parent", number=2, name="Bramwell Oosterhof",
               wijk="Stadshagen", organisation="", note="NOTE-private-bram")
    G.add_node("ID-2b7e-cato", role="professional", number=1, name="Catootje Wessels",
               wijk="Dieze", organisation="GGD")
    G.add_node("ID-4d0f-dirk", role="professional", number=2, name="Dirkjan Veldkamp",
               wijk="", organisation="Sociaal wijkteam")
    G.add_node("ID-8e5a-ella", role="volunteer", number=1, name="Elleke Brinkhorst",
               wijk="Dieze", organisation="")
    day = pd.Timestamp
    G.add_edge("ID-7f3a-anna", "ID-9c1d-bram", rung=3, first_contact=day("2024-01-10"),
               last_contact=day("2024-03-01"), contacts=4, activities=("Koffie en Koters",))
    G.add_edge("ID-7f3a-anna", "ID-2b7e-cato", rung=1, first_contact=day("2024-01-10"),
               last_contact=day("2024-01-10"), contacts=1, activities=("peutergym",))
    G.add_edge("ID-2b7e-cato", "ID-4d0f-dirk", rung=5, first_contact=day("2023-11-02"),
               last_contact=day("2024-02-20"), contacts=9, activities=())
    return G


def hostile_village():
    G = village()
    for node, text in zip(G, HOSTILE):
        G.nodes[node]["name"] = text
    G.nodes["ID-4d0f-dirk"]["organisation"] = "<b>GGD</b> href"
    G.edges["ID-7f3a-anna", "ID-9c1d-bram"]["activities"] = ("<script>alert(2)</script>",)
    return G


def embedded_data(page):
    match = re.search(r'<script type="application/json" id="cl-data">(.*?)</script>', page, re.S)
    return match.group(1)


def private_strings(G):
    values = set()
    for node, attrs in G.nodes(data=True):
        values.add(node)
        values.update(str(attrs[k]) for k in ("name", "note", "phone") if attrs.get(k))
    return values


def test_anonymised_page_has_no_names_ids_or_notes():
    G = village()
    page = map_html(G, LADDER, title="Zwolle")
    for secret in private_strings(G):
        assert secret not in page, secret
    # parts of them neither, in case a label was built from one
    for part in ("Annabel", "Zuiderveld", "7f3a", "NOTE-private", "12345678"):
        assert part not in page
    assert "Ouder 1" in page and "Professional 1 (GGD)" in page and "Vrijwilliger 1" in page
    assert "Bevat namen" not in page


def test_named_page_shows_names_and_says_so():
    page = map_html(village(), LADDER, title="Zwolle", anonymize=False)
    assert "Annabel Zuiderveld" in page
    assert '<p class="cl-names" id="cl-names">Bevat namen — alleen voor intern gebruik</p>' in page
    assert "ID-7f3a-anna" not in page and "NOTE-private-anna" not in page
    page = map_html(village(), LADDER, title="Zwolle", anonymize=False, lang="en")
    assert "Contains names — internal use only" in page


def test_data_block_is_json_without_markup_characters():
    page = map_html(hostile_village(), LADDER, title="Zwolle", anonymize=False)
    block = embedded_data(page)
    assert not set("<>&") & set(block)
    data = json.loads(block)
    labels = {row[5] for row in data["nodes"]}
    assert set(HOSTILE[:3]) <= labels
    assert "<script>alert(2)</script>" in data["activities"]


@pytest.mark.parametrize("anonymize", [True, False])
def test_hostile_text_never_appears_as_markup(anonymize):
    title = "Zwolle </script><script>alert(3)</script> <img src=x onerror=alert(4)> href"
    page = map_html(hostile_village(), LADDER, title=title, anonymize=anonymize)
    for raw in ("<img src=x", "<script>alert", "<b>GGD", 'href="javascript'):
        assert raw not in page
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//title") == title
    assert doc.get_element_by_id("cl-title").text_content() == title
    # the page has exactly its own three scripts: data, vis-network, the app
    scripts = doc.findall(".//script")
    assert len(scripts) == 3 and not doc.findall(".//img")


def test_page_requests_nothing():
    page = map_html(village(), LADDER, title="Zwolle")
    doc = lxml.html.fromstring(page)
    for element in doc.iter():
        for attr in ("src", "href", "action", "data", "poster", "srcset"):
            value = element.get(attr)
            assert value is None or value.startswith("data:"), (element.tag, attr, value)
    assert doc.find(".//link[@rel='icon']").get("href") == "data:,"
    csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "@import" not in page and "url(http" not in page


def test_labels_and_legend_in_english():
    data = map_data(village(), LADDER, title="Zwolle", lang="en", as_of="2024-03-01")
    assert [g["label"] for g in data["groups"]] == [
        "Parent", "Professional (GGD)", "Professional (Sociaal wijkteam)", "Volunteer"]
    assert data["rungs"][0]["label"] == "Acquaintance"
    assert data["subtitle"] == "As of 1 March 2024 · 5 people, 3 ties"


def test_dutch_subtitle_defaults_to_last_contact():
    data = map_data(village(), LADDER, title="Zwolle")
    assert data["subtitle"] == "Stand op 1 maart 2024 · 5 personen, 3 banden"


def test_nodes_sized_by_ties_and_edges_by_rung():
    data = map_data(village(), LADDER, title="Zwolle")
    size = {row[5]: row[2] for row in data["nodes"]}
    assert size["Professional 1 (GGD)"] > size["Ouder 2"] > size["Vrijwilliger 1"]
    widths = [r["width"] for r in data["rungs"]]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    assert [r["colour"] for r in data["rungs"]] == [r.colour for r in LADDER]
    edge = next(e for e in data["edges"] if e[2] == 5)
    assert edge[3:6] == ["2023-11-02", "2024-02-20", 9]


def test_each_organisation_its_own_colour():
    data = map_data(village(), LADDER, title="Zwolle")
    colours = [g["colour"] for g in data["groups"]]
    assert len(set(colours)) == len(colours)


def test_same_input_same_bytes_whatever_the_order():
    G = village()
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed([(v, u, d) for u, v, d in G.edges(data=True)]))
    assert map_html(G, LADDER, title="Zwolle") == map_html(H, LADDER, title="Zwolle")


def test_graph_not_changed():
    G = village()
    before = (sorted(G.nodes(data=True)), sorted(G.edges(data=True)))
    map_html(G, LADDER, title="Zwolle")
    assert (sorted(G.nodes(data=True)), sorted(G.edges(data=True))) == before


def test_given_positions_are_used():
    G = village()
    positions = {node: (10.0 * i, -5.0 * i) for i, node in enumerate(G)}
    data = map_data(G, LADDER, title="Zwolle", positions=positions)
    assert sorted((row[0], row[1]) for row in data["nodes"]) == sorted(positions.values())
    del positions["ID-8e5a-ella"]
    with pytest.raises(ValueError, match="lack 1 of the 5"):
        map_data(G, LADDER, title="Zwolle", positions=positions)


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language"):
        map_html(village(), LADDER, title="Zwolle", lang="fr")


def test_empty_graph():
    page = map_html(nx.Graph(), LADDER, title="Leeg")
    assert json.loads(embedded_data(page))["nodes"] == []


def test_write_map_whole_and_utf8(tmp_path):
    path = write_map(village(), LADDER, tmp_path / "kaart.htm", title="Zwolle-Zuid — ‘t dorp")
    assert path == tmp_path / "kaart.htm"
    assert "Zwolle-Zuid — ‘t dorp" in path.read_bytes().decode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.htm"]
    write_map(village(), LADDER, path, title="Opnieuw")  # replaces
    assert "Opnieuw" in path.read_text(encoding="utf-8")


def test_write_map_makes_the_folder(tmp_path):
    path = write_map(village(), LADDER, tmp_path / "new" / "kaart.html", title="Zwolle")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_map_where_it_cannot(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ContactLadderError, match="cannot write"):
        write_map(village(), LADDER, tmp_path / "file" / "kaart.html", title="Zwolle")


# --- maps of a LadderNetwork and the timeline -------------------------------------------------

from click.testing import CliRunner  # noqa: E402

from contactladder.cli import main  # noqa: E402
from contactladder.render.maps import (embed_snippet, html_path, network_map_data,  # noqa: E402
                                timeline_data, timeline_html, write_map_files, write_timeline,
                                write_timeline_files)
from contactladder.analysis.growth import growth  # noqa: E402
from conftest import HOSTILE as VILLAGE_HOSTILE, VILLAGE_PEOPLE, write_village  # noqa: E402

VILLAGE_SECRETS = [p[0] for p in VILLAGE_PEOPLE] + [p[2] for p in VILLAGE_PEOPLE]


def levels_at(edge, step):
    """The rung of an encoded timeline tie at ``step`` (0 when not there yet)."""
    if edge[2] > step:
        return 0
    level = edge[3]
    for s, new in zip(edge[4::2], edge[5::2]):
        if s <= step:
            level = new
    return level


@pytest.mark.parametrize("freq", ["month", "week", "quarter"])
def test_timeline_counters_are_the_growth_table(village_net, freq):
    net = village_net()
    data = timeline_data(net, freq=freq)
    table = growth(net, freq=freq)
    columns = data["counters"]["columns"]
    assert columns == ["people", "ties", "rung_kennen", "rung_praten", "rung_delen",
                       "rung_helpen", "rung_steunen", "focal_alone", "new_ties", "climbed"]
    assert data["counters"]["all"] == table[columns].values.tolist()
    assert [s[0] for s in data["steps"]] == table["period"].tolist()
    # and the encoded history gives the same counts, step by step
    for step, row in enumerate(data["counters"]["all"]):
        shown = [levels_at(e, step) for e in data["edges"]]
        assert sum(1 for a in data["appear"] if 0 <= a <= step) == row[0]
        assert sum(1 for lvl in shown if lvl) == row[1]
        assert [shown.count(lvl) for lvl in range(1, 6)] == row[2:7]


def test_timeline_history_is_the_snapshots(village_net):
    """Per step, the people and ties (with rungs) the page shows are net.snapshot at its end."""
    net = village_net()
    data = timeline_data(net, anonymize=False)
    name_of = dict((p[0], p[2]) for p in VILLAGE_PEOPLE)
    labels = [n[5] for n in data["nodes"]]
    for step, (label, _) in enumerate(data["steps"]):
        end = pd.Period(label, "M").end_time.normalize()
        G = net.snapshot(min(end, net.end))
        assert {labels[i] for i, a in enumerate(data["appear"]) if 0 <= a <= step} == \
            {name_of[p] for p in G}
        shown = {frozenset((labels[e[0]], labels[e[1]])): levels_at(e, step)
                 for e in data["edges"] if levels_at(e, step)}
        assert shown == {frozenset((name_of[a], name_of[b])): r for a, b, r in G.edges(data="rung")}


def test_timeline_marks_new_and_climbing_ties(village_net):
    data = timeline_data(village_net(), anonymize=False)
    labels = [n[5] for n in data["nodes"]]
    edge = next(e for e in data["edges"]
                if {labels[e[0]], labels[e[1]]} == {"Annabel Zuiderveld", "Bramwell Oosterhof"})
    assert edge[2:] == [0, 1, 1, 3, 2, 5]  # new in January at 1, to 3 in February, 5 in March


def test_timeline_positions_are_those_of_the_map(village_net):
    net = village_net()
    timeline = {n[5]: (n[0], n[1]) for n in timeline_data(net)["nodes"]}
    early = {n[5]: (n[0], n[1]) for n in network_map_data(net, as_of="2024-01-31")["nodes"]}
    assert early and all(timeline[label] == xy for label, xy in early.items())


def test_timeline_of_one_wijk_counts_as_growth_by_wijk(village_net):
    net = village_net()
    data = timeline_data(net, wijk="stadshagen")  # case-insensitive
    table = growth(net, by="wijk")
    rows = table[table["group"] == "Stadshagen"][data["counters"]["columns"]].values.tolist()
    assert data["counters"]["all"] == rows and data["counters"]["wijken"] == []
    assert data["title"] == "Zwolle — Stadshagen"
    assert {g["label"] for g in data["groups"]} == {"Ouder", "Professional (Sociaal wijkteam)",
                                                    "Vrijwilliger"}


def test_timeline_has_counters_per_wijk_for_the_page_filter(village_net):
    net = village_net()
    data = timeline_data(net)
    table = growth(net, by="wijk")
    assert data["wijken"] == ["Dieze", "Stadshagen"]
    for wijk, rows in zip(data["wijken"], data["counters"]["wijken"]):
        assert rows == table[table["group"] == wijk][data["counters"]["columns"]].values.tolist()


def test_anonymised_timeline_has_no_names_or_ids(village_net):
    page = timeline_html(village_net())
    for secret in VILLAGE_SECRETS:
        assert secret not in page, secret
    for part in ("Annabel", "7f3a", "Zuiderveld", "ID-"):
        assert part not in page
    assert "Ouder 1" in page and "Professional 1 (GGD)" in page and "Bevat namen" not in page


@pytest.mark.parametrize("anonymize", [True, False])
def test_hostile_timeline_text_never_appears_as_markup(village_net, anonymize):
    title = "Zwolle </script><script>alert(3)</script> <img src=x onerror=alert(4)> href"
    page = timeline_html(village_net(hostile=True), title=title, anonymize=anonymize)
    for raw in ("<img src=x", "<script>alert", "<b>Dieze", "<i>GGD", 'href="javascript'):
        assert raw not in page
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//title") == title
    assert doc.get_element_by_id("cl-title").text_content() == title
    assert len(doc.findall(".//script")) == 3 and not doc.findall(".//img")
    data = json.loads(embedded_data(page))
    assert "<b>Dieze</b> href" in data["wijken"]
    if not anonymize:
        assert set(VILLAGE_HOSTILE) <= {n[5] for n in data["nodes"]}


def test_timeline_same_bytes_and_english(village_net):
    net = village_net()
    assert timeline_html(net, lang="en") == timeline_html(net, lang="en")
    data = timeline_data(net, lang="en", freq="quarter", min_rung="delen")
    assert data["steps"] == [["2024Q1", "2024 Q1"], ["2024Q2", "2024 Q2"]]
    assert data["subtitle"] == "Per quarter · 2024 Q1 – 2024 Q2 · 9 people, 7 ties"
    assert data["focal_alone_label"] == "Parents without a tie" and data["min_level"] == 3


@pytest.mark.parametrize("options, message", [
    ({"wijk": "Atlantis"}, "unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen"),
    ({"min_rung": "vrienden"}, "unknown rung 'vrienden'"),
    ({"freq": "decade"}, "unknown period 'decade'"),
    ({"lang": "fr"}, "unknown language 'fr'"),
])
def test_timeline_bad_options(village_net, options, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        timeline_data(village_net(), **options)


def test_write_timeline_files(village_net, tmp_path):
    net = village_net()
    paths = write_timeline_files(net, tmp_path / "t" / "dorp.html", embed=True)
    assert [p.name for p in paths] == ["dorp.html", "dorp.embed.html"]
    snippet = paths[1].read_text(encoding="utf-8")
    assert snippet.startswith('<iframe src="dorp.html" title="Zwolle" ')
    assert 'loading="lazy" sandbox="allow-scripts"' in snippet
    with pytest.raises(UsageError, match="not an HTML file name"):
        write_timeline(net, tmp_path / "dorp.png")
    assert not (tmp_path / "dorp.png").exists()


def test_html_path_and_embed_snippet():
    assert html_path("a/kaart.HTML").name == "kaart.HTML"
    with pytest.raises(UsageError, match=r"not an HTML file name 'kaart'; end the file name"):
        html_path("kaart")
    snippet = embed_snippet('kaart "1".html', title='<b>Zwolle</b> "x"', height=500)
    doc = lxml.html.fromstring(snippet)
    assert doc.tag == "iframe" and doc.get("title") == '<b>Zwolle</b> "x"'
    assert doc.get("src") == "kaart%20%221%22.html" and doc.get("height") == "500"
    assert doc.get("sandbox") == "allow-scripts" and doc.get("loading") == "lazy"


def test_map_of_one_wijk_and_moment(village_net):
    net = village_net()
    data = network_map_data(net, wijk="Dieze", as_of="2024-02-29", lang="en")
    assert data["title"] == "Zwolle — Dieze"
    labels = sorted(n[5] for n in data["nodes"])
    assert [re.sub(r"\d+", "N", label) for label in labels] == [
        "Parent N", "Parent N", "Professional N (GGD)"]
    assert len(data["edges"]) == 3 and data["as_of"] == "2024-02-29"


def test_focus_is_the_persons_own_network(village_net):
    net = village_net()
    data = network_map_data(net, focus="ID-9c1d-bram", anonymize=False)
    labels = [n[5] for n in data["nodes"]]
    assert labels[data["focus"]] == "Bramwell Oosterhof"
    assert sorted(labels) == ["Annabel Zuiderveld", "Bramwell Oosterhof", "Catootje Wessels",
                              "Gijsbertus Heuvelink"]
    assert len(data["edges"]) == 4  # his three ties, and Anna's tie with Cato
    assert data["title"] == "Zwolle — Bramwell Oosterhof"
    anonymous = network_map_data(net, focus="ID-9c1d-bram")
    assert re.fullmatch(r"Zwolle — Ouder \d+", anonymous["title"])  # whichever number Bram has
    assert "ID-9c1d-bram" not in json.dumps(anonymous)


@pytest.mark.parametrize("options, message", [
    ({"focus": "ID-0000-nobody"}, "unknown person 'ID-0000-nobody'; give an id from the people"),
    ({"focus": "ID-8a8a-gijs", "as_of": "2024-02-01"},
     "person not present by this date 'ID-8a8a-gijs'; they are present from 2024-04-01"),
    ({"focus": "ID-3a3a-cas", "wijk": "Dieze"}, "person not in this wijk 'ID-3a3a-cas'"),
    ({"wijk": "Atlantis"}, "unknown wijk 'Atlantis'"),
    ({"min_rung": "9"}, "unknown rung '9'"),
    ({"as_of": "2030-01-01"}, "date outside the data"),
])
def test_map_bad_options_name_only_what_was_typed(village_net, options, message):
    with pytest.raises(UsageError) as info:
        network_map_data(village_net(), **options)
    assert message in str(info.value)
    others = [pid for pid in VILLAGE_SECRETS if pid != options.get("focus")]
    assert not any(other in str(info.value) for other in others)


def test_write_map_files_with_pictures_and_embed(village_net, tmp_path):
    net = village_net()
    paths = write_map_files(net, tmp_path / "kaart.html", png=True, svg=True, embed=True,
                            min_rung="praten")
    assert [p.name for p in paths] == ["kaart.html", "kaart.png", "kaart.svg",
                                       "kaart.embed.html"]
    assert paths[1].read_bytes().startswith(b"\x89PNG")
    svg = paths[2].read_text(encoding="utf-8")
    assert "<svg" in svg and ">Ouder 1</text>" in svg  # a small map carries its labels
    for secret in VILLAGE_SECRETS:
        assert secret not in svg
    first = {p.name: p.read_bytes() for p in paths}
    again = write_map_files(net, tmp_path / "kaart.html", png=True, svg=True, embed=True,
                            min_rung="praten")
    assert {p.name: p.read_bytes() for p in again} == first  # byte for byte
    page = paths[0].read_text(encoding="utf-8")
    assert json.loads(embedded_data(page))["min_level"] == 2
    with pytest.raises(UsageError, match="not an HTML file name"):
        write_map_files(net, tmp_path / "kaart.png")


# --- the commands -----------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_map_writes_page_pictures_and_embed(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "out" / "kaart.html"
    result = run("map", data, "--png", "--svg", "--embed", "--as-of", "2024-03-31",
                 "--lang", "en", "-o", out)
    assert result.exit_code == 0, result.output
    names = ["kaart.html", "kaart.png", "kaart.svg", "kaart.embed.html"]
    assert result.output.splitlines()[:4] == [str(out.with_name(n)) for n in names]
    assert result.output.splitlines()[4].startswith('<iframe src="kaart.html" title="Zwolle"')
    page = out.read_text(encoding="utf-8")
    assert "As of 31 March 2024" in page
    for secret in VILLAGE_SECRETS:
        assert secret not in page


def test_cli_map_focus_and_names_say_so(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "gesprek.html"
    result = run("map", data, "--focus", "ID-9c1d-bram", "--names", "-o", out)
    assert result.exit_code == 0, result.output
    assert "shows names: for internal use only" in result.output
    assert "Bramwell Oosterhof" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/kaart.png"], "Error: not an HTML file name '{tmp}/kaart.png'; end the file "
                                "name in .html\n"),
    (["--wijk", "Atlantis"], "Error: unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen\n"),
    (["--focus", "ID-0000-nobody"], "Error: unknown person 'ID-0000-nobody'; give an id from "
                                    "the people file\n"),
    (["--min-rung", "vrienden"], "Error: unknown rung 'vrienden'; use a level 1-5, a key "
                                 "(kennen, praten, delen, helpen, steunen) or a label of the "
                                 "default ladder\n"),
])
def test_cli_map_errors(tmp_path, args, message):
    data = write_village(tmp_path / "Zwolle")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "kaart.html")]
    result = run("map", data, *args)
    assert result.exit_code == 1
    assert result.output == message.replace("{tmp}", str(tmp_path))
    assert not (tmp_path / "kaart.html").exists() and not (tmp_path / "kaart.png").exists()


def test_cli_timeline(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "dorp.html"
    result = run("timeline", data, "--period", "quarter", "--wijk", "Dieze", "--min-rung", "2",
                 "--embed", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [str(out), str(tmp_path / "dorp.embed.html")]
    data_block = json.loads(embedded_data(out.read_text(encoding="utf-8")))
    assert data_block["title"] == "Zwolle — Dieze" and data_block["min_level"] == 2
    assert [s[0] for s in data_block["steps"]] == ["2024Q1", "2024Q2"]


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/dorp.txt"], "Error: not an HTML file name '{tmp}/dorp.txt'; end the file "
                               "name in .html\n"),
    (["--wijk", "Atlantis"], "Error: unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen\n"),
])
def test_cli_timeline_errors(tmp_path, args, message):
    data = write_village(tmp_path / "Zwolle")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run("timeline", data, *args, *([] if "-o" in args else
                                            ["-o", str(tmp_path / "dorp.html")]))
    assert result.exit_code == 1
    assert result.output == message.replace("{tmp}", str(tmp_path))
    assert not (tmp_path / "dorp.html").exists()


def test_cli_timeline_default_output(tmp_path, monkeypatch):
    data = write_village(tmp_path / "Zwolle")
    monkeypatch.chdir(tmp_path)
    result = run("timeline", data)
    assert result.exit_code == 0, result.output
    assert result.output == "outputs/timeline.html\n"
    assert (tmp_path / "outputs" / "timeline.html").exists()


# --- one look for every map of the same data ----------------------------------------------------

def _colours_of(data):
    return {g["organisation"]: g["colour"] for g in data["groups"] if g["organisation"]}


def test_an_organisation_keeps_its_colour_on_every_map(village_net):
    net = village_net()
    full = _colours_of(network_map_data(net))
    assert set(full) == {"GGD", "Sociaal wijkteam"}
    # Cas's own network holds the sociaal wijkteam but not the GGD
    assert _colours_of(network_map_data(net, focus="ID-3a3a-cas")) == {
        "Sociaal wijkteam": full["Sociaal wijkteam"]}
    assert _colours_of(network_map_data(net, wijk="Dieze")) == {"GGD": full["GGD"]}
    assert _colours_of(timeline_data(net, wijk="Stadshagen")) == {
        "Sociaal wijkteam": full["Sociaal wijkteam"]}
    assert _colours_of(timeline_data(net)) == full


def _lab(colour):
    """CIE L*a*b* of an sRGB colour '#rrggbb' (D65)."""
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def test_organisation_colours_are_clearly_distinct():
    table = organisation_colours(f"organisation {i}" for i in range(9))
    colours = list(table.values())
    assert len(set(colours)) == 9
    G = nx.Graph()
    G.add_node(1, role="parent"); G.add_node(2, role="volunteer")
    fixed = [s["colour"] for s in role_styles(G).values()]  # the parents' amber, volunteers' teal
    for i, a in enumerate(colours):
        for b in colours[i + 1:] + fixed:
            assert math.dist(_lab(a), _lab(b)) > 25, (a, b)


def test_maps_of_one_moment_state_the_same_date(village_net):
    net = village_net()
    end = net.end.strftime("%Y-%m-%d")
    # Dieze's last contact is earlier than the data's last
    assert network_map_data(net, wijk="Dieze")["as_of"] == end
    assert network_map_data(net, focus="ID-6f6f-fenna")["as_of"] == end
    assert network_map_data(net)["as_of"] == end


def test_size_note_says_what_the_size_counts(village_net):
    net = village_net()
    assert network_map_data(net)["text"]["size_note"] == "Grootte: aantal banden"
    for options in ({"wijk": "Dieze"}, {"focus": "ID-3a3a-cas"}):
        note = network_map_data(net, lang="en", **options)["text"]["size_note"]
        assert note == "Size: number of ties in this map"


def test_wijk_areas_for_their_names(village_net):
    net = village_net()
    data = network_map_data(net)
    assert [data["wijken"][a[0]] for a in data["areas"]] == ["Dieze", "Stadshagen"]
    for wijk, x, y, radius in data["areas"]:
        members = [n for n in data["nodes"] if n[4] == wijk]
        assert all(math.hypot(n[0] - x, n[1] - y) <= radius for n in members)
    assert network_map_data(net, focus="ID-3a3a-cas")["areas"] == []
    assert timeline_data(net)["areas"] == data["areas"]


def test_subtitle_lead_is_the_subtitle_before_its_counts(village_net):
    net = village_net()
    for data in (network_map_data(net), timeline_data(net)):
        counts = data["subtitle"].split(" · ")[-1]
        assert data["subtitle"] == " · ".join([*data["subtitle_lead"], counts])
