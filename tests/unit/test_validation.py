"""Field validation as a clerk meets it: real ID numbers, phones, rare-character names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.validation import (
    ID_TYPES,
    PROVINCE_CODES,
    FieldErrors,
    mask_id,
    mask_phone,
    validate_id_document,
    validate_login,
    validate_name,
    validate_phone,
    validate_resident_id,
    validate_text,
)

TODAY = date(2025, 6, 1)


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 written out from the standard, independent of the app's table."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    county = draw(st.integers(0, 9999))
    born = draw(st.dates(date(1800, 1, 1), TODAY))  # GB 11643 sets no earliest year
    sequence = draw(st.integers(0, 999))
    first17 = f"{province:02d}{county:04d}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


def error_of(validator: Callable[..., object], *args: object, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as caught:
        validator(*args, **kwargs)
    return next(iter(caught.value.errors.values()))


# -- resident ID numbers ----------------------------------------------------------------


def test_known_valid_id_and_lowercase_x() -> None:
    assert check_char("11010519491231002") == "X"
    assert validate_resident_id("11010519491231002X", today=TODAY) == "11010519491231002X"
    assert validate_resident_id("11010519491231002x", today=TODAY) == "11010519491231002X"
    assert validate_resident_id(" 110105 19491231 002x ", today=TODAY) == "11010519491231002X"
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert validate_resident_id(full_width, today=TODAY) == "11010519491231002X"


@given(resident_ids())
def test_every_correctly_formed_id_is_accepted(number: str) -> None:
    assert validate_resident_id(number, today=TODAY) == number
    assert validate_resident_id(number.lower(), today=TODAY) == number


@given(resident_ids(), st.sampled_from("0123456789X"))
def test_wrong_check_digit_is_refused(number: str, wrong: str) -> None:
    if wrong != number[-1]:
        assert error_of(validate_resident_id, number[:17] + wrong, today=TODAY) == (
            "身份证号码校验位不正确"
        )


@given(resident_ids(), st.integers(0, 16), st.integers(1, 9))
def test_a_single_mistyped_digit_is_never_accepted(number: str, pos: int, shift: int) -> None:
    typo = number[:pos] + str((int(number[pos]) + shift) % 10) + number[pos + 1 :]
    with pytest.raises(ValidationError):
        validate_resident_id(typo, today=TODAY)


@pytest.mark.parametrize(
    ("first17", "message"),
    [
        ("11010519490230002", "身份证号码中的出生日期无效"),  # Feb 30
        ("11010517991231002", "身份证号码中的出生日期无效（1799年）"),  # a typing error
        ("11010520250602002", "身份证号码中的出生日期晚于今天"),
        ("00010519491231002", "身份证号码前两位不是有效的省级行政区划代码"),
        (
            "91105619491231002",
            "以9开头的18位号码是外国人永久居留身份证，请把证件类型选为“外国人永久居留身份证”",
        ),
    ],
)
def test_impossible_ids_are_refused(first17: str, message: str) -> None:
    number = first17 + check_char(first17)
    assert error_of(validate_resident_id, number, today=TODAY) == message


def test_ids_of_people_born_before_1900_are_accepted() -> None:
    """Estates and records of the deceased (GB 11643 sets no earliest birth year)."""
    for first17 in ("11010518991231002", "11010518500101001"):
        number = first17 + check_char(first17)
        assert validate_resident_id(number, today=TODAY) == number


# -- other identity documents -----------------------------------------------------------

PERMANENT_2023 = "9" + "11" + "840" + "19800229" + "123"  # Beijing, USA (840), born Feb 29
RESIDENCE_HK = "810000" + "19750701" + "006"


@pytest.mark.parametrize(
    ("id_type", "typed", "stored"),
    [
        ("foreign_permanent", PERMANENT_2023 + check_char(PERMANENT_2023), None),
        ("foreign_permanent", "usa110080012301", "USA110080012301"),  # 2017 card: 3 letters
        ("hk_macao_taiwan", "h12345678", "H12345678"),  # 港澳通行证
        ("hk_macao_taiwan", "M1234567801", "M1234567801"),  # before 2013: 10 digits
        ("hk_macao_taiwan", "01234567", "01234567"),  # 台胞证
        ("hk_macao_taiwan", RESIDENCE_HK + check_char(RESIDENCE_HK), None),  # 居住证
        ("passport", "e12345678", "E12345678"),
        ("passport", "EA1234567", "EA1234567"),
        ("passport", "X1234567", "X1234567"),  # a foreign passport
        ("passport", "123456789", "123456789"),
        ("other", " 军官证 第0123号 ", "军官证 第0123号"),
    ],
)
def test_documents_in_their_published_format_are_accepted(
    id_type: str, typed: str, stored: str | None
) -> None:
    assert validate_id_document(typed, id_type, today=TODAY) == (stored or typed)


@pytest.mark.parametrize(
    ("id_type", "typed", "words"),
    [
        ("hk_macao_taiwan", "garbage!!", "港澳通行证为H或M加8位数字"),
        ("passport", "garbage!!", "只能由英文字母和数字组成"),
        ("foreign_permanent", "garbage!!", "应为18位（新版，以9开头）或15位"),
        ("hk_macao_taiwan", "H1234567", "H或M加8位数字"),
        ("hk_macao_taiwan", "1234567890", "前面加H或M"),
        ("hk_macao_taiwan", "840000197507010061", "810000（香港）"),
        ("hk_macao_taiwan", RESIDENCE_HK + "0", "居住证号码校验位不正确"),
        ("passport", "ABCDEFGH", "应有数字"),
        ("passport", "EAB123456", "E加8位数字"),
        ("passport", "E1234567890", "应为5至9位字母或数字，现为11位"),
        ("foreign_permanent", "US1110080012301", "3位英文字母（国籍）加12位数字"),
        ("foreign_permanent", "110105194912310021", "以9开头"),
        ("foreign_permanent", "9" + "99" + "840198002291230", "受理地省份代码"),
        ("foreign_permanent", PERMANENT_2023 + "0", "永久居留身份证号码校验位不正确"),
        ("other", "", "请填写证件号码"),
    ],
)
def test_documents_not_in_their_format_are_refused_in_words(
    id_type: str, typed: str, words: str
) -> None:
    assert words in error_of(validate_id_document, typed, id_type, today=TODAY)


def test_unknown_document_kind_names_the_kind_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_document("12345678", "library_card")
    assert set(caught.value.errors) == {"id_type"}


def test_malformed_ids_are_refused_with_the_field_named() -> None:
    assert "15位" in error_of(validate_resident_id, "110105491231002", today=TODAY)
    assert "18位" in error_of(validate_resident_id, "11010519491231002X1", today=TODAY)
    assert "X" in error_of(validate_resident_id, "1101051949123100X2", today=TODAY)
    with pytest.raises(ValidationError) as caught:
        validate_resident_id("", field="agent_id_number")
    assert set(caught.value.errors) == {"agent_id_number"}


def test_masking() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0571-88889999") == "0571-****9999"
    assert mask_phone("0571-88889999-123") == "0571-****9999-123"


# -- phone numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0571-88889999", "0571-88889999"),
        ("057188889999", "0571-88889999"),
        ("(010) 6234 5678", "010-62345678"),
        ("0571－8888999", "0571-8888999"),
        ("0571-88889999转123", "0571-88889999-123"),
        ("021-62345678-8001", "021-62345678-8001"),
    ],
)
def test_phone_numbers_are_accepted_and_tidied(typed: str, stored: str) -> None:
    assert validate_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["12812345678", "1381234567", "138123456789", "88889999", "0571-0888999", "phone", "  "],
)
def test_bad_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phone(typed, field="contact_phone")
    assert set(caught.value.errors) == {"contact_phone"}


# -- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["王𠇹", "䶮", "李〇", "张\U00030000", "阿依古丽·买买提", "Mary-Jane O'Neil", "乌云其木格"],
)
def test_names_with_rare_characters_are_accepted(name: str) -> None:
    assert validate_name(name) == name


def test_a_character_no_bundled_font_has_is_refused_by_name() -> None:
    # U+30041 (CJK Ext G) is in none of the bundled fonts: it would print as a blank.
    message = error_of(validate_name, "王\U00030041芳", field="applicant_name")
    assert "“\U00030041”（U+30041）无法打印" in message and "空白" in message
    assert "U+E000" in error_of(validate_name, "王\ue000")  # a card reader's private character
    assert validate_name("王\U00030ede") == "王\U00030ede"  # Ext G, in BabelStone Han


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ئايگۈل", "维吾尔文等阿拉伯字母写的姓名无法正确打印"),
        ("བཀྲ་ཤིས", "藏文写的姓名无法正确打印"),
        ("ᠪᠠᠲᠤ", "蒙古文写的姓名无法正确打印"),
    ],
)
def test_minority_script_names_are_refused_with_the_reason(name: str, words: str) -> None:
    message = error_of(validate_name, name, field="agent_name")
    assert words in message and "汉字姓名" in message


def test_minority_name_dot_look_alikes_become_the_middle_dot() -> None:
    assert validate_name(" 阿依古丽•买买提\u3000") == "阿依古丽·买买提"
    assert "·" in error_of(validate_name, "·买买提")


def test_name_length_counts_characters_not_bytes() -> None:
    assert validate_name("𠇹" * 50) == "𠇹" * 50
    assert error_of(validate_name, "𠇹" * 51) == "不能超过50个字"


@pytest.mark.parametrize(
    "name", ["", "   ", "王\u202e五", "王\u200f五", "王\x00五", "王\n五", "王\u200b五", "王5"]
)
def test_names_with_hidden_or_control_characters_are_refused(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_name(name, field="applicant_name")
    assert set(caught.value.errors) == {"applicant_name"}


# -- free text and logins ---------------------------------------------------------------


def test_free_text() -> None:
    assert validate_text(" 第一行\r\n第二行\t结束 ", "notes", 100) == "第一行\n第二行 结束"
    assert validate_text("  ", "notes", 100, required=False) == ""
    assert error_of(validate_text, "", "notes", 100) == "不能为空"
    assert "U+202E" in error_of(validate_text, "abc\u202edef", "notes", 100)
    assert "U+0007" in error_of(validate_text, "bell\x07", "notes", 100)
    assert error_of(validate_text, "字" * 11, "notes", 10) == "不能超过10个字"


def test_logins() -> None:
    assert validate_login(" Zhang.Wei_01 ") == "zhang.wei_01"
    for bad in ["a", "x" * 33, "张伟", "zhang wei", "root;--"]:
        with pytest.raises(ValidationError):
            validate_login(bad)


# -- one form, every error at once ------------------------------------------------------


def test_form_reports_every_bad_field_at_once() -> None:
    with pytest.raises(ValidationError) as caught, FieldErrors() as errors:
        name = errors.check("applicant_name", validate_name, "王五")
        errors.check("id_number", validate_resident_id, "11010519491231002", today=TODAY)
        errors.check("phone", validate_phone, "12345")
        errors.check("notes", validate_text, "\x00", max_len=200)
        assert name == "王五"
    assert set(caught.value.errors) == {"id_number", "phone", "notes"}


def test_form_with_good_fields_raises_nothing() -> None:
    errors = FieldErrors()
    phone = errors.check("phone", validate_phone, "138 1234 5678")
    errors.raise_if_any()
    assert phone == "13812345678" and not errors


# -- fuzz: any text gives a value or a ValidationError naming the field -----------------

NASTY = st.sampled_from(
    [
        "'; DROP TABLE cases; --",
        "1' OR '1'='1",
        "\u202e\u2066\u200f",
        "\x00\x1b\x7f\x85",
        "\ufeff\u200b",
        "𠇹䶮〇·",
        "１３８ＸＸ",
        "\U000e0001\U000f0000",
    ]
)
ANY_TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(st.text(max_size=4), NASTY)).map("".join),
    st.builds(lambda s, k: s * k, st.text(min_size=1, max_size=8), st.integers(50, 5000)),
    resident_ids().map(lambda s: s[:10] + "\u202e" + s[10:]),
)
VALIDATORS: list[tuple[Callable[..., str], dict[str, object]]] = [
    (validate_resident_id, {"today": TODAY}),
    *((validate_id_document, {"id_type": kind, "today": TODAY}) for kind in ID_TYPES),
    (validate_phone, {}),
    (validate_name, {}),
    (validate_text, {"max_len": 500}),
    (validate_login, {}),
]


@pytest.mark.parametrize(("validator", "extra"), VALIDATORS)
@given(text=ANY_TEXT)
def test_validators_never_fail_any_other_way(
    validator: Callable[..., str], extra: dict[str, object], text: str
) -> None:
    try:
        cleaned = validator(text, field="the_field", **extra)
    except ValidationError as exc:
        assert set(exc.errors) == {"the_field"} and exc.errors["the_field"]
    else:
        # What was stored once is accepted unchanged when edited again.
        assert validator(cleaned, field="the_field", **extra) == cleaned
        assert not {"\u202e", "\x00"} & set(cleaned)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("张三😀", "不能有表情或图形符号“😀”"),
        ("张三3", "不能有数字“3”"),
        ("张三@", "不能有符号“@”"),
        ("张\u200b三", "不能使用的字符（U+200B）"),
    ],
)
def test_a_character_refused_in_a_name_is_said_in_words(name: str, words: str) -> None:
    assert words in error_of(validate_name, name, field="applicant_name")
