"""How fast ``search_items`` answers on a 2,000-item catalog (target: 50 ms at most).

Builds 2,000 items with materials in a temporary SQLite file migrated like a real one, then
times ``app.catalog.service.search_items`` (a fresh unit of work per call, as the counter's
ItemFinder does) for prefixes a clerk typically types: codes, Chinese name parts and pinyin
initials, one keystroke at a time. Prints median and p95 per query and overall, as Markdown.

Run: ``.venv/bin/python bench/catalog_search.py [--items 2000] [--repeat 30] [--db URL]``
(``--db`` must name an empty database; the default is a temporary SQLite file). The figures
replace this script's section of bench/RESULTS.md (one per engine) unless ``--no-write``.
Exit 1 when the p95 over all calls is above 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# bench/common.py (the script's own folder)
from common import RESULTS, cpu_model, empty_database, replace_section, reproduce

from app.catalog.service import (
    ItemDraft,
    MaterialDraft,
    StepDraft,
    record_draft,
    search_items,
)
from app.clock import ManualClock
from db.store import SqlStore

TARGET_MS = 50.0

SUBJECTS = (
    "最低生活保障",
    "特困人员供养",
    "临时救助",
    "高龄津贴",
    "残疾人护理补贴",
    "城乡居民养老保险",
    "城乡居民医疗保险",
    "居住证",
    "取水",
    "河道采砂",
    "河道管理范围内建设项目",
    "水土保持方案",
    "个体工商户",
    "农民专业合作社",
    "食品经营",
    "药品零售",
    "道路货物运输",
    "出租汽车经营",
    "建筑工程施工",
    "城镇污水排入排水管网",
    "农村宅基地",
    "林木采伐",
    "农药经营",
    "兽药经营",
    "种子生产经营",
    "生猪定点屠宰",
    "动物防疫条件",
    "拖拉机驾驶",
    "低压居民用电",
    "天然气用户",
    "社会团体",
    "民办非企业单位",
    "殡葬服务",
    "孤儿基本生活保障",
    "老年人优待",
    "就业创业",
    "职业技能鉴定",
    "劳动用工备案",
    "工伤认定",
    "生育登记",
    "残疾人证",
    "烟草专卖零售",
    "户外广告设置",
    "城市道路占用",
    "临时占用林地",
    "公共场所卫生",
    "放射诊疗",
    "医疗机构执业",
    "母婴保健技术服务",
    "教师资格认定",
)
ACTIONS = (
    "许可",
    "申请",
    "登记",
    "变更登记",
    "注销登记",
    "延续",
    "备案",
    "审批",
    "补贴申请",
    "认定",
    "证明",
    "证补领",
    "证换领",
    "核准",
    "年度报告",
    "信息变更",
    "资格确认",
    "待遇申领",
    "咨询",
    "预约",
    "档案查询",
    "转移接续",
    "暂停",
    "恢复",
    "撤销",
    "复核",
    "核查",
    "公示",
    "审核",
    "确认",
    "初审",
    "验收",
    "检验",
    "检测",
    "评估",
    "抽查",
    "督查",
    "考核",
    "复审",
    "终止",
)
DEPARTMENTS = ("县民政局", "县人力资源和社会保障局", "县水利局", "县市场监督管理局", "县农业农村局")
QUERIES = (
    "d",
    "db",
    "dbs",
    "dbsq",
    "z",
    "zd",
    "zdsh",
    "qs",
    "qsxk",
    "gtgsh",
    "hdgl",
    "取",
    "取水",
    "低保",
    "许可",
    "登记",
    "mz",
    "mz-0",
    "mz-01",
    "mz-0125",
    "sl-00",
)


def build(store: SqlStore, count: int) -> None:
    uow = store.unit_of_work()
    with uow.write():
        for i in range(count):
            subject = SUBJECTS[i % len(SUBJECTS)]
            action = ACTIONS[(i // len(SUBJECTS)) % len(ACTIONS)]
            prefix = ("MZ", "RS", "SL", "SC", "NY")[i % 5]
            committed = i % 16
            draft = ItemDraft(
                code=f"{prefix}-{i:04d}",
                name=f"{subject}{action}",
                department=DEPARTMENTS[i % 5],
                statutory_days=committed * 2,
                committed_days=committed,
                legal_basis="依据有关法律法规和本省实施办法",
                materials=tuple(
                    MaterialDraft(f"申请材料{n}", deferrable=n == 3) for n in range(1, 6)
                ),
                steps=(StepDraft("受理", min(1, committed)), StepDraft("审核", 0)),
            )
            record_draft(uow, None, draft, login="bench")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def machine() -> str:
    cpu = cpu_model()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def render(
    engine: str,
    items: int,
    built_s: float,
    rows: list[tuple[str, int, float, float]],
    everything: list[float],
    command: str,
) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    median, p95 = statistics.median(everything), percentile(everything, 0.95)
    lines = [
        f"<!-- catalog-search:{engine}:begin -->",
        f"## Catalog search ({engine})",
        "",
        f"Measured {when} on {machine()}. `search_items` on a catalog of {items} items "
        f"(5 materials and 2 steps each, built in {built_s:.0f} s), a fresh unit of work per "
        f"call as the ItemFinder makes; {len(everything) // len(rows)} calls per typed text.",
        "",
        "| typed | hits | median ms | p95 ms |",
        "| --- | ---: | ---: | ---: |",
        *(f"| `{q}` | {hits} | {m:.2f} | {p:.2f} |" for q, hits, m, p in rows),
        f"| **all {len(everything)} calls** | | **{median:.2f}** | **{p95:.2f}** |",
        "",
        *reproduce(
            f"Goal: p95 <= {TARGET_MS:.0f} ms. Reproduce:",
            command,
            f"catalog-search:{engine}",
        ),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = empty_database(args.db, folder)
        store = SqlStore(engine, ManualClock(datetime(2026, 11, 24, 1, 30, tzinfo=UTC)))
        started = time.perf_counter()
        build(store, args.items)
        built_s = time.perf_counter() - started
        search_items(store.unit_of_work(), "warm-up")
        rows = []
        everything: list[float] = []
        for query in QUERIES:
            timings = []
            hits = 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                hits = len(search_items(store.unit_of_work(), query))
                timings.append((time.perf_counter() - t0) * 1000)
            everything += timings
            rows.append((query, hits, statistics.median(timings), percentile(timings, 0.95)))
        store.dispose()
    command = (
        ".venv/bin/python bench/catalog_search.py"
        + (f" --items {args.items}" if args.items != 2000 else "")
        + (" --db URL-of-an-empty-database" if args.db else "")
    )
    section = render(engine.dialect.name, args.items, built_s, rows, everything, command)
    print(section)
    if not args.no_write:
        replace_section(RESULTS, f"catalog-search:{engine.dialect.name}", section)
    return 0 if percentile(everything, 0.95) <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
