"""Rows travelling between sites, generically, from the models' metadata (app.sync).

A travelling row is written as a JSON object: ``_id`` is its identity, ``[origin site code,
id there]`` (a row made here has this site's code and its id here; a row that came from
elsewhere keeps the identity it came with, from ``sync_origin``), and every other column by
name, except the primary key and the columns marked ``info={"derived": True}`` (computed again
on import). Foreign keys are written as stable identities, never as this database's ids:

- to a site: its code;
- to a staff member: ``[site code, login]``; a window: ``[site code, number]``; a department:
  ``[site code, name]`` (the bundle's ``ref_*`` files describe each one named, so the importer
  can add a placeholder for a township's staff it has not seen: inactive, no password);
- to a catalog item: its code; an item version: ``[code, version]``; an item material:
  ``[code, version, position]`` (the catalog is the county's: these must exist at the importer);
- to another travelling row: its identity ``[site code, id]``.

Times are ISO 8601 in UTC, dates ``YYYY-MM-DD``. A row's hash (the first 32 hex digits of the
SHA-256 of its canonical JSON) decides whether it changed since the other site last knew it
(``sync_row_state``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table, delete, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

import db.models  # noqa: F401  (every table in the metadata)
from app.sync.ports import (
    AuditRow,
    BundleRows,
    MissingReference,
    PeerState,
    RowCounts,
)
from db.cases_repo import name_tokens
from db.models.base import Base
from db.models.foundation import AuditEvent, Department, Site, Staff, Window
from db.models.sync import SyncAuditEvent, SyncBundle, SyncOrigin, SyncPeer, SyncRowState
from db.sealed import fill_derived
from db.types import UTCDateTime

# What a township records and the county must see (issue #16 item 3), in no particular order:
# the metadata's dependency order is used. Adding a table here is all it takes to carry it.
TRAVELLING: frozenset[str] = frozenset(
    {
        "appointment_schedule",
        "appointment",
        "appointment_event",
        "notice",
        "notice_material",
        "extra_demand",
        "refusal",
        "case_file",
        "case_material",
        "case_event",
        "agency_case",
        "agency_step",
        "agency_contact",
        "visit",
        "referral",
        "visit_event",
        "rating",
        "rectification",
        "rating_appeal",
        "complaint",
        "complaint_note",
        "accountability_record",
        "print_log",
    }
)
# Travelling tables whose rows are never changed once written (events, notes, the print
# log): an up export reads only those the county does not know yet. Their repositories only
# insert; visit_event's triggers enforce it.
APPEND_ONLY: frozenset[str] = frozenset(
    {
        "case_event",
        "visit_event",
        "appointment_event",
        "agency_step",
        "agency_contact",
        "complaint_note",
        "extra_demand",
        "print_log",
    }
)
REFERENCE: frozenset[str] = frozenset(
    {"site", "staff", "window", "department", "service_item", "service_item_version"}
    | {"item_material"}
)
# Names found by their substrings (db/cases_repo.py name_tokens): written again on import.
SEARCH_NAMES = {
    "case_file": ("case", "applicant_name"),
    "notice": ("notice", "applicant_name"),
    "visit": ("visit", "visitor_name"),
}
_CHUNK = 500


def travelling_tables() -> list[Table]:
    """The travelling tables, parents before children (use_alter links excepted)."""
    return [t for t in Base.metadata.sorted_tables if t.name in TRAVELLING]


def row_hash(row: Mapping[str, Any]) -> str:
    from app.sync.bundle import canonical_json

    return hashlib.sha256(canonical_json(row).encode("utf-8")).hexdigest()[:32]


def _derived(col: Any) -> bool:
    return bool(col.info.get("derived"))


def _fk_target(col: Any) -> str | None:
    for fk in col.foreign_keys:
        return str(fk.column.table.name)
    return None


@cache
def _pk(table: Table) -> Any:
    cols = list(table.primary_key.columns)
    if len(cols) != 1:
        raise RuntimeError(f"travelling table {table.name} needs a one-column primary key")
    return cols[0]


def identity_table(name: str) -> str:
    """The table whose ids identify rows of ``name``: itself, or, for a table keyed by its
    parent's id (agency_case by case_file), the parent's."""
    table = Base.metadata.tables[name]
    target = _fk_target(_pk(table))
    return identity_table(target) if target is not None and target != name else name


@cache
def _plan(name: str) -> tuple[tuple[str, str | None], ...]:
    """A travelling table's columns as written: (name, the table a foreign key names), the
    primary key and derived columns left out."""
    table = Base.metadata.tables[name]
    pk = _pk(table)
    plan = []
    for col in table.columns:
        if col is pk or _derived(col):
            continue
        target = _fk_target(col)
        if target is not None and target not in TRAVELLING and target not in REFERENCE:
            raise RuntimeError(f"{name}.{col.name}: no identity for table {target}")
        plan.append((col.name, target))
    return tuple(plan)


def _first_line(exc: IntegrityError | DataError) -> str:
    lines = str(exc.orig if exc.orig is not None else exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _column_value(col: Any, value: Any) -> Any:
    """A JSON value back in the column's Python type."""
    if value is None:
        return None
    if isinstance(col.type, UTCDateTime):
        at = datetime.fromisoformat(str(value))
        if at.tzinfo is None:
            raise ValueError(f"{col.table.name}.{col.name}: time without zone")
        return at
    if isinstance(col.type, Date):
        return date.fromisoformat(str(value))
    if isinstance(col.type, Boolean):
        if not isinstance(value, bool):
            raise ValueError(f"{col.table.name}.{col.name}: not a boolean")
        return value
    if isinstance(col.type, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{col.table.name}.{col.name}: not a number")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{col.table.name}.{col.name}: not text")
    return value


# -- identities ------------------------------------------------------------------------------


class _Identities:
    """Local ids <-> stable identities for the reference tables, for one transaction."""

    def __init__(self, s: Session, own_code: str) -> None:
        self.s = s
        self.own = own_code
        self.site_code: dict[int, str] = {}
        self.site_id: dict[str, int] = {}
        self.site_info: dict[str, dict[str, Any]] = {}
        for r in s.execute(select(Site.id, Site.code, Site.name, Site.level)):
            self.site_code[r.id] = r.code
            self.site_id[r.code] = r.id
            self.site_info[r.code] = {"code": r.code, "name": r.name, "level": r.level}
        origin = {
            (r.table_name, r.local_id): (r.origin_site, r.origin_key)
            for r in s.execute(
                select(SyncOrigin).where(SyncOrigin.table_name.in_(["staff"]))
            ).scalars()
        }
        self.staff_ident: dict[int, tuple[str, str]] = {}
        self.staff_info: dict[int, dict[str, Any]] = {}
        self.staff_id: dict[tuple[str, str], int] = {}
        for st in s.execute(select(Staff.id, Staff.site_id, Staff.login, Staff.name, Staff.role)):
            ident = origin.get(("staff", st.id)) or (self.site_code[st.site_id], st.login)
            self.staff_ident[st.id] = ident
            self.staff_id[ident] = st.id
            self.staff_info[st.id] = {
                "site": ident[0],
                "login": ident[1],
                "name": st.name,
                "role": st.role,
            }
        self.window_ident: dict[int, tuple[str, int]] = {}
        self.window_info: dict[int, dict[str, Any]] = {}
        self.window_id: dict[tuple[str, int], int] = {}
        for w in s.execute(select(Window.id, Window.site_id, Window.number, Window.name)):
            ident_w = (self.site_code[w.site_id], w.number)
            self.window_ident[w.id] = ident_w
            self.window_id[ident_w] = w.id
            self.window_info[w.id] = {"site": ident_w[0], "number": w.number, "name": w.name}
        self.dept_ident: dict[int, tuple[str, str]] = {}
        self.dept_id: dict[tuple[str, str], int] = {}
        for d in s.execute(select(Department.id, Department.site_id, Department.name)):
            ident_d = (self.site_code[d.site_id], d.name)
            self.dept_ident[d.id] = ident_d
            self.dept_id[ident_d] = d.id
        self._catalog: tuple[dict[Any, Any], dict[Any, int]] | None = None

    def catalog(self) -> tuple[dict[Any, Any], dict[Any, int]]:
        """(local key -> identity, identity -> local key) for items, versions, materials;
        keys are (table, id)."""
        if self._catalog is None:
            from db.models.catalog import ItemMaterial, ServiceItem, ServiceItemVersion

            ident: dict[Any, Any] = {}
            local: dict[Any, int] = {}
            codes: dict[int, str] = {}
            for i in self.s.execute(select(ServiceItem.id, ServiceItem.code)):
                codes[i.id] = i.code
                ident[("service_item", i.id)] = i.code
                local[("service_item", i.code)] = i.id
            versions: dict[int, tuple[str, int]] = {}
            for v in self.s.execute(
                select(
                    ServiceItemVersion.id, ServiceItemVersion.item_id, ServiceItemVersion.version_no
                )
            ):
                versions[v.id] = (codes[v.item_id], v.version_no)
                ident[("service_item_version", v.id)] = [codes[v.item_id], v.version_no]
                local[("service_item_version", codes[v.item_id], v.version_no)] = v.id
            for m in self.s.execute(
                select(ItemMaterial.id, ItemMaterial.version_id, ItemMaterial.position)
            ):
                code, no = versions[m.version_id]
                ident[("item_material", m.id)] = [code, no, m.position]
                local[("item_material", code, no, m.position)] = m.id
            self._catalog = (ident, local)
        return self._catalog

    # local id -> identity (export)
    def to_ref(self, target: str, value: int, refs: dict[str, dict[Any, dict[str, Any]]]) -> Any:
        if target == "site":
            code = self.site_code[value]
            refs["ref_site"][code] = self.site_info[code]
            return code
        if target == "staff":
            ident = self.staff_ident[value]
            refs["ref_staff"][ident] = self.staff_info[value]
            self._site_ref(ident[0], refs)
            return list(ident)
        if target == "window":
            ident_w = self.window_ident[value]
            refs["ref_window"][ident_w] = self.window_info[value]
            self._site_ref(ident_w[0], refs)
            return list(ident_w)
        if target == "department":
            ident_d = self.dept_ident[value]
            refs["ref_department"][ident_d] = {"site": ident_d[0], "name": ident_d[1]}
            self._site_ref(ident_d[0], refs)
            return list(ident_d)
        ident_c, _local = self.catalog()
        return ident_c[(target, value)]

    def _site_ref(self, code: str, refs: dict[str, dict[Any, dict[str, Any]]]) -> None:
        info = self.site_info.get(code)
        refs["ref_site"][code] = info if info is not None else {"code": code, "name": code}

    # identity -> local id (import); placeholders are made from the bundle's ref files
    def from_ref(self, target: str, ref: Any) -> int:
        try:
            if target == "site":
                return self.site_id[str(ref)]
            if target == "staff":
                return self.staff_id[(str(ref[0]), str(ref[1]))]
            if target == "window":
                return self.window_id[(str(ref[0]), int(ref[1]))]
            if target == "department":
                return self.dept_id[(str(ref[0]), str(ref[1]))]
            _ident, local = self.catalog()
            key = (target, *ref) if isinstance(ref, list) else (target, ref)
            return local[key]
        except (KeyError, IndexError, TypeError, ValueError):
            raise MissingReference(_describe_ref(target, ref)) from None

    def add_placeholders(self, refs: Mapping[str, list[dict[str, Any]]], county: str) -> None:
        """Sites, departments, windows and staff the bundle names that are not here yet."""
        for site in refs.get("ref_site", []):
            code = str(site["code"])
            if code in self.site_id:
                continue
            level = "county" if code == county else "township"
            new_id = self.s.execute(
                insert(Site)
                .values(code=code, name=str(site.get("name") or code)[:200], level=level)
                .returning(Site.id)
            ).scalar_one()
            self.site_id[code] = new_id
            self.site_code[new_id] = code
            self.site_info[code] = {"code": code, "name": site.get("name"), "level": level}
        for dept in refs.get("ref_department", []):
            key_d = (str(dept["site"]), str(dept["name"]))
            if key_d in self.dept_id:
                continue
            site_id = self.from_ref("site", key_d[0])
            self.dept_id[key_d] = self.s.execute(
                insert(Department)
                .values(site_id=site_id, name=key_d[1][:200])
                .returning(Department.id)
            ).scalar_one()
        for window in refs.get("ref_window", []):
            key_w = (str(window["site"]), int(window["number"]))
            if key_w in self.window_id:
                continue
            site_id = self.from_ref("site", key_w[0])
            self.window_id[key_w] = self.s.execute(
                insert(Window)
                .values(site_id=site_id, number=key_w[1], name=str(window.get("name", ""))[:200])
                .returning(Window.id)
            ).scalar_one()
        for person in refs.get("ref_staff", []):
            key_s = (str(person["site"]), str(person["login"]))
            if key_s in self.staff_id:
                continue
            if key_s[0] == self.own:
                raise MissingReference(_describe_ref("staff", list(key_s)))
            site_id = self.from_ref("site", key_s[0])
            login = self._free_login(f"{key_s[1]}@{key_s[0]}")
            role = str(person.get("role", "clerk"))
            new_id = self.s.execute(
                insert(Staff)
                .values(
                    site_id=site_id,
                    login=login,
                    name=str(person.get("name") or key_s[1])[:100],
                    role=role if role in ("clerk", "supervisor", "admin") else "clerk",
                    active=False,
                    password_hash="!",  # never a login here: the person works at the township
                    failed_attempts=0,
                )
                .returning(Staff.id)
            ).scalar_one()
            self.s.execute(
                insert(SyncOrigin).values(
                    origin_site=key_s[0], table_name="staff", origin_key=key_s[1], local_id=new_id
                )
            )
            self.staff_id[key_s] = new_id
            self.staff_ident[new_id] = key_s

    def _free_login(self, wanted: str) -> str:
        login, n = wanted[:32], 1
        while self.s.execute(select(Staff.id).where(Staff.login == login)).first() is not None:
            n += 1
            suffix = f"~{n}"
            login = wanted[: 32 - len(suffix)] + suffix
        return login


def _describe_ref(target: str, ref: Any) -> str:
    names = {
        "site": "站点",
        "staff": "工作人员",
        "window": "窗口",
        "department": "部门",
        "service_item": "事项",
        "service_item_version": "事项版本",
        "item_material": "事项材料",
    }
    shown = "/".join(str(p) for p in ref) if isinstance(ref, list) else str(ref)
    return f"本机没有数据包引用的{names.get(target, target)} {shown}"


# -- origins of travelling rows ----------------------------------------------------------------


class _Origins:
    """Travelling rows' identities: (site code, id there) <-> id here, looked up in batches."""

    def __init__(self, s: Session, own_code: str) -> None:
        self.s = s
        self.own = own_code
        self.to_local: dict[tuple[str, str, int], int] = {}  # (table, site, origin id) -> id
        self.to_origin: dict[tuple[str, int], tuple[str, int]] = {}  # (table, id) -> identity
        self._asked_local: set[tuple[str, int]] = set()

    def prefetch_identities(self, table: str, local_ids: Iterable[int]) -> None:
        table = identity_table(table)
        wanted = [i for i in set(local_ids) if (table, i) not in self._asked_local]
        for chunk in _chunks(wanted):
            for r in self.s.execute(
                select(SyncOrigin.local_id, SyncOrigin.origin_site, SyncOrigin.origin_key).where(
                    SyncOrigin.table_name == table, SyncOrigin.local_id.in_(chunk)
                )
            ):
                self.to_origin[(table, r.local_id)] = (r.origin_site, int(r.origin_key))
                self.to_local[(table, r.origin_site, int(r.origin_key))] = r.local_id
        self._asked_local.update((table, i) for i in wanted)

    def identity(self, table: str, local_id: int) -> list[Any]:
        table = identity_table(table)
        found = self.to_origin.get((table, local_id))
        return [found[0], found[1]] if found else [self.own, local_id]

    def prefetch_locals(self, table: str, idents: Iterable[tuple[str, int]]) -> None:
        table = identity_table(table)
        by_site: dict[str, set[str]] = {}
        for site, origin_id in idents:
            if site != self.own and (table, site, origin_id) not in self.to_local:
                by_site.setdefault(site, set()).add(str(origin_id))
        for site, keys in by_site.items():
            for chunk in _chunks(sorted(keys)):
                for r in self.s.execute(
                    select(SyncOrigin.local_id, SyncOrigin.origin_key).where(
                        SyncOrigin.origin_site == site,
                        SyncOrigin.table_name == table,
                        SyncOrigin.origin_key.in_(chunk),
                    )
                ):
                    self.to_local[(table, site, int(r.origin_key))] = r.local_id
                    self.to_origin[(table, r.local_id)] = (site, int(r.origin_key))

    def local(self, table: str, ident: Any) -> int | None:
        table = identity_table(table)
        site, origin_id = str(ident[0]), int(ident[1])
        if site == self.own:
            return origin_id
        return self.to_local.get((table, site, origin_id))

    def remember(self, table: str, ident: Any, local_id: int) -> None:
        table = identity_table(table)
        site, origin_id = str(ident[0]), int(ident[1])
        if site == self.own:
            return
        self.s.execute(
            insert(SyncOrigin).values(
                origin_site=site, table_name=table, origin_key=str(origin_id), local_id=local_id
            )
        )
        self.to_local[(table, site, origin_id)] = local_id
        self.to_origin[(table, local_id)] = (site, origin_id)


# -- the repository ----------------------------------------------------------------------------


def _require_origin(what: str, ident: Any, allowed: frozenset[str]) -> None:
    """A travelling row (or a reference to one) must be the sender's, or this site's coming
    back (app.sync.importer says whose)."""
    try:
        site = str(ident[0])
    except (TypeError, IndexError, KeyError):
        raise ValueError(f"{what}: not a record identity: {ident!r}") from None
    if site not in allowed:
        raise MissingReference(
            f"数据包中的 {what} 属于 {site}，不是发送站点的记录，不能由它导入 / "
            f"a row of {site} in another site's bundle"
        )


@dataclass
class _Deferred:
    table: Table
    local_id: int
    column: str
    target: str
    ident: Any


@dataclass
class _ImportState:
    counts: dict[str, RowCounts] = field(default_factory=dict)
    deferred: list[_Deferred] = field(default_factory=list)


class SqlSyncRepository:
    def __init__(self, session: Session) -> None:
        self.s = session
        self._token_rows: list[dict[str, Any]] = []  # written once, after every table

    # -- peers and the log ---------------------------------------------------------------------

    def peer(self, site_code: str, *, lock: bool = False) -> PeerState:
        stmt = select(SyncPeer).where(SyncPeer.site_code == site_code)
        if lock:
            stmt = stmt.with_for_update()
        row = self.s.execute(stmt).scalar_one_or_none()
        if row is None:
            self.s.add(
                SyncPeer(
                    site_code=site_code,
                    sent_seq=0,
                    acked_seq=0,
                    acked_audit_seq=0,
                    received_seq=0,
                    received_audit_seq=0,
                    received_audit_hash="",
                )
            )
            self.s.flush()
            row = self.s.execute(stmt).scalar_one()
        return _peer(row)

    def peers(self) -> list[PeerState]:
        return [
            _peer(r)
            for r in self.s.execute(select(SyncPeer).order_by(SyncPeer.site_code)).scalars()
        ]

    def update_peer(self, site_code: str, **changes: Any) -> None:
        self.s.execute(update(SyncPeer).where(SyncPeer.site_code == site_code).values(**changes))

    def log_bundle(
        self,
        *,
        direction: str,
        kind: str,
        from_site: str,
        to_site: str,
        sequence: int,
        sha256: str,
        at: datetime,
        created_at: datetime,
        staff_id: int | None,
        counts: Mapping[str, int],
        gap: str = "",
    ) -> None:
        self.s.add(
            SyncBundle(
                direction=direction,
                kind=kind,
                from_site=from_site,
                to_site=to_site,
                sequence=sequence,
                sha256=sha256,
                at=at,
                created_at=created_at,
                staff_id=staff_id,
                counts=json.dumps(dict(counts), sort_keys=True),
                gap=gap,
            )
        )
        self.s.flush()

    def imported(self, sha256: str) -> bool:
        return (
            self.s.execute(
                select(SyncBundle.id).where(
                    SyncBundle.direction == "import", SyncBundle.sha256 == sha256
                )
            ).first()
            is not None
        )

    def bundles(self, site_code: str, direction: str, limit: int = 50) -> list[dict[str, Any]]:
        column = SyncBundle.from_site if direction == "import" else SyncBundle.to_site
        rows = self.s.execute(
            select(SyncBundle)
            .where(column == site_code, SyncBundle.direction == direction)
            .order_by(SyncBundle.sequence.desc(), SyncBundle.id.desc())
            .limit(limit)
        ).scalars()
        return [
            {
                "sequence": r.sequence,
                "sha256": r.sha256,
                "at": r.at,
                "created_at": r.created_at,
                "counts": json.loads(r.counts),
                "gap": r.gap,
                "acknowledged_at": r.acknowledged_at,
            }
            for r in rows
        ]

    # -- acknowledgements -----------------------------------------------------------------------

    def acknowledge(self, peer: str, sequence: int, at: datetime) -> int:
        """The peer has everything we sent it up to ``sequence``: what we sent is what it
        knows. Returns how many rows that settles."""
        result = self.s.execute(
            update(SyncRowState)
            .where(
                SyncRowState.peer_site == peer,
                SyncRowState.sent_seq > 0,
                SyncRowState.sent_seq <= sequence,
                SyncRowState.known_hash != SyncRowState.sent_hash,
            )
            .values(known_hash=SyncRowState.sent_hash)
        )
        self.s.execute(
            update(SyncBundle)
            .where(
                SyncBundle.direction == "export",
                SyncBundle.to_site == peer,
                SyncBundle.sequence <= sequence,
                SyncBundle.acknowledged_at.is_(None),
            )
            .values(acknowledged_at=at)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    # -- export --------------------------------------------------------------------------------

    def changed_rows(
        self, own_code: str, peer: str, scope_site: str | None
    ) -> tuple[BundleRows, list[tuple[str, int, str]]]:
        """Every travelling row (of ``scope_site`` only, when given) whose hash differs from
        what ``peer`` knows, serialized; and (table, id, hash) of each, to mark as sent."""
        ident = _Identities(self.s, own_code)
        origins = _Origins(self.s, own_code)
        files: BundleRows = {}
        sent: list[tuple[str, int, str]] = []
        refs: dict[str, dict[Any, dict[str, Any]]] = {
            "ref_site": {},
            "ref_staff": {},
            "ref_window": {},
            "ref_department": {},
        }
        scope_id = ident.site_id.get(scope_site) if scope_site else None
        owned: dict[str, set[int]] = {}
        for table in travelling_tables():
            pk = _pk(table)
            stmt = select(table)
            if scope_site is not None and "site_id" in table.c:
                stmt = stmt.where(table.c.site_id == scope_id)
            if scope_site is None and table.name in APPEND_ONLY:
                # never changed once written: what the peer knows need not be read again
                stmt = stmt.where(
                    ~select(SyncRowState.local_id)
                    .where(
                        SyncRowState.peer_site == peer,
                        SyncRowState.table_name == table.name,
                        SyncRowState.local_id == pk,
                        SyncRowState.known_hash != "",
                    )
                    .exists()
                )
            rows = [r._mapping for r in self.s.execute(stmt.order_by(pk))]
            if scope_site is not None and "site_id" not in table.c:
                rows = [r for r in rows if self._in_scope(table, r, owned, ident, scope_site)]
            owned[table.name] = {r[pk.name] for r in rows}
            known = {
                r.local_id: r.known_hash
                for r in self.s.execute(
                    select(SyncRowState.local_id, SyncRowState.known_hash).where(
                        SyncRowState.peer_site == peer, SyncRowState.table_name == table.name
                    )
                )
            }
            self._prefetch_for_export(table, rows, origins)
            out = []
            for r in rows:
                data = self._serialize(table, r, ident, origins, refs)
                h = row_hash(data)
                if known.get(r[pk.name]) != h:
                    out.append(data)
                    sent.append((table.name, r[pk.name], h))
            if out:
                files[table.name] = out
        for name, found in refs.items():
            if found:
                files[name] = [found[k] for k in sorted(found, key=str)]
        return files, sent

    def _in_scope(
        self,
        table: Table,
        row: Any,
        owned: dict[str, set[int]],
        ident: _Identities,
        scope_site: str,
    ) -> bool:
        staff_site = None
        for col in table.columns:
            target = _fk_target(col)
            value = row[col.name]
            if value is None or target is None:
                continue
            if target in TRAVELLING:
                return value in owned.get(target, set())
            if target == "staff" and staff_site is None:
                staff_site = ident.staff_ident.get(value, ("", ""))[0]
        return staff_site == scope_site

    def _prefetch_for_export(self, table: Table, rows: list[Any], origins: _Origins) -> None:
        pk = _pk(table)
        origins.prefetch_identities(table.name, (r[pk.name] for r in rows))
        for col in table.columns:
            target = _fk_target(col)
            if target in TRAVELLING and target is not None:
                origins.prefetch_identities(
                    target, (r[col.name] for r in rows if r[col.name] is not None)
                )

    def _serialize(
        self,
        table: Table,
        row: Any,
        ident: _Identities,
        origins: _Origins,
        refs: dict[str, dict[Any, dict[str, Any]]],
    ) -> dict[str, Any]:
        pk = _pk(table)
        pk_target = _fk_target(pk)
        if pk_target is not None:  # the row's identity is its parent's (agency_case)
            data: dict[str, Any] = {"_id": origins.identity(pk_target, row[pk.name])}
        else:
            data = {"_id": origins.identity(table.name, row[pk.name])}
        for name, target in _plan(table.name):
            value = row[name]
            if value is None or target is None:
                data[name] = _json_value(value)
            elif target in TRAVELLING:
                data[name] = origins.identity(target, value)
            else:
                data[name] = ident.to_ref(target, value, refs)
        return data

    def mark_sent(self, peer: str, sequence: int, sent: list[tuple[str, int, str]]) -> None:
        existing: set[tuple[str, int]] = set()
        tables = {t for t, _i, _h in sent}
        for name in tables:
            existing |= {
                (name, r.local_id)
                for r in self.s.execute(
                    select(SyncRowState.local_id).where(
                        SyncRowState.peer_site == peer, SyncRowState.table_name == name
                    )
                )
            }
        fresh = [
            {
                "peer_site": peer,
                "table_name": t,
                "local_id": i,
                "sent_hash": h,
                "sent_seq": sequence,
                "known_hash": "",
            }
            for t, i, h in sent
            if (t, i) not in existing
        ]
        if fresh:
            self.s.execute(insert(SyncRowState), fresh)
        again = [
            {
                "peer_site": peer,
                "table_name": t,
                "local_id": i,
                "sent_hash": h,
                "sent_seq": sequence,
            }
            for t, i, h in sent
            if (t, i) in existing
        ]
        if again:  # an ORM bulk update by primary key: one executemany
            self.s.execute(update(SyncRowState), again)

    def audit_events_after(self, seq: int) -> list[AuditRow]:
        return [
            AuditRow(
                seq=r.seq,
                at=r.at,
                actor_login=r.actor_login,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                summary=r.summary,
                prev_hash=r.prev_hash,
                hash=r.hash,
            )
            for r in self.s.execute(
                select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)
            ).scalars()
        ]

    # -- import --------------------------------------------------------------------------------

    def classify(
        self, own_code: str, files: Mapping[str, list[dict[str, Any]]]
    ) -> dict[str, RowCounts]:
        """Per record kind, how many rows are new here and how many already present."""
        try:
            return self._classify(own_code, files)
        except DataError as exc:  # an id no column holds
            raise MissingReference(f"数据包中的记录的值本机存不下（{_first_line(exc)}）") from None

    def _classify(
        self, own_code: str, files: Mapping[str, list[dict[str, Any]]]
    ) -> dict[str, RowCounts]:
        origins = _Origins(self.s, own_code)
        result: dict[str, RowCounts] = {}
        for table in travelling_tables():
            rows = files.get(table.name)
            if not rows:
                continue
            pk_target = _fk_target(_pk(table))
            kind_table = pk_target or table.name
            idents = [(str(r["_id"][0]), int(r["_id"][1])) for r in rows]
            origins.prefetch_locals(kind_table, idents)
            counts = RowCounts()
            present: set[int] = set()
            own_ids = [i for s, i in idents if s == own_code]
            for chunk in _chunks(own_ids):
                present |= set(
                    self.s.execute(select(_pk(table)).where(_pk(table).in_(chunk))).scalars()
                )
            for site, origin_id in idents:
                local = origins.local(kind_table, [site, origin_id])
                exists = origin_id in present if site == own_code else local is not None
                if exists:
                    counts.present += 1
                else:
                    counts.new += 1
            result[table.name] = counts
        return result

    def apply_rows(
        self,
        own_code: str,
        county_code: str,
        sender: str,
        files: Mapping[str, list[dict[str, Any]]],
    ) -> dict[str, RowCounts]:
        """Insert or update every travelling row of the bundle (placeholders first for the
        staff, windows and departments it names); rows whose content is already here are left
        alone. Raises MissingReference (nothing is to be committed then), also for a row that
        collides with one here (a number taken twice)."""
        try:
            return self._apply_rows(own_code, county_code, sender, files)
        except IntegrityError as exc:
            raise MissingReference(f"数据包中的记录与本机记录冲突（{_first_line(exc)}）") from None
        except DataError as exc:  # a value the column cannot hold (too long, out of range)
            raise MissingReference(f"数据包中的记录的值本机存不下（{_first_line(exc)}）") from None

    def _apply_rows(
        self,
        own_code: str,
        county_code: str,
        sender: str,
        files: Mapping[str, list[dict[str, Any]]],
    ) -> dict[str, RowCounts]:
        ident = _Identities(self.s, own_code)
        ident.add_placeholders(files, county_code)
        origins = _Origins(self.s, own_code)
        state = _ImportState()
        known: list[tuple[str, int, str]] = []
        # Whose rows a bundle may carry: the sender's own, and (county to township) this
        # township's rows the county changed (a case handed back). Never the county's own rows
        # in an up bundle, never a third site's.
        allowed = frozenset({sender} | ({own_code} if own_code != county_code else set()))
        for table in travelling_tables():
            rows = files.get(table.name)
            if rows:
                self._apply_table(table, rows, ident, origins, state, known, sender, allowed)
        for d in state.deferred:
            target_id = origins.local(d.target, d.ident)
            if target_id is None:
                raise MissingReference(
                    f"数据包中 {d.table.name} 引用的 {d.target} {d.ident} 在本机和数据包中都没有"
                )
            self.s.execute(
                update(d.table).where(_pk(d.table) == d.local_id).values({d.column: target_id})
            )
        if self._token_rows:
            from db.models.cases import SearchToken

            self.s.execute(insert(SearchToken), self._token_rows)
            self._token_rows = []
        self._remember_known(sender, known)
        return state.counts

    def _apply_table(
        self,
        table: Table,
        rows: list[dict[str, Any]],
        ident: _Identities,
        origins: _Origins,
        state: _ImportState,
        known: list[tuple[str, int, str]],
        sender: str,
        allowed: frozenset[str],
    ) -> None:
        pk = _pk(table)
        pk_target = _fk_target(pk)
        id_table = pk_target or table.name
        columns = {c.name: c for c in table.columns if c is not pk and not _derived(c)}
        origins.prefetch_locals(id_table, ((str(r["_id"][0]), int(r["_id"][1])) for r in rows))
        for name, col in columns.items():
            target = _fk_target(col)
            if target in TRAVELLING and target is not None:
                origins.prefetch_locals(
                    target,
                    ((str(r[name][0]), int(r[name][1])) for r in rows if r.get(name) is not None),
                )
        counts = state.counts.setdefault(table.name, RowCounts())
        prepared: list[
            tuple[dict[str, Any], int | None, dict[str, Any], list[tuple[str, str, Any]]]
        ] = []
        for row in rows:
            if set(row) - set(columns) - {"_id"}:
                extra = sorted(set(row) - set(columns) - {"_id"})
                raise ValueError(f"{table.name}: unknown columns {extra}")
            _require_origin(table.name, row["_id"], allowed)
            values: dict[str, Any] = {}
            later: list[tuple[str, str, Any]] = []
            for name, col in columns.items():
                if name not in row:
                    raise ValueError(f"{table.name}: column {name} missing")
                raw = row[name]
                target = _fk_target(col)
                if raw is None:
                    values[name] = None
                elif target in TRAVELLING and target is not None:
                    _require_origin(f"{table.name}.{name}", raw, allowed)
                    local_ref = origins.local(target, raw)
                    if local_ref is None:
                        if not col.nullable:
                            raise MissingReference(
                                f"数据包中 {table.name} 引用的 {target} {raw} "
                                "在本机和数据包中都没有"
                            )
                        later.append((name, target, raw))
                    values[name] = local_ref
                elif target in REFERENCE and target is not None:
                    values[name] = ident.from_ref(target, raw)
                else:
                    values[name] = _column_value(col, raw)
            # Blind indexes are keyed per database: computed here from the plaintext, never
            # carried in a bundle.
            values = fill_derived(table, values)
            local = origins.local(id_table, row["_id"])
            prepared.append((row, local, values, later))
        existing_ids = [local for _r, local, _v, _l in prepared if local is not None]
        current: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(existing_ids):
            for r in self.s.execute(select(table).where(pk.in_(chunk))):
                current[r._mapping[pk.name]] = dict(r._mapping)
        # What this sender sent of each row last time: the same version again (a bundle
        # re-sent before its acknowledgement came back) must not undo what was done here since.
        taken: dict[int, str] = {}
        for chunk in _chunks(existing_ids):
            for local_id, known_hash in self.s.execute(
                select(SyncRowState.local_id, SyncRowState.known_hash).where(
                    SyncRowState.peer_site == sender,
                    SyncRowState.table_name == table.name,
                    SyncRowState.local_id.in_(chunk),
                )
            ):
                taken[local_id] = known_hash
        fresh: list[tuple[dict[str, Any], dict[str, Any], list[tuple[str, str, Any]]]] = []
        for row, local, values, later in prepared:
            if local is not None and local in current and taken.get(local) == row_hash(row):
                counts.present += 1
                known.append((table.name, local, row_hash(row)))
                continue
            if local is not None and local in current:
                changed = {
                    k: v
                    for k, v in values.items()
                    if current[local].get(k) != v and k not in {name for name, _t, _i in later}
                }
                if changed:
                    self.s.execute(update(table).where(pk == local).values(changed))
                    counts.updated += 1
                    self._tokens(table, local, values)
                else:
                    counts.present += 1
                for name, target, ref in later:
                    state.deferred.append(_Deferred(table, local, name, target, ref))
                known.append((table.name, local, row_hash(row)))
            else:
                if local is not None and pk_target is None:
                    raise MissingReference(
                        f"数据包中的 {table.name} {row['_id']} 应当在本机，却找不到"
                    )
                fresh.append((row, values, later))
        if not fresh:
            return
        if pk_target is not None:  # identity is the parent's: the key is the parent's id here
            for row, values, later in fresh:
                local_pk = origins.local(pk_target, row["_id"])
                if local_pk is None:
                    raise MissingReference(f"数据包中的 {table.name} {row['_id']} 没有上级记录")
                self.s.execute(insert(table).values({pk.name: local_pk, **values}))
                counts.new += 1
                known.append((table.name, local_pk, row_hash(row)))
                for name, target, ref in later:
                    state.deferred.append(_Deferred(table, local_pk, name, target, ref))
            return
        new_ids = list(
            self.s.execute(
                insert(table).returning(pk, sort_by_parameter_order=True),
                [values for _row, values, _later in fresh],
            ).scalars()
        )
        mapping_rows = []
        for (row, values, later), new_id in zip(fresh, new_ids, strict=True):
            counts.new += 1
            site, origin_id = str(row["_id"][0]), int(row["_id"][1])
            if site != origins.own:
                mapping_rows.append(
                    {
                        "origin_site": site,
                        "table_name": table.name,
                        "origin_key": str(origin_id),
                        "local_id": new_id,
                    }
                )
                origins.to_local[(table.name, site, origin_id)] = new_id
                origins.to_origin[(table.name, new_id)] = (site, origin_id)
            known.append((table.name, new_id, row_hash(row)))
            self._tokens(table, new_id, values, fresh=True)
            for name, target, ref in later:
                state.deferred.append(_Deferred(table, new_id, name, target, ref))
        if mapping_rows:
            self.s.execute(insert(SyncOrigin), mapping_rows)

    def _tokens(
        self, table: Table, local_id: int, values: dict[str, Any], fresh: bool = False
    ) -> None:
        spec = SEARCH_NAMES.get(table.name)
        if spec is None or spec[1] not in values:
            return
        from db.models.cases import SearchToken

        kind, column = spec
        if not fresh:
            self.s.execute(
                delete(SearchToken).where(SearchToken.kind == kind, SearchToken.ref_id == local_id)
            )
        name = values[column] or ""
        self._token_rows += [
            {"token": t, "kind": kind, "ref_id": local_id} for t in name_tokens(name)
        ]

    def _remember_known(self, peer: str, known: list[tuple[str, int, str]]) -> None:
        """What we took from ``peer`` is what it knows: it does not travel back unchanged."""
        by_table: dict[str, dict[int, str]] = {}
        for t, i, h in known:
            by_table.setdefault(t, {})[i] = h
        for name, hashes in by_table.items():
            existing: set[int] = set()
            for chunk in _chunks(list(hashes)):
                existing |= set(
                    self.s.execute(
                        select(SyncRowState.local_id).where(
                            SyncRowState.peer_site == peer,
                            SyncRowState.table_name == name,
                            SyncRowState.local_id.in_(chunk),
                        )
                    ).scalars()
                )
            fresh = [
                {
                    "peer_site": peer,
                    "table_name": name,
                    "local_id": i,
                    "sent_hash": "",
                    "sent_seq": 0,
                    "known_hash": h,
                }
                for i, h in hashes.items()
                if i not in existing
            ]
            if fresh:
                self.s.execute(insert(SyncRowState), fresh)
            if existing:
                self.s.execute(
                    update(SyncRowState),
                    [
                        {
                            "peer_site": peer,
                            "table_name": name,
                            "local_id": i,
                            "known_hash": hashes[i],
                        }
                        for i in existing
                    ],
                )

    # -- townships' audit events ---------------------------------------------------------------

    def imported_audit(self, site_code: str, seqs: list[int]) -> dict[int, str]:
        """seq -> hash of the site's events already imported, for the seqs asked."""
        found: dict[int, str] = {}
        for chunk in _chunks(seqs):
            for r in self.s.execute(
                select(SyncAuditEvent.seq, SyncAuditEvent.hash).where(
                    SyncAuditEvent.site_code == site_code, SyncAuditEvent.seq.in_(chunk)
                )
            ):
                found[r.seq] = r.hash
        return found

    def add_audit(self, site_code: str, events: list[AuditRow]) -> None:
        if not events:
            return
        self.s.execute(
            insert(SyncAuditEvent),
            [
                {
                    "site_code": site_code,
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
                for e in events
            ],
        )

    # -- counts (sync status, tests) -----------------------------------------------------------

    def site_counts(self, site_code: str) -> dict[str, int]:
        """Rows per travelling table with a site column, for one site."""
        from sqlalchemy import func

        site_id = self.s.execute(select(Site.id).where(Site.code == site_code)).scalar()
        if site_id is None:
            return {}
        counts: dict[str, int] = {}
        for table in travelling_tables():
            if "site_id" in table.c:
                counts[table.name] = int(
                    self.s.execute(
                        select(func.count()).select_from(table).where(table.c.site_id == site_id)
                    ).scalar_one()
                )
        return counts


def _peer(r: SyncPeer) -> PeerState:
    return PeerState(
        site_code=r.site_code,
        sent_seq=r.sent_seq,
        sent_id=r.sent_id,
        acked_seq=r.acked_seq,
        acked_audit_seq=r.acked_audit_seq,
        received_seq=r.received_seq,
        received_id=r.received_id,
        received_at=r.received_at,
        received_audit_seq=r.received_audit_seq,
        received_audit_hash=r.received_audit_hash,
    )
