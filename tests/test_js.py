"""The page's JavaScript helpers, tested by Node's own test runner (``node --test tests/js/``)."""

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


def test_javascript_helpers():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is missing: install Node.js 18 or later to test the pages' helpers")
    result = subprocess.run(
        [node, "--test", str(TESTS)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
