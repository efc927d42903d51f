"""The weaver's commands: compute one list, then write it (CSV, XLSX, or HTML for the worklist)
or hand back its terminal text.

The lists show names. A written list says it holds personal data where the format allows (the
XLSX sheet name and properties, the HTML comment and banner), and the job's note says it for
every format, CSV too.

Examples
--------
>>> check_list_path("werklijst.html", "worklist")
>>> check_list_path("b.html", "brokers")
Traceback (most recent call last):
...
contactladder.errors.UsageError: unknown table format 'b.html'; end the file name in .csv or .xlsx
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from contactladder.analysis.brokers import village_brokers
from contactladder.analysis.introductions import introductions
from contactladder.analysis.worklist import worklist
from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_text
from contactladder.io.sheets import write_table, write_workbook
from contactladder.jobs.common import Result, Source, open_source
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import personal_data_notice
from contactladder.render.worklist_page import as_text, sheet_name, worklist_html
from contactladder.words import check_lang

__all__ = ["alone_job", "introduce_job", "brokers_job", "write_list", "check_list_path"]


def alone_job(source: Source | LadderNetwork, output: str | Path | None = None,
              **options: Any) -> Result:
    """``contactladder alone``: who needs a link,
    :func:`~contactladder.analysis.worklist.worklist` with ``options``, written to ``output``
    (``.csv``, ``.xlsx`` or ``.html``) or as terminal text."""
    check_list_path(output, "worklist")
    net, notes = open_source(source, output=output)
    return _deliver(worklist(net, **options), output, notes)


def introduce_job(source: Source | LadderNetwork, person: str,
                  output: str | Path | None = None, **options: Any) -> Result:
    """``contactladder introduce``: whom ``person`` could meet,
    :func:`~contactladder.analysis.introductions.introductions` with ``options``, written to
    ``output`` (``.csv`` or ``.xlsx``) or as terminal text."""
    check_list_path(output, "introductions")
    net, notes = open_source(source, output=output)
    return _deliver(introductions(net, person, **options), output, notes)


def brokers_job(source: Source | LadderNetwork, output: str | Path | None = None,
                **options: Any) -> Result:
    """``contactladder brokers``: who holds the village together,
    :func:`~contactladder.analysis.brokers.village_brokers` with ``options`` (``as_of``,
    ``top``, ``lang``), written to ``output`` (``.csv`` or ``.xlsx``) or as terminal text."""
    check_list_path(output, "brokers")
    net, notes = open_source(source, output=output)
    return _deliver(village_brokers(net, **options), output, notes)


def check_list_path(path: str | Path | None, kind: str) -> None:
    """Refuse a file name a weaver list of ``kind`` cannot be written to (None is fine).

    Raises
    ------
    UsageError
        For a suffix other than ``.csv`` or ``.xlsx``, or ``.html`` for the worklist.
    """
    if path is None:
        return
    suffixes = (".csv", ".xlsx", ".html") if kind == "worklist" else (".csv", ".xlsx")
    if Path(path).suffix.lower() not in suffixes:
        raise UsageError("unknown table format", value=Path(path).name,
                         hint="end the file name in " + " or ".join(suffixes))


def write_list(table: pd.DataFrame, path: str | Path, *, lang: str | None = None) -> Path:
    """Write a weaver table as CSV, XLSX or (the worklist only) HTML, whole or not at all,
    under the output's lock. A new file is readable by its owner only (0600: it holds names);
    a file it replaces keeps its mode.

    The XLSX sheet is named after the list and says it holds personal data, as do the
    workbook's properties; the HTML page says so in a comment and a banner. CSV stays clean.

    Raises
    ------
    UsageError
        For another suffix, or HTML for a table other than the worklist.
    """
    path = Path(path)
    kind = table.attrs.get("kind", "worklist")
    check_list_path(path, kind)
    lang = check_lang(lang or table.attrs.get("lang", "nl"))
    suffix = path.suffix.lower()
    with output_set([path], private=True) as staging:
        staged = staging.path(path)
        if suffix == ".html":
            write_text(staged, worklist_html(table, lang=lang))
        elif suffix == ".xlsx":
            write_workbook({sheet_name(kind, lang): table}, staged,
                           description=personal_data_notice(lang))
        else:
            write_table(table, staged)
    return path


def _deliver(table: pd.DataFrame, output: str | Path | None, notes: list[str]) -> Result:
    """The written list and its notes, or the list as terminal text."""
    if output is None:
        return Result(text=as_text(table), notes=notes)
    return Result(paths=[write_list(table, output)],
                  notes=[*notes, f"Note: {output} holds personal data (names): keep it to "
                                 "yourself and delete it when no longer needed."])
