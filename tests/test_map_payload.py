import datetime
import json
import math
import re
import statistics

import networkx as nx
import pandas as pd
import pytest
from helpers import VILLAGE_PEOPLE, map_village, records

from contactladder.analysis.growth import growth
from contactladder.errors import UsageError
from contactladder.ladder import Ladder
from contactladder.render.map_payload import focus_graph, map_data
from contactladder.render.network_map import network_map_data
from contactladder.render.payload_schema import check_payload

LADDER = Ladder.default()
VILLAGE_SECRETS = [p[0] for p in VILLAGE_PEOPLE] + [p[2] for p in VILLAGE_PEOPLE]


def test_labels_and_legend_in_english():
    data = map_data(map_village(), LADDER, title="Zwolle", lang="en", as_of="2024-03-01")
    assert [g["label"] for g in data["groups"]] == [
        "Parent",
        "Professional (GGD)",
        "Professional (Sociaal wijkteam)",
        "Volunteer",
    ]
    assert data["rungs"][0]["label"] == "Acquaintance"
    assert data["subtitle"] == "As of 1 March 2024 · 5 people, 3 ties"


def test_dutch_subtitle_defaults_to_last_contact():
    data = map_data(map_village(), LADDER, title="Zwolle")
    assert data["subtitle"] == "Stand op 1 maart 2024 · 5 personen, 3 banden"


def test_payload_fits_its_schema():
    G = map_village()
    check_payload(map_data(G, LADDER, title="Zwolle"), "map")
    check_payload(map_data(G, LADDER, title="Zwolle", focus="ID-7f3a-anna"), "map")
    check_payload(map_data(nx.Graph(), LADDER, title="Leeg"), "map")


def test_given_positions_are_used():
    G = map_village()
    positions = {node: (10.0 * i, -5.0 * i) for i, node in enumerate(G)}
    data = map_data(G, LADDER, title="Zwolle", positions=positions)
    assert sorted(zip(data["nodes"]["x"], data["nodes"]["y"])) == sorted(positions.values())
    del positions["ID-8e5a-ella"]
    with pytest.raises(ValueError, match="lack 1 of the 5"):
        map_data(G, LADDER, title="Zwolle", positions=positions)


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language"):
        map_data(map_village(), LADDER, title="Zwolle", lang="fr")


def test_graph_not_changed():
    G = map_village()
    before = (sorted(G.nodes(data=True)), sorted(G.edges(data=True)))
    map_data(G, LADDER, title="Zwolle", focus="ID-7f3a-anna")
    assert (sorted(G.nodes(data=True)), sorted(G.edges(data=True))) == before


def test_focus_graph_is_a_view():
    G = nx.Graph([("ann", "bo"), ("bo", "cem"), ("cem", "dirk")])
    H = focus_graph(G, "bo")
    assert sorted(H) == ["ann", "bo", "cem"] and nx.is_frozen(H)


# --- maps of a LadderNetwork ------------------------------------------------------------------


def test_map_of_one_wijk_and_moment(village_net):
    net = village_net()
    data = network_map_data(net, wijk="Dieze", as_of="2024-02-29", lang="en")
    assert data["title"] == "Zwolle — Dieze"
    labels = sorted(data["nodes"]["label"])
    assert [re.sub(r"\d+", "N", label) for label in labels] == [
        "Parent N",
        "Parent N",
        "Professional N (GGD)",
    ]
    assert len(data["edges"]["a"]) == 3 and data["as_of"] == "2024-02-29"
    check_payload(data, "map")


def test_focus_is_the_persons_own_network(village_net):
    net = village_net()
    data = network_map_data(net, focus="ID-9c1d-bram", anonymize=False)
    labels = data["nodes"]["label"]
    assert labels[data["focus"]] == "Bramwell Oosterhof"
    # with names, only the person in focus is named; the others as on the worklist, by role
    others = sorted(label for i, label in enumerate(labels) if i != data["focus"])
    assert [re.sub(r"\d+", "N", label) for label in others] == [
        "Ouder N",
        "Ouder N",
        "Professional N (GGD)",
    ]
    assert len(data["edges"]["a"]) == 4  # his three ties, and Anna's tie with Cato
    assert data["title"] == "Zwolle — Bramwell Oosterhof"
    anonymous = network_map_data(net, focus="ID-9c1d-bram")
    assert re.fullmatch(r"Zwolle — Ouder \d+", anonymous["title"])  # whichever number Bram has
    assert "ID-9c1d-bram" not in json.dumps(anonymous)


@pytest.mark.parametrize(
    "options, message",
    [
        (
            {"focus": "ID-0000-nobody"},
            "unknown person 'ID-0000-nobody'; give an id from the people",
        ),
        (
            {"focus": "ID-8a8a-gijs", "as_of": "2024-02-01"},
            "person not present by this date 'ID-8a8a-gijs'; they are present from 2024-04-01",
        ),
        ({"focus": "ID-3a3a-cas", "wijk": "Dieze"}, "person not in this wijk 'ID-3a3a-cas'"),
        ({"wijk": "Atlantis"}, "unknown wijk 'Atlantis'"),
        ({"min_rung": "9"}, "unknown rung '9'"),
        ({"as_of": "2030-01-01"}, "date outside the data"),
    ],
)
def test_map_bad_options_name_only_what_was_typed(village_net, options, message):
    with pytest.raises(UsageError) as info:
        network_map_data(village_net(), **options)
    assert message in str(info.value)
    others = [pid for pid in VILLAGE_SECRETS if pid != options.get("focus")]
    assert not any(other in str(info.value) for other in others)


def test_hint_names_the_parameter(village_net):
    with pytest.raises(UsageError) as info:
        network_map_data(village_net(), focus="ID-3a3a-cas", wijk="Dieze")
    assert "leave out wijk or use the wijk of ID-3a3a-cas" in str(info.value)
    assert info.value.message(options={"wijk": "--wijk"}).endswith(
        "leave out --wijk or use the wijk of ID-3a3a-cas"
    )


def _colours_of(data):
    return {g["organisation"]: g["colour"] for g in data["groups"] if g["organisation"]}


def test_an_organisation_keeps_its_colour_on_every_map(village_net):
    net = village_net()
    full = _colours_of(network_map_data(net))
    assert set(full) == {"GGD", "Sociaal wijkteam"}
    # Cas's own network holds the sociaal wijkteam but not the GGD
    assert _colours_of(network_map_data(net, focus="ID-3a3a-cas")) == {
        "Sociaal wijkteam": full["Sociaal wijkteam"]
    }
    assert _colours_of(network_map_data(net, wijk="Dieze")) == {"GGD": full["GGD"]}


def test_maps_of_one_moment_state_the_same_date(village_net):
    net = village_net()
    end = net.end.strftime("%Y-%m-%d")
    # Dieze's last contact is earlier than the data's last
    assert network_map_data(net, wijk="Dieze")["as_of"] == end
    assert network_map_data(net, focus="ID-6f6f-fenna", today=net.end.date())["as_of"] == end
    assert network_map_data(net)["as_of"] == end
    # a focus map measures from today, like the worklist
    today = datetime.date.today().isoformat()
    assert network_map_data(net, focus="ID-6f6f-fenna")["as_of"] == today


def test_size_note_says_what_the_size_counts(village_net):
    net = village_net()
    assert network_map_data(net)["text"]["size_note"] == "Grootte: aantal banden"
    for options in ({"wijk": "Dieze"}, {"focus": "ID-3a3a-cas"}):
        note = network_map_data(net, lang="en", **options)["text"]["size_note"]
        assert note == "Size: number of ties in this map"


def test_wijk_areas_for_their_names(village_net):
    net = village_net()
    data = network_map_data(net)
    assert [data["wijken"][w] for w in data["areas"]["wijk"]] == ["Dieze", "Stadshagen"]
    nodes = records(data["nodes"])
    for area in records(data["areas"]):
        members = [n for n in nodes if n["wijk"] == area["wijk"]]
        assert all(
            math.hypot(n["x"] - area["x"], n["y"] - area["y"]) <= area["radius"] for n in members
        )
    assert network_map_data(net, focus="ID-3a3a-cas")["areas"]["wijk"] == []


def test_subtitle_lead_is_the_subtitle_before_its_counts(village_net):
    data = network_map_data(village_net())
    counts = data["subtitle"].split(" · ")[-1]
    assert data["subtitle"] == " · ".join([*data["subtitle_lead"], counts])


def test_people_who_need_a_link(village_net):
    net = village_net()
    data = network_map_data(net, lang="en")
    kinds = dict(zip(data["nodes"]["label"], data["nodes"]["alone"]))
    table = growth(net).iloc[-1]
    assert list(kinds.values()).count(1) == table["focal_alone"] == 1
    assert list(kinds.values()).count(2) == table["focal_only_professional"]
    assert all(kinds[label] == 0 for label in kinds if not label.startswith("Parent"))
    median = statistics.median(data["nodes"]["size"])
    assert all(
        size >= median for size, kind in zip(data["nodes"]["size"], data["nodes"]["alone"]) if kind
    )
    assert data["focal_role"] == "parent" and data["alone_colour"].startswith("#")
    assert data["text"]["only_alone"] == "Only parents without a tie"
    assert data["legend"] == ""


def test_another_focal_role_is_the_one_that_stands_out(tmp_path):
    from helpers import write_village

    from contactladder.network.ladder_network import LadderNetwork

    net = LadderNetwork.from_path(write_village(tmp_path / "Zwolle"), focal="volunteer")
    data = network_map_data(net)
    groups = data["groups"]
    assert data["focal_role"] == "volunteer"
    assert {
        groups[g]["role_key"]
        for g, kind in zip(data["nodes"]["group"], data["nodes"]["alone"])
        if kind
    } <= {"volunteer"}
    assert data["text"]["only_alone"] == "Alleen vrijwilligers zonder band"


@pytest.mark.parametrize("legend, expected", [(None, ""), ("open", "open"), (" Closed", "closed")])
def test_legend_option(village_net, legend, expected):
    assert network_map_data(village_net(), legend=legend)["legend"] == expected


def test_unknown_legend_option_names_the_parameter(village_net):
    with pytest.raises(UsageError, match="unknown legend setting 'half'") as caught:
        network_map_data(village_net(), legend="half")
    assert caught.value.message(options={"legend": "--legend"}).endswith(
        "use open or closed, or leave out --legend"
    )


def test_a_focus_map_draws_faded_ties_faded_and_never_names_who_left(village_net):
    net = village_net()
    day = datetime.date(2024, 5, 15)  # 90 days before: 2024-02-15
    data = network_map_data(net, focus="ID-7f3a-anna", today=day, fading="90d")
    lasts = [data["dates"][last] for last in data["edges"]["last_contact"]]
    pairs = list(zip(lasts, data["edges"]["faded"]))
    assert {flag for _, flag in pairs} == {0, 1}
    assert all(flag == int(last < "2024-02-15") for last, flag in pairs)
    status = pd.DataFrame(
        {
            "person": ["ID-7f3a-anna", "ID-9c1d-bram"],
            "status": ["moved", "moved"],
            "since": pd.to_datetime(["2024-01-01", "2030-01-01"]),
        }
    )
    named = network_map_data(net, anonymize=False, status=status)["nodes"]["label"]
    assert "Annabel Zuiderveld" not in named and "Bramwell Oosterhof" in named


def test_anonymous_dots_show_only_role_and_number():
    G = nx.Graph()
    G.add_node("p-anna", role="parent", number=1, name="Anna", wijk="Dieze")
    G.add_node("p-ben", role="professional", number=1, organisation="GGD", wijk="Dieze")
    G.add_edge("p-anna", "p-ben", rung=3)
    bare = nx.Graph()
    bare.add_nodes_from(
        (n, {k: a.get(k) for k in ("role", "number")}) for n, a in G.nodes(data=True)
    )
    bare.add_edges_from(G.edges(data=True))
    dots = map_data(G, LADDER, title="Dieze", anonymize=False, dots=True)
    assert dots == map_data(bare, LADDER, title="Dieze", anonymize=False)
    assert dots["wijken"] == [] and dots["nodes"]["label"] == ["Ouder 1", "Professional 1"]
