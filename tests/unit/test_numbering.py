"""Numbers read back: app.numbering is the one place that knows their shape."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.numbering import NumberKind, format_number, parse_number


@given(
    site=st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    kind=st.sampled_from(list(NumberKind)),
    day=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    serial=st.integers(1, 99_999),
)
def test_every_number_given_out_reads_back(
    site: str, kind: NumberKind, day: date, serial: int
) -> None:
    number = format_number(site, kind, day, serial)
    parsed = parse_number(f"  {number.lower()} ")
    assert parsed is not None
    assert (parsed.site_code, parsed.kind, parsed.day, parsed.serial) == (site, kind, day, serial)
    assert parsed.record == number and parsed.paper is None


def test_a_case_paper_names_its_case_and_which_one() -> None:
    second = parse_number("QH-20261124-0001-C2")
    assert second is not None and (second.paper, second.index) == ("C", 2)
    assert second.record == "QH-20261124-0001"
    latest = parse_number("QH-20261124-0001-J")
    assert latest is not None and (latest.paper, latest.index) == ("J", None)


@pytest.mark.parametrize(
    "text",
    ["", "QH", "QH-20261324-0001", "QH-Z20261124-0001", "QH-N20261124-0001-C1", "QH-2026112-0001"],
)
def test_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None
