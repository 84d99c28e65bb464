"""Counter PCs (issue 15) and the bundles between the county and its townships (issue #16) fed
hostile input (tests/helpers/hostile.py) on a real store, with the checks of
tests/integration/test_bad_input.py (``attempt``): no crash (a field refusal, or one line of a
bundle refused / a store without PCs), and a refused call leaves every table and the audit
chain as they were.

The hall is the demo county (QH) with a township QHXZ registered and trusted; the township's
signing key is this module's, so the bundles fed here are signed by a trusted key and reach the
checks behind the signature: hostile manifests, hostile record lines, hostile paths.

PC names: on SQLite every name is refused (a field error, or "not a hall server"); on
PostgreSQL in the hall's own schema. Role names are cluster-wide, so the hall's counter group
is given a name of this module's own (``t<tag>_counters``, not ``<database>_counters``: other
tests' migrations never grant to it), and every role made under it is dropped at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.counter_pcs import PC_NAME, HallServerOnly, enroll_pc, revoke_pc
from app.errors import DomainError
from app.signing import PUBLIC_KEY_FORMAT, import_public_key
from app.sites_register import add_site
from app.sync.bundle import FORMAT, MANIFEST, SIGNATURE, SUFFIX, BundleRefused, canonical_json
from app.sync.exporter import export_bundle
from app.sync.importer import import_bundle, preview_import
from app.sync.trust import NotEnrolled
from cli.pc_cmd import _connection_line
from db import pg_roles
from db.sync_repo import TRAVELLING
from tests.helpers.bad_input import Hall, attempt, hall_per_store
from tests.helpers.hostile import FORM_SETTINGS, fed, texts
from tests.helpers.stores import PG_URL, postgres_available

hall = hall_per_store()

FED = {
    "app.counter_pcs.enroll_pc": "pc_enroll",
    "app.counter_pcs.revoke_pc": "pc_revoke",
    "app.sync.exporter.export_bundle": "bundle_export",
    "app.sync.importer.preview_import": "bundle_preview",
    "app.sync.importer.import_bundle": "bundle_import",
}

TOWNSHIP = "QHXZ"
TAG = f"t{uuid.uuid4().hex[:10]}"
GROUP = f"{TAG}_counters"
BUNDLE_REFUSALS = (BundleRefused, NotEnrolled)


# -- the township this county trusts ---------------------------------------------------------


def _township_key() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


TOWNSHIP_KEY = _township_key()


def _public(private: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.from_private_bytes(private)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _sign(body: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(TOWNSHIP_KEY).sign(body)


def township_once(hall: Hall) -> None:
    uow = hall.uow()
    with uow.read():
        known = uow.sites.by_code(TOWNSHIP) is not None
    if known:
        return
    add_site(hall.uow(), hall.admin, TOWNSHIP, "清河县西镇便民服务中心", "township")
    key_file = {
        "format": PUBLIC_KEY_FORMAT,
        "site_code": TOWNSHIP,
        "public_key": _public(TOWNSHIP_KEY).hex(),
    }
    import_public_key(hall.uow(), hall.admin, json.dumps(key_file))


# -- counter PCs -------------------------------------------------------------------------------


def _our_roles() -> set[str]:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
                {"p": TAG + "_"},
            )
            return {r[0] for r in rows}
    finally:
        engine.dispose()


@pytest.fixture(scope="module", autouse=True)
def own_counter_group() -> Iterator[None]:
    """The hall's counter group under this module's name; its roles dropped at the end."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pg_roles, "group_role", lambda conn: GROUP)
        try:
            yield
        finally:
            if not postgres_available():  # reachable: PostgreSQL halls ran, maybe enrolled
                _drop_our_roles()


def _drop_our_roles() -> None:
    roles = _our_roles()
    engine = create_engine(PG_URL)
    try:
        for role in sorted(roles - {GROUP}) + sorted(roles & {GROUP}):  # the group last
            pg_roles.drop_counter_role(engine, role)
    finally:
        engine.dispose()
    assert not _our_roles(), "roles left behind on the shared server"


ENROLLED: dict[str, list[str]] = {}  # store -> PC names enrolled by this module

pc_names = st.one_of(
    st.from_regex(PC_NAME, fullmatch=True),
    st.integers(0, 10**6).map(lambda n: f"window{n}"),
    st.sampled_from(["window3", "Window3", "window-3", "3window", "a" * 31, " window3", "_w"]),
    texts,
)


def _roles_if_pg(hall: Hall) -> set[str] | None:
    return _our_roles() if hall.store_name == "postgresql" else None


@FORM_SETTINGS
@given(name=pc_names)
def test_pc_enroll(hall: Hall, name: str) -> None:
    roles = _roles_if_pg(hall)
    done = attempt(
        hall,
        "pc_enroll",
        {"name"},
        lambda: enroll_pc(hall.uow(), hall.admin, name),
        also=(HallServerOnly,),
    )
    if done is None:
        assert _roles_if_pg(hall) == roles, "a refused PC left a role behind"
        return
    assert hall.store_name == "postgresql"
    assert PC_NAME.fullmatch(name) and done.name == name
    assert done.role == f"{TAG}_pc_{name}" and done.role in _our_roles()
    ENROLLED.setdefault(hall.store_name, []).append(name)


@FORM_SETTINGS
@given(pick=st.integers(0, 50), name=pc_names)
def test_pc_revoke(hall: Hall, pick: int, name: str) -> None:
    enrolled = ENROLLED.get(hall.store_name, [])
    if enrolled and pick % 3 == 0:
        name = enrolled[pick % len(enrolled)]
    roles = _roles_if_pg(hall)
    done = attempt(
        hall,
        "pc_revoke",
        {"name"},
        lambda: revoke_pc(hall.uow(), hall.admin, name),
        also=(HallServerOnly,),
    )
    assert _roles_if_pg(hall) == roles, "revoking made or dropped a role"
    if done is not None:
        assert name in enrolled and done.role == f"{TAG}_pc_{name}"


hosts = st.one_of(
    st.sampled_from(
        [
            "hall-server.example",
            "hall-server.example.",
            "10.0.0.5",
            "::1",
            "[::1]",
            "localhost",
            "xn--fiq228c.example",
            "服务器.example",
            "hall server",
            "hall:5432",
            "a@b/c?d",
            "",
        ]
    ),
    texts,
)
ca_files = st.one_of(
    st.sampled_from(["/etc/frontdesk/hall-ca.crt", "C:\\frontdesk\\hall ca.crt", "证书/ca.pem"]),
    texts,
)
ADMIN_URL = "postgresql+psycopg://owner@127.0.0.1:5432/hall?sslrootcert=/etc/ca.pem&sslmode=require"


@FORM_SETTINGS
@given(host=st.one_of(st.none(), hosts), ca_file=st.one_of(st.none(), ca_files))
def test_pc_connection_line(host: str | None, ca_file: str | None) -> None:
    """``pc add --host --ca-file``: the line printed for the PC's settings is one line that
    reads back as typed, or the command refuses in one line (the service takes the name)."""
    fed("pc_connection_line@cli")
    try:
        line = _connection_line(ADMIN_URL, host, ca_file)("hall_pc_window3", "Pw-1_x")
    except DomainError as exc:
        assert exc.message.strip() and "\n" not in exc.message
        return
    assert line.isprintable()
    back = make_url(line)
    assert (back.username, back.password, back.port, back.database) == (
        "hall_pc_window3",
        "Pw-1_x",
        5432,
        "hall",
    )
    assert back.host == ("127.0.0.1" if host is None else host.strip().strip("[]"))
    assert back.query == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ca.pem" if ca_file is None else ca_file,
    }


# -- exporting -----------------------------------------------------------------------------


def _inside(folder: Path, name: str) -> bool:
    """Whether ``folder / name`` stays in ``folder`` (a hostile name may climb out of it)."""
    joined = os.path.normpath(os.path.join(str(folder), name))
    return joined.startswith(str(folder) + os.sep) or joined == str(folder)


out_names = st.one_of(
    st.from_regex(r"[a-z0-9_-]{1,40}\.bundle", fullmatch=True),
    st.sampled_from(
        [
            "qhxz-1.bundle",
            "",
            ".",
            "..",
            "missing/qhxz.bundle",
            "a-file/qhxz.bundle",  # its folder is a file
            "a-file",  # an existing file: replaced by the bundle
            "x" * 300 + ".bundle",  # longer than a file name may be
            "nul\x00.bundle",
            "line\nbreak.bundle",
            "空格 和 汉字.bundle",
        ]
    ),
    texts,
)
to_sites = st.one_of(
    st.just(TOWNSHIP),
    st.none(),
    st.sampled_from([TOWNSHIP, "qhxz", f" {TOWNSHIP} ", "QH", "ZZ", ""]),
    texts,
)


def _listing(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b""
        for p in sorted(folder.rglob("*"))
    }


@FORM_SETTINGS
@given(name=out_names, to_site=to_sites)
def test_bundle_export(hall: Hall, name: str, to_site: str | None) -> None:
    township_once(hall)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a-file").write_bytes(b"not a folder")
        if not _inside(folder, name):
            name = "climbed-out.bundle"
        out = os.path.join(str(folder), name)
        before = _listing(folder)
        done = attempt(
            hall,
            "bundle_export",
            {"out", "to"},
            lambda: export_bundle(hall.uow(), hall.admin, out, to_site),
            also=BUNDLE_REFUSALS,
        )
        after = _listing(folder)
        if done is None:
            assert after == before, "a refused export left a file behind"
            return
        assert done.to_site == TOWNSHIP and done.kind == "down"
        written = {k for k in after if after[k] != before.get(k)}
        assert written == {str(Path(done.path).relative_to(folder))}
        with zipfile.ZipFile(done.path) as zf:
            assert {MANIFEST, SIGNATURE} <= set(zf.namelist())


# -- importing -------------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        texts,
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=10,
)


def _columns(table: str) -> list[str]:
    from db.models import Base

    return [c.name for c in Base.metadata.tables[table].columns]


@st.composite
def record_rows(draw: st.DrawFn, table: str) -> Any:
    """A line of a record file: a row with the table's columns and hostile values, another
    JSON value, or not JSON at all."""
    how = draw(st.integers(0, 5))
    if how == 0:
        return draw(texts).encode("utf-8", "surrogatepass")
    if how == 1:
        return draw(json_values)
    row: dict[str, Any] = {}
    site = draw(st.one_of(st.sampled_from([TOWNSHIP, "QH", "ZZ"]), texts))
    row["_id"] = draw(
        st.one_of(
            st.tuples(st.just(site), st.integers(1, 50)).map(list),
            json_values,
        )
    )
    for column in _columns(table):
        if draw(st.integers(0, 3)):
            row[column] = draw(json_values)
    return row


@st.composite
def bundle_files(draw: st.DrawFn) -> bytes:
    """The bytes of a file handed to the import: random bytes, nothing, a zip that is not a
    bundle, or a bundle signed by the trusted township with a hostile manifest or records."""
    how = draw(st.integers(0, 9))
    if how == 0:
        return draw(st.binary(max_size=400))
    if how == 1:
        return b""
    names = draw(st.dictionaries(st.sampled_from(sorted(TRAVELLING)), st.none(), max_size=3))
    files: dict[str, bytes] = {}
    for name in names:
        lines = draw(st.lists(record_rows(name), max_size=4))
        files[name] = b"".join(
            (line if isinstance(line, bytes) else canonical_json(line).encode("utf-8")) + b"\n"
            for line in lines
        )
    if draw(st.booleans()):
        events = draw(st.lists(st.dictionaries(texts, json_values, max_size=4), max_size=3))
        files["audit_event"] = b"".join(canonical_json(e).encode() + b"\n" for e in events)
    if draw(st.booleans()):
        days = [{"day": draw(texts), "is_workday": draw(json_values), "entered_at": draw(texts)}]
        files["content_calendar_days"] = canonical_json(days[0]).encode() + b"\n"
    manifest: Any = {
        "format": FORMAT,
        "version": 1,
        "kind": "up",
        "county": "QH",
        "from": TOWNSHIP,
        "to": "QH",
        "sequence": draw(st.integers(1, 10**6)),
        "created_at": "2026-11-24T01:00:00+00:00",
        "previous": None,
        "audit_head": {"seq": 0, "hash": ""},  # a township that has recorded nothing yet
        "files": {
            name: {
                "sha256": hashlib.sha256(body).hexdigest(),
                "rows": body.count(b"\n"),
                "size": len(body),
            }
            for name, body in files.items()
        },
        "public_key": _public(TOWNSHIP_KEY).hex(),
        "extra": {},
        "encryption": None,
    }
    spoil = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "kind",
                    "county",
                    "from",
                    "to",
                    "sequence",
                    "created_at",
                    "previous",
                    "audit_head",
                    "files",
                    "extra",
                    "encryption",
                    "version",
                    "format",
                ]
            ),
            st.one_of(
                json_values,
                st.sampled_from(["down", "enrol", "QH", TOWNSHIP, 0, 2, 10**30, True]),
                st.fixed_dictionaries({"seq": st.integers(), "hash": texts}),
                st.fixed_dictionaries(
                    {
                        "ack": st.fixed_dictionaries(
                            {"sequence": json_values, "audit_seq": json_values}
                        )
                    }
                ),
            ),
            max_size=3,
        )
    )
    manifest.update(spoil)
    if how == 2:
        manifest = draw(json_values)
    body = canonical_json(manifest).encode("utf-8")
    signature = _sign(body).hex() + "\n"
    if how == 3:
        signature = draw(texts)
    buffer = _zip(body, signature, files, stray=draw(st.booleans()) and how == 4)
    if how == 5:  # cut short
        return buffer[: draw(st.integers(0, max(0, len(buffer) - 1)))]
    return buffer


def _zip(body: bytes, signature: str, files: dict[str, bytes], *, stray: bool) -> bytes:
    import io

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as zf:
        zf.writestr(MANIFEST, body)
        zf.writestr(SIGNATURE, signature.encode("utf-8", "surrogatepass"))
        for name, content in files.items():
            zf.writestr(name + SUFFIX, content)
        if stray:
            zf.writestr("../../evil.txt", b"x")
    return raw.getvalue()


in_names = st.one_of(
    st.sampled_from(["in.bundle", "in.bundle", "in.bundle", "", "missing.bundle", "nul\x00x"]),
    texts,
)


def _import_path(folder: Path, name: str, content: bytes) -> str:
    (folder / "in.bundle").write_bytes(content)
    if not _inside(folder, name):
        name = "in.bundle"
    return os.path.join(str(folder), name)


@FORM_SETTINGS
@given(content=bundle_files(), name=in_names)
def test_bundle_preview(hall: Hall, content: bytes, name: str) -> None:
    township_once(hall)
    with tempfile.TemporaryDirectory() as tmp:
        path = _import_path(Path(tmp), name, content)
        shown = attempt(
            hall,
            "bundle_preview",
            {"path"},
            lambda: preview_import(hall.uow(), hall.admin, path),
            also=BUNDLE_REFUSALS,
        )
    if shown is not None:
        assert shown.from_site == TOWNSHIP and shown.to_site == "QH"


@FORM_SETTINGS
@given(content=bundle_files(), name=in_names)
def test_bundle_import(hall: Hall, content: bytes, name: str) -> None:
    township_once(hall)
    with tempfile.TemporaryDirectory() as tmp:
        path = _import_path(Path(tmp), name, content)
        done = attempt(
            hall,
            "bundle_import",
            {"path"},
            lambda: import_bundle(hall.uow(), hall.admin, path),
            also=BUNDLE_REFUSALS,
        )
    if done is not None:
        assert done.from_site == TOWNSHIP and done.to_site == "QH"
