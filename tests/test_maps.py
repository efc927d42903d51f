import json
import re

import lxml.html
import networkx as nx
import pandas as pd
import pytest

from contactladder.errors import ContactLadderError, UsageError
from contactladder.ladder import Ladder
from contactladder.maps import map_data, map_html, write_map

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
