"""Tests of how the library shows itself in Jupyter: a network as a short summary table
(``contactladder.network.summary``), a map or timeline page as a sandboxed frame of the page.

The slow test runs a small notebook with nbclient and the installed ipykernel, and reads its
output cells.
"""

from __future__ import annotations

import html
import re
import sys

import lxml.html
import pytest
from helpers import DEMO, dataset

from contactladder.ladder import Ladder
from contactladder.network import LadderNetwork
from contactladder.network.summary import summary_html, summary_rows

HOSTILE_NAME = "<script>alert(1)</script> & co"


def hostile_network():
    """A network whose roles, wijken and rung labels are markup, with names and ids to hide."""
    data = dataset(
        [("2024-01-05", "id-ann-7f3a", "id-bo-12", 1), ("2024-03-09", "id-bo-12", "id-cem", 2)],
        {
            "id-ann-7f3a": ("<i>ouder</i>", "<b>Dieze</b>", None),
            "id-cem": ("professional", "Zuid & <img src=x onerror=alert(2)>", None),
        },
    )
    data.people.loc["id-ann-7f3a", "name"] = "Annabel Zuiderveld"
    data.name = HOSTILE_NAME
    return LadderNetwork(data, focal="<i>ouder</i>")


def table_rows(page: str) -> dict[str, str]:
    doc = lxml.html.fromstring(page)
    return {row.findtext("th"): row.findtext("td") for row in doc.iter("tr")}


def test_the_summary_of_the_demo():
    net = LadderNetwork.from_path(DEMO)
    rows = table_rows(net._repr_html_())
    assert rows["Data"] == "zwolle-demo"
    assert rows["People"] == "276 (Parents 240, Professionals 30, Volunteers 6)"
    assert rows["Focal role"] == "Parents"
    assert rows["Contacts"] == str(len(net.contact_rows()))
    assert rows["Ties now"] == str(net.snapshot().number_of_edges()) == "4014"
    assert rows["Period covered"] == "2024-01-08 to 2025-12-31"
    ties = net.ties()
    counts = ", ".join(f"{r.label('en')} {(ties['rung'] == r.level).sum()}" for r in net.ladder)
    assert rows["Ladder rungs"] == "5: " + counts
    assert rows["Wijken"] == "3: Dieze, Stadshagen, Zwolle-Zuid"
    assert "Rows set aside" not in rows


def test_the_summary_in_dutch():
    rows = dict(summary_rows(LadderNetwork.from_path(DEMO), lang="nl"))
    assert rows["Personen"] == "276 (Ouders 240, Professionals 30, Vrijwilligers 6)"
    assert rows["Periode"] == "2024-01-08 t/m 2025-12-31" and rows["Focusgroep"] == "Ouders"
    assert "Contactladder-netwerk" in summary_html(LadderNetwork.from_path(DEMO), lang="nl")


def test_the_summary_escapes_the_data_and_shows_no_names_or_ids():
    net = hostile_network()
    page = net._repr_html_()
    for raw in ("<script", "<img", "<b>Dieze", "<i>ouder"):
        assert raw not in page
    for secret in ("Annabel", "Zuiderveld", "id-ann", "7f3a", "id-bo", "id-cem"):
        assert secret not in page and secret not in repr(net)
    doc = lxml.html.fromstring(page)
    assert not doc.findall(".//script") and not doc.findall(".//img")
    assert not doc.findall(".//style") and not doc.findall(".//b")
    rows = table_rows(page)
    assert rows["Data"] == HOSTILE_NAME
    assert rows["Focal role"] == "<i>ouder</i>"
    assert rows["Wijken"] == "2: <b>Dieze</b>, Zuid & <img src=x onerror=alert(2)>"


def test_the_summary_counts_rows_set_aside_and_names_rung_labels_escaped(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "date,person_a,person_b,rung\n2024-01-05,a,b,1\n2024-01-06,a,a,1\n", encoding="utf-8"
    )
    (folder / "ladder.toml").write_text(
        '[[rungs]]\nkey = "hi"\nen = "<u>Hi</u>"\nnl = "Hoi"\n', encoding="utf-8"
    )
    net = LadderNetwork.from_path(folder, skip_invalid=True)
    assert Ladder.from_file(folder / "ladder.toml")[1].label("en") == "<u>Hi</u>"
    rows = table_rows(net._repr_html_())
    assert rows["Rows set aside"] == "1" and rows["Ladder rungs"] == "1: <u>Hi</u> 1"
    assert "<u>" not in net._repr_html_()


def test_a_network_without_contacts():
    net = LadderNetwork(dataset([], {"ann": ("parent", "", None)}))
    assert repr(net) == "<LadderNetwork 'tiny': 1 person, no contacts>"
    rows = table_rows(net._repr_html_())
    assert rows["Period covered"] == "no contacts" and rows["Ties now"] == "0"


def test_the_repr_is_one_short_line():
    text = repr(LadderNetwork.from_path(DEMO))
    assert (
        text
        == "<LadderNetwork 'zwolle-demo': 276 people, 36603 contacts, 2024-01-08 to 2025-12-31>"
    )
    assert "\n" not in repr(hostile_network()) and len(repr(hostile_network())) < 120


# --- a notebook, run by nbclient ----------------------------------------------------------------

NOTEBOOK_CELLS = [
    "import sys\nprint(sys.prefix)",
    "import contactladder\nnet = contactladder.LadderNetwork.from_path({demo!r})\nnet",
    "contactladder.map_html(net.snapshot(), net.ladder, title='Zwolle & <b>Dieze</b>')",
]


def run_notebook(tmp_path, monkeypatch):
    """Run the notebook of :data:`NOTEBOOK_CELLS` in a python3 kernel of this environment.

    Everything Jupyter and IPython write (the kernelspec, the profile, connection files) goes
    into the test's folder, never the user's home: JUPYTER_PATH comes before every other
    kernel folder, so the kernel found is the one installed here, for this python.
    """
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter" / "share" / "jupyter"))
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (test extra)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (test extra)")
    kernelspec = pytest.importorskip(
        "ipykernel.kernelspec", reason="ipykernel is not installed (test extra)"
    )
    kernelspec.install(prefix=str(tmp_path / "jupyter"))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(cell.format(demo=str(DEMO))) for cell in NOTEBOOK_CELLS
    ]
    client = nbclient.NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    return [cell.outputs for cell in notebook.cells]


@pytest.mark.slow
def test_a_notebook_shows_the_network_and_its_map(tmp_path, monkeypatch):
    prefix, network, page = run_notebook(tmp_path, monkeypatch)
    # the kernel is this environment's python, which has contactladder
    assert prefix[0]["text"].strip() == sys.prefix
    (shown,) = network
    assert shown["output_type"] == "execute_result"
    assert shown["data"]["text/plain"].startswith("<LadderNetwork 'zwolle-demo': 276 people")
    rows = table_rows(shown["data"]["text/html"])
    assert rows["Data"] == "zwolle-demo" and rows["Ties now"] == "4014"
    (shown,) = page
    frame = lxml.html.fromstring(shown["data"]["text/html"])
    assert frame.tag == "iframe" and frame.get("sandbox") == "allow-scripts"
    assert frame.get("title") == "Zwolle & <b>Dieze</b>"
    inner = frame.get("srcdoc")
    assert inner.startswith("<!DOCTYPE html>") and "Ouder 1" in inner
    policy = lxml.html.fromstring(inner).find(".//meta[@http-equiv='Content-Security-Policy']")
    assert policy.get("content").startswith("default-src 'none'; script-src 'sha256-")
    # the page sits in the frame, escaped: nothing of it is markup of the notebook's
    outer = shown["data"]["text/html"]
    assert "<script" not in outer and "<style" not in outer and "<b>" not in outer
    assert html.unescape(re.search(r'srcdoc="([^"]*)"', outer).group(1)) == inner
