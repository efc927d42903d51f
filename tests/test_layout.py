import math
import random

import networkx as nx
import numpy as np
import pytest

from contactladder.render.layout import layout_areas, layout_positions

WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid")


def village(n=180, ties=260, cross=0.15, seed=3):
    """People in three wijken (and a few without one), ties mostly within a wijk."""
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        G.add_node(f"person-{i}", wijk=WIJKEN[i % 3] if i % 20 else "")
    nodes = list(G)
    while G.number_of_edges() < ties:
        a, b = rng.sample(nodes, 2)
        if G.nodes[a]["wijk"] == G.nodes[b]["wijk"] or rng.random() < cross:
            G.add_edge(a, b)
    return G


def test_positions_for_every_node():
    G = village()
    pos = layout_positions(G)
    assert set(pos) == set(G)
    assert all(len(p) == 2 and all(math.isfinite(c) for c in p) for p in pos.values())


def test_deterministic_and_independent_of_insertion_order():
    G = village()
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed([(v, u) for u, v in G.edges()]))
    assert layout_positions(G, seed=7) == layout_positions(G, seed=7) == layout_positions(H, seed=7)


def test_seed_changes_positions():
    G = village()
    assert layout_positions(G, seed=1) != layout_positions(G, seed=2)


def test_global_random_state_untouched():
    G = village()
    random.seed(11)
    state = random.getstate()
    layout_positions(G)
    assert random.getstate() == state


def test_graph_not_changed():
    G = village()
    before = (list(G.nodes(data=True)), list(G.edges(data=True)))
    layout_positions(G)
    assert (list(G.nodes(data=True)), list(G.edges(data=True))) == before


def test_people_of_one_wijk_sit_together():
    """Measured: a person's nearest neighbours on the map live in the same wijk, and the
    wijken's areas do not overlap."""
    G = village(n=300, ties=450, cross=0.25)
    pos = layout_positions(G)
    nodes = list(G)
    xy = np.array([pos[n] for n in nodes])
    wijk = np.array([G.nodes[n]["wijk"] for n in nodes])
    dist = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    nearest = np.argsort(dist, axis=1)[:, :5]
    same = (wijk[nearest] == wijk[:, None]).mean()
    assert same > 0.95
    centres = {w: xy[wijk == w].mean(axis=0) for w in set(wijk)}
    radii = {w: np.hypot(*(xy[wijk == w] - centres[w]).T).max() for w in centres}
    for a in centres:
        for b in centres:
            if a < b:
                assert np.hypot(*(centres[a] - centres[b])) > radii[a] + radii[b]


def test_group_none_lays_out_everyone_together():
    G = village()
    pos = layout_positions(G, group=None)
    assert set(pos) == set(G)


def test_scale_fits_the_canvas():
    pos = layout_positions(village(), scale=1000)
    assert max(max(abs(x), abs(y)) for x, y in pos.values()) == pytest.approx(1000, abs=0.1)


def test_default_density_grows_canvas_with_people():
    small = layout_positions(village(n=60, ties=80))
    large = layout_positions(village(n=960, ties=1300))
    extent = lambda pos: max(max(abs(x), abs(y)) for x, y in pos.values())  # noqa: E731
    assert extent(large) > 2.5 * extent(small)


def test_edge_cases():
    assert layout_positions(nx.Graph()) == {}
    G = nx.Graph()
    G.add_node("only", wijk="Dieze")
    assert layout_positions(G) == {"only": (0.0, 0.0)}
    G = nx.Graph()
    G.add_nodes_from(range(5))  # no wijk attribute, no ties
    pos = layout_positions(G)
    assert len(set(pos.values())) == 5


def test_areas_are_the_discs_the_wijken_fill():
    G = village()
    positions, areas = layout_areas(G, seed=2)
    assert positions == layout_positions(G, seed=2)
    assert sorted(areas) == sorted(WIJKEN)  # people without a wijk have no area
    for wijk, (x, y, radius) in areas.items():
        members = [positions[n] for n, w in G.nodes(data="wijk") if w == wijk]
        assert all(math.hypot(px - x, py - y) <= radius + 0.2 for px, py in members)
    for a, b in [(a, b) for a in WIJKEN for b in WIJKEN if a < b]:
        (xa, ya, ra), (xb, yb, rb) = areas[a], areas[b]
        assert math.hypot(xa - xb, ya - yb) > ra + rb  # wijken do not overlap
    assert layout_areas(nx.Graph()) == ({}, {})


def test_layout_digest_sums_up_each_person_as_json_text():
    import hashlib
    import json

    from contactladder.render.layout import (
        LAYOUT_VERSION,
        _pair_codes,
        _sort_key,
        layout_digest,
        layout_order,
    )

    G = nx.Graph()
    names = ["a", "é", 'ü"x', "\\n", "日本", 3, 4.5, ("t", 1), "tab\t", "\u2028", "\U0001f600"]
    for i, name in enumerate(names):
        G.add_node(name, wijk=[None, float("nan"), "Zuid", "é\n", 7][i % 5])
    G.add_edges_from([("a", 3), ("é", 4.5), ("日本", "a")])
    nodes = layout_order(G)
    plain = hashlib.sha256(json.dumps([LAYOUT_VERSION, "wijk", 0, None, 500, len(nodes)]).encode())
    for node in nodes:
        value = G.nodes[node].get("wijk", "")
        value = "" if value is None or value != value else str(value)
        plain.update(json.dumps([*_sort_key(node), value]).encode() + b"\n")
    plain.update(np.sort(_pair_codes(G, {node: i for i, node in enumerate(nodes)})).tobytes())
    assert layout_digest(G) == plain.hexdigest()
