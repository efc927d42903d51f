"""Who shares an activity with whom, as packed bits (contactladder.analysis.visit_bits), against
the visits compared one by one in plain Python on small random villages."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from contactladder.analysis.village_index import VillageIndex
from contactladder.analysis.visit_bits import BLOCK, VisitBits


def random_index(seed: int, people: int, days: int, times: bool):
    """A village of ``people`` with random visits over ``days`` (at random times of day when
    ``times``), those visits as {(person, activity): [moments]}, and the ``together`` window."""
    rng = np.random.default_rng(seed)
    names = [f"p{k:03d}" for k in range(people)]
    day = pd.Timestamp("2024-06-01")
    graph = nx.Graph()
    graph.add_nodes_from(names)
    for _ in range(people):
        a, b = rng.choice(names, size=2, replace=False)
        graph.add_edge(a, b, rung=1, last_contact=day)
    count = int(rng.integers(0, people * 6))
    start = pd.Timestamp("2024-01-01")
    offsets = rng.integers(0, days, size=count) * 86_400
    if times:
        offsets = offsets + rng.integers(0, 86_400, size=count)
    visits = pd.DataFrame(
        {
            "person": rng.choice([*names, "stranger"], size=count),
            "activity": rng.choice(["gym", "zang", "koffie"], size=count),
            "date": start + pd.to_timedelta(offsets, unit="s"),
        }
    )
    found: dict = {}
    for person, activity, date in visits.itertuples(index=False):
        found.setdefault((person, activity), []).append(date)
    together = pd.Timedelta(days=int(rng.integers(1, 40)))
    return VillageIndex.of(graph, visits, together), found, together


def plain_shared(index: VillageIndex, visits: dict, i: int, together: pd.Timedelta) -> list:
    """For everyone, the activities they share with person ``i``: one visit each within
    ``together`` of the other, compared one by one."""
    person = index.people[i]
    counts = []
    for other in index.people:
        shared = 0
        for activity in index.activities:
            mine, theirs = visits.get((person, activity), []), visits.get((other, activity), [])
            shared += any(abs(a - b) <= together for a in mine for b in theirs)
        counts.append(shared)
    return counts


@pytest.mark.parametrize("seed", range(8))
def test_bits_count_the_activities_shared_as_the_plain_way(seed):
    days = [5, 3 * BLOCK, 200, 700][seed % 4]
    index, visits, together = random_index(seed, int(10 + 9 * seed), days, times=seed % 2 == 1)
    everyone = np.arange(index.size)
    listed = everyone[::2]
    bits = VisitBits.of(index, listed)
    assert bits is not None
    for i in listed.tolist():
        rows = bits.shares(i)
        expected = plain_shared(index, visits, i, together)
        assert bits.all_counts(rows).tolist() == expected
        assert bits.counts(i, everyone[::3]).tolist() == expected[::3]
        assert bits.all_counts(rows).tolist() == index.shared_counts(i, everyone).tolist()
        assert len(rows) == index.activity_count(i) == bits.activity_count(i)
        full = [k for k, count in enumerate(expected) if count == len(rows)]
        assert bits.sharing_all(i).tolist() == full
        among = np.arange(index.size) % 3 != 1
        assert bits.sharing_all(i, bits.pack(among)).tolist() == [k for k in full if among[k]]


def test_pairs_counted_in_parts_as_at_once(monkeypatch):
    """pair_counts counts its pairs a part at a time: parts of any size give the plain way's
    counts, in the order of the pairs."""
    import contactladder.analysis.visit_bits as visit_bits

    index, visits, together = random_index(3, 40, 200, times=True)
    listed = np.arange(index.size)[::2]
    bits = VisitBits.of(index, listed)
    assert bits is not None
    rng = np.random.default_rng(5)
    owners = rng.choice(listed, size=100)
    members = rng.integers(0, index.size, size=100)
    plain = {i: plain_shared(index, visits, i, together) for i in set(owners.tolist())}
    expected = [plain[o][m] for o, m in zip(owners.tolist(), members.tolist())]
    for part in (1, 7, 100, 2**16):
        monkeypatch.setattr(visit_bits, "PAIRS_AT_ONCE", part)
        assert bits.pair_counts(owners, members).tolist() == expected
    assert bits.pair_counts(owners[:0], members[:0]).tolist() == []
