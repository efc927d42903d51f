"""A panel for RSiena and statnet: one adjacency matrix per wave and a covariate table.

:func:`write_rsiena` writes a folder of plain text files in the layout RSiena's
``sienaDependent`` reads (space-separated matrices, as the ``s50-network1.dat`` it ships):

- ``wave-1.dat``, ``wave-2.dat``, ...: one per wave, in the waves' order (see
  :mod:`contactladder.network.waves`); one row and one column per person, the same people in the
  same order in every file. Row *i*, column *j* is the rung (its level, 1, 2, ...) that *i*
  reported about *j* in that wave, 0 for no report. Contacts with a ``reporter`` keep their
  direction; contacts without one (undirected data) count in both directions, so the matrix is
  symmetric. The row of a person who did not take part in the wave (or was not yet present) is
  the missing code (``missing``, 9 unless given) in every column but their own (0).
- ``covariates.dat``: one row per person in the same order, the columns ``role`` and ``wijk`` as
  codes 1, 2, ... (the values in alphabetical order; an empty wijk has the missing code);
  ``covariates-legend.txt`` says what each code is.
- ``actors.txt``: the row number and the id of each person: opaque ids (``n1``, ``n2``, ...,
  the rows in that order) by default, the data's own ids with ``anonymize=False`` (rows in id
  order; the folder is then readable by its owner only).
- ``README.txt``: the waves (name, file, people who took part, missing), the codes, and an R
  snippet that reads the set.

The folder is written as one set (:func:`~contactladder.io.files.output_set`): all files or
none; wave files of an earlier export with more waves go.

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> from contactladder.ladder import Ladder
>>> from contactladder.loading import Dataset
>>> from contactladder.network import LadderNetwork
>>> contacts = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-06-01"]),
...     "person_a": "ann", "person_b": "bo", "rung": [3, 1], "activity": "", "wijk": "",
...     "note": "", "source": "", "reporter": "ann", "wave": ["1", "2"]})
>>> people = pd.DataFrame({"role": "parent", "name": "", "organisation": "", "wijk": "",
...     "joined": pd.NaT, "responded": ["1;2", "1"]}, index=pd.Index(["ann", "bo"], name="id"))
>>> net = LadderNetwork(Dataset(contacts, people, Ladder.default(), "panel"))
>>> scratch = tempfile.TemporaryDirectory()
>>> paths = write_rsiena(net, pathlib.Path(scratch.name) / "siena", anonymize=False)
>>> [path.name for path in paths]  # doctest: +NORMALIZE_WHITESPACE
['wave-1.dat', 'wave-2.dat', 'covariates.dat', 'covariates-legend.txt', 'actors.txt',
 'README.txt']
>>> print(paths[1].read_text(), end="")
0 1
9 0
>>> scratch.cleanup()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_text
from contactladder.network.calendar import WAVE
from contactladder.network.ladder_network import LadderNetwork
from contactladder.network.waves import RESPONDED, wave_reports
from contactladder.privacy import personal_data_notice

__all__ = [
    "write_rsiena",
    "rsiena_panel",
    "Panel",
    "COVARIATES",
    "DEFAULT_MISSING",
    "MAX_PANEL_CELLS",
]

#: The people columns of the covariate table, in order.
COVARIATES = ("role", "wijk")
#: The code of a missing value (a non-respondent's row, an empty covariate).
DEFAULT_MISSING = 9
#: The most matrix cells (waves x people x people) a panel is made of: 100 million, e.g. 4
#: waves of 5,000 people. RSiena models a few waves of tens to a few thousand people; a data
#: set of daily contacts among 50,000 people would be terabytes of matrices.
MAX_PANEL_CELLS = 100_000_000


@dataclass(frozen=True)
class Panel:
    """The panel as arrays (:func:`rsiena_panel`).

    Attributes
    ----------
    actors : list of str
        The people, in the rows' order, by their exported ids.
    waves : list of str
        The waves' names, in order.
    matrices : ndarray
        ``matrices[k, i, j]`` is the rung ``actors[i]`` reported about ``actors[j]`` in wave
        ``waves[k]`` (0: none; the missing code in the row of someone who did not take part).
    absent : list of int
        Per wave, the people whose row is missing (did not take part, or not yet present).
    """

    actors: list[str]
    waves: list[str]
    matrices: np.ndarray
    absent: list[int]


def rsiena_panel(
    net: LadderNetwork, *, missing: int = DEFAULT_MISSING, anonymize: bool = True
) -> Panel:
    """The panel :func:`write_rsiena` writes, as arrays (see the module docstring).

    Raises
    ------
    UsageError
        When ``missing`` is 0 or a rung's level, or the network has no contacts; when the
        panel would be more than :data:`MAX_PANEL_CELLS` matrix cells (before any is made).
    """
    levels = {rung.level for rung in net.ladder}
    if missing == 0 or missing in levels:
        raise UsageError(
            "the missing code is 0 or a rung's level",
            value=missing,
            hint="give {missing} another number, such as 9 or 99",
        )
    if not net.has_contacts:
        raise UsageError("no contacts, so no waves to export")
    people = _actors(net, anonymize)
    row = {person: number for number, person in enumerate(people)}
    steps = list(net.periods(WAVE, graph=False))
    cells = len(steps) * len(people) ** 2
    if cells > MAX_PANEL_CELLS:
        raise UsageError(
            f"an RSiena panel of {len(steps)} waves of {len(people)} people is {cells} matrix "
            f"cells, more than the {MAX_PANEL_CELLS} written at most",
            hint="RSiena models a few survey waves: give the contacts a wave column, "
            "or {wave_dates}",
        )
    matrices = np.zeros((len(steps), len(people), len(people)), dtype=np.int64)
    reports = wave_reports(net)
    matrices[
        reports["wave"].to_numpy(),
        reports["reporter"].map(row).to_numpy(),
        reports["alter"].map(row).to_numpy(),
    ] = reports["rung"].to_numpy()
    present: set = set()
    absent_counts = []
    for number, step in enumerate(steps):
        present.update(step.joined)
        away = set(step.missing)
        absent = [row[p] for p in people if p not in present or p in away]
        matrices[number, absent, :] = missing
        matrices[number, absent, absent] = 0
        absent_counts.append(len(absent))
    names = net.opaque_ids() if anonymize else {p: str(p) for p in people}
    return Panel(
        [names[p] for p in people], [step.label for step in steps], matrices, absent_counts
    )


def write_rsiena(
    net: LadderNetwork,
    folder: str | Path,
    *,
    missing: int = DEFAULT_MISSING,
    anonymize: bool = True,
) -> list[Path]:
    """Write the panel for RSiena and statnet into ``folder`` (see the module docstring);
    return the paths written.

    Raises
    ------
    UsageError
        As :func:`rsiena_panel`.
    OutputError
        As :func:`~contactladder.io.files.output_set`.
    """
    panel = rsiena_panel(net, missing=missing, anonymize=anonymize)
    codes, legend = _covariates(net, _actors(net, anonymize), missing)
    files = {f"wave-{k}.dat": _matrix_text(m) for k, m in enumerate(panel.matrices, start=1)}
    files["covariates.dat"] = _matrix_text(codes)
    files["covariates-legend.txt"] = legend
    files["actors.txt"] = "row id\n" + "".join(
        f"{number} {actor}\n" for number, actor in enumerate(panel.actors, start=1)
    )
    files["README.txt"] = _readme(net, panel, missing, anonymize)
    folder = Path(folder)
    with output_set(folder, private=not anonymize, stale=["wave-*.dat"]) as staging:
        for name, text in files.items():
            write_text(staging.path(name), text, private=not anonymize)
    return [folder / name for name in files]


def _actors(net: LadderNetwork, anonymize: bool) -> list:
    """Everyone, in the rows' order: the anonymous order, or by id."""
    people = list(net.column("role").index)
    return list(net.opaque_ids(people)) if anonymize else sorted(people, key=str)


def _covariates(net: LadderNetwork, people: list, missing: int) -> tuple[np.ndarray, str]:
    """The covariate codes (people x :data:`COVARIATES`) and their legend."""
    columns = []
    lines = [f"covariates.dat: one row per person (as actors.txt), missing = {missing}"]
    for number, column in enumerate(COVARIATES, start=1):
        values = net.column(column).reindex(people).fillna("").astype(str)
        known = sorted(set(values) - {""})
        code = {value: k for k, value in enumerate(known, start=1)}
        columns.append([code.get(value, missing) for value in values])
        lines.append(f"column {number}: {column}")
        lines += [f"  {k} = {value}" for value, k in code.items()]
    return np.array(columns, dtype=np.int64).T.reshape(len(people), len(COVARIATES)), (
        "\n".join(lines) + "\n"
    )


def _matrix_text(matrix: np.ndarray) -> str:
    """Rows of numbers separated by spaces, one line each."""
    return "".join(" ".join(str(value) for value in row) + "\n" for row in matrix.tolist())


def _readme(net: LadderNetwork, panel: Panel, missing: int, anonymize: bool) -> str:
    """What the folder holds, and how R reads it."""
    size, count = len(panel.actors), len(panel.waves)
    rungs = ", ".join(f"{rung.level} = {rung.key}" for rung in net.ladder)
    lines = [
        f"{net.name}: {count} waves of {size} people, for RSiena and statnet.",
        "",
        f"wave-K.dat: row i, column j = the rung i reported about j (0 none; {rungs});",
        f"  a row of {missing}: that person did not take part in the wave "
        f"(people column {RESPONDED!r}) or was not yet present.",
        "",
        *(
            f"wave-{k}.dat: wave {name}, {size - absent} took part, {absent} missing"
            for k, (name, absent) in enumerate(zip(panel.waves, panel.absent), start=1)
        ),
        "",
        "covariates.dat, covariates-legend.txt: role and wijk as codes; actors.txt: who is who.",
        "",
        "In R (RSiena's networks are 0/1: ties at a rung or higher, here 1):",
        "library(RSiena)",
        f"w <- lapply(1:{count}, function(k) as.matrix(read.table(sprintf('wave-%d.dat', k))))",
        f"a <- array(unlist(w), dim = c({size}, {size}, {count})); a[a == {missing}] <- NA",
        f"cov <- as.matrix(read.table('covariates.dat')); cov[cov == {missing}] <- NA",
        "data <- sienaDataCreate(friends = sienaDependent((a >= 1) * 1), role = coCovar(cov[, 1]))",
        "",
        "statnet: network(w[[1]], matrix.type = 'adjacency', ignore.eval = FALSE, "
        "names.eval = 'rung')",
    ]
    if not anonymize:
        lines += ["", personal_data_notice("en")]
    return "\n".join(lines) + "\n"
