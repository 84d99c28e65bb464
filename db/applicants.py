"""The applicant columns every case, notice and refusal row carries, to and from the record."""

from __future__ import annotations

from typing import Any

from app.cases.records import ApplicantInput


def applicant_of(row: Any) -> ApplicantInput:
    return ApplicantInput(
        name=row.applicant_name,
        id_number=row.id_number,
        phone=row.phone,
        id_type=row.id_type,
        agent_name=row.agent_name,
        agent_id_number=row.agent_id_number,
        agent_phone=row.agent_phone,
    )


def applicant_columns(a: ApplicantInput) -> dict[str, str]:
    return {
        "applicant_name": a.name,
        "id_type": a.id_type,
        "id_number": a.id_number,
        "phone": a.phone,
        "agent_name": a.agent_name,
        "agent_id_number": a.agent_id_number,
        "agent_phone": a.agent_phone,
    }
