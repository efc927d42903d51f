"""The report's pictures of the village from the tables of ties equal the maps' payloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactladder.network import LadderNetwork
from contactladder.render.layout import remembered_layout
from contactladder.render.network_map import network_map_data
from contactladder.render.report_village import village_maps

DEMO = Path(__file__).resolve().parent.parent / "data" / "zwolle-demo"


@pytest.fixture(scope="module")
def net() -> LadderNetwork:
    return LadderNetwork.from_path(DEMO)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_village_maps_equal_the_maps_payloads(net: LadderNetwork, lang: str) -> None:
    layout = remembered_layout()
    first, end = net.start.date().isoformat(), net.end.date().isoformat()
    moments = [first, "2024-03-15", "2024-09-30", end]
    maps = village_maps(net, moments, lang=lang, layout=layout)
    for moment in moments:
        expected = network_map_data(
            net, as_of=moment, lang=lang, anonymize=True, layout=layout, picture=True
        )
        assert maps[f"village-{moment}"] == expected


def test_village_maps_of_no_moments(net: LadderNetwork) -> None:
    assert village_maps(net, []) == {}
