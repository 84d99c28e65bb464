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
from app.signing import ensure_site_key, private_key_of
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
    return Ed25519Signer(private_key_of(key))


def addressee_key(trust: TrustList, site_code: str) -> bytes:
    """The addressee's current public key, to seal a bundle's record files for it."""
    current = [
        k
        for k in trust.keys
        if k.site_code == site_code and k.revoked_at is None and k.valid_to is None
    ]
    if not current:
        raise NotEnrolled(
            f"本机没有 {site_code} 的公钥：数据包含个人信息，须为收件站点加密，请先导入其公钥 "
            f"/ no public key of {site_code} to seal the bundle for"
        )
    return current[-1].public_key


def own_private_key(public_key: bytes) -> bytes | None:
    """This PC's private signing key for one of the site's public keys (to open bundles
    sealed for it), or None."""
    from app import keystore
    from app.signing import secret_name

    return keystore.active().get(secret_name(public_key))
