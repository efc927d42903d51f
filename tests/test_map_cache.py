import json
import stat

import networkx as nx
import pandas as pd
import pytest
from helpers import RANDOM_CASES, RANDOM_IDS, random_data, write_village

import contactladder.jobs.map_cache as map_cache
from contactladder.jobs.common import Source
from contactladder.jobs.map_cache import CACHE_FILE, cache_folder, cached_layout
from contactladder.jobs.maps import map_job, timeline_job
from contactladder.network import LadderNetwork
from contactladder.render.layout import (
    layout_areas,
    layout_digest,
    layout_order,
    network_layout_key,
)


def village(ties=(("a", "b"), ("b", "c"), ("c", "d"))):
    G = nx.Graph(list(ties))
    for node in G:
        G.nodes[node]["wijk"] = "Dieze" if node < "c" else "Zuid"
    return G


@pytest.fixture
def counted(monkeypatch):
    """Counts the layouts computed through the cache."""
    calls = []

    def counting(G, **options):
        calls.append(len(G))
        return layout_areas(G, **options)

    monkeypatch.setattr(map_cache, "layout_areas", counting)
    return calls


def test_second_layout_is_read_not_computed(tmp_path, counted):
    first = cached_layout(village(), tmp_path)
    second = cached_layout(village(), tmp_path)
    assert counted == [4]
    assert first == second == layout_areas(village())


def test_changed_data_give_a_new_layout(tmp_path, counted):
    cached_layout(village(), tmp_path)
    more = village((("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")))
    assert cached_layout(more, tmp_path) == layout_areas(more)
    moved = village()
    moved.nodes["a"]["wijk"] = "Zuid"
    assert cached_layout(moved, tmp_path) == layout_areas(moved)
    assert cached_layout(village(), tmp_path, seed=3) == layout_areas(village(), seed=3)
    assert counted == [4, 4, 4, 4]
    assert json.loads((tmp_path / CACHE_FILE).read_text())["digest"] == layout_digest(
        village(), seed=3
    )


def test_the_file_is_private_and_says_it_holds_personal_data(tmp_path):
    path = tmp_path / CACHE_FILE
    path.write_text("{}")  # a foreign file, readable by everyone
    path.chmod(0o644)
    cached_layout(village(), tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "personal-data" in path.name
    assert path.read_text().startswith('{"notice": "Holds personal data')


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"kind": "other"}', "\x00\xff"])
def test_a_corrupt_or_foreign_file_is_ignored_and_rewritten(tmp_path, counted, text):
    (tmp_path / CACHE_FILE).write_text(text, encoding="latin-1")
    assert cached_layout(village(), tmp_path) == layout_areas(village())
    assert cached_layout(village(), tmp_path) == layout_areas(village())
    assert counted == [4]


def test_a_cache_of_another_length_is_not_used(tmp_path, counted):
    cached_layout(village(), tmp_path)
    path = tmp_path / CACHE_FILE
    record = json.loads(path.read_text())
    record["x"] = record["x"][:-1]
    path.write_text(json.dumps(record))
    assert cached_layout(village(), tmp_path) == layout_areas(village())
    assert counted == [4, 4]


def test_a_folder_that_cannot_be_written_to_means_no_cache(tmp_path, counted):
    missing = tmp_path / "file"
    missing.write_text("not a folder")
    assert cached_layout(village(), missing) == layout_areas(village())
    assert counted == [4]


def test_the_cache_lives_beside_the_data(tmp_path):
    data = write_village(tmp_path / "data")
    assert cache_folder(Source(data)) == data
    assert cache_folder(Source(data / "contacts.csv")) == data
    assert cache_folder(Source(data), False) is None
    assert cache_folder(Source(data), tmp_path / "elsewhere") == tmp_path / "elsewhere"
    assert cache_folder(object()) is None  # a network given as it is: no cache


def test_second_map_and_timeline_do_not_lay_out_again(tmp_path, counted):
    data = write_village(tmp_path / "data")
    out = tmp_path / "out"
    first = map_job(Source(data), out / "a.html").paths[0].read_text()
    second = map_job(Source(data), out / "b.html").paths[0].read_text()
    timeline_job(Source(data), out / "t.html")
    assert counted == [len(counted) and counted[0]]  # one layout for all three
    assert first == second
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html", "t.html"]
    assert (data / CACHE_FILE).exists()  # beside the data, not among the shared outputs
    map_job(Source(data), out / "c.html", layout_cache=False)
    assert len(counted) == 2


@pytest.mark.parametrize("case", RANDOM_CASES, ids=RANDOM_IDS)
def test_a_networks_key_is_that_of_its_graph_at_the_end(tmp_path, case):
    """People who joined after the last contact are left out, as in the snapshot; people
    without a contact or a wijk are in; each tie counts once, whatever its contacts."""
    random_data(tmp_path, **case)
    net = LadderNetwork.from_path(tmp_path)
    final = net.snapshot()
    assert network_layout_key(net) == (layout_digest(final), layout_order(final))
    for options in ({"group": None}, {"group": "role", "seed": 2, "niter": 30}):
        assert network_layout_key(net, **options)[0] == layout_digest(final, **options)
    people = pd.read_csv(tmp_path / "people.csv").drop(columns="wijk")  # no wijk: all empty
    people.to_csv(tmp_path / "people.csv", index=False)
    net = LadderNetwork.from_path(tmp_path)
    final = net.snapshot()
    assert network_layout_key(net)[0] == layout_digest(final) != layout_digest(final, group=None)


def test_a_map_of_an_earlier_day_takes_the_cache_without_the_graph_of_the_end(
    tmp_path, counted, monkeypatch
):
    data = write_village(tmp_path / "data")
    out = tmp_path / "out"
    map_job(Source(data), out / "a.html")
    built = []
    snapshot = LadderNetwork.snapshot

    def recorded(self, as_of=None, **options):
        built.append(as_of)
        return snapshot(self, as_of, **options)

    monkeypatch.setattr(LadderNetwork, "snapshot", recorded)
    day = str(LadderNetwork.from_path(data).start.date() + pd.Timedelta(days=40))
    cached = map_job(Source(data), out / "b.html", as_of=day).paths[0].read_text()
    assert built == [day] and len(counted) == 1  # the day's graph only; no new layout
    fresh = map_job(Source(data), out / "c.html", as_of=day, layout_cache=False)
    assert cached == fresh.paths[0].read_text()  # the positions of a fresh layout
    assert len(counted) == 2 and built[1:] == [day, None]  # a fresh layout, of the end
