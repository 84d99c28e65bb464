"""乡镇代收、县级审批 and the county's figures fed hostile input (tests/helpers/hostile.py) on a
real store, with the checks of tests/integration/test_bad_input.py (``attempt``): no crash,
field refusals name fields of the form, a refused call leaves every table and the audit chain
as they were, and what an accepted call stored reads back cleaned.

The module's hall gets a township (XZ) beside the demo county and an item the county decides;
each input works on a fresh township case."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.cases import queries, transitions
from app.cases.lifecycle import CaseAction
from app.catalog.service import current_version
from app.handover import hand_back, hand_over
from app.reports.county import county_log, county_statistics
from app.reports.statistics import StatisticsQuery
from app.roles import Actor
from app.validation import mask_personal_numbers, validate_text
from tests.helpers.bad_input import Hall, attempt, hall_per_store
from tests.helpers.hostile import FORM_SETTINGS, picked_dates, texts
from tests.helpers.township import accept_here, add_township, county_item, township_actor

hall = hall_per_store()

FED = {
    "app.handover.hand_over": "case_hand_over",
    "app.handover.hand_back": "case_hand_back",
    "app.reports.county.county_statistics": "county_statistics",
    "app.reports.county.county_log": "county_log",
}

site_codes = st.one_of(st.sampled_from(["QH", "qh", " QH ", "XZ", "ZZ", ""]), texts)
notes = st.one_of(st.just(""), texts)


def township_case(hall: Hall) -> tuple[Actor, int]:
    """A new case of the county-decided item, accepted at the township; its clerk."""
    uow = hall.uow()
    with uow.read():
        known = uow.sites.by_code("XZ") is not None
    if not known:
        add_township(hall.ctx)
        county_item(hall.ctx, code="C-BAD")
    clerk = township_actor(hall.ctx)
    version = current_version(hall.uow(), "C-BAD")
    number = accept_here(hall.ctx, clerk, version)
    case = queries.find_case_by_number(hall.uow(), clerk, number)
    assert case is not None
    return clerk, case.id


@FORM_SETTINGS
@given(to_site=site_codes, note=notes)
def test_case_hand_over(hall: Hall, to_site: str, note: str) -> None:
    clerk, case_id = township_case(hall)
    moved = attempt(
        hall,
        "case_hand_over",
        {"to_site", "note"},
        lambda: hand_over(hall.uow(), clerk, case_id, to_site, note),
    )
    if moved is not None:
        assert to_site.strip().upper() == "QH"
        assert moved.owner_site_id == hall.clerk.site_id  # the demo county's
        event = moved.events[-1]
        assert event.action is CaseAction.HAND_OVER
        # full ID and mobile numbers in free text are stored masked (db.sealed.MaskedText)
        typed = validate_text(note, field="note", max_len=1000, required=False)
        assert event.reason == mask_personal_numbers(typed)


@FORM_SETTINGS
@given(note=notes)
def test_case_hand_back(hall: Hall, note: str) -> None:
    clerk, case_id = township_case(hall)
    hand_over(hall.uow(), clerk, case_id, "QH")
    case = queries.case_detail(hall.uow(), hall.boss, case_id).case
    transitions.decide_case(hall.uow(), hall.boss, case_id, case.row_version, "approved")
    back = attempt(
        hall,
        "case_hand_back",
        {"note"},
        lambda: hand_back(hall.uow(), hall.boss, case_id, note),
    )
    if back is not None:
        assert back.owner_site_id == back.site_id
        typed = validate_text(note, field="note", max_len=1000, required=False)
        assert back.events[-1].reason == mask_personal_numbers(typed)


@FORM_SETTINGS
@given(
    first=picked_dates,
    last=picked_dates,
    trend=st.one_of(st.sampled_from(["week", "month"]), texts),
)
def test_county_statistics(hall: Hall, first: object, last: object, trend: str) -> None:
    query = StatisticsQuery(first, last, trend=trend)  # type: ignore[arg-type]
    shown = attempt(
        hall,
        "county_statistics",
        {"query", "first_day", "last_day", "trend", "site"},
        lambda: county_statistics(hall.uow(), hall.boss, query),
    )
    if shown is not None:
        total = shown.total.accepted
        assert total == sum(r.figures.accepted for r in shown.by_site)


@FORM_SETTINGS
@given(start=picked_dates, end=picked_dates)
def test_county_log(hall: Hall, start: object, end: object) -> None:
    log = attempt(
        hall,
        "county_log",
        {"start", "end"},
        lambda: county_log(hall.uow(), hall.boss, start, end),  # type: ignore[arg-type]
    )
    if log is not None:
        assert len(log.totals) == len(log.columns)
