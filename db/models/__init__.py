"""Typed SQLAlchemy models. The schema is made and changed only by Alembic migrations."""

from db.models.agency import AgencyCase, AgencyContact, AgencyStep
from db.models.appointments import (
    Appointment,
    AppointmentClosedDay,
    AppointmentEvent,
    AppointmentSchedule,
    AppointmentSlot,
)
from db.models.base import Base
from db.models.calendar import CalendarDay, CalendarYear
from db.models.cases import (
    AccountabilityRecord,
    CaseEvent,
    CaseFile,
    CaseMaterial,
    ExtraDemand,
    Notice,
    NoticeMaterial,
    NumberCounter,
    Refusal,
    SearchToken,
)
from db.models.catalog import ItemMaterial, ItemStep, ServiceItem, ServiceItemVersion
from db.models.feedback import Complaint, ComplaintNote, Rating, RatingAppeal, Rectification
from db.models.foundation import AuditEvent, AuditHead, Department, Setting, Site, Staff, Window
from db.models.keys import PrintLog, SiteKey
from db.models.queue import QueueGroup, QueueTicket
from db.models.sync import SyncAuditEvent, SyncBundle, SyncOrigin, SyncPeer, SyncRowState
from db.models.visits import Referral, StaffAbsence, Visit, VisitEvent

__all__ = [
    "AccountabilityRecord",
    "AgencyCase",
    "AgencyContact",
    "AgencyStep",
    "Appointment",
    "AppointmentClosedDay",
    "AppointmentEvent",
    "AppointmentSchedule",
    "AppointmentSlot",
    "AuditEvent",
    "AuditHead",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "CaseEvent",
    "CaseFile",
    "CaseMaterial",
    "Complaint",
    "ComplaintNote",
    "Department",
    "ExtraDemand",
    "ItemMaterial",
    "ItemStep",
    "Notice",
    "NoticeMaterial",
    "NumberCounter",
    "PrintLog",
    "QueueGroup",
    "QueueTicket",
    "Rating",
    "RatingAppeal",
    "Rectification",
    "Referral",
    "Refusal",
    "SearchToken",
    "ServiceItem",
    "ServiceItemVersion",
    "Setting",
    "Site",
    "SiteKey",
    "Staff",
    "StaffAbsence",
    "SyncAuditEvent",
    "SyncBundle",
    "SyncOrigin",
    "SyncPeer",
    "SyncRowState",
    "Visit",
    "VisitEvent",
    "Window",
]
