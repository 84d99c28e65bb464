"""The in-memory unit of work offers every repository the case, notice and visit services
see, and each fake repository every method of its port, except the ones named here that the
database tests alone prove (SQL list queries, and the catalog and agency services' own
writes, which those rules never call)."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

import pytest

from app.agency.ports import AgencyRepository
from app.calendar import CalendarRepository
from app.cases.ports import CaseRepository, CaseStore
from app.catalog.ports import CatalogRepository
from app.clock import ManualClock
from app.notices.ports import NoticeRepository, NoticeStore
from app.numbering import CounterRepository
from app.ports import AuditRepository, SettingRepository, SiteRepository, StaffRepository
from app.visits.ports import AbsenceRepository, VisitRepository, VisitStore
from tests.helpers.fakes import FakeUnitOfWork

PORTS: dict[str, type] = {
    "sites": SiteRepository,
    "staff": StaffRepository,
    "audit": AuditRepository,
    "settings": SettingRepository,
    "catalog": CatalogRepository,
    "calendar": CalendarRepository,
    "numbers": CounterRepository,
    "cases": CaseRepository,
    "agency": AgencyRepository,
    "absences": AbsenceRepository,
    "notices": NoticeRepository,
    "visits": VisitRepository,
}
LEFT_TO_THE_DATABASE = {
    "cases": {"query_ids", "rows", "count", "warning_counts"},
    "visits": {
        "query_visit_ids",
        "visit_rows",
        "count_visits",
        "query_referral_ids",
        "referral_rows",
        "count_referrals",
    },
    # The rules read versions only; items are written by the catalog service.
    "catalog": {
        "add_item",
        "add_version",
        "last_version_no",
        "set_current_version",
        "set_active",
        "summaries",
        "search",
        "current_entries",
        "publish_version",
    },
    # The case rules ask only who the agent is; the agency service keeps its own records.
    "agency": {
        "add",
        "get",
        "add_step",
        "add_contact",
        "case_ids_taken_on",
        "count_steps",
        "count_contacts",
        "count_delivered",
        "count_open",
    },
}


def members(protocol: type) -> set[str]:
    """The names a protocol declares, its bases' included."""
    return {
        name
        for klass in protocol.__mro__
        if klass not in (object,) and getattr(klass, "_is_protocol", False)
        for name, value in vars(klass).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }


def fake() -> FakeUnitOfWork:
    return FakeUnitOfWork(ManualClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC)))


@pytest.mark.parametrize("store", [CaseStore, NoticeStore, VisitStore])
def test_the_fake_offers_every_repository_of_the_store(store: type) -> None:
    uow = fake()
    wanted = members(store) | {"clock"}
    assert {"cases", "numbers", "read", "write"} <= wanted  # the scan finds the properties
    assert sorted(n for n in wanted if not hasattr(uow, n)) == []


@pytest.mark.parametrize("name", sorted(PORTS))
def test_each_fake_repository_has_its_ports_methods(name: str) -> None:
    repo = getattr(fake(), name)
    declared = members(PORTS[name])
    skipped = LEFT_TO_THE_DATABASE.get(name, set())
    assert skipped <= declared, "a skipped method the port no longer has"
    missing = sorted(m for m in declared - skipped if not callable(getattr(repo, m, None)))
    assert missing == []
    for method in declared - skipped:  # same parameter names, so keyword calls work
        port_params = list(inspect.signature(getattr(PORTS[name], method)).parameters)[1:]
        fake_params = list(inspect.signature(getattr(repo, method)).parameters)
        if "fields" in port_params or "changes" in port_params:
            continue  # **kwargs on either side
        assert fake_params[: len(port_params)] == port_params, method
