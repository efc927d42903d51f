"""The ``contactladder`` command: each command parses its options, calls one library function,
and prints a summary or the paths it wrote.

Errors take one road: a :class:`~contactladder.errors.ContactLadderError` raised anywhere below is
shown by :class:`LadderGroup` as ``Error: <message>`` with exit status 1 and no traceback;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import ContactLadderError

__all__ = ["main"]

PERIODS = ("day", "week", "month", "quarter", "year")


class LadderGroup(click.Group):
    """A click group that turns a ContactLadderError into one line and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContactLadderError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=LadderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contactladder")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.option("--quiet", "-q", is_flag=True, help="No progress messages.")
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Contacts between parents and professionals on the rungs of the contact ladder.

    Example: contactladder growth data/zwolle-demo --period quarter
    """
    ctx.obj = {"debug": debug, "quiet": quiet or not sys.stderr.isatty()}
