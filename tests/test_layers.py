"""The house: imports only go downward through the layers, the CLI starts light, and no room is
a hall (no module over ~400 lines)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "contactladder"

# The layers, bottom to top (DESIGN.md): a module may import its own layer and those below.
LAYERS = [
    ("errors", "_version"),
    ("words",),
    ("ladder",),
    ("privacy",),
    ("loading",),
    ("network",),
    ("analysis",),
    ("render",),
    ("io",),
    ("demo",),
    ("jobs",),
    (
        "cli",
        "cli_names",
        "cli_options",
        "cli_output",
        "cli_weaver",
        "cli_maps",
        "cli_research",
        "__main__",
    ),
]
RANK = {room: rank for rank, rooms in enumerate(LAYERS) for room in rooms}


def _room(module: str) -> str:
    """The room of a module: ``contactladder.render.styles`` -> ``render``."""
    return module.split(".")[1] if module.count(".") else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    """The contactladder modules ``path`` imports, anywhere in it, with their line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "contactladder":
                names = [f"contactladder.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "relative"))
    return [
        (line, name)
        for line, name in found
        if name == "relative" or name.startswith("contactladder.")
    ]


def _modules() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE
    )


def test_every_module_belongs_to_a_layer():
    rooms = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _modules()}
    assert rooms <= set(RANK), rooms - set(RANK)


def test_a_lower_layer_never_imports_a_higher_one():
    wrong = []
    for path in _modules():
        room = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for line, name in _imports(path):
            if name == "relative":
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} uses a relative import")
            elif _room(name) in RANK and RANK[_room(name)] > RANK[room]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} ({room}) imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_layer_check_finds_an_upward_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from contactladder.jobs.report import write_report\n")
    assert _imports(module) == [(2, "contactladder.jobs.report")]
    assert RANK[_room("contactladder.jobs.report")] > RANK["analysis"]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_room_is_a_hall(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 420


def test_the_cli_loads_neither_pandas_nor_networkx():
    code = (
        "import sys, contactladder.cli, contactladder; "
        "print(sorted(m for m in ('pandas', 'networkx', 'numpy', 'matplotlib') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_python_m_contactladder_is_the_command():
    result = subprocess.run(
        [sys.executable, "-m", "contactladder", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("contactladder, version ")


def test_every_public_name_of_the_package_face_resolves():
    import contactladder

    missing = [name for name in contactladder.__all__ if not hasattr(contactladder, name)]
    assert missing == []
