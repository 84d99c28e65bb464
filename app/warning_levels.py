"""The warning cards (红牌 / 黄牌) as values: the levels, their urgency order, and the stored
warning column of a case (a level, or "closed" once the case is finished). When a card is
shown is a rule of ``app.workdays.warning_level``; this module only names the values, and is
light enough for the command line's parser."""

from __future__ import annotations

from enum import StrEnum


class WarningLevel(StrEnum):
    NORMAL = "normal"
    YELLOW = "yellow"  # about to be overdue
    RED = "red"  # overdue


#: Most urgent first: the order of the work list, the status bar and the list filters.
URGENCY: tuple[WarningLevel, ...] = (WarningLevel.RED, WarningLevel.YELLOW, WarningLevel.NORMAL)

#: The warning column of a finished case: it carries no card any more.
CLOSED_WARNING = "closed"
#: Every value the stored warning column takes.
WARNING_COLUMN: tuple[str, ...] = (*(str(level) for level in URGENCY), CLOSED_WARNING)


def warning_from_column(value: str) -> WarningLevel | None:
    """The card a stored warning column stands for; None for a finished case."""
    return None if value == CLOSED_WARNING else WarningLevel(value)
