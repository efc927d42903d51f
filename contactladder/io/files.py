"""Writing files whole or not at all: write beside the target, then rename over it.

A reader never sees half a file: every writer of contactladder goes through :func:`replacing`,
which hands out a temporary path in the target's folder and renames it over the target only
when the writing succeeded (a rename within one folder is atomic). On failure the old file
stays as it was and the temporary file is removed. Files follow the umask like any other file,
text is UTF-8 with ``\\n`` line ends.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(scratch.name) / "out" / "growth.csv"
>>> write_text(path, "period,ties\\n2024-01,3\\n").name
'growth.csv'
>>> path.read_text()
'period,ties\\n2024-01,3\\n'
>>> scratch.cleanup()
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from contactladder.errors import InputFileError

__all__ = ["replacing", "write_bytes", "write_text"]

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Give a temporary path beside ``path``; on success rename it to ``path``, else remove it.

    The folder is created when missing. Use it for libraries that write to a path themselves.

    Raises
    ------
    InputFileError
        If the folder cannot be created or written to.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with replacing(pathlib.Path(folder) / "map.png") as temporary:
    ...         _ = temporary.write_bytes(b"png")
    ...     sorted(p.name for p in pathlib.Path(folder).iterdir())
    ['map.png']
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix,
                                        dir=path.parent)
    except OSError as exc:
        raise InputFileError(f"cannot write here ({exc.strerror})", file=path) from exc
    os.close(handle)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes files private; follow the umask
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, path)
        except OSError as exc:
            raise InputFileError(f"cannot write here ({exc.strerror})", file=path) from exc
    finally:
        temporary.unlink(missing_ok=True)


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, whole or not at all; return the path."""
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data``, whole or not at all; return the path.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_bytes(pathlib.Path(folder) / "v.gexf", b"<gexf/>").read_bytes()
    b'<gexf/>'
    """
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)
