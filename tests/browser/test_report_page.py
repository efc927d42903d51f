"""The report and the worklist page in headless Chromium: their Content-Security-Policy lets only
the report's embedded timeline run, and blocks markup that slipped into the page."""

from pathlib import Path

import pandas as pd
import pytest

from contactladder.jobs.report import write_report
from contactladder.render.worklist_page import worklist_html

pytestmark = pytest.mark.browser


def _visit(chromium, path: Path):
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return context, page, errors


def test_the_report_timeline_runs_under_the_reports_policy(village_net, tmp_path, chromium):
    paths = write_report(village_net(), tmp_path / "report", freq="month")
    context, page, errors = _visit(chromium, paths[0])
    try:
        assert "script-src 'sha256-" in page.get_attribute(
            'meta[http-equiv="Content-Security-Policy"]', "content"
        )
        frame = page.frames[1]
        frame.wait_for_function(
            "document.documentElement.hasAttribute('data-cl-drawn')", timeout=15_000
        )
        assert frame.evaluate("window.contactladder.network.body.edgeIndices.length") > 0
        assert errors == []
    finally:
        context.close()


def test_markup_that_slipped_into_a_report_does_not_run(village_net, tmp_path, chromium):
    index = write_report(village_net(), tmp_path / "report", freq="month", timeline=False)[0]
    page_text = index.read_text(encoding="utf-8")
    index.write_text(
        page_text.replace(
            "</main>",
            "<script>document.title='ran'</script>"
            "<img src=x onerror=\"document.title='ran'\"></main>",
        ),
        encoding="utf-8",
    )
    context, page, errors = _visit(chromium, index)
    try:
        assert page.title() != "ran"
        assert any("Content Security Policy" in e for e in errors), errors
    finally:
        context.close()


def test_the_worklist_page_runs_no_script(tmp_path, chromium):
    table = pd.DataFrame(
        [
            {
                "person": "p1",
                "wijk": "Dieze",
                "priority": 5,
                "reasons": "alone",
                "explanation": "Alone.",
                "name": "Ann",
            }
        ]
    )
    path = tmp_path / "werklijst.html"
    path.write_text(
        worklist_html(table, lang="en").replace(
            "</body>", "<script>document.title='ran'</script></body>"
        ),
        encoding="utf-8",
    )
    context, page, errors = _visit(chromium, path)
    try:
        assert page.title() != "ran" and "Ann" in page.inner_text("body")
        assert any("Content Security Policy" in e for e in errors), errors
    finally:
        context.close()
