"""No service escapes the role matrix (tests/unit/test_role_matrix.py): every public function of
app/ that acts for a logged-in staff member (an ``actor: Actor`` parameter) declares its roles,
or is listed here with the reason it needs none."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import app
from app.roles import roles_of

# Helpers that run inside another service's transaction, after that service checked the role,
# or that serve every logged-in person for their own post.
UNDECLARED = {
    "app.auth.confirm_password": "the idle lock: any person confirms their own password",
    "app.sites.describe_post": "any person's own window and post, shown in the status bar",
    "app.sites.own_site": "inside the services that number what they issue (their roles hold)",
    "app.cases.acceptance.window_id_for": "inside accept_case",
    "app.cases.deferral.approval_override": "inside decide_case (its roles hold)",
    "app.cases.deadlines.recompute_open_cases": "inside enter_schedule and set_day",
    "app.catalog.service.record_draft": "inside save_item and the catalog import",
    "app.catalog.service.set_item_active": "inside deactivate_item and reactivate_item",
    "app.staff.create_staff": "inside add_staff and the first set-up",
    "app.signing.ensure_site_key": "inside set-up and signing, no person needed",
    "app.audit.record": "every service's audit row, inside its transaction",
    "app.audit.next_event": "the row audit.record appends (the scale simulator chains with it)",
    "app.cases.acceptance.acceptance": "the rows of accept_case, built after its checks",
    "app.cases.transitions.transition_event": "the event of every transition, inside it",
    "app.feedback.ratings.new_rating": "the rows of record_rating and rate_on_citizen_screen",
    "app.visits.steps.registration": "the rows of register_visit, built after its checks",
    "app.visits.steps.ending": "the step of close_visit and register_visit's answer",
    "app.visits.steps.new_referral": "the referral refer_visit stores",
    "app.visits.steps.referring": "the step of refer_visit",
    "app.visits.steps.acknowledging": "the step of acknowledge_referral (receiving_for ran)",
    "app.visits.steps.visit_event": "a link of the visit's chain, inside every visit service",
    "app.visits.service.referral_target": "inside refer_visit, resolving where it goes",
    "app.roles.require_role": "the check itself",
    "app.agency.service.check_terms": "inside accept_agency_case and take_on_agency",
    "app.appointments.schedule.load_schedule": "inside the schedule services",
    "app.appointments.schedule.store_schedule": "inside save_schedule and the demo set-up",
    "app.appointments.service.open_visit_for_appointment": "inside check_in_appointment",
    "app.cases.accountability.open_complaint_record": "inside conclude_complaint",
    "app.cases.transitions.may_act": "the owner/backup/agent check inside every transition",
    "app.handover.case_moves": "inside case_detail: what its window offers (its roles hold)",
    "app.feedback.rectifications.cancel_rectification": "inside decide_appeal",
    "app.feedback.rectifications.open_rectification": "inside record_rating",
    "app.reports.daily_log.site_for": "inside daily_log and period_log",
    "app.visits.common.acting_for": "the A/B check inside the visit services",
    "app.visits.common.covered_absences": "inside the work-list services",
    "app.visits.common.receiving_for": "the A/B check inside acknowledge_referral",
    "app.visits.common.require_own_visit": "the site check inside the visit services",
    "app.appointments.service.booking": "the rows of book_appointment, built after its checks",
    "app.appointments.service.checking_in": "the step of check_in_appointment",
    "app.feedback.complaints.conclusion": "the step of conclude_complaint, after its checks",
}


def acting_functions() -> dict[str, object]:
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(app.__path__, "app."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(obj):
                continue
            if obj.__module__ != module.__name__:
                continue
            if "actor" in inspect.signature(obj).parameters:
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


def test_every_acting_function_declares_its_roles_or_says_why_not() -> None:
    functions = acting_functions()
    undeclared = {name for name, fn in functions.items() if roles_of(fn) is None}
    assert undeclared - set(UNDECLARED) == set(), (
        "declare the roles with @allowed_roles (and the role matrix tests them), or list the "
        "function in UNDECLARED with the reason"
    )
    assert set(UNDECLARED) - undeclared == set(), "listed functions that declare roles or are gone"
    assert len(functions) - len(undeclared) >= 50
