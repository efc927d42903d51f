import random

import networkx as nx
import pandas as pd
import pytest

import contactladder.render.map_groups as map_groups
from contactladder.errors import UsageError
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.map_groups import aggregate_option, group_tables, shows_groups
from contactladder.render.network_map import network_map_data
from contactladder.render.payload_schema import check_payload

WIJKEN = ("Dieze", "Stadshagen", "Zwolle-Zuid")
ORGANISATIONS = ("GGD", "Welzijn")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A seeded village: parents and professionals in three wijken (some without a wijk), a few
    parents without any tie."""
    rng = random.Random(5)
    folder = tmp_path_factory.mktemp("village")
    people = []
    for i in range(240):
        professional = i % 9 == 0
        people.append(
            {
                "id": f"p{i:03d}",
                "role": "professional" if professional else "parent",
                "wijk": WIJKEN[i % 3] if i % 17 else "",
                "organisation": rng.choice(ORGANISATIONS) if professional else "",
            }
        )
    pd.DataFrame(people).to_csv(folder / "people.csv", index=False)
    ids = [p["id"] for p in people][:-12]  # the last twelve have no contact
    rows = []
    for _ in range(700):
        a, b = rng.sample(ids, 2)
        day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=rng.randrange(300))
        rows.append((day.strftime("%Y-%m-%d"), a, b, rng.randint(1, 5)))
    pd.DataFrame(rows, columns=["date", "person_a", "person_b", "rung"]).to_csv(
        folder / "contacts.csv", index=False
    )
    return folder


def naive_groups(folder):
    """The groups counted with pandas from the files, independently of the network."""
    people = pd.read_csv(folder / "people.csv", keep_default_na=False)
    contacts = pd.read_csv(folder / "contacts.csv")
    people["key"] = list(zip(people["wijk"], people["role"], people["organisation"]))
    group = dict(zip(people["id"], people["key"]))
    pairs = contacts.apply(lambda r: tuple(sorted((r.person_a, r.person_b))), axis=1)
    ties = contacts.assign(pair=pairs).groupby("pair")["rung"].max()
    tied = {p for pair in ties.index for p in pair}
    people["alone"] = (people["role"] == "parent") & ~people["id"].isin(tied)
    counts = people.groupby("key").agg(
        people=("id", "size"),
        focal=("role", lambda r: int((r == "parent").sum())),
        focal_alone=("alone", "sum"),
    )
    inside, between, rung = {}, {}, {}
    for (a, b), level in ties.items():
        ga, gb = sorted((group[a], group[b]))
        if ga == gb:
            inside[ga] = inside.get(ga, 0) + 1
        else:
            between[ga, gb] = between.get((ga, gb), 0) + 1
            rung[ga, gb] = max(rung.get((ga, gb), 0), level)
    counts["ties"] = [inside.get(key, 0) for key in counts.index]
    return counts, between, rung


def test_group_counts_equal_an_independent_count(folder):
    net = LadderNetwork.from_path(folder)
    people, ties = group_tables(net.snapshot())
    counts, between, rung = naive_groups(folder)
    keys = list(zip(people["wijk"], people["role"], people["organisation"]))
    assert sorted(keys) == sorted(counts.index)
    for column in ("people", "focal", "focal_alone", "ties"):
        assert dict(zip(keys, people[column])) == counts[column].to_dict()
    found = {(keys[a], keys[b]): n for a, b, n in zip(ties["a"], ties["b"], ties["ties"])}
    assert found == between
    assert {(keys[a], keys[b]): r for a, b, r in zip(ties["a"], ties["b"], ties["rung"])} == rung


def test_the_grouped_payload(folder):
    net = LadderNetwork.from_path(folder)
    people, ties = group_tables(net.snapshot())
    data = network_map_data(net, aggregate="groups", lang="en", anonymize=False)
    check_payload(data, "map")
    assert len(data["nodes"]["x"]) == len(people)
    assert sorted(data["edges"]["contacts"]) == sorted(ties["ties"])
    assert data["subtitle"].endswith(f"240 people in {len(people)} groups")
    assert "Grouped by wijk and organisation" in data["subtitle"]
    assert any(label.startswith("No wijk · Parents: ") for label in data["nodes"]["label"])
    assert data["text"]["contacts"] == "Ties between the groups"
    dutch = network_map_data(net, aggregate="groups", anonymize=False)
    assert dutch["subtitle"].endswith(f"240 personen in {len(people)} groepen")


def test_anonymised_groups_mask_small_counts(folder):
    net = LadderNetwork.from_path(folder)
    people, ties = group_tables(net.snapshot())
    data = network_map_data(net, aggregate="groups", lang="en")
    labels = " ".join(data["nodes"]["label"])
    assert "<5 people" in labels
    small = [n for n in people["people"] if 0 < n < 5]
    assert small and not any(f": {n} people" in labels for n in small)
    assert min(data["edges"]["contacts"], default=5) >= 5
    assert len(data["edges"]["a"]) == int((ties["ties"] >= 5).sum())
    assert len(set(data["nodes"]["size"])) < len(people)  # sizes are coarse steps


def test_auto_groups_beyond_the_documented_size(folder, monkeypatch):
    net = LadderNetwork.from_path(folder)
    assert not shows_groups(net.snapshot())
    assert len(network_map_data(net)["nodes"]["x"]) == 240
    monkeypatch.setattr(map_groups, "AGGREGATE_ABOVE", 100)
    assert len(network_map_data(net)["nodes"]["x"]) < 30
    assert len(network_map_data(net, aggregate="people")["nodes"]["x"]) == 240
    focus = network_map_data(net, focus="p001", aggregate="groups", as_of="2024-12-31")
    assert "Grouped" not in focus["subtitle"]  # one person's network: people


def test_aggregate_option():
    assert aggregate_option("AUTO") == "auto"
    with pytest.raises(UsageError, match="unknown aggregate setting 'some'"):
        aggregate_option("some")
    assert shows_groups(nx.empty_graph(3), "groups")
