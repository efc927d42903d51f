import math

import networkx as nx
from helpers import map_village, records

from contactladder.ladder import Ladder
from contactladder.render.map_payload import map_data
from contactladder.render.styles import (
    SIZE_FULL_AT,
    edge_width,
    node_order,
    node_size,
    organisation_colours,
    role_styles,
    size_table,
)

LADDER = Ladder.default()


def test_nodes_sized_by_ties_and_edges_by_rung():
    data = map_data(map_village(), LADDER, title="Zwolle")
    size = {row["label"]: row["size"] for row in records(data["nodes"])}
    assert size["Professional 1 (GGD)"] > size["Ouder 2"] > size["Vrijwilliger 1"]
    widths = [r["width"] for r in data["rungs"]]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    assert [r["colour"] for r in data["rungs"]] == [r.colour for r in LADDER]
    edge = next(e for e in records(data["edges"]) if e["level"] == 5)
    assert [edge["first_contact"], edge["last_contact"], edge["contacts"]] == [
        "2023-11-02", "2024-02-20", 9]


def test_size_table_is_node_size_up_to_the_largest():
    assert size_table(0) == [node_size(0)]
    assert size_table(7) == [node_size(t) for t in range(8)]
    table = size_table(10 * SIZE_FULL_AT)
    assert len(table) == SIZE_FULL_AT + 1 and table[-1] == node_size(10 * SIZE_FULL_AT) == 25.0
    assert node_size(SIZE_FULL_AT - 1) < 25.0


def test_one_ladder_rung_has_a_width():
    assert edge_width(1, Ladder([next(iter(LADDER))])) == 2.0


def test_each_organisation_its_own_colour():
    data = map_data(map_village(), LADDER, title="Zwolle")
    colours = [g["colour"] for g in data["groups"]]
    assert len(set(colours)) == len(colours)


def test_node_order_is_by_role_and_number_not_by_id():
    G = nx.Graph()
    G.add_node("z", role="parent", number=1)
    G.add_node("a", role="parent", number=2)
    G.add_node("m", role="volunteer", number=1)
    G.add_node("b", role="grootouder")
    assert node_order(G) == ["z", "a", "m", "b"]


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
    G.add_node(1, role="parent")
    G.add_node(2, role="volunteer")
    fixed = [s["colour"] for s in role_styles(G).values()]  # the parents' amber, volunteers' teal
    for i, a in enumerate(colours):
        for b in colours[i + 1:] + fixed:
            assert math.dist(_lab(a), _lab(b)) > 25, (a, b)
