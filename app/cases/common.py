"""What the case services share: counter roles, the yellow threshold, loading a case, reasons."""

from __future__ import annotations

from app.cases.ports import CaseStore
from app.cases.records import CaseRecord
from app.errors import NotFound, ValidationError
from app.roles import (
    COUNTER_ROLES as COUNTER_ROLES,  # re-exported: the case services import it here
)
from app.validation import (
    validate_text,
)


def yellow_ratio(uow: CaseStore) -> float:
    from app import settings

    return float(settings.get(uow, "yellow_ratio_percent")) / 100


def load_case(uow: CaseStore, case_id: int) -> CaseRecord:
    case = uow.cases.get(case_id)
    if case is None:
        raise NotFound(f"没有编号为 {case_id} 的办件")
    return case


def require_reason(reason: str, field: str = "reason", what: str = "原因") -> str:
    text = reason.strip()
    if not text:
        raise ValidationError.single(field, f"请填写{what}")
    return validate_text(text, field=field, max_len=1000)


def optional_note(note: str, field: str = "note") -> str:
    """A note the clerk may leave empty; when written, checked like any free text."""
    return validate_text(note, field=field, max_len=1000, required=False)
