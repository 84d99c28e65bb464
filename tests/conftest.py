"""Test-wide set-up: Qt offscreen, a private settings folder, and the store fixtures."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

pytest_plugins = ["tests.helpers.stores", "tests.helpers.tls_pg"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows instead of offscreen")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # QSettings and the per-user data folder must never touch the real user's files.
    private = tempfile.mkdtemp(prefix="frontdesk-tests-")
    config.add_cleanup(lambda: shutil.rmtree(private, ignore_errors=True))
    os.environ["XDG_CONFIG_HOME"] = os.path.join(private, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(private, "data")
    # Keys in an owner-only file in the private folder, shared by the test processes (secrets are
    # named after public values, so the many test databases never mix them up).
    os.environ["FRONTDESK_KEYSTORE"] = "file"
    os.environ["FRONTDESK_KEYS_FILE"] = os.path.join(private, "keys", "frontdesk.keys")
    os.environ.pop("FRONTDESK_HOME", None)
    os.environ.pop("FRONTDESK_DB", None)
