"""The map of a ladder network at one moment, with the options of the ``map`` command.

:func:`network_map_data` places everyone where the layout of the whole history puts them, so
maps of different dates line up, gives an organisation the same colour on every map of the
data, and builds the payload with :func:`~contactladder.render.map_payload.map_data`. A map of
one person's own network (``focus``) measures from today, draws their faded ties dashed, and
with names names only them.

In the current view (``view="current"``, :mod:`contactladder.network.current`) the map draws
only the ties *current* at ``as_of``: those with a contact within the lapse window before its
end, at the highest rung of those contacts; ties that ended are not drawn, and the people
stay (present as in the reached view).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import networkx as nx
import numpy as np
import pandas as pd

from contactladder.analysis.durations import parse_duration
from contactladder.analysis.village import LEFT, statuses_on
from contactladder.errors import UsageError, literal
from contactladder.network.current import DEFAULT_LAPSE, current_ties, parse_lapse
from contactladder.privacy import person_label
from contactladder.render.layout import layout_areas
from contactladder.render.map_groups import group_map_data, shows_groups
from contactladder.render.map_payload import focus_graph, map_data
from contactladder.render.styles import known_role, organisation_colours
from contactladder.words import attribute_text, check_lang, words

if TYPE_CHECKING:
    from contactladder.network.ladder_network import LadderNetwork

#: A layout function: the graph of everyone -> (positions, areas), as ``layout_areas``.
Layout = Callable[[nx.Graph], tuple[Mapping[Hashable, Any], Mapping[str, Any]]]

__all__ = [
    "Layout",
    "network_map_data",
    "current_graph",
    "duration_text",
    "MapOptions",
    "map_options",
    "shared_map_options",
    "history_layout",
    "in_wijk",
    "network_colours",
]


def network_map_data(
    net: LadderNetwork,
    *,
    as_of: object = None,
    wijk: str | None = None,
    min_rung: object = None,
    focus: object = None,
    anonymize: bool = True,
    lang: str = "nl",
    title: str | None = None,
    legend: str | None = None,
    fading: object = "90d",
    status: pd.DataFrame | None = None,
    today: datetime.date | None = None,
    view: str = "reached",
    lapse: object = DEFAULT_LAPSE,
    layout: Layout = layout_areas,
    aggregate: str = "auto",
    picture: bool = False,
) -> dict[str, Any]:
    """:func:`map_data` of a network at one moment, with the options of the ``map`` command.

    Positions come from the layout of the whole history (the network at its last date), so
    every map and every step of the timeline puts a person in the same place.

    Parameters
    ----------
    net : LadderNetwork
    as_of : date-like, optional
        The network as far as it has grown by this date (default: the end of the data).
    wijk : str, optional
        Only the people of this wijk and the ties among them (as ``growth(by="wijk")`` counts
        them); case-insensitive.
    min_rung : level, key or label, optional
        The lowest rung shown when the page opens (the reader can change it in the page; the
        static picture draws only the ties from this rung up).
    focus : str, optional
        The id of a person: only their own network (:func:`focus_graph`), with them highlighted
        and centred, measured from ``today`` when ``as_of`` is not given (any day after the
        last contact is fine); ties without a contact within ``fading`` are drawn faded. With
        names shown only the person in focus is named: the others are labelled by role, as on
        the worklist.
    anonymize, lang, legend :
        As in :func:`map_data`. People who moved or withdrew consent (``status``, the rows of
        :func:`contactladder.loading.weaver_files.read_status`) are never named.
    fading : duration
        For a focus map: ``90d``, ``12w``, ``6m``... (see
        :func:`contactladder.analysis.durations.parse_duration`).
    today : date, optional
        The day a focus map measures from (default: today).
    view : {"reached", "current"}
        Reached: every tie made by ``as_of``, at the rung reached. Current: only the ties with a
        contact within ``lapse`` before the end of ``as_of``, at the highest rung of those
        contacts (the tie's other attributes are those of its whole history).
    lapse : str or Timedelta
        The current view's lapse window (``"180d"``).
    title : str, optional
        The heading; by default the data's name, with the wijk or the person in focus.
    layout : callable
        Gives the positions and areas of everyone in the data from the network at its last
        date (:func:`~contactladder.render.layout.layout_areas`, or one that keeps them:
        :func:`contactladder.jobs.map_cache.layout_for`).
    aggregate : {"auto", "people", "groups"}
        "groups" draws people grouped by wijk and organisation, one node per group
        (:mod:`contactladder.render.map_groups`); "people" draws every person; "auto" (the
        default) groups beyond :data:`~contactladder.render.map_groups.AGGREGATE_ABOVE` people.
        A map of one person's network always draws people.
    picture : bool
        Only what a static picture of the map draws (as for :func:`map_data`), not a page's
        payload.

    Raises
    ------
    UsageError
        For an unknown wijk, rung, person or language, a person not present by ``as_of`` or not
        in ``wijk``, or a date outside the data. Messages name what was typed, never other
        people's ids.
    """
    options = map_options(net, lang=lang, wijk=wijk, min_rung=min_rung, title=title)
    open_end = focus is not None  # a focus map measures from today, like the worklist
    if open_end and as_of is None:
        as_of = today or datetime.date.today()
    G = net.snapshot(as_of, open_end=open_end)
    final = G if as_of is None else None  # the whole history, when that is the map
    if view == "current":
        G = current_graph(net, G, net.cutoff(as_of, open_end=open_end), lapse=lapse)
    elif view != "reached":
        raise UsageError("unknown view", value=view, hint="use reached or current")
    G = in_wijk(G, options.wijk)
    if as_of is None and net.has_contacts:
        as_of = net.end  # the data's end date, whichever part of the data is shown
    parts = list(options.title_parts)
    person, faded_before = None, None
    if focus is not None:
        person = _resolve_person(net, G, focus, options.wijk)
        G = focus_graph(G, person)
        day = net.cutoff(as_of, open_end=True) - pd.Timedelta(1, "ns")
        faded_before = day.normalize() - parse_duration(fading, name="fading")
    if not anonymize:
        left = {p for p, value in statuses_on(status, pd.Timestamp(as_of)).items() if value in LEFT}
        G = _without_names(G, [p for p in G if p in left or (person is not None and p != person)])
    if person is not None and title is None:
        parts.append(person_label(G.nodes[person], lang=lang, anonymize=anonymize))
    shared = shared_map_options(
        net, options, final, layout=layout, lang=lang, anonymize=anonymize, legend=legend
    )
    part = options.wijk is not None or person is not None
    if person is None and shows_groups(G, aggregate):
        data = group_map_data(G, net.ladder, title=" — ".join(parts), as_of=as_of, **shared)
    else:
        data = map_data(
            G,
            net.ladder,
            title=" — ".join(parts),
            as_of=as_of,
            focus=person,
            part=part,
            faded_before=faded_before,
            picture=picture,
            **shared,
        )
    if view == "current":
        note = words(lang)["timeline.view_current"].format(lapse=duration_text(parse_lapse(lapse)))
        data["subtitle_lead"].append(note)
        counts = data["subtitle"].rsplit(" · ", 1)[-1]
        data["subtitle"] = " · ".join([*data["subtitle_lead"], counts])
    return data


def current_graph(
    net: LadderNetwork, G: nx.Graph, moment: pd.Timestamp, *, lapse: object = DEFAULT_LAPSE
) -> nx.Graph:
    """A new graph of the people of ``G`` and those of its ties current at ``moment`` (a
    contact within ``lapse`` before it), each with ``rung`` set to its current rung.

    Raises
    ------
    UsageError
        If ``lapse`` is not a duration.
    """
    contacts = net.contact_rows(before=moment) if net.has_contacts else None
    current = nx.Graph()
    current.add_nodes_from(G.nodes(data=True))
    if contacts is None or not len(contacts):
        return current
    rows = current_ties(contacts, pd.DatetimeIndex([moment]), lapse=lapse)
    for a, b, rung in zip(rows["person_a"], rows["person_b"], rows["rung"].tolist()):
        if G.has_edge(a, b):
            current.add_edge(a, b, **{**G.edges[a, b], "rung": rung})
    return current


def duration_text(window: pd.Timedelta) -> str:
    """A lapse window as written: ``180d``, or ``12h`` for less than whole days.

    >>> duration_text(pd.Timedelta(days=180)), duration_text(pd.Timedelta(hours=12))
    ('180d', '12h')
    """
    if window % pd.Timedelta(days=1) == pd.Timedelta(0):
        return f"{window.days}d"
    return f"{window / pd.Timedelta(hours=1):g}h"


def _without_names(G: nx.Graph, people: list) -> nx.Graph:
    """A copy of ``G`` in which ``people`` have no ``name``: they are labelled by role."""
    if not people:
        return G
    H = nx.Graph(G)
    for person in people:
        H.nodes[person].pop("name", None)
    return H


class MapOptions(NamedTuple):
    """The options a map and a timeline share, checked (see :func:`map_options`)."""

    level: int | None
    wijk: str | None
    title_parts: tuple[str, ...]


def map_options(
    net: LadderNetwork, *, lang: str, wijk: str | None, min_rung: object, title: str | None
) -> MapOptions:
    """The level of ``min_rung``, the wijk as written in the data (case-insensitive match), and
    the parts of the heading (the title, else the data's name and the wijk).

    Raises
    ------
    UsageError
        For an unknown language, rung or wijk.
    """
    check_lang(lang)
    level = None
    if min_rung is not None:
        level = net.ladder.level_of(min_rung)
        if level is None:
            raise UsageError("unknown rung", value=min_rung, hint=literal(net.ladder.hint()))
    wijk_name = None
    if wijk is not None:
        names = net.wijken()
        wijk_name = next((n for n in names if n.lower() == str(wijk).strip().lower()), None)
        if wijk_name is None:
            raise UsageError(
                "unknown wijk",
                value=wijk,
                hint=literal(
                    "use one of: " + ", ".join(names) if names else "the data name no wijken"
                ),
            )
    parts = [str(title) if title is not None else net.name]
    if wijk_name is not None and title is None:
        parts.append(wijk_name)
    return MapOptions(level, wijk_name, tuple(parts))


def shared_map_options(
    net: LadderNetwork,
    options: MapOptions,
    final: nx.Graph | None,
    *,
    layout: Layout = layout_areas,
    **given: Any,
) -> dict[str, Any]:
    """The keywords of :func:`~contactladder.render.map_payload.map_data` that every map and
    the timeline of ``net`` share: everyone's place and the wijken's areas from the layout of
    the whole history (:func:`history_layout`; ``final`` its snapshot when the caller has it),
    the lowest rung, one colour per organisation over the whole data, the focal role, and the
    ``given`` ones (``lang, anonymize, legend``); ``layout`` gives the positions and areas
    (:func:`~contactladder.render.layout.layout_areas`)."""
    positions, areas = history_layout(net, layout, final)
    return {
        "positions": positions,
        "areas": areas,
        "min_rung": options.level,
        "colours": network_colours(net),
        "focal": net.focal,
        **given,
    }


def history_layout(
    net: LadderNetwork, layout: Layout, final: nx.Graph | None = None
) -> tuple[Mapping[Hashable, Any], Mapping[str, Any]]:
    """``layout`` of the whole history of ``net``: of its snapshot at the end of the data
    (``final`` when given), or, for a layout that can tell from the network's tables that it
    holds the positions (``layout.of_network(net, final)``: the layout cache), without
    building that snapshot.

    >>> from contactladder.network import LadderNetwork
    >>> net = LadderNetwork.from_path("data/zwolle-demo")
    >>> history_layout(net, layout_areas) == layout_areas(net.snapshot())
    True
    """
    of_network = getattr(layout, "of_network", None)
    if of_network is not None:
        return cast(tuple[Mapping[Hashable, Any], Mapping[str, Any]], of_network(net, final))
    return layout(final if final is not None else net.snapshot())


def in_wijk(G: nx.Graph, wijk: str | None) -> nx.Graph:
    """The people of ``wijk`` and the ties among them (a view of ``G``), or ``G`` for None.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> G.nodes["a"]["wijk"] = G.nodes["b"]["wijk"] = "Dieze"
    >>> sorted(in_wijk(G, "Dieze").edges())
    [('a', 'b')]
    """
    if wijk is None:
        return G
    return G.subgraph(
        [node for node, value in G.nodes(data="wijk") if attribute_text(value) == wijk]
    )


def network_colours(net: LadderNetwork) -> dict[str, str]:
    """:func:`~contactladder.render.styles.organisation_colours` of all professionals in the
    data: one table for every map of it."""
    if not net.has_column("organisation"):
        return {}
    codes, roles = pd.factorize(net.column("role"), use_na_sentinel=False)  # each role once
    professional = np.array([known_role(r) == "professional" for r in roles], dtype=bool)
    organisations = net.column("organisation")[professional[codes]] if len(codes) else []
    return organisation_colours(pd.unique(np.asarray(organisations, dtype=object)))


def _resolve_person(net: LadderNetwork, G: nx.Graph, person: object, wijk: str | None) -> Hashable:
    """The node of the person with id ``person``, who must be in ``G``."""
    attrs = net.person(person)  # UsageError for an unknown id
    key = str(person).strip()
    if key in G:
        return key
    if wijk is not None and attribute_text(attrs.get("wijk")) != wijk:
        raise UsageError(
            "person not in this wijk",
            value=person,
            hint="leave out {wijk} or use the wijk of " + literal(key),
        )
    start = pd.Timestamp(net.present_from[key]).strftime("%Y-%m-%d")
    raise UsageError(
        "person not present by this date", value=person, hint=f"they are present from {start}"
    )
