"""Two clerks on two PCs save the same case from the same screen: one save goes through, the
other is refused with who changed it and when, never a silent overwrite. Both stores, two
processes released at the same moment."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from app.auth import login
from app.cases import queries
from app.cases.lifecycle import CaseState
from app.context import AppContext
from tests.helpers.catalog import make_item
from tests.integration.test_cases import request

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3


def screen(url: str, schema: str, login_name: str, number: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.edit_worker", url, schema, login_name, number],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def release_together(screens: dict[str, subprocess.Popen[str]]) -> dict[str, str]:
    """Both screens show the case; then both save at the same moment. What each said."""
    for proc in screens.values():
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in screens.values():
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    said = {}
    for who, proc in screens.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        said[who] = out.strip()
    return said


def test_two_clerks_saving_one_case_at_once(
    demo_ctx: AppContext, engine_spec: tuple[str, dict[str, object]]
) -> None:
    from app.cases.service import accept_case

    url, kwargs = engine_spec
    options = str(kwargs.get("connect_args", {}).get("options", ""))  # type: ignore[attr-defined]
    schema = options.split("=", 1)[1] if options else ""
    item = make_item(demo_ctx)
    owner = login(demo_ctx.uow(), "zhangwei", "demo-2026")  # 张伟; 李娜 is his B post
    names = {"zhangwei": "张伟", "lina": "李娜"}
    for _ in range(ROUNDS):
        number = accept_case(demo_ctx.uow(), owner, request(item)).number
        screens = {who: screen(url, schema, who, number) for who in names}
        try:
            said = release_together(screens)
        finally:
            for proc in screens.values():
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate()
        assert list(said.values()).count("saved") == 1, said  # exactly one save went through
        (loser,) = [who for who, text in said.items() if text != "saved"]
        (winner,) = [who for who in names if who != loser]
        assert re.fullmatch(
            rf"refused: 办件 {number} 已被{names[winner]}于 \d\d:\d\d:\d\d 修改，请刷新后再办理",
            said[loser],
        ), said
        case = queries.find_case_by_number(demo_ctx.uow(), owner, number)
        assert case is not None and case.state is CaseState.SUSPENDED and case.row_version == 2
        suspensions = [e for e in case.events if e.to_state is CaseState.SUSPENDED]
        assert [e.staff_name for e in suspensions] == [names[winner]]
        assert suspensions[0].reason == f"{names[winner]}：补正"
