"""Who holds the village together (contactladder.analysis.brokers): a small village by hand, a
plain networkx graph against networkx's own functions, and the demo data set."""

import importlib

import networkx as nx
import pandas as pd
import pytest
from helpers import DEMO, naive_cut_off, weaver_folder

from contactladder.analysis.brokers import brokers, village_brokers
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork

# The room, not the function of the same name (for monkeypatching its settings).
room = importlib.import_module("contactladder.analysis.brokers")

# Triangle a-b-c and path c-d-e (d, e in Zuid); k (GGD) tied to a and the only tie of s1, s2, s3.
# Betweenness by hand (pairs through the person / 28 pairs): k 18, a 16, c 12, d 7, the rest 0.

BROKER_CONTACTS = """\
2024-02-01,a,b,2,
2024-02-01,b,c,2,
2024-02-01,a,c,2,
2024-02-02,c,d,2,
2024-02-02,d,e,2,
2024-02-03,a,k,1,
2024-02-03,k,s1,1,
2024-02-03,k,s2,1,
2024-02-03,k,s3,1,
"""
BROKER_PEOPLE = """\
id,role,name,organisation,wijk
a,parent,Ans,,Dieze
b,parent,Bep,,Dieze
c,parent,Cor,,Dieze
d,parent,Dirk,,Zuid
e,parent,Eef,,Zuid
k,professional,Kim,GGD,Dieze
s1,parent,Sien,,Dieze
s2,parent,Siem,,Dieze
s3,parent,Sjaak,,Dieze
"""


@pytest.fixture
def broker_net(tmp_path):
    return LadderNetwork.from_path(weaver_folder(tmp_path, BROKER_CONTACTS, BROKER_PEOPLE))


def test_brokers_by_hand(broker_net):
    table = village_brokers(broker_net)
    columns = [
        "person",
        "betweenness",
        "bridging_ties",
        "between_wijken",
        "between_groups",
        "local_bridges",
        "bridges",
        "sole_link_parents",
        "sole_link_of",
        "cut_off",
    ]
    assert table[columns].values.tolist() == [
        ["k", round(18 / 28, 6), 4, 0, 4, 4, 4, 3, "s1 | s2 | s3", 3],
        ["a", round(16 / 28, 6), 1, 0, 1, 1, 1, 0, "", 4],
        ["c", round(12 / 28, 6), 1, 1, 0, 1, 1, 0, "", 2],
        ["d", round(7 / 28, 6), 2, 1, 0, 2, 2, 1, "e", 1],
        ["e", 0.0, 1, 0, 0, 1, 1, 0, "", 0],
        ["s1", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
        ["s2", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
        ["s3", 0.0, 1, 0, 1, 1, 1, 0, "", 0],
    ]  # b joins nothing: left out
    assert list(table.columns[:4]) == ["person", "role", "betweenness", "bridging_ties"]
    assert village_brokers(broker_net, top=2)["person"].tolist() == ["k", "a"]


def test_the_network_version_is_brokers_of_the_snapshot(broker_net):
    table = village_brokers(broker_net, as_of="2024-02-02")
    assert set(table["as_of"]) == {"2024-02-02"}  # issue 12: the day in every output
    pd.testing.assert_frame_equal(
        table.drop(columns="as_of"), brokers(broker_net.snapshot("2024-02-02"))
    )
    assert village_brokers(broker_net, as_of="2024-02-02").attrs == {
        "kind": "brokers",
        "lang": "nl",
        "as_of": "2024-02-02",
    }


def test_brokers_name_the_sole_link_in_plain_words(broker_net):
    k = village_brokers(broker_net, lang="en").iloc[0]
    assert k["explanation"] == (
        "64% of the shortest paths between others run through this person. 4 ties to another "
        "group (parents). 4 ties with no one in common, of which 4 the only link between two "
        "parts of the network. The only tie of 3 parents: Sien (s1), Siem (s2), Sjaak (s3). "
        "Without this person, 3 people lose touch with the rest."
    )
    assert "Enig contact van 3 ouders" in village_brokers(broker_net).iloc[0]["explanation"]


def test_one_sole_link_and_one_tie_read_in_the_singular(broker_net):
    d = village_brokers(broker_net).set_index("person").loc["d"]
    assert d["explanation"] == (
        "25% van de kortste verbindingen tussen anderen loopt via deze persoon. 1 band in een "
        "andere wijk (Dieze). 2 banden zonder gemeenschappelijke bekenden, waarvan 2 de enige "
        "verbinding tussen twee delen van het netwerk. Enig contact van 1 ouder: Eef (e). "
        "Zonder deze persoon raakt 1 persoon los van de rest."
    )


def test_betweenness_is_sampled_with_a_fixed_seed_on_large_networks(broker_net, monkeypatch):
    graph = broker_net.snapshot()

    def by_person(table):
        return dict(zip(table["person"], table["betweenness"]))

    def networkx_values(**options):
        return {p: round(v, 6) for p, v in nx.betweenness_centrality(graph, **options).items()}

    exact = by_person(village_brokers(broker_net, top=None))
    monkeypatch.setattr(room, "BETWEENNESS_EXACT_UP_TO", 4)
    monkeypatch.setattr(room, "BETWEENNESS_SAMPLE", 5)
    first, second = village_brokers(broker_net), village_brokers(broker_net)
    sampled = by_person(village_brokers(broker_net, top=None))
    assert exact == {p: v for p, v in networkx_values().items() if p in exact}
    assert sampled == {
        p: v for p, v in networkx_values(k=5, seed=room.SEED).items() if p in sampled
    }
    assert sampled != exact
    pd.testing.assert_frame_equal(first, second)


@pytest.mark.parametrize(
    "graph",
    [
        nx.karate_club_graph(),
        nx.path_graph(2),
        nx.star_graph(4),
        nx.disjoint_union(nx.cycle_graph(5), nx.complete_graph(4)),
        nx.connected_watts_strogatz_graph(1200, 4, 0.2, seed=3),  # sampled: over 1000 people
        nx.relabel_nodes(nx.les_miserables_graph(), str.upper),  # weighted: weights not used
    ],
    ids=["karate", "two", "star", "two-parts", "sampled-1200", "les-miserables"],
)
def test_betweenness_by_igraph_equals_networkx(graph):
    sample = room.BETWEENNESS_SAMPLE if len(graph) > room.BETWEENNESS_EXACT_UP_TO else None
    expected = nx.betweenness_centrality(graph, k=sample, seed=room.SEED if sample else None)
    found = room.betweenness_centrality(graph)
    assert list(found) == list(graph)
    assert found == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "graph",
    [
        nx.karate_club_graph(),
        nx.connected_watts_strogatz_graph(300, 2, 0.1, seed=1),
        nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c"), ("c", "c")]),
        nx.disjoint_union(nx.path_graph(4), nx.cycle_graph(3)),
    ],
    ids=["karate", "ring", "multigraph", "two-parts"],
)
def test_bridges_by_igraph_equal_networkx(graph):
    assert room.bridges(graph) == {frozenset(edge) for edge in nx.bridges(graph)}


def test_betweenness_counts_a_tie_once_in_a_multigraph():
    graph = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    expected = nx.betweenness_centrality(nx.Graph(graph))
    assert room.betweenness_centrality(graph) == pytest.approx(expected, abs=1e-12)


# --- a plain networkx graph ---------------------------------------------------------------------


@pytest.fixture
def karate():
    """Zachary's karate club: Mr. Hi's members are focal; two halves as wijken; the others in
    three organisations."""
    G = nx.karate_club_graph()
    for v, attrs in G.nodes(data=True):
        attrs.update(
            is_focal=attrs["club"] == "Mr. Hi",
            area="north" if v < 17 else "south",
            team="" if attrs["club"] == "Mr. Hi" else f"team {v % 3}",
            label=f"M{v}",
        )
    G.add_edge(0, 99)  # a member whose only tie is Mr. Hi
    G.nodes[99].update(is_focal=True, area="north", team="", label="")
    return G


def test_brokers_on_a_plain_graph_agree_with_networkx(karate):
    before = nx.to_dict_of_dicts(karate), dict(karate.nodes(data=True))
    table = brokers(karate, focal="is_focal", wijk="area", group="team", name="label", top=None)
    assert (nx.to_dict_of_dicts(karate), dict(karate.nodes(data=True))) == before
    rows = table.set_index("person")
    betweenness = nx.betweenness_centrality(karate)
    bridges = [set(edge) for edge in nx.bridges(karate)]
    local = [set(edge) for edge in nx.local_bridges(karate, with_span=False)]
    cut_off = naive_cut_off(karate)
    attrs = karate.nodes
    for v in karate:
        sole = [u for u in karate[v] if attrs[u]["is_focal"] and karate.degree(u) == 1]
        wijken = sum(attrs[u]["area"] != attrs[v]["area"] for u in karate[v])
        if v not in rows.index:
            assert round(betweenness[v], 6) == 0 and not sole and not wijken
            continue
        row = rows.loc[v]
        assert row["betweenness"] == round(betweenness[v], 6)
        assert row["ties"] == karate.degree(v)
        assert row["bridges"] == sum(v in edge for edge in bridges)
        assert row["local_bridges"] == sum(v in edge for edge in local)
        assert row["cut_off"] == cut_off[v]
        assert row["sole_link_parents"] == len(sole)
        assert row["between_wijken"] == wijken
        assert (row["wijk"], row["organisation"], row["name"]) == (
            attrs[v]["area"],
            attrs[v]["team"],
            attrs[v]["label"],
        )
    assert rows.loc[0, "sole_link_of"] == "11 | 99" and rows.loc[0, "cut_off"] == 7
    assert table["betweenness"].is_monotonic_decreasing


def test_brokers_on_a_graph_without_attributes_and_an_unknown_language():
    table = brokers(nx.path_graph(3), lang="en")
    assert table["person"].tolist() == [1, 0, 2]  # every tie is a bridge
    assert table.loc[0, "explanation"].startswith("100% of the shortest paths")
    with pytest.raises(UsageError, match="unknown language 'fr'"):
        brokers(nx.path_graph(3), lang="fr")


# --- the demo data set --------------------------------------------------------------------------


def test_demo_youth_nurse_is_the_sole_link_of_several_parents():
    if not (DEMO / "contacts.csv").exists():
        pytest.skip("the demo data set is not there")
    table = village_brokers(LadderNetwork.from_path(DEMO), top=None)
    sole = table[table["sole_link_parents"] >= 2]
    assert len(sole) and set(sole["role"]) == {"professional"}
    assert "GGD" in set(sole["organisation"])
