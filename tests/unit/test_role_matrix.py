"""Every public service that declares its roles refuses every other role, before it touches
anything; the allowed roles get past the check (the screen hides nothing the service allows)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest

import app
from app.errors import PermissionDenied
from app.roles import Actor, Role, roles_of


def services() -> list[tuple[str, Callable[..., Any]]]:
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.walk_packages(app.__path__, "app."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if callable(obj) and roles_of(obj) is not None and not name.startswith("_"):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return sorted(found.items())


SERVICES = services()


def test_the_matrix_is_not_empty() -> None:
    names = {name.rsplit(".", 1)[-1] for name, _ in SERVICES}
    assert {
        "accept_case",
        "usual_items",
        "extend_case",
        "review_accountability",
        "add_staff",
        "save_item",
        "enter_schedule",
        "issue_one_time_notice",
        "count_breaches",
        "rate_on_citizen_screen",
        "record_rating",
        "rating_for",
        "page_rating_ids",
        "rating_rows",
        "count_ratings",
        "close_rectification",
        "page_rectification_ids",
        "rectification_rows",
        "rectification_for",
        "appeal_rating",
        "decide_appeal",
        "page_appeal_ids",
        "appeal_rows",
        "register_complaint",
        "add_investigation_note",
        "conclude_complaint",
        "get_complaint",
        "page_complaint_ids",
        "complaint_rows",
        "count_complaints",
        "save_schedule",
        "close_day",
        "book_appointment",
        "move_appointment",
        "cancel_appointment",
        "check_in_appointment",
        "mark_no_shows",
        "day_appointments",
        "accept_agency_case",
        "take_on_agency",
        "record_agency_step",
        "record_agency_contact",
        "deliver_agency_result",
        "agency_detail",
        "daily_log",
        "period_log",
        "statistics",
        "statistics_filters",
        # first-inquiry responsibility (issue 6)
        "register_visit",
        "close_visit",
        "refer_visit",
        "acknowledge_referral",
        "confirm_outside_referral",
        "recall_referral",
        "reopen_visit",
        "visit_detail",
        "referral_targets",
        "mark_away",
        "end_absence",
        "current_absences",
        "upcoming_absences",
        "standing_in_for",
        "my_queue",
        "page_visit_ids",
        "page_referral_ids",
        "overdue_referrals",
        "page_deferred_ids",
        "search_work",
    } <= names
    assert len(SERVICES) >= 100


class Untouchable:
    """Stands in for the unit of work: any use of it before the role check fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"service touched uow.{name} before checking the role")


@pytest.mark.parametrize(("name", "service"), SERVICES, ids=[n for n, _ in SERVICES])
@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_refused_or_let_through(
    name: str, service: Callable[..., Any], role: Role
) -> None:
    actor = Actor(staff_id=99, login="tester", name="测试", role=role, site_id=1)
    params = list(inspect.signature(service).parameters.values())[2:]
    args = [
        None
        for p in params
        if p.default is inspect.Parameter.empty
        and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    kwargs = {
        p.name: None
        for p in params
        if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    }
    allowed = roles_of(service)
    assert allowed is not None
    if role in allowed:
        try:
            service(Untouchable(), actor, *args, **kwargs)
        except PermissionDenied:
            pytest.fail(f"{name} refused {role}, which it declares allowed")
        except Exception:
            pass
    else:
        with pytest.raises(PermissionDenied):
            service(Untouchable(), actor, *args, **kwargs)
