"""What every job shares: reading the data once, and what a job hands back to its caller.

A *job* is one command's work: read the data, compute each table once, render, write, and return
a :class:`Result` that says what was written and what to tell the reader. The CLI calls one job
per command and prints its result; scripts can call the jobs too.

>>> result = Result(paths=[Path("outputs/growth.csv")], notes=["Set aside 2 invalid rows"])
>>> result.paths[0].name, result.notes
('growth.csv', ['Set aside 2 invalid rows'])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["Result", "Progress", "open_network"]

#: A ``progress(done, total)`` callback, or None.
Progress = Callable[[int, int], None] | None


@dataclass
class Result:
    """What a job did: the files it wrote, text for the reader, and notes for the side.

    Attributes
    ----------
    paths : list of Path
        Every file written, the main one first.
    text : str
        What to show the reader (a table, a summary, a snippet); "" for nothing.
    notes : list of str
        Remarks beside the result (rows set aside, files that hold personal data); the CLI
        writes them on stderr.
    """

    paths: list[Path] = field(default_factory=list)
    text: str = ""
    notes: list[str] = field(default_factory=list)


def open_network(data: str | Path, *, output: str | Path | None = None,
                 rejects: str | Path | None = None, **load: Any,
                 ) -> tuple[LadderNetwork, list[str]]:
    """Read ``data`` as a :class:`~contactladder.network.ladder_network.LadderNetwork`, and write
    the rows set aside by ``skip_invalid`` into a rejects file.

    Parameters
    ----------
    data : path
        A data folder or a contacts file.
    output : path, optional
        The job's main output: the rejects file goes beside it (``<name>.rejects.csv``).
    rejects : path, optional
        Where to write the rejects instead (default: beside ``output``, else
        ``outputs/rejects.csv``).
    **load :
        The options of :func:`contactladder.loading.load` and ``focal``.

    Returns
    -------
    (LadderNetwork, list of str)
        The network and the notes to show (where the rejects went).
    """
    from contactladder.io.files import write_table
    from contactladder.network.ladder_network import LadderNetwork

    net = LadderNetwork.from_path(data, **load)
    notes = []
    if len(net.rejects):
        if rejects is None:
            rejects = (Path(output).with_name(Path(output).stem + ".rejects.csv") if output
                       else Path("outputs") / "rejects.csv")
        write_table(net.rejects, rejects)
        notes.append(f"Set aside {len(net.rejects)} invalid rows: {rejects}")
    return net, notes
