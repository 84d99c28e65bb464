"""The direction of the rooms: ui -> app <- db. app/ knows neither Qt nor SQL; db/ no Qt;
ui/ talks to services, never to the database. The simulators (sim/) drive the product from
outside: they may use app/ and db/, and nothing of the product uses them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(folder: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(ROOT)), a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((str(path.relative_to(ROOT)), node.module))
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("app", ("PySide6", "shiboken6", "sqlalchemy", "alembic", "db", "ui", "cli", "sim")),
        ("db", ("PySide6", "shiboken6", "ui", "cli", "sim")),
        ("ui", ("sqlalchemy", "alembic", "db", "cli", "sim")),
        ("devices", ("PySide6", "shiboken6", "sqlalchemy", "alembic", "db", "ui", "cli", "sim")),
        ("sim", ("PySide6", "shiboken6", "ui", "cli")),
    ],
)
def test_layer_does_not_import(folder: str, forbidden: tuple[str, ...]) -> None:
    offences = [
        f"{file} imports {module}"
        for file, module in imported_modules(folder)
        if module.split(".")[0] in forbidden
    ]
    assert offences == []


def test_the_check_sees_imports() -> None:
    # Guard against a scan that silently finds nothing.
    assert any(module.startswith("PySide6") for _, module in imported_modules("ui"))
    assert any(module.startswith("sqlalchemy") for _, module in imported_modules("db"))


# -- imports the scan above cannot see --------------------------------------------------------
# A module named by a string (importlib.import_module, __import__) escapes the layer rules, so
# there are none: the repositories, print loaders and report providers that are imported late
# are imported by plain import statements inside a function, which the scan does see.

DYNAMIC_IMPORTERS = {"import_module", "__import__", "spec_from_file_location", "find_spec"}


def dynamic_imports(source: str) -> list[str]:
    """Calls in ``source`` that import a module named by a value rather than a statement."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in DYNAMIC_IMPORTERS:
                found.append(f"line {node.lineno}: {name}")
    return found


@pytest.mark.parametrize("folder", ["app", "db", "ui", "devices", "cli", "sim"])
def test_no_module_is_imported_by_name(folder: str) -> None:
    offences = [
        f"{path.relative_to(ROOT)} {where}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        for where in dynamic_imports(path.read_text(encoding="utf-8"))
    ]
    assert offences == []


def test_the_dynamic_check_can_fail() -> None:
    source = (
        "import importlib\n"
        "def load():\n"
        "    importlib.import_module('db.cases_repo')\n"
        "    return __import__('ui')\n"
    )
    assert dynamic_imports(source) == ["line 3: import_module", "line 4: __import__"]


def test_the_check_sees_imports_inside_functions() -> None:
    # The late imports that used to be strings: the unit of work's repositories, the print
    # loaders of other areas and the report providers.
    assert ("db/uow.py", "db.cases_repo") in imported_modules("db")
    found = imported_modules("app")
    assert ("app/printing/loaders.py", "app.notices") in found
    assert ("app/printing/loaders.py", "app.visits") in found
    assert ("app/reports/sections.py", "app.reports") in found


def test_the_check_sees_the_simulators() -> None:
    # The simulators are scanned, and what they drive is seen: the product's services from
    # outside (app) and the bulk rows' tables (db).
    found = imported_modules("sim")
    assert any(Path(file).parts[:2] == ("sim", "demo") for file, _ in found)
    assert any(module.startswith("app.cases") for _, module in found)
    assert any(module.startswith("db.") for _, module in found)
