import json
import pickle
import subprocess
import sys
from pathlib import Path

import lxml.html
import networkx as nx
import pytest
from helpers import (
    HOSTILE,
    VILLAGE_PEOPLE,
    embedded_data,
    hostile_map_village,
    map_village,
    records,
)

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.render.map_payload import map_data
from contactladder.render.page import (
    VIS_NETWORK_VERSION,
    Page,
    embed_snippet,
    html_path,
    map_html,
    render_map,
    timeline_html,
    vis_network,
    vis_network_version,
)

LADDER = Ladder.default()
VILLAGE_SECRETS = [p[0] for p in VILLAGE_PEOPLE] + [p[2] for p in VILLAGE_PEOPLE]
TEMPLATES = Path(__file__).resolve().parents[1] / "contactladder" / "templates"


def private_strings(G):
    values = set()
    for node, attrs in G.nodes(data=True):
        values.add(node)
        values.update(str(attrs[k]) for k in ("name", "note", "phone") if attrs.get(k))
    return values


def test_anonymised_page_has_no_names_ids_or_notes():
    G = map_village()
    page = map_html(G, LADDER, title="Zwolle")
    for secret in private_strings(G):
        assert secret not in page, secret
    # parts of them neither, in case a label was built from one
    for part in ("Annabel", "Zuiderveld", "7f3a", "NOTE-private", "12345678"):
        assert part not in page
    assert "Ouder 1" in page and "Professional 1 (GGD)" in page and "Vrijwilliger 1" in page
    assert "Bevat namen" not in page


def test_named_page_shows_names_and_says_so():
    page = map_html(map_village(), LADDER, title="Zwolle", anonymize=False)
    assert "Annabel Zuiderveld" in page
    assert '<p class="cl-names" id="cl-names">Bevat namen — alleen voor intern gebruik</p>' in page
    assert "ID-7f3a-anna" not in page and "NOTE-private-anna" not in page
    page = map_html(map_village(), LADDER, title="Zwolle", anonymize=False, lang="en")
    assert "Contains names — internal use only" in page


def test_data_block_is_json_without_markup_characters():
    page = map_html(hostile_map_village(), LADDER, title="Zwolle", anonymize=False)
    block = embedded_data(page)
    assert not set("<>&") & set(block)
    data = json.loads(block)
    labels = set(data["nodes"]["label"])
    assert set(HOSTILE[:3]) <= labels
    assert "<script>alert(2)</script>" in data["activities"]


@pytest.mark.parametrize("anonymize", [True, False])
def test_hostile_text_never_appears_as_markup(anonymize):
    title = "Zwolle </script><script>alert(3)</script> <img src=x onerror=alert(4)> href"
    page = map_html(hostile_map_village(), LADDER, title=title, anonymize=anonymize)
    for raw in ("<img src=x", "<script>alert", "<b>GGD", 'href="javascript'):
        assert raw not in page
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//title") == title
    assert doc.get_element_by_id("cl-title").text_content() == title
    # the page has exactly its own three scripts: data, vis-network, the app
    scripts = doc.findall(".//script")
    assert len(scripts) == 3 and not doc.findall(".//img")


def test_page_requests_nothing():
    page = map_html(map_village(), LADDER, title="Zwolle")
    doc = lxml.html.fromstring(page)
    for element in doc.iter():
        for attr in ("src", "href", "action", "data", "poster", "srcset"):
            value = element.get(attr)
            assert value is None or value.startswith("data:"), (element.tag, attr, value)
    assert doc.find(".//link[@rel='icon']").get("href") == "data:,"
    csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "@import" not in page and "url(http" not in page


def test_same_input_same_bytes_whatever_the_order():
    G = map_village()
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed([(v, u, d) for u, v, d in G.edges(data=True)]))
    assert map_html(G, LADDER, title="Zwolle") == map_html(H, LADDER, title="Zwolle")


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language"):
        map_html(map_village(), LADDER, title="Zwolle", lang="fr")


def test_empty_graph():
    page = map_html(nx.Graph(), LADDER, title="Leeg")
    assert json.loads(embedded_data(page))["nodes"]["x"] == []


def test_payload_is_checked_before_rendering():
    data = map_data(map_village(), LADDER, title="Zwolle")
    data["nodes"]["label"][2] = 7
    with pytest.raises(ValueError, match=r"payload field nodes\.label\[2\]: expected str"):
        render_map(data)


def test_html_path_and_embed_snippet():
    assert html_path("a/kaart.HTML").name == "kaart.HTML"
    with pytest.raises(UsageError, match=r"not an HTML file name 'kaart'; end the file name"):
        html_path("kaart")
    snippet = embed_snippet('kaart "1".html', title='<b>Zwolle</b> "x"', height=500)
    doc = lxml.html.fromstring(snippet)
    assert doc.tag == "iframe" and doc.get("title") == '<b>Zwolle</b> "x"'
    assert doc.get("src") == "kaart%20%221%22.html" and doc.get("height") == "500"
    assert doc.get("sandbox") == "allow-scripts" and doc.get("loading") == "lazy"


# --- vis-network, from pyvis ------------------------------------------------------------------


def test_vis_network_is_pyvis_own_build_of_the_expected_version():
    import importlib.util

    folder = Path(importlib.util.find_spec("pyvis").submodule_search_locations[0])
    path = folder / "templates" / "lib" / f"vis-{VIS_NETWORK_VERSION}" / "vis-network.min.js"
    assert path.is_file(), f"pyvis no longer ships {path}"
    source = path.read_text(encoding="utf-8")
    assert vis_network_version(source) == VIS_NETWORK_VERSION == "9.1.2"
    assert vis_network() == source
    page = map_html(map_village(), LADDER, title="Zwolle")
    assert "\n" + source + "\n" in page


def test_no_vendored_copy_of_vis_network():
    assert not (TEMPLATES / "vis-network.min.js").exists()
    assert not list(TEMPLATES.glob("vis*"))


def test_building_a_page_does_not_import_pyvis():
    code = (
        "import sys, networkx as nx\n"
        "from contactladder.ladder import Ladder\n"
        "from contactladder.render.page import map_html\n"
        "map_html(nx.Graph([(1, 2)]), Ladder.default(), title='x')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyvis', 'jinja2', 'IPython')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# --- the timeline page --------------------------------------------------------------------------


def timeline_page(net, **options):
    return timeline_html(
        net, counters=growth(net), counters_by_wijk=growth(net, by="wijk"), **options
    )


def test_anonymised_timeline_has_no_names_or_ids(village_net):
    page = timeline_page(village_net())
    for secret in VILLAGE_SECRETS:
        assert secret not in page, secret
    for part in ("Annabel", "7f3a", "Zuiderveld", "ID-"):
        assert part not in page
    # which professional is number 1 follows the data folder's private key
    assert "Ouder 1" in page and "Professional 1 (" in page and "Bevat namen" not in page


@pytest.mark.parametrize("anonymize", [True, False])
def test_hostile_timeline_text_never_appears_as_markup(village_net, anonymize):
    title = "Zwolle </script><script>alert(3)</script> <img src=x onerror=alert(4)> href"
    page = timeline_page(village_net(hostile=True), title=title, anonymize=anonymize)
    for raw in ("<img src=x", "<script>alert", "<b>Dieze", "<i>GGD", 'href="javascript'):
        assert raw not in page
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//title") == title
    assert doc.get_element_by_id("cl-title").text_content() == title
    assert len(doc.findall(".//script")) == 3 and not doc.findall(".//img")
    data = json.loads(embedded_data(page))
    assert "<b>Dieze</b> href" in data["wijken"]
    if not anonymize:
        assert set(HOSTILE) <= {n["label"] for n in records(data["nodes"])}


def test_timeline_same_bytes(village_net):
    net = village_net()
    assert timeline_page(net, lang="en") == timeline_page(net, lang="en")


# --- in a notebook ------------------------------------------------------------------------------


def frame_of(page):
    """The frame a notebook shows for ``page``, and the page it holds."""
    frame = lxml.html.fromstring(page._repr_html_())
    return frame, frame.get("srcdoc")


def test_a_map_page_shows_itself_as_a_sandboxed_frame_of_the_same_page():
    title = 'Zwolle <b>&</b> "Dieze"'
    page = map_html(hostile_map_village(), LADDER, title=title)
    assert isinstance(page, Page) and isinstance(page, str)
    frame, inner = frame_of(page)
    assert frame.tag == "iframe" and frame.get("sandbox") == "allow-scripts"
    assert inner == page and frame.get("title") == title
    assert frame.get("src") is None and frame.get("height") == "640"
    # the page's own policy travels with it; the frame adds no style of its own to the notebook
    assert '<meta http-equiv="Content-Security-Policy"' in inner
    assert "<style" not in page._repr_html_() and "<script" not in page._repr_html_()
    for raw in ("<img src=x", "<script>alert", "<b>&</b>"):
        assert raw not in page._repr_html_()


def test_a_timeline_page_shows_itself_too(village_net):
    page = timeline_page(village_net(), lang="en")
    frame, inner = frame_of(page)
    assert inner == page and frame.get("sandbox") == "allow-scripts"
    assert frame.get("height") == "720"


def test_a_page_is_still_the_text_of_the_page(tmp_path):
    data = map_data(map_village(), LADDER, title="Zwolle")
    page = render_map(data)
    assert page == render_map(data) and page.startswith("<!DOCTYPE html>")
    assert pickle.loads(pickle.dumps(page)) == page
    assert pickle.loads(pickle.dumps(page)).frame_title == "Zwolle"
    assert page.title() == str(page).title()  # still the method of text
    path = tmp_path / "kaart.html"
    path.write_text(page, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == str(page)
