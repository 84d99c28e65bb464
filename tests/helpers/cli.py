"""The program run as a separate process, as a shell runs it: ``python -m cli`` in the source
tree, with its own data folder and none of the caller's password. The key store is the test
session's (tests/conftest.py) unless ``own_keys``: then the one in the data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "admin-2026"


def cli_environment(
    home: Path, password: str | None = None, own_keys: bool = False, **env: str
) -> dict[str, str]:
    """The environment of a run on data folder ``home``; ``env`` adds or overrides variables."""
    environ = dict(os.environ)
    environ.pop("FRONTDESK_PASSWORD", None)
    if own_keys:
        environ.pop("FRONTDESK_KEYS_FILE", None)  # the key file in ``home``'s own keys folder
    environ["FRONTDESK_HOME"] = str(home)
    if password:
        environ["FRONTDESK_PASSWORD"] = password
    environ.update(env)
    return environ


def run_cli(
    home: Path,
    *args: str | bytes,
    password: str | None = None,
    own_keys: bool = False,
    timeout: int = 300,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """One command to its end, its output captured as text; nothing on its standard input."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        env=cli_environment(home, password, own_keys, **env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
