"""The growth table's types and its ties by type.

Types: ``period`` is ISO text and ``period_start`` its first moment (datetime64), counts are
int64, undefined ratios are missing (NaN) and CSV writes them as empty cells.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from helpers import (
    RANDOM_CASES,
    RANDOM_IDS,
    dataset,
    naive_bounds,
    naive_figures,
    naive_ties,
    present_from,
    random_data,
)

from contactladder.analysis.growth import RATIO_COLUMNS, growth
from contactladder.loading.dataset import load
from contactladder.network import FREQUENCIES, LadderNetwork
from contactladder.network.periods import label_period, pandas_frequency, period_label


def test_growth_has_typed_columns_and_missing_ratios():
    net = LadderNetwork(
        dataset(
            [("2024-01-02", "gw", "ann", 1), ("2024-03-02", "ann", "bo", 2)],
            {"gw": ("professional", "", None), "bo": ("parent", "", "2024-03-01")},
        )
    )
    table = growth(net, freq="month")
    assert str(table["period_start"].dtype) == "datetime64[ns]"
    assert table["period"].tolist() == ["2024-01", "2024-02", "2024-03"]
    for column in ("people", "ties", "rung_kennen", "new_ties", "components"):
        assert str(table[column].dtype) == "int64", column
    # One parent in January: no density and no transitivity, but a mean and a share.
    first = table.iloc[0]
    assert np.isnan(first["peer_density"]) and np.isnan(first["peer_transitivity"])
    assert first["focal_peer_degree_mean"] == 0.0 and first["largest_component_share"] == 1.0
    # No focal people at all: every ratio over them is missing, the counts are zero.
    alone = growth(LadderNetwork(net.data, focal="volunteer"), freq="year").iloc[0]
    assert alone["focal"] == 0 and alone["focal_alone"] == 0
    assert all(np.isnan(alone[c]) for c in RATIO_COLUMNS)


def test_growth_writes_missing_ratios_as_empty_cells(tmp_path):
    net = LadderNetwork(dataset([("2024-01-02", "ann", "bo", 1)]))
    path = tmp_path / "growth.csv"
    growth(net, freq="year").to_csv(path, index=False)
    text = path.read_text(encoding="utf-8")
    assert "nan" not in text.lower() and ",,2024-01-01" in text  # transitivity, period_start


@pytest.mark.parametrize("freq", list(FREQUENCIES))
def test_growth_periods_round_trip(freq):
    net = LadderNetwork(dataset([("2024-12-27", "ann", "bo", 1), ("2025-02-11", "ann", "bo", 2)]))
    table = growth(net, freq=freq)
    code = pandas_frequency(freq)
    for row in table.itertuples():
        period = pd.Period(row.period_start, code)
        assert label_period(row.period, freq) == period and period_label(period) == row.period
    assert table["period_start"].is_monotonic_increasing


def test_growth_of_no_contacts_has_typed_columns():
    data = dataset([("2024-01-02", "ann", "bo", 1)])
    data.contacts = data.contacts.iloc[:0]
    table = growth(LadderNetwork(data))
    assert str(table["ties"].dtype) == "int64" and str(table["peer_density"].dtype) == "float64"


# --- the sharing rung names and sets the threshold column --------------------------------------


def sharing_network(tmp_path, ladder: str) -> LadderNetwork:
    (tmp_path / "ladder.toml").write_text(ladder, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-01,a,b,1\n2024-02-01,b,c,2\n2024-03-01,a,c,1\n",
        encoding="utf-8",
    )
    (tmp_path / "people.csv").write_text(
        "id,role,wijk\na,parent,Dieze\nb,parent,Dieze\nc,parent,Zuid\n", encoding="utf-8"
    )
    return LadderNetwork.from_path(tmp_path)


@pytest.mark.parametrize(
    "ladder, column, counts",
    [
        ('sharing = "praten"\n', "focal_peer_ge_praten", [0, 2, 2]),  # the default rungs
        ('sharing = "kennen"\n', "focal_peer_ge_kennen", [2, 3, 3]),
        ('[[rung]]\nkey = "zien"\n[[rung]]\nkey = "praten"\n', "focal_peer_ge_praten", [0, 2, 2]),
        ("sharing = 3\n[kinds]\nkoffie = 1\n", "focal_peer_ge3", [0, 0, 0]),
    ],
)
def test_the_threshold_column_follows_the_ladder(tmp_path, ladder, column, counts):
    net = sharing_network(tmp_path, ladder)
    table = growth(net, freq="month")
    assert table[column].tolist() == counts
    others = [c for c in table.columns if c.startswith("focal_peer_ge")]
    assert others == [column] and str(table[column].dtype) == "int64"


def test_the_report_of_a_ladder_that_shares_elsewhere(tmp_path):
    from contactladder.jobs.report import write_report

    (tmp_path / "data").mkdir()
    net = sharing_network(tmp_path / "data", 'sharing = "praten"\n')
    paths = write_report(net, tmp_path / "out", freq="month", lang="en", by="wijk", timeline=False)
    page = paths[0].read_text(encoding="utf-8")
    assert "with a tie at &#x27;Chatting&#x27; or higher" in page  # header and definition
    assert "<code>focal_peer_ge_praten</code>" in page and "focal_peer_ge3" not in page
    assert "67% of the parents" in page  # the summary: 2 of 3 at 'Chatting' or higher


# --- ties by type: after the roles at their ends ---------------------------------------------

TYPED = [
    ("2024-01-02", "ann", "bo", 3),  # parent–parent
    ("2024-01-03", "ann", "gw", 2),  # parent–professional
    ("2024-01-04", "gw", "jo", 1),  # professional–professional
    ("2024-01-05", "bo", "vera", 1),  # parent–volunteer: in ties only
    ("2024-02-01", "gw", "vera", 4),  # professional–volunteer: in ties only
    ("2024-02-02", "bo", "jo", 2),  # parent–professional
]
ROLES = {
    "gw": ("professional", "", None),
    "jo": ("Prof", "", None),
    "vera": ("volunteer", "", None),
}


@pytest.mark.parametrize("view", ["reached", "active", "current"])
def test_ties_by_type_follow_the_roles_at_their_ends(view):
    net = LadderNetwork(dataset(TYPED, ROLES))
    table = growth(net, freq="month", view=view).set_index("period")
    columns = ["ties", "ties_parent_parent", "ties_parent_professional"]
    columns += ["ties_professional_professional"]
    if view == "active":  # each month's own ties
        expected = [[4, 1, 1, 1], [2, 0, 1, 0]]
    else:
        expected = [[4, 1, 1, 1], [6, 1, 2, 1]]
    assert table[columns].values.tolist() == expected


def test_ties_by_type_are_named_after_the_focal_role():
    rows = [("2024-01-02", "kim", "lu", 2), ("2024-01-03", "kim", "gw", 1)]
    roles = {"kim": ("child", "", None), "lu": ("child", "", None), "gw": ("prof", "", None)}
    table = growth(LadderNetwork(dataset(rows, roles), focal="child"), freq="year")
    assert table[["ties_child_child", "ties_child_professional"]].values.tolist() == [[1, 1]]
    assert "ties_parent_parent" not in table
    alone = growth(LadderNetwork(dataset(rows, roles), focal="professional"), freq="year")
    assert [c for c in alone if c.startswith("ties_")] == ["ties_professional_professional"]


def test_ties_by_type_within_groups():
    roles = {**ROLES, "ann": ("parent", "Dieze", None), "gw": ("professional", "Dieze", None)}
    table = growth(LadderNetwork(dataset(TYPED, roles)), freq="year", by="wijk")
    dieze = table[table["group"] == "Dieze"].iloc[0]
    figures = ["ties", "ties_parent_professional", "ties_parent_parent"]
    assert dieze[figures].tolist() == [1, 1, 0]  # ann–gw; the other ties cross the groups


def naive_by_tie_type(contacts, people, ladder, *, freq: str, view: str) -> pd.DataFrame:
    """The rows of ``growth(by="tie_type")``, from scratch: per period and type, the graph of
    the people of the type's roles and the ties of that type (reached or active view)."""
    levels = [(rung.level, rung.key) for rung in ladder]
    role = people["role"].to_dict()
    since = present_from(contacts, people)
    types = {
        "parent_parent": {"parent"},
        "parent_professional": {"parent", "professional"},
        "professional_professional": {"professional"},
    }
    rows = []
    for label, start, end in naive_bounds(contacts["date"].min(), contacts["date"].max(), freq):
        before = naive_ties(contacts[contacts["date"] < start])
        reached = naive_ties(contacts[contacts["date"] < end])
        inside = contacts[(contacts["date"] >= start) & (contacts["date"] < end)]
        if view == "reached":
            present, ties = set(since.index[since < end]), reached
        else:
            present = set(inside["person_a"]) | set(inside["person_b"])
            ties = naive_ties(inside)
        for name, roles in types.items():

            def of_type(pairs, roles=roles):
                return [(a, b) for a, b in pairs if {role[a], role[b]} == roles]

            graph = nx.Graph()
            graph.add_nodes_from(p for p in present if role[p] in roles)
            graph.add_edges_from((a, b, {"rung": ties[(a, b)]}) for a, b in of_type(ties))
            row = {"period": label, "group": name}
            row.update(naive_figures(graph, role, "parent", levels, ladder.top.level))
            row["new_ties"] = len(of_type([pair for pair in reached if pair not in before]))
            climbed = [pair for pair in before if reached[pair] > before[pair]]
            row["climbed"] = len(of_type(climbed))
            row["period_start"] = start
            rows.append(row)
    return pd.DataFrame(rows)


@pytest.mark.parametrize("case", RANDOM_CASES[:3], ids=RANDOM_IDS[:3])
@pytest.mark.parametrize("view", ["reached", "active"])
@pytest.mark.parametrize("freq", ["month", "quarter"])
def test_growth_by_tie_type_matches_pandas(tmp_path, case, view, freq):
    contacts, people = random_data(tmp_path, **case)
    data = load(tmp_path)
    got = growth(LadderNetwork(data), freq=freq, view=view, by="tie_type")
    expected = naive_by_tie_type(contacts, people, data.ladder, freq=freq, view=view)
    pd.testing.assert_frame_equal(got, expected[list(got.columns)], check_dtype=False)
    assert got.groupby("group")["ties"].sum().gt(0).all()
