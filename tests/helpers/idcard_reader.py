"""The stand-in reader library (tests/helpers/sdt_standin.c), compiled once per test run."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.idcard import IdCard

SOURCE = Path(__file__).with_name("sdt_standin.c")
PORT = 1001

SAMPLE = IdCard(
    name="张三",
    sex="男",
    nation="汉",
    birth_date=date(1985, 3, 7),
    address="浙江省杭州市西湖区文三路100号",
    id_number="110101198503070013",
    authority="杭州市公安局西湖分局",
    valid_from=date(2016, 5, 1),
    valid_to=date(2036, 5, 1),
)


def build(folder: Path, source: str | None = None) -> Path:
    """Compile the stand-in (or ``source``) into ``folder``; fail (CI) or skip without a C
    compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or sys.platform == "win32":
        reason = "no C compiler to build the stand-in reader library"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI requires it)", pytrace=False)
        pytest.skip(reason)
    src = SOURCE
    if source is not None:
        src = folder / "other.c"
        src.write_text(source, encoding="utf-8")
    out = folder / f"lib{src.stem}.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", str(out), str(src)],
        check=True,
        capture_output=True,
    )
    return out


class StandIn:
    """The test's side of the stand-in: lay a card, unplug, make a step fail."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lib = ctypes.CDLL(str(path))
        self.lib.standin_put_card.argtypes = [ctypes.c_char_p, ctypes.c_int]
        self.reset()

    def reset(self, port: int = PORT) -> None:
        self.lib.standin_reset(port)

    def put_card(self, block: bytes) -> None:
        self.lib.standin_put_card(block, len(block))

    def take_card(self) -> None:
        self.lib.standin_take_card()

    def unplug(self) -> None:
        self.lib.standin_unplug()

    def plug(self) -> None:
        self.lib.standin_plug()

    def fail(self, step: str, code: int) -> None:
        self.lib.standin_fail({"open": 1, "find": 2, "select": 3, "read": 4}[step], code)

    def short_text(self, length: int) -> None:
        self.lib.standin_short_text(length)

    @property
    def is_open(self) -> bool:
        return bool(self.lib.standin_is_open())

    def calls(self, which: str) -> int:
        return int(self.lib.standin_calls({"open": 0, "close": 1, "read": 2}[which]))
