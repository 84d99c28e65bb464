"""``frontdesk sync`` from a shell, at the county: a township's bundle previewed, imported,
imported again (nothing changes), the status; bad bundles refused in one line, exit 2."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

from app.records import SiteLevel
from app.signing import export_public_key, import_public_key
from app.sync.service import export_bundle
from sim.demo.activity import simulate
from tests.helpers.cli import run_cli
from tests.helpers.stores import START
from tests.helpers.sync_sites import make_site

ADMIN = {"FRONTDESK_PASSWORD": "admin-2026"}


def run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_cli(home, *args, timeout=300, **env)


def test_sync_import_and_status_from_the_shell(tmp_path: Path) -> None:
    county = tmp_path / "county"
    made = run(county, "init", "--demo", "--demo-days", "0", "--admin-password", "admin-2026")
    assert made.returncode == 0, made.stderr
    town = make_site(
        f"sqlite:///{tmp_path / 'town.sqlite3'}",
        {},
        "QH-LS",
        SiteLevel.TOWNSHIP,
        "QH",
        START,
        tmp_path / "town",
    )
    simulate(town.uow, town.clock, 1, 7, town.clock.now().date() + timedelta(days=1))
    county_key = tmp_path / "county-key.json"  # the township seals its bundles for the county
    assert run(county, "keys", "export-public", "--out", str(county_key), **ADMIN).returncode == 0
    import_public_key(town.uow(), town.admin(), county_key.read_text(encoding="utf-8"))
    bundle = tmp_path / "up1.zip"
    export_bundle(town.uow(), town.admin(), bundle)

    unknown = run(county, "sync", "import", str(bundle), **ADMIN)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1 and "信任列表" in unknown.stderr

    key_file = tmp_path / "town-key.json"
    key_file.write_text(export_public_key(town.uow(), town.admin()), encoding="utf-8")
    assert run(county, "keys", "import-public", str(key_file), **ADMIN).returncode == 0

    preview = run(county, "sync", "import", "--preview", str(bundle), **ADMIN)
    assert preview.returncode == 0 and "new records" in preview.stdout, preview.stderr
    done = run(county, "sync", "import", str(bundle), **ADMIN)
    assert done.returncode == 0 and "imported bundle QH-LS->QH #1" in done.stdout, done.stderr
    again = run(county, "sync", "import", str(bundle), **ADMIN)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    status = run(county, "sync", "status", **ADMIN)
    assert (
        status.returncode == 0 and "QH-LS" in status.stdout and "last imported #1" in status.stdout
    )

    cut = tmp_path / "cut.zip"
    cut.write_bytes(bundle.read_bytes()[:2000])
    refused = run(county, "sync", "import", str(cut), **ADMIN)
    assert refused.returncode == 2 and "不完整" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    missing = run(county, "sync", "import", str(tmp_path / "nope.zip"), **ADMIN)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    clerk = run(county, "sync", "status", "--as", "chenjing", FRONTDESK_PASSWORD="demo-2026")
    assert clerk.returncode == 2 and "无权" in clerk.stderr
    no_to = run(county, "sync", "export", "--out", str(tmp_path / "d.zip"), **ADMIN)
    assert no_to.returncode == 2 and "--to" in no_to.stderr
    down = run(county, "sync", "export", "--out", str(tmp_path / "d.zip"), "--to", "QH-LS", **ADMIN)
    assert down.returncode == 0 and "QH->QH-LS #1" in down.stdout, down.stderr
