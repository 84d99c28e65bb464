"""How long the daily log's PDF takes when its case list is long, printed in parts (how the
program prints it) against one table (how it did before).

The ten-year hall's busiest recent day listed 4,621 cases on about 150 landscape pages, and the
PDF took 2.35 s there, nearly all of it reportlab laying out the list: a table split across
pages is rebuilt from all the rows left on every page, so a long one costs time in the square
of its length. ``app.printing.template`` now prints a list longer than ``GRID_CHUNK`` rows as
tables of ``GRID_CHUNK`` rows, each from a new page.

The document is the sample daily log (tests/helpers/printing.py) with N synthetic case rows (a
long item name every third row, as real lists have). In one warm process, alternating after one
untimed run of each: (a) as the program prints it; (b) with ``GRID_CHUNK`` set above N (one
table). Figures: median and p95 (nearest rank) in ms, pages, and the ratio b/a.

    .venv/bin/python bench/daily_log_pages.py               # 4,621 rows, 5 runs each
    .venv/bin/python bench/daily_log_pages.py --rows 1500 --no-write
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import reportlab

# bench/common.py
from common import RESULTS, cpu_model, load_average, ram, replace_section, reproduce

from app.printing import render, template
from tests.helpers.printing import sample_documents

ROOT = Path(__file__).resolve().parents[1]
LONG_ITEM = "城乡居民基本养老保险待遇领取资格认证"


def the_log(rows: int):  # type: ignore[no-untyped-def]
    base = sample_documents()["daily_log"]
    _number, item, _applicant, clerk, state, due, card = base.cases[0]
    cases = tuple(
        (
            f"QH-20261124-{i:04d}",
            LONG_ITEM if i % 3 == 0 else item,
            "王*明",
            clerk,
            state,
            due,
            card,
        )
        for i in range(1, rows + 1)
    )
    return dataclasses.replace(base, cases=cases)


def timed(doc, chunk: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    template.GRID_CHUNK = chunk
    started = time.perf_counter()
    pdf = render(doc)
    return (time.perf_counter() - started) * 1000, pdf.count(b"/Type /Page\n") or pdf.count(
        b"/Type /Page"
    )


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=4621)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)
    doc = the_log(args.rows)
    parts = template.GRID_CHUNK
    one_table = args.rows + 1
    load = load_average()
    timed(doc, parts), timed(doc, one_table)  # warm: fonts registered, caches filled
    a: list[float] = []
    b: list[float] = []
    pages = {}
    for _ in range(args.runs):
        ms, pages["a"] = timed(doc, parts)
        a.append(ms)
        ms, pages["b"] = timed(doc, one_table)
        b.append(ms)
    template.GRID_CHUNK = parts
    ratio = statistics.median(b) / statistics.median(a)
    text = "\n".join(
        [
            "<!-- daily_log_pages:begin -->",
            "## Daily log with a long case list: parts against one table",
            "",
            f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.system()} "
            f"{platform.release()}, {cpu_model()}, {ram()} RAM; Python "
            f"{platform.python_version()}, reportlab {reportlab.Version}. Load average when "
            f"the runs began: {load}. {args.rows} case rows, {args.runs} runs each, alternating.",
            "",
            "| | median ms | p95 ms | pages |",
            "| --- | ---: | ---: | ---: |",
            f"| (a) in parts of {parts} rows (the program) | {statistics.median(a):.0f} | "
            f"{p95(a):.0f} | {pages['a']} |",
            f"| (b) one table (before) | {statistics.median(b):.0f} | {p95(b):.0f} | "
            f"{pages['b']} |",
            "",
            *reproduce(
                f"Ratio b/a of the medians: {ratio:.2f}. Reproduce:",
                ".venv/bin/python bench/daily_log_pages.py",
                "daily_log_pages",
            ),
            "",
        ]
    )
    print(text)
    if not args.no_write:
        replace_section(RESULTS, "daily_log_pages", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
