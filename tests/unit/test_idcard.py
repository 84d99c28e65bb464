"""The card's text block, its codes, and what the clerk must be told about a card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.idcard import (
    TEXT_BLOCK_SIZE,
    ReaderError,
    build_text_block,
    parse_text_block,
    review,
    unresolved_private_use,
)
from tests.helpers.idcard_reader import SAMPLE


def test_text_block_is_256_bytes_of_ucs2_in_the_standard_order() -> None:
    block = build_text_block(SAMPLE, sex_code="1", nation_code="01")
    assert len(block) == TEXT_BLOCK_SIZE
    # name: 15 characters from byte 0; the ID number: 18 characters from byte 122
    assert block[0:4].decode("utf-16-le") == "张三"
    assert block[122:158].decode("utf-16-le") == "110101198503070013"
    assert block[188:204].decode("utf-16-le") == "20160501"
    assert parse_text_block(block) == SAMPLE


def test_codes_become_words_and_long_term_cards_have_no_end() -> None:
    card = replace(SAMPLE, valid_to=None, sex="女", nation="维吾尔", name="阿依古丽·买买提")
    parsed = parse_text_block(build_text_block(card, sex_code="2", nation_code="05"))
    assert (parsed.sex, parsed.nation, parsed.valid_to) == ("女", "维吾尔", None)
    assert parsed.name == "阿依古丽·买买提"


def test_residence_permit_is_read_and_foreigners_card_is_refused() -> None:
    permit = replace(SAMPLE, kind="permit", id_number="810000199001010012")
    assert parse_text_block(build_text_block(permit)).kind == "permit"
    block = bytearray(build_text_block(SAMPLE))
    block[254:256] = "I".encode("utf-16-le")
    with pytest.raises(ReaderError, match="外国人永久居留身份证"):
        parse_text_block(bytes(block))


def test_short_or_garbled_block_is_refused_with_a_message() -> None:
    with pytest.raises(ReaderError, match="只返回了100字节"):
        parse_text_block(b"\x00" * 100)
    block = bytearray(build_text_block(SAMPLE))
    block[36:52] = "1985AB07".encode("utf-16-le")
    with pytest.raises(ReaderError, match="出生日期"):
        parse_text_block(bytes(block))


def test_expired_card_is_pointed_out_but_not_blocking() -> None:
    notes = review(replace(SAMPLE, valid_to=date(2026, 1, 1)), today=date(2026, 12, 6))
    assert [(n.field, n.blocking) for n in notes] == [("id_number", False)]
    assert "已过期（有效期至2026-01-01）" in notes[0].message
    assert review(SAMPLE, today=date(2026, 12, 6)) == []
    assert review(replace(SAMPLE, valid_to=None), today=date(2099, 1, 1)) == []


def test_private_use_characters_are_flagged_blocking_with_their_place() -> None:
    card = replace(SAMPLE, name="王\ue863明", address="浙江省\ue000\ue001村")
    notes = review(card, today=date(2026, 12, 6))
    assert [(n.field, n.blocking) for n in notes] == [("name", True), ("address", True)]
    assert "第2个字" in notes[0].message
    assert "第4个字、第5个字" in notes[1].message
    assert unresolved_private_use(card.name)
    assert not unresolved_private_use("王𠀀明")  # a real Extension B character is fine


def test_unknown_code_is_named_in_hex() -> None:
    error = ReaderError.from_code(0x7E, "读卡")
    assert "0x7E" in error.message and error.kind == "reader"
    assert ReaderError.from_code(0x02, "找卡").kind == "unplugged"


def test_a_name_with_a_private_use_character_is_refused_everywhere() -> None:
    from app.errors import ValidationError
    from app.validation import validate_name

    with pytest.raises(ValidationError) as raised:
        validate_name("王\ue863明", field="applicant_name")
    assert "第2个字（U+E863）是无法打印的私用字" in raised.value.errors["applicant_name"]
    assert validate_name("王𠀀明") == "王𠀀明"
