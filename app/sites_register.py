"""One county of sites: the county's register of its townships, the content the county owns
and sends down, the trust list, and enrolling a township PC.

The county installation (its own site has level ``county``) keeps a ``site`` row for every
township it enrolled, with a ``site_registration`` row (when, by whom, the county's code) and
the township's public keys as ``site_key`` rows under its code. ``add_site`` registers a
township; ``enrolment_bundle`` writes the file a township PC is set up from (a bundle of kind
"enrol", app.sync.bundle, signed by the county), and ``enrol_township`` sets up an empty
database from it.

County-owned content travels down (``county_content`` at the county, ``apply_county_content``
at a township): published catalog item versions, the calendar (days entered and years made
final), the county-owned settings (``COUNTY_SETTINGS``) and the trust list (every site's
public keys with their periods and revocations). A township applies only what is newer and
never touches what it owns: its own site, staff, windows, local settings and its own keys.

What "newer" means, part by part:

- a catalog version is immutable and named by (item code, version number): one the township
  lacks is added, one it has is left; an item's version in force moves only forward (to the
  highest published number it holds); the item's offered/withdrawn flag follows content newer
  than the last applied (``as_of``);
- a calendar day carries the time the county entered it: the township's row is replaced only
  by a later entry (a township's own later entry for that day stays);
- county-owned settings follow content newer than the last applied;
- keys are added when unknown; a retirement or revocation is added, never taken back.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import audit
from app.errors import DomainError, NotFound, ValidationError
from app.installation import (
    HOME_SITE_KEY,
    installation_site,
)
from app.records import SiteLevel, SiteRecord
from app.register_ports import CalendarEntry, RegisteredSite
from app.roles import Actor, Role, allowed_roles
from app.settings import COUNTY_SETTINGS, SPECS

if TYPE_CHECKING:
    from app.ports import UnitOfWork
    from app.signing import SiteKeyRecord
    from app.sync.bundle import Manifest, OpenedBundle, TrustList

# Settings rows this module keeps (not in app.settings.SPECS: no dialog changes them).
COUNTY_CODE_KEY = "county_code"  # the county this installation belongs to (its own code there)
CONTENT_AS_OF_KEY = "county_content_as_of"  # a township: the newest county content applied

# Hall-wide settings the county decides for every site; the others (idle lock, backups, the
# hall's opening hours) are each site's own.

# A site code is also the prefix of every number the site gives (app.numbering): a number is
# CODE-[letter]YYYYMMDD-NNNN, so its last two dash-separated parts are never the code's, and two
# codes never give one number. Each part of a code starts with a letter (QHXZ, QH-LS), so no part
# looks like a date or a serial; 2 to 16 characters, as the QR payload allows (app.signing).
NEW_SITE_CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z][A-Z0-9]{1,6})?", re.ASCII)
CONTENT_FORMAT = 1
ENROL_FILE = "enrol"
# Content since a moment is read with this overlap: a version published in a transaction that
# committed after the previous content was read is sent again rather than never (the township
# ignores what it already has).
SINCE_OVERLAP = timedelta(minutes=10)
MAX_ROWS = 200_000


@dataclass(frozen=True)
class SiteListing:
    site: RegisteredSite
    keys: tuple[SiteKeyRecord, ...]

    @property
    def current_fingerprint(self) -> str:
        current = [k for k in self.keys if k.status == "current"]
        return current[0].fingerprint if current else ""


@dataclass(frozen=True)
class AppliedSummary:
    as_of: datetime
    newer: bool  # the content was newer than the last applied (flags and settings followed)
    sites_added: int = 0
    versions_added: int = 0
    items_changed: int = 0
    days_changed: int = 0
    years_added: int = 0
    settings_changed: int = 0
    keys_added: int = 0
    keys_updated: int = 0
    cases_moved: int = 0

    def describe(self) -> str:
        return (
            f"county content of {self.as_of:%Y-%m-%d %H:%M}: {self.versions_added} catalog "
            f"versions, {self.items_changed} items changed, {self.days_changed} calendar days, "
            f"{self.years_added} years, {self.settings_changed} settings, {self.keys_added} "
            f"keys added, {self.keys_updated} keys updated, {self.sites_added} sites"
            + ("" if self.newer else " (older than what was applied before: flags kept)")
        )


# -- the installation ----------------------------------------------------------------------


def home_site(uow: UnitOfWork) -> SiteRecord:
    """This installation's own site, inside the caller's transaction."""
    site = installation_site(uow)
    if site is None:
        raise NotFound("找不到本服务中心的记录：请先 frontdesk init")
    return site


def _require_county(uow: UnitOfWork) -> SiteRecord:
    site = home_site(uow)
    if site.level is not SiteLevel.COUNTY:
        raise DomainError(
            f"本机是乡镇站点 {site.code}，站点登记和县级内容只在县级中心维护 / "
            "only the county installation keeps the site register"
        )
    return site


def _ensure_county_registered(uow: UnitOfWork, actor: Actor | None) -> SiteRecord:
    """The county's own register row and county code, made the first time they are needed."""
    county = _require_county(uow)
    if not uow.settings.get(COUNTY_CODE_KEY):
        uow.settings.set(COUNTY_CODE_KEY, county.code)
    if not uow.settings.get(HOME_SITE_KEY):
        uow.settings.set(HOME_SITE_KEY, county.code)
    if uow.register.by_site(county.id) is None:
        reg_id = uow.register.add(
            county.id,
            county.code,
            uow.clock.now(),
            actor.staff_id if actor else None,
            actor.name if actor else "",
        )
        audit.record(
            uow,
            actor,
            "site_registered",
            "site_registration",
            reg_id,
            None,
            {"code": county.code, "kind": "county"},
            login=None if actor else "init",
        )
    return county


# -- the register --------------------------------------------------------------------------


def normalize_site_code(code: str) -> str:
    return code.strip().upper()


@allowed_roles(Role.ADMIN)
def add_site(uow: UnitOfWork, actor: Actor, code: str, name: str, kind: str) -> RegisteredSite:
    """Register a township of this county. Its numbers will carry ``code`` as their prefix."""
    from app.validation import validate_text

    code = normalize_site_code(code)
    if not NEW_SITE_CODE.fullmatch(code):
        raise ValidationError.single(
            "code",
            f"站点编码“{code}”无效：字母开头的2至8位字母和数字，可再加一段短横线后的字母编码"
            "（如 QHXZ、QH-LS）",
        )
    if kind not in (SiteLevel.TOWNSHIP.value, SiteLevel.COUNTY.value):
        raise ValidationError.single("kind", f"未知的站点类型“{kind}”（可用：township）")
    if kind == SiteLevel.COUNTY.value:
        raise ValidationError.single("kind", "本县的县级中心就是本机，只能登记乡镇站点（township）")
    clean_name = validate_text(name, "name", 100)
    if "\n" in clean_name:
        raise ValidationError.single("name", "站点名称只能是一行")
    with uow.write():
        county = _ensure_county_registered(uow, actor)
        if uow.sites.by_code(code) is not None:
            raise ValidationError.single("code", f"站点编码 {code} 已经登记过")
        site_id = uow.sites.add(
            code=code,
            name=clean_name,
            level=SiteLevel.TOWNSHIP,
            address="",
            phones="",
            timezone=county.timezone,
        )
        reg_id = uow.register.add(site_id, county.code, uow.clock.now(), actor.staff_id, actor.name)
        audit.record(
            uow,
            actor,
            "site_registered",
            "site_registration",
            reg_id,
            None,
            {"code": code, "name": clean_name, "kind": kind, "county": county.code},
        )
        registered = uow.register.by_site(site_id)
    assert registered is not None
    return registered


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)
def list_sites(uow: UnitOfWork, actor: Actor) -> list[SiteListing]:
    """The county's sites with their public keys (the county itself first)."""
    with uow.read():
        sites = uow.register.sites()
        if not sites:  # a county that has registered nobody yet: just itself
            own = home_site(uow)
            sites = [RegisteredSite(own.id, own.code, own.name, own.level, own.code, _never(), "")]
        return [
            SiteListing(s, tuple(uow.keys.keys_for_site(s.code)))
            for s in sorted(sites, key=lambda s: (s.kind is not SiteLevel.COUNTY, s.code))
        ]


def _never() -> datetime:
    from datetime import UTC

    return datetime(2000, 1, 1, tzinfo=UTC)


@allowed_roles(Role.ADMIN)
def import_site_keys(uow: UnitOfWork, actor: Actor, text: str) -> SiteKeyRecord:
    """A township's public key file (``frontdesk init --site-file`` wrote it) into the
    register: only for a township this county registered."""
    from app.signing import import_public_key

    try:
        data = json.loads(text)
        code = normalize_site_code(str(data["site_code"])) if isinstance(data, dict) else ""
    except (ValueError, KeyError):
        code = ""
    if not code:
        raise ValidationError.single("public_key", "不是有效的站点公钥文件")
    with uow.read():
        _require_county(uow)
        site = uow.sites.by_code(code)
        registered = uow.register.by_site(site.id) if site else None
    if registered is None or registered.kind is not SiteLevel.TOWNSHIP:
        raise ValidationError.single(
            "public_key", f"站点 {code} 不在本县的站点登记中：先用 frontdesk site add 登记"
        )
    return import_public_key(uow, actor, text)


# -- the trust list ------------------------------------------------------------------------


def trust_list(uow: UnitOfWork) -> TrustList:
    """Every public key this installation knows (its own, the county's, every site's), with
    their periods and revocations, for checking a bundle's signature (app.sync.bundle): the
    one list app.sync.trust builds, read in its own transaction."""
    from app.sync.trust import trust_list as site_trust_list

    with uow.read():
        return site_trust_list(uow, home_site(uow))


# -- county content ------------------------------------------------------------------------


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def _since(since: dict[str, str] | None, part: str) -> datetime | None:
    if not since or not since.get(part):
        return None
    try:
        at = datetime.fromisoformat(str(since[part]))
    except ValueError:
        raise ValidationError.single("since", f"“{since[part]}”不是时间") from None
    if at.tzinfo is None:
        raise ValidationError.single("since", "时间须带时区")
    return at - SINCE_OVERLAP


def county_content(uow: UnitOfWork, since: dict[str, str] | None) -> dict[str, list[dict]]:
    """What the county sends down: everything when ``since`` is None (an enrolment), else the
    catalog versions published and calendar days entered after ``since["catalog"]`` /
    ``since["calendar"]`` (the ``as_of`` of the content the township applied last, as
    ``content_since`` reports it), with the small parts (sites, items, settings, trust list)
    whole. Each key is one record kind of a bundle (one JSON-lines file)."""
    from app.catalog.service import draft_of
    from app.settings import get_all

    catalog_since = _since(since, "catalog")
    calendar_since = _since(since, "calendar")
    settings = get_all(uow)
    with uow.read():
        county = _require_county(uow)
        as_of = uow.clock.now()
        sites = uow.register.sites()
        versions = []
        for version_id in uow.register.published_version_ids(catalog_since):
            version = uow.catalog.version(version_id)
            assert version is not None
            row = _draft_row(asdict(draft_of(version)))
            row.update(
                version_no=version.version_no,
                created_at=_iso(version.created_at),
                published_at=_iso(version.published_at),
            )
            versions.append(row)
        items = uow.register.items()
        days = uow.register.calendar_entries(calendar_since)
        years = sorted(uow.calendar.years())
        keys = uow.keys.all()
    names = {s.code: s.name for s in sites}
    names.setdefault(county.code, county.name)
    return {
        "county": [
            {
                "format": CONTENT_FORMAT,
                "county_code": county.code,
                "county_name": county.name,
                "as_of": as_of.isoformat(),
            }
        ],
        "sites": [
            {
                "code": s.code,
                "name": s.name,
                "kind": s.kind.value,
                "address": s.address,
                "phones": s.phones,
                "enrolled_at": _iso(s.enrolled_at),
            }
            for s in sites
        ],
        "catalog_items": [
            {"code": i.code, "active": i.active, "current_version_no": i.current_version_no}
            for i in items
        ],
        "catalog_versions": versions,
        "calendar_days": [
            {
                "day": d.day.isoformat(),
                "is_workday": d.is_workday,
                "name": d.name,
                "entered_at": _iso(d.entered_at),
            }
            for d in days
        ],
        "calendar_years": [{"year": y} for y in years],
        "settings": [{"key": key, "value": str(settings[key])} for key in COUNTY_SETTINGS],
        "trust": [
            {
                "site_code": k.site_code,
                "site_name": names.get(k.site_code, k.site_name),
                "public_key": k.public_key.hex(),
                "fingerprint": k.fingerprint,
                "valid_from": _iso(k.valid_from or k.created_at),
                "valid_to": _iso(k.valid_to),
                "revoked_at": _iso(k.revoked_at),
            }
            for k in keys
        ],
    }


def _draft_row(draft: dict[str, Any]) -> dict[str, Any]:
    draft.pop("base_version_id", None)
    for m in draft["materials"]:
        for key in ("form", "medium", "necessity"):
            m[key] = str(m[key])
    return draft


def content_since(uow: UnitOfWork) -> dict[str, str]:
    """What a township tells the county it has (the ``since`` of ``county_content``)."""
    with uow.read():
        as_of = uow.settings.get(CONTENT_AS_OF_KEY)
    return {"catalog": as_of, "calendar": as_of} if as_of else {}


class ContentError(ValidationError):
    def __init__(self, message: str) -> None:
        super().__init__({"content": f"县级下发的内容无效：{message}"})


def _time(value: object, what: str, required: bool = True) -> datetime | None:
    if value is None and not required:
        return None
    try:
        at = datetime.fromisoformat(str(value))
    except ValueError:
        raise ContentError(f"{what} 不是时间") from None
    if at.tzinfo is None:
        raise ContentError(f"{what} 没有时区")
    return at


def _text(value: object, what: str, max_len: int) -> str:
    from app.validation import validate_text

    try:
        return validate_text(value if isinstance(value, str) else str(value), what, max_len, False)
    except ValidationError:
        raise ContentError(f"{what}含有无效字符或过长") from None


def _rows(content: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    if not isinstance(content, dict):
        raise ContentError("不是县级内容")
    rows = content.get(kind) or []
    if not isinstance(rows, list | tuple):
        raise ContentError(f"{kind} 不是记录的列表")
    rows = list(rows)
    if len(rows) > MAX_ROWS or not all(isinstance(r, dict) for r in rows):
        raise ContentError(f"{kind} 不是记录的列表")
    return rows


@allowed_roles(Role.ADMIN, Role.SUPERVISOR)  # as the import of a down bundle (app.sync)
def apply_county_content(uow: UnitOfWork, actor: Actor, content: dict[str, Any]) -> AppliedSummary:
    """Apply content the county sent (``county_content``) at a township, in one transaction
    (nothing half-applied); only what is newer, never what the township owns."""
    return _apply(uow, actor, content)


def _apply(uow: UnitOfWork, actor: Actor | None, content: dict[str, Any]) -> AppliedSummary:
    heads = _rows(content, "county")
    if len(heads) != 1:
        raise ContentError("缺少县级中心的说明（county）")
    head = heads[0]
    if head.get("format") != CONTENT_FORMAT:
        raise ContentError(f"格式版本 {head.get('format')!r} 不是 {CONTENT_FORMAT}")
    county_code = normalize_site_code(str(head.get("county_code", "")))
    as_of = _time(head.get("as_of"), "as_of")
    assert as_of is not None
    with uow.write():
        home = home_site(uow)
        if home.level is SiteLevel.COUNTY:
            raise ContentError("本机是县级中心，不接收县级下发的内容")
        mine = uow.settings.get(COUNTY_CODE_KEY)
        if mine != county_code:
            raise ContentError(f"内容来自 {county_code}，本站点属于 {mine or '（未登记）'}")
        previous = uow.settings.get(CONTENT_AS_OF_KEY)
        newer = previous is None or as_of > datetime.fromisoformat(previous)
        counts: dict[str, int] = {}
        counts["sites_added"] = _apply_sites(uow, home, county_code, _rows(content, "sites"))
        counts.update(_apply_catalog(uow, content, newer))
        days, years = _apply_calendar(uow, content)
        counts["days_changed"], counts["years_added"] = days, years
        if days or years:
            from app.cases.deadlines import recompute_open_cases

            counts["cases_moved"] = recompute_open_cases(uow, actor)
        counts["settings_changed"] = (
            _apply_settings(uow, _rows(content, "settings")) if newer else 0
        )
        added, updated = _apply_trust(uow, actor, home, _rows(content, "trust"))
        counts["keys_added"], counts["keys_updated"] = added, updated
        if newer:
            uow.settings.set(CONTENT_AS_OF_KEY, as_of.isoformat())
        summary = AppliedSummary(as_of=as_of, newer=newer, **counts)
        audit.record(
            uow,
            actor,
            "county_content_applied",
            "site",
            county_code,
            None,
            {"as_of": as_of.isoformat(), "newer": newer, **counts},
            login=None if actor else "init",
        )
    return summary


def _apply_sites(
    uow: UnitOfWork, home: SiteRecord, county_code: str, rows: list[dict[str, Any]]
) -> int:
    added = 0
    for row in rows:
        try:
            code = normalize_site_code(str(row["code"]))
            kind = SiteLevel(str(row["kind"]))
            name = _text(row["name"], "站点名称", 200)
        except (KeyError, ValueError):
            raise ContentError("站点记录不完整") from None
        if code == home.code or uow.sites.by_code(code) is not None:
            continue  # the township's own site is its own; others keep their first record
        if not re.fullmatch(r"[A-Z0-9-]{1,16}", code):
            raise ContentError(f"站点编码 {code} 无效")
        site_id = uow.sites.add(
            code=code,
            name=name,
            level=kind,
            address=_text(row.get("address", ""), "地址", 300),
            phones=_text(row.get("phones", ""), "电话", 200),
            timezone=home.timezone,
        )
        enrolled = _time(row.get("enrolled_at"), "enrolled_at")
        assert enrolled is not None
        uow.register.add(site_id, county_code, enrolled, None, "")
        added += 1
    return added


def _apply_catalog(uow: UnitOfWork, content: dict[str, Any], newer: bool) -> dict[str, int]:
    from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
    from app.catalog.search import search_key
    from app.catalog.service import validate_draft

    added = 0
    changed: set[str] = set()
    for row in _rows(content, "catalog_versions"):
        try:
            fields = {k: v for k, v in row.items() if k in ItemDraft.__dataclass_fields__}
            fields["materials"] = tuple(MaterialDraft(**m) for m in row.get("materials") or ())
            fields["steps"] = tuple(StepDraft(**s) for s in row.get("steps") or ())
            draft = validate_draft(ItemDraft(**fields))
            version_no = int(row["version_no"])
            if not 1 <= version_no <= 1_000_000:
                raise ValueError(f"version_no {version_no}")
        except (TypeError, KeyError, ValueError, OverflowError) as exc:
            raise ContentError(f"事项版本记录不完整（{exc}）") from None
        except ValidationError as exc:
            raise ContentError(
                f"事项 {row.get('code')} 第{row.get('version_no')}版：{exc}"
            ) from None
        created = _time(row.get("created_at"), "created_at")
        published = _time(row.get("published_at"), "published_at")
        assert created is not None and published is not None
        item = uow.catalog.item_by_code(draft.code, lock=True)
        item_id = item.id if item else uow.catalog.add_item(draft.code)
        if uow.register.version_id(item_id, version_no) is not None:
            continue
        version_id = uow.catalog.add_version(
            item_id,
            version_no,
            draft,
            search_key=search_key(draft.code, draft.name),
            created_at=created,
            created_by=None,
        )
        uow.catalog.publish_version(version_id, published, None)
        added += 1
        changed.add(draft.code)
    # the version in force: the highest published number held (never back)
    for code in sorted(changed):
        item = uow.catalog.item_by_code(code, lock=True)
        assert item is not None
        top = uow.catalog.last_version_no(item.id)
        current = uow.catalog.version(item.current_version_id) if item.current_version_id else None
        if current is None or current.version_no < top:
            top_id = uow.register.version_id(item.id, top)
            assert top_id is not None
            uow.catalog.set_current_version(item.id, top_id)
    for row in _rows(content, "catalog_items") if newer else []:
        item = uow.catalog.item_by_code(str(row.get("code", "")), lock=True)
        active = row.get("active")
        if item is not None and isinstance(active, bool) and item.active != active:
            uow.catalog.set_active(item.id, active)
            changed.add(item.code)
    return {"versions_added": added, "items_changed": len(changed)}


def _apply_calendar(uow: UnitOfWork, content: dict[str, Any]) -> tuple[int, int]:
    changed = 0
    for row in _rows(content, "calendar_days"):
        try:
            day = date.fromisoformat(str(row["day"]))
            is_workday = row["is_workday"]
            name = _text(row.get("name", ""), "日历说明", 100)
        except (KeyError, ValueError):
            raise ContentError("日历记录不完整") from None
        if not isinstance(is_workday, bool):
            raise ContentError(f"{day} 的工作日标记无效")
        entered = _time(row.get("entered_at"), "entered_at")
        assert entered is not None
        held = uow.register.calendar_entry(day)
        if held is not None and held.entered_at >= entered:
            continue  # the township's row is as new or newer
        uow.register.put_calendar_entry(CalendarEntry(day, is_workday, name, entered))
        changed += 1
    try:
        years = {int(row["year"]) for row in _rows(content, "calendar_years")}
    except (KeyError, ValueError, TypeError, OverflowError):
        raise ContentError("日历年份记录无效") from None
    if not all(1900 <= y <= 2200 for y in years):
        raise ContentError("日历年份超出范围")
    missing = years - uow.calendar.years()
    if missing:
        uow.calendar.put_years(missing, None)
    return changed, len(missing)


def _apply_settings(uow: UnitOfWork, rows: list[dict[str, Any]]) -> int:
    changed = 0
    for row in rows:
        key = str(row.get("key", ""))
        if key not in COUNTY_SETTINGS:
            continue  # a township's own settings are never the county's to set
        spec = SPECS[key]
        try:
            value = spec.parse(str(row.get("value", "")).strip())
        except ValueError:
            raise ContentError(f"设置 {key} 的值无效") from None
        if spec.check(value):
            raise ContentError(f"设置 {key} 的值超出范围")
        if uow.settings.get(key) != str(value):
            uow.settings.set(key, str(value))
            changed += 1
    return changed


def _apply_trust(
    uow: UnitOfWork, actor: Actor | None, home: SiteRecord, rows: list[dict[str, Any]]
) -> tuple[int, int]:
    from app.signing import SITE_CODE, _is_public_key

    added = updated = 0
    for row in rows:
        try:
            code = normalize_site_code(str(row["site_code"]))
            public = bytes.fromhex(str(row["public_key"]))
        except (KeyError, ValueError):
            raise ContentError("信任列表的记录不完整") from None
        if not SITE_CODE.fullmatch(code) or not _is_public_key(public):
            raise ContentError(f"信任列表中 {code} 的公钥无效")
        if code == home.code:
            continue  # the township's own keys are its own: rotated and revoked here
        valid_from = _time(row.get("valid_from"), "valid_from", required=False)
        valid_to = _time(row.get("valid_to"), "valid_to", required=False)
        revoked = _time(row.get("revoked_at"), "revoked_at", required=False)
        held = uow.keys.by_public_key(public)
        if held is None:
            key_id = uow.keys.add(
                site_code=code,
                site_name=_text(row.get("site_name", ""), "站点名称", 200),
                public_key=public,
                own=False,
                site_id=None,
                created_at=uow.clock.now(),
                created_by=actor.staff_id if actor else None,
                valid_from=valid_from,
                valid_to=valid_to,
                revoked_at=revoked,
            )
            audit.record(
                uow,
                actor,
                "site_key_imported",
                "site_key",
                key_id,
                None,
                {"site": code, "by": "county"},
                login=None if actor else "init",
            )
            added += 1
            continue
        if held.own or held.site_code != code:
            raise ContentError(
                f"公钥 {held.fingerprint} 在本机属于 {held.site_code}，不属于 {code}"
            )
        if revoked is not None and held.revoked_at is None:
            uow.keys.revoke(held.id, revoked)
            updated += 1
        elif valid_to is not None and held.valid_to is None:
            uow.keys.retire(held.id, valid_to)
            updated += 1
    return added, updated


# -- enrolment -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolmentFile:
    path: Path
    site_code: str
    county_fingerprint: str
    rows: int


@allowed_roles(Role.ADMIN)
def write_enrolment(uow: UnitOfWork, actor: Actor, code: str, out: Path) -> EnrolmentFile:
    """The file a township PC is set up from: a bundle of kind "enrol" signed by the county,
    carrying the township's identity and the whole county content."""
    from app.signing import ensure_site_key, private_key_of
    from app.sync.bundle import Ed25519Signer, write_bundle

    code = normalize_site_code(code)
    with uow.write():
        county = _ensure_county_registered(uow, actor)
        site = uow.sites.by_code(code)
        registered = uow.register.by_site(site.id) if site else None
        if registered is None or registered.kind is not SiteLevel.TOWNSHIP:
            raise NotFound(f"本县没有登记编码为 {code} 的乡镇站点（frontdesk site add）")
        key = ensure_site_key(uow, county.id, actor)
        audit.record(
            uow,
            actor,
            "enrolment_written",
            "site_registration",
            code,
            None,
            {"site": code, "county_key": key.fingerprint},
        )
    files: dict[str, list[dict]] = county_content(uow, None)
    files[ENROL_FILE] = [
        {
            "site_code": registered.code,
            "site_name": registered.name,
            "kind": registered.kind.value,
            "county_code": county.code,
            "county_name": county.name,
            "enrolled_at": _iso(registered.enrolled_at),
        }
    ]
    signer = Ed25519Signer(private_key_of(key))
    write_bundle(
        out,
        {
            "kind": "enrol",
            "county": county.code,
            "from_site": county.code,
            "to_site": registered.code,
            "sequence": 1,
            "created_at": uow.clock.now(),
            "extra": {"site_name": registered.name},
        },
        files,
        signer,
    )
    return EnrolmentFile(out, code, key.fingerprint, sum(len(r) for r in files.values()))


def fingerprint(public_key: bytes) -> str:
    """The same short form as app.signing.SiteKeyRecord.fingerprint, to read over the phone."""
    import hashlib

    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def open_enrolment(path: Path, county_key: str | None = None) -> OpenedBundle:
    """Check an enrolment file's signature and every file's hash. The county's public key is
    in the file itself; ``county_key`` (hex, from the county by phone or on paper) pins it."""
    import zipfile

    from app.sync.bundle import (
        MANIFEST,
        BundleRefused,
        TrustedKey,
        TrustList,
        _manifest_from_json,
        read_bundle,
    )

    manifest: Manifest | None = None
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _manifest_from_json(json.loads(zf.read(MANIFEST).decode("utf-8")))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, UnicodeDecodeError):
        read_bundle(path, TrustList(None, None))  # raises the refusal naming what is wrong
        raise BundleRefused("不是本系统的数据包") from None
    if manifest.kind != "enrol":
        raise BundleRefused(f"这是“{manifest.kind}”数据包，不是站点登记文件")
    if county_key is not None:
        try:
            pinned = bytes.fromhex("".join(county_key.split()))
        except ValueError:
            raise ValidationError.single("county_key", "--county-key 应为十六进制的公钥") from None
        if pinned != manifest.public_key:
            raise BundleRefused(
                f"文件中县级中心的公钥（指纹 {fingerprint(manifest.public_key)}）"
                f"不是指定的公钥（指纹 {fingerprint(pinned)}）"
            )
    trust = TrustList(
        county_code=manifest.county,
        own_site_code=manifest.to_site,
        keys=(TrustedKey(manifest.from_site, manifest.public_key),),
    )
    opened = read_bundle(path, trust)
    if opened.manifest.from_site != opened.manifest.county:
        raise BundleRefused("站点登记文件只能由县级中心签发")
    return opened


@dataclass(frozen=True)
class EnrolResult:
    site_id: int
    site_code: str
    site_name: str
    county_code: str
    county_name: str
    applied: AppliedSummary
    own_fingerprint: str
    public_key_file: str  # JSON of the township's public keys, to take back to the county
    demo_logins: tuple[str, ...] = ()


def enrol_township(
    uow: UnitOfWork, opened: OpenedBundle, admin_password: str, *, demo: bool = False
) -> EnrolResult:
    """Set up an empty database as the township an enrolment file names: its site, the county's
    site and register, the county's content, the township's own signing key and its
    administrator, all in one transaction."""
    from app.auth import login
    from app.settings import DATABASE_KIND, DEMO_KIND, REAL_KIND
    from app.setup import _add_demo_hall
    from app.signing import ensure_site_key, export_public_key
    from app.staff import create_staff

    content = {kind: list(opened.rows(kind)) for kind in opened.kinds()}
    identity = content.get(ENROL_FILE) or []
    if len(identity) != 1:
        raise ContentError("缺少新站点的说明（enrol）")
    me = identity[0]
    code = normalize_site_code(str(me.get("site_code", "")))
    if code != opened.manifest.to_site or not NEW_SITE_CODE.fullmatch(code):
        raise ContentError(f"站点编码 {code} 与文件的收件站点不符")
    county_code = opened.manifest.county
    county_rows = [r for r in content.get("trust", []) if r.get("site_code") == county_code]
    if opened.manifest.public_key.hex() not in {str(r.get("public_key")) for r in county_rows}:
        raise ContentError("签名的公钥不在县级中心的信任列表中")
    if not admin_password:
        raise ValidationError.single("admin_password", "首次初始化需要设置管理员密码")
    county_name = str(me.get("county_name", county_code))[:200]
    site_name = str(me.get("site_name", code))[:200]
    with uow.write():
        if uow.sites.first() is not None:
            raise DomainError(
                "这台电脑的数据库已经初始化过，不能再用登记文件初始化；请另选数据文件夹"
            )
        site_id = uow.sites.add(
            code=code,
            name=site_name,
            level=SiteLevel.TOWNSHIP,
            address="",
            phones="",
            timezone="Asia/Shanghai",
        )
        county_id = uow.sites.add(
            code=county_code,
            name=county_name,
            level=SiteLevel.COUNTY,
            address="",
            phones="",
            timezone="Asia/Shanghai",
        )
        enrolled = _time(me.get("enrolled_at"), "enrolled_at")
        assert enrolled is not None
        uow.register.add(site_id, county_code, enrolled, None, "")
        uow.register.add(county_id, county_code, enrolled, None, "")
        uow.settings.set(DATABASE_KIND, DEMO_KIND if demo else REAL_KIND)
        uow.settings.set(HOME_SITE_KEY, code)
        uow.settings.set(COUNTY_CODE_KEY, county_code)
        audit.record(
            uow,
            None,
            "site_created",
            "site",
            site_id,
            None,
            {"code": code, "name": site_name, "county": county_code, "enrolment": opened.id},
            login="init",
        )
        ensure_site_key(uow, site_id)
        create_staff(
            uow,
            None,
            site_id=site_id,
            login="admin",
            name="系统管理员",
            role=Role.ADMIN,
            password=admin_password,
        )
        applied = _apply(uow, None, content)
        demo_logins = _add_demo_hall(uow, site_id) if demo else ()
    admin = login(uow, "admin", admin_password)
    public_file = export_public_key(uow, admin)
    with uow.read():
        own = uow.keys.own_key(site_id)
    assert own is not None
    return EnrolResult(
        site_id=site_id,
        site_code=code,
        site_name=site_name,
        county_code=county_code,
        county_name=county_name,
        applied=applied,
        own_fingerprint=own.fingerprint,
        public_key_file=public_file,
        demo_logins=tuple(demo_logins),
    )
