"""Which site may change a record: the one that made it (its ``site_id``), and no other.

A county's database holds its townships' visits, referrals, complaints, ratings, rectification
items, appeals and one-time notices (they arrive in the up bundles, app.sync), and a township's
holds what the county sends down of its own. Only the site a record belongs to changes it: a
county's change to a township's visit went down in the next down bundle and silently replaced
whatever the township had done with it meanwhile (and a township's change to a county record
would be refused or lost on its way up). Reading stays allowed everywhere (the county supervises its
townships). Cases have their own rule, by the site that owns the case now
(app.cases.ownership ``require_owner``: a case moves between sites, these records never do).

Every service that changes such a record calls ``require_own_record`` right after loading it,
before the checks of its state and of who may act on it, so that the refusal names the owner
rather than some other reason.
"""

from __future__ import annotations

from typing import Protocol

from app.errors import PermissionDenied
from app.ports import SiteRepository


class SitesView(Protocol):
    """What the site rules read: the sites (a unit of work has them)."""

    @property
    def sites(self) -> SiteRepository: ...


def own_record(record_site_id: int, actor_site: int) -> bool:
    """Whether a record of ``record_site_id`` may be changed at ``actor_site`` (a screen asks,
    to show its buttons only where they will work)."""
    return record_site_id == actor_site


def require_own_record(
    uow: SitesView, what: str, label: str, record_site_id: int, actor_site: int
) -> None:
    """Refuse to change ``what`` ``label`` (e.g. "来访登记", its number) at a site other than
    the one it belongs to, naming that site."""
    if own_record(record_site_id, actor_site):
        return
    site = uow.sites.get(record_site_id)
    owner = f"{site.name}（{site.code}）" if site is not None else f"站点 {record_site_id}"
    raise PermissionDenied(f"{what} {label} 属于{owner}，由该中心办理；本中心只能查看，不能操作")
