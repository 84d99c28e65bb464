"""The feedback lists (ratings, complaints, rectification items, appeals) page by id alone: the
caller hands back the last page's key, the repository orders and cuts, a full page has a next."""

from __future__ import annotations

from app.cases.queries import Page


def after_id(after: tuple[int, ...] | None) -> int | None:
    """The id a page starts after (None: the first page)."""
    return after[0] if after else None


def id_page(ids: list[int], limit: int) -> Page:
    """A page of ``ids``; when it came full, its last id is the key of the next one."""
    return Page(ids, (ids[-1],) if len(ids) == limit else None)
