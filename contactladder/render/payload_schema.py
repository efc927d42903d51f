"""The data a map or timeline page reads: its fields, described once here and checked by one
schema.

A page's payload travels as JSON in the page's ``<script type="application/json" id="cl-data">``
block. Every field has a name; a *table* is column-wise: an object of equally long lists, one per
column, so row ``i`` is ``table[column][i]`` (``nodes["label"][3]``), and the file stays small.
People are numbered 0, 1, ... in map order; ``-1`` means "none".

Both pages (``kind`` "map" and "timeline"):

- ``title``, ``subtitle`` (str); ``subtitle_lead`` (list of str): the subtitle before its
  counts of people and ties, which the page rewrites when it filters;
- ``as_of`` (str): ISO date of the moment shown, or ""; ``lang`` (str); ``anonymized`` (bool);
- ``text`` (object of str): the words of the page's script, by key;
- ``rungs``: list of ``{level, key, label, colour, width}``, bottom to top;
- ``groups``: list of ``{label, role, role_key, organisation, colour, shape}``: the legend's
  groups of people (``role_key``: the role as a key, "parent");
- ``focal_role`` (str): the focal role's key; ``alone_colour`` (str): the ring of the people who
  need a link; ``legend`` (str): "open", "closed" or "" (automatic: open, compact when narrow);
- ``wijken`` (list of str), ``areas``: table ``wijk`` (index into ``wijken``), ``x``, ``y``,
  ``radius``: where each wijk's people sit, for its name on the map;
- ``focus`` (int): the person in focus or -1; ``min_level`` (int): lowest rung shown at first;
- ``grouped`` (bool): the nodes are groups of people (:mod:`~contactladder.render.map_groups`),
  not people: no one is ringed as alone, and there is no filter of the people alone;
- ``nodes``: table ``x``, ``y`` (canvas units, y down), ``size`` (canvas units, from the number
  of ties), ``group`` (index into ``groups``), ``wijk`` (index into ``wijken`` or -1),
  ``label`` (str), ``alone`` (0; 1: a focal person with no tie; 2: one with ties, none to
  another focal person; on the timeline as at its last step, which the page recounts per
  step). The ``size`` of a person with ``alone`` 1 or 2 is at least the median size.

The map page also has:

- ``activities`` (list of str); ``dates`` (list of str): the ISO days of the ties' first and
  last contacts, sorted;
- ``edges``: table ``a``, ``b`` (people, ``a < b``), ``level`` (the rung reached),
  ``first_contact``, ``last_contact`` (indexes into ``dates``, -1 for none), ``contacts``
  (int), ``activities`` (list of indexes into ``activities``), ``faded`` (1: no contact within
  the fading window of a focus map: drawn dashed and lighter).

The timeline page also has:

- ``details`` (bool): False for anonymous dots (the report's version): no wijk, organisation
  or start per person, and no tooltip over a person;
- ``group_sizes`` (list of lists of numbers): with ``grouped``
  (:mod:`~contactladder.render.timeline_groups`), per group the flat list ``[step, size, step,
  size, ...]`` of each step where its size changes; empty when not grouped;
- ``freq`` (str); ``steps``: table ``label`` (ISO: "2024-03", "2024Q1") and ``text`` ("maart
  2024"), one row per period;
- ``nodes`` has the column ``appear``: the step at which each person is first present (-1:
  never);
- ``edges``: table ``a``, ``b`` and ``history``: per tie the flat list ``[step, level, step,
  level, ...]`` of its first step with its rung then, and each later step where it climbed with
  the new rung; in the current view also the steps where it declined (the lower rung), ended
  (level 0: not drawn from that step on) and came back;
- ``view`` (str): "reached" or "current" (``text`` then also has ``ended_ties``, ``declined``
  and ``ended``);
- ``sizes`` (list of numbers): the size of a person with 0, 1, ... ties (the last for more);
- ``counters``: ``columns`` (list of str: the growth table's columns shown, in order), ``all``:
  table with those columns, one row per step, and ``wijken``: one such table per wijk of
  ``wijken`` (empty when the page has no wijk filter);
- ``focal_alone_label`` (str).

Examples
--------
>>> check_payload({"title": "x"}, "map")
Traceback (most recent call last):
...
ValueError: payload field subtitle: missing
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["check_payload", "KINDS", "LEGEND_VALUES", "TIMELINE_VIEWS"]


@dataclass(frozen=True)
class _Table:
    """A column-wise table: an object of equally long lists."""

    columns: Mapping[str, Any]


@dataclass(frozen=True)
class _Text:
    """An object of str values under any keys."""


@dataclass(frozen=True)
class _Counters:
    """A table whose columns the payload names itself (checked after the rest)."""


_NUMBER = float
_RUNG = {"level": int, "key": str, "label": str, "colour": str, "width": _NUMBER}
_GROUP = {
    "label": str,
    "role": str,
    "role_key": str,
    "organisation": str,
    "colour": str,
    "shape": str,
}
_NODES = {
    "x": _NUMBER,
    "y": _NUMBER,
    "size": _NUMBER,
    "group": int,
    "wijk": int,
    "label": str,
    "alone": int,
}
#: The values of the field ``legend``.
LEGEND_VALUES = ("open", "closed", "")
_COMMON = {
    "title": str,
    "subtitle": str,
    "subtitle_lead": [str],
    "as_of": str,
    "lang": str,
    "anonymized": bool,
    "text": _Text(),
    "rungs": [_RUNG],
    "groups": [_GROUP],
    "focal_role": str,
    "alone_colour": str,
    "legend": str,
    "wijken": [str],
    "areas": _Table({"wijk": int, "x": _NUMBER, "y": _NUMBER, "radius": _NUMBER}),
    "focus": int,
    "min_level": int,
    "grouped": bool,
    "nodes": _Table(_NODES),
}
_SCHEMAS = {
    "map": {
        **_COMMON,
        "activities": [str],
        "dates": [str],
        "edges": _Table(
            {
                "a": int,
                "b": int,
                "level": int,
                "first_contact": int,
                "last_contact": int,
                "contacts": int,
                "activities": [int],
                "faded": int,
            }
        ),
    },
    "timeline": {
        **_COMMON,
        "freq": str,
        "steps": _Table({"label": str, "text": str}),
        "nodes": _Table({**_NODES, "appear": int}),
        "edges": _Table({"a": int, "b": int, "history": [int]}),
        "sizes": [_NUMBER],
        "counters": {"columns": [str], "all": _Counters(), "wijken": [_Counters()]},
        "focal_alone_label": str,
        "details": bool,
        "view": str,
        "group_sizes": [[_NUMBER]],
    },
}
#: The views a timeline can show.
TIMELINE_VIEWS = ("reached", "current")
#: The kinds of page there are payloads for.
KINDS = tuple(_SCHEMAS)


def check_payload(data: Mapping[str, Any], kind: str) -> None:
    """Check that ``data`` is a payload of a ``kind`` page ("map" or "timeline").

    Checks every field's type, that tables have equally long columns, and that the numbers
    pointing into other fields (people, groups, wijken, activities, dates, steps) point at
    something.

    Raises
    ------
    ValueError
        Naming the first field that is wrong (``nodes.label[3]``).

    >>> check_payload({"title": 1}, "map")
    Traceback (most recent call last):
    ...
    ValueError: payload field title: expected str, got int
    """
    if kind not in _SCHEMAS:
        raise ValueError(f"no payload schema for {kind!r}; kinds: {', '.join(KINDS)}")
    _check(data, _SCHEMAS[kind], "")
    people = len(data["nodes"]["x"])
    _indexes(data["nodes"]["group"], len(data["groups"]), "nodes.group")
    _indexes(data["nodes"]["wijk"], len(data["wijken"]), "nodes.wijk", none=True)
    _indexes(data["areas"]["wijk"], len(data["wijken"]), "areas.wijk")
    _indexes(data["nodes"]["alone"], 3, "nodes.alone")
    if data["legend"] not in LEGEND_VALUES:
        raise ValueError(
            f"payload field legend: {data['legend']!r} is not one of "
            f"{', '.join(map(repr, LEGEND_VALUES))}"
        )
    _indexes([data["focus"]], people, "focus", none=True)
    _indexes(data["edges"]["a"], people, "edges.a")
    _indexes(data["edges"]["b"], people, "edges.b")
    if kind == "map":
        used = data["edges"]["activities"]
        if not _fits(list(itertools.chain.from_iterable(used)), len(data["activities"])):
            for i, each in enumerate(used):
                _indexes(each, len(data["activities"]), f"edges.activities[{i}]")
        for day in ("first_contact", "last_contact"):
            _indexes(data["edges"][day], len(data["dates"]), f"edges.{day}", none=True)
        return
    if data["view"] not in TIMELINE_VIEWS:
        raise ValueError(f"payload field view: {data['view']!r} is not reached or current")
    steps = len(data["steps"]["label"])
    _indexes(data["nodes"]["appear"], steps, "nodes.appear", none=True)
    _histories(data["edges"]["history"], steps, "edges.history")
    if data["grouped"] and len(data["group_sizes"]) != people:
        raise ValueError("payload field group_sizes: not one list per group")
    _histories(data["group_sizes"], steps, "group_sizes")
    if not data["sizes"]:
        raise ValueError("payload field sizes: empty")
    counters = data["counters"]
    table = _Table(dict.fromkeys(counters["columns"], int))
    _check(counters["all"], table, "counters.all")
    if len(next(iter(counters["all"].values()), [])) != steps and counters["columns"]:
        raise ValueError(f"payload field counters.all: not one row per step ({steps})")
    if counters["wijken"] and len(counters["wijken"]) != len(data["wijken"]):
        raise ValueError("payload field counters.wijken: not one table per wijk")
    for i, rows in enumerate(counters["wijken"]):
        _check(rows, table, f"counters.wijken[{i}]")


def _histories(histories: list[list[Any]], steps: int, name: str) -> None:
    """Check that each history of the field ``name`` is pairs of step and value, the steps
    pointing at steps: all at once, one by one only to name the first that is wrong."""
    lengths = list(map(len, histories))
    flat = list(itertools.chain.from_iterable(histories))
    pairs = min(lengths, default=2) >= 2 and not sum(n % 2 for n in lengths)
    if pairs and _fits(flat[::2], steps):
        return
    for i, history in enumerate(histories):
        if len(history) < 2 or len(history) % 2:
            raise ValueError(f"payload field {name}[{i}]: not pairs of step and value")
        _indexes(history[::2], steps, f"{name}[{i}]")


def _check(value: Any, spec: Any, name: str) -> None:
    """Check ``value`` against ``spec``; ``name`` is its field ("" for the whole payload)."""
    if isinstance(spec, dict):
        _is(value, dict, name)
        for key, field_spec in spec.items():
            if key not in value:
                raise ValueError(f"payload field {_field(name, key)}: missing")
            _check(value[key], field_spec, _field(name, key))
        extra = sorted(set(value) - set(spec))
        if extra:
            raise ValueError(f"payload field {_field(name, extra[0])}: not in the schema")
    elif isinstance(spec, _Table):
        _check(value, {column: [kind] for column, kind in spec.columns.items()}, name)
        if len({len(value[column]) for column in spec.columns}) > 1:
            raise ValueError(f"payload field {name}: columns of different lengths")
    elif isinstance(spec, _Text):
        _is(value, dict, name)
        for key, item in value.items():
            _check(item, str, _field(name, key))
    elif isinstance(spec, list):
        _is(value, list, name)
        if _plain(value, spec[0]):
            return  # a long column of plain values (or lists of them): checked at once
        for i, item in enumerate(value):
            _check(item, spec[0], f"{name}[{i}]")
    elif not isinstance(spec, _Counters):  # counters are checked once their columns are known
        _is(value, spec, name)


# The exact types a value of each kind may have; other types are checked one by one.
_EXACT: dict[type, set[type]] = {float: {int, float}, int: {int}, str: {str}, bool: {bool}}


def _plain(values: list, spec: Any) -> bool:
    """Whether ``values`` are all of the plain ``spec`` type, or all lists of such values."""
    if isinstance(spec, list) and len(spec) == 1 and isinstance(spec[0], type):
        if not all(type(item) is list for item in values):
            return False
        values, spec = list(itertools.chain.from_iterable(values)), spec[0]
    return isinstance(spec, type) and set(map(type, values)) <= _EXACT.get(spec, {spec})


def _field(name: str, key: str) -> str:
    return f"{name}.{key}" if name else key


def _is(value: Any, kind: type, name: str) -> None:
    name = name or "payload"
    ok = (
        isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind is float
        else isinstance(value, int) and not isinstance(value, bool)
        if kind is int
        else isinstance(value, kind)
    )
    if not ok:
        raise ValueError(
            f"payload field {name}: expected {kind.__name__}, got {type(value).__name__}"
        )


def _indexes(values: list[int], size: int, name: str, *, none: bool = False) -> None:
    """Check that each of ``values`` is an index into ``size`` things (or -1 with ``none``)."""
    if _fits(values, size, none=none):
        return
    low = -1 if none else 0
    for i, value in enumerate(values):
        if not low <= value < size:
            raise ValueError(f"payload field {name}[{i}]: {value} points at nothing")


def _fits(values: list[int], size: int, *, none: bool = False) -> bool:
    """Whether all of ``values`` are indexes into ``size`` things (or -1 with ``none``)."""
    return not values or ((-1 if none else 0) <= min(values) and max(values) < size)
