"""The ctypes driver against a stand-in reader library built from C for this run: the binding,
the byte layout and every error code, exactly as with a vendor's sdtapi.dll."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.idcard import RETURN_CODES, ReaderError, ReaderNotConfigured, build_text_block
from devices.sdtapi import SdtReader
from tests.helpers.idcard_reader import PORT, SAMPLE, StandIn, build


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("reader"))


@pytest.fixture
def standin(library: Path) -> Iterator[StandIn]:
    device = StandIn(library)
    yield device
    device.reset()


@pytest.fixture
def reader(library: Path, standin: StandIn) -> Iterator[SdtReader]:
    r = SdtReader(library, PORT)
    yield r
    r.close()


def test_reads_a_card_through_the_vendor_functions(standin: StandIn, reader: SdtReader) -> None:
    standin.put_card(build_text_block(SAMPLE))
    reader.open()
    assert standin.is_open
    assert reader.read() == SAMPLE
    reader.close()
    assert not standin.is_open


def test_no_card_is_not_an_error(standin: StandIn, reader: SdtReader) -> None:
    reader.open()
    assert reader.read() is None
    assert standin.calls("read") == 0


def test_rare_character_survives_the_binding(standin: StandIn, reader: SdtReader) -> None:
    card = replace(SAMPLE, name="王\ue863明")
    standin.put_card(build_text_block(card))
    assert reader.read() == card  # read() opens the port itself


@pytest.mark.parametrize(
    ("step", "code", "kind"),
    [
        ("open", 0x04, "port"),
        ("find", 0x40, "card"),
        ("find", 0x11, "reader"),
        ("select", 0x81, "retry"),
        ("read", 0x41, "retry"),
        ("read", 0x33, "card"),
        ("read", 0x66, "reader"),
        ("read", 0x7E, "reader"),  # a code no standard names
    ],
)
def test_each_failure_gives_its_message(
    standin: StandIn, reader: SdtReader, step: str, code: int, kind: str
) -> None:
    standin.put_card(build_text_block(SAMPLE))
    standin.fail(step, code)
    with pytest.raises(ReaderError) as raised:
        reader.read()
    assert (raised.value.code, raised.value.kind) == (code, kind)
    if code in RETURN_CODES:
        assert raised.value.message == RETURN_CODES[code][1]


def test_port_not_open_when_configured_port_is_wrong(library: Path, standin: StandIn) -> None:
    standin.reset(port=1002)
    r = SdtReader(library, PORT)
    with pytest.raises(ReaderError) as raised:
        r.open()
    assert (raised.value.code, raised.value.kind) == (0x01, "port")


def test_unplugged_reader_is_reported_and_reopened_when_back(
    standin: StandIn, reader: SdtReader
) -> None:
    standin.put_card(build_text_block(SAMPLE))
    reader.open()
    standin.unplug()
    with pytest.raises(ReaderError) as raised:
        reader.read()
    assert raised.value.kind == "unplugged"
    standin.plug()
    opened = standin.calls("open")
    assert reader.read() == SAMPLE
    assert standin.calls("open") == opened + 1


def test_short_text_block_is_refused(standin: StandIn, reader: SdtReader) -> None:
    standin.put_card(build_text_block(SAMPLE))
    standin.short_text(100)
    with pytest.raises(ReaderError, match="只返回了100字节"):
        reader.read()


def test_missing_or_wrong_library_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ReaderNotConfigured, match="没有配置身份证读卡器"):
        SdtReader("", PORT).open()
    with pytest.raises(ReaderNotConfigured, match="找不到读卡器动态库"):
        SdtReader(tmp_path / "sdtapi.dll", PORT).open()
    junk = tmp_path / "junk.so"
    junk.write_bytes(b"not a library")
    with pytest.raises(ReaderNotConfigured, match="无法加载"):
        SdtReader(junk, PORT).open()
    with pytest.raises(ReaderNotConfigured, match="端口 2000 不正确"):
        SdtReader(junk, 2000)


def test_a_library_without_the_reader_functions_is_named(tmp_path: Path) -> None:
    other = build(tmp_path, source="int some_other_device(void) { return 0; }\n")
    with pytest.raises(ReaderNotConfigured, match="不是身份证读卡器的动态库"):
        SdtReader(other, PORT).open()
