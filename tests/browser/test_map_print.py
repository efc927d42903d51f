"""Issue 13 in headless Chromium: printing map.html or timeline.html (page.pdf, A4) gives the
map with its legend on one page: not a blank or stretched canvas, no controls."""

import shutil
import subprocess

import pytest
from helpers import write_page

from contactladder.jobs.maps import write_map_files, write_timeline

pytestmark = pytest.mark.browser


def printed(visit, tmp_path):
    """The page printed to A4 as Chromium prints it: its text per page and the canvas's drawn
    and shown sizes while printing."""
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: install poppler-utils (apt-get install poppler-utils)")
    page = visit.page
    page.emulate_media(media="print")
    # the page hears of the print media at its next frames (as before a print, beforeprint)
    visit.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    canvas = visit.evaluate("""() => { const c = document.querySelector('#cl-network canvas');
        return [c.width, c.height, c.clientWidth, c.clientHeight, getComputedStyle(c).objectFit];
        }""")
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    page.emulate_media(media="screen")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "printed")],
        check=True,
    )
    image = next(tmp_path.glob("printed*.png"))
    return text.rstrip("\f").split("\f"), canvas, image


def coloured_share(image):
    """The share of the pixels neither white nor grey in the band of the page where the map
    is printed (below the heading, above the legend)."""
    import matplotlib.image

    pixels = matplotlib.image.imread(image)[..., :3]
    pixels = pixels[int(0.15 * len(pixels)) : int(0.45 * len(pixels))]
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    return float((spread > 0.15).mean())


@pytest.mark.parametrize("kind", ["map", "timeline"])
def test_prints_the_map_with_its_legend_on_one_page(kind, village_net, tmp_path, open_page):
    net = village_net()
    path = write_page(net, kind, tmp_path / "kaart.html")
    visit = open_page(path)
    pages, canvas, image = printed(visit, tmp_path)
    assert len(pages) == 1
    text = pages[0].lower()  # the legend's headings are in capitals
    for words in (
        "Zwolle",
        "Treden van de contactladder",
        "Steunen elkaar, wederzijds",
        "Ouders zonder band",
        "Personen",
    ):
        assert words.lower() in text, words
    for control in ("Vanaf trede", "Zoek persoon", "Passend", "Afspelen", "Tabel"):
        assert control.lower() not in text, control  # the controls are not printed
    width, height, shown_width, shown_height, fit = canvas
    assert shown_width > 300 and shown_height > 300
    # not stretched: drawn at the printed shape, or fitted into it
    assert fit == "contain" or width / height == pytest.approx(shown_width / shown_height, rel=0.02)
    assert coloured_share(image) > 0.002  # the map is drawn, not a blank canvas (~0.0001)
    assert visit.errors == []


def test_a_folded_legend_is_printed_too(village_net, tmp_path, open_page):
    path = write_map_files(village_net(), tmp_path / "kaart.html", legend="closed")[0]
    visit = open_page(path)
    pages, _, _ = printed(visit, tmp_path)
    assert len(pages) == 1 and "treden van de contactladder" in pages[0].lower()


def test_page_pdf_alone_gives_one_page_with_the_legend(village_net, tmp_path, open_page):
    """Without telling the page first (page.pdf only): still one page, the legend, a map."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
    visit = open_page(write_timeline(village_net(), tmp_path / "dorp.html"))
    pdf = tmp_path / "direct.pdf"
    pdf.write_bytes(visit.page.pdf(format="A4"))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.rstrip("\f")
    assert "\f" not in text and "treden van de contactladder" in text.lower()
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "direct")], check=True
        )
        assert coloured_share(next(tmp_path.glob("direct*.png"))) > 0.002
