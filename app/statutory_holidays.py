"""Days off fixed by law, for years whose State Council schedule is not yet published.

《全国年节及纪念日放假办法》 (State Council, 2024 revision by Decree No. 795, in force
1 January 2025), Art. 2: holidays for all citizens —

* 元旦 1 day (1 January);
* 春节 4 days (农历除夕 and 正月初一 to 初三);
* 清明节 1 day (the day of the solar term 清明);
* 劳动节 2 days (1 and 2 May);
* 端午节 1 day (农历五月初五);
* 中秋节 1 day (农历八月十五);
* 国庆节 3 days (1 to 3 October).

Art. 6: a holiday of all citizens that falls on a Saturday or Sunday is made up on a working
day (补假). The day of the 补假 is set by each year's notice; until then it is taken as the
first weekday after the holiday (the practice of every published year). A day on which two
holidays coincide (中秋 on 1-3 October, as in 2028) is made up the same way.

Before 2025 (2013 revision, years 2014-2024) 春节 was 初一 to 初三 and 劳动节 1 May only.

Only the swaps of weekend days (调休) cannot be known before the notice. The lunar dates
and the solar term come from ``lunar_python``. See docs/CALENDAR.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, Solar

REVISION_2024_FROM = 2025  # first year under the 2024 revision (Decree No. 795)


@dataclass(frozen=True, slots=True)
class Festival:
    """One holiday of all citizens in one year: its statutory days (not the 补假)."""

    key: str
    name: str
    days: tuple[date, ...]


def _lunar_to_solar(year: int, month: int, day: int) -> date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    """The day the sun reaches 15° of longitude (清明), in Beijing time: 4-6 April."""
    for day in range(3, 7):
        if Solar.fromYmd(year, 4, day).getLunar().getJieQi() == "清明":
            return date(year, 4, day)
    raise ValueError(f"no 清明 found in April {year}")  # pragma: no cover - astronomy


@lru_cache(maxsize=64)
def festivals(year: int) -> tuple[Festival, ...]:
    """The statutory holidays of ``year`` (Art. 2), in calendar order."""
    new_rules = year >= REVISION_2024_FROM
    spring = _lunar_to_solar(year, 1, 1)  # 正月初一
    spring_days = [spring + timedelta(days=i) for i in range(3)]
    if new_rules:
        spring_days.insert(0, spring - timedelta(days=1))  # 除夕
    labour = [date(year, 5, 1), date(year, 5, 2)] if new_rules else [date(year, 5, 1)]
    result = [
        Festival("new_year", "元旦", (date(year, 1, 1),)),
        Festival("spring", "春节", tuple(spring_days)),
        Festival("qingming", "清明节", (_qingming(year),)),
        Festival("labour", "劳动节", tuple(labour)),
        Festival("dragon_boat", "端午节", (_lunar_to_solar(year, 5, 5),)),
        Festival("mid_autumn", "中秋节", (_lunar_to_solar(year, 8, 15),)),
        Festival("national", "国庆节", tuple(date(year, 10, d) for d in (1, 2, 3))),
    ]
    return tuple(sorted(result, key=lambda f: f.days[0]))


def _blocks(year: int) -> list[list[Festival]]:
    """Festivals grouped when their days touch or overlap (中秋 on 国庆, say)."""
    groups: list[list[Festival]] = []
    for fest in festivals(year):
        if groups and fest.days[0] <= max(d for f in groups[-1] for d in f.days) + timedelta(1):
            groups[-1].append(fest)
        else:
            groups.append([fest])
    return groups


@lru_cache(maxsize=64)
def provisional_days_off(year: int) -> dict[date, str]:
    """The days off that the law fixes in ``year``: statutory days and their 补假.

    A statutory day on a Saturday or Sunday, or one shared by two holidays, is made up on
    the first weekday after the holiday that is not already a day off.
    """
    off: dict[date, str] = {}
    for group in _blocks(year):
        owed = 0
        seen: set[date] = set()
        for fest in group:
            for day in fest.days:
                if day.weekday() >= 5 or day in seen:
                    owed += 1
                seen.add(day)
                off.setdefault(day, fest.name)
        cursor = max(seen)
        name = group[-1].name
        while owed:
            cursor += timedelta(days=1)
            if cursor.weekday() < 5 and cursor not in off:
                off[cursor] = f"{name}补假"
                owed -= 1
    return dict(sorted(off.items()))


def missing_from_schedule(year: int, ruling: dict[date, bool]) -> list[str]:
    """What an entered schedule of ``year`` still lacks before the year can be final.

    ``ruling`` maps the entered days to ``True`` (working day) or ``False`` (day off). For
    each holiday: at least one of its days entered as a day off, none of them a working day,
    every statutory day that falls on a weekday off. Then for the year: the weekdays off, less
    the weekend days made working days (调休), at least the number of statutory days — so every
    statutory day on a weekend has its 补假 somewhere (the notice may put it in another holiday,
    as in 2015, when 中秋's went to 国庆). One sentence per gap, in Chinese; empty when complete.
    """

    def is_off(day: date) -> bool:
        entered = ruling.get(day)
        return (day.weekday() >= 5) if entered is None else not entered

    missing: list[str] = []
    for group in _blocks(year):
        names = "、".join(f.name for f in group)
        days = sorted({d for f in group for d in f.days})
        if not any(ruling.get(d) is False for d in days):
            missing.append(f"{names}：尚未录入放假日期")
            continue
        worked = [d for d in days if ruling.get(d) is True]
        if worked:
            listed = "、".join(f"{d:%m-%d}" for d in worked)
            missing.append(f"{names}：法定假日{listed}被录为上班")
            continue
        not_off = [d for d in days if not is_off(d)]
        if not_off:
            listed = "、".join(f"{d:%m-%d}" for d in not_off)
            missing.append(f"{names}：法定假日{listed}未录为放假")
    if missing:
        return missing
    needed = sum(len(f.days) for f in festivals(year))
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    all_days = [date.fromordinal(o) for o in range(first, last + 1)]
    weekdays_off = sum(1 for d in all_days if d.weekday() < 5 and is_off(d))
    weekends_worked = sum(1 for d in all_days if d.weekday() >= 5 and not is_off(d))
    net = weekdays_off - weekends_worked
    if net < needed:
        missing.append(
            f"全年法定假日{needed}天，连同补假应有{needed}个工作日放假（扣除调休上班的周末），"
            f"现只有{net}个：缺补假"
        )
    return missing
