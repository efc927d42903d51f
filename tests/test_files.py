"""Tests of contactladder.io.files: files are written whole or not at all."""

import os
import stat

import pytest

from contactladder.errors import ContactLadderError
from contactladder.io.files import replacing, write_bytes, write_text


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    (tmp_path / "g.csv").mkdir()
    with pytest.raises(ContactLadderError, match="cannot write here"):
        write_text(tmp_path / "g.csv", "new")
    assert [p.name for p in tmp_path.iterdir()] == ["g.csv"]


def test_an_error_while_writing_keeps_the_old_file(tmp_path):
    path = write_bytes(tmp_path / "map.png", b"old")
    with pytest.raises(RuntimeError), replacing(path) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("stopped")
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]
    assert path.read_bytes() == b"old"


def test_text_is_utf8_with_newlines_and_follows_the_umask(tmp_path):
    path = write_text(tmp_path / "a" / "b.txt", "Zwolle-Zuid\r\nDiëze\n")
    assert path.read_bytes() == "Zwolle-Zuid\r\nDiëze\n".encode()
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
