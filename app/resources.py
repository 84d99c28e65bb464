"""Locate the files shipped in the top-level ``resources`` package.

``resources`` is a regular Python package (it has an ``__init__.py``), so the
same lookup works when running from a source checkout, from an installed wheel
and from a PyInstaller one-folder build that collected the package's data
files. If the package cannot be imported in a frozen build, the PyInstaller
bundle directory (``sys._MEIPASS``) is used instead.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["resource_path", "resources_dir"]


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """Absolute path of the ``resources`` directory."""
    package_file: str | None = None
    try:
        import resources
    except ImportError:
        pass
    else:
        package_file = getattr(resources, "__file__", None)
    if package_file:
        return Path(package_file).resolve().parent
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).parent
        return Path(bundle).resolve() / "resources"
    raise RuntimeError(
        "the 'resources' package cannot be found; run from the project root "
        "or install the application"
    )


def resource_path(*parts: str) -> Path:
    """Absolute path of a file below ``resources``, e.g. ``resource_path("fonts", "x.ttf")``.

    The path is not checked for existence.
    """
    return resources_dir().joinpath(*parts)
