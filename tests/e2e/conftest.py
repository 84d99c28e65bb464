"""The e2e tests' shared piece: the program run as a separate process, as a shell runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import run_cli


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``run("case", "list", password=...)``: a command on this test's own data folder."""

    def run(
        *args: str, password: str | None = None, timeout: int = 300, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(tmp_path / "home", *args, password=password, timeout=timeout, **env)

    return run
