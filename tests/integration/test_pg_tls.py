"""Issue 15: a hall server reached over TLS only, with per-PC logins an administrator revokes.

One throwaway PostgreSQL server for the session (tests/helpers/tls_pg.py: a CA made here,
``ssl = on``, ``hostssl`` lines only), one hall database on it set up by ``frontdesk init`` as
its owner role. Counters connect as their own enrolled roles with ``sslmode=verify-full``;
everything else (no TLS, a certificate for another name or from another CA, a revoked PC, a
wrong password) is turned away with one line that says what to do.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.auth import login
from app.cases import service
from app.cases.records import AcceptRequest, ApplicantInput
from app.clock import SystemClock
from app.context import AppContext
from app.storage import MESSAGES, StorageFault, StorageProblem
from db.store import open_store
from tests.helpers.catalog import make_item, resident_id
from tests.helpers.cli import ADMIN_PASSWORD, run_cli
from tests.helpers.tls_pg import OWNER, OWNER_PASSWORD, TlsServer

pytestmark = pytest.mark.tls_postgres
DATABASE = "hall"


@dataclass(frozen=True)
class Hall:
    server: TlsServer
    home: Path
    owner_url: str

    def cli(self, *args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
        """``frontdesk`` as the hall's administrator (the owner's connection unless ``db``)."""
        return run_cli(self.home, *args, password=ADMIN_PASSWORD, FRONTDESK_DB=db or self.owner_url)

    def enroll(self, name: str) -> str:
        done = self.cli("pc", "add", name)
        assert done.returncode == 0, done.stderr
        lines = [line for line in done.stdout.splitlines() if line.startswith("FRONTDESK_DB=")]
        assert len(lines) == 1, done.stdout
        return lines[0].removeprefix("FRONTDESK_DB=")


@pytest.fixture(scope="module")
def hall(tls_pg: TlsServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    root = create_engine(tls_pg.superuser_url(), isolation_level="AUTOCOMMIT")
    with root.connect() as conn:  # the owner: may create roles, is no superuser
        conn.execute(text(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'"))
        conn.execute(text(f"CREATE DATABASE {DATABASE} OWNER {OWNER}"))
    root.dispose()
    hall = Hall(
        tls_pg, tmp_path_factory.mktemp("hall"), tls_pg.url(OWNER, OWNER_PASSWORD, DATABASE)
    )
    done = hall.cli("init", "--demo", "--demo-days", "0", "--admin-password", ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    yield hall


def assert_one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_an_enrolled_counter_works_over_verified_tls(hall: Hall) -> None:
    line = hall.enroll("window1")
    url = make_url(line)
    assert url.username == "hall_pc_window1" and url.host == "localhost"
    assert url.query["sslmode"] == "verify-full"
    assert url.query["sslrootcert"] == str(hall.server.ca)
    store, _ = open_store(line, SystemClock(), None)  # as the PC opens it: migrations checked
    try:
        with store.engine.connect() as conn:
            row = conn.execute(
                text("SELECT current_user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
        assert tuple(row) == ("hall_pc_window1", True)
        ctx = AppContext(store=store, clock=store.clock, data_dir=hall.home)
        item = make_item(ctx, code="TLS-1")
        clerk = login(ctx.uow(), "zhangwei", "demo-2026")
        materials = {m.name: m.id for m in item.materials}
        accepted = service.accept_case(
            ctx.uow(),
            clerk,
            AcceptRequest(
                item_version_id=item.id,
                applicant=ApplicantInput(
                    name="王五", id_number=resident_id(), phone="13912345678"
                ),
                received_material_ids=frozenset(materials.values()),
            ),
        )
        assert accepted.number
    finally:
        store.dispose()
    checked = run_cli(hall.home, "check", FRONTDESK_DB=line)  # the chain the PC extended holds
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_line_names_the_server_and_ca_file_as_the_pc_knows_them(hall: Hall) -> None:
    done = hall.cli(
        "pc", "add", "window11", "--host", "hall-server.example", "--ca-file",
        r"C:\frontdesk\hall-ca.crt",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("FRONTDESK_DB="))
    url = make_url(line.removeprefix("FRONTDESK_DB="))
    assert (url.username, url.host, url.port, url.database) == (
        "hall_pc_window11", "hall-server.example", hall.server.port, DATABASE
    )  # fmt: skip
    assert dict(url.query) == {
        "sslmode": "verify-full", "sslrootcert": r"C:\frontdesk\hall-ca.crt"
    }  # fmt: skip
    assert "note:" not in done.stdout  # the server's name was given


def test_a_connection_without_tls_is_refused(hall: Hall) -> None:
    plain = hall.server.url(OWNER, OWNER_PASSWORD, DATABASE, sslmode="disable")
    assert_one_line(run_cli(hall.home, "check", FRONTDESK_DB=plain), "TLS", "no encryption")


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("wrong host name", "does not match host name"),
        ("another CA", "certificate verify failed"),
        ("no CA file", "does not exist"),
    ],
)
def test_a_server_certificate_that_does_not_verify_is_refused_in_one_line(
    hall: Hall, where: str, said: str
) -> None:
    if where == "wrong host name":  # the certificate names localhost only
        url = hall.server.url(OWNER, OWNER_PASSWORD, DATABASE, host="127.0.0.1")
    elif where == "another CA":
        other = str(hall.server.other_ca)
        url = hall.server.url(OWNER, OWNER_PASSWORD, DATABASE, sslrootcert=other)
    else:
        missing = hall.home / "no-such-ca.crt"
        url = hall.server.url(OWNER, OWNER_PASSWORD, DATABASE, sslrootcert=str(missing))
    done = run_cli(hall.home, "check", FRONTDESK_DB=url)
    assert_one_line(done, "sslrootcert", "大厅 CA 证书文件", said)


def test_a_revoked_pc_cannot_connect_and_its_sessions_end(hall: Hall) -> None:
    line = hall.enroll("window2")
    pc = create_engine(line)
    held = pc.connect()
    assert held.execute(text("SELECT count(*) FROM staff")).scalar()
    done = hall.cli("pc", "revoke", "window2")
    assert done.returncode == 0, done.stderr
    assert "1 open sessions ended" in done.stdout
    with pytest.raises(OperationalError):  # the session that was open is gone
        held.execute(text("SELECT count(*) FROM staff"))
    held.invalidate()
    pc.dispose()
    refused = run_cli(hall.home, "check", FRONTDESK_DB=line)
    assert_one_line(refused, MESSAGES[StorageFault.PC_REVOKED], "not permitted to log in")
    with pytest.raises(StorageProblem) as caught:  # what the window shows at start
        open_store(line, SystemClock(), None)
    assert caught.value.fault is StorageFault.PC_REVOKED

    listed = hall.cli("pc", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split("\t")[0]: line.split("\t")[2] for line in listed.stdout.splitlines()}
    assert rows["window2"] == "revoked"
    owner = create_engine(hall.owner_url)
    try:
        with owner.connect() as conn:
            events = conn.execute(
                text(
                    "SELECT action, actor_login FROM audit_event "
                    "WHERE entity = 'counter_pc' AND entity_id = 'window2' ORDER BY seq"
                )
            ).all()
    finally:
        owner.dispose()
    assert [tuple(e) for e in events] == [
        ("counter_pc_enrolled", "admin"),
        ("counter_pc_revoked", "admin"),
    ]
    again = hall.cli("pc", "revoke", "window2")  # nothing more to do, nothing recorded twice
    assert again.returncode == 0, again.stderr


def test_a_wrong_password_is_refused_in_one_line(hall: Hall) -> None:
    line = make_url(hall.enroll("window3")).set(password="not-the-password")
    done = run_cli(hall.home, "check", FRONTDESK_DB=line.render_as_string(hide_password=False))
    assert_one_line(done, MESSAGES[StorageFault.LOGIN_REFUSED], "password authentication failed")


def test_bad_names_unknown_pcs_and_clerks_get_one_line(hall: Hall) -> None:
    no_password = run_cli(hall.home, "pc", "add", "window7", FRONTDESK_DB=hall.owner_url)
    assert_one_line(no_password, "FRONTDESK_PASSWORD")
    assert_one_line(hall.cli("pc", "add", "Window-3"), "not a PC name")
    assert_one_line(hall.cli("pc", "revoke", "nowhere"), "no enrolled PC named nowhere")
    hall.enroll("window4")
    assert_one_line(hall.cli("pc", "add", "window4"), "already enrolled")
    clerk = run_cli(
        hall.home, "pc", "list", "--as", "zhangwei", password="demo-2026",
        FRONTDESK_DB=hall.owner_url,
    )  # fmt: skip
    assert_one_line(clerk, "zhangwei is not an administrator")
    no_ca = make_url(hall.owner_url).difference_update_query(["sslrootcert"])
    no_ca = no_ca.update_query_dict({"sslmode": "require"})
    assert_one_line(
        hall.cli("pc", "add", "window10", db=no_ca.render_as_string(hide_password=False)),
        "--ca-file",
    )
    at_a_counter = hall.cli("pc", "add", "window8", db=hall.enroll("window9"))  # its own line
    assert_one_line(at_a_counter, "owner's connection")
    listed = hall.cli("pc", "list").stdout
    assert "window4" in listed  # nothing made for a refusal:
    assert "window7" not in listed and "window8" not in listed


def test_a_new_table_reaches_every_pc_with_one_grant(hall: Hall) -> None:
    """A migration's new tables are granted to the group, not to each PC: by ``pc grant``,
    and by the migration run itself (``db.migrate.upgrade``)."""
    from db.migrate import upgrade

    pc = create_engine(hall.enroll("window5"))
    owner = create_engine(hall.owner_url)
    try:
        for table, regrant in (("added_later", "command"), ("added_by_migration", "upgrade")):
            with owner.begin() as conn:
                conn.execute(text(f"CREATE TABLE {table} (x int)"))
            with pytest.raises(ProgrammingError, match="permission denied"), pc.connect() as c:
                c.execute(text(f"SELECT * FROM {table}"))
            if regrant == "command":
                done = hall.cli("pc", "grant")
                assert done.returncode == 0 and "counter grants applied" in done.stdout, done
            else:
                upgrade(owner)  # already at head: only the grants run
            with pc.begin() as c:
                c.execute(text(f"INSERT INTO {table} VALUES (1)"))
                assert c.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1
            with pytest.raises(ProgrammingError, match="must be owner"), pc.begin() as c:
                c.execute(text(f"DROP TABLE {table}"))
    finally:
        pc.dispose()
        owner.dispose()


@pytest.mark.parametrize("ci", [True, False])
def test_without_server_programs_ci_fails_and_elsewhere_it_skips(
    ci: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import tls_pg

    monkeypatch.setattr(tls_pg, "server_binaries", lambda: None)
    if ci:
        monkeypatch.setenv("CI", "true")
    else:
        monkeypatch.delenv("CI", raising=False)
    outcome = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(outcome, match="initdb, pg_ctl"):
        next(tls_pg.start_tls_server())


def test_pc_commands_on_a_sqlite_file_say_they_are_for_a_hall_server(tmp_path: Path) -> None:
    assert_one_line(run_cli(tmp_path, "pc", "list"), "hall server (PostgreSQL) only")


def test_a_pc_meeting_an_older_database_says_the_administrator_upgrades_it(hall: Hall) -> None:
    from db.migrate import HEAD, KNOWN_REVISIONS
    from db.store import StoreError

    line = hall.enroll("window6")
    owner = create_engine(hall.owner_url)
    try:
        with owner.begin() as conn:  # as if this program were one version newer
            conn.execute(text("UPDATE alembic_version SET version_num = :v"),
                         {"v": KNOWN_REVISIONS[-2]})  # fmt: skip
        with pytest.raises(StoreError, match="frontdesk init"):
            open_store(line, SystemClock(), None)
    finally:
        with owner.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": HEAD})
        owner.dispose()


KEYS_PASSWORD = "pc-keys-2026"


def test_an_enrolled_pc_gets_the_halls_keys_with_its_line(hall: Hall, tmp_path: Path) -> None:
    keys = tmp_path / "window12.keys"
    done = run_cli(
        hall.home, "pc", "add", "window12", "--keys-out", str(keys),
        password=ADMIN_PASSWORD, FRONTDESK_DB=hall.owner_url, FRONTDESK_KEYS_PASSWORD=KEYS_PASSWORD,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"frontdesk keys import {keys.name}" in done.stdout
    assert keys.stat().st_mode & 0o077 == 0  # owner-only, like every key file
    line = next(x for x in done.stdout.splitlines() if x.startswith("FRONTDESK_DB="))
    line = line.removeprefix("FRONTDESK_DB=")
    pc = tmp_path / "window12"  # that PC: its own data folder and key store, nothing yet
    blind = run_cli(pc, "check", own_keys=True, FRONTDESK_DB=line)
    assert blind.returncode == 1 and "frontdesk keys import" in blind.stdout  # no audit key
    taken = run_cli(
        pc, "keys", "import", str(keys), password=ADMIN_PASSWORD, own_keys=True, FRONTDESK_DB=line,
        FRONTDESK_KEYS_PASSWORD=KEYS_PASSWORD,
    )  # fmt: skip
    assert taken.returncode == 0, taken.stderr
    checked = run_cli(pc, "check", own_keys=True, FRONTDESK_DB=line)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_failed_enrolment_leaves_no_key_file(hall: Hall, tmp_path: Path) -> None:
    keys = tmp_path / "again.keys"
    assert hall.enroll("window13")
    again = run_cli(
        hall.home, "pc", "add", "window13", "--keys-out", str(keys),
        password=ADMIN_PASSWORD, FRONTDESK_DB=hall.owner_url, FRONTDESK_KEYS_PASSWORD=KEYS_PASSWORD,
    )  # fmt: skip
    assert_one_line(again, "already enrolled")
    assert not keys.exists()
