"""The demo hall's ratings and complaints, through the same services the screens use.

Most applicants rate on the counter's screen right after acceptance, some fill in a paper form,
a few give a bad rating (a rectification item follows, which the supervisor closes on a later
morning, or the clerk appeals); now and then a complaint comes in and is concluded. A random
source of its own keeps the cases of a seed the same as without it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.cases.deadlines import local_day
from app.errors import DomainError
from app.feedback import appeals, complaints, ratings, rectifications
from app.feedback.records import (
    AppealKind,
    ComplaintChannel,
    ComplaintInput,
    ComplaintTarget,
    RatingLevel,
    RatingSource,
    Subject,
)
from app.ports import UnitOfWork
from app.roles import Actor

LEVEL_WEIGHTS = {
    RatingLevel.VERY_SATISFIED: 62,
    RatingLevel.SATISFIED: 24,
    RatingLevel.BASIC: 9,
    RatingLevel.DISSATISFIED: 3,
    RatingLevel.VERY_DISSATISFIED: 2,
}
GOOD_COMMENTS = ("", "", "", "办事效率高", "工作人员很耐心", "一次就办好了，不用跑第二趟")
BAD_COMMENTS = ("排队时间太长", "材料要求没讲清楚", "工作人员态度不好", "")
COMPLAINTS = (
    (ComplaintTarget.STAFF, "工作人员办理时接打私人电话，让群众等候"),
    (ComplaintTarget.STAFF, "窗口工作人员说话生硬，没有耐心解释"),
    (ComplaintTarget.CENTER, "大厅取号机故障，无人引导"),
)


@dataclass
class FeedbackSummary:
    ratings: int = 0
    bad: int = 0
    appeals: int = 0
    complaints: int = 0
    refused: int = 0


@dataclass
class DemoFeedback:
    seed: int
    supervisor: Actor
    rng: random.Random = field(init=False)
    summary: FeedbackSummary = field(default_factory=FeedbackSummary)
    _bad: list[tuple[int, Actor]] = field(default_factory=list)  # (rating id, rated clerk)
    _appealed: list[int] = field(default_factory=list)
    _complaints: dict[int, bool] = field(default_factory=dict)  # id -> investigated yet
    _mornings: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(f"frontdesk-demo-feedback-{self.seed}")

    def after_acceptance(self, uow: UnitOfWork, clerk: Actor, case_id: int) -> None:
        """The applicant rates (or not) right after the case is accepted."""
        rng = self.rng
        roll = rng.random()
        if roll >= 0.88:
            return  # left without rating
        level = rng.choices(list(LEVEL_WEIGHTS), weights=list(LEVEL_WEIGHTS.values()))[0]
        comment = rng.choice(BAD_COMMENTS if level.is_bad else GOOD_COMMENTS)
        subject = Subject.case(case_id)
        try:
            if roll < 0.78:
                done = ratings.rate_on_citizen_screen(uow, clerk, subject, level, comment)
            else:
                done = ratings.record_rating(
                    uow, clerk, subject, level, comment, RatingSource.PAPER
                )
        except DomainError:
            self.summary.refused += 1
            return
        self.summary.ratings += 1
        if done.rectification_id is not None:
            self.summary.bad += 1
            self._bad.append((done.rating_id, clerk))

    def morning(self, make_uow: Callable[[], UnitOfWork], day: date, clerks: list[Actor]) -> None:
        """Appeals are filed and decided, rectifications closed, complaints handled."""
        self._mornings += 1
        boss = self.supervisor
        try:
            for appeal_id in self._appealed:
                upheld = self.rng.random() < 0.5
                note = "经查看录像，确为误按" if upheld else "评价属实，不予支持"
                appeals.decide_appeal(make_uow(), boss, appeal_id, upheld, note)
            self._appealed = []
            for rating_id, clerk in self._bad:
                if self.rng.random() < 0.3:
                    self._appealed.append(
                        appeals.appeal_rating(
                            make_uow(), clerk, rating_id, AppealKind.MISTAKEN, "申请人误按评价键"
                        )
                    )
                    self.summary.appeals += 1
            self._bad = []
            self._close_rectifications(make_uow, day)
            self._handle_complaints(make_uow, clerks)
        except DomainError:
            self.summary.refused += 1

    def _close_rectifications(self, make_uow: Callable[[], UnitOfWork], day: date) -> None:
        boss = self.supervisor
        page = rectifications.page_rectification_ids(make_uow(), boss, "open", None, 1000)
        for item in rectifications.rectification_rows(make_uow(), boss, page.ids):
            if local_day(item.opened_at) >= day or self.rng.random() < 0.65:
                continue  # today's, or not yet followed up
            rectifications.close_rectification(
                make_uow(),
                boss,
                item.id,
                "已约谈当事人，完善一次性告知和引导服务",
                day,
                "电话回访申请人，对整改表示认可",
                self.rng.choice(["resolved", "resolved", "explained"]),
            )

    def _handle_complaints(self, make_uow: Callable[[], UnitOfWork], clerks: list[Actor]) -> None:
        boss = self.supervisor
        for complaint_id, investigated in list(self._complaints.items()):
            if not investigated:  # one morning to investigate, the next to conclude
                complaints.add_investigation_note(
                    make_uow(), boss, complaint_id, "调阅窗口录像，询问当事人和值班人员"
                )
                self._complaints[complaint_id] = True
                continue
            substantiated = complaint_id % 2 == 1
            complaints.conclude_complaint(
                make_uow(),
                boss,
                complaint_id,
                substantiated,
                "情况属实" if substantiated else "经核查，情况不属实",
                "已向投诉人道歉，当事人批评教育" if substantiated else "已向投诉人解释说明",
            )
            del self._complaints[complaint_id]
        if self._mornings % 6 != 2:
            return
        clerk = self.rng.choice(clerks)
        target, text = self.rng.choice(COMPLAINTS)
        done = complaints.register_complaint(
            make_uow(),
            boss,
            ComplaintInput(
                target,
                text,
                self.rng.choice([ComplaintChannel.COUNTER, ComplaintChannel.HOTLINE]),
                staff_id=clerk.staff_id if target is ComplaintTarget.STAFF else None,
            ),
        )
        self._complaints[done.complaint_id] = False
        self.summary.complaints += 1
