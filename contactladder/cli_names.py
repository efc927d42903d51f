"""What the command line calls each library parameter, so that a hint or a warning that names a
parameter (``{time_unit}``) reads as the option to give (``--time-unit``).

>>> option_of("time_unit"), option_of("columns"), CliOptions()["freq"]
('--time-unit', '--column', '--period')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

__all__ = ["OPTIONS", "option_of", "CliOptions"]

# The option of each library parameter whose name is not simply --<name>.
OPTIONS = {
    "columns": "--column",
    "wave_dates": "--wave-date",
    "freq": "--period",
    "output": "-o",
    "format": "--format",
    "anonymize": "--anonymize/--names",
    "path": "DATA",
    "folder": "FOLDER",
    "start": "--as-of",
    "end": "--as-of",
    "kinds": "--kind",
    "missing": "--missing-code",
}


def option_of(parameter: str) -> str:
    """The CLI option for a library parameter: ``time_unit`` -> ``--time-unit``."""
    return OPTIONS.get(parameter, "--" + parameter.replace("_", "-"))


class CliOptions(Mapping[str, str]):
    """Every library parameter -> its option, for :meth:`ContactLadderError.message` and
    :func:`~contactladder.errors.render_parameters`."""

    def __getitem__(self, parameter: str) -> str:
        return option_of(parameter)

    def __contains__(self, parameter: object) -> bool:
        return isinstance(parameter, str)

    def __iter__(self) -> Iterator[str]:
        return iter(OPTIONS)

    def __len__(self) -> int:
        return len(OPTIONS)
