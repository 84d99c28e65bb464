"""The SQLite storage of times (db.types.UTCDateTime): written and read back exactly, on the
fast path and on the strict one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest

from db.types import UTCDateTime

SQLITE: Any = SimpleNamespace(name="sqlite")


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 4, 1, 30, 5, 123456, tzinfo=UTC),
        datetime(2026, 12, 4, 9, 30, tzinfo=timezone(timedelta(hours=8))),
        datetime(2000, 1, 1, tzinfo=UTC),
    ],
)
def test_a_time_reads_back_as_the_same_utc_instant(moment: datetime) -> None:
    kind = UTCDateTime()
    stored = kind.process_bind_param(moment, SQLITE)
    back = kind.process_result_value(stored, SQLITE)
    assert back == moment and back is not None and back.tzinfo is UTC
    assert back.utcoffset() == timedelta(0)


def test_other_text_goes_the_strict_way() -> None:
    kind = UTCDateTime()
    with pytest.raises(ValueError):
        kind.process_result_value("2026-12-04 01:30:05", SQLITE)
    with pytest.raises(ValueError):
        kind.process_result_value("2026-12-04T01:30:05.12345+00:00", SQLITE)
