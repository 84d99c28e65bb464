"""The audit chain's head, written outside the database at every backup, so that a chain cut
short, re-chained or emptied inside the database no longer matches what was written down.

``<data folder>/backups/audit-anchors.jsonl`` gets one JSON line per backup (owner-only, only
ever appended): when, which event was the head, its link, the trail's key id and the backup's
name. The daily log prints the head too (app.reports). ``frontdesk check`` compares the chain
with every anchor it finds and names the first missing or changed event.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.ports import UnitOfWork

ANCHOR_FILE = "audit-anchors.jsonl"


@dataclass(frozen=True)
class Anchor:
    at: str
    seq: int
    hash: str
    key_id: str | None
    backup: str


def anchor_path(folder: Path) -> Path:
    return folder / ANCHOR_FILE


def write_anchor(uow: UnitOfWork, folder: Path, backup: str) -> Anchor:
    """Append the chain's current head to the folder's anchor file."""
    with uow.read():
        head = uow.audit.head()
    anchor = Anchor(uow.clock.now().isoformat(), head.seq, head.hash, head.key_id, backup)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    line = json.dumps(anchor.__dict__, ensure_ascii=False) + "\n"
    fd = os.open(anchor_path(folder), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return anchor


def read_anchors(folder: Path) -> tuple[list[Anchor], list[str]]:
    """The anchors in the folder's file, and a problem for each line that is not one."""
    path = anchor_path(folder)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return [], []
    anchors, problems = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            anchors.append(
                Anchor(
                    str(data["at"]),
                    int(data["seq"]),
                    str(data["hash"]),
                    data.get("key_id"),
                    str(data.get("backup", "")),
                )
            )
        except (ValueError, KeyError, TypeError):
            problems.append(f"{path} line {number} is not an anchor (edited?)")
    return anchors, problems


@dataclass(frozen=True)
class AnchorCheck:
    anchors: int
    problems: tuple[str, ...]
    first_bad_seq: int | None  # the first missing or changed event, where the anchors tell

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        if self.ok:
            return f"anchors ok: the chain holds all {self.anchors} anchored heads"
        first = f" (first missing or changed event #{self.first_bad_seq})"
        return "anchors FAILED" + (first if self.first_bad_seq else "")


def check_anchors(uow: UnitOfWork, folder: Path) -> AnchorCheck:
    """Every anchored head must still be in the chain, at its place, with its link."""
    anchors, problems = read_anchors(folder)
    bad: list[int] = []
    last_good = 0  # the newest anchored event still as it was: anything changed comes after it
    with uow.read():
        head = uow.audit.head()
        for anchor in sorted(anchors, key=lambda a: a.seq):
            if anchor.seq == 0:
                continue
            event = uow.audit.by_seq(anchor.seq)
            if event is None:
                first = min(head.seq, anchor.seq - 1) + 1
                bad.append(first)
                problems.append(
                    f"event #{anchor.seq} anchored at {anchor.at} (backup {anchor.backup}) is "
                    f"missing: the chain ends at #{head.seq}; first missing event #{first}"
                )
            elif event.hash != anchor.hash:
                bad.append(last_good + 1)
                problems.append(
                    f"event #{anchor.seq} differs from its anchor of {anchor.at} "
                    f"(backup {anchor.backup}): an event from #{last_good + 1} to "
                    f"#{anchor.seq} was changed"
                )
            elif not bad:
                last_good = anchor.seq
    first_bad = min(bad) if bad else None
    return AnchorCheck(len(anchors), tuple(problems), first_bad)
