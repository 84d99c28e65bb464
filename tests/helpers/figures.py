"""Figures of the long reliability runs, kept for docs/RELIABILITY.md: each run writes
``build/reliability/<name>.json`` (build/ is not tracked) and prints one line."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FIGURES_DIR = Path(__file__).resolve().parents[2] / "build" / "reliability"


def record_figures(name: str, figures: dict[str, Any]) -> Path:
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    out = FIGURES_DIR / f"{name}.json"
    stamped = {
        **figures,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} CPU {platform.machine()}, Python {platform.python_version()}",
    }
    out.write_text(json.dumps(stamped, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{name}: {json.dumps(figures, ensure_ascii=False)}")
    return out
