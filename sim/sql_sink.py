"""The bulk sink for ``sim.bulk``: the rows the case, rating, visit, complaint and appointment
services would write, in large batches. Personal numbers are sealed and blind-indexed as the
repositories' are (db.sealed).

The columns are filled by the same mappings the repositories use (``applicant_columns``,
``name_tokens``, event detail as JSON), so a bulk-written case reads back exactly like one the
services stored; ``tests/integration/test_scale.py`` compares the two row by row.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Engine

from app.feedback.records import SubjectKind
from app.records import ChainHead
from db import sealed
from db.applicants import applicant_columns
from db.cases_repo import name_tokens
from db.models import (
    AccountabilityRecord,
    Appointment,
    AppointmentSlot,
    AuditEvent,
    AuditHead,
    CaseEvent,
    CaseFile,
    CaseMaterial,
    Complaint,
    ComplaintNote,
    NumberCounter,
    Rating,
    Rectification,
    Referral,
    SearchToken,
    Visit,
    VisitEvent,
)
from db.models import (
    AppointmentEvent as AppointmentEventRow,
)
from sim.bulk import BulkBatch, NextIds


class SqlBulkSink:
    def __init__(self, engine: Engine, site_id: int) -> None:
        self.engine = engine
        self.site_id = site_id

    def begin(self) -> NextIds:
        with self.engine.connect() as conn:
            head = conn.execute(select(AuditHead.seq, AuditHead.hash, AuditHead.key_id)).one()

            def after_last(table: Any) -> int:
                return int(conn.scalar(select(func.coalesce(func.max(table.id), 0))) or 0) + 1

            return NextIds(
                ChainHead(head.seq, head.hash, head.key_id),
                case=after_last(CaseFile),
                accountability=after_last(AccountabilityRecord),
                rating=after_last(Rating),
                rectification=after_last(Rectification),
                visit=after_last(Visit),
                referral=after_last(Referral),
                complaint=after_last(Complaint),
                appointment=after_last(Appointment),
            )

    def write(self, batch: BulkBatch, head: ChainHead) -> None:
        cases: list[dict[str, Any]] = []
        materials: list[dict[str, Any]] = []
        tokens: list[dict[str, Any]] = []
        for case_id, new, final in batch.cases:
            cases.append(
                {
                    "id": case_id,
                    "number": new.number,
                    "site_id": new.site_id,
                    "item_version_id": new.item_version_id,
                    "window_id": new.window_id,
                    "accepted_by": new.accepted_by,
                    "owner_id": new.owner_id,
                    "notice_id": new.notice_id,
                    "is_agency": new.is_agency,
                    "received_at": new.received_at,
                    "accepted_at": new.accepted_at,
                    "accepted_day": new.accepted_day,
                    "committed_days": new.committed_days,
                    "statutory_days": new.statutory_days,
                    "deferred_supply_by": new.deferred_supply_by,
                    "applicant_commitment": new.applicant_commitment,
                    "due_date": new.due_date,
                    "due_provisional": new.due_provisional,
                    "calendar_version": new.calendar_version,
                    "due_moved": False,
                    "decision": "",
                    "decision_note": "",
                    "decided_at": None,
                    "delivered_at": None,
                    "closed_at": None,
                    "open_class": None,
                    "delivery_method": "",
                    "collected_by": "",
                    **applicant_columns(new.applicant),
                    **final,
                }
            )
            materials.extend(
                {"case_id": case_id, "material_id": mid, "state": state, "supplied_at": None}
                for mid, state in new.materials.items()
            )
            tokens.extend(
                {"token": t, "kind": "case", "ref_id": case_id}
                for t in name_tokens(new.applicant.name)
            )
        events = [
            {
                "case_id": case_id,
                "at": e.at,
                "staff_id": e.staff_id,
                "on_behalf_of": e.on_behalf_of,
                "action": str(e.action),
                "from_state": str(e.from_state),
                "to_state": str(e.to_state),
                "reason": e.reason,
                "detail": json.dumps(e.detail, ensure_ascii=False, default=str),
            }
            for case_id, e in batch.events
        ]
        records = [
            {**r, "state": "open", "cause": "", "note": "", "outcome": ""}
            for r in batch.accountability
        ]
        complaints = [
            {
                "id": complaint_id,
                "number": c.number,
                "site_id": c.site_id,
                "target": str(c.target),
                "channel": str(c.channel),
                "staff_id": c.staff_id,
                "window_id": c.window_id,
                "case_id": c.case_id,
                "visit_id": None,
                "complainant_name": c.complainant_name,
                "complainant_phone": c.complainant_phone,
                "content": c.content,
                "received_by": c.received_by,
                "received_at": c.received_at,
                "state": "registered",
                "substantiated": None,
                "finding": "",
                "outcome": "",
                "responsible_id": None,
                "concluded_by": None,
                "concluded_at": None,
                **final,
            }
            for complaint_id, c, final in batch.complaints
        ]
        ratings = [
            {
                "id": rating_id,
                "site_id": r.site_id,
                "case_id": r.subject.id if r.subject.kind is SubjectKind.CASE else None,
                "visit_id": r.subject.id if r.subject.kind is SubjectKind.VISIT else None,
                "level": str(r.level),
                "comment": r.comment,
                "source": str(r.source),
                "rated_staff_id": r.rated_staff_id,
                "window_id": r.window_id,
                "entered_by": r.entered_by,
                "rated_at": r.rated_at,
                "excluded": False,
            }
            for rating_id, r in batch.ratings
        ]
        rectifications = [
            {**r, "state": "open", "note": "", "followup_result": "", "outcome": ""}
            for r in batch.rectifications
        ]
        appointments = [
            {
                "id": appointment_id,
                **a.__dict__,
                "state": "booked",
                "checked_in_at": None,
                "checked_in_by": None,
                **final,
            }
            for appointment_id, a, final in batch.appointments
        ]
        appointment_events = [
            {
                "appointment_id": appointment_id,
                "at": e.at,
                "staff_id": e.staff_id,
                "action": str(e.action),
                "reason": e.reason,
                "detail": json.dumps(e.detail, ensure_ascii=False, default=str),
            }
            for appointment_id, e in batch.appointment_events
        ]
        slots = [
            {"schedule_id": schedule, "day": day, "start_minute": start, "booked": n}
            for (schedule, day, start), n in batch.slots.items()
        ]
        visits: list[dict[str, Any]] = []
        for visit_id, v, final in batch.visits:
            visits.append(
                {
                    "id": visit_id,
                    "number": v.number,
                    "site_id": v.site_id,
                    "window_id": v.window_id,
                    "visitor_name": v.visitor_name,
                    "phone": v.phone,
                    "id_number": v.id_number,
                    "question": v.question,
                    "visit_type": str(v.visit_type),
                    "needs_escort": v.needs_escort,
                    "first_responder_id": v.first_responder_id,
                    "holder_id": v.first_responder_id,
                    "state": "open",
                    "registered_at": v.registered_at,
                    "pending_due_at": None,
                    "outcome": "",
                    "outcome_text": "",
                    "outcome_ref": "",
                    "case_id": None,
                    "appointment_id": None,
                    "guide_code": "",
                    "closed_at": None,
                    "closed_by": None,
                    **final,
                }
            )
            tokens.extend(
                {"token": t, "kind": "visit", "ref_id": visit_id}
                for t in (name_tokens(v.visitor_name) if v.visitor_name else ())
            )
        referrals = [
            {
                "id": referral_id,
                "number": r.number,
                "visit_id": r.visit_id,
                "kind": str(r.kind),
                "state": "pending",
                "from_staff_id": r.from_staff_id,
                "on_behalf_of": r.on_behalf_of,
                "to_window_id": r.to_window_id,
                "to_department_id": r.to_department_id,
                "to_staff_id": r.to_staff_id,
                "to_body": r.to_body,
                "to_contact": r.to_contact,
                "to_phone": r.to_phone,
                "item_version_id": r.item_version_id,
                "reason": r.reason,
                "referred_at": r.referred_at,
                "due_at": r.due_at,
                "acknowledged_at": None,
                "acknowledged_by": None,
                "ack_on_behalf_of": None,
                "ack_note": "",
                **final,
            }
            for referral_id, r, final in batch.referrals
        ]
        visit_events = [
            {
                "visit_id": visit_id,
                "at": e.at,
                "staff_id": e.staff_id,
                "on_behalf_of": e.on_behalf_of,
                "action": str(e.action),
                "from_state": str(e.from_state),
                "to_state": str(e.to_state),
                "holder_id": e.holder_id,
                "referral_id": e.referral_id,
                "reason": e.reason,
                "detail": json.dumps(e.detail, ensure_ascii=False, default=str),
            }
            for visit_id, e in batch.visit_events
        ]
        with self.engine.begin() as conn, sealed.using(sealed.key_id_of(conn)):
            if self.engine.dialect.name == "sqlite":
                conn.execute(text("PRAGMA defer_foreign_keys = ON"))
            for table, rows in (
                (CaseFile, cases),
                (CaseMaterial, materials),
                (SearchToken, tokens),
                (CaseEvent, events),
                (Complaint, complaints),
                (ComplaintNote, batch.complaint_notes),
                (AccountabilityRecord, records),
                (Rating, ratings),
                (Rectification, rectifications),
                (Appointment, appointments),
                (AppointmentEventRow, appointment_events),
                (AppointmentSlot, slots),
                (Visit, visits),
                (Referral, referrals),
                (VisitEvent, visit_events),
                (AuditEvent, [e.__dict__ for e in batch.audit]),
                (
                    NumberCounter,
                    [
                        {"site_id": self.site_id, "kind": kind, "day": d, "last_serial": n}
                        for (kind, d), n in batch.counters.items()
                    ],
                ),
            ):
                if rows:
                    # The column types seal the personal numbers; fill_derived adds their
                    # blind indexes (cases, visits, appointments).
                    conn.execute(insert(table), [sealed.fill_derived(table, r) for r in rows])
            conn.execute(
                update(AuditHead).where(AuditHead.id == 1).values(seq=head.seq, hash=head.hash)
            )
            if self.engine.dialect.name == "postgresql":
                for name in (
                    "case_file",
                    "accountability_record",
                    "rating",
                    "rectification",
                    "visit",
                    "referral",
                    "complaint",
                    "appointment",
                ):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM {name}))"
                        )
                    )


def count_cases(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(CaseFile)) or 0)
