"""Writing files whole or not at all, one file or a set of files.

A reader never sees half a file: every writer of contactladder goes through :func:`replacing`,
which hands out a temporary path in the target's folder and renames it over the target only
when the writing succeeded (a rename within one folder is atomic). On failure the old file
stays as it was and the temporary file is removed. Text is UTF-8 with ``\\n`` line ends.

An output of several files goes through :func:`output_set`: every file is written into a
temporary folder beside the target (on the same disk) and moved into place only when all were
written, under the output's lock (:mod:`contactladder.io.locks`), so a second run waits or
fails clearly and a run that fails half way leaves the old files as they were:

- a *folder* output (the report) is swapped whole: the old folder is renamed aside, the new one
  renamed in, the old one removed. Files in the old folder that the new set does not write are
  kept (linked into the new folder), except those matching ``stale``;
- the *files* of a set in a shared folder (a map page with its pictures, the two CSV files of an
  export) are renamed into place one after the other once all are written.

Permissions:

- a replaced file keeps the mode it had (a worklist made private stays private);
- a new file follows the umask, or is private (``0600``, read and written by its owner only)
  when it holds names (``private=True``);
- a read-only file is never replaced: one :class:`~contactladder.errors.OutputError` naming it.

A full disk or a permission problem while writing is one :class:`~contactladder.errors.
OutputError` naming the path, with nothing half-written.

Examples
--------
>>> import tempfile, pathlib
>>> scratch = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(scratch.name) / "out" / "growth.csv"
>>> write_text(path, "period,ties\\n2024-01,3\\n").name
'growth.csv'
>>> path.read_text()
'period,ties\\n2024-01,3\\n'
>>> report = pathlib.Path(scratch.name) / "report"
>>> with output_set(report) as staging:
...     _ = write_text(staging.path("index.html"), "<p>1</p>")
...     _ = write_text(staging.path("growth.csv"), "a\\n1\\n")
>>> sorted(p.name for p in report.iterdir()), sorted(p.name for p in report.parent.iterdir())
(['growth.csv', 'index.html'], ['out', 'report'])
>>> scratch.cleanup()
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from contactladder.errors import OutputError
from contactladder.io.locks import output_lock, writing_error

__all__ = [
    "PRIVATE_MODE",
    "Staging",
    "output_set",
    "replacing",
    "write_bytes",
    "write_chunks",
    "write_text",
    "writing_error",
]

_UMASK = os.umask(0)
os.umask(_UMASK)
#: The mode of a file that holds names: read and written by its owner only.
PRIVATE_MODE = 0o600


def _refuse_read_only(path: Path) -> None:
    """Raise if ``path`` is an existing file its owner may not write (checked by its mode, so
    that it holds for root too)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise OutputError(
            "the file is read-only, so it is not replaced",
            file=path,
            hint="make it writable (chmod u+w) or write to another path",
        )


def _new_mode(path: Path, private: bool) -> int:
    """The mode a new version of ``path`` gets: the old file's, else private or the umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return PRIVATE_MODE if private else 0o666 & ~_UMASK


@contextlib.contextmanager
def replacing(path: str | Path, *, private: bool = False) -> Iterator[Path]:
    """Give a temporary path beside ``path``; on success rename it to ``path``, else remove it.

    The folder is created when missing. Use it for libraries that write to a path themselves.
    The new file keeps the mode of the file it replaces; a new one is ``0600`` when
    ``private``.

    Raises
    ------
    OutputError
        If ``path`` is a read-only file, or the folder cannot be created or written to (full,
        no permission, read-only); nothing is left half-written.

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
    _refuse_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
        )
    except OSError as exc:
        raise writing_error(exc, path) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        try:
            os.chmod(temporary, _new_mode(path, private))
            yield temporary
            os.replace(temporary, path)
        except OSError as exc:
            raise writing_error(exc, path) from exc
    finally:
        temporary.unlink(missing_ok=True)


def write_text(path: str | Path, text: str, *, private: bool = False) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, whole or not at all; return the path.

    ``private``: a new file is ``0600`` (for files that hold names).
    """
    return write_bytes(path, text.encode("utf-8"), private=private)


def write_bytes(path: str | Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data``, whole or not at all; return the path.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_bytes(pathlib.Path(folder) / "v.gexf", b"<gexf/>").read_bytes()
    b'<gexf/>'
    """
    return write_chunks(path, [data], private=private)


def write_chunks(path: str | Path, chunks: Iterable[bytes], *, private: bool = False) -> Path:
    """Write ``chunks`` as they come (a document too large to hold as one ``bytes``), whole
    or not at all: the file takes the place of ``path`` once the last chunk is written.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_chunks(pathlib.Path(folder) / "v.gexf", [b"<gexf>", b"</gexf>"]).read_bytes()
    b'<gexf></gexf>'
    """
    with replacing(path, private=private) as temporary, open(temporary, "wb") as stream:
        for chunk in chunks:
            stream.write(chunk)
    return Path(path)


class Staging:
    """Where the files of an :func:`output_set` are written before they are moved into place.

    ``path(target)`` is where to write ``target`` now: for a folder output, a name (or a path
    inside the folder); for a set of files, one of the files of the set.
    """

    def __init__(self, places: dict[Path, Path], folder: Path | None = None) -> None:
        self._places = places
        self._folder = folder

    def path(self, target: str | Path) -> Path:
        """The staged path of ``target``.

        Raises
        ------
        KeyError
            For a file that is not part of the set.
        """
        target = Path(target)
        if self._folder is None:
            return self._places[_absolute(target)]
        try:
            inside = _absolute(target).relative_to(self._folder)
        except ValueError:
            if target.is_absolute():
                raise KeyError(target) from None
            inside = target
        return self._places[self._folder] / inside


@contextlib.contextmanager
def output_set(
    targets: str | Path | Iterable[str | Path],
    *,
    private: bool = False,
    stale: Iterable[str] = (),
    wait: float = 5.0,
) -> Iterator[Staging]:
    """Write one output as a set: all its files, or none of them.

    Parameters
    ----------
    targets : path, or iterable of paths
        One path: a folder output, swapped whole. Several paths (a list, even of one): the
        files of the set.
    private : bool
        New files (and a new folder) are readable by their owner only.
    stale : iterable of str
        For a folder output: patterns (``growth-by-*.csv``) of files of an earlier run that go
        even when this run does not write them; other files not written are kept.
    wait : float
        Seconds to wait for another run writing the same output.

    Yields
    ------
    Staging
        ``staging.path(target)`` is where to write each file.

    Raises
    ------
    OutputError
        If another run holds the output's lock, a file to replace is read-only, or the disk is
        full or not writable; the old output is then left as it was and no temporary file
        stays behind.
    """
    folder_output = isinstance(targets, (str, os.PathLike))
    if folder_output:
        paths = [_absolute(Path(targets))]  # type: ignore[arg-type]
        _refuse_working_folder(paths[0])
    else:
        paths = list(dict.fromkeys(_absolute(Path(p)) for p in targets))  # type: ignore[union-attr]
    first = paths[0]
    created = _make_folders({path.parent for path in paths})
    try:
        with _locked_set(first, wait) as folders:
            yield from _write_set(first, paths, folders, folder_output, private, tuple(stale))
    except BaseException:
        for folder in reversed(created):  # folders made for this output only, when empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(parents: set[Path]) -> list[Path]:
    """Create the missing folders; return those created, outermost first."""
    created: list[Path] = []
    for parent in sorted(parents):
        missing = [p for p in (parent, *parent.parents) if not p.exists()]
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise writing_error(exc, parent) from exc
        created += [p for p in reversed(missing) if p not in created]
    return created


@contextlib.contextmanager
def _locked_set(first: Path, wait: float) -> Iterator[dict[Path, Path]]:
    """Hold the lock of the set named after ``first``; yield the staging folders by parent,
    removed at the end."""
    with output_lock(first, wait=wait):
        _remove_leftovers(first)
        folders: dict[Path, Path] = {}
        try:
            yield folders
        finally:
            for staged in folders.values():
                shutil.rmtree(staged, ignore_errors=True)


def _write_set(
    first: Path,
    paths: list[Path],
    staging_folders: dict[Path, Path],
    folder_output: bool,
    private: bool,
    stale: tuple[str, ...],
) -> Iterator[Staging]:
    """Stage the set, hand it out, then move it into place (the body of :func:`output_set`)."""
    try:
        for path in paths:
            if path.parent not in staging_folders:
                staging_folders[path.parent] = Path(
                    tempfile.mkdtemp(prefix=f".{first.name}.staging-", dir=path.parent)
                )
        if folder_output:
            places = {first: staging_folders[first.parent] / first.name}
            places[first].mkdir()
            yield Staging(places, folder=first)
            _swap_folder(places[first], first, private, stale)
        else:
            places = {path: staging_folders[path.parent] / path.name for path in paths}
            yield Staging(places)
            _move_files(places, private)
    except OSError as exc:
        raise writing_error(exc, getattr(exc, "filename", None) or first) from exc


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _refuse_working_folder(folder: Path) -> None:
    """A folder output may not hold the folder this process works in."""
    here = Path.cwd()
    if folder == here or folder in here.parents:
        raise OutputError(
            "the output folder holds the working folder, so it is not replaced",
            file=folder,
            hint="write the output into a folder of its own",
        )


def _remove_leftovers(first: Path) -> None:
    """Remove the staging and set-aside folders of an earlier run of this output that was
    killed (the caller holds the output's lock, so no living run uses them)."""
    for pattern in (f".{first.name}.staging-*", f".{first.name}.old-*"):
        for leftover in first.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def _move_files(places: dict[Path, Path], private: bool) -> None:
    """Rename every written file of a set into place, after checking all of them."""
    written = {target: staged for target, staged in places.items() if staged.exists()}
    for target, staged in written.items():
        _refuse_read_only(target)
        os.chmod(staged, _new_mode(target, private))
    for target, staged in written.items():
        os.replace(staged, target)


def _swap_folder(staged: Path, folder: Path, private: bool, stale: tuple[str, ...]) -> None:
    """Put the written folder ``staged`` in the place of ``folder``, keeping modes and the
    files not written (unless ``stale``)."""
    if not folder.exists():
        os.chmod(staged, 0o700 if private else 0o777 & ~_UMASK)
        os.rename(staged, folder)
        return
    if not folder.is_dir():
        raise OutputError(
            "not a folder, so it is not replaced", file=folder, hint="give the path of a folder"
        )
    for old in folder.iterdir():
        new = staged / old.name
        if new.exists():
            _refuse_read_only(old)
            if new.is_file():
                os.chmod(new, stat.S_IMODE(old.stat().st_mode))
        elif not any(fnmatch.fnmatch(old.name, pattern) for pattern in stale):
            _keep(old, new)
    os.chmod(staged, stat.S_IMODE(folder.stat().st_mode))
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
    os.rename(folder, aside / folder.name)
    try:
        os.rename(staged, folder)
    except OSError:
        os.rename(aside / folder.name, folder)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def _keep(old: Path, new: Path) -> None:
    """Carry a file (or folder) of the old output into the new one: a hard link where the disk
    allows, else a copy."""
    if old.is_dir() and not old.is_symlink():
        shutil.copytree(old, new, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(old, new)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
