"""Keys out of the database: the sites' private signing keys move to the PC's key store
(app.keystore), and the public keys get validity periods and revocation; the audit trail is
keyed (HMAC-SHA256 with a key in the key store) and made append-only.

The trail keeps its old SHA-256 links (daily logs printed before name them); this migration
appends one ``audit_chain_keyed`` event, the first keyed link, and records the key id on the
chain head. Triggers then refuse UPDATE and DELETE (and on PostgreSQL TRUNCATE) of audit events.

An own key's private half is written to the key store under ``sign:<public key hex>`` and read
back before its column is dropped. On SQLite ``secure_delete`` is on for the rebuild, so the old
pages are zeroed and a backup made afterwards holds no trace of the key. (A copy made before
this upgrade, such as the one ``ensure_schema`` keeps in the backups folder, still holds it:
docs/SECURITY.md says what to do about those.)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def utc_datetime() -> sa.types.TypeEngine:
    # Same storage as db.types.UTCDateTime, spelled out so this script never changes.
    return sa.DateTime(timezone=True).with_variant(sa.String(32), "sqlite")


def _keystore():  # type: ignore[no-untyped-def]
    from app import keystore

    return keystore.active()


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    rows = conn.execute(
        sa.text("SELECT public_key, private_key FROM site_key WHERE private_key IS NOT NULL")
    ).all()
    if rows:
        store = _keystore()
        for public, private in rows:
            name = f"sign:{public}"
            store.put(name, bytes.fromhex(private))
            if store.get(name) != bytes.fromhex(private):
                raise RuntimeError(f"the key store did not keep the signing key {public[:16]}")
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_site_key_origin"), type_="check")
    op.execute("UPDATE site_key SET private_key = NULL")
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.drop_column("private_key")
        batch_op.add_column(sa.Column("valid_from", utc_datetime(), nullable=True))
        batch_op.add_column(sa.Column("valid_to", utc_datetime(), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", utc_datetime(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_site_key_origin_site"),
            "(origin = 'own' AND site_id IS NOT NULL) OR (origin = 'imported' AND site_id IS NULL)",
        )
    op.execute("UPDATE site_key SET valid_from = created_at")
    # Before keys had periods the newest own key signed: each older one ended when the next began.
    op.execute(
        "UPDATE site_key SET valid_to = (SELECT MIN(n.created_at) FROM site_key n "
        "WHERE n.site_id = site_key.site_id AND n.origin = 'own' AND n.id > site_key.id) "
        "WHERE origin = 'own'"
    )
    _key_the_audit_trail(conn)
    for statement in _TRIGGERS[conn.dialect.name]:
        op.execute(statement)


def _key_the_audit_trail(conn: sa.Connection) -> None:
    from datetime import UTC, datetime

    from app import audit
    from app.records import ChainHead
    from db.models import AuditEvent

    op.add_column("audit_head", sa.Column("key_id", sa.String(length=32), nullable=True))
    row = conn.execute(sa.text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    key_id, key = audit.new_mac_key()
    # On an empty chain (a database being created) the marker is the chain's origin, dated
    # before anything it will hold: a demo hall dates its set-up days in the past, and no event
    # may be dated after the ones it precedes (issue 22).
    at = datetime.now(UTC) if row.seq else datetime(2000, 1, 1, tzinfo=UTC)
    event = audit.keyed_start(ChainHead(row.seq, row.hash), at, key_id, key)
    conn.execute(sa.insert(AuditEvent).values(**event.__dict__))
    conn.execute(
        sa.text("UPDATE audit_head SET seq = :s, hash = :h, key_id = :k WHERE id = 1"),
        {"s": event.seq, "h": event.hash, "k": key_id},
    )


_REFUSE = "audit_event is append-only"
_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$",
        "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
        "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
    ],
}
_DROP_TRIGGERS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_event_no_update",
        "DROP TRIGGER IF EXISTS audit_event_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
        "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event",
        "DROP FUNCTION IF EXISTS audit_event_append_only()",
    ],
}


def downgrade() -> None:
    # The keyed links stay; a program of the previous version reports them as changed.
    conn = op.get_bind()
    for statement in _DROP_TRIGGERS[conn.dialect.name]:
        op.execute(statement)
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("key_id")
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_site_key_origin_site"), type_="check")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("valid_to")
        batch_op.drop_column("valid_from")
        batch_op.add_column(sa.Column("private_key", sa.String(length=64), nullable=True))
    rows = conn.execute(sa.text("SELECT id, public_key FROM site_key WHERE origin = 'own'")).all()
    if rows:
        store = _keystore()
        for key_id, public in rows:
            private = store.get(f"sign:{public}")
            if private is None:
                raise RuntimeError(f"the key store has no private key for {public[:16]}")
            conn.execute(
                sa.text("UPDATE site_key SET private_key = :p WHERE id = :i"),
                {"p": private.hex(), "i": key_id},
            )
    with op.batch_alter_table("site_key", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_site_key_origin"),
            "(origin = 'own' AND private_key IS NOT NULL AND site_id IS NOT NULL) OR "
            "(origin = 'imported' AND private_key IS NULL AND site_id IS NULL)",
        )
