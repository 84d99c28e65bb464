"""读卡 at the applicant form: the real ctypes driver against the stand-in library, polled while
the form is on screen, F4 at once; rare characters and expired cards put in front of the clerk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.idcard import NOT_CONFIGURED, build_text_block
from devices.sdtapi import SdtReader
from tests.helpers.idcard_reader import PORT, SAMPLE, StandIn, build
from ui.counter.applicant import ApplicantForm
from ui.local_settings import LocalSettings

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("reader"))


@pytest.fixture
def standin(library: Path) -> Iterator[StandIn]:
    device = StandIn(library)
    yield device
    device.reset()


@pytest.fixture
def configured(library: Path) -> Iterator[None]:
    before = LocalSettings.load()
    LocalSettings(reader_library=str(library), reader_port=PORT).save()
    yield
    before.save()


def make_form(qtbot, readers=SdtReader) -> ApplicantForm:  # type: ignore[no-untyped-def]
    form = ApplicantForm(lambda: TODAY, card_readers=readers)
    qtbot.addWidget(form)
    form.show()
    with qtbot.waitActive(form):
        form.activateWindow()
    return form


def test_laying_the_card_down_fills_the_form(qtbot, configured, standin: StandIn) -> None:  # type: ignore[no-untyped-def]
    form = make_form(qtbot)
    assert form.reader_row.isVisible() and form.reading.timer.isActive()
    form.fields["phone"].setText("13812345678")  # typed before the card: kept
    standin.put_card(build_text_block(SAMPLE))
    qtbot.waitUntil(lambda: form.fields["id_number"].text() == SAMPLE.id_number, timeout=10_000)
    value = form.value()
    assert (value.name, value.id_type, value.phone) == ("张三", "resident_id", "13812345678")
    assert SAMPLE.address in form.card_status.text() and "2036-05-01" in form.card_status.text()
    assert all(not label.text() for label in form.errors.values())
    # The card still lies there: the clerk's correction is not overwritten on the next poll.
    form.fields["applicant_name"].setText("张叁")
    qtbot.wait(3 * form.reading.timer.interval())
    assert form.fields["applicant_name"].text() == "张叁"
    # F4 reads it again on purpose.
    qtbot.keyClick(form.fields["phone"], Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: form.fields["applicant_name"].text() == "张三", timeout=10_000)


def test_a_rare_character_is_flagged_and_selected(qtbot, configured, standin: StandIn) -> None:  # type: ignore[no-untyped-def]
    form = make_form(qtbot)
    standin.put_card(build_text_block(replace(SAMPLE, name="王\ue863明")))
    qtbot.waitUntil(lambda: bool(form.errors["applicant_name"].text()), timeout=10_000)
    assert "第2个字" in form.errors["applicant_name"].text()
    name = form.fields["applicant_name"]
    assert name.hasFocus() and name.selectedText() == "\ue863"


def test_an_expired_card_is_pointed_out(qtbot, configured, standin: StandIn) -> None:  # type: ignore[no-untyped-def]
    form = make_form(qtbot)
    standin.put_card(build_text_block(replace(SAMPLE, valid_to=date(2026, 1, 1))))
    qtbot.waitUntil(lambda: "已过期" in form.card_status.text(), timeout=10_000)
    assert form.fields["id_number"].text() == SAMPLE.id_number


def test_an_unplugged_reader_stops_polling_with_a_message(  # type: ignore[no-untyped-def]
    qtbot, configured, standin: StandIn
) -> None:
    form = make_form(qtbot)
    qtbot.waitUntil(lambda: standin.is_open, timeout=10_000)
    standin.unplug()
    qtbot.waitUntil(lambda: "没有应答" in form.card_status.text(), timeout=10_000)
    assert not form.reading.timer.isActive()
    standin.plug()
    standin.put_card(build_text_block(SAMPLE))
    qtbot.keyClick(form.fields["applicant_name"], Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: form.fields["id_number"].text() == SAMPLE.id_number, timeout=10_000)
    assert form.reading.timer.isActive()


def test_without_a_reader_f4_says_how_to_set_one_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form(qtbot)
    assert not form.reader_row.isVisible() and not form.reading.timer.isActive()
    form.fields["applicant_name"].setFocus()
    qtbot.keyClick(form.fields["applicant_name"], Qt.Key.Key_F4)
    assert form.reader_row.isVisible() and form.card_status.text() == NOT_CONFIGURED
