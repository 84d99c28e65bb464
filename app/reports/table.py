"""Counts per window and clerk, gathered from every wired section's provider."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.reports.sections import SECTIONS, Section, provider_for, wired_sections

if TYPE_CHECKING:
    from app.ports import UnitOfWork
    from app.reports.sections import ReportScope

RowKey = tuple[int | None, int | None]  # (window id, staff id)


@dataclass(frozen=True)
class CountTable:
    wired: frozenset[str]
    cells: Mapping[RowKey, Mapping[str, int]]
    days: Mapping[date, Mapping[str, int]]  # all rows together, per hall day (by_day scopes)

    def value(self, counts: Mapping[str, int], key: str) -> int | None:
        """A count, 0 when nothing was counted, None when its section is a slot."""
        from app.reports.sections import SECTION_OF_COLUMN

        if SECTION_OF_COLUMN[key] not in self.wired:
            return None
        return counts.get(key, 0)

    def total(self, keys: Iterable[RowKey] | None = None) -> dict[str, int]:
        """The sums over the given rows (default: all)."""
        summed: dict[str, int] = defaultdict(int)
        for row in self.cells if keys is None else keys:
            for key, value in self.cells.get(row, {}).items():
                summed[key] += value
        return dict(summed)


def collect(
    uow: UnitOfWork, scope: ReportScope, sections: Iterable[Section] = SECTIONS
) -> CountTable:
    """Ask each wired section's provider for its tallies; call inside a read transaction."""
    cells: dict[RowKey, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    days: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    wired = wired_sections()
    for section in sections:
        provider = provider_for(section.key)
        if provider is None:
            continue
        keys = set(section.keys)
        for tally in provider(uow, scope):
            if tally.key not in keys:
                raise ValueError(
                    f"provider of section {section.key!r} returned unknown key {tally.key!r}"
                )
            cells[(tally.window_id, tally.staff_id)][tally.key] += tally.value
            if tally.day is not None:
                days[tally.day][tally.key] += tally.value
    return CountTable(
        wired=frozenset(s.key for s in sections if s.key in wired),
        cells={k: dict(v) for k, v in cells.items()},
        days={k: dict(v) for k, v in days.items()},
    )
