import io
import statistics

import matplotlib
import matplotlib.colors
import networkx as nx
import numpy as np
import pytest
from helpers import records
from PIL import Image

from contactladder.errors import UsageError
from contactladder.jobs.maps import save_map_picture
from contactladder.ladder import Ladder
from contactladder.render.map_payload import map_data
from contactladder.render.static_map import (
    DPI,
    LABELS_UP_TO,
    map_figure,
    map_picture,
    picture_format,
)

LADDER = Ladder.default()


def village():
    G = nx.Graph()
    G.add_node("ID-7f3a-anna", role="parent", number=1, name="Annabel Zuiderveld", wijk="Dieze")
    G.add_node("ID-2b7e-cato", role="professional", number=1, organisation="GGD", wijk="Dieze")
    G.add_node("ID-8e5a-ella", role="volunteer", number=1, wijk="Dieze")
    G.add_edge("ID-7f3a-anna", "ID-2b7e-cato", rung=1)
    G.add_edge("ID-7f3a-anna", "ID-8e5a-ella", rung=4)
    return G


def test_legend_has_the_groups_and_rungs_of_the_page():
    data = map_data(village(), LADDER, title="Dieze", lang="en")
    figure = map_figure(data)
    texts = [t.get_text() for t in figure.legends[0].get_texts()]
    assert texts == [g["label"] for g in data["groups"]] + [
        "Parents without a tie (0)",
        "Parents with no tie to other parents (1)",
    ] + [f"{r['level']}. {r['label']}" for r in data["rungs"]]
    assert "Dieze" in [t.get_text() for t in figure.texts]


def test_same_colours_positions_and_lowest_rung():
    positions = {
        "ID-7f3a-anna": (0.0, 0.0),
        "ID-2b7e-cato": (100.0, 0.0),
        "ID-8e5a-ella": (0.0, 100.0),
    }
    data = map_data(village(), LADDER, title="Dieze", positions=positions, min_rung=2)
    axes = map_figure(data).axes[0]
    lines = axes.collections[0]
    assert len(lines.get_segments()) == 1  # only the tie on rung 4
    assert lines.get_segments()[0].tolist() == [[0.0, 0.0], [0.0, 100.0]]
    groups = axes.collections[1:4]  # then the ring of the parent with no peer tie
    points = sorted(tuple(xy) for c in groups for xy in c.get_offsets().tolist())
    assert points == [(0.0, 0.0), (0.0, 100.0), (100.0, 0.0)]
    assert axes.get_ylim()[0] > axes.get_ylim()[1]  # y down, as on the screen
    colours = {tuple(c.get_facecolor()[0][:3].round(3)) for c in groups}
    assert len(colours) == 3


def test_labels_only_on_small_maps_and_focus_ringed():
    data = map_data(village(), LADDER, title="Dieze", focus="ID-7f3a-anna")
    axes = map_figure(data).axes[0]
    assert sorted(t.get_text() for t in axes.texts) == [
        "Ouder 1",
        "Professional 1 (GGD)",
        "Vrijwilliger 1",
    ]
    assert len(axes.collections) == 1 + 3 + 1 + 1  # ties, three groups, alone ring, focus ring
    G = nx.Graph()
    G.add_nodes_from((i, {"role": "parent", "number": i}) for i in range(LABELS_UP_TO + 1))
    assert list(map_figure(map_data(G, LADDER, title="x")).axes[0].texts) == []


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_pictures_are_byte_identical(tmp_path, suffix):
    data = map_data(village(), LADDER, title="Dieze", anonymize=False)
    one = save_map_picture(data, tmp_path / f"a{suffix}").read_bytes()
    two = save_map_picture(data, tmp_path / f"b{suffix}").read_bytes()
    assert one == two
    if suffix == ".svg":
        text = one.decode("utf-8")
        assert "Annabel Zuiderveld" in text and "Bevat namen" in text and "<dc:date>" not in text


def test_unknown_picture_format(tmp_path):
    with pytest.raises(UsageError, match=r"unknown picture format 'a\.gif'"):
        save_map_picture(map_data(village(), LADDER, title="x"), tmp_path / "a.gif")


def test_picture_bytes_and_formats():
    data = map_data(village(), LADDER, title="Dieze")
    assert map_picture(data, "png").startswith(b"\x89PNG")
    assert b"<svg" in map_picture(data, "svg")
    assert picture_format("a/kaart.PNG") == "png"
    with pytest.raises(UsageError, match="unknown picture format 'kaart'"):
        picture_format("kaart")
    with pytest.raises(UsageError, match="unknown picture format 'gif'"):
        map_picture(data, "gif")


def test_a_png_has_the_pixels_of_matplotlibs_own_png_without_its_alpha_channel():
    figure = map_figure(map_data(village(), LADDER, title="Dieze"))
    own = io.BytesIO()
    figure.savefig(own, format="png", dpi=DPI, facecolor="#ffffff")
    theirs = np.asarray(Image.open(own).convert("RGBA"))
    ours = Image.open(io.BytesIO(map_picture(map_data(village(), LADDER, title="Dieze"), "png")))
    assert ours.mode == "RGB" and ours.info["dpi"] == pytest.approx((DPI, DPI), abs=0.1)
    assert (theirs[..., 3] == 255).all()  # matplotlib's alpha says nothing: opaque everywhere
    assert (np.asarray(ours) == theirs[..., :3]).all()


def test_a_png_keeps_the_figures_size_whatever_the_matplotlibrc_says():
    data = map_data(village(), LADDER, title="Dieze")
    with matplotlib.rc_context({"savefig.bbox": "tight"}):
        png = Image.open(io.BytesIO(map_picture(data, "png")))
    width, height = map_figure(data).get_size_inches()
    assert png.size == (int(width * DPI), int(height * DPI))


def test_empty_map():
    assert list(map_figure(map_data(nx.Graph(), LADDER, title="Leeg")).axes[0].texts) == []


def test_wijk_names_above_their_areas():
    G = village()
    G.add_node("ID-9c1d-bram", role="parent", number=2, wijk="Stadshagen")
    G.add_edge("ID-9c1d-bram", "ID-7f3a-anna", rung=2)
    data = map_data(G, LADDER, title="Zwolle")
    texts = {
        t.get_text(): t.get_position()
        for t in map_figure(data).axes[0].texts
        if t.get_text() in data["wijken"]
    }
    assert set(texts) == {"Dieze", "Stadshagen"}
    for area in records(data["areas"]):
        assert texts[data["wijken"][area["wijk"]]] == (area["x"], area["y"] - area["radius"] - 4)


def test_one_wijk_has_no_name_on_the_picture():
    texts = map_figure(map_data(village(), LADDER, title="Dieze")).axes[0].texts
    assert "Dieze" not in [t.get_text() for t in texts]


def test_people_who_need_a_link_are_ringed_counted_and_not_small():
    G = village()
    G.add_node("ID-1111-dewi", role="parent", number=2, wijk="Dieze")  # alone
    G.add_node("ID-2222-eef", role="parent", number=3, wijk="Dieze")
    G.add_edge("ID-2222-eef", "ID-7f3a-anna", rung=2)  # now anna has a peer tie
    data = map_data(G, LADDER, title="Dieze", lang="en")
    figure = map_figure(data)
    texts = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "Parents without a tie (1)" in texts
    assert "Parents with no tie to other parents (0)" in texts
    rings = [
        c
        for c in figure.axes[0].collections
        if len(c.get_edgecolor())
        and c.get_facecolor().size == 0
        and matplotlib.colors.to_hex(c.get_edgecolor()[0]) == data["alone_colour"]
    ]
    assert len(rings) == 1 and rings[0].get_offsets().tolist() == [
        [data["nodes"]["x"][i], data["nodes"]["y"][i]]
        for i, kind in enumerate(data["nodes"]["alone"])
        if kind == 1
    ]
    alone = data["nodes"]["alone"].index(1)
    assert data["nodes"]["size"][alone] >= statistics.median(data["nodes"]["size"])


def test_a_big_map_draws_its_people_and_ties_as_one_picture_inside_its_svg(monkeypatch):
    import contactladder.render.static_map as static_map

    data = map_data(village(), LADDER, title="Dieze", lang="en")
    vector = map_picture(data, "svg")
    monkeypatch.setattr(static_map, "VECTOR_UP_TO", 2)  # three people: a big map
    picture = map_picture(data, "svg")
    assert b"<image" in picture and b"<image" not in vector
    assert b"Acquaintance" in picture  # the legend stays text
    assert picture.count(b"<image") == 1  # ties, people and rings: one picture
    assert picture == map_picture(data, "svg")  # still the same bytes for the same data


def test_segment_paths_are_those_line_collection_makes():
    import numpy as np
    from matplotlib.collections import LineCollection

    from contactladder.render.static_map import _segment_paths

    segments = np.random.default_rng(3).uniform(-50, 50, size=(40, 2, 2)).round(1)
    made = LineCollection(segments).get_paths()
    fast = _segment_paths(segments)
    assert len(fast) == len(made) and _segment_paths(segments[:0]) == []
    for ours, theirs in zip(fast, made):
        assert vars(ours).keys() == vars(theirs).keys()
        assert np.array_equal(ours.vertices, theirs.vertices) and ours.codes is theirs.codes
        assert ours.should_simplify == theirs.should_simplify
        assert ours.simplify_threshold == theirs.simplify_threshold


@pytest.mark.parametrize("people", [3, LABELS_UP_TO + 1])
def test_a_pictures_payload_draws_the_same_picture(people):
    G = nx.Graph()
    G.add_nodes_from((i, {"role": "parent", "number": i, "wijk": "Dieze"}) for i in range(people))
    G.add_edges_from((i, i + 1, {"rung": 1 + i % 4, "contacts": 2}) for i in range(people - 1))
    full = map_data(G, LADDER, title="Dieze", as_of="2025-03-01")
    light = map_data(G, LADDER, title="Dieze", as_of="2025-03-01", picture=True)
    assert set(light["edges"]) == {"a", "b", "level"} and light["activities"] == []
    assert light["edges"] == {key: full["edges"][key] for key in ("a", "b", "level")}
    assert light["nodes"]["label"] == (full["nodes"]["label"] if people <= LABELS_UP_TO else [])
    assert light["subtitle"] == full["subtitle"]
    for fmt in ("png", "svg"):
        assert map_picture(light, fmt) == map_picture(full, fmt)
