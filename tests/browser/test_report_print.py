"""The report on paper: printed to A4 by headless Chromium (``page.pdf``), its text read back
with poppler's ``pdftotext``. Every column header of every table and every caption of the
pictures of the village is in the PDF; every table fits the width of the page; the page margins
carry the title, the date and page numbers; the interactive timeline is left out."""

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from contactladder.jobs.report import write_report
from contactladder.network import LadderNetwork
from contactladder.words import words

pytestmark = pytest.mark.browser

DEMO = Path(__file__).parents[2] / "data" / "zwolle-demo"
#: The width of an A4 page inside the report's margins (210 mm - 2 x 14 mm) in CSS pixels.
A4_CONTENT_PX = int((210 - 2 * 14) / 25.4 * 96)


def pdf_text(pdf: Path) -> str:
    """The text of ``pdf`` in reading order, pages separated by form feeds."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(chromium, tmp_path_factory):
    """The demo's Dutch report, its page and the text of its A4 PDF."""
    folder = tmp_path_factory.mktemp("report")
    index = write_report(
        LadderNetwork.from_path(DEMO),
        folder,
        freq="quarter",
        lang="nl",
        title="Netwerk Zwolle <jonge kind>",
        subtitle="Tweede jaar",
    )[0]
    context = chromium.new_context(viewport={"width": A4_CONTENT_PX, "height": 1000})
    page = context.new_page()
    page.goto(index.resolve().as_uri(), wait_until="load")
    pdf = folder.parent / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="print")
    yield index.read_text(encoding="utf-8"), page, pdf_text(pdf)
    context.close()


def test_every_column_header_of_every_table_is_printed(printed):
    source, _, text = printed
    headers = [html.unescape(h) for h in re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', source)]
    tables = re.findall(r'<table id="table-([^"]+)"', source)
    assert len(tables) >= 7 and "Ouders zonder band" in headers
    missing = [h for h in headers if plain(h) not in plain(text)]
    assert missing == []


def test_the_pictures_of_the_village_and_their_captions_are_printed(printed):
    source, _, text = printed
    captions = [
        html.unescape(c).split(" (")[0]
        for c in re.findall(
            r'<figure class="village"[^>]*>.*?<figcaption>([^<]*)</figcaption>', source
        )
    ]
    assert len(captions) == 3 and captions[-1].startswith("Stand op 31 december 2025")
    assert [c for c in captions if plain(c) not in plain(text)] == []


def test_the_margins_carry_title_date_and_page_numbers_and_the_timeline_stays_on_screen(printed):
    _, _, text = printed
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 2
    for number, content in enumerate(pages, start=1):
        assert "Netwerk Zwolle <jonge kind>" in content and "31 december 2025" in content
        assert f"{number} / {len(pages)}" in content
    assert words("nl")["report.timeline"] not in text


def test_every_table_fits_the_page_in_print(printed):
    _, page, _ = printed
    widths = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => ({
        id: t.id, table: t.scrollWidth, box: t.parentElement.clientWidth,
        scroll: t.parentElement.scrollWidth}))""")
    assert len(widths) >= 7
    too_wide = [w for w in widths if w["table"] > w["box"] or w["scroll"] > w["box"]]
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX
