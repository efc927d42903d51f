"""Property-based fuzzing (hypothesis): loading and the public functions' options either work
or raise ContactLadderError, never anything else.

Loading is fed mutated copies of small valid files (bytes flipped, lines dropped or doubled,
cells replaced with hostile values, other encodings and separators), also shaped as people have
them (day-first or month-first dates, extra header rows, no header, a folder of files); with
``skip_invalid`` the rows accepted and the rows set aside add up to the rows read. The options of
the network and of the analyses are drawn at random: every call works or raises
ContactLadderError, and a test names every function that raised anything else.
"""

import gzip
import io
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactladder.analysis.activity_yield import activity_yield
from contactladder.analysis.brokers import brokers
from contactladder.analysis.growth import growth
from contactladder.analysis.introductions import introductions
from contactladder.analysis.transitions import transitions
from contactladder.analysis.worklist import worklist
from contactladder.errors import ContactLadderError
from contactladder.io.export import export_paths
from contactladder.loading import load, read_table
from contactladder.network import FREQUENCIES, LadderNetwork

pytestmark = pytest.mark.slow
# Under a minute together on a two-core machine; derandomized, so CI draws the same cases.
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FILES = settings(FUZZ, max_examples=1500)
KEY = bytes(range(32))

CONTACTS = """date,person_a,person_b,rung,kind,activity,wijk,note
2024-01-05,ann,bo,praten,,peutergym,Dieze,
2024-02-09 10:00,ann,cem,3,,,Dieze,koffie
2024-02-20,bo,cem,Chatting,,taalplezier,Stadshagen,
2024-03-01,dirk,ann,1,,Koffie en Koters,,
2024-04-11,cem,dirk,steunen,,,Dieze,
"""
PEOPLE = """id,role,name,organisation,wijk,joined
ann,parent,Ann,,Dieze,2023-12-01
bo,parent,Bo,,Stadshagen,
cem,professional,Cem,GGD,Dieze,2024-01-01
dirk,parent,Dirk,,Dieze,
"""
ATTENDANCE = """date,activity,person
2024-01-05,peutergym,ann
2024-01-05,peutergym,bo
2024-03-01,Koffie en Koters,dirk
2024-03-01,Koffie en Koters,cem
"""
HOSTILE = [
    "",
    " ",
    "=1+1",
    "nan",
    "NaT",
    "None",
    "0001-01-01",
    "99999-12-31",
    "2024-02-30",
    "2024-01-05 10:00 +01:00",
    "1e309",
    "-1",
    "0",
    "6",
    "1.5",
    "\x00",
    "\ufeff",
    '"',
    "a,b",
    "a;b",
    "\t",
    "💥",
    "x" * 300,
    "2024-13-01",
    "ann",
    "bo",
    "{date}",
    "$x$",
]


def mutate(text: str, data: st.DataObject) -> bytes:
    """A copy of ``text`` with a few random mutations, as bytes in a random encoding."""
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(0, 4))):
        kind = data.draw(st.sampled_from(["drop", "double", "cell", "separator", "bytes"]))
        row = data.draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if kind == "drop":
            del lines[row]
        elif kind == "double":
            lines.insert(row, lines[row])
        elif kind == "cell":
            cells = lines[row].split(",")
            column = data.draw(st.integers(0, len(cells) - 1))
            cells[column] = data.draw(st.sampled_from(HOSTILE) | st.text(max_size=12))
            lines[row] = ",".join(cells)
        elif kind == "separator":
            separator = data.draw(st.sampled_from([";", "\t", "|"]))
            lines = [line.replace(",", separator) for line in lines]
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    raw = bytearray("\n".join(lines).encode(encoding, errors="replace"))
    if raw and data.draw(st.booleans()):
        for _ in range(data.draw(st.integers(1, 3))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    return bytes(raw)


@FILES
@given(data=st.data())
def test_loading_mutated_files_works_or_raises_contactladdererror(data):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        form = data.draw(st.sampled_from(["csv", "tsv", "csv.gz", "xlsx"]))
        contacts = mutate(CONTACTS, data)
        if form == "tsv":
            contacts = contacts.replace(b",", b"\t")
        if form == "csv.gz":
            contacts = gzip.compress(contacts)
        if form == "xlsx":
            write_workbook(contacts, folder / "contacts.xlsx")
        else:
            (folder / f"contacts.{form}").write_bytes(contacts)
        if data.draw(st.booleans()):
            (folder / "people.csv").write_bytes(mutate(PEOPLE, data))
        if data.draw(st.booleans()):
            (folder / "attendance.csv").write_bytes(mutate(ATTENDANCE, data))
        skip = data.draw(st.booleans())
        try:
            loaded = load(folder, skip_invalid=skip, key_file=write_key(folder))
        except ContactLadderError as err:
            assert "\n" not in str(err)
            return
        if skip:
            assert_rows_add_up(folder, loaded)


# Dates as Dutch Excel writes them (5-1-2024), as American tools do (1/5/2024), or ISO.
DATE_STYLES = {"iso": r"\g<0>", "dayfirst": r"\3-\2-\1", "monthfirst": r"\2/\3/\1"}
ISO_DATE = re.compile(r"(\d\d\d\d)-(\d\d)-(\d\d)")
NO_HEADER_COLUMNS = {
    "date": 1,
    "person_a": 2,
    "person_b": 3,
    "rung": 4,
    "kind": 5,
    "activity": 6,
    "wijk": 7,
    "note": 8,
}


@settings(FILES, max_examples=800)
@given(data=st.data())
def test_loading_files_as_people_have_them_works_or_raises_contactladdererror(data):
    """Day-first and month-first dates, UTF-16, extra header rows, files without a header and
    folders of files: loading works or raises ContactLadderError, and with skip_invalid the rows
    accepted and set aside add up to the rows read."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        style = data.draw(st.sampled_from(sorted(DATE_STYLES)))
        text = ISO_DATE.sub(DATE_STYLES[style], CONTACTS)
        shape = data.draw(st.sampled_from(["plain", "header_rows", "no_header", "folder"]))
        options: dict = {
            "dayfirst": style == "dayfirst" and data.draw(st.booleans()),
            "monthfirst": style == "monthfirst" and data.draw(st.booleans()),
        }
        if shape == "header_rows":
            lines = text.splitlines()
            text = "\n".join([lines[0], "Datum,Wie,Met wie,Trede,,,,", *lines[1:]]) + "\n"
            options["skip_rows"] = 1
        elif shape == "no_header":
            text = "\n".join(text.splitlines()[1:]) + "\n"
            options |= {"no_header": True, "columns": NO_HEADER_COLUMNS}
        if shape == "folder":
            (folder / "contacts").mkdir()
            lines = text.splitlines()
            for n, part in enumerate((lines[1:3], lines[3:])):
                contents = "\n".join([lines[0], *part]) + "\n"
                (folder / "contacts" / f"day {n}.csv").write_bytes(mutate(contents, data))
        else:
            (folder / "contacts.csv").write_bytes(mutate(text, data))
        if shape != "no_header" and data.draw(st.booleans()):
            (folder / "people.csv").write_bytes(
                mutate(ISO_DATE.sub(DATE_STYLES[style], PEOPLE), data)
            )
        skip = data.draw(st.booleans())
        try:
            loaded = load(folder, skip_invalid=skip, key_file=write_key(folder), **options)
        except ContactLadderError as err:
            assert "\n" not in str(err)
            return
        if skip:
            assert_rows_add_up(
                folder,
                loaded,
                no_header=options.get("no_header", False),
                skip_rows=options.get("skip_rows", 0),
            )


def write_workbook(text: bytes, path: Path) -> None:
    """The mutated text as a workbook, as a spreadsheet would save it; as bytes when it is too
    broken to be one (a damaged file with the ending .xlsx)."""
    try:
        frame = pd.read_csv(io.BytesIO(text), dtype=str, keep_default_na=False, encoding="latin-1")
        frame.to_excel(path, index=False)
    except Exception:  # a mutation no spreadsheet could save
        path.write_bytes(text)


def write_key(folder: Path) -> Path:
    path = folder.parent / f"{folder.name}.key"
    path.write_text(KEY.hex(), encoding="ascii")
    return path


def assert_rows_add_up(folder: Path, data, **reading) -> None:
    """Accepted rows + rejected rows == rows read, for each file (a folder of files is one)."""
    rejected = data.rejects.groupby("file").size()
    for path in sorted(folder.iterdir()):
        role = path.name.split(".")[0]
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        read = sum(len(read_table(file, role=role, **reading)) for file in files)
        rejected_here = sum(int(rejected.get(str(file), 0)) for file in files)
        if role == "contacts":
            accepted = int((data.contacts["source"] != "attendance").sum())
        elif role == "people":
            accepted = len(data.people)
        else:
            accepted = len(data.attendance)
        assert accepted + rejected_here == read, path.name


# --- the public functions' options -------------------------------------------------------------


@pytest.fixture(scope="module")
def net(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    for name, text in (("contacts", CONTACTS), ("people", PEOPLE), ("attendance", ATTENDANCE)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return LadderNetwork.from_path(folder, key_file=write_key(folder))


MOMENTS = (
    st.none()
    | st.sampled_from(
        [
            "2024-01-05",
            "2024-02-29",
            "2024-04-11 23:59",
            "2023-01-01",
            "2030-01-01",
            "yesterday",
            "2024-13-01",
            "today",
            "",
            "2024-03-01T10:00+01:00",
            "NaT",
        ]
    )
    | st.floats(allow_nan=True)
    | st.integers()
    | st.text(max_size=10)
    | st.datetimes().map(pd.Timestamp)
)
FREQS = st.sampled_from([*FREQUENCIES, "fortnight", "", "M", None]) | st.text(max_size=6)
VIEWS = st.sampled_from(["reached", "active", "current", "", None])
COLUMNS = st.sampled_from(
    [None, "wijk", "role", "organisation", "name", "joined", "id", "x", ""]
) | st.text(max_size=6)
WINDOWS = st.sampled_from(["90d", "0d", "-5d", "1y", "soon", "", None, 30, -1, 1e300, "30"])
LANGS = st.sampled_from(["nl", "en", "de", "", None])


def works_or_clear_error(call: Callable, name: str, found: dict) -> None:
    """Run ``call``; a ContactLadderError is fine. Anything else is remembered in ``found``."""
    try:
        result = call()
        if hasattr(result, "__next__"):
            list(result)
    except ContactLadderError as err:
        assert "\n" not in str(err)
    except Exception as exc:
        found.setdefault(name, f"{type(exc).__name__}: {exc}"[:200])


def assert_nothing_found(found: dict) -> None:
    """Fail, naming every function that raised something else than a ContactLadderError."""
    assert not found, "; ".join(f"{name} raised {what}" for name, what in sorted(found.items()))


def test_network_options_work_or_raise_contactladdererror(net):
    found: dict = {}

    @FUZZ
    @given(as_of=MOMENTS, freq=FREQS, view=VIEWS, graph=st.booleans())
    def run(as_of, freq, view, graph):
        works_or_clear_error(lambda: net.snapshot(as_of), "snapshot", found)
        works_or_clear_error(lambda: net.cutoff(as_of), "cutoff", found)
        works_or_clear_error(lambda: net.ties(as_of), "ties", found)
        works_or_clear_error(lambda: net.active(as_of, "2024-03-01"), "active", found)
        works_or_clear_error(lambda: net.periods(freq, view=view, graph=graph), "periods", found)

    run()
    assert not found


def test_analysis_options_work_or_raise_contactladdererror(net):
    found: dict = {}

    @FUZZ
    @given(as_of=MOMENTS, freq=FREQS, view=VIEWS, by=COLUMNS)
    def run(as_of, freq, view, by):
        works_or_clear_error(lambda: growth(net, freq=freq, view=view, by=by), "growth", found)
        works_or_clear_error(lambda: transitions(net, freq=freq), "transitions", found)
        works_or_clear_error(lambda: activity_yield(net, as_of=as_of), "activity_yield", found)

    run()
    assert_nothing_found(found)


def test_weaver_options_work_or_raise_contactladdererror(net):
    found: dict = {}

    @FUZZ
    @given(
        as_of=MOMENTS,
        wijk=COLUMNS,
        fading=WINDOWS,
        new=WINDOWS,
        stuck=WINDOWS,
        suggest=st.integers(-3, 5),
        match=st.lists(COLUMNS, max_size=2),
        lang=LANGS,
        person=st.sampled_from(["ann", "cem", "nobody", "", None]),
    )
    def run(as_of, wijk, fading, new, stuck, suggest, match, lang, person):
        works_or_clear_error(
            lambda: worklist(
                net,
                as_of=as_of,
                wijk=wijk,
                fading=fading,
                new=new,
                stuck_after=stuck,
                suggest=suggest,
                match=match,
                lang=lang,
            ),
            "worklist",
            found,
        )
        works_or_clear_error(
            lambda: introductions(net, person, as_of=as_of, match=match, lang=lang),
            "introductions",
            found,
        )
        works_or_clear_error(lambda: brokers(net.snapshot(as_of), lang=lang), "brokers", found)

    run()
    assert_nothing_found(found)


def test_export_paths_options_work_or_raise_contactladdererror():
    found: dict = {}

    @FUZZ
    @given(
        output=st.none()
        | st.sampled_from(
            ["out/v.gexf", "v.xlsx", "v.csv", "v", "", "v.graphml", "v.GEXF", ".", "v.tar.gz"]
        )
        | st.text(max_size=12),
        form=st.sampled_from([None, "gexf", "graphml", "csv", "xlsx", "pdf", "", "GEXF"]),
        name=st.text(max_size=8),
    )
    def run(output, form, name):
        works_or_clear_error(
            lambda: export_paths(output, format=form, data_name=name), "export_paths", found
        )

    run()
    assert_nothing_found(found)
