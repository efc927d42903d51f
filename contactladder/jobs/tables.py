"""The jobs that give tables: ``ladder``, ``check``, ``growth``, ``yield``, ``weaving`` and
``disagreements``.

Each returns a :class:`~contactladder.jobs.common.Result`: the file written when an output is
given (a CSV in ``csv_dialect``: ``plain`` or ``excel-nl``), the table as CSV or JSON for the
standard output with ``output="-"`` or a ``format`` (see
:func:`~contactladder.jobs.common.printed_table`), else the table as text for the terminal.

>>> print(ladder_job(lang="en").text.splitlines()[1])
1      kennen   Acquaintance         #2895aa
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pandas as pd

from contactladder.jobs.common import (
    Progress,
    Result,
    Source,
    file_output,
    names_note,
    open_source,
    open_streamed,
    printed_format,
    printed_table,
    status_of,
)
from contactladder.jobs.paused_gc import collection_paused
from contactladder.network import LadderNetwork
from contactladder.network.current import DEFAULT_LAPSE

__all__ = [
    "ladder_job",
    "check_job",
    "growth_job",
    "yield_job",
    "weaving_job",
    "disagreements_job",
    "table_result",
]


def ladder_job(ladder_file: str | Path | None = None, *, lang: str = "nl") -> Result:
    """``contactladder ladder``: the rungs of the ladder, bottom to top."""
    from contactladder.ladder import Ladder

    ladder = Ladder.from_file(ladder_file) if ladder_file else Ladder.default()
    return Result(text=ladder.describe(lang))


@collection_paused
def check_job(
    source: Source | LadderNetwork,
    options: Mapping[str, str] | None = None,
    *,
    format: str | None = None,
) -> Result:
    """``contactladder check``: what was read, and warnings about what looks odd; ``options``
    names the parameters the warnings name (a CLI's options). With ``format="json"`` the same
    as data for scripts (:meth:`LadderNetwork.facts
    <contactladder.network.LadderNetwork.facts>`), in the result's ``output``.

    Raises
    ------
    UsageError
        For a format other than json.
    """
    import json

    from contactladder.errors import UsageError

    if format not in (None, "json"):
        raise UsageError("check prints text, or JSON for scripts", value=format, hint="use json")
    net, notes = open_source(source, warn_focal=False)
    if format is None:
        return Result(text=net.describe(options=options), notes=notes)
    facts = json.dumps(net.facts(options=options), ensure_ascii=False, indent=2)
    return Result(output=(facts + "\n").encode(), notes=notes)


@collection_paused
def growth_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    freq: str = "month",
    view: str = "reached",
    by: str | None = None,
    transitions: bool = False,
    lapse: object = DEFAULT_LAPSE,
    between: bool = False,
    tie_rule: str | None = None,
    progress: Progress = None,
    format: str | None = None,
    csv_dialect: str = "plain",
    streamed: bool = False,
) -> Result:
    """``contactladder growth``: the growth table (or with ``transitions`` the rung-to-rung
    moves) of the data of ``source`` in the reached, active or current ``view`` (ties with a
    contact within ``lapse``), written to ``output`` or shown (``format`` and ``csv_dialect`` as
    in :func:`table_result`). With ``between`` the ties between each pair of groups of ``by``;
    ``tie_rule`` (``max``, ``min``, ``mean``, ``reporter``: see
    :mod:`contactladder.network.tie_rule`) is how the data are read into a network. With
    ``streamed`` the contacts file is read in parts, out of core, for files too large for
    memory (:mod:`contactladder.network.streamed_network`: the reached and active views).

    Raises
    ------
    UsageError
        For ``transitions`` in the active view or with a grouping, a ``tie_rule`` for a network
        already built, or as :func:`table_result`.
    """
    from contactladder.analysis.growth import growth
    from contactladder.analysis.transitions import transitions as moves
    from contactladder.errors import UsageError

    if transitions and (view == "active" or by):
        raise UsageError(
            "transitions count moves in the reached or current view, for everyone",
            hint="leave out {by}; use {view} reached or current",
        )
    printed_format(output, format)  # a wrong format fails before the work
    source = _with_tie_rule(source, tie_rule)
    opened = open_streamed if streamed else open_source
    net, notes = opened(source, output=file_output(output))
    if transitions:
        table = moves(net, freq=freq, view=view, lapse=lapse)
    else:
        status = status_of(source, net)
        table = growth(
            net,
            freq=freq,
            view=view,
            by=by,
            status=status,
            lapse=lapse,
            between=between,
            progress=progress,
        )
    result = table_result(
        table,
        output,
        sheet="transitions" if transitions else "growth",
        format=format,
        csv_dialect=csv_dialect,
    )
    result.notes[:0] = notes
    return result


def _with_tie_rule(source: Source | LadderNetwork, tie_rule: str | None) -> Source | LadderNetwork:
    """The source read with ``tie_rule`` (None: as it is)."""
    if tie_rule is None:
        return source
    if isinstance(source, LadderNetwork):
        from contactladder.errors import UsageError

        raise UsageError(
            "a network's tie rule is chosen when it is built",
            value=tie_rule,
            hint="give {tie_rule} when building the network",
        )
    return replace(source, load={**source.load, "tie_rule": tie_rule})


@collection_paused
def disagreements_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    tie_rule: str | None = None,
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result:
    """``contactladder disagreements``: the pairs whose two reports differ
    (:func:`~contactladder.analysis.reciprocity.disagreements`), written privately to
    ``output`` (it holds ids: readable by its owner only, saying so in its first line) or shown,
    with a note that it holds personal data (``format`` and ``csv_dialect`` as in
    :func:`table_result`)."""
    from contactladder.analysis.reciprocity import disagreements
    from contactladder.privacy import personal_data_notice

    printed_format(output, format)
    net, notes = open_source(_with_tie_rule(source, tie_rule), output=file_output(output))
    table = disagreements(net)
    printed = printed_table(table, output, format=format, csv_dialect=csv_dialect)
    if printed is not None:
        printed.notes = [*notes, names_note("the table on stdout")]
        return printed
    if not output:
        text = table.to_string(index=False) if len(table) else "No pair's reports differ."
        return Result(text=text, notes=[*notes, names_note("the table shown")])
    from contactladder.io.files import output_set
    from contactladder.io.sheets import write_table

    with output_set([output], private=True) as staging:
        write_table(
            table,
            staging.path(output),
            sheet="disagreements",
            private=True,
            notice=personal_data_notice("en"),
            dialect=csv_dialect,
        )
    return Result(paths=[Path(output)], notes=[*notes, names_note(str(output))])


@collection_paused
def yield_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    as_of: object = None,
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result:
    """``contactladder yield``: per activity, the ties first made there and their rungs now
    (``format`` and ``csv_dialect`` as in :func:`table_result`)."""
    from contactladder.analysis.activity_yield import activity_yield

    printed_format(output, format)
    net, notes = open_source(source, output=file_output(output))
    table = activity_yield(net, as_of=as_of)
    result = table_result(table, output, sheet="yield", format=format, csv_dialect=csv_dialect)
    result.notes[:0] = notes
    return result


@collection_paused
def weaving_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    freq: str = "quarter",
    view: str = "reached",
    min_rung: object = None,
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result:
    """``contactladder weaving``: the stage of network weaving of each wijk, period by period
    (:func:`~contactladder.analysis.weaving_wijken.weaving_stages`, counted on arrays by
    :func:`~contactladder.analysis.report_figures.weaving_stages_on_codes`; ``format`` and
    ``csv_dialect`` as in :func:`table_result`)."""
    from contactladder.analysis.report_figures import weaving_stages_on_codes

    printed_format(output, format)
    net, notes = open_source(source, output=file_output(output))
    table = weaving_stages_on_codes(net, freq=freq, view=view, min_rung=min_rung)
    result = table_result(table, output, sheet="weaving", format=format, csv_dialect=csv_dialect)
    result.notes[:0] = notes
    return result


def table_result(
    table: pd.DataFrame,
    output: str | Path | None,
    *,
    sheet: str = "data",
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result:
    """A table written to ``output`` (CSV in ``csv_dialect``, or XLSX; under the output's
    lock, whole or not at all), printed for scripts (``output="-"`` or a ``format``: see
    :func:`~contactladder.jobs.common.printed_table`), or as text for the terminal.

    >>> table_result(pd.DataFrame({"share": [0.5]}), "-", csv_dialect="excel-nl").output
    b'\\xef\\xbb\\xbfshare\\r\\n0,5\\r\\n'
    """
    printed = printed_table(table, output, format=format, csv_dialect=csv_dialect)
    if printed is not None:
        return printed
    if output:
        from contactladder.io.files import output_set
        from contactladder.io.sheets import write_table

        with output_set([output]) as staging:
            write_table(table, staging.path(output), sheet=sheet, dialect=csv_dialect)
        return Result(paths=[Path(output)])
    text = table.to_string(index=False, float_format=lambda x: f"{x:.3f}", na_rep="–")
    return Result(text=text)
