"""The jobs that keep track over time: who left (``status``), what was done (``introduced``),
what came of it (``follow-up``), and the conversation sheet of one person (``gesprek``).

``status`` and ``introduced`` add a row to the data folder's ``status.csv`` or
``introductions.csv`` on purpose: the log is the weaver's own input, written whole with the old
rows kept. The others write like the worklist (:func:`contactladder.jobs.weaver.deliver`).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from contactladder.analysis.conversation import conversation
from contactladder.analysis.follow_up import follow_up
from contactladder.errors import UsageError
from contactladder.io.files import output_set, write_text
from contactladder.io.weaver_logs import append_row
from contactladder.jobs.common import Result, Source, file_output, open_source
from contactladder.jobs.map_cache import cache_folder, layout_for
from contactladder.jobs.shared_snapshots import shared_snapshots
from contactladder.jobs.weaver import check_list_path, deliver, logs, reference_day
from contactladder.loading.weaver_files import INTRODUCTION_COLUMNS, STATUS_COLUMNS, weaver_file
from contactladder.network.ladder_network import LadderNetwork
from contactladder.network.periods import parse_moment
from contactladder.render.conversation_page import conversation_html
from contactladder.render.network_map import Layout, network_map_data
from contactladder.render.static_map import map_picture
from contactladder.words import words

__all__ = ["follow_up_job", "conversation_job", "status_job", "introduced_job"]


def follow_up_job(
    source: Source | LadderNetwork,
    output: str | Path | None = None,
    *,
    today: datetime.date | None = None,
    format: str | None = None,
    csv_dialect: str = "plain",
    **options: Any,
) -> Result:
    """``contactladder follow-up``: what came of each logged introduction,
    :func:`~contactladder.analysis.introductions.follow_up` (``as_of``, ``within``, ``lang``;
    from today by default), written to ``output`` (``.csv`` or ``.xlsx``; ``-`` or a
    ``format`` prints it for scripts) or as terminal text; the summary line (the weaver's
    yield) in the notes."""
    check_list_path(output, "follow_up", format)
    net, notes = open_source(source, output=file_output(output))
    _, introduced = logs(source, net, options)
    options["as_of"] = reference_day(options.get("as_of"), today)
    if introduced is None:
        introduced = pd.DataFrame(
            {
                c: pd.Series(dtype="datetime64[ns]" if c == "date" else object)
                for c in INTRODUCTION_COLUMNS
            }
        )
    table = follow_up(net, introduced, **options)
    notes += [
        words("en")["weaver.reference_day"].format(day=table.attrs["as_of"]),
        table.attrs["summary"],
    ]
    return deliver(table, output, notes, format=format, csv_dialect=csv_dialect)


def conversation_job(
    source: Source | LadderNetwork,
    person: str,
    output: str | Path,
    *,
    today: datetime.date | None = None,
    layout_cache: object = True,
    **options: Any,
) -> Result:
    """``contactladder gesprek``: the one-page conversation sheet of ``person``
    (:func:`~contactladder.analysis.conversation.conversation` with ``options``: ``as_of``,
    ``fading``, ``together``, ``match``, ``suggest``, ``lang``; from today by default), written
    to ``output`` (``.html``, printable on A4), with a small picture of their own network on
    the day of the sheet, placed as on the maps (``layout_cache`` as for
    :func:`~contactladder.jobs.maps.map_job`: a sheet after a map, or after another sheet, of
    the same data does not lay out again). The sheet and its picture share the snapshots of
    the network.

    Raises
    ------
    UsageError
        For an output that is not ``.html``, an unknown person, one not present or who left.
    """
    if Path(output).suffix.lower() != ".html":
        raise UsageError(
            "unknown page format", value=Path(output).name, hint="end the file name in .html"
        )
    net, notes = open_source(source, output=output)
    status, introduced = logs(source, net, options)
    options["as_of"] = reference_day(options.get("as_of"), today)
    layout = layout_for(cache_folder(source, layout_cache))
    lang = options.get("lang", "nl")
    with shared_snapshots(net) as shared:
        sheet = conversation(shared, person, status=status, introduced=introduced, **options)
        picture = _own_network(shared, person, sheet, lang, layout)
    page = conversation_html(sheet, lang=lang, picture=picture)
    with output_set([Path(output)], private=True) as staging:
        write_text(staging.path(output), page)
    return Result(
        paths=[Path(output)],
        notes=[
            *notes,
            words("en")["weaver.reference_day"].format(day=sheet["as_of"]),
            f"Note: {output} holds personal data (names): keep it to yourself and delete it when "
            "no longer needed.",
        ],
    )


def _own_network(
    net: LadderNetwork, person: str, sheet: dict[str, Any], lang: str, layout: Layout
) -> bytes | None:
    """An SVG picture of the person's own network on the sheet's day (anonymous labels, as on
    the maps); None when there is nothing to draw (no tie yet)."""
    if not len(sheet["ties"]):
        return None
    try:
        data = network_map_data(
            net, as_of=sheet["as_of"], focus=person, anonymize=True, lang=lang, layout=layout
        )
        return map_picture(data, "svg")
    except UsageError:
        return None


def status_job(
    data: Source | str | Path,
    person: str,
    status: str,
    *,
    since: object = None,
    note: str = "",
    today: datetime.date | None = None,
    **load: Any,
) -> Result:
    """``contactladder status``: add a row to the data folder's ``status.csv`` (created when
    missing; the file is written whole, the old rows kept), for a person of the people file.
    ``data`` is a :class:`Source`, or a path read with the ``load`` options.

    Raises
    ------
    UsageError
        For an unknown person, an empty status, a date that is not one, or a status file that
        is not CSV.
    """
    word = status.strip().lower()
    if not word:
        raise UsageError("empty status", hint="give moved, no_contact, paused, active or a word")
    day = _log_day(since, today, "since")
    row = {"person": person.strip(), "status": word, "since": day, "note": note}
    return _append_log(
        data,
        load,
        "status",
        row,
        STATUS_COLUMNS,
        [person],
        f"Added: {person.strip()} {word} since {day}",
    )


def introduced_job(
    data: Source | str | Path,
    person: str,
    introduced_to: str,
    *,
    by: str = "",
    date: object = None,
    note: str = "",
    today: datetime.date | None = None,
    **load: Any,
) -> Result:
    """``contactladder introduced``: log that ``person`` was introduced to ``introduced_to``
    (by ``by``, on ``date``: today by default) in the data folder's ``introductions.csv``,
    safely.

    Raises
    ------
    UsageError
        For an unknown person, a person introduced to themself, or a date that is not one.
    """
    if person.strip() == introduced_to.strip():
        raise UsageError("introduced to themself", value=person, hint="give two people")
    day = _log_day(date, today, "date")
    row = {
        "date": day,
        "person": person.strip(),
        "introduced_to": introduced_to.strip(),
        "by": by,
        "note": note,
    }
    return _append_log(
        data,
        load,
        "introductions",
        row,
        INTRODUCTION_COLUMNS,
        [person, introduced_to],
        f"Logged: {person.strip()} introduced to {introduced_to.strip()} on {day}",
    )


def _append_log(
    data: Source | str | Path,
    load: dict[str, Any],
    stem: str,
    row: dict[str, Any],
    columns: list[str],
    people: list[str],
    said: str,
) -> Result:
    """Add ``row`` to the data folder's log ``stem``, once ``people`` are known people."""
    source = data if isinstance(data, Source) else Source(Path(data), load)
    net, notes = open_source(source)
    for person in people:
        _check_person(net, person)
    path = _log_path(source.path, stem)
    append_row(path, row, columns)
    return Result(paths=[path], notes=[*notes, said])


def _check_person(net: LadderNetwork, person: str) -> None:
    if not net.knows(person):
        raise UsageError("unknown person", value=person, hint="give an id from the people file")


def _log_day(value: object, today: datetime.date | None, name: str) -> str:
    """A log's date as ISO text: ``value`` (YYYY-MM-DD or DD-MM-YYYY), or today."""
    if value is None or value == "":
        return (today or datetime.date.today()).isoformat()
    return parse_moment(value, name).date().isoformat()


def _log_path(data: str | Path, stem: str) -> Path:
    """The weaver's log ``stem`` of the data folder: the file there, or a new ``<stem>.csv``."""
    folder = Path(data) if Path(data).is_dir() else Path(data).parent
    return weaver_file(folder, stem) or folder / f"{stem}.csv"
