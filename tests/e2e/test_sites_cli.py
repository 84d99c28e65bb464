"""``frontdesk site`` at the county and ``frontdesk init --site-file`` at a township, as a shell
runs them, each PC with its own data folder and key store: the county registers a township and
writes its enrolment file; the township PC is set up from it after checking the county's
signature; its public key file goes back to the county. Bad input: one line, exit 2."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path

from tests.e2e.test_cli import assert_one_line_error
from tests.helpers.cli import ADMIN_PASSWORD, run_cli

TOWN_PASSWORD = "town-admin-2026"


def county(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, password=ADMIN_PASSWORD, own_keys=True, timeout=180)


def township(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, password=TOWN_PASSWORD, own_keys=True, timeout=180)


def test_the_county_enrols_a_township_from_the_shell(tmp_path: Path) -> None:
    qh, xz = tmp_path / "county", tmp_path / "township"
    done = county(qh, "init", "--demo", "--demo-days", "0", "--admin-password", ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    enrolment = tmp_path / "QHXZ.enrol"
    for args, words in (
        (("site", "add", "qh-1", "--name", "某镇", "--out", str(enrolment)), "QH-1"),
        (("site", "add", "QH", "--name", "某镇", "--out", str(enrolment)), "QH"),
        (
            ("site", "add", "QHDZ", "--name", "某镇", "--kind", "city", "--out", str(enrolment)),
            "city",
        ),
        (("site", "add", "QHDZ", "--name", "某镇", "--out", str(tmp_path / "no" / "f")), "--out"),
    ):
        assert_one_line_error(county(qh, *args), words)
    added = county(
        qh,
        "site",
        "add",
        "QHXZ",
        "--name",
        "清河县西镇便民服务中心",
        "--kind",
        "township",
        "--out",
        str(enrolment),
    )
    assert added.returncode == 0, added.stderr
    fingerprint = re.search(r"by phone: ([0-9A-F ]{19})", added.stdout)
    assert fingerprint is not None, added.stdout
    assert_one_line_error(
        county(qh, "site", "add", "QHXZ", "--name", "又一个", "--out", str(enrolment)), "QHXZ"
    )
    listed = county(qh, "site", "list")
    assert listed.returncode == 0 and "QHXZ" in listed.stdout and "no key yet" in listed.stdout

    # A changed byte in the file, or a county key other than the one given by phone: refused.
    tampered = tmp_path / "tampered.enrol"
    with zipfile.ZipFile(enrolment) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "enrol.jsonl":
                data = data.replace(b"QHXZ", b"QHXY")
            dst.writestr(info, data)
    assert_one_line_error(
        township(xz, "init", "--site-file", str(tampered), "--admin-password", TOWN_PASSWORD),
        "数据包被拒收",
    )
    assert_one_line_error(
        township(
            xz,
            "init",
            "--site-file",
            str(enrolment),
            "--admin-password",
            TOWN_PASSWORD,
            "--county-key",
            "ab" * 32,
        ),
        "数据包被拒收",
    )
    assert not (xz / "frontdesk.sqlite3").exists() or _sites(xz) == []

    done = township(xz, "init", "--site-file", str(enrolment), "--admin-password", TOWN_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert fingerprint.group(1) in done.stdout  # what the administrator compares by phone
    key_file = xz / "QHXZ-public-key.json"
    assert key_file.exists()
    assert _sites(xz) == [("QHXZ", "township"), ("QH", "county")]
    with sqlite3.connect(xz / "frontdesk.sqlite3") as db:
        town_items = db.execute("SELECT count(*) FROM service_item").fetchone()[0]
    with sqlite3.connect(qh / "frontdesk.sqlite3") as db:
        county_items = db.execute("SELECT count(*) FROM service_item").fetchone()[0]
    assert town_items == county_items > 0
    again = township(xz, "init", "--site-file", str(enrolment), "--admin-password", TOWN_PASSWORD)
    assert_one_line_error(again, "already set up")

    assert_one_line_error(
        township(xz, "site", "add", "QHDZ", "--name", "某镇", "--out", str(tmp_path / "d")),
        "only the county",
    )
    again_file = tmp_path / "again.enrol"
    assert county(qh, "site", "enrolment", "qhxz", "--out", str(again_file)).returncode == 0
    assert again_file.exists()
    assert_one_line_error(county(qh, "site", "enrolment", "QHNO", "--out", str(again_file)), "QHNO")

    taken_in = county(qh, "site", "keys-import", str(key_file))
    assert taken_in.returncode == 0, taken_in.stderr
    listed = county(qh, "site", "list")
    assert "no key yet" not in listed.stdout
    assert_one_line_error(county(qh, "site", "keys-import", str(enrolment)), "not a text file")


def _sites(home: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(home / "frontdesk.sqlite3") as db:
        return list(db.execute("SELECT code, level FROM site ORDER BY id"))
