"""The counter offers exactly the identity documents the services accept."""

from __future__ import annotations

from app.validation import ID_TYPES
from ui.counter.labels import id_types


def test_the_id_type_list_matches_the_services() -> None:
    assert tuple(code for code, _label in id_types()) == ID_TYPES


def test_the_counter_checks_the_chosen_document_as_the_service_does(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from ui.counter.applicant import ApplicantForm

    form = ApplicantForm(lambda: date(2026, 12, 6))
    qtbot.addWidget(form)
    form.id_type.setCurrentIndex(form.id_type.findData("passport"))
    form.fields["id_number"].setText("garbage!!")
    form.check_field("id_number")
    assert "护照号码只能由英文字母和数字组成" in form.errors["id_number"].text()
    form.id_type.setCurrentIndex(form.id_type.findData("foreign_permanent"))  # rechecks
    assert "永久居留身份证号码应为18位" in form.errors["id_number"].text()
    form.fields["id_number"].setText("911276198002291236")
    form.check_field("id_number")
    assert form.errors["id_number"].text() == ""
