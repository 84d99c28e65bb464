"""The direction of the rooms: ui -> app <- db. app/ knows neither Qt nor SQL; db/ no Qt;
ui/ talks to services, never to the database."""

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
        ("app", ("PySide6", "shiboken6", "sqlalchemy", "alembic", "db", "ui", "cli")),
        ("db", ("PySide6", "shiboken6", "ui", "cli")),
        ("ui", ("sqlalchemy", "alembic", "db", "cli")),
        ("devices", ("PySide6", "shiboken6", "sqlalchemy", "alembic", "db", "ui", "cli")),
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
