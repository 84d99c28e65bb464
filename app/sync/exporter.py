"""Writing a bundle: up (a township to its county) or down (the county to one township).

An up bundle carries every travelling record the county does not know yet in its current
form (never acknowledged, or changed since), whatever earlier bundles carried: a lost USB stick
costs nothing, the next bundle has it all. It also carries the township's audit events after
the last acknowledged one, and the chain head. A down bundle carries, of the addressee's
records, those the county changed (a handed-over case decided here), the county's content
(``county_content``, h-enrol's), and the acknowledgement of what the county imported.
Both carry in ``extra.ack`` the last bundle this site imported from the addressee.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from app import audit
from app.errors import ValidationError
from app.records import SiteLevel
from app.roles import Actor, Role, allowed_roles
from app.sites import own_site
from app.sync.bundle import bundle_id, write_bundle
from app.sync.ports import BundleRows, SyncUnitOfWork
from app.sync.records import ExportResult, Progress
from app.sync.trust import addressee_key, county_code, site_signer, trust_list

CONTENT_PREFIX = "content_"


def county_content_for(uow: SyncUnitOfWork, to_site: str) -> BundleRows:
    """The catalog versions, calendar schedules, county-owned settings and trust list a
    township is to have (app.sites_register.county_content), each kind under
    ``content_<kind>``. The whole content every time: a township applies only what is newer,
    so a repeated or reordered down bundle changes nothing, and a lost one is no loss."""
    from app.sites_register import county_content

    return county_content(uow, None)


def _progress(progress: Progress | None, step: int, what: str) -> None:
    if progress is not None:
        progress(step, 3, what)


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def export_bundle(
    uow: SyncUnitOfWork,
    actor: Actor,
    out_path: Path | str,
    to_site: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the next bundle for ``to_site`` (a township: its county, the default; the
    county: one of its townships, required) at ``out_path``. The file appears only once the
    bundle's log entry is committed."""
    out = _output_path(out_path)
    writing = out.with_name(f".{out.name}.{os.getpid()}.writing")
    _progress(progress, 0, "collecting")
    try:
        with uow.write():
            own = own_site(uow, actor)
            county = county_code(uow, own)
            if own.level == SiteLevel.TOWNSHIP:
                kind = "up"
                to = (to_site or county).strip().upper()
                if to != county:
                    raise ValidationError.single("to", f"乡镇只向本县（{county}）发送数据包")
            else:
                kind = "down"
                if not to_site:
                    raise ValidationError.single("to", "县级中心发送数据包须指定乡镇（--to）")
                to = to_site.strip().upper()
                site = uow.sites.by_code(to)
                if to == own.code or site is None or site.level != SiteLevel.TOWNSHIP:
                    raise ValidationError.single("to", f"没有代码为“{to}”的乡镇")
            peer = uow.sync.peer(to, lock=True)
            sequence = peer.sent_seq + 1
            now = uow.clock.now()
            if kind == "up":  # the export's own event is the last the bundle carries
                audit.record(
                    uow,
                    actor,
                    "sync_bundle_exported",
                    "sync_bundle",
                    sequence,
                    None,
                    {"to": to, "kind": kind},
                )
            files, sent = uow.sync.changed_rows(own.code, to, None if kind == "up" else to)
            audit_head: dict[str, Any] | None = None
            events = 0
            if kind == "up":
                rows = uow.sync.audit_events_after(peer.acked_audit_seq)
                files["audit_event"] = [_audit_json(e) for e in rows]
                events = len(rows)
                head = uow.audit.head()
                audit_head = {"seq": head.seq, "hash": head.hash}
            else:
                for name, content in county_content_for(uow, to).items():
                    files[CONTENT_PREFIX + name] = content
            extra = {
                "site_name": own.name,
                "ack": {
                    "sequence": peer.received_seq,
                    "bundle": peer.received_id,
                    "audit_seq": peer.received_audit_seq,
                },
            }
            _progress(progress, 1, "writing")
            manifest = write_bundle(
                writing,
                {
                    "kind": kind,
                    "county": county,
                    "from_site": own.code,
                    "to_site": to,
                    "sequence": sequence,
                    "created_at": now,
                    "previous": peer.sent_id,
                    "audit_head": audit_head,
                    "extra": extra,
                },
                files,
                site_signer(uow, own),
                recipient=addressee_key(trust_list(uow, own), to),
            )
            bid = bundle_id(manifest.to_bytes())
            counts = {name: entry.rows for name, entry in manifest.files.items()}
            uow.sync.mark_sent(to, sequence, sent)
            uow.sync.update_peer(to, sent_seq=sequence, sent_id=bid)
            uow.sync.log_bundle(
                direction="export",
                kind=kind,
                from_site=own.code,
                to_site=to,
                sequence=sequence,
                sha256=bid,
                at=now,
                created_at=now,
                staff_id=actor.staff_id,
                counts=counts,
            )
            if kind == "down":  # at the county: the chain's head is locked only at the end
                audit.record(
                    uow,
                    actor,
                    "sync_bundle_exported",
                    "sync_bundle",
                    sequence,
                    None,
                    {"to": to, "kind": kind, "bundle": bid[:16]},
                )
        os.replace(writing, out)
    except OSError as exc:  # the folder is not writable, the disk full, the stick pulled out
        raise ValidationError.single("out", f"无法写入数据包文件：{exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            writing.unlink(missing_ok=True)
    _progress(progress, 3, "done")
    return ExportResult(out, kind, own.code, to, sequence, bid, counts, events)


# A name short enough for its partial files' longer names (".<name>.<pid>.writing").
MAX_NAME_BYTES = 200
_CONTROL = {chr(c) for c in range(32)} | {"\x7f", "\x85", "\u2028", "\u2029"}


def _output_path(out_path: Path | str) -> Path:
    """The bundle's file as typed or picked: refused with one line naming the problem when it
    cannot be written (nothing is collected then)."""
    typed = str(out_path)
    if not typed.strip():
        raise ValidationError.single("out", "请给出数据包文件名")
    if _CONTROL & set(typed):
        raise ValidationError.single("out", "数据包文件名含有控制字符（换行、制表符等）")
    out = Path(typed)
    if len(os.fsencode(out.name)) > MAX_NAME_BYTES:
        raise ValidationError.single("out", f"数据包文件名过长（至多 {MAX_NAME_BYTES} 字节）")
    try:
        if out.is_dir():
            raise ValidationError.single("out", f"{out} 是文件夹：请给出数据包文件名")
        if not out.parent.is_dir():
            raise ValidationError.single("out", f"文件夹 {out.parent} 不存在")
    except OSError as exc:  # a folder name too long, a folder that may not be read
        raise ValidationError.single("out", f"无法写入数据包文件：{exc.strerror or exc}") from None
    return out


def _audit_json(e: Any) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "at": e.at,
        "actor_login": e.actor_login,
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "summary": e.summary,
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }
