"""The case services in one place for callers: acceptance, transitions, warnings and
accountability live in their own modules; this module only gathers their public names."""

from app.cases.acceptance import (
    AcceptResult,
    accept_case,
    check_applicant,
    check_materials,
    window_id_for,
)
from app.cases.accountability import (
    ACCOUNTABILITY_CAUSES,
    WarningScan,
    refresh_warnings,
    review_accountability,
)
from app.cases.common import COUNTER_ROLES, yellow_ratio
from app.cases.transitions import (
    complete_step,
    decide_case,
    deliver_case,
    extend_case,
    resume_case,
    start_case,
    supply_deferred,
    suspend_case,
    terminate_case,
    withdraw_case,
)

__all__ = [
    "ACCOUNTABILITY_CAUSES",
    "COUNTER_ROLES",
    "AcceptResult",
    "WarningScan",
    "accept_case",
    "check_applicant",
    "check_materials",
    "complete_step",
    "decide_case",
    "deliver_case",
    "extend_case",
    "refresh_warnings",
    "resume_case",
    "review_accountability",
    "start_case",
    "supply_deferred",
    "suspend_case",
    "terminate_case",
    "window_id_for",
    "withdraw_case",
    "yellow_ratio",
]
