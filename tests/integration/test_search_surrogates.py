"""Issue 15 item 8: a lone surrogate (a broken paste) in a search box is a field error, not a
crash in the service or the database driver."""

from __future__ import annotations

import pytest

from app.auth import login
from app.catalog.service import search_items
from app.context import AppContext
from app.errors import ValidationError
from app.visits.worklist import search_work


def test_lone_surrogates_are_refused_by_both_searches(demo_ctx: AppContext) -> None:
    clerk = login(demo_ctx.uow(), "zhangwei", "demo-2026")
    for typed in ("\ud800", "张\udcff", "110101\udc80"):
        with pytest.raises(ValidationError) as work:
            search_work(demo_ctx.uow(), clerk, typed)
        assert set(work.value.errors) == {"text"}
        with pytest.raises(ValidationError) as items:
            search_items(demo_ctx.uow(), typed)
        assert set(items.value.errors) == {"query"}
