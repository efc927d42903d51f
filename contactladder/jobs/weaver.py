"""The weaver's commands: compute one list, then write it (CSV, XLSX, or HTML for the worklist)
or hand back its terminal text; keep the weaver's logs (status, introductions).

Every list is measured from *today* by default (``today=``, for tests and scripts: a
:class:`datetime.date`; the ``as_of`` option chooses another day); the day used is in the job's
notes ("Reference day: 2026-12-01") and in every output (an ``as_of`` column, the page title).
The data folder's ``status.csv`` and ``introductions.csv`` are read when there
(:mod:`contactladder.loading.weaver_files`).

The lists show names. A written list says it holds personal data where the format allows (the
XLSX sheet name and properties, the HTML comment and banner), and the job's note says it for
every format, CSV too. ``anonymize`` makes the team-meeting version: anonymous labels that
match the maps and the counts per wijk and reason, no name or id anywhere.

Examples
--------
>>> check_list_path("werklijst.html", "worklist")
>>> check_list_path("b.html", "brokers")
Traceback (most recent call last):
...
contactladder.errors.UsageError: unknown table format 'b.html'; end the file name in .csv or .xlsx
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from contactladder.analysis.brokers import village_brokers
from contactladder.analysis.introductions import introductions
from contactladder.analysis.village import Village
from contactladder.analysis.worklist import REASONS, worklist
from contactladder.analysis.worklist_changes import change_sentence, changes, reason_counts, why_off
from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_text
from contactladder.io.sheets import write_table, write_workbook
from contactladder.io.values import date_text, datetime_text
from contactladder.jobs.common import (
    Result,
    Source,
    file_output,
    names_note,
    open_source,
    printed_format,
    printed_table,
)
from contactladder.jobs.paused_gc import collection_paused
from contactladder.loading.files import read_table
from contactladder.loading.weaver_files import read_introductions, read_status
from contactladder.network.ladder_network import LadderNetwork
from contactladder.privacy import personal_data_notice
from contactladder.render.worklist_page import as_text, sheet_name, worklist_html
from contactladder.words import check_lang, words

__all__ = [
    "alone_job",
    "introduce_job",
    "brokers_job",
    "write_list",
    "write_list_set",
    "check_list_path",
    "reference_day",
    "deliver",
    "logs",
]


def reference_day(as_of: object = None, today: datetime.date | None = None) -> object:
    """The day a list is measured from: ``as_of`` when given, else today.

    >>> reference_day(None, datetime.date(2026, 12, 1)), reference_day("2025-01-01")
    ('2026-12-01', '2025-01-01')
    """
    if as_of is not None and as_of != "":
        return as_of
    return (today or datetime.date.today()).isoformat()


@collection_paused
def alone_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    today: datetime.date | None = None,
    compare: str | Path | None = None,
    anonymize: bool = False,
    format: str | None = None,
    csv_dialect: str = "plain",
    **options: Any,
) -> Result:
    """``contactladder alone``: who needs a link,
    :func:`~contactladder.analysis.worklist.worklist` with ``options`` (from today by default),
    written to ``output`` (``.csv``, ``.xlsx`` or ``.html``) or as terminal text.

    ``compare`` names an earlier worklist (CSV or XLSX): who is new on the list, who is off it
    and why, in the output (a sheet, a section, or ``<name>.changes.csv`` beside a CSV). Without
    it, an earlier version of ``output`` is compared with and kept beside it as
    ``<name>.previous.<suffix>``. ``anonymize``: the team-meeting version, with the counts per
    wijk and reason (a sheet, a section, or ``<name>.counts.csv``). ``format`` and
    ``csv_dialect`` as in :func:`deliver`.
    """
    check_list_path(output, "worklist", format)
    net, notes = open_source(source, output=file_output(output))
    status, introduced = logs(source, net, options)
    options["as_of"] = reference_day(options.get("as_of"), today)
    table = worklist(net, status=status, introduced=introduced, anonymize=anonymize, **options)
    lang = table.attrs["lang"]
    notes.append(words("en")["weaver.reference_day"].format(day=table.attrs["as_of"]))
    if table.attrs.get("most_suggested"):
        notes.append(
            words("en")
            .plural("weaver.most_suggested", table.attrs["most_suggested"])
            .format(count=table.attrs["most_suggested"])
        )
    extras: dict[str, pd.DataFrame] = {}
    previous_path = Path(compare) if compare else None
    keep = None
    written = file_output(output)
    if (
        previous_path is None
        and written is not None
        and written.exists()
        and written.suffix.lower() in (".csv", ".xlsx")
        and not anonymize
    ):
        previous_path = keep = written
    if previous_path is not None and not anonymize:
        village = Village.of(net, options["as_of"], status=status)
        found = changes(table, _read_list(previous_path), why_off(village))
        found["explanation"] = [change_sentence(row, lang) for row in found.to_dict("records")]
        extras["changes"] = found
        notes.append(
            f"Compared with {previous_path}: {sum(found['change'] == 'new')} new, "
            f"{sum(found['change'] == 'off')} off the list"
        )
    if anonymize:
        extras["counts"] = reason_counts(table, list(REASONS))
    return deliver(table, output, notes, extras, keep, format=format, csv_dialect=csv_dialect)


@collection_paused
def introduce_job(
    source: Source | LadderNetwork,
    person: str,
    output: str | Path | None = None,
    *,
    today: datetime.date | None = None,
    format: str | None = None,
    csv_dialect: str = "plain",
    **options: Any,
) -> Result:
    """``contactladder introduce``: whom ``person`` could meet,
    :func:`~contactladder.analysis.introductions.introductions` with ``options`` (from today by
    default), written to ``output`` (``.csv`` or ``.xlsx``) or as terminal text; ``format``
    and ``csv_dialect`` as in :func:`deliver`."""
    check_list_path(output, "introductions", format)
    net, notes = open_source(source, output=file_output(output))
    status, _ = logs(source, net, options)
    options["as_of"] = reference_day(options.get("as_of"), today)
    table = introductions(net, person, status=status, **options)
    notes.append(words("en")["weaver.reference_day"].format(day=table.attrs["as_of"]))
    table.attrs["anonymize"] = options.get("anonymize", False)
    return deliver(table, output, notes, format=format, csv_dialect=csv_dialect)


@collection_paused
def brokers_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    today: datetime.date | None = None,
    format: str | None = None,
    csv_dialect: str = "plain",
    **options: Any,
) -> Result:
    """``contactladder brokers``: who holds the village together,
    :func:`~contactladder.analysis.brokers.village_brokers` with ``options`` (``as_of``,
    ``top``, ``lang``; from today by default), written to ``output`` (``.csv`` or ``.xlsx``)
    or as terminal text; ``format`` and ``csv_dialect`` as in :func:`deliver`."""
    check_list_path(output, "brokers", format)
    net, notes = open_source(source, output=file_output(output))
    status, _ = logs(source, net, options)
    options["as_of"] = reference_day(options.get("as_of"), today)
    table = village_brokers(net, status=status, **options)
    notes.append(words("en")["weaver.reference_day"].format(day=table.attrs["as_of"]))
    table.attrs["anonymize"] = options.get("anonymize", False)
    return deliver(table, output, notes, format=format, csv_dialect=csv_dialect)


def check_list_path(path: str | Path | None, kind: str, format: str | None = None) -> None:
    """Refuse a file name a weaver list of ``kind`` cannot be written to (None and ``-``, the
    standard output, are fine), and a ``format`` that does not fit (see
    :func:`~contactladder.jobs.common.printed_format`).

    Raises
    ------
    UsageError
        For a suffix other than ``.csv`` or ``.xlsx``, or ``.html`` for the worklist.
    """
    printed_format(path, format)
    written = file_output(path)
    if written is None:
        return
    suffixes = (".csv", ".xlsx", ".html") if kind == "worklist" else (".csv", ".xlsx")
    if written.suffix.lower() not in suffixes:
        raise UsageError(
            "unknown table format",
            value=written.name,
            hint="end the file name in " + " or ".join(suffixes),
        )


def write_list(table: pd.DataFrame, path: str | Path, *, lang: str | None = None) -> Path:
    """Write a weaver table as CSV, XLSX or (the worklist only) HTML: :func:`write_list_set`
    without extras; returns the path."""
    return write_list_set(table, path, lang=lang)[0]


def write_list_set(
    table: pd.DataFrame,
    path: str | Path,
    *,
    lang: str | None = None,
    extras: Mapping[str, pd.DataFrame] | None = None,
    keep: str | Path | None = None,
    csv_dialect: str = "plain",
) -> list[Path]:
    """Write a weaver table as CSV, XLSX or (the worklist only) HTML, whole or not at all,
    under the output's lock, with its ``extras`` (``changes``, ``counts``: more sheets of a
    workbook, sections of the page, or ``<name>.<extra>.csv`` beside a CSV), and with ``keep``
    (the earlier version of ``path``) kept as ``<name>.previous.<suffix>``, as one set. A new
    file is readable by its owner only (0600: it holds names); a file it replaces keeps its mode.

    The XLSX sheet is named after the list and says it holds personal data, as do the
    workbook's properties; the HTML page says so in a comment and a banner. CSV stays clean,
    in ``csv_dialect`` (``plain`` or ``excel-nl``, see :mod:`contactladder.io.sheets`).

    Returns the paths written, the list first.

    Raises
    ------
    UsageError
        For another suffix, or HTML for a table other than the worklist.
    """
    path = Path(path)
    kind = table.attrs.get("kind", "worklist")
    check_list_path(path, kind)
    lang = check_lang(lang or table.attrs.get("lang", "nl"))
    extras = dict(extras or {})
    suffix = path.suffix.lower()
    beside = (
        {name: path.with_name(f"{path.stem}.{name}.csv") for name in extras}
        if suffix == ".csv"
        else {}
    )
    previous = path.with_name(f"{path.stem}.previous{path.suffix}") if keep else None
    targets = [path, *beside.values(), *([previous] if previous else [])]
    with output_set(targets, private=True) as staging:
        staged = staging.path(path)
        if previous is not None and keep is not None:
            shutil.copyfile(keep, staging.path(previous))
        if suffix == ".html":
            w = words(lang)
            sections = [
                (
                    w[f"weaver.heading_{name}"].format(
                        day=extra["previous_as_of"].iloc[0]
                        if name == "changes" and len(extra)
                        else ""
                    ),
                    extra,
                )
                for name, extra in extras.items()
            ]
            write_text(staged, worklist_html(table, lang=lang, sections=sections))
        elif suffix == ".xlsx":
            sheets = {
                sheet_name(kind, lang): table,
                **{sheet_name(name, lang): extra for name, extra in extras.items()},
            }
            write_workbook(sheets, staged, description=personal_data_notice(lang))
        else:
            write_table(table, staged, dialect=csv_dialect)
            for name, extra in extras.items():
                write_table(extra, staging.path(beside[name]), dialect=csv_dialect)
    return targets


def deliver(
    table: pd.DataFrame,
    output: str | Path | None,
    notes: list[str],
    extras: Mapping[str, pd.DataFrame] | None = None,
    keep: Path | None = None,
    *,
    format: str | None = None,
    csv_dialect: str = "plain",
) -> Result:
    """The written list and its notes; the list as CSV (in ``csv_dialect``) or JSON for
    scripts, with ``output="-"`` or a ``format`` (its extras are not printed: a note says
    so); or the list as terminal text."""
    printed = printed_table(table, output, format=format, csv_dialect=csv_dialect)
    written = file_output(output)
    if printed is not None:
        result, where = printed, "the list on stdout"
        if extras:
            notes = [*notes, "Not printed (write a file for them): " + ", ".join(extras)]
    elif written is not None:
        paths = write_list_set(table, written, extras=extras, keep=keep, csv_dialect=csv_dialect)
        result, where = Result(paths=paths), str(output)
    else:
        texts = [as_text(table), *(as_text(extra) for extra in (extras or {}).values())]
        return Result(text="\n\n".join(texts), notes=notes)
    if table.attrs.get("anonymize"):
        note = f"Note: {where} shows no names: anonymous labels that match the maps."
    else:
        note = names_note(where)
    result.notes = [*notes, note]
    return result


def logs(
    source: Source | LadderNetwork, net: LadderNetwork, options: dict[str, Any]
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The status and introductions of the data folder (given in ``options`` when the source
    is a network)."""
    status, introduced = options.pop("status", None), options.pop("introduced", None)
    if isinstance(source, Source):
        skip = bool(source.load.get("skip_invalid"))
        known = net.column("role").index
        status = read_status(source.path, people=known, skip_invalid=skip)
        introduced = read_introductions(source.path, people=known, skip_invalid=skip)
    return status, introduced


def _read_list(path: Path) -> pd.DataFrame:
    """An earlier worklist, as written (CSV, or the first sheet of a workbook, its date cells
    as ISO days), as text."""
    if path.suffix.lower() == ".xlsx":
        try:
            sheet = pd.read_excel(path, sheet_name=0, keep_default_na=False)
        except (OSError, ValueError) as exc:
            raise UsageError(
                "cannot read the earlier worklist",
                value=path.name,
                hint="give a worklist written as .csv or .xlsx",
            ) from exc
        return sheet.map(_cell_text)
    return read_table(path)


def _cell_text(value: object) -> str:
    """A cell of a workbook as the text of its CSV: a date cell as its ISO day."""
    if isinstance(value, datetime.datetime):
        return date_text(value) if value.time() == datetime.time() else datetime_text(value)
    return str(value)
