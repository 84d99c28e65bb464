"""The first-inquiry and feedback forms fed hostile input: visits (close, refer, acknowledge,
confirm, recall, reopen, find), the work list's search box, the away register, ratings,
appeals, rectifications and complaint handling. The checks are ``attempt``'s
(tests/helpers/bad_input.py): only domain refusals, each field refusal names a field of its
form, a refused input leaves every table and the audit chain as they were.

Records picked from a list (a visit, a referral, a rating, a complaint) are mostly real ones in
the state the form expects, made through the services and replaced once a form has moved them
on; sometimes an id that is not there. Typed fields get everything tests/helpers/hostile.py
has, with a good share of valid values so the accepted path is walked too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.auth import login
from app.cases import queries
from app.cases.deadlines import local_day
from app.cases.lifecycle import CaseState
from app.cases.service import accept_case
from app.feedback import appeals, complaints, ratings, rectifications
from app.feedback.records import (
    AppealKind,
    ComplaintInput,
    RatingLevel,
    RatingSource,
    RectificationOutcome,
    RectificationState,
    Subject,
    SubjectKind,
)
from app.notices import service as notices
from app.roles import Actor
from app.validation import mask_personal_numbers as masked  # free text is stored masked
from app.validation import validate_text
from app.visits import absence, worklist
from app.visits import service as visits
from app.visits.lifecycle import AwayReason, Outcome, ReferralKind, VisitState
from app.visits.records import AbsenceInput, OutcomeInput, ReferralInput, VisitInput
from tests.helpers.bad_input import STORES, Hall, attempt, open_hall, report_inputs
from tests.helpers.hostile import (
    FORM_SETTINGS,
    id_numbers,
    phones,
    picked_dates,
    spoiled,
    texts,
)

# Each form: valid values, and what goes into the fields ``spoiled`` picks to spoil. A record
# picked from a list is the real one (``REAL``), spoiled: an id that may not be there.
REAL = st.none()
OTHER_ID = st.integers(-3, 10**6)
said = st.sampled_from(["已电话联系，群众表示理解", "材料已补齐", "Ａ座二楼　3号窗口", "ok"])


class Spare:
    """The records of one hall the forms work on, replaced once a form moved one on."""

    def __init__(self, hall: Hall) -> None:
        self.hall = hall
        uow = hall.uow
        self.wangfang = login(uow(), "wangfang", "demo-2026")
        self.liuyang = login(uow(), "liuyang", "demo-2026")
        self.ids = {s.login: s.id for s in _staff(hall)}
        self.visits: dict[str, int] = {}  # state -> a visit of zhangwei's in it
        self.referrals: dict[str, tuple[int, int]] = {}  # kind -> a pending referral, its visit
        self.rated: dict[str, int] = {}  # "fresh": an unrated case; "rating"/"bad": a rated one
        self.appeal: int | None = None
        self.complaint: int | None = None
        self.rectification: int | None = None

    # -- visits --

    def visit(self, state: VisitState) -> int:
        known = self.visits.get(str(state))
        if known is not None:
            current = visits.visit_detail(self.hall.uow(), self.hall.clerk, known).visit
            if current.state is state:
                return known
        hall = self.hall
        ref = visits.register_visit(
            hall.uow(),
            hall.clerk,
            VisitInput(question="低保怎么申请？", visit_type="consultation", visitor_name="王𠇹"),
        )
        if state is VisitState.REFERRED:
            self.refer(ref.id, ReferralKind.INTERNAL)
        elif state is VisitState.CLOSED:
            visits.close_visit(hall.uow(), hall.clerk, ref.id, OutcomeInput("answered", "已答复"))
        self.visits[str(state)] = ref.id
        return ref.id

    def refer(self, visit_id: int, kind: ReferralKind) -> int:
        if kind is ReferralKind.INTERNAL:
            to = ReferralInput(to_staff_id=self.ids["wangfang"], reason="社保业务")
        else:
            to = ReferralInput(
                kind=ReferralKind.EXTERNAL,
                to_body="县公积金中心",
                to_contact="0571-8888888",
                reason="公积金业务",
            )
        return visits.refer_visit(self.hall.uow(), self.hall.clerk, visit_id, to).id

    def referral(self, kind: ReferralKind) -> int:
        """A pending referral of ``kind`` (internal: to 王芳)."""
        known = self.referrals.get(str(kind))
        if known is not None:
            visit = visits.visit_detail(self.hall.uow(), self.hall.clerk, known[1]).visit
            pending = visit.pending_referral
            if pending is not None and pending.id == known[0]:
                return known[0]
        hall = self.hall
        ref = visits.register_visit(
            hall.uow(),
            hall.clerk,
            VisitInput(question="公积金提取", visit_type="consultation", visitor_name="李四"),
        )
        self.referrals[str(kind)] = (self.refer(ref.id, kind), ref.id)
        return self.referrals[str(kind)][0]

    # -- ratings, appeals, rectifications, complaints --

    def fresh_case(self) -> int:
        """A case of zhangwei's accepted today and not rated yet."""
        hall = self.hall
        known = self.rated.get("fresh")
        if known is not None and ratings.rating_for(hall.uow(), hall.boss, Subject.case(known)):
            known = None
        if known is None:
            known = accept_case(hall.uow(), hall.clerk, hall.request()).case_id
            self.rated["fresh"] = known
        return known

    def rating(self, bad: bool = False) -> int:
        """A rating of zhangwei's that is not appealed (``bad``: with an open rectification)."""
        key = "bad" if bad else "rating"
        known = self.rated.get(key)
        if known is not None:
            view = ratings.rating_for(self.hall.uow(), self.hall.boss, Subject.case(known))
            assert view is not None
            open_item = view.rectification_state is RectificationState.OPEN
            if view.appeal_state is None and (open_item or not bad):
                return view.id
        level = RatingLevel.VERY_DISSATISFIED if bad else RatingLevel.BASIC
        case_id = self.fresh_case()
        result = ratings.record_rating(
            self.hall.uow(), self.hall.boss, Subject.case(case_id), level, "", "phone"
        )
        self.rated[key] = case_id
        if bad:
            self.rectification = result.rectification_id
        return result.rating_id

    def open_rectification(self) -> int:
        self.rating(bad=True)
        assert self.rectification is not None
        return self.rectification

    def pending_appeal(self) -> int:
        if self.appeal is not None:
            rows = appeals.appeal_rows(self.hall.uow(), self.hall.boss, [self.appeal])
            if rows and str(rows[0].state) == "pending":
                return self.appeal
        rating_id = self.rating()
        self.appeal = appeals.appeal_rating(
            self.hall.uow(), self.hall.clerk, rating_id, AppealKind.MISTAKEN, "按错了键"
        )
        return self.appeal

    def open_complaint(self) -> int:
        hall = self.hall
        if self.complaint is not None:
            current = complaints.get_complaint(hall.uow(), hall.boss, self.complaint)
            # a real investigation has a few notes, not the thousands a full run would add
            if str(current.state) != "concluded" and len(current.notes) < 30:
                return self.complaint
        made = complaints.register_complaint(
            hall.uow(),
            hall.boss,
            ComplaintInput(
                target="staff",  # type: ignore[arg-type]
                content="窗口人员态度生硬",
                channel="counter",  # type: ignore[arg-type]
                staff_id=hall.clerk.staff_id,
            ),
        )
        self.complaint = made.complaint_id
        return self.complaint


def _staff(hall: Hall) -> list[Any]:
    from app import staff

    return staff.list_staff(hall.uow(), hall.admin)


SPARES: dict[str, Spare] = {}


@pytest.fixture(scope="module", params=STORES)
def hall(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Hall]:
    for opened in open_hall(request.param, tmp_path_factory):
        SPARES[opened.store_name] = Spare(opened)
        yield opened
    SPARES.pop(request.param, None)
    report_inputs()


def spare(hall: Hall) -> Spare:
    return SPARES[hall.store_name]


# -- visits ------------------------------------------------------------------------------------


def _case_number(hall: Hall) -> str:
    case_id = hall.case_in(*CaseState)[0]
    return queries.case_detail(hall.uow(), hall.clerk, case_id).case.number


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "outcome": st.sampled_from([Outcome.ANSWERED, Outcome.APPLICATION]),
            "answer": said,
            "guide": st.sampled_from(["", "T-001", " t-001 "]),
            "number": st.sampled_from(["<case>", "<notice>"]),
            "visit": REAL,
        },
        {
            "outcome": st.one_of(st.sampled_from([Outcome.OUTSIDE, "", None]), texts),
            "answer": texts,
            "guide": texts,
            "number": texts,
            "visit": OTHER_ID,
        },
    )
)
def test_close_visit(hall: Hall, form: dict[str, Any]) -> None:
    number = form["number"]
    if number == "<case>":
        number = _case_number(hall).lower()  # typed in lower case: found all the same
    elif number == "<notice>":
        number = notices.get_notice(hall.uow(), hall.clerk, hall.notice_id).number
    visit_id = form["visit"] or spare(hall).visit(VisitState.OPEN)
    given_outcome = OutcomeInput(form["outcome"], form["answer"], form["guide"], number)
    closed = attempt(
        hall,
        "close_visit",
        {"outcome", "answer", "guide_code", "document_number"},
        lambda: visits.close_visit(hall.uow(), hall.clerk, visit_id, given_outcome),
    )
    if closed is not None:
        assert closed.state is VisitState.CLOSED
        if closed.outcome is Outcome.ANSWERED:
            assert closed.outcome_text == masked(validate_text(form["answer"], "answer", 2000))
        else:
            assert closed.outcome_ref == number.strip().upper()


REFERRAL_FIELDS = {
    "kind",
    "to",
    "to_staff",
    "to_window",
    "to_department",
    "to_body",
    "to_contact",
    "to_phone",
    "item_code",
    "reason",
}


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "kind": st.sampled_from([*ReferralKind]),
            "to_staff": st.sampled_from([None, "wangfang", "lina"]),
            "to_window": st.sampled_from([None, 2, 3]),
            "to_department": st.none(),
            "to_body": st.just("县公积金中心"),
            "to_contact": st.just("0571-8888888 城东路1号"),
            "to_phone": st.sampled_from(["", "0571-86001234"]),
            "item_code": st.sampled_from(["", "T-002"]),
            "reason": said,
            "visit": REAL,
        },
        {
            "kind": texts,
            "to_staff": st.sampled_from(["zhangwei", "admin", "sunli", "nobody"]),
            "to_window": st.integers(-2, 12),
            "to_department": st.integers(-2, 10),
            "to_body": texts,
            "to_contact": st.one_of(phones, texts),
            "to_phone": phones,
            "item_code": texts,
            "reason": texts,
            "visit": OTHER_ID,
        },
    )
)
def test_refer_visit(hall: Hall, form: dict[str, Any]) -> None:
    here = spare(hall)
    fields = {k: v for k, v in form.items() if k != "visit"}
    who = fields.pop("to_staff")
    referral = ReferralInput(
        kind=fields.pop("kind"),
        to_staff_id=here.ids.get(who, 10**6) if who else None,
        to_window_number=fields.pop("to_window"),
        to_department_id=fields.pop("to_department"),
        **fields,
    )
    visit_id = form["visit"] or here.visit(VisitState.OPEN)
    made = attempt(
        hall,
        "refer_visit",
        REFERRAL_FIELDS,
        lambda: visits.refer_visit(hall.uow(), hall.clerk, visit_id, referral),
    )
    if made is not None:
        visit = visits.visit_detail(hall.uow(), hall.clerk, made.visit_id).visit
        assert visit.state is VisitState.REFERRED
        stored = next(r for r in visit.referrals if r.id == made.id)
        assert stored.reason == masked(validate_text(form["reason"], "reason", 500, required=False))


@FORM_SETTINGS
@given(
    note=st.one_of(st.just(""), said, texts),
    kind=st.sampled_from([ReferralKind.INTERNAL, ReferralKind.INTERNAL, ReferralKind.EXTERNAL]),
)
def test_acknowledge_referral(hall: Hall, note: str, kind: ReferralKind) -> None:
    here = spare(hall)
    referral_id = here.referral(kind)
    done = attempt(
        hall,
        "acknowledge_referral",
        {"note", "referral"},
        lambda: visits.acknowledge_referral(hall.uow(), here.wangfang, referral_id, note),
    )
    if done is not None:
        assert done.state is VisitState.OPEN and done.holder_id == here.ids["wangfang"]


@FORM_SETTINGS
@given(
    note=st.one_of(said, texts),
    kind=st.sampled_from([ReferralKind.EXTERNAL, ReferralKind.EXTERNAL, ReferralKind.INTERNAL]),
)
def test_confirm_outside_referral(hall: Hall, note: str, kind: ReferralKind) -> None:
    referral_id = spare(hall).referral(kind)
    done = attempt(
        hall,
        "confirm_outside_referral",
        {"note", "referral"},
        lambda: visits.confirm_outside_referral(hall.uow(), hall.clerk, referral_id, note),
    )
    if done is not None:
        assert done.state is VisitState.CLOSED and done.outcome is Outcome.OUTSIDE


@FORM_SETTINGS
@given(
    form=spoiled(
        {"reason": said, "kind": st.sampled_from([*ReferralKind]), "referral": REAL},
        {"reason": texts, "kind": st.sampled_from([*ReferralKind]), "referral": OTHER_ID},
    )
)
def test_recall_referral(hall: Hall, form: dict[str, Any]) -> None:
    referral_id = form["referral"] or spare(hall).referral(form["kind"])
    done = attempt(
        hall,
        "recall_referral",
        {"reason", "referral"},
        lambda: visits.recall_referral(hall.uow(), hall.clerk, referral_id, form["reason"]),
    )
    if done is not None:
        assert done.state is VisitState.OPEN


@FORM_SETTINGS
@given(
    form=spoiled(
        {"reason": said, "state": st.just(VisitState.CLOSED), "visit": REAL},
        {"reason": texts, "state": st.sampled_from([*VisitState]), "visit": OTHER_ID},
    )
)
def test_reopen_visit(hall: Hall, form: dict[str, Any]) -> None:
    visit_id = form["visit"] or spare(hall).visit(form["state"])
    done = attempt(
        hall,
        "reopen_visit",
        {"reason"},
        lambda: visits.reopen_visit(hall.uow(), hall.clerk, visit_id, form["reason"]),
    )
    if done is not None:
        assert done.state is VisitState.OPEN and done.outcome is None


def _visit_number(hall: Hall) -> str:
    visit_id = spare(hall).visit(VisitState.OPEN)
    return visits.visit_detail(hall.uow(), hall.clerk, visit_id).visit.number


typed_numbers = st.one_of(
    st.just("<visit>"),
    st.just("<case>"),
    st.from_regex(r"QH-[A-Z][0-9]{8,14}", fullmatch=True),
    texts,
)


@FORM_SETTINGS
@given(number=typed_numbers, spaced=st.booleans())
def test_find_visit_by_number(hall: Hall, number: str, spaced: bool) -> None:
    if number == "<visit>":
        number = _visit_number(hall)
    elif number == "<case>":
        number = _case_number(hall)
    typed = f"  {number.lower()}\t" if spaced else number
    found = attempt(
        hall,
        "find_visit_by_number",
        {"number"},
        lambda: visits.find_visit_by_number(hall.uow(), hall.clerk, typed),
    )
    if found is not None and number.startswith("QH-F"):
        assert found.number == number


@FORM_SETTINGS
@given(
    typed=st.one_of(
        typed_numbers,
        id_numbers(),
        phones,
        st.sampled_from(["王𠇹", "王", "李四", "13812345678", "11010519491231002X"]),
    )
)
def test_search_work(hall: Hall, typed: str) -> None:
    if typed == "<visit>":
        typed = _visit_number(hall)
    elif typed == "<case>":
        typed = _case_number(hall)
    hits = attempt(
        hall, "search_work", {"text"}, lambda: worklist.search_work(hall.uow(), hall.clerk, typed)
    )
    assert hits is None or isinstance(hits, list)


# -- the away register (AB岗) ------------------------------------------------------------------

# The pickers always give a time (the form's own checks are on their order and on the past).
away_times = st.datetimes(datetime(2000, 1, 1), datetime(2100, 12, 31), timezones=st.just(UTC))


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "who": st.sampled_from(["liuyang", "chenjing", "zhaolei", "self"]),
            "reason": st.sampled_from([*AwayReason]),
            "starts": st.integers(0, 10**6),  # minutes from now
            "hours": st.integers(1, 240),
            "note": st.one_of(st.just(""), said),
        },
        {
            "who": OTHER_ID,
            "reason": texts,
            "starts": away_times,
            "hours": st.integers(-48, 0),
            "note": texts,
        },
    )
)
def test_mark_away(hall: Hall, form: dict[str, Any]) -> None:
    here = spare(hall)
    who, starts = form["who"], form["starts"]
    if isinstance(starts, int):
        starts = hall.clock.now() + timedelta(minutes=starts)
    actor: Actor = here.liuyang if who == "self" else hall.boss
    staff_id = here.ids.get("liuyang" if who == "self" else who, who)
    entry = AbsenceInput(
        staff_id, form["reason"], starts, starts + timedelta(hours=form["hours"]), form["note"]
    )
    attempt(
        hall,
        "mark_away",
        {"reason", "note", "starts_at", "ends_at", "backup"},
        lambda: absence.mark_away(hall.uow(), actor, entry),
    )


# -- ratings, appeals, rectifications --------------------------------------------------------

RATING_VALID = {
    "level": st.sampled_from([*RatingLevel]),
    "comment": st.one_of(st.just(""), said),
    "subject": REAL,
}
RATING_BAD = {"level": texts, "comment": texts, "subject": OTHER_ID}


@FORM_SETTINGS
@given(form=spoiled(RATING_VALID, RATING_BAD))
def test_rate_on_citizen_screen(hall: Hall, form: dict[str, Any]) -> None:
    subject = Subject.case(form["subject"] or spare(hall).fresh_case())
    rated = attempt(
        hall,
        "rate_on_citizen_screen",
        {"level", "comment", "subject"},
        lambda: ratings.rate_on_citizen_screen(
            hall.uow(), hall.clerk, subject, form["level"], form["comment"]
        ),
    )
    if rated is not None:
        stored = ratings.rating_for(hall.uow(), hall.boss, subject)
        comment = validate_text(form["comment"], "comment", ratings.COMMENT_MAX, required=False)
        assert stored is not None and stored.comment == (comment or "")


@FORM_SETTINGS
@given(
    form=spoiled(
        {**RATING_VALID, "source": st.sampled_from([RatingSource.PAPER, RatingSource.PHONE])},
        {
            **RATING_BAD,
            "source": st.one_of(st.just(RatingSource.CITIZEN_SCREEN), texts),
            "subject": st.one_of(OTHER_ID, st.just("visit")),
        },
    )
)
def test_record_rating(hall: Hall, form: dict[str, Any]) -> None:
    here = spare(hall)
    if form["subject"] == "visit":  # visits are rated on the citizen screen's visit page only
        subject = Subject(SubjectKind.VISIT, here.visit(VisitState.CLOSED))
    else:
        subject = Subject.case(form["subject"] or here.fresh_case())
    attempt(
        hall,
        "record_rating",
        {"level", "comment", "source", "subject"},
        lambda: ratings.record_rating(
            hall.uow(), hall.boss, subject, form["level"], form["comment"], form["source"]
        ),
    )


@FORM_SETTINGS
@given(
    form=spoiled(
        {"kind": st.sampled_from([*AppealKind]), "reason": said, "rating": REAL},
        {"kind": texts, "reason": texts, "rating": OTHER_ID},
    )
)
def test_appeal_rating(hall: Hall, form: dict[str, Any]) -> None:
    rating_id = form["rating"] or spare(hall).rating()
    attempt(
        hall,
        "appeal_rating",
        {"kind", "reason", "rating"},
        lambda: appeals.appeal_rating(
            hall.uow(), hall.clerk, rating_id, form["kind"], form["reason"]
        ),
    )


@FORM_SETTINGS
@given(
    form=spoiled(
        {"upheld": st.booleans(), "note": said, "appeal": REAL},
        {"upheld": st.sampled_from([None, "yes", 1]), "note": texts, "appeal": OTHER_ID},
    )
)
def test_decide_appeal(hall: Hall, form: dict[str, Any]) -> None:
    appeal_id = form["appeal"] or spare(hall).pending_appeal()
    attempt(
        hall,
        "decide_appeal",
        {"upheld", "note", "appeal"},
        lambda: appeals.decide_appeal(
            hall.uow(), hall.boss, appeal_id, form["upheld"], form["note"]
        ),
    )


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "note": said,
            "followup_on": st.just("today"),
            "result": said,
            "outcome": st.sampled_from([*RectificationOutcome]),
            "rectification": REAL,
        },
        {
            "note": texts,
            "followup_on": picked_dates,
            "result": texts,
            "outcome": texts,
            "rectification": OTHER_ID,
        },
    )
)
def test_close_rectification(hall: Hall, form: dict[str, Any]) -> None:
    rectification_id = form["rectification"] or spare(hall).open_rectification()
    day: date | None = form["followup_on"]
    if form["followup_on"] == "today":
        day = local_day(hall.clock.now())
    attempt(
        hall,
        "close_rectification",
        {"note", "followup_on", "followup_result", "outcome", "rectification"},
        lambda: rectifications.close_rectification(
            hall.uow(),
            hall.boss,
            rectification_id,
            form["note"],
            day,
            form["result"],
            form["outcome"],
        ),
    )


# -- complaints ------------------------------------------------------------------------------


@FORM_SETTINGS
@given(
    form=spoiled(
        {"note": said, "complaint": REAL},
        {"note": texts, "complaint": OTHER_ID},
    )
)
def test_add_investigation_note(hall: Hall, form: dict[str, Any]) -> None:
    complaint_id = form["complaint"] or spare(hall).open_complaint()
    attempt(
        hall,
        "add_investigation_note",
        {"note", "complaint"},
        lambda: complaints.add_investigation_note(
            hall.uow(), hall.boss, complaint_id, form["note"]
        ),
    )


@FORM_SETTINGS
@given(
    form=spoiled(
        {
            "substantiated": st.booleans(),
            "finding": said,
            "outcome": said,
            "responsible": st.sampled_from([None, "zhangwei", "lina"]),
            "complaint": REAL,
        },
        {
            "substantiated": st.sampled_from([None, "yes", 0]),
            "finding": texts,
            "outcome": texts,
            "responsible": OTHER_ID,
            "complaint": OTHER_ID,
        },
    )
)
def test_conclude_complaint(hall: Hall, form: dict[str, Any]) -> None:
    here = spare(hall)
    complaint_id = form["complaint"] or here.open_complaint()
    who = form["responsible"]
    responsible_id = here.ids[who] if isinstance(who, str) else who
    attempt(
        hall,
        "conclude_complaint",
        {"substantiated", "finding", "outcome", "responsible", "complaint"},
        lambda: complaints.conclude_complaint(
            hall.uow(),
            hall.boss,
            complaint_id,
            form["substantiated"],
            form["finding"],
            form["outcome"],
            responsible_id,
        ),
    )


FED = {
    "app.visits.service.close_visit": "close_visit",
    "app.visits.service.refer_visit": "refer_visit",
    "app.visits.service.acknowledge_referral": "acknowledge_referral",
    "app.visits.service.confirm_outside_referral": "confirm_outside_referral",
    "app.visits.service.recall_referral": "recall_referral",
    "app.visits.service.reopen_visit": "reopen_visit",
    "app.visits.service.find_visit_by_number": "find_visit_by_number",
    "app.visits.worklist.search_work": "search_work",
    "app.visits.absence.mark_away": "mark_away",
    "app.feedback.ratings.rate_on_citizen_screen": "rate_on_citizen_screen",
    "app.feedback.ratings.record_rating": "record_rating",
    "app.feedback.appeals.appeal_rating": "appeal_rating",
    "app.feedback.appeals.decide_appeal": "decide_appeal",
    "app.feedback.rectifications.close_rectification": "close_rectification",
    "app.feedback.complaints.add_investigation_note": "add_investigation_note",
    "app.feedback.complaints.conclude_complaint": "conclude_complaint",
}


def test_fed_forms_have_tests() -> None:
    missing = {form for form in FED.values() if f"test_{form}" not in globals()}
    assert not missing, f"forms without their test: {sorted(missing)}"
