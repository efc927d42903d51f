"""The jobs that give tables: ``ladder``, ``check``, ``growth`` and ``yield``.

Each returns a :class:`~contactladder.jobs.common.Result`: the file written when an output is
given, else the table as text for the terminal.

>>> print(ladder_job(lang="en").text.splitlines()[1])
1      kennen   Acquaintance         #2895aa
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from contactladder.jobs.common import Progress, Result, Source, open_source, status_of
from contactladder.network import LadderNetwork

__all__ = ["ladder_job", "check_job", "growth_job", "yield_job", "table_result"]


def ladder_job(ladder_file: str | Path | None = None, *, lang: str = "nl") -> Result:
    """``contactladder ladder``: the rungs of the ladder, bottom to top."""
    from contactladder.ladder import Ladder

    ladder = Ladder.from_file(ladder_file) if ladder_file else Ladder.default()
    return Result(text=ladder.describe(lang))


def check_job(source: Source | LadderNetwork, options: Mapping[str, str] | None = None) -> Result:
    """``contactladder check``: what was read, and warnings about what looks odd; ``options``
    names the parameters the warnings name (a CLI's options)."""
    net, notes = open_source(source)
    return Result(text=net.describe(options=options), notes=notes)


def growth_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    freq: str = "month",
    view: str = "reached",
    by: str | None = None,
    transitions: bool = False,
    progress: Progress = None,
) -> Result:
    """``contactladder growth``: the growth table (or with ``transitions`` the rung-to-rung
    moves) of the data of ``source``, written to ``output`` or shown.

    Raises
    ------
    UsageError
        For ``transitions`` with another view or a grouping.
    """
    from contactladder.analysis.growth import growth
    from contactladder.analysis.transitions import transitions as moves
    from contactladder.errors import UsageError

    if transitions and (view != "reached" or by):
        raise UsageError(
            "transitions count moves in the reached view", hint="leave out {view} and {by}"
        )
    net, notes = open_source(source, output=output)
    if transitions:
        table = moves(net, freq=freq)
    else:
        table = growth(
            net, freq=freq, view=view, by=by, status=status_of(source, net), progress=progress
        )
    result = table_result(table, output, sheet="transitions" if transitions else "growth")
    result.notes[:0] = notes
    return result


def yield_job(
    source: Source | LadderNetwork, output: str | Path | None = None, *, as_of: object = None
) -> Result:
    """``contactladder yield``: per activity, the ties first made there and their rungs now."""
    from contactladder.analysis.activity_yield import activity_yield

    net, notes = open_source(source, output=output)
    result = table_result(activity_yield(net, as_of=as_of), output, sheet="yield")
    result.notes[:0] = notes
    return result


def table_result(table, output: str | Path | None, *, sheet: str = "data") -> Result:
    """A table written to ``output`` (CSV or XLSX; under the output's lock, whole or not at
    all), or as text for the terminal."""
    if output:
        from contactladder.io.files import output_set
        from contactladder.io.sheets import write_table

        with output_set([output]) as staging:
            write_table(table, staging.path(output), sheet=sheet)
        return Result(paths=[Path(output)])
    return Result(text=table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
