"""The RSiena/statnet export: matrices per wave with the missing code, covariates, the set."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from contactladder.errors import UsageError
from contactladder.io.rsiena import rsiena_panel, write_rsiena
from contactladder.network import LadderNetwork

# (respondent, alter, rung, wave); cem did not take part in wave 2, dirk never named anyone.
REPORTS = [
    ("ann", "bo", 3, "1"),
    ("bo", "ann", 2, "1"),
    ("cem", "ann", 1, "1"),
    ("ann", "bo", 1, "2"),
    ("ann", "cem", 4, "2"),
]
PEOPLE = "id,role,wijk,responded\nann,parent,Dieze,1;2\nbo,parent,Assendorp,1;2\n"
PEOPLE += "cem,professional,,1\ndirk,parent,Dieze,1;2\n"
DATES = {"1": "2024-01-15", "2": "2024-06-01"}


@pytest.fixture
def net(tmp_path) -> LadderNetwork:
    folder = tmp_path / "panel"
    folder.mkdir()
    pd.DataFrame(REPORTS, columns=["respondent", "alter", "rung", "wave"]).to_csv(
        folder / "contacts.csv", index=False
    )
    (folder / "people.csv").write_text(PEOPLE)
    return LadderNetwork.from_path(folder, wave_dates=DATES)


def by_id(panel) -> dict:
    """wave -> {(reporter, alter): value} for every cell, by the exported ids."""
    return {
        wave: {
            (a, b): int(matrix[i, j])
            for i, a in enumerate(panel.actors)
            for j, b in enumerate(panel.actors)
        }
        for wave, matrix in zip(panel.waves, panel.matrices)
    }


def test_cells_are_directed_reports_and_missing_rows(net):
    panel = rsiena_panel(net, anonymize=False)
    assert panel.actors == ["ann", "bo", "cem", "dirk"] and panel.waves == ["1", "2"]
    cells = by_id(panel)
    reported = {(a, b, w): r for a, b, r, w in REPORTS}
    for wave, values in cells.items():
        for (a, b), value in values.items():
            if a == b:
                assert value == 0
            elif a == "cem" and wave == "2":
                assert value == 9, (a, b)  # cem did not take part in wave 2
            else:
                assert value == reported.get((a, b, wave), 0), (a, b, wave)
    assert panel.absent == [0, 1]


def test_anonymised_rows_follow_the_opaque_ids(net):
    panel = rsiena_panel(net)
    assert panel.actors == [f"n{k}" for k in range(1, 5)]
    opaque = net.opaque_ids()
    named = by_id(rsiena_panel(net, anonymize=False))
    for wave, values in by_id(panel).items():
        assert values == {(opaque[a], opaque[b]): v for (a, b), v in named[wave].items()}


def test_the_written_set(net, tmp_path):
    folder = tmp_path / "siena"
    (folder).mkdir()
    (folder / "wave-7.dat").write_text("old\n")  # an earlier export with more waves
    (folder / "notes.txt").write_text("mine\n")
    paths = write_rsiena(net, folder, missing=99, anonymize=False)
    assert [p.name for p in paths] == [
        "wave-1.dat",
        "wave-2.dat",
        "covariates.dat",
        "covariates-legend.txt",
        "actors.txt",
        "README.txt",
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [p.name for p in paths] + ["notes.txt"]
    )
    wave2 = np.loadtxt(folder / "wave-2.dat", dtype=int)
    assert wave2[2].tolist() == [99, 99, 0, 99]
    covariates = np.loadtxt(folder / "covariates.dat", dtype=int)
    # role: parent 1, professional 2; wijk: Assendorp 1, Dieze 2, empty the missing code
    assert covariates.tolist() == [[1, 2], [1, 1], [2, 99], [1, 2]]
    legend = (folder / "covariates-legend.txt").read_text()
    assert "1 = parent\n  2 = professional" in legend and "1 = Assendorp\n  2 = Dieze" in legend
    readme = (folder / "README.txt").read_text()
    assert "wave-2.dat: wave 2, 3 took part, 1 missing" in readme
    assert "a[a == 99] <- NA" in readme and "personal data" in readme.lower()
    assert stat.S_IMODE((folder / "actors.txt").stat().st_mode) == 0o600


@pytest.mark.parametrize("code", [0, 3])
def test_a_missing_code_that_is_a_value(net, tmp_path, code):
    with pytest.raises(UsageError, match="missing"):
        write_rsiena(net, tmp_path / "out", missing=code)
    assert not Path(tmp_path / "out").exists()


def test_export_writes_the_rsiena_folder_from_the_command_line(tmp_path):
    from click.testing import CliRunner

    from contactladder.cli import main

    folder = tmp_path / "panel"
    folder.mkdir()
    pd.DataFrame(REPORTS, columns=["respondent", "alter", "rung", "wave"]).to_csv(
        folder / "contacts.csv", index=False
    )
    (folder / "people.csv").write_text(PEOPLE)
    dates = [f"--wave-date={wave}={date}" for wave, date in DATES.items()]
    out = tmp_path / "siena"
    args = ["export", str(folder), *dates, "--format", "rsiena", "--missing-code", "99"]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    net = LadderNetwork.from_path(folder, wave_dates=DATES)
    panel = rsiena_panel(net, missing=99)
    for k, matrix in enumerate(panel.matrices, start=1):
        assert np.array_equal(np.loadtxt(out / f"wave-{k}.dat", ndmin=2), matrix)
    cem = panel.actors.index(net.opaque_ids()["cem"])  # cem missed wave 2: a row of 99
    row = np.loadtxt(out / "wave-2.dat")[cem]
    assert set(np.delete(row, cem)) == {99} and row[cem] == 0
    refused = CliRunner().invoke(main, [*args, "-o", "-"])
    assert refused.exit_code == 1 and "give -o a folder" in refused.output


def test_a_panel_beyond_the_cells_it_writes_is_one_clear_error(net, tmp_path, monkeypatch):
    import contactladder.io.rsiena as rsiena

    monkeypatch.setattr(rsiena, "MAX_PANEL_CELLS", 8)
    with pytest.raises(UsageError, match=r"waves of \d+ people is \d+ matrix cells") as caught:
        write_rsiena(net, tmp_path / "out")
    assert "wave_dates" in str(caught.value)
    assert not Path(tmp_path / "out").exists()
