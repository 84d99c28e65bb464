"""Each role's pages (app.workspaces) agree with the roles the pages' services allow: no role
is shown a page whose first query would refuse it, and every role starts where it works."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app import audit, calendar, staff
from app.appointments import schedule
from app.appointments import service as appointments
from app.cases import acceptance, queries
from app.catalog import publication
from app.catalog import service as catalog
from app.feedback import complaints, ratings
from app.queue import service as queue
from app.reports import county, statistics
from app.roles import Role, roles_of
from app.sync import service as sync
from app.visits import worklist
from app.workspaces import PAGES, Page, pages_of, sees

# The services each page calls as soon as it is shown, and the one it exists for.
SERVICES: dict[Page, tuple[Callable[..., Any], ...]] = {
    Page.WORKLIST: (worklist.my_queue, worklist.search_work),
    Page.COUNTER: (acceptance.accept_case, catalog.usual_items),
    Page.CASES: (queries.page_case_ids, queries.case_rows),
    Page.APPOINTMENTS: (appointments.day_appointments, appointments.book_appointment),
    Page.QUEUE: (queue.call_next, queue.take_ticket, queue.queue_groups),
    Page.RATINGS: (ratings.page_rating_ids, ratings.rating_rows),
    Page.STAFF: (staff.list_staff,),
    Page.STATISTICS: (statistics.statistics, statistics.statistics_filters),
    Page.ACCOUNTABILITY: (queries.list_accountability,),
    Page.COMPLAINTS: (complaints.page_complaint_ids, complaints.complaint_rows),
    Page.CALENDAR: (calendar.enter_schedule,),
    Page.AUDIT: (audit.list_events,),
    Page.CATALOG: (publication.publish_version,),  # editing: the administrator's buttons
    Page.APPOINTMENT_SETTINGS: (schedule.save_schedule, schedule.list_schedules),
    Page.SYNC: (
        sync.sync_status,
        sync.export_bundle,
        sync.preview_import,
        sync.import_bundle,
        county.viewable_sites,
        county.silent_townships,
    ),
}


def test_every_page_names_its_services() -> None:
    assert set(SERVICES) == set(Page) - {Page.HOME}


@pytest.mark.parametrize("role", list(Role))
def test_a_role_sees_only_pages_its_services_allow(role: Role) -> None:
    refused = [
        f"{page}: {service.__name__}"
        for page in pages_of(role)
        for service in SERVICES.get(page, ())
        if role not in (roles_of(service) or frozenset())
    ]
    assert refused == []


def test_pages_are_listed_once_and_everyone_has_a_home() -> None:
    for role, pages in PAGES.items():
        assert len(pages) == len(set(pages)), role
        assert sees(role, Page.HOME)


def test_each_role_starts_where_it_works() -> None:
    assert pages_of(Role.CLERK)[0] is Page.WORKLIST
    assert pages_of(Role.SUPERVISOR)[0] is Page.WORKLIST  # 首问督办
    assert pages_of(Role.ADMIN)[0] is Page.HOME
    assert not sees(Role.ADMIN, Page.COUNTER)  # an administrator serves no visitors
