"""Taking a bundle in: checked whole first, then applied in one transaction or not at all.

At the county an up bundle must continue the township's audit chain from the head imported
last: the events it repeats must be the ones imported (same hash at the same place), the first
new one must link to that head, and the chain it carries must end at the manifest's head. A
township whose history was rewritten (an event changed) or truncated (a restored old backup,
its chain shorter than what the county holds) is named and refused. The county cannot check
each event's MAC (the key is the township's, never sent); it checks the links.

A bundle already imported changes nothing; one older than the last imported from its sender
is refused; sequences skipped are named (the later bundle carries their content).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from app import audit
from app.records import SiteLevel, SiteRecord
from app.roles import Actor, Role, allowed_roles
from app.sites import own_site
from app.sync.bundle import BundleRefused, OpenedBundle, read_bundle
from app.sync.exporter import CONTENT_PREFIX
from app.sync.ports import AuditRow, MissingReference, PeerState, SyncUnitOfWork
from app.sync.records import ImportPreview, ImportResult, Progress
from app.sync.trust import county_code, own_private_key, trust_list

# What a row of the wrong shape raises on its way in (a missing "_id", text for a number, a
# number no column holds): the bundle is refused with it, in one line.
BAD_ROWS = (ValueError, TypeError, KeyError, IndexError, OverflowError)


def _apply_county_content(
    uow: SyncUnitOfWork, actor: Actor, content: dict[str, list[dict[str, Any]]]
) -> None:
    """A down bundle's ``content_*`` files applied at a township (app.sites_register: only
    what is newer, never what the township owns), inside the import's transaction."""
    if not content:
        return
    from app.sites_register import ContentError
    from app.sites_register import apply_county_content as apply_content

    try:
        apply_content(uow, actor, content)
    except ContentError as exc:
        raise BundleRefused(f"县级下发的内容不对：{exc.message}") from None


@dataclass(frozen=True)
class _Checked:
    bundle: OpenedBundle
    own: SiteRecord
    county: str
    peer: PeerState
    gap: tuple[int, ...]
    already: bool


def _open(uow: SyncUnitOfWork, actor: Actor, path: Path, *, lock: bool) -> _Checked:
    own = own_site(uow, actor)
    county = county_code(uow, own)
    opened = read_bundle(path, trust_list(uow, own), private_key_for=own_private_key)
    m = opened.manifest
    expected = "up" if own.level == SiteLevel.COUNTY else "down"
    if m.kind != expected:
        if m.kind == "enrol":
            raise BundleRefused("这是站点登记文件：请用 frontdesk init --site-file 设置新电脑")
        raise BundleRefused(f"本站点只接收{'乡镇上报' if expected == 'up' else '县级下发'}的数据包")
    # Every site's key is in every site's trust list (a township receipt must verify at
    # another township), so the signature alone does not say who may send what: a down
    # bundle comes only from this township's county, an up bundle only from a township.
    if m.kind == "down" and m.from_site != county:
        raise BundleRefused(
            f"县级下发的数据包只能来自本县县级中心（{county}），这个来自 {m.from_site}"
        )
    if m.encryption is None and m.files:
        raise BundleRefused(
            "数据包没有为本站点加密：含个人信息的记录只能加密传递 / an unsealed bundle of records"
        )
    if m.kind == "up":
        sender = uow.sites.by_code(m.from_site)
        if m.from_site == own.code or (sender is not None and sender.level != SiteLevel.TOWNSHIP):
            raise BundleRefused(f"乡镇上报的数据包不能来自 {m.from_site}（不是本县的乡镇）")
    peer = uow.sync.peer(m.from_site, lock=lock)
    already = uow.sync.imported(opened.id)
    if not already and m.sequence <= peer.received_seq:
        last = uow.sync.bundles(m.from_site, "import", limit=1)
        if last and m.created_at > last[0]["created_at"]:  # made after the one imported
            raise BundleRefused(
                f"{m.from_site} 的第 {m.sequence} 号数据包晚于已导入的第 {peer.received_seq} "
                "号制作，编号却没有接上：历史被截断（是否恢复了旧备份？）"
            )
        raise BundleRefused(
            f"{m.from_site} 的第 {m.sequence} 号数据包早于已导入的第 {peer.received_seq} 号"
        )
    gap = tuple(range(peer.received_seq + 1, m.sequence)) if not already else ()
    return _Checked(opened, own, county, peer, gap, already)


def _audit_rows(rows: list[dict[str, Any]]) -> list[AuditRow]:
    try:
        return [
            AuditRow(
                seq=int(r["seq"]),
                at=datetime.fromisoformat(str(r["at"])),
                actor_login=str(r["actor_login"]),
                action=str(r["action"]),
                entity=str(r["entity"]),
                entity_id=str(r["entity_id"]),
                summary=str(r["summary"]),
                prev_hash=str(r["prev_hash"]),
                hash=str(r["hash"]),
            )
            for r in rows
        ]
    except (KeyError, TypeError, ValueError):
        raise BundleRefused("审计记录文件格式不对") from None


def new_audit_events(
    site: str,
    events: list[AuditRow],
    head: dict[str, Any] | None,
    peer: PeerState,
    stored: dict[int, str],
) -> list[AuditRow]:
    """The events to add, after checking that they continue the chain imported so far;
    raises BundleRefused naming the township otherwise. ``stored``: seq -> hash of the events
    already imported that the bundle repeats."""
    if head is None:
        raise BundleRefused(f"{site} 的数据包没有审计链末端")
    for before, after in pairwise(events):
        if after.seq != before.seq + 1 or after.prev_hash != before.hash:
            raise BundleRefused(f"{site} 的审计链在第 {after.seq} 条处断开")
    if events and (events[-1].seq, events[-1].hash) != (head.get("seq"), head.get("hash")):
        raise BundleRefused(f"{site} 的审计记录与清单所写的链末端不符")
    last_seq, last_hash = peer.received_audit_seq, peer.received_audit_hash
    if int(head.get("seq", 0)) < last_seq:
        raise BundleRefused(
            f"{site} 的审计链只到第 {head.get('seq')} 条，县里已有到第 {last_seq} 条："
            "历史被截断（是否恢复了旧备份？）"
        )
    if not events:
        if last_seq and (head.get("seq"), head.get("hash")) != (last_seq, last_hash):
            raise BundleRefused(f"{site} 的审计链末端与县里已导入的不符：历史被改写")
        return []
    for e in events:
        if e.seq <= last_seq and stored.get(e.seq) != e.hash:
            raise BundleRefused(f"{site} 的审计链第 {e.seq} 条与县里已导入的不同：历史被改写")
    fresh = [e for e in events if e.seq > last_seq]
    if not fresh:
        return []
    first = fresh[0]
    if first.seq != last_seq + 1:
        raise BundleRefused(
            f"{site} 的审计链缺少第 {last_seq + 1} 至 {first.seq - 1} 条：历史被截断"
        )
    expected_prev = last_hash if last_seq else audit.GENESIS_HASH
    if first.prev_hash != expected_prev:
        raise BundleRefused(
            f"{site} 的审计链第 {first.seq} 条没有接在县里已导入的第 {last_seq} 条之后：历史被改写"
        )
    return fresh


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def preview_import(uow: SyncUnitOfWork, actor: Actor, path: Path | str) -> ImportPreview:
    """What importing the bundle would add (nothing is written); refusals as for the import."""
    with uow.read():
        checked = _open(uow, actor, Path(path), lock=False)
        m = checked.bundle.manifest
        files = {k: list(checked.bundle.rows(k)) for k in checked.bundle.kinds()}
        audit_rows = _audit_rows(files.pop("audit_event", []))
        try:
            counts = uow.sync.classify(checked.own.code, files)
        except MissingReference as exc:
            raise BundleRefused(exc.message) from None
        except BAD_ROWS as exc:
            raise BundleRefused(f"记录格式不对（{exc}）") from None
        new_events = sum(1 for e in audit_rows if e.seq > checked.peer.received_audit_seq)
    return ImportPreview(
        path=Path(path),
        kind=m.kind,
        from_site=m.from_site,
        to_site=m.to_site,
        sequence=m.sequence,
        bundle_id=checked.bundle.id,
        created_at=m.created_at,
        counts=counts,
        audit_events_new=0 if checked.already else new_events,
        gap=checked.gap,
        already_imported=checked.already,
    )


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def import_bundle(
    uow: SyncUnitOfWork, actor: Actor, path: Path | str, progress: Progress | None = None
) -> ImportResult:
    """Import a bundle whole, in one transaction: refused (BundleRefused, one line) with
    nothing imported, or imported entirely. Twice is the same as once."""
    path = Path(path)

    def step(n: int, what: str) -> None:
        if progress is not None:
            progress(n, 4, what)

    step(0, "checking")
    with uow.write():
        checked = _open(uow, actor, path, lock=True)
        m = checked.bundle.manifest
        if checked.already:
            return ImportResult(
                path,
                m.kind,
                m.from_site,
                m.to_site,
                m.sequence,
                checked.bundle.id,
                already_imported=True,
            )
        step(1, "reading")
        files = {k: list(checked.bundle.rows(k)) for k in checked.bundle.kinds()}
        audit_rows = _audit_rows(files.pop("audit_event", []))
        content = {
            k[len(CONTENT_PREFIX) :]: files.pop(k)
            for k in list(files)
            if k.startswith(CONTENT_PREFIX)
        }
        fresh: list[AuditRow] = []
        if m.kind == "up":
            repeated = [e.seq for e in audit_rows if e.seq <= checked.peer.received_audit_seq]
            stored = uow.sync.imported_audit(m.from_site, repeated)
            fresh = new_audit_events(m.from_site, audit_rows, m.audit_head, checked.peer, stored)
        step(2, "applying")
        try:
            counts = uow.sync.apply_rows(checked.own.code, checked.county, m.from_site, files)
        except MissingReference as exc:
            raise BundleRefused(exc.message) from None
        except BAD_ROWS as exc:
            raise BundleRefused(f"记录格式不对（{exc}）") from None
        _apply_county_content(uow, actor, content)
        uow.sync.add_audit(m.from_site, fresh)
        now = uow.clock.now()
        raw_ack = m.extra.get("ack")
        ack: dict[str, Any] = raw_ack if isinstance(raw_ack, dict) else {}
        ack_seq = _int(ack.get("sequence"))
        peer = checked.peer
        if ack_seq > peer.acked_seq:
            if ack_seq > peer.sent_seq:
                raise BundleRefused(
                    f"{m.from_site} 确认收到第 {ack_seq} 号数据包，"
                    f"本机只发出到第 {peer.sent_seq} 号"
                )
            uow.sync.acknowledge(m.from_site, ack_seq, now)
            uow.sync.update_peer(
                m.from_site,
                acked_seq=ack_seq,
                acked_audit_seq=max(peer.acked_audit_seq, _int(ack.get("audit_seq"))),
            )
        changes: dict[str, Any] = {
            "received_seq": m.sequence,
            "received_id": checked.bundle.id,
            "received_at": now,
        }
        if m.kind == "up" and m.audit_head is not None:
            changes["received_audit_seq"] = max(peer.received_audit_seq, int(m.audit_head["seq"]))
            if fresh:
                changes["received_audit_hash"] = fresh[-1].hash
        uow.sync.update_peer(m.from_site, **changes)
        summary = {name: c.total for name, c in counts.items()}
        if fresh:
            summary["audit_event"] = len(fresh)
        gap_text = ",".join(str(n) for n in checked.gap)
        uow.sync.log_bundle(
            direction="import",
            kind=m.kind,
            from_site=m.from_site,
            to_site=m.to_site,
            sequence=m.sequence,
            sha256=checked.bundle.id,
            at=now,
            created_at=m.created_at,
            staff_id=actor.staff_id,
            counts=summary,
            gap=gap_text,
        )
        step(3, "recording")
        audit.record(  # last: the chain's head is locked only for the end of the transaction
            uow,
            actor,
            "sync_bundle_imported",
            "sync_bundle",
            m.sequence,
            None,
            {
                "from": m.from_site,
                "bundle": checked.bundle.id[:16],
                "new": sum(c.new for c in counts.values()),
                "updated": sum(c.updated for c in counts.values()),
                "gap": gap_text,
            },
        )
    step(4, "done")
    return ImportResult(
        path,
        m.kind,
        m.from_site,
        m.to_site,
        m.sequence,
        checked.bundle.id,
        counts=counts,
        audit_events_new=len(fresh),
        gap=checked.gap,
        acknowledged_seq=ack_seq,
    )


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
