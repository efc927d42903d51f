"""The timeline page's payload: the village growing period by period, with its counters.

The payload is that of the map of the whole history (:func:`~contactladder.render.map_payload.
map_data`: everyone at their final place) plus, per period (*step*), when each person appears
and each tie first reaches and later climbs its rungs, and the counters of the growth table for
each step. The structure is described in :mod:`contactladder.render.payload_schema`.

The counters are *given*: :func:`timeline_data` receives the growth tables
(:func:`contactladder.analysis.growth.growth` of the same ``freq``, and its ``by="wijk"`` table
for a wijk filter) from its caller, which computes them once for everything it writes; it only
picks the columns the page shows.

Definitions (those of :mod:`contactladder.network.ladder_network`): a person *appears* in the
period they become present; a tie is *new* in the period of its first contact, at the rung
reached by the end of that period, and *climbs* in a later period where its reached rung rises.
In the current view (``view="current"``, :mod:`contactladder.network.current`) a tie is at its
current rung at each period's end: it can also *decline* (its history gets the lower rung) and
*end* (its history gets level 0 in the step it ended: it is not drawn from there on, until a
new contact brings it back at a rung again).

Examples
--------
>>> from contactladder.network.ladder_network import LadderNetwork
>>> from contactladder.analysis.growth import growth
>>> net = LadderNetwork.from_path("data/zwolle-demo")  # doctest: +SKIP
>>> data = timeline_data(net, counters=growth(net, freq="quarter"), freq="quarter",
...                      counters_by_wijk=growth(net, freq="quarter", by="wijk"))  # doctest: +SKIP
>>> data["steps"]["text"][:2]  # doctest: +SKIP
['2024 K1', '2024 K2']
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.errors import UsageError
from contactladder.network.current import DEFAULT_LAPSE, parse_lapse
from contactladder.render import map_groups
from contactladder.render.layout import layout_areas
from contactladder.render.map_groups import check_timeline_size, group_map_data, shows_groups
from contactladder.render.map_payload import latest_contact, map_data
from contactladder.render.map_text import counts_text, iso_date, long_date
from contactladder.render.network_map import (
    Layout,
    duration_text,
    in_wijk,
    map_options,
    shared_map_options,
)
from contactladder.render.styles import node_order, size_table
from contactladder.render.timeline_groups import group_steps
from contactladder.words import words
from contactladder.words.roles import role_word

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

__all__ = ["timeline_data", "counter_columns", "needs_wijk_counters", "period_text"]


def timeline_data(
    net: LadderNetwork,
    *,
    counters: pd.DataFrame,
    counters_by_wijk: pd.DataFrame | None = None,
    freq: str = "month",
    lang: str = "nl",
    anonymize: bool = True,
    title: str | None = None,
    wijk: str | None = None,
    min_rung: object = None,
    legend: str | None = None,
    details: bool = True,
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
    layout: Layout = layout_areas,
    order: list[Hashable] | None = None,
    aggregate: str = "auto",
) -> dict[str, Any]:
    """The payload of the timeline of ``net``.

    Parameters
    ----------
    net : LadderNetwork
    counters : pandas.DataFrame
        ``growth(net, freq=freq)``: one row per period, the counters of each step.
    counters_by_wijk : pandas.DataFrame, optional
        ``growth(net, freq=freq, by="wijk")``. Needed with ``wijk`` (its rows of that wijk are
        the counters) and for the page's wijk filter; without it the page has none
        (:func:`needs_wijk_counters` says when to compute it).
    freq : {"day", "week", "month", "quarter", "year"}
        The length of a step, as the tables were computed.
    lang, anonymize, title, legend :
        As in :func:`~contactladder.render.network_map.network_map_data`.
    wijk : str, optional
        Only the people of this wijk and the ties among them.
    min_rung : level, key or label, optional
        The lowest rung drawn when the page opens (the counters always count every rung).
    details : bool
        False draws people as anonymous dots, as a report shares them: no wijk or organisation
        per person (professionals are one group), no wijk filter or names on the map, no
        tooltip over a person.
    view : {"reached", "current"}
        Reached: each tie from its first contact on, at the rung reached. Current: each tie at
        its current rung at each step's end; ties that ended disappear in the step they ended,
        declining ties take the colour of their lower rung. ``counters`` must be of the same
        view (``growth(net, freq=freq, view="current", lapse=lapse)``).
    lapse : str or Timedelta
        The current view's lapse window (``"180d"``): a tie without a contact in it has ended.
    layout : callable
        Gives everyone's positions, as in :func:`~contactladder.render.network_map.
        network_map_data`.
    order : list, optional
        :func:`~contactladder.render.styles.node_order` of the people of the whole history (of
        ``wijk``), when the caller has it; made here when not given.
    aggregate : {"auto", "people", "groups"}
        "groups" draws one node per group of the grouped map
        (:mod:`~contactladder.render.timeline_groups`), reached view only; "people" every
        person; "auto" (the default) groups beyond
        :data:`~contactladder.render.map_groups.AGGREGATE_ABOVE` people (of ``wijk``).

    Raises
    ------
    UsageError
        For an unknown period, language, wijk, rung, view or ``aggregate``, a ``lapse`` that is
        not a duration, the current view of groups, or with "people" more people (of ``wijk``)
        than a timeline draws (:func:`~contactladder.render.map_groups.check_timeline_size`).
    ValueError
        If the tables do not have one row per period of ``freq``, or ``wijk`` is given without
        ``counters_by_wijk``.
    """
    options = map_options(net, lang=lang, wijk=wijk, min_rung=min_rung, title=title)
    periods = net.period_range(freq)  # UsageError for an unknown period
    if view not in ("reached", "current"):
        raise UsageError("unknown view", value=view, hint="use reached or current")
    window = parse_lapse(lapse)
    w = words(lang)
    final = net.snapshot() if net.has_contacts else nx.Graph()
    G = in_wijk(final, options.wijk)
    grouped = shows_groups(G, aggregate)
    if not grouped:
        check_timeline_size(len(G))
    elif view != "reached":
        raise UsageError(
            "a grouped timeline shows the reached view only",
            value=view,
            hint=f"leave out {{view}}, or draw people with {{aggregate}} people (at most "
            f"{map_groups.AGGREGATE_ABOVE:,}: give {{wijk}} for one wijk of more)",
        )
    # The date of the whole history: the day of the last contact, or of the wijk's last tie.
    latest = iso_date(net.end) if options.wijk is None and net.has_contacts else latest_contact(G)
    shared = shared_map_options(
        net, options, final, layout=layout, lang=lang, anonymize=anonymize, legend=legend
    )
    drawn = {"title": " — ".join(options.title_parts), "as_of": latest or None, **shared}
    drawn["part"] = options.wijk is not None
    if grouped:
        found = group_steps(net, freq, G, anonymize=anonymize, focal=net.focal)
        data = group_map_data(G, net.ladder, groups=found.groups, **drawn)
        appear, ends_a, ends_b, histories = (
            found.appear,
            *_tie_histories(found.a, found.b, found.steps, found.levels, len(found.order)),
        )
        counted = data["subtitle"].rsplit(" · ", 1)[-1]
    else:
        order = node_order(G) if order is None else order
        data = map_data(G, net.ladder, ties=False, order=order, dots=not details, **drawn)
        index = {node: i for i, node in enumerate(order)}
        appear, ends_a, ends_b, histories = _histories(net, freq, index, view, window)
        counted = counts_text(len(index), len(ends_a), lang)
    labels = net.calendar(freq).labels  # ISO text, or the waves' names
    steps = {
        "label": labels,
        "text": [period_text(p, freq, lang, label=t) for p, t in zip(periods, labels)],
    }
    columns = counter_columns(net, view=view)
    counters_all, counters_wijk = _counters(
        counters, counters_by_wijk, columns, options.wijk, data["wijken"], len(periods)
    )
    lead = [w[f"map.per_{freq}"].capitalize()]
    if len(periods):
        lead.append(f"{steps['text'][0]} – {steps['text'][-1]}")
    focal = role_word(net.focal, lang, plural=True)
    if view == "current":
        lapse_text = duration_text(window)
        lead.append(w["timeline.view_current"].format(lapse=lapse_text))
        data["text"] = {
            **data["text"],
            "fresh_note": w["timeline.fresh_note_current"].format(lapse=lapse_text),
            **{key: w[f"timeline.{key}"] for key in ("ended_ties", "declined", "ended")},
        }
    if grouped:
        lead.append(w["map_groups.grouped"])
    data.update(
        {
            "subtitle": " · ".join([*lead, counted]),
            "subtitle_lead": lead,
            "freq": freq,
            "steps": steps,
            "nodes": {**data["nodes"], "appear": appear},
            "edges": {"a": ends_a, "b": ends_b, "history": histories},
            "sizes": size_table(0 if grouped else max((G.degree(n) for n in G), default=0)),
            "group_sizes": found.sizes if grouped else [],
            "counters": {"columns": columns, "all": counters_all, "wijken": counters_wijk},
            "focal_alone_label": w["map.focal_alone"].format(focal=focal),
            "details": bool(details) or grouped,  # a group is not a person: its tooltip stays
            "view": view,
        }
    )
    del data["activities"], data["dates"]
    return data


def _histories(
    net: LadderNetwork, freq: str, index: dict, view: str, lapse: pd.Timedelta
) -> tuple[list[int], list[int], list[int], list[list[int]]]:
    """When each person of ``index`` (person -> 0, 1, ... in its order) appears, and the ties
    among them sorted by their ends' numbers ``a <= b``: ``a``, ``b`` and each one's history
    ``[step, level, ...]`` (level 0: ended). The reached view reads them from the contacts
    grouped by period and pair (:meth:`~contactladder.network.LadderNetwork.period_rows`: a
    tie's step where it is new or climbs is a row whose reached rung is above the one before),
    the current view from one walk over the periods."""
    if view == "reached":
        periods, rows, joined = net.period_rows(freq)
        people = pd.Index(list(index), dtype=object)
        number = people.get_indexer(net.column("role").index)  # by code; -1: not in the map
        appear = np.full(len(index), -1, dtype=np.int64)
        shown = np.flatnonzero((number >= 0) & (joined < len(periods)))
        appear[number[shown]] = joined[shown]
        return (appear.tolist(), *_tie_histories(*rows.rises(number), len(index)))
    first: list[int] = [-1] * len(index)
    ends_a: list = []
    ends_b: list = []
    changed: list = []
    numbers: list[int] = []
    for number, step in enumerate(net.periods(freq, graph=False, view=view, lapse=lapse)):
        for person in step.joined:
            if person in index and first[index[person]] < 0:
                first[index[person]] = number
        # A step's changes in the order they happened: new, climbed, declined, ended.
        before = len(changed)
        if step.new_ties:
            _add_ends(ends_a, ends_b, step.new_ties)
            changed += step.new_rungs
        for moved in (step.climbed, step.declined):
            if moved:
                _add_ends(ends_a, ends_b, moved)
                changed += [new for *_, new in moved]
        if step.ended:
            _add_ends(ends_a, ends_b, step.ended)
            changed += [0] * len(step.ended)
        numbers += [number] * (len(changed) - before)
    people = pd.Index(list(index), dtype=object)  # person -> number, -1 for one not in it
    i = people.get_indexer(pd.Index(ends_a, dtype=object)).astype(np.int64)
    j = people.get_indexer(pd.Index(ends_b, dtype=object)).astype(np.int64)
    return (first, *_tie_histories(i, j, np.asarray(numbers), np.asarray(changed), len(index)))


def _tie_histories(
    i: np.ndarray, j: np.ndarray, steps: np.ndarray, levels: np.ndarray, people: int
) -> tuple[list[int], list[int], list[list[int]]]:
    """The ties of changes in time order (their ends' numbers ``i, j``, -1 for one not in the
    map; each change's step and level) sorted by their ends ``a <= b``: ``a``, ``b`` and each
    one's history ``[step, level, ...]``."""
    keep = (i >= 0) & (j >= 0)
    low, high = np.minimum(i, j)[keep], np.maximum(i, j)[keep]
    order = np.argsort(low * max(people, 1) + high, kind="stable")  # in time within a tie
    low, high = low[order], high[order]
    starts = np.flatnonzero(np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])])
    starts = starts[starts < len(low)]
    steps = np.asarray(steps, dtype=np.int64)[keep][order]
    rungs = np.asarray(levels, dtype=np.int64)[keep][order]
    flat = np.column_stack([steps, rungs]).ravel().tolist()
    bounds = (np.r_[starts, len(low)] * 2).tolist()
    histories = [flat[start:end] for start, end in itertools.pairwise(bounds)]
    return low[starts].tolist(), high[starts].tolist(), histories


def _add_ends(ends_a: list, ends_b: list, changes: list[tuple]) -> None:
    """Add the first two items of each of ``changes`` (a tie's ends) to ``ends_a, ends_b``."""
    columns = list(zip(*changes))
    ends_a += columns[0]
    ends_b += columns[1]


def counter_columns(net: LadderNetwork, *, view: str = "reached") -> list[str]:
    """The growth table's columns that the timeline counts, in the order it shows them.

    ``people, ties, rung_<key>`` per rung, ``focal_alone, new_ties, climbed``, and in the
    current view ``ended_ties, declined``.
    """
    return (
        ["people", "ties"]
        + [f"rung_{rung.key}" for rung in net.ladder]
        + ["focal_alone", "new_ties", "climbed"]
        + (["ended_ties", "declined"] if view == "current" else [])
    )


def needs_wijk_counters(net: LadderNetwork, *, wijk: str | None = None) -> bool:
    """Whether :func:`timeline_data` uses ``counters_by_wijk``: for one wijk, or for the page's
    wijk filter when the data have more than one wijk."""
    return wijk is not None or len(net.wijken()) > 1


def period_text(period: pd.Period, freq: str, lang: str, *, label: str = "") -> str:
    """A period as readers say it: 'maart 2024', '2024 K1', 'week 11, 2024', '2024', or a
    wave by its ``label``: 'golf 2'.

    >>> period_text(pd.Period("2024-03", "M"), "month", "nl")
    'maart 2024'
    >>> period_text(pd.Period("2024-03", "Q"), "quarter", "en")
    '2024 Q1'
    >>> period_text(pd.Period("2024-03-01", "D"), "wave", "nl", label="2")
    'golf 2'
    """
    w = words(lang)
    if freq == "wave":
        return w["map.period_wave"].format(wave=label)
    start = period.start_time
    if freq == "month":
        return f"{w['common.months'].split()[start.month - 1]} {start.year}"
    if freq == "quarter":
        return w["map.period_quarter"].format(year=period.year, quarter=period.quarter)
    if freq == "week":
        year, week, _ = start.isocalendar()
        return w["map.period_week"].format(week=week, year=year)
    if freq == "day":
        return long_date(start.strftime("%Y-%m-%d"), lang)
    return str(period.year)


def _counters(
    counters: pd.DataFrame,
    by_wijk: pd.DataFrame | None,
    columns: list[str],
    wijk: str | None,
    wijken: list[str],
    steps: int,
) -> tuple[dict[str, list[int]], list[dict[str, list[int]]]]:
    """The counters of the whole page and per wijk of ``wijken``, column-wise."""
    if wijk is not None and by_wijk is None:
        raise ValueError("a timeline of one wijk needs counters_by_wijk")

    def table(rows: pd.DataFrame) -> dict[str, list[int]]:
        if len(rows) != steps:
            raise ValueError(f"the counters have {len(rows)} rows for {steps} periods")
        return {column: [int(v) for v in rows[column]] for column in columns}

    def of(name: str) -> dict[str, list[int]]:
        assert by_wijk is not None
        return table(by_wijk[by_wijk["group"] == name])

    if wijk is not None:
        return of(wijk), []
    per_wijk = [of(name) for name in wijken] if by_wijk is not None and len(wijken) > 1 else []
    return table(counters), per_wijk
