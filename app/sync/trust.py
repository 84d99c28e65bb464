"""Who this site is in the county, whom it trusts, and what it signs bundles with.

Until the site register (h-enrol's ``app.sites_register.trust_list``) is merged, the trust list
is read from the public keys this database knows (``site_key``: its own and those imported with
``frontdesk keys import-public``), and a township names its county in the setting
``county_code`` (``frontdesk init --site-file`` sets it; a county's own code is its county).
"""

from __future__ import annotations

from app.errors import DomainError
from app.ports import UnitOfWork
from app.records import SiteLevel, SiteRecord
from app.signing import _private_key, ensure_site_key
from app.sync.bundle import Ed25519Signer, TrustedKey, TrustList

COUNTY_CODE_KEY = "county_code"


class NotEnrolled(DomainError):
    """A township that does not know its county yet."""


def county_code(uow: UnitOfWork, own: SiteRecord) -> str:
    """The county this site belongs to (inside a transaction)."""
    if own.level == SiteLevel.COUNTY:
        return own.code
    code = (uow.settings.get(COUNTY_CODE_KEY) or "").strip().upper()
    if not code:
        raise NotEnrolled(
            "本乡镇尚未登记所属县（county_code）：请用县里发来的站点文件 "
            "frontdesk init --site-file 设置本机 / this township does not know its county yet"
        )
    return code


def trust_list(uow: UnitOfWork, own: SiteRecord) -> TrustList:
    """Every public key this database knows, with validity and revocation (inside a
    transaction)."""
    keys = tuple(
        TrustedKey(
            site_code=k.site_code,
            public_key=k.public_key,
            valid_from=k.valid_from,
            valid_to=k.valid_to,
            revoked_at=k.revoked_at,
        )
        for k in uow.keys.all()
    )
    return TrustList(county_code=county_code(uow, own), own_site_code=own.code, keys=keys)


def site_signer(uow: UnitOfWork, own: SiteRecord) -> Ed25519Signer:
    """The site's current signing key (made now if an older database has none; inside a
    write transaction)."""
    key = ensure_site_key(uow, own.id)
    return Ed25519Signer(_private_key(key))
