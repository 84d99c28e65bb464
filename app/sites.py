"""The site (service hall) and its windows, as the staff member at a counter sees them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.errors import NotFound
from app.ports import SiteRepository, UnitOfWork
from app.records import SiteRecord
from app.roles import Actor
from app.settings import DATABASE_KIND, DEMO_KIND, DEMO_MARK


@dataclass(frozen=True)
class Post:
    """Where the logged-in staff member works: shown in the status bar and on printouts."""

    site_code: str
    site_name: str
    site_phones: str
    window_number: int | None
    window_name: str | None
    demo: bool = False  # a demo database: every screen says 演示数据 (app.settings)


def describe_post(uow: UnitOfWork, actor: Actor, window_number: int | None = None) -> Post:
    """The actor's site and window. ``window_number`` (this PC's setting) wins over the
    staff member's usual window, because a clerk standing in at another counter sits there."""
    with uow.read():
        site = uow.sites.get(actor.site_id)
        if site is None:
            raise NotFound("找不到本服务中心的记录")
        windows = uow.sites.windows(site.id)
        demo = uow.settings.get(DATABASE_KIND) == DEMO_KIND
    window = None
    if window_number is not None:
        window = next((w for w in windows if w.number == window_number), None)
    if window is None and actor.window_id is not None:
        window = next((w for w in windows if w.id == actor.window_id), None)
    return Post(
        site_code=site.code,
        site_name=site.name,
        site_phones=site.phones,
        window_number=window.number if window else None,
        window_name=window.name if window else None,
        demo=demo,
    )


def site_name_for_login(uow: UnitOfWork) -> str:
    """The hall's name for the login screen (before anyone is logged in); a demo database's
    says so there too."""
    with uow.read():
        site = uow.sites.first()
        demo = uow.settings.get(DATABASE_KIND) == DEMO_KIND
    if site is None:
        return ""
    return f"{site.name}（{DEMO_MARK}）" if demo else site.name


def site_by_code(uow: UnitOfWork, code: str) -> SiteRecord:
    """A site named by its code (QH), as the command line takes it."""
    with uow.read():
        site = uow.sites.by_code(code.strip().upper())
    if site is None:
        raise NotFound(f"没有代码为“{code}”的服务中心")
    return site


class _SitesView(Protocol):
    @property
    def sites(self) -> SiteRepository: ...


def own_site(uow: _SitesView, actor: Actor) -> SiteRecord:
    """The service center the acting staff member works at (every number and paper names it),
    inside the caller's transaction."""
    site = uow.sites.get(actor.site_id)
    if site is None:
        raise NotFound("找不到本服务中心")
    return site
