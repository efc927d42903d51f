"""A job's work with Python's cyclic garbage collector paused.

Why. A job builds millions of small objects that live until it ends: the people's and ties'
attribute dicts of a networkx graph, the payload's lists, matplotlib's paths. Each time enough
new objects have piled up, the collector walks the objects of its generations to look for
cycles; with a large heap that survives, the full collections it triggers again and again scan
everything built so far and find nothing to free. At a million contacts that was about half of
the CPU time of the ``map`` and ``timeline`` jobs. Reference counting still frees every object
that is no longer used; only reference cycles wait until the collector runs again, after the
job.

Examples
--------
>>> import gc
>>> with paused_collection():
...     gc.isenabled()
False
>>> gc.isenabled()
True

A job pauses it for the whole of its work with :func:`collection_paused`:

>>> @collection_paused
... def job():
...     return gc.isenabled()
>>> job(), gc.isenabled()
(False, True)
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["paused_collection", "collection_paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the ``with`` block and turn it back on after
    (only if it was on: a pause inside a pause keeps it off until the outer one ends).

    >>> with paused_collection():
    ...     with paused_collection():
    ...         pass
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collection_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run inside :func:`paused_collection`, with the same name, signature and
    docstring (a decorator for jobs)."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused_collection():
            return function(*args, **kwargs)

    return paused
