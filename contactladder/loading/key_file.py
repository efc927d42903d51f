"""Where a data folder's private key lives: the file beside the data, made on first use.

The key itself is a rule of :mod:`contactladder.privacy` (the keyed anonymous order); this room
finds its file: the one the caller gives (``key_file``), else the file named by the environment
variable :data:`KEY_ENVIRONMENT`, else the data folder's own :data:`KEY_FILE`, created once,
whole and at once (a run at the same time reads the one made first), readable by its owner only.
The key is never written into an output.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from contactladder.errors import InputFileError, UsageError, literal
from contactladder.privacy import new_key

__all__ = ["KEY_FILE", "KEY_ENVIRONMENT", "read_key", "private_key"]

#: The name of a data folder's private key file.
KEY_FILE = ".contactladder-key"
#: The environment variable that may name a key file.
KEY_ENVIRONMENT = "CONTACTLADDER_KEY_FILE"
# A key file holds the key as hex on one line; a key has at least this many bytes.
_MIN_KEY_BYTES = 16


def read_key(path: str | Path) -> bytes:
    """The private key in a key file (hex on one line, as :func:`private_key` writes it).

    Raises
    ------
    InputFileError
        If the file cannot be read or holds no key.

    >>> read_key("/nonexistent/key")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    contactladder.errors.InputFileError: /nonexistent/key: no such key file; ...
    """
    path = Path(path)
    text = ""
    # A key file being created by another run may be empty for a moment: wait for it.
    for _attempt in range(100):
        try:
            text = path.read_text(encoding="ascii", errors="replace").strip()
        except FileNotFoundError as exc:
            raise InputFileError(
                "no such key file",
                file=path,
                hint="give the key file kept with the data in {key_file}",
            ) from exc
        except OSError as exc:
            raise InputFileError(
                f"cannot read the key file ({exc.strerror or exc})", file=path
            ) from exc
        if text:
            break
        time.sleep(0.02)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < _MIN_KEY_BYTES:
        raise InputFileError(
            "not a key file",
            file=path,
            hint=f"a key file holds at least {_MIN_KEY_BYTES * 2} hex digits "
            "on one line; give the key kept with the data in {key_file}",
        )
    return key


def private_key(folder: str | Path, *, key_file: str | Path | None = None) -> tuple[bytes, Path]:
    """The private key for anonymous numbering of the data in ``folder``, and its file.

    The key is read from ``key_file`` when given, else from the file named by the environment
    variable :data:`KEY_ENVIRONMENT`, else from the folder's :data:`KEY_FILE`, which is created
    on first use: at once and whole (a run at the same time reads the one made first), readable
    by its owner only.

    Raises
    ------
    InputFileError
        If a key file cannot be read or holds no key.
    UsageError
        If the folder has no key file and cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> scratch = tempfile.TemporaryDirectory()
    >>> key, path = private_key(scratch.name)
    >>> path.name, private_key(scratch.name) == (key, path), oct(path.stat().st_mode & 0o777)
    ('.contactladder-key', True, '0o600')
    >>> scratch.cleanup()
    """
    given = key_file or os.environ.get(KEY_ENVIRONMENT) or None
    if given is not None:
        return read_key(given), Path(given)
    path = Path(folder) / KEY_FILE
    if not path.exists():
        _create_key_file(path)
    return read_key(path), path


def _create_key_file(path: Path) -> None:
    """Write a new key to ``path`` unless it exists (made by a run at the same time)."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise InputFileError(
                f"cannot create the key file ({exc.strerror or exc})", file=path
            ) from exc
        raise UsageError(
            "the data folder has no private key for anonymous numbering and cannot be written",
            file=path.parent,
            hint="give a key file with {key_file} (or set "
            + KEY_ENVIRONMENT
            + "), or make the folder "
            + literal(path.parent.name)
            + " writable",
        ) from exc
    try:
        os.write(handle, (new_key().hex() + "\n").encode("ascii"))
        os.fsync(handle)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise InputFileError(
            f"cannot write the key file ({exc.strerror or exc})", file=path
        ) from exc
    finally:
        os.close(handle)
