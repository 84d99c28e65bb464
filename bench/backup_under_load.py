"""`python bench/backup_under_load.py DB_FILE`: ``frontdesk backup`` of a database, idle and
under a busy writer (another process committing small transactions back to back, ~200 a
second), two runs each; prints the medians. The database is written to (one setting row)."""

import multiprocessing
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from db.backup import backup_sqlite_file

OUT = Path("/tmp/frontdesk_bench_backup.sqlite3")


def writer(source: Path, stop: object) -> None:
    con = sqlite3.connect(source, timeout=15, isolation_level=None)
    n = 0
    while not stop.is_set():  # type: ignore[attr-defined]
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT OR REPLACE INTO setting(key, value) VALUES ('bench_writer', ?)", (str(n),)
        )
        con.execute("COMMIT")
        n += 1
        time.sleep(0.005)
    con.close()


def once(source: Path) -> float:
    OUT.unlink(missing_ok=True)
    started = time.perf_counter()
    backup_sqlite_file(source, OUT)
    return time.perf_counter() - started


def main() -> None:
    source = Path(sys.argv[1])
    idle = statistics.median(once(source) for _ in range(2))
    stop = multiprocessing.Event()
    busy_writer = multiprocessing.Process(target=writer, args=(source, stop))
    busy_writer.start()
    time.sleep(0.5)
    busy = statistics.median(once(source) for _ in range(2))
    stop.set()
    busy_writer.join()
    OUT.unlink(missing_ok=True)
    size = source.stat().st_size / 1e6
    print(f"{size:.1f} MB: idle {idle:.1f} s, busy {busy:.1f} s, ratio {busy / idle:.1f}")


if __name__ == "__main__":
    main()
