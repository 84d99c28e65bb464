"""A throwaway PostgreSQL server that accepts TLS only, with a CA made for the test (issue 15).

Once per test session: a hall CA, a server certificate for ``localhost`` and a client
certificate for the server's superuser, all made with ``cryptography``; ``initdb`` and
``pg_ctl`` from the machine's PostgreSQL (run as the ``postgres`` OS user when the tests run as
root: PostgreSQL refuses root), a free port, ``ssl = on`` and ``pg_hba.conf`` with ``hostssl``
lines only. The superuser logs in with its client certificate; everyone else with a password.
The shared server on 5432 is never touched. In CI (``CI`` set) missing server binaries fail
the run instead of skipping it.
"""

from __future__ import annotations

import glob
import ipaddress
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy.engine import URL

SERVER_NAME = "localhost"  # in the server certificate; 127.0.0.1 is not: the wrong host name
OWNER = "hall_owner"
OWNER_PASSWORD = "owner-pass-2026"


@dataclass(frozen=True)
class Credential:
    cert: Path
    key: Path


@dataclass(frozen=True)
class TlsServer:
    port: int
    folder: Path
    ca: Path  # the hall CA's certificate: sslrootcert of every client
    other_ca: Path  # a CA that did not sign the server's certificate
    superuser: Credential  # client certificate of the server's superuser (CN=postgres)

    def url(
        self,
        user: str,
        password: str | None,
        database: str,
        host: str = SERVER_NAME,
        **query: str,
    ) -> str:
        """A connection URL; sslmode=verify-full against the hall CA unless ``query`` says
        otherwise."""
        options = {"sslmode": "verify-full", "sslrootcert": str(self.ca), **query}
        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=password,
            host=host,
            port=self.port,
            database=database,
            query=options,
        ).render_as_string(hide_password=False)

    def superuser_url(self, database: str = "postgres") -> str:
        return self.url(
            "postgres",
            None,
            database,
            sslcert=str(self.superuser.cert),
            sslkey=str(self.superuser.key),
        )


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian's layout, then PATH)."""
    def version(initdb: str) -> int:
        name = Path(initdb).parent.parent.name
        return int(name) if name.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _cannot_run_a_server() -> str | None:
    if server_binaries() is None:
        return "PostgreSQL server programs (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres OS user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to run the server as postgres"
    return None


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test service hall"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def _write_cert(path: Path, cert: x509.Certificate) -> None:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


Authority = tuple[x509.Certificate, ec.EllipticCurvePrivateKey]


def make_ca(folder: Path, stem: str, common_name: str) -> Authority:
    key = _key()
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    _write_cert(folder / f"{stem}.crt", cert)
    return cert, key


def issue(
    folder: Path,
    stem: str,
    common_name: str,
    ca: Authority,
    *,
    server_names: tuple[str, ...] = (),
) -> Credential:
    """A certificate signed by ``ca``: for a server (``server_names`` as its DNS names or IP
    addresses) or, without names, for a client whose user name is ``common_name``."""
    ca_cert, ca_key = ca
    key = _key()
    now = datetime.now(UTC)
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server_names else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    if server_names:
        names: list[x509.GeneralName] = []
        for name in server_names:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(name)))
            except ValueError:
                names.append(x509.DNSName(name))
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    credential = Credential(cert=folder / f"{stem}.crt", key=folder / f"{stem}.key")
    _write_cert(credential.cert, cert)
    _write_key(credential.key, key)
    return credential


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL's server programs refuse to run as root: as root, run them as ``postgres``."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _chown_to_server_user(*paths: Path) -> None:
    if os.geteuid() != 0:
        return
    import pwd

    entry = pwd.getpwnam("postgres")
    for path in paths:
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(
        _as_server_user(command), cwd=cwd, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        pytest.fail(
            f"{Path(command[0]).name} failed ({done.returncode}): "
            f"{(done.stderr or done.stdout).strip()}",
            pytrace=False,
        )


def start_tls_server() -> Iterator[TlsServer]:
    """The session's server, stopped and removed when the generator is closed."""
    reason = _cannot_run_a_server()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI requires it: apt-get install postgresql)", pytrace=False)
        pytest.skip(reason)
    binaries = server_binaries()
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-tls-pg-"))
    data = folder / "data"
    certs = folder / "certs"  # the server's own files: readable by the server user only
    client = folder / "client"  # what the clients hold (the test process's user)
    certs.mkdir(mode=0o700)
    client.mkdir(mode=0o700)
    os.chmod(folder, 0o755)  # the server user must reach its folders inside
    hall_ca = make_ca(client, "hall-ca", "Test hall CA")
    make_ca(client, "other-ca", "Some other CA")  # signed nothing this server shows
    server = issue(certs, "server", SERVER_NAME, hall_ca, server_names=(SERVER_NAME,))
    superuser = issue(client, "postgres", "postgres", hall_ca)
    shutil.copy(client / "hall-ca.crt", certs / "hall-ca.crt")
    _chown_to_server_user(certs, server.cert, server.key, certs / "hall-ca.crt")
    data.mkdir(mode=0o700)
    _chown_to_server_user(data)
    port = free_port()
    _run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], folder)  # fmt: skip
    settings = {
        "port": str(port),
        "listen_addresses": "'localhost'",
        "unix_socket_directories": f"'{data}'",
        "ssl": "on",
        "ssl_cert_file": f"'{server.cert}'",
        "ssl_key_file": f"'{server.key}'",
        "ssl_ca_file": f"'{certs / 'hall-ca.crt'}'",
        "password_encryption": "'scram-sha-256'",
        "max_connections": "40",
        "shared_buffers": "16MB",
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
    }
    with open(data / "postgresql.auto.conf", "a", encoding="utf-8") as conf:
        conf.writelines(f"{k} = {v}\n" for k, v in settings.items())
    # TLS only: no plain host lines, no local socket; the superuser by client certificate.
    (data / "pg_hba.conf").write_text(
        "hostssl all postgres 127.0.0.1/32 cert\n"
        "hostssl all postgres ::1/128 cert\n"
        "hostssl all all 127.0.0.1/32 scram-sha-256\n"
        "hostssl all all ::1/128 scram-sha-256\n",
        encoding="utf-8",
    )
    log = folder / "server.log"
    log.touch()
    _chown_to_server_user(log, data / "pg_hba.conf", data / "postgresql.auto.conf")
    _run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
          "start"], folder)  # fmt: skip
    try:
        yield TlsServer(
            port=port,
            folder=folder,
            ca=client / "hall-ca.crt",
            other_ca=client / "other-ca.crt",
            superuser=superuser,
        )
    finally:
        subprocess.run(
            _as_server_user(
                [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            ),
            cwd=folder,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def tls_pg() -> Iterator[TlsServer]:
    yield from start_tls_server()
