"""Plain CSV files read by polars (contactladder.loading.plain_csv): the same coded table as
pandas' reader gives, cell for cell, and pandas' reader for every file that is not plain."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import contactladder.loading.files as files
import contactladder.loading.plain_csv as plain_csv
from contactladder.loading import load
from contactladder.loading.files import read_coded
from contactladder.loading.plain_csv import is_plain, read_plain

DEMO = Path(__file__).parent.parent / "data" / "zwolle-demo"
# Cells of plain files: text with spaces inside, accents, empties; no separator, no quote.
CELL = st.one_of(st.text(alphabet="ab é1-:.", max_size=6), st.sampled_from(["", "Kindercafé"]))


def by_pandas(path: Path, monkeypatch) -> dict:
    """The table pandas' reader gives for ``path``: its columns' codes, values and lines."""
    with monkeypatch.context() as patch:
        patch.setattr(files, "read_plain", lambda path, sep: None)
        return as_lists(read_coded(path))


def as_lists(table) -> dict:
    return {
        "index": table.index.tolist(),
        **{name: (c.codes.tolist(), c.values.tolist()) for name, c in table.items()},
    }


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(CELL, min_size=1, max_size=3), min_size=1, max_size=8),  # short rows too
    sep=st.sampled_from([",", ";", "\t"]),
    line_end=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    last_line_end=st.booleans(),
)
def test_a_plain_file_gives_the_table_pandas_gives(
    tmp_path, monkeypatch, rows, sep, line_end, bom, last_line_end
):
    lines = [sep.join(["date", "person_a", "person_b"])] + [sep.join(row) for row in rows]
    text = line_end.join(lines) + (line_end if last_line_end else "")
    path = tmp_path / "contacts.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    if not is_plain(path):  # a row of one empty cell is a line starting with its separator...
        assert read_plain(path, sep) is None
        return
    assert read_plain(path, sep) is not None
    assert as_lists(read_coded(path)) == by_pandas(path, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        'date,note\n2024-01-05,"a, b"\n',  # a quoted cell
        "date,note\n\n2024-01-05,x\n",  # a blank line
        "date,note\n   \n2024-01-05,x\n",  # a line of spaces
        "date,note\r2024-01-05,x\r",  # old Mac line ends
        "date,note\n 2024-01-05,x\n",  # a line starting with a space
    ],
)
def test_a_file_that_is_not_plain_is_read_by_pandas(tmp_path, monkeypatch, text):
    path = tmp_path / "contacts.csv"
    path.write_text(text, newline="")
    assert not is_plain(path)
    assert read_plain(path, ",") is None
    assert as_lists(read_coded(path)) == by_pandas(path, monkeypatch)


def test_polars_refusing_a_plain_file_leaves_it_to_pandas(tmp_path, monkeypatch):
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"date,note\n2024-01-05,x,extra\n")  # more cells than the header
    assert is_plain(path) and read_plain(path, ",") is None
    path.write_bytes(b"date,note\n2024-01-05,caf\xe9\n")  # Windows-1252, not UTF-8
    assert read_plain(path, ",") is None
    assert read_coded(path)["note"].values.tolist() == ["café"]


def test_the_demo_loads_the_same_by_polars_and_by_pandas(monkeypatch):
    assert is_plain(DEMO / "contacts.csv")
    fast = load(DEMO)
    with monkeypatch.context() as patch:
        patch.setattr(files, "read_plain", lambda path, sep: None)
        slow = load(DEMO)
    assert fast.contacts.equals(slow.contacts) and fast.people.equals(slow.people)
    assert np.array_equal(fast.contacts["rung"], slow.contacts["rung"])


def test_two_texts_of_one_hash_are_never_taken_as_one(tmp_path, monkeypatch):
    path = tmp_path / "contacts.csv"
    path.write_text("date,person_a\n2024-01-05,ann\n2024-01-06,bo\n2024-01-05,ann\n")
    honest = as_lists(read_coded(path))
    monkeypatch.setattr(plain_csv, "_hashes", lambda cells: np.zeros(len(cells), dtype=np.uint64))
    assert as_lists(read_coded(path)) == honest
    assert read_coded(path)["person_a"].values.tolist() == ["ann", "bo"]
