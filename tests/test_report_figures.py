"""The report's figures on arrays equal those counted on networkx graphs."""

from __future__ import annotations

import itertools

import pytest
from helpers import RANDOM_CASES, RANDOM_IDS, random_data
from pandas.testing import assert_frame_equal

from contactladder.analysis.report_figures import weaving_stages_on_codes
from contactladder.analysis.weaving_wijken import weaving_stages
from contactladder.loading.dataset import load
from contactladder.network import LadderNetwork


@pytest.mark.parametrize("case", RANDOM_CASES, ids=RANDOM_IDS)
@pytest.mark.parametrize("freq", ["week", "month", "quarter"])
def test_weaving_stages_on_arrays_equal_those_on_graphs(tmp_path, case, freq):
    random_data(tmp_path, **case)
    data = load(tmp_path)
    for focal in ("parent", "professional"):
        net = LadderNetwork(data, focal=focal)
        for min_rung, view in itertools.product((None, 1, 3), ("reached", "active", "current")):
            expected = weaving_stages(net, freq=freq, view=view, min_rung=min_rung)
            got = weaving_stages_on_codes(net, freq=freq, view=view, min_rung=min_rung)
            assert_frame_equal(got, expected, check_exact=True)
            assert got.attrs == expected.attrs


def test_weaving_stages_on_arrays_without_wijken(tmp_path):
    random_data(tmp_path, 5)
    people = (tmp_path / "people.csv").read_text(encoding="utf-8").splitlines()
    header = people[0].split(",")
    column = header.index("wijk")
    rows = [",".join(v for i, v in enumerate(r.split(",")) if i != column) for r in people]
    (tmp_path / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    net = LadderNetwork(load(tmp_path))
    expected = weaving_stages(net, freq="month")
    assert set(expected["wijk"]) == {""}
    assert_frame_equal(weaving_stages_on_codes(net, freq="month"), expected, check_exact=True)
