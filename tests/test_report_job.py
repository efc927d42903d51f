"""The report's job computes each table once, then renders, then writes."""

import html
import json
import re
from collections import Counter
from pathlib import Path

from helpers import embedded_data

import contactladder.jobs.report as report_job
from contactladder.network import LadderNetwork
from contactladder.render.map_groups import group_tables

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"


def test_each_table_is_computed_once_and_the_periods_walked_once_per_table(tmp_path, monkeypatch):
    calls: Counter = Counter()
    walks: Counter = Counter()

    def counted(name, function):
        def call(*args, **kwargs):
            calls[(name, kwargs.get("by"))] += 1
            return function(*args, **kwargs)

        return call

    for name in ("growth", "transitions", "activity_yield", "weaving_stages_on_codes"):
        monkeypatch.setattr(report_job, name, counted(name, getattr(report_job, name)))
    periods, period_rows = LadderNetwork.periods, LadderNetwork.period_rows
    walking: list = []  # a walk of periods() counts once, not again for its period_rows()

    def walk(self, freq="month", **kwargs):
        walks[freq] += 1
        walking.append(freq)
        try:
            yield from periods(self, freq, **kwargs)
        finally:
            walking.pop()

    def rows(self, freq):  # a walk on the grouped arrays (the growth table's reached view)
        walks[freq] += 0 if walking else 1
        return period_rows(self, freq)

    monkeypatch.setattr(LadderNetwork, "periods", walk)
    monkeypatch.setattr(LadderNetwork, "period_rows", rows)
    net = LadderNetwork.from_path(DEMO)
    report_job.write_report(net, tmp_path, freq="quarter", by="wijk")
    assert calls == {
        ("growth", None): 1,
        ("growth", "wijk"): 1,
        ("transitions", None): 1,
        ("activity_yield", None): 1,
        ("weaving_stages_on_codes", None): 1,
    }
    # growth, growth by wijk, transitions, the weaving stages (on the grouped arrays), and the
    # timeline's own walk for who appears when.
    assert walks == {"quarter": 5}


def test_a_report_by_tie_type_has_a_row_per_type_and_period(tmp_path):
    import pandas as pd

    from contactladder.analysis.growth import growth

    net = LadderNetwork.from_path(Path(__file__).parents[1] / "data" / "zwolle-demo")
    report_job.write_report(net, tmp_path / "report", freq="quarter", by="tie_type")
    (written,) = (tmp_path / "report").glob("growth-by-tie-type*.csv")
    table = pd.read_csv(written, dtype={"period": str})
    assert set(table["group"]) == {
        "parent_parent",
        "parent_professional",
        "professional_professional",
    }
    expected = growth(net, freq="quarter", by="tie_type")
    assert table["ties"].astype(str).tolist() == expected["ties"].astype(str).tolist()


def test_the_maps_and_the_timeline_build_each_snapshot_once(tmp_path, monkeypatch):
    built: Counter = Counter()
    snapshot = LadderNetwork.snapshot

    def counted(self, as_of=None, **kwargs):
        built[self.cutoff(as_of, open_end=kwargs.get("open_end", False))] += 1
        return snapshot(self, as_of, **kwargs)

    monkeypatch.setattr(LadderNetwork, "snapshot", counted)
    net = LadderNetwork.from_path(DEMO)
    report_job.write_report(net, tmp_path, freq="quarter")
    # only the last day's (the whole history): the pictures of the first day and the day halfway
    # are made from the tables of ties (render.report_village), the timeline shares it
    assert sorted(built.values()) == [1]
    assert built[net.cutoff()] == 1


def test_a_report_after_a_map_reads_the_layout_kept_beside_the_data(tmp_path, monkeypatch):
    import contactladder.jobs.map_cache as map_cache
    from contactladder.jobs.common import Source
    from contactladder.jobs.maps import map_job

    laid_out: list = []
    layout_areas = map_cache.layout_areas
    monkeypatch.setattr(
        map_cache, "layout_areas", lambda G: laid_out.append(len(G)) or layout_areas(G)
    )
    data, out = tmp_path / "data", tmp_path / "out"
    data.mkdir()
    for name in ("people.csv", "contacts.csv"):
        (data / name).write_bytes((DEMO / name).read_bytes())
    map_job(Source(data), out / "map.html")
    first = report_job.report_job(Source(data), out / "a").paths[0].read_bytes()
    second = report_job.report_job(Source(data), out / "b", layout_cache=False).paths[0]
    assert len(laid_out) == 2  # the map's, and the report without the cache
    assert (data / map_cache.CACHE_FILE).exists()
    assert not list(out.rglob(map_cache.CACHE_FILE))  # never among the shared outputs
    assert first == second.read_bytes()


def test_the_snapshots_of_the_maps_are_emptied_when_they_are_done(tmp_path, monkeypatch):
    built: list = []
    snapshot = LadderNetwork.snapshot

    def kept(self, as_of=None, **kwargs):
        built.append(snapshot(self, as_of, **kwargs))
        return built[-1]

    monkeypatch.setattr(LadderNetwork, "snapshot", kept)
    report_job.write_report(LadderNetwork.from_path(DEMO), tmp_path, freq="quarter")
    assert len(built) == 1 and [len(G) for G in built] == [0]


def test_a_village_too_large_for_a_timeline_of_people_shows_its_groups(tmp_path, monkeypatch):
    """Beyond the people a timeline draws, the report's timeline is that of their groups; up
    to it, of the people."""

    def timeline_payload(page):
        frame = re.search(r'<iframe class="timeline"[^>]* srcdoc="([^"]*)"', page).group(1)
        return json.loads(embedded_data(html.unescape(frame)))

    net = LadderNetwork.from_path(DEMO)
    people = len(net.snapshot())
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", people - 1)
    page = report_job.write_report(net, tmp_path, freq="quarter", lang="en")[0]
    grouped = timeline_payload(page.read_text(encoding="utf-8"))
    groups, _ = group_tables(net.snapshot())
    assert grouped["grouped"] and len(grouped["nodes"]["x"]) == len(groups)
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", people)
    page = report_job.write_report(net, tmp_path / "drawn", freq="quarter", lang="en")[0]
    drawn = timeline_payload(page.read_text(encoding="utf-8"))
    assert not drawn["grouped"] and len(drawn["nodes"]["x"]) == people
