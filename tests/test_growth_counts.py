"""The growth table's counting on arrays (contactladder.analysis.growth_counts.walk_figures)
against networkx, period by period, on random walks: components, the largest component,
triangles and triples among focal people, and the counts of people, ties and rungs."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactladder.analysis import growth_counts
from contactladder.analysis.growth_counts import FOCAL, OTHER, _roots, walk_figures
from contactladder.ladder import Ladder

LADDER = Ladder.default()


def random_walk(seed: int, people: int, ties: int, periods: int):
    """People joining over the periods and ties arriving among those present, some climbing."""
    rng = np.random.default_rng(seed)
    joined = rng.integers(0, periods, size=people)
    kinds = rng.choice([FOCAL, 1, OTHER], size=people, p=[0.7, 0.2, 0.1])
    rows = []
    reached: dict = {}
    for _ in range(ties):
        a, b = sorted(rng.choice(people, size=2, replace=False).tolist())
        period = int(rng.integers(max(joined[a], joined[b]), periods))
        rows.append((period, a, b, int(rng.integers(1, 6))))
    rows.sort()
    table = []
    for period, a, b, rung in rows:
        old = reached.get((a, b), 0)
        new = max(old, rung)
        reached[(a, b)] = new
        table.append((period, a, b, old, new))
    return joined, kinds, np.array(table, dtype=np.int64).reshape(-1, 5)


def walk_arguments(joined, kinds, table) -> dict:
    """The keywords of :func:`walk_figures` for a walk of :func:`random_walk`."""
    return dict(
        joined=joined,
        kinds=kinds,
        period=table[:, 0],
        a=table[:, 1],
        b=table[:, 2],
        old=table[:, 3],
        new=table[:, 4],
        ladder=LADDER,
    )


def expected(joined, kinds, table, periods):
    """The figures of each period's graph, recomputed from scratch with networkx."""
    out = []
    for number in range(periods):
        G = nx.Graph()
        G.add_nodes_from(np.flatnonzero(joined <= number).tolist())
        for period, a, b, _, new in table.tolist():
            if period <= number:
                G.add_edge(a, b, rung=new)
        focal = [p for p in G if kinds[p] == FOCAL]
        peers = G.subgraph(focal)
        largest = max(
            ((len(c), sum(kinds[p] == FOCAL for p in c)) for c in nx.connected_components(G)),
            default=(0, 0),
        )
        triangles = sum(nx.triangles(peers).values()) // 3
        triples = sum(d * (d - 1) // 2 for _, d in peers.degree())
        out.append(
            {
                "people": G.number_of_nodes(),
                "ties": G.number_of_edges(),
                "rung_delen": sum(1 for *_, r in G.edges(data="rung") if r == 3),
                "components": nx.number_connected_components(G),
                "largest": largest[1],
                "triangles": triangles,
                "triples": triples,
                "focal_alone": sum(1 for p in focal if G.degree(p) == 0),
                "peer_ge3": sum(
                    1 for p in focal if any(peers.edges[p, q]["rung"] >= 3 for q in peers[p])
                ),
            }
        )
    return out


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    people=st.integers(2, 25),
    ties=st.integers(0, 60),
    periods=st.integers(1, 5),
)
def test_the_figures_equal_networkx_every_period(seed, people, ties, periods):
    joined, kinds, table = random_walk(seed, people, ties, periods)
    figures, first_tie = walk_figures(periods, **walk_arguments(joined, kinds, table))
    for number, want in enumerate(expected(joined, kinds, table, periods)):
        focal = figures["focal"][number]
        assert figures["people"][number] == want["people"]
        assert figures["ties"][number] == want["ties"]
        assert figures["rung_delen"][number] == want["rung_delen"]
        assert figures["components"][number] == want["components"]
        assert figures["focal_alone"][number] == want["focal_alone"]
        assert figures["focal_peer_ge3"][number] == want["peer_ge3"]
        share = figures["largest_component_share"][number]
        assert (np.isnan(share) and not focal) or share == want["largest"] / focal
        transitivity = figures["peer_transitivity"][number]
        if want["triples"]:
            assert transitivity == 3 * want["triangles"] / want["triples"]
        else:
            assert np.isnan(transitivity)
    with_tie = set(table[table[:, 3] == 0][:, 1:3].ravel().tolist())
    assert {p for p in range(people) if first_tie[p] < periods} == with_tie


@pytest.mark.parametrize("size", [3, 4, 30])
def test_a_clique_ends_closed_dense_and_in_one_piece(size):
    pairs = [(a, b) for a in range(size) for b in range(a + 1, size)]
    periods = len(pairs)
    figures, _ = walk_figures(
        periods,
        joined=np.zeros(size, dtype=np.int64),
        kinds=np.full(size, FOCAL),
        period=np.arange(periods),
        a=np.array([a for a, _ in pairs], dtype=np.int64),
        b=np.array([b for _, b in pairs], dtype=np.int64),
        old=np.zeros(periods, dtype=np.int64),
        new=np.ones(periods, dtype=np.int64),
        ladder=LADDER,
    )
    assert figures["peer_transitivity"][-1] == 1.0 and figures["peer_density"][-1] == 1.0
    # the first size - 1 ties make a star around person 0, each joining one more person
    assert figures["components"].tolist() == [max(size - 1 - n, 1) for n in range(periods)]


@settings(max_examples=30, deadline=None)
@given(seconds=st.lists(st.integers(-3 * 10**9, 5 * 10**9), min_size=1, max_size=50))
def test_period_numbers_are_pandas_periods(seconds):
    import pandas as pd

    from contactladder.network.calendar import period_ordinals

    moments = pd.to_datetime(seconds, unit="s").to_numpy()
    for code in "DWMQY":
        expected = pd.PeriodIndex(pd.Series(moments).dt.to_period(code)).asi8
        assert period_ordinals(moments, code).tolist() == expected.tolist()


@settings(max_examples=60, deadline=None)
@given(
    rows=st.dictionaries(
        st.tuples(st.integers(0, 6), st.integers(0, 5)), st.integers(1, 5), max_size=40
    )
)
def test_each_rows_rung_reached_and_before_are_pandas_running_maxima(rows):
    import pandas as pd

    from contactladder.network.pair_rows import _reached_before

    keys = sorted(rows)  # one row a period and pair, in period order
    period = np.array([t for t, _ in keys], dtype=np.int64)
    pair = np.array([p for _, p in keys], dtype=np.int64)
    rung = np.array([rows[key] for key in keys], dtype=np.int64)
    reached = pd.Series(rung, dtype="int64").groupby(pair, sort=False).cummax()
    before = reached.groupby(pair, sort=False).shift(fill_value=0)
    got = _reached_before(period, pair, rung)
    assert got[0].tolist() == reached.tolist() and got[1].tolist() == before.tolist()


@settings(max_examples=60, deadline=None)
@given(size=st.integers(1, 40), edges=st.integers(0, 80), seed=st.integers(0, 10_000))
def test_each_nodes_root_is_the_lowest_node_of_its_networkx_component(size, edges, seed):
    rng = np.random.default_rng(seed)
    u, v = rng.integers(0, size, edges), rng.integers(0, size, edges)
    G = nx.Graph()
    G.add_nodes_from(range(size))
    G.add_edges_from(zip(u.tolist(), v.tolist()))
    lowest = {node: min(part) for part in nx.connected_components(G) for node in part}
    assert _roots(size, u, v).tolist() == [lowest[node] for node in range(size)]


@pytest.mark.parametrize("at_once", [1, 3, 50])
def test_triangles_counted_a_few_wedges_at_a_time_are_the_same(monkeypatch, at_once):
    arguments = walk_arguments(*random_walk(7, 40, 200, 4))
    whole, _ = walk_figures(4, **arguments)
    monkeypatch.setattr(growth_counts, "WEDGES_AT_ONCE", at_once)
    parts, _ = walk_figures(4, **arguments)
    np.testing.assert_array_equal(whole["peer_transitivity"], parts["peer_transitivity"])
    assert (whole["peer_transitivity"] > 0).any()


@pytest.mark.parametrize("at_once", [1, 2, 7])
def test_pair_rows_reached_a_few_rows_at_a_time_are_the_same(monkeypatch, at_once):
    from contactladder.network import pair_rows
    from contactladder.network.pair_rows import PairRows

    _, _, table = random_walk(11, 30, 150, 5)
    period, a, b, rung = table[:, 0], table[:, 1], table[:, 2], table[:, 4] - table[:, 3] % 2
    whole = PairRows(period, a, b, rung)
    monkeypatch.setattr(pair_rows, "ROWS_AT_ONCE", at_once)
    parts = PairRows(period, a, b, rung)
    assert parts.reached.tolist() == whole.reached.tolist()
    assert parts.before.tolist() == whole.before.tolist()
    assert (whole.before > 0).any() and (whole.reached > whole.before).any()
