"""One run at a time per output: a lock file beside the output while it is written.

The lock of an output ``outputs/report`` is the file ``outputs/.report.lock``, created with
``O_EXCL`` (so only one run can create it) and holding the id of the process and the machine
that holds it. It is removed when the output is written, or when writing fails. A second run
that finds the lock waits a little (``wait`` seconds) and then fails with one
:class:`~contactladder.errors.OutputError` naming the lock file. A lock left behind by a run
that was killed (its process is gone) is *stale* and taken over.

:func:`writing_error` turns the ``OSError`` of a write (a full disk, no permission, a
read-only disk) into that one line naming the path, for every writer of :mod:`contactladder.io`.

Examples
--------
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     target = pathlib.Path(folder) / "report"
...     with output_lock(target) as lock:
...         print(lock.name, lock.exists())
...     lock.exists()
.report.lock True
False
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from contactladder.errors import OutputError

__all__ = ["lock_path", "output_lock", "writing_error"]

# What to do about the errors a write meets most.
_HINTS = {
    errno.ENOSPC: "free space on the disk, or write to another disk",
    errno.EDQUOT: "free space on the disk, or write to another disk",
    errno.EACCES: "check the permissions of the folder, or write to another folder",
    errno.EPERM: "check the permissions of the folder, or write to another folder",
    errno.EROFS: "the disk is read-only: write to another disk",
}


def writing_error(exc: OSError, path: str | Path) -> OutputError:
    """The one-line error for an ``OSError`` met while writing ``path``.

    >>> str(writing_error(OSError(errno.ENOSPC, "No space left on device"), "out/map.png"))
    'out/map.png: cannot write here (No space left on device); free space on the disk, or \
write to another disk'
    """
    return OutputError(
        f"cannot write here ({exc.strerror or exc})", file=path, hint=_HINTS.get(exc.errno or 0)
    )


# A lock file without a readable owner (being written, or garbled) is stale after this long.
_UNREADABLE_AFTER = 30.0
# How often a waiting run looks at the lock again, in seconds.
_POLL = 0.05


def lock_path(target: str | Path) -> Path:
    """The lock file of an output: ``.<name>.lock`` beside it.

    >>> lock_path("outputs/map.html")
    PosixPath('outputs/.map.html.lock')
    """
    target = Path(target)
    return target.parent / f".{target.name}.lock"


@contextlib.contextmanager
def output_lock(target: str | Path, *, wait: float = 5.0) -> Iterator[Path]:
    """Hold the lock of ``target`` while the block runs; yield the lock file's path.

    Parameters
    ----------
    target : path
        The output (a file or a folder); its folder must exist.
    wait : float
        Seconds to wait for another run to finish before giving up.

    Raises
    ------
    OutputError
        If another living run holds the lock after ``wait`` seconds, or the lock cannot be
        created.
    """
    target = Path(target)
    lock = lock_path(target)
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _is_stale(lock):
                lock.unlink(missing_ok=True)
                continue
            if time.monotonic() >= deadline:
                raise OutputError(
                    "another run is writing this output (its lock file is here)",
                    file=lock,
                    hint="wait until it has finished; remove the lock file only when no run "
                    "is going on",
                ) from None
            time.sleep(_POLL)
            continue
        except OSError as exc:
            raise writing_error(exc, target) from exc
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(f"{os.getpid()} {socket.gethostname()}\n")
        break
    try:
        yield lock
    finally:
        lock.unlink(missing_ok=True)


def _is_stale(lock: Path) -> bool:
    """Whether the run that made ``lock`` is gone (a lock of another machine never is)."""
    try:
        owner = lock.read_text(encoding="utf-8").split()
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return False  # removed meanwhile: try again
    except OSError:
        return False
    if len(owner) != 2 or not owner[0].isdigit():
        return age > _UNREADABLE_AFTER
    pid, host = int(owner[0]), owner[1]
    if host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
