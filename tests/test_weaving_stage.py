"""The stage of network weaving (contactladder.analysis.weaving_stage): a small hand-made network
for each stage and each threshold, every measure against plain Python written here (breadth-first
search, pairs enumerated one by one, cores by peeling), and the per-wijk table on the demo."""

from __future__ import annotations

import statistics
from dataclasses import asdict
from itertools import combinations

import networkx as nx
import pandas as pd
import pytest
from helpers import DEMO
from hypothesis import given, settings
from hypothesis import strategies as st

from contactladder.analysis import weaving_stage as ws
from contactladder.analysis.weaving_stage import STAGES, stage_words, weaving_stage
from contactladder.analysis.weaving_wijken import weaving_stages, wijk_graph
from contactladder.errors import BadValueError, UsageError
from contactladder.ladder import Ladder
from contactladder.loading import Dataset
from contactladder.network.ladder_network import LadderNetwork
from contactladder.words import LANGUAGES

# --- the measures again, in plain Python ------------------------------------------------------


def _neighbours(G, keep=lambda v: True, min_rung=None):
    """Node -> set of neighbours among the kept nodes, without self-loops."""
    adjacent = {v: set() for v in G if keep(v)}
    for u, v, data in G.edges(data=True):
        counts = min_rung is None or data.get("rung", 0) >= min_rung
        if u != v and u in adjacent and v in adjacent and counts:
            adjacent[u].add(v)
            adjacent[v].add(u)
    return adjacent


def _labels(adjacent):
    """Node -> the number of its component, by breadth-first search."""
    label = {}
    for start in adjacent:
        if start in label:
            continue
        label[start], queue = start, [start]
        while queue:
            person = queue.pop()
            for other in adjacent[person]:
                if other not in label:
                    label[other] = start
                    queue.append(other)
    return label


def _core_members(adjacent, k):
    """The k-core by peeling: drop people with fewer than k ties until none is left to drop."""
    members = set(adjacent)
    dropped = True
    while dropped:
        dropped = False
        for person in list(members):
            if len(adjacent[person] & members) < k:
                members.discard(person)
                dropped = True
    return members


def oracle(G, focal="parent", min_rung=None):
    """Every measure of the module docstring, computed here."""
    people = _neighbours(G, min_rung=min_rung)
    focal_people = [v for v in people if G.nodes[v].get("role") == focal]
    label = _labels(people)
    peer_label = _labels(_neighbours(G, lambda v: v in focal_people, min_rung))
    groups = {}
    for person in people:
        groups.setdefault(label[person], set()).add(person)
    with_focal = [g for g in groups.values() if any(v in focal_people for v in g)]
    connected = peer = 0
    for a, b in combinations(focal_people, 2):
        if label[a] == label[b]:
            connected += 1
            peer += peer_label[a] == peer_label[b]
    by_size = sorted(
        with_focal, key=lambda g: (-sum(v in focal_people for v in g), -len(g), min(map(str, g)))
    )
    largest = by_size[0] if by_size else set()
    degrees = [len(people[v]) for v in largest]
    hubs = sum(d >= max(4, 2 * statistics.median(degrees)) for d in degrees)
    core_k = 0
    while _core_members(people, core_k + 1):
        core_k += 1
    in_core = _core_members(people, 3)

    def share(part, whole):
        return round(part / whole, 6) if whole else None

    return {
        "focal_people": len(focal_people),
        "components": len(with_focal),
        "largest_share": share(sum(v in focal_people for v in largest), len(focal_people)),
        "hub_dependence": share(connected - peer, connected),
        "hubs": hubs,
        "core_k": core_k,
        "core_share": share(sum(v in in_core for v in focal_people), len(focal_people)),
    }


def village(edges, professionals=(), alone=()):
    """A graph of parents (everyone not named a professional) with these ties."""
    G = nx.Graph(list(edges))
    G.add_nodes_from(alone)
    nx.set_node_attributes(G, "parent", "role")
    nx.set_node_attributes(G, dict.fromkeys(professionals, "professional"), "role")
    return G


def star(centre, spokes):
    return [(centre, spoke) for spoke in spokes]


def clique(people):
    return list(combinations(people, 2))


def names(prefix, n):
    return [f"{prefix}{i}" for i in range(1, n + 1)]


# --- one network per stage, and one on each side of every threshold ---------------------------

NETWORKS = {
    # three triangles of parents that do not reach each other, and one parent alone
    "three_islands": (
        village(clique("abc") + clique("def") + clique("ghi"), alone=["j"]),
        "fragments",
    ),
    # the largest component holds exactly half of the parents: still fragments ...
    "half_connected": (village([("a", "b"), ("b", "c"), ("d", "e")], alone=["f"]), "fragments"),
    # ... and with one parent more in it, a professional holds it together
    "over_half": (
        village([*star("P", "abcd"), ("d", "e")], professionals="P", alone=["f"]),
        "hub_and_spoke",
    ),
    # one professional, six parents around her, two pairs of whom also know each other
    "one_spider": (
        village([*star("P", "abcdef"), ("a", "b"), ("c", "d")], professionals="P"),
        "hub_and_spoke",
    ),
    # a hub needs four ties: three spokes are a small cluster, not yet a hub ...
    "three_spokes": (village(star("P", "abc"), professionals="P"), "fragments"),
    # ... and four are
    "four_spokes": (village(star("P", "abcd"), professionals="P"), "hub_and_spoke"),
    # a chain of parents, connected but held by no hub and no core
    "chain": (village(nx.path_graph(names("c", 6)).edges), "fragments"),
    # two professionals and a parent, linked, each with four parents of their own
    "three_spiders": (
        village(
            clique(["P", "Q", "h"])
            + star("P", names("p", 4))
            + star("Q", names("q", 4))
            + star("h", names("h", 4)),
            professionals="PQ",
        ),
        "multi_hub",
    ),
    # two hubs sharing the same parents also count as several spiders
    "two_spiders": (
        village(star("P", "abcd") + star("Q", "abcd"), professionals="PQ"),
        "multi_hub",
    ),
    # five parents who all know each other, five more around them, a professional beside them
    "core": (
        village(
            clique("abcde") + list(zip("abcde", names("r", 5))) + [("P", "a"), ("P", "b")],
            professionals="P",
        ),
        "core_periphery",
    ),
    # a core of four parents: a quarter of sixteen parents is enough ...
    "core_quarter": (village(clique("abcd") + star("a", names("r", 12))), "core_periphery"),
    # ... of seventeen it is not: the one parent with many ties is a single hub
    "core_under_quarter": (village(clique("abcd") + star("a", names("r", 13))), "hub_and_spoke"),
    # half of the connected pairs of parents go only through a professional: still a core ...
    "dependence_half": (
        village(
            [*clique(names("a", 6)), ("b1", "b2"), ("b2", "b3"), ("P", "a1"), ("P", "b1")],
            professionals="P",
        ),
        "core_periphery",
    ),
    # ... more than half: not; and with no hub (three ties are too few) it is not woven yet
    "dependence_over_half": (
        village(
            [*clique(names("a", 6)), ("b1", "b2"), ("P", "b3"), ("P", "a1"), ("P", "b1")],
            professionals="P",
        ),
        "fragments",
    ),
    # a single parent with a professional, and an empty network: nothing to weave yet
    "one_parent": (village([("a", "P")], professionals="P"), "fragments"),
    "empty": (village([]), "fragments"),
}


@pytest.mark.parametrize("case", NETWORKS)
def test_each_network_is_at_its_stage_and_every_measure_is_the_plain_one(case):
    G, stage = NETWORKS[case]
    found = asdict(weaving_stage(G))
    assert found.pop("stage") == stage
    assert found == oracle(G)


def test_the_hand_made_measures_are_the_ones_worked_out_by_hand():
    assert oracle(NETWORKS["dependence_half"][0])["hub_dependence"] == 0.5
    assert oracle(NETWORKS["dependence_over_half"][0])["hub_dependence"] == round(20 / 36, 6)
    assert oracle(NETWORKS["core_quarter"][0])["core_share"] == 0.25
    assert oracle(NETWORKS["half_connected"][0])["largest_share"] == 0.5
    assert oracle(NETWORKS["three_spiders"][0])["hubs"] == 3
    one_spider = oracle(NETWORKS["one_spider"][0])
    assert one_spider["hub_dependence"] == round(13 / 15, 6) and one_spider["hubs"] == 1
    assert oracle(NETWORKS["empty"][0])["largest_share"] is None


def test_the_thresholds_are_the_documented_ones():
    thresholds = (ws.CONNECTED_SHARE, ws.CORE_K, ws.CORE_SHARE, ws.CORE_HUB_DEPENDENCE)
    assert (*thresholds, ws.HUB_MIN_DEGREE, ws.HUB_FACTOR) == (0.5, 3, 0.25, 0.5, 4, 2)
    assert STAGES == ("fragments", "hub_and_spoke", "multi_hub", "core_periphery")
    for name in ("CONNECTED_SHARE", "CORE_SHARE", "CORE_HUB_DEPENDENCE", "HUB_MIN_DEGREE"):
        assert name in ws.__doc__


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_networks_match_the_plain_measures(seed):
    G = nx.gnm_random_graph(60, 90, seed=seed)
    roles = {v: "professional" if v % 5 == 0 else "parent" for v in G}
    nx.set_node_attributes(G, roles, "role")
    nx.set_edge_attributes(G, {e: 1 + (e[0] + e[1]) % 4 for e in G.edges}, "rung")
    for min_rung in (None, 3):
        found = asdict(weaving_stage(G, min_rung=min_rung))
        assert found.pop("stage") in STAGES and found == oracle(G, min_rung=min_rung)


def test_only_ties_from_min_rung_up_count_and_the_graph_is_not_changed():
    G = village(star("P", "abcd"), professionals="P")
    nx.set_edge_attributes(G, 1, "rung")
    G["P"]["a"]["rung"] = G["P"]["b"]["rung"] = 3
    G.add_edge("a", "a", rung=5)
    before = (sorted(G.nodes(data=True)), sorted(G.edges(data="rung")))
    assert weaving_stage(G).stage == "hub_and_spoke"
    low = weaving_stage(G, min_rung=2)
    assert (low.stage, low.largest_share, low.focal_people) == ("fragments", 0.5, 4)
    assert (sorted(G.nodes(data=True)), sorted(G.edges(data="rung"))) == before


def test_the_focal_role_and_its_attribute_are_parameters():
    G = nx.star_graph(4)
    nx.set_node_attributes(G, {v: "teacher" if v == 0 else "child" for v in G}, "kind")
    found = weaving_stage(G, focal="child", role="kind")
    assert (found.stage, found.focal_people, found.hub_dependence) == ("hub_and_spoke", 4, 1.0)
    assert weaving_stage(G).focal_people == 0


def test_a_directed_graph_is_refused():
    with pytest.raises(nx.NetworkXNotImplemented):
        weaving_stage(nx.DiGraph([(1, 2)]))


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_stage_has_a_name_and_a_sentence_in_each_language(lang):
    found = [stage_words(stage, focal="child", lang=lang) for stage in STAGES]
    assert len({name for name, _ in found}) == len({sentence for _, sentence in found}) == 4
    assert all(name and "{" not in sentence for name, sentence in found)
    assert stage_words("hub_and_spoke", lang="nl")[0] == "één spin in het web"
    assert "kinderen" in stage_words("fragments", focal="child", lang="nl")[1]


def test_an_unknown_stage_is_one_clear_error():
    with pytest.raises(UsageError, match="unknown weaving stage 'spin'"):
        stage_words("spin")


# --- per wijk and period -----------------------------------------------------------------------


def test_a_wijk_takes_its_people_and_the_professionals_without_a_wijk_tied_to_them():
    G = village(
        [("a", "b"), ("b", "P"), ("P", "c"), ("a", "Q"), ("x", "a"), ("R", "S")],
        professionals="PQRS",
    )
    wijken = {"a": "Dieze", "b": "Dieze", "c": "Zuid", "Q": "Zuid", "x": float("nan")}
    nx.set_node_attributes(G, {v: wijken.get(v, "") for v in G}, "wijk")
    assert sorted(wijk_graph(G, "Dieze")) == ["P", "a", "b"]
    assert sorted(wijk_graph(G, "Zuid")) == ["P", "Q", "c"]
    assert "x" not in wijk_graph(G, "Dieze")  # a parent without a wijk belongs to none


def _dataset(contacts, people):
    contacts = pd.DataFrame(contacts, columns=["date", "person_a", "person_b", "rung"])
    contacts["date"] = pd.to_datetime(contacts["date"])
    for column in ("activity", "wijk", "note", "source"):
        contacts[column] = ""
    people = pd.DataFrame(people, columns=["id", "role", "wijk"]).set_index("id")
    people["name"] = people["organisation"] = ""
    people["joined"] = pd.NaT
    people = people[["role", "name", "organisation", "wijk", "joined"]]
    return Dataset(contacts, people, Ladder.default(), "hand")


def test_per_wijk_and_period_on_a_hand_made_village():
    contacts = [("2024-01-10", "a", "b", 2), ("2024-01-10", "c", "d", 1)]
    contacts += [("2024-02-10", "P", p, 2) for p in "abcd"] + [("2024-02-10", "e", "f", 3)]
    people = [(p, "parent", "Dieze") for p in "abcd"] + [("P", "professional", "")]
    people += [("e", "parent", "Zuid"), ("f", "parent", "Zuid")]
    net = LadderNetwork(_dataset(contacts, people))
    table = weaving_stages(net)
    assert table[["period", "wijk", "weaving_stage"]].values.tolist() == [
        ["2024-01", "Dieze", "fragments"],
        ["2024-01", "Zuid", "fragments"],
        ["2024-02", "Dieze", "hub_and_spoke"],
        ["2024-02", "Zuid", "fragments"],
    ]
    # c-d on the lowest rung does not count by default; it does from rung 1
    assert table["largest_share"].tolist()[0] == 0.5
    assert weaving_stages(net, min_rung="kennen")["hub_dependence"].tolist()[0] == 0.0
    assert table.attrs["min_rung"] == 2
    assert weaving_stages(net, min_rung="delen").attrs["min_rung"] == 3
    with pytest.raises(BadValueError, match="unknown rung"):
        weaving_stages(net, min_rung="vrienden")


def test_without_wijken_the_whole_network_has_one_row_per_period():
    net = LadderNetwork(
        _dataset([("2024-01-10", "a", "b", 2)], [("a", "parent", ""), ("b", "parent", "")])
    )
    table = weaving_stages(net)
    assert table[["period", "wijk", "weaving_stage"]].values.tolist() == [
        ["2024-01", "", "fragments"]
    ]


@pytest.fixture(scope="module")
def demo():
    net = LadderNetwork.from_path(DEMO)
    return net, weaving_stages(net, freq="quarter")


def test_the_demo_has_one_stage_per_wijk_and_period(demo):
    net, table = demo
    measures = ["focal_people", "components", "largest_share", "hub_dependence", "hubs"]
    assert list(table.columns) == [
        "period",
        "wijk",
        "weaving_stage",
        *measures,
        "core_k",
        "core_share",
    ]
    periods = [step.label for step in net.periods("quarter", graph=False)]
    assert table[["period", "wijk"]].values.tolist() == [
        [period, wijk] for period in periods for wijk in net.wijken()
    ]
    assert set(table["weaving_stage"]) <= set(STAGES)
    for column in ("largest_share", "hub_dependence", "core_share"):
        values = table[column].dropna()
        assert ((values >= 0) & (values <= 1)).all()
    woven = table[table["weaving_stage"] != "fragments"]
    assert woven["hub_dependence"].notna().all() and (woven["largest_share"] > 0.5).all()
    assert table["weaving_stage"].iloc[0] == "fragments"  # the village starts in pieces
    assert table["weaving_stage"].iloc[-1] == "core_periphery"  # and is woven at the end


@pytest.mark.parametrize("period", [2, -1])
def test_demo_rows_are_the_plain_measures_of_each_wijk_at_the_end_of_the_period(demo, period):
    net, table = demo
    quarter = net.period_range("quarter")[period]
    G = net.snapshot(quarter.end_time.normalize(), open_end=True)
    rows = table[table["period"] == str(quarter)]
    assert list(rows["wijk"]) == net.wijken()
    for row in rows.to_dict("records"):
        members = {v for v, w in G.nodes(data="wijk") if w == row["wijk"]}
        members |= {  # professionals without a wijk tied to someone of the wijk
            other
            for v in members
            for other in G[v]
            if not str(G.nodes[other]["wijk"]).strip() and G.nodes[other]["role"] != "parent"
        }
        expected = oracle(G.subgraph(members), min_rung=2)
        found = {k: None if pd.isna(row[k]) else row[k] for k in expected}
        assert found == expected


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    people=st.integers(0, 30),
    ties=st.integers(0, 60),
    min_rung=st.sampled_from([None, 2]),
)
def test_the_measures_equal_networkx_on_random_graphs(seed, people, ties, min_rung):
    import random

    rng = random.Random(seed)
    G = nx.gnm_random_graph(people, ties, seed=seed)
    G.add_edges_from((v, v) for v in list(G)[:2])  # self-loops are ignored
    for v in G:
        G.nodes[v]["role"] = "parent" if rng.random() < 0.7 else "professional"
    for u, v in G.edges:
        G.edges[u, v]["rung"] = rng.randint(1, 5)
    found = weaving_stage(G, min_rung=min_rung)
    counted = nx.Graph()
    counted.add_nodes_from(G)
    counted.add_edges_from(
        (u, v) for u, v, r in G.edges(data="rung") if u != v and (min_rung is None or r >= min_rung)
    )
    focal = {v for v, role in G.nodes(data="role") if role == "parent"}
    parts = [c for c in nx.connected_components(counted) if c & focal]
    cores = nx.core_number(counted) if len(counted) else {}
    assert found.components == len(parts)
    assert found.core_k == max(cores.values(), default=0)
    if focal:
        largest = min(
            parts, key=lambda c: (-len(c & focal), -len(c), min(map(str, c))), default=set()
        )
        assert found.largest_share == round(len(largest & focal) / len(focal), 6)
        in_core = sum(cores[v] >= ws.CORE_K for v in focal)
        assert found.core_share == round(in_core / len(focal), 6)
        degrees = [d for _, d in counted.degree(largest)]
        median = statistics.median(degrees) if degrees else 0
        least = max(ws.HUB_MIN_DEGREE, ws.HUB_FACTOR * median)
        assert found.hubs == sum(1 for d in degrees if d >= least)
