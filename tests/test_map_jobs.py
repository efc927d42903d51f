import json

import pytest
from click.testing import CliRunner
from helpers import VILLAGE_PEOPLE, embedded_data, map_village, write_village

from contactladder.cli import main
from contactladder.errors import ContactLadderError, UsageError
from contactladder.jobs.common import Source
from contactladder.jobs.maps import (
    map_job,
    timeline_job,
    write_map,
    write_map_files,
    write_timeline,
    write_timeline_files,
)
from contactladder.ladder import Ladder
from contactladder.network.ladder_network import LadderNetwork
from contactladder.render.map_groups import group_tables

LADDER = Ladder.default()
VILLAGE_SECRETS = [p[0] for p in VILLAGE_PEOPLE] + [p[2] for p in VILLAGE_PEOPLE]


def test_write_map_whole_and_utf8(tmp_path):
    path = write_map(map_village(), LADDER, tmp_path / "kaart.htm", title="Zwolle-Zuid — ‘t dorp")
    assert path == tmp_path / "kaart.htm"
    assert "Zwolle-Zuid — ‘t dorp" in path.read_bytes().decode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.htm"]
    write_map(map_village(), LADDER, path, title="Opnieuw")  # replaces
    assert "Opnieuw" in path.read_text(encoding="utf-8")


def test_write_map_makes_the_folder(tmp_path):
    path = write_map(map_village(), LADDER, tmp_path / "new" / "kaart.html", title="Zwolle")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_map_where_it_cannot(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ContactLadderError, match="cannot write"):
        write_map(map_village(), LADDER, tmp_path / "file" / "kaart.html", title="Zwolle")


def test_write_timeline_files(village_net, tmp_path):
    net = village_net()
    paths = write_timeline_files(net, tmp_path / "t" / "dorp.html", embed=True)
    assert [p.name for p in paths] == ["dorp.html", "dorp.embed.html"]
    snippet = paths[1].read_text(encoding="utf-8")
    assert snippet.startswith('<iframe src="dorp.html" title="Zwolle" ')
    assert 'loading="lazy" sandbox="allow-scripts"' in snippet
    with pytest.raises(UsageError, match="not an HTML file name"):
        write_timeline(net, tmp_path / "dorp.png")
    assert not (tmp_path / "dorp.png").exists()


def test_write_map_files_with_pictures_and_embed(village_net, tmp_path):
    net = village_net()
    paths = write_map_files(
        net, tmp_path / "kaart.html", png=True, svg=True, embed=True, min_rung="praten"
    )
    assert [p.name for p in paths] == ["kaart.html", "kaart.png", "kaart.svg", "kaart.embed.html"]
    assert paths[1].read_bytes().startswith(b"\x89PNG")
    svg = paths[2].read_text(encoding="utf-8")
    assert "<svg" in svg and ">Ouder 1</text>" in svg  # a small map carries its labels
    for secret in VILLAGE_SECRETS:
        assert secret not in svg
    first = {p.name: p.read_bytes() for p in paths}
    again = write_map_files(
        net, tmp_path / "kaart.html", png=True, svg=True, embed=True, min_rung="praten"
    )
    assert {p.name: p.read_bytes() for p in again} == first  # byte for byte
    page = paths[0].read_text(encoding="utf-8")
    assert json.loads(embedded_data(page))["min_level"] == 2
    with pytest.raises(UsageError, match="not an HTML file name"):
        write_map_files(net, tmp_path / "kaart.png")


# --- the jobs ---------------------------------------------------------------------------------


def test_map_job_result(village_net, tmp_path):
    result = map_job(village_net(), tmp_path / "kaart.html", embed=True, anonymize=False)
    assert [p.name for p in result.paths] == ["kaart.html", "kaart.embed.html"]
    assert result.text == result.paths[1].read_text(encoding="utf-8")
    assert result.text.startswith('<iframe src="kaart.html" title="Zwolle"')
    assert result.notes == [
        f"Note: {tmp_path / 'kaart.html'} shows names: for internal use only; do not share it."
    ]
    quiet = map_job(village_net(), tmp_path / "kaart.html")
    assert quiet.text == "" and quiet.notes == []


def test_jobs_check_the_file_name_before_reading(tmp_path):
    missing = Source(tmp_path / "no-such-folder")
    for job in (map_job, timeline_job):
        with pytest.raises(UsageError, match="not an HTML file name"):
            job(missing, tmp_path / "kaart.png")


def test_jobs_read_a_source(tmp_path):
    source = Source(write_village(tmp_path / "Zwolle"))
    result = timeline_job(source, tmp_path / "dorp.html", freq="quarter")
    assert result.paths == [tmp_path / "dorp.html"] and result.notes == []


@pytest.mark.parametrize("options, by_wijk", [({}, 1), ({"wijk": "Dieze"}, 1)])
def test_timeline_job_computes_growth_once(village_net, tmp_path, monkeypatch, options, by_wijk):
    import contactladder.analysis.growth as growth_module

    calls = []
    real = growth_module.growth

    def counted(net, **kw):
        calls.append(kw.get("by"))
        return real(net, **kw)

    monkeypatch.setattr(growth_module, "growth", counted)
    timeline_job(village_net(), tmp_path / "dorp.html", **options)
    assert sorted(calls, key=str) == sorted([None] + ["wijk"] * by_wijk, key=str)


# --- the commands -----------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_map_writes_page_pictures_and_embed(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "out" / "kaart.html"
    result = run(
        "map", data, "--png", "--svg", "--embed", "--as-of", "2024-03-31", "--lang", "en", "-o", out
    )
    assert result.exit_code == 0, result.output
    names = ["kaart.html", "kaart.png", "kaart.svg", "kaart.embed.html"]
    assert result.output.splitlines()[:4] == [str(out.with_name(n)) for n in names]
    assert result.output.splitlines()[4].startswith('<iframe src="kaart.html" title="Zwolle"')
    page = out.read_text(encoding="utf-8")
    assert "As of 31 March 2024" in page
    for secret in VILLAGE_SECRETS:
        assert secret not in page


def test_cli_map_focus_and_names_say_so(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "gesprek.html"
    result = run("map", data, "--focus", "ID-9c1d-bram", "--names", "-o", out)
    assert result.exit_code == 0, result.output
    assert "shows names: for internal use only" in result.output
    assert "Bramwell Oosterhof" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["-o", "{tmp}/kaart.png"],
            "Error: not an HTML file name '{tmp}/kaart.png'; end the file name in .html\n",
        ),
        (["--wijk", "Atlantis"], "Error: unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen\n"),
        (
            ["--focus", "ID-0000-nobody"],
            "Error: unknown person 'ID-0000-nobody'; give an id from the people file\n",
        ),
        (
            ["--min-rung", "vrienden"],
            "Error: unknown rung 'vrienden'; use a level 1-5, a key "
            "(kennen, praten, delen, helpen, steunen) or a label of the "
            "default ladder\n",
        ),
    ],
)
def test_cli_map_errors(tmp_path, args, message):
    data = write_village(tmp_path / "Zwolle")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "kaart.html")]
    result = run("map", data, *args)
    assert result.exit_code == 1
    assert result.output == message.replace("{tmp}", str(tmp_path))
    assert not (tmp_path / "kaart.html").exists() and not (tmp_path / "kaart.png").exists()


def test_cli_timeline(tmp_path):
    data = write_village(tmp_path / "Zwolle")
    out = tmp_path / "dorp.html"
    result = run(
        "timeline",
        data,
        "--period",
        "quarter",
        "--wijk",
        "Dieze",
        "--min-rung",
        "2",
        "--embed",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [str(out), str(tmp_path / "dorp.embed.html")]
    data_block = json.loads(embedded_data(out.read_text(encoding="utf-8")))
    assert data_block["title"] == "Zwolle — Dieze" and data_block["min_level"] == 2
    assert data_block["steps"]["label"] == ["2024Q1", "2024Q2"]


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["-o", "{tmp}/dorp.txt"],
            "Error: not an HTML file name '{tmp}/dorp.txt'; end the file name in .html\n",
        ),
        (["--wijk", "Atlantis"], "Error: unknown wijk 'Atlantis'; use one of: Dieze, Stadshagen\n"),
    ],
)
def test_cli_timeline_errors(tmp_path, args, message):
    data = write_village(tmp_path / "Zwolle")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(
        "timeline", data, *args, *([] if "-o" in args else ["-o", str(tmp_path / "dorp.html")])
    )
    assert result.exit_code == 1
    assert result.output == message.replace("{tmp}", str(tmp_path))
    assert not (tmp_path / "dorp.html").exists()


def test_cli_timeline_of_everyone_beyond_what_a_page_draws(tmp_path, monkeypatch):
    """Beyond the people a page draws, a timeline of every person (``--aggregate people``) is
    one clear error before the growth is counted, and nothing is written; one wijk of fewer
    people is drawn."""
    import contactladder.analysis.growth as growth_module

    data, out = write_village(tmp_path / "Zwolle"), tmp_path / "dorp.html"
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", 8)
    monkeypatch.setattr(growth_module, "growth", lambda *a, **k: pytest.fail("growth counted"))
    result = run("timeline", data, "--aggregate", "people", "-o", out)
    assert result.exit_code == 1
    assert result.output == (
        "Error: too many people for a timeline '9 people'; a timeline draws at most 8: give "
        "--wijk to draw one wijk, or --aggregate groups to draw them grouped\n"
    )
    assert not out.exists()
    monkeypatch.undo()
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", 3)  # Dieze has 4
    result = run("timeline", data, "--wijk", "dieze", "--aggregate", "people", "-o", out)
    assert result.exit_code == 1 and "'4 people'" in result.output and not out.exists()
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", 4)
    assert run("timeline", data, "--wijk", "dieze", "-o", out).exit_code == 0
    assert out.exists()


def test_cli_timeline_beyond_what_a_page_draws_shows_groups(tmp_path, monkeypatch):
    """By default a timeline of more people than a page draws shows the groups of the grouped
    map; its current view is one clear error."""
    data, out = write_village(tmp_path / "Zwolle"), tmp_path / "dorp.html"
    monkeypatch.setattr("contactladder.render.map_groups.AGGREGATE_ABOVE", 8)
    result = run("timeline", data, "-o", out)
    assert result.exit_code == 0, result.output
    payload = json.loads(embedded_data(out.read_text(encoding="utf-8")))
    people, _ = group_tables(LadderNetwork.from_path(data).snapshot())
    assert payload["grouped"] and len(payload["nodes"]["x"]) == len(people)
    assert run("timeline", data, "--aggregate", "people", "-o", out).exit_code == 1
    result = run("timeline", data, "--view", "current", "-o", tmp_path / "current.html")
    assert result.exit_code == 1 and not (tmp_path / "current.html").exists()
    assert result.output == (
        "Error: a grouped timeline shows the reached view only 'current'; leave out --view, "
        "or draw people with --aggregate people (at most 8: give --wijk for one wijk of more)\n"
    )


def test_cli_timeline_default_output(tmp_path, monkeypatch):
    data = write_village(tmp_path / "Zwolle")
    monkeypatch.chdir(tmp_path)
    result = run("timeline", data)
    assert result.exit_code == 0, result.output
    assert result.output == "outputs/timeline.html\n"
    assert (tmp_path / "outputs" / "timeline.html").exists()


@pytest.mark.parametrize("job", [map_job, timeline_job])
def test_the_legend_option_reaches_the_page(village_net, tmp_path, job):
    result = job(village_net(), tmp_path / "kaart.html", legend="closed")
    page = result.paths[0].read_text(encoding="utf-8")
    assert json.loads(embedded_data(page))["legend"] == "closed"
    with pytest.raises(UsageError, match="unknown legend setting"):
        job(village_net(), tmp_path / "kaart.html", legend="half")


def test_a_map_and_its_pictures_are_replaced_as_a_set(village_net, tmp_path, monkeypatch):
    net = village_net()
    out = tmp_path / "out" / "kaart.html"
    map_job(net, out, png=True, embed=True)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}

    def broken(data, form):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("contactladder.render.static_map.map_picture", broken)
    with pytest.raises(ContactLadderError, match="No space left"):
        map_job(net, out, png=True, embed=True, lang="en")
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before


def test_a_map_with_names_is_private(village_net, tmp_path):
    paths = map_job(village_net(), tmp_path / "namen.html", anonymize=False, svg=True).paths
    assert [oct(p.stat().st_mode & 0o777) for p in paths] == ["0o600", "0o600"]


def test_cli_map_and_timeline_take_the_current_view(tmp_path):
    import pandas as pd
    from helpers import VILLAGE_CONTACTS

    folder = write_village(tmp_path / "dorp")
    page = tmp_path / "map.html"
    common = ["--view", "current", "--lapse", "30d", "--lang", "en"]
    map_args = ["map", str(folder), "--as-of", "2024-04-20", *common, "-o", str(page)]
    result = CliRunner().invoke(main, map_args)
    assert result.exit_code == 0, result.output
    data = json.loads(embedded_data(page.read_text(encoding="utf-8")))
    contacts = pd.DataFrame(VILLAGE_CONTACTS, columns=["date", "a", "b", "rung", "activity"])
    dates = pd.to_datetime(contacts["date"])
    moment = pd.Timestamp("2024-04-21")  # the end of as_of
    recent = contacts[(dates >= moment - pd.Timedelta(days=30)) & (dates < moment)]
    assert sorted(data["edges"]["level"]) == sorted(recent["rung"].tolist())  # one each
    assert "Ties with a contact in the last 30d" in data["subtitle"]
    timeline = tmp_path / "timeline.html"
    result = CliRunner().invoke(main, ["timeline", str(folder), *common, "-o", str(timeline)])
    assert result.exit_code == 0, result.output
    data = json.loads(embedded_data(timeline.read_text(encoding="utf-8")))
    assert data["view"] == "current" and "ended_ties" in data["counters"]["columns"]
    result = CliRunner().invoke(main, ["timeline", str(folder), "--view", "active"])
    assert result.exit_code == 2 and "'active' is not one of 'reached', 'current'" in result.output


def test_jobs_pause_the_garbage_collector_and_turn_it_back_on(tmp_path):
    import gc

    from contactladder.jobs.paused_gc import collection_paused, paused_collection

    seen = []
    collection_paused(lambda: seen.append(gc.isenabled()))()
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with paused_collection():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    with pytest.raises(ZeroDivisionError), paused_collection():
        raise ZeroDivisionError
    assert gc.isenabled()
    assert map_job.__name__ == "map_job" and "map page" in (map_job.__doc__ or "")
