"""Adding a row to one of the weaver's logs (``status.csv``, ``introductions.csv``) safely.

The file is read and written whole, under the output's lock, through
:func:`contactladder.io.files.output_set`: the old rows are kept as they were (as text), the new
row comes last, and a crash leaves the old file. A new file is readable by its owner only. Only
CSV logs are appended to: a spreadsheet log is refused rather than rewritten.

Examples
--------
>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> path = Path(scratch.name) / "status.csv"
>>> _ = append_row(path, {"person": "p1", "status": "moved", "since": "2025-11-01"},
...                ["person", "status", "since", "note"])
>>> _ = append_row(path, {"person": "p2", "status": "paused"}, ["person", "status", "since"])
>>> print(path.read_text(), end="")
person,status,since,note
p1,moved,2025-11-01,
p2,paused,,
>>> scratch.cleanup()
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from contactladder.errors import UsageError
from contactladder.io.files import output_set
from contactladder.io.sheets import write_table
from contactladder.loading.files import read_table

__all__ = ["append_row"]


def append_row(path: str | Path, row: Mapping[str, object], columns: Sequence[str]) -> Path:
    """Append ``row`` to the CSV log ``path`` (created with ``columns`` when missing).

    The old rows and columns stay as they are; a column of ``columns`` the file lacks is added
    (empty in the old rows); a value missing from ``row`` is written empty.

    Raises
    ------
    UsageError
        For a log that is not a ``.csv`` file.
    InputFileError, OutputError
        When the old file cannot be read or the new one cannot be written.
    """
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise UsageError(
            "only a CSV log can be added to", value=path.name, hint="save the log as CSV first"
        )
    with output_set([path], private=True) as staging:
        old = read_table(path) if path.exists() else pd.DataFrame(columns=list(columns))
        names = list(old.columns) + [c for c in columns if c not in old.columns]
        new = pd.DataFrame([{c: _text(row.get(c)) for c in names}])
        table = pd.concat([old.reindex(columns=names, fill_value=""), new], ignore_index=True)
        write_table(table, staging.path(path), private=True)
    return path


def _text(value: object) -> str:
    """A value as the text of a log cell ("" for nothing)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
