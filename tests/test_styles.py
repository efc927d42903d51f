import itertools
import math
import random
import re
from pathlib import Path

import networkx as nx
import pytest
from helpers import map_village, records

from contactladder.ladder import Ladder
from contactladder.render.map_payload import map_data
from contactladder.render.styles import (
    ALONE_COLOUR,
    SIZE_FULL_AT,
    edge_width,
    known_role,
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
    days = [data["dates"][edge["first_contact"]], data["dates"][edge["last_contact"]]]
    assert [*days, edge["contacts"]] == ["2023-11-02", "2024-02-20", 9]
    assert data["dates"] == sorted(set(data["dates"]))  # each day once, in order


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


def test_node_order_is_the_sort_by_its_key_on_any_graph():
    """The order node_order gives on arrays is the one of sorting by its key, tuple by tuple
    (rank of the role, role, number or after all numbers, type name, text)."""
    ranks = {"parent": 0, "professional": 1, "volunteer": 2, "child": 3}

    def key(item):
        node, attrs = item
        role = known_role(attrs.get("role"))
        number = attrs.get("number")
        number = int(number) if number is not None and number == number else math.inf
        return (ranks.get(role, 4), role, number, type(node).__name__, str(node))

    rng = random.Random(3)
    for _ in range(200):
        G = nx.Graph()
        for _ in range(rng.randint(0, 40)):
            node = rng.choice(
                [f"p{rng.randint(0, 30)}", rng.randint(0, 30), (1, rng.randint(0, 3))]
            )
            roles = ["parent", "Ouders", " professional", "volunteer", "child", "opa", None, "", 3]
            numbers = [rng.randint(1, 9), float("nan"), None, 2.0, "4"]
            G.add_node(node, role=rng.choice(roles), number=rng.choice(numbers))
            if rng.random() < 0.1:
                del G.nodes[node]["number"]
        assert node_order(G) == [node for node, _ in sorted(G.nodes(data=True), key=key)]


def _lab(colour):
    """CIE L*a*b* of an sRGB colour '#rrggbb' (D65)."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
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
        for b in colours[i + 1 :] + fixed:
            assert math.dist(_lab(a), _lab(b)) > 25, (a, b)


# --- colours everyone can read (issue 13) ----------------------------------------------------
# Colour vision deficiency simulated with the matrices of Machado, Oliveira and Fernandes (2009),
# "A physiologically-based model for simulation of color vision deficiency", IEEE TVCG 15(6),
# severity 1.0, applied to linear sRGB; distances are CIEDE2000 (Sharma, Wu and Dalal 2005);
# contrast is WCAG 2's.
MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
VISION = [None, *MACHADO]
PAGE_BACKGROUNDS = ("#fbfaf7", "#ffffff")  # page.css: the page and its panels
TEMPLATES = Path(__file__).parent.parent / "contactladder" / "templates"


def _linear(colour):
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]


def _simulated(colour, vision):
    """The linear RGB a person with ``vision`` (None: typical) sees, clipped to the gamut."""
    rgb = _linear(colour)
    if vision is None:
        return rgb
    return [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in MACHADO[vision]]


def _lab_of_linear(rgb):
    r, g, b = rgb
    xyz = (
        (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047,
        0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
        (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz]
    return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))


def ciede2000(lab1, lab2):
    """CIEDE2000 colour difference of two CIE L*a*b* colours (kL = kC = kH = 1)."""
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c**7 / (mean_c**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_l, d_c = L2 - L1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_c = (L1 + L2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(mean_h - 30))
        + 0.24 * math.cos(math.radians(2 * mean_h))
        + 0.32 * math.cos(math.radians(3 * mean_h + 6))
        - 0.20 * math.cos(math.radians(4 * mean_h - 63))
    )
    rotation = 30 * math.exp(-(((mean_h - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(mean_c**7 / (mean_c**7 + 25**7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_c, 1 + 0.015 * mean_c * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )


def seen(colour, vision=None):
    """L*a*b* of ``colour`` as seen with ``vision``."""
    return _lab_of_linear(_simulated(colour, vision))


def contrast(colour, background):
    """WCAG 2 contrast ratio."""
    light, dark = sorted(
        (
            sum(w * c for w, c in zip((0.2126, 0.7152, 0.0722), _linear(x)))
            for x in (colour, background)
        ),
        reverse=True,
    )
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal, table 1
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
        ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_ciede2000_of_the_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_simulation_keeps_greys_and_confuses_red_and_green():
    assert seen("#777777", "deuteranopia") == pytest.approx(seen("#777777"), abs=0.5)
    typical = ciede2000(seen("#d62728"), seen("#2ca02c"))
    assert ciede2000(seen("#d62728", "deuteranopia"), seen("#2ca02c", "deuteranopia")) < typical / 2


def _rung_colours():
    return [rung.colour for rung in Ladder.default()]


@pytest.mark.parametrize("vision", VISION)
def test_rung_colours_are_ordered_in_lightness_and_distinct(vision):
    labs = [seen(colour, vision) for colour in _rung_colours()]
    lightness = [lab[0] for lab in labs]
    assert lightness == sorted(lightness, reverse=True), (vision, lightness)  # up = darker
    for low, high in itertools.pairwise(labs):
        assert ciede2000(low, high) >= 10, (vision, _rung_colours())


def _role_colours():
    G = nx.Graph()
    G.add_nodes_from(
        [
            (1, {"role": "parent"}),
            (2, {"role": "volunteer"}),
            (3, {"role": "child"}),
            (4, {"role": "professional"}),
            (5, {"role": ""}),
            *((10 + i, {"role": f"role {i}"}) for i in range(5)),
        ]
    )
    return [s["colour"] for s in role_styles(G).values()]


ORGANISATIONS = list(organisation_colours(f"organisation {i}" for i in range(9)).values())


def test_organisation_colours_never_coincide_with_a_rung():
    for organisation in ORGANISATIONS:
        for rung in _rung_colours():
            assert ciede2000(seen(organisation), seen(rung)) >= 10, (organisation, rung)


def test_the_ring_of_alone_people_is_a_colour_used_for_nothing_else():
    for other in _rung_colours() + ORGANISATIONS + _role_colours():
        assert ciede2000(seen(ALONE_COLOUR), seen(other)) >= 10, other
    assert contrast(ALONE_COLOUR, PAGE_BACKGROUNDS[0]) >= 3


def test_lowest_rung_line_and_text_stand_out_from_the_page():
    assert contrast(_rung_colours()[0], PAGE_BACKGROUNDS[0]) >= 3
    checked = 0
    for name in ("page.css", "map.css", "timeline.css"):
        css = (TEMPLATES / name).read_text(encoding="utf-8")
        for block in re.findall(r"\{([^{}]*)\}", css):
            if "background" in block:  # text on a background of its own
                continue
            for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", block):
                full = colour if len(colour) == 7 else "#" + "".join(c * 2 for c in colour[1:])
                for background in PAGE_BACKGROUNDS:
                    assert contrast(full, background) >= 4.5, (name, colour, background)
                checked += 1
    assert checked >= 8
