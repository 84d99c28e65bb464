"""``frontdesk sync status`` and the 数据交换 page's table: per site, where the bundles stand."""

from __future__ import annotations

from app.records import SiteLevel, SiteRecord
from app.roles import Actor, Role, allowed_roles
from app.sites import own_site
from app.sync.ports import SyncUnitOfWork
from app.sync.records import SiteSyncStatus


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def sync_status(uow: SyncUnitOfWork, actor: Actor) -> list[SiteSyncStatus]:
    """Every site this one exchanges bundles with (at the county: every township it knows,
    also those that have sent nothing yet), by code."""
    with uow.read():
        own = own_site(uow, actor)
        peers = {p.site_code: p for p in uow.sync.peers()}
        codes = set(peers)
        if own.level == SiteLevel.COUNTY:
            codes |= {s.code for s in _townships(uow)}
        result = []
        for code in sorted(codes - {own.code}):
            peer = uow.sync.peer(code) if code not in peers else peers[code]
            site = uow.sites.by_code(code)
            gaps: list[int] = []
            for entry in uow.sync.bundles(code, "import", limit=1000):
                gaps += [int(n) for n in str(entry["gap"]).split(",") if n]
            result.append(
                SiteSyncStatus(
                    site_code=code,
                    site_name=site.name if site else "",
                    last_imported_seq=peer.received_seq,
                    last_imported_at=peer.received_at,
                    last_imported_id=peer.received_id,
                    last_sent_seq=peer.sent_seq,
                    acknowledged_seq=peer.acked_seq,
                    audit_seq=peer.received_audit_seq,
                    gaps=tuple(sorted(gaps)),
                )
            )
    return result


def _townships(uow: SyncUnitOfWork) -> list[SiteRecord]:
    """Township sites this database trusts keys of (h-enrol's register will list them)."""
    found: list[SiteRecord] = []
    for key in uow.keys.all():
        other = uow.sites.by_code(key.site_code)
        if other is not None and other.level == SiteLevel.TOWNSHIP and other not in found:
            found.append(other)
    return found
