"""The ``<node>`` and ``<edge>`` elements of a GEXF document, made a batch at a time.

A node or edge is one element, from its start (``start="..."``) with its static attributes as
``<attvalue>`` lines (those with empty text left out) and, for an edge, the ``<attvalue>``
lines of each of its rung spells (see :mod:`contactladder.io.gexf`). The text is made by
columns (:mod:`contactladder.io.text_columns`): an edge's *head* (its start tag and static
attributes) is put before its first spell and its *tail* after its last one, so that the
edges of a batch are the spells' texts one after the other.

Examples
--------
>>> import pandas as pd
>>> nodes = pd.DataFrame({"id": ["n1"], "label": ["Ouder 1"], "role": ["parent"],
...     "organisation": [""], "wijk": ["Dieze"], "focal": [True],
...     "present_from": pd.to_datetime(["2024-01-05"])})
>>> print(b"".join(node_batches(nodes, ["role", "organisation", "wijk", "focal"])).decode())
      <node id="n1" label="Ouder 1" start="2024-01-05">
        <attvalues>
          <attvalue for="role" value="parent" />
          <attvalue for="wijk" value="Dieze" />
          <attvalue for="focal" value="true" />
        </attvalues>
      </node>
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import polars as pl

from contactladder.io.text_columns import (
    BATCH,
    batch_bounds,
    batch_bytes,
    iso_column,
    joined,
    line_if,
    text_column,
)
from contactladder.io.values import xml_attribute

__all__ = ["node_batches", "node_ids", "edge_batches"]

_EMPTY = "        <attvalues />\n"
_OPEN, _CLOSE = "        <attvalues>\n", "        </attvalues>\n"


def node_batches(
    nodes: pd.DataFrame, names: list[str], *, with_time: bool = False, size: int = BATCH
) -> Iterator[bytes]:
    """Each ``<node>`` of the rows of ``nodes`` (``id, label, present_from`` and the columns
    ``names``): from the person's first presence, with the static attributes; ``size`` nodes
    a batch."""
    frame = pl.DataFrame(
        {
            "id": node_ids(nodes),
            "label": _texts(nodes["label"]),
            "start": iso_column(nodes["present_from"], with_time=with_time),
            **_values(nodes, names, with_time),
            "stamp": " />\n",
        }
    )
    element = joined(
        *('      <node id="', pl.col("id"), '" label="', pl.col("label"), '" start="'),
        *(pl.col("start"), '">\n', _attvalues_start(names, pl.lit(False))),
        *_static_lines(names),
        _attvalues_end(names, pl.lit(False), "      </node>\n"),
        ignore_nulls=True,
    )
    for start, stop in batch_bounds(len(frame), size):
        yield batch_bytes(frame[start:stop], element)


def edge_batches(
    ties: pd.DataFrame,
    spells: pd.DataFrame,
    names: list[str],
    keys: dict[int, str],
    *,
    ends: tuple[pl.Series, np.ndarray, np.ndarray] | None = None,
    with_time: bool = False,
    current: bool = False,
    size: int = BATCH,
) -> Iterator[bytes]:
    """Each ``<edge>`` of the rows of ``ties`` (``source, target, rung, first_contact`` and
    the columns ``names``), with its rung spells: the rows of ``spells`` (``row``, the tie's
    row in ``ties``, ``start, end, level``, sorted by row and start) whose ``row`` is its own.

    ``keys``: each rung's key by level. ``ends``: the nodes' :func:`node_ids` and the rows of
    each tie's source and target among them, when known (else the ties' own ends are used).
    ``current``: the edge's own time is its stretches of time current
    (:func:`_current_times`), else from its first contact. ``size`` edges a batch."""
    rows = spells["row"].to_numpy(dtype=np.int64)
    counts = np.bincount(rows, minlength=len(ties))[: len(ties)]
    spell_rows = pl.DataFrame(
        {
            "row": rows,
            "start": iso_column(spells["start"], with_time=with_time),
            "end": iso_column(spells["end"], with_time=with_time),
            "level": spells["level"].to_numpy(dtype=np.int64),
        }
    )
    frame = pl.DataFrame(
        {
            "row": np.arange(len(ties), dtype=np.int64),
            **_ends(ties, ends),
            "rung": _texts(ties["rung"]),
            **_values(ties, names, with_time),
            "has_spells": counts > 0,
        }
    )
    if current:
        frame = frame.join(_current_times(spell_rows), on="row", how="left", maintain_order="left")
    else:
        first = iso_column(ties["first_contact"], with_time=with_time)
        opening = joined(' start="', pl.col("since"), '">\n')
        frame = frame.with_columns(since=first).with_columns(opening=opening)
    has_spells = pl.col("has_spells")
    frame = frame.with_columns(stamp=joined(' start="', pl.col("since"), '" />\n'))
    head = joined(
        *('      <edge id="e', (pl.col("row") + 1).cast(pl.String), '" source="'),
        *(pl.col("source"), '" target="', pl.col("target"), '" weight="'),
        *(pl.col("rung"), '"', pl.col("opening"), _attvalues_start(names, has_spells)),
        *_static_lines(names),
        ignore_nulls=True,
    )
    tail = _attvalues_end(names, has_spells, "      </edge>\n")
    first_spells = np.concatenate([[0], np.cumsum(counts)])
    for start, stop in batch_bounds(len(ties), size):
        low, high = int(first_spells[start]), int(first_spells[stop])
        order = _interleaved(first_spells[start : stop + 1] - low, rows[low:high] - start)
        tags = frame[start:stop].select(head=head, tail=tail)
        texts = spell_rows[low:high].select(_spell_lines(keys)).to_series()
        pieces = pl.concat([tags["head"], tags["tail"], texts])
        yield batch_bytes(pl.DataFrame({"piece": pieces.gather(order)}), pl.col("piece"))


def _interleaved(first_spells: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Where each of ``heads + tails + spells`` goes so that each tie's head comes before its
    spells and its tail after them: ``first_spells`` the position of each tie's first spell
    (and the number of spells, last), ``rows`` each spell's tie. Spell j of tie r is
    (counting from 0) the ``j + 2r + 1``-th piece.

    >>> _interleaved(np.array([0, 2, 2]), np.array([0, 0])).tolist()  # h0 s0 s1 t0 h1 t1
    [0, 4, 5, 2, 1, 3]
    """
    ties = np.arange(len(first_spells) - 1, dtype=np.int64)
    spells = np.arange(len(rows), dtype=np.int64)
    order = np.empty(2 * len(ties) + len(rows), dtype=np.int64)
    order[first_spells[:-1] + 2 * ties] = ties
    order[first_spells[1:] + 2 * ties + 1] = len(ties) + ties
    order[spells + 2 * rows + 1] = 2 * len(ties) + spells
    return order


def node_ids(nodes: pd.DataFrame) -> pl.Series:
    """The ``id`` of each row of ``nodes`` as an attribute value."""
    return _texts(nodes["id"])


def _ends(
    ties: pd.DataFrame, ends: tuple[pl.Series, np.ndarray, np.ndarray] | None
) -> dict[str, pl.Series]:
    """``source`` and ``target`` as attribute values: taken from the nodes' ids by row when
    ``ends`` gives them, else made from the ties' own."""
    if ends is None:
        return {end: _texts(ties[end]) for end in ("source", "target")}
    ids, low, high = ends
    return {"source": ids.gather(low), "target": ids.gather(high)}


def _values(table: pd.DataFrame, names: list[str], with_time: bool) -> dict[str, pl.Series]:
    """The text of each static attribute (null where empty): dates as ISO text, anything
    else escaped."""
    texts = {
        name: iso_column(table[name], with_time=with_time)
        if pd.api.types.is_datetime64_any_dtype(table[name])
        else _texts(table[name])
        for name in names
    }
    return {name: text.set(text == "", None) for name, text in texts.items()}


def _attvalues_start(names: list[str], has_spells: pl.Expr) -> pl.Expr:
    """``<attvalues>``, or ``<attvalues />`` when there is no value and no spell."""
    empty = _no_attvalues(names, has_spells)
    return pl.when(empty).then(pl.lit(_EMPTY)).otherwise(pl.lit(_OPEN))


def _attvalues_end(names: list[str], has_spells: pl.Expr, end: str) -> pl.Expr:
    """``</attvalues>`` (unless there is no value and no spell), then ``end``."""
    empty = _no_attvalues(names, has_spells)
    return pl.when(empty).then(pl.lit(end)).otherwise(pl.lit(_CLOSE + end))


def _no_attvalues(names: list[str], has_spells: pl.Expr) -> pl.Expr:
    """Whether an element has no static value (all of ``names`` null) and no spell."""
    return pl.all_horizontal([pl.col(name).is_null() for name in names]) & ~has_spells


def _static_lines(names: list[str]) -> list[pl.Expr]:
    """One ``<attvalue>`` per column of ``names``, null where it is (its text empty), ending
    in the ``stamp`` column (its time and the end of the tag)."""
    return [
        joined(f'          <attvalue for="{name}" value="', pl.col(name), '"', pl.col("stamp"))
        for name in names
    ]


def _time() -> pl.Expr:
    """`` start=".."`` and, where the spell or stretch has one, `` end=".."``."""
    end = pl.col("end")
    return joined(' start="', pl.col("start"), '"', line_if(end, ' end="', end, '"'))


def _spell_lines(keys: dict[int, str]) -> pl.Expr:
    """A spell's ``<attvalue>`` lines: ``rung``, ``rung_key`` and ``weight`` in its time."""
    level = pl.col("level").cast(pl.String)
    key = pl.col("level").replace_strict(keys, return_dtype=pl.String)
    stamp = joined(_time(), " />\n")
    return joined(
        *(
            part
            for name, value in (("rung", level), ("rung_key", key), ("weight", level))
            for part in (f'          <attvalue for="{name}" value="', value, '"', stamp)
        )
    )


def _current_times(spells: pl.DataFrame) -> pl.DataFrame:
    """Per tie (``row``) with spells, its own time in the current view: its stretches of time
    current (its spells joined where one ends as the next starts); ``opening`` the rest of its
    start tag (its one stretch's time, or ``<spells>``, one ``<spell>`` a stretch) and
    ``since``, when its first stretch starts."""
    row = pl.col("row")
    touching = (row == row.shift(1)) & (pl.col("start") == pl.col("end").shift(1))
    stretches = (
        spells.with_columns(stretch=(~touching.fill_null(False)).cum_sum())
        .group_by("stretch", maintain_order=True)
        .agg(row.first(), pl.col("start").first(), pl.col("end").last())
        .group_by("row", maintain_order=True)
        .agg(
            count=pl.len(),
            since=pl.col("start").first(),
            single=_time().first(),
            spells=joined("          <spell", _time(), " />\n").str.join(""),
        )
    )
    opening = (
        pl.when(pl.col("count") == 1)
        .then(joined(pl.col("single"), ">\n"))
        .otherwise(joined(">\n        <spells>\n", pl.col("spells"), "        </spells>\n"))
    )
    return stretches.select("row", "since", opening=opening)


def _texts(values: pd.Series) -> pl.Series:
    """A column's cells as attribute values: true and false for booleans, anything else as
    XML-safe text (:func:`~contactladder.io.values.as_text`), escaped; each distinct cell once."""
    return text_column(values, xml_attribute, booleans=("false", "true"))
