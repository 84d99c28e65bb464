"""Which site owns a case now, and the refusal for every other (乡镇代收、县级审批; the moves
between sites are app.handover's). Apart from the moves so that every case action
(app.cases.transitions) and the accountability review can ask it without importing them."""

from __future__ import annotations

from app.cases.records import CaseRecord
from app.errors import NotFound, PermissionDenied
from app.records import SiteRecord
from app.site_rules import SitesView


def owner_site(uow: SitesView, case: CaseRecord) -> SiteRecord:
    site = uow.sites.get(case.owner_site_id)
    if site is None:
        raise NotFound(f"找不到办件 {case.number} 所属的服务中心")
    return site


def require_owner(uow: SitesView, case: CaseRecord, actor_site: int) -> None:
    """Refuse an action at a site that does not own the case, naming the site that does."""
    if case.owner_site_id == actor_site:
        return
    site = owner_site(uow, case)
    raise PermissionDenied(f"此案件现由{site.name}办理（{site.code}），本中心不能操作")


def is_handed_over(case: CaseRecord) -> bool:
    """The case is at another site than the one that accepted it (the county, deciding)."""
    return case.owner_site_id != case.site_id
