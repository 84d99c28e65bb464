"""公布: a catalog version is a draft until a supervisor or administrator publishes it (who,
when, audited); the hall's posted papers say 草稿 while an item in force is a draft. Through the
services and the command line, on SQLite and PostgreSQL (the command line on SQLite)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from app import audit
from app.auth import login
from app.catalog import publication
from app.catalog import service as catalog
from app.context import AppContext
from app.errors import PermissionDenied, ValidationError
from app.printing import render
from app.printing.loaders import load_document
from app.roles import Actor
from tests.helpers.catalog import make_item
from tests.helpers.printing import compact, pdf_text


def test_a_saved_version_is_a_draft_until_published_by_a_supervisor_or_admin(
    demo_ctx: AppContext,
) -> None:
    ctx = demo_ctx
    admin = login(ctx.uow(), "admin", "admin-2026")
    boss = login(ctx.uow(), "sunli", "demo-2026")
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    # The demo catalog is published as it is loaded: nothing waits.
    assert publication.unpublished_items(ctx.uow(), boss) == []
    assert catalog.current_version(ctx.uow(), "MZ-001").published

    first = make_item(ctx)  # T-001, version 1: a draft, though in force at the counter
    assert not first.published and first.published_by_name == ""
    assert [s.code for s in publication.unpublished_items(ctx.uow(), admin)] == ["T-001"]
    with pytest.raises(PermissionDenied):
        publication.publish_version(ctx.uow(), clerk, first.id)
    with pytest.raises(PermissionDenied):
        publication.unpublished_items(ctx.uow(), clerk)

    # A newer version replaces it before anyone published it: only the one in force can be.
    edited = replace(catalog.draft_of(first), name="最低生活保障申请（第二版）")
    second_id = catalog.save_item(ctx.uow(), admin, replace(edited, base_version_id=first.id))
    with pytest.raises(ValidationError, match="第1版已不是现行版本") as old:
        publication.publish_version(ctx.uow(), boss, first.id)
    assert set(old.value.errors) == {"version"}

    ctx.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    published = publication.publish_version(ctx.uow(), boss, second_id)
    assert published.published and published.published_by_name == "孙丽"
    assert published.published_at == ctx.clock.now()
    assert publication.unpublished_items(ctx.uow(), boss) == []
    with pytest.raises(ValidationError, match=r"第2版已于\d{4}-\d\d-\d\d \d\d:\d\d由孙丽公布"):
        publication.publish_version(ctx.uow(), admin, second_id)
    with pytest.raises(ValidationError, match="没有编码为“NOPE-1”的事项"):
        publication.publish_item(ctx.uow(), admin, "NOPE-1")
    events = [e for e in audit.list_events(ctx.uow(), admin, 50) if e.action.endswith("published")]
    assert [(e.action, e.actor_login) for e in events] == [("catalog_version_published", "sunli")]
    # What was published stays what it was: version 1 is still readable, still a draft.
    assert not catalog.get_version(ctx.uow(), first.id).published


def test_the_posted_papers_say_draft_while_an_item_in_force_is_one(demo_ctx: AppContext) -> None:
    ctx = demo_ctx
    clerk = login(ctx.uow(), "zhangwei", "demo-2026")
    boss = login(ctx.uow(), "sunli", "demo-2026")
    draft = make_item(ctx)
    commitment = paper_text(ctx, clerk, "commitment")
    assert "【草稿，不得张贴】以下1个事项的现行版本尚未公布：T-001最低生活保障申请（测试）" in (
        commitment
    )
    pages = paper_text(ctx, clerk, "disclosure")
    assert "【草稿，不得张贴】" in pages and "最低生活保障申请（测试）（草稿，未公布）" in pages
    assert pages.count("（草稿，未公布）") == 1  # only its row: the demo items are published

    publication.publish_version(ctx.uow(), boss, draft.id)
    commitment = paper_text(ctx, clerk, "commitment")
    assert "草稿" not in commitment and "草稿" not in paper_text(ctx, clerk, "disclosure")


def paper_text(ctx: AppContext, actor: Actor, kind: str) -> str:
    return "".join(compact(p) for p in pdf_text(render(load_document(ctx.uow(), actor, kind, ""))))


def test_the_command_line_lists_drafts_and_publishes_with_the_role_checked(
    sqlite_demo_ctx: AppContext,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from cli.main import main

    make_item(sqlite_demo_ctx)
    make_item(sqlite_demo_ctx, code="T-002")
    monkeypatch.setenv("FRONTDESK_PASSWORD", "demo-2026")
    base = ["--db", sqlite_url, "catalog"]
    assert main([*base, "drafts", "--as", "sunli"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in listed] == [["T-001", "v1"], ["T-002", "v1"]]
    assert main([*base, "publish", "T-001", "--as", "zhangwei"]) == 2  # a clerk may not
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main([*base, "publish", "t-001", "--as", "sunli"]) == 0
    assert capsys.readouterr().out.strip() == "T-001 v1 published by 孙丽"
    assert main([*base, "publish", "T-001", "--as", "sunli"]) == 2  # not twice
    assert "由孙丽公布" in capsys.readouterr().err
    assert main([*base, "drafts", "--as", "sunli"]) == 0
    assert capsys.readouterr().out.split("\t")[0] == "T-002"
    out = tmp_path / "commitment.pdf"
    args = ["--db", sqlite_url, "print", "commitment", "--out", str(out), "--as", "zhangwei"]
    assert main(args) == 0
    assert "T-002最低生活保障申请（测试）" in compact(pdf_text(out.read_bytes())[0])
