"""The PyInstaller build (build.spec) starts and paints the main window.

Builds the one-folder bundle into a temporary folder (about 30 s on 2 cores), then runs the
frozen executable the way an installer would leave it: ``init --demo`` on a fresh data folder,
then ``gui --smoke --user zhangwei`` off screen. This catches what only a frozen build gets
wrong: a module imported by name at run time that the build left out, migrations or fonts not
shipped as data, paths that assume a source checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
EXE_NAME = "frontdesk.exe" if sys.platform == "win32" else "frontdesk"
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once per module; the path of the bundle folder (``dist/frontdesk``)."""
    pytest.importorskip("PyInstaller", reason="the build extra (pyinstaller) is not installed")
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            str(SPEC),
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"pyinstaller failed:\n{result.stderr[-4000:]}"
    folder = out / "dist" / "frontdesk"
    assert (folder / EXE_NAME).is_file()
    return folder


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    env.update(
        FRONTDESK_HOME=str(home / "data"),
        FRONTDESK_PASSWORD="demo-2026",
        QT_QPA_PLATFORM="offscreen",
        # QSettings (window number, language) must not come from the developer's profile.
        XDG_CONFIG_HOME=str(home / "config"),
        HOME=str(home),
    )
    return env


def _run(exe: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )


def _internal(folder: Path) -> Path:
    # PyInstaller >= 6 puts everything but the executable below _internal/.
    inner = folder / "_internal"
    return inner if inner.is_dir() else folder


def test_bundle_ships_migrations_and_resources(frozen_app: Path) -> None:
    inner = _internal(frozen_app)
    migrations = ROOT / "db" / "migrations"
    shipped = inner / "db" / "migrations"
    assert (shipped / "env.py").is_file()
    expected = {p.name for p in (migrations / "versions").glob("*.py")}
    assert expected, "no migration scripts in the source tree?"
    assert {p.name for p in (shipped / "versions").glob("*.py")} == expected
    for font in (ROOT / "resources" / "fonts").iterdir():
        if font.suffix in {".ttf", ".ttc", ".otf"}:
            assert (inner / "resources" / "fonts" / font.name).is_file(), font.name


def test_frozen_init_then_smoke_paints_main_window(frozen_app: Path, tmp_path: Path) -> None:
    exe = frozen_app / EXE_NAME
    env = _env(tmp_path)

    init = _run(exe, ["init", "--demo", "--admin-password", "admin-2026"], env)
    assert init.returncode == 0, f"init failed:\n{init.stdout}\n{init.stderr}"
    assert "database ready" in init.stdout

    smoke = _run(exe, ["gui", "--smoke", "--user", "zhangwei"], env)
    assert smoke.returncode == 0, f"smoke failed:\n{smoke.stdout}\n{smoke.stderr}"
    lines = [line for line in smoke.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no JSON line on stdout:\n{smoke.stdout}\n{smoke.stderr}"
    report = json.loads(lines[-1])
    assert report["ok"] is True
    assert report["screen"] == "main"
    assert report["user"] == "zhangwei"
    assert report["first_paint_ms"] > 0
    # Fonts are found through resources/ in the bundle; a missing file is logged, not fatal.
    assert "could not load bundled font" not in smoke.stderr
    # A module the build left out shows up as an import error, even in a background job.
    assert "ModuleNotFoundError" not in smoke.stderr
    assert "ImportError" not in smoke.stderr

    # The supervisor's statistics page builds QtCharts views: a module only that page loads.
    charts = _run(exe, ["gui", "--smoke", "--user", "sunli", "--page", "statistics"], env)
    assert charts.returncode == 0, f"statistics smoke failed:\n{charts.stdout}\n{charts.stderr}"
    charted = [line for line in charts.stdout.splitlines() if line.startswith("{")]
    assert charted and json.loads(charted[-1])["user"] == "sunli"
    assert "ModuleNotFoundError" not in charts.stderr and "ImportError" not in charts.stderr
