"""``python -m contactladder``: the same as the ``contactladder`` command."""

from contactladder.cli import main

main()
