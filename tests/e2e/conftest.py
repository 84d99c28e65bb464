"""The e2e tests' shared piece: the program run as a separate process, as a shell runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(
        *args: str, password: str | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        environ = {**os.environ, "FRONTDESK_HOME": str(tmp_path / "home"), **env}
        environ.pop("FRONTDESK_PASSWORD", None)
        if password:
            environ["FRONTDESK_PASSWORD"] = password
        return subprocess.run(
            [sys.executable, "-m", "cli", *args],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )

    return run
