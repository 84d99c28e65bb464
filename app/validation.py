"""Field validation for every form: ID numbers, phone numbers, names, free text, logins.

Each validator takes the raw value and a field name and returns the cleaned value, or
raises ValidationError naming that field. Messages are in Chinese: clerks see them as is,
next to the field, so they do not repeat the field's label unless it helps.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from types import TracebackType
from typing import Any, TypeVar

from app.errors import ValidationError

T = TypeVar("T")

# Full-width forms typed with a Chinese input method, and dash look-alikes.
_HALF_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "Ｘ": "X",
        "ｘ": "X",
        "\u3000": " ",
        "－": "-",
        "—": "-",
        "–": "-",
        "‐": "-",
        "（": "(",
        "）": ")",
        "＋": "+",
    }
)
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _as_text(value: object, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError.single(field, "格式不正确")
    return value


# -- resident ID number (GB 11643) ------------------------------------------------------

# Provinces, plus 71 Taiwan, 81 Hong Kong, 82 Macao; 83 is the residence permit for
# Taiwan residents, which uses the same number format and is accepted at the counter.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_ID_CHECK_CHARS = "10X98765432"  # indexed by the weighted sum mod 11 (ISO 7064 MOD 11-2)


def id_check_char(first17: str) -> str:
    """The check character for exactly 17 digits."""
    return _ID_CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


# GB 11643 sets no earliest birth year (records of the deceased, estates); a year before this
# is taken for a typing error.
EARLIEST_BIRTH_YEAR = 1800


def _id_compact(value: object, field: str) -> str:
    """Spaces dropped, full-width forms and a lower-case x made plain, letters upper-case."""
    text = re.sub(r"\s+", "", _as_text(value, field).translate(_HALF_WIDTH))
    return text.upper() if text.isascii() else text


def _check_18(text: str, field: str, label: str, today: date | None) -> None:
    """The 18-character number of GB 11643 (and of the documents copying it): 17 digits and
    a MOD 11-2 check character, the birth date in characters 7-14."""
    if len(text) != 18:
        raise ValidationError.single(field, f"{label}应为18位")
    if not re.fullmatch(r"[0-9]{17}[0-9X]", text, re.ASCII):
        raise ValidationError.single(field, f"{label}只能由数字组成，最后一位可以是X")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValidationError.single(field, f"{label}中的出生日期无效") from None
    if born.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError.single(field, f"{label}中的出生日期无效（{born.year}年）")
    if born > (today or date.today()):
        raise ValidationError.single(field, f"{label}中的出生日期晚于今天")
    if id_check_char(text[:17]) != text[17]:
        raise ValidationError.single(field, f"{label}校验位不正确")


def validate_resident_id(value: object, field: str = "id_number", today: date | None = None) -> str:
    """An 18-character resident ID number (GB 11643), upper-case X; spaces inside dropped."""
    text = _id_compact(value, field)
    if not text:
        raise ValidationError.single(field, "请填写身份证号码")
    if re.fullmatch(r"[0-9]{15}", text, re.ASCII):
        raise ValidationError.single(field, "15位旧身份证号码已停用，请填写18位身份证号码")
    if len(text) == 18 and text[0] == "9":
        raise ValidationError.single(
            field, "以9开头的18位号码是外国人永久居留身份证，请把证件类型选为“外国人永久居留身份证”"
        )
    if len(text) == 18 and text[:2].isdigit() and int(text[:2]) not in PROVINCE_CODES:
        raise ValidationError.single(field, "身份证号码前两位不是有效的省级行政区划代码")
    _check_18(text, field, "身份证号码", today)
    return text


# -- other identity documents offered at the counter -------------------------------------

# The kinds of identity document the counter records (labels in ui/counter/labels.py). Each
# but "other" has its published number format, checked by ``validate_id_document``.
ID_TYPES = ("resident_id", "hk_macao_taiwan", "passport", "foreign_permanent", "other")

_MAINLAND_PROVINCES = frozenset(c for c in PROVINCE_CODES if c < 71)


def validate_hk_macao_taiwan(
    value: object, field: str = "id_number", today: date | None = None
) -> str:
    """One of the documents of residents of Hong Kong, Macao and Taiwan:

    * 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits; cards before 2013
      have 10 digits after the letter;
    * 台湾居民来往大陆通行证: 8 digits (the card issued since 2015);
    * 港澳台居民居住证: 18 characters like a resident ID, beginning 810000 (Hong Kong), 820000
      (Macao) or 830000 (Taiwan), with the resident ID's check character.
    """
    text = _id_compact(value, field)
    if not text:
        raise ValidationError.single(field, "请填写证件号码")
    if text[0] in "HM":
        if re.fullmatch(r"[HM](?:[0-9]{8}|[0-9]{10})", text, re.ASCII):
            return text
        return _refuse(
            field, "港澳居民来往内地通行证号码应为字母H或M加8位数字（2013年前的旧证为10位数字）"
        )
    if re.fullmatch(r"[0-9]{8}", text, re.ASCII):
        return text  # 台湾居民来往大陆通行证
    if len(text) == 18 and text[:1] == "8":
        if text[:6] not in ("810000", "820000", "830000"):
            return _refuse(
                field,
                "港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）或830000（台湾）",
            )
        _check_18(text, field, "居住证号码", today)
        return text
    if re.fullmatch(r"[0-9]{10}", text, re.ASCII):
        return _refuse(
            field, "10位数字的号码请在前面加H或M（港澳通行证）；台湾居民来往大陆通行证为8位数字"
        )
    return _refuse(
        field,
        "号码格式不对：港澳通行证为H或M加8位数字，台胞证为8位数字，"
        "港澳台居民居住证为以81、82、83开头的18位号码",
    )


def validate_passport(value: object, field: str = "id_number", today: date | None = None) -> str:
    """A passport number as in the machine-readable zone (ICAO Doc 9303): 5 to 9 letters and
    digits, with at least one digit. A Chinese ordinary passport is E and 8 characters."""
    text = _id_compact(value, field)
    if not text:
        raise ValidationError.single(field, "请填写护照号码")
    if not text.isascii() or not re.fullmatch(r"[A-Z0-9]+", text):
        return _refuse(field, "护照号码只能由英文字母和数字组成，不含空格以外的符号")
    if not 5 <= len(text) <= 9:
        return _refuse(field, f"护照号码应为5至9位字母或数字，现为{len(text)}位")
    if not any(c.isdigit() for c in text):
        return _refuse(field, "护照号码中应有数字")
    if text[0] == "E" and len(text) == 9 and not re.fullmatch(r"E[0-9A-Z][0-9]{7}", text):
        return _refuse(field, "中国普通护照号码应为E加8位数字（或E加1位字母和7位数字）")
    return text


def validate_foreign_permanent(
    value: object, field: str = "id_number", today: date | None = None
) -> str:
    """外国人永久居留身份证: the 2023 card (since 1 December 2023) has 18 characters like a
    resident ID — 9, the 2-digit province that accepted it, a 3-digit nationality code, the
    birth date, a sequence and the MOD 11-2 check character; the 2004 and 2017 cards have 15:
    3 letters (the nationality) and 12 digits."""
    text = _id_compact(value, field)
    if not text:
        raise ValidationError.single(field, "请填写永久居留身份证号码")
    if len(text) == 15:
        if re.fullmatch(r"[A-Z]{3}[0-9]{12}", text, re.ASCII):
            return text
        return _refuse(field, "旧版永久居留身份证号码应为3位英文字母（国籍）加12位数字")
    if len(text) == 18:
        if text[0] != "9":
            return _refuse(
                field,
                "新版永久居留身份证号码以9开头；以其他数字开头的18位号码是居民身份证，请改选证件类型",
            )
        if not text[1:3].isdigit() or int(text[1:3]) not in _MAINLAND_PROVINCES:
            return _refuse(field, f"永久居留身份证号码第2、3位{text[1:3]}不是有效的受理地省份代码")
        _check_18(text, field, "永久居留身份证号码", today)
        return text
    return _refuse(
        field,
        f"永久居留身份证号码应为18位（新版，以9开头）或15位（旧版，3位字母加12位数字），"
        f"现为{len(text)}位",
    )


def _refuse(field: str, message: str) -> str:
    raise ValidationError.single(field, message)


def validate_other_document(
    value: object, field: str = "id_number", today: date | None = None
) -> str:
    """Any other document: its number as typed, at most 40 characters, no control
    characters."""
    text = _as_text(value, field).strip()
    if not text:
        raise ValidationError.single(field, "请填写证件号码")
    return validate_text(text, field, max_len=40)


_ID_VALIDATORS: dict[str, Callable[..., str]] = {
    "resident_id": validate_resident_id,
    "hk_macao_taiwan": validate_hk_macao_taiwan,
    "passport": validate_passport,
    "foreign_permanent": validate_foreign_permanent,
    "other": validate_other_document,
}


def validate_id_document(
    value: object, id_type: str, field: str = "id_number", today: date | None = None
) -> str:
    """The number of an identity document of kind ``id_type`` (one of ``ID_TYPES``),
    checked by that document's published format; the cleaned number."""
    validator = _ID_VALIDATORS.get(id_type)
    if validator is None:
        raise ValidationError.single("id_type", "请选择证件类型")
    return validator(value, field=field, today=today)


def mask_id(value: str) -> str:
    """First 6 and last 4 characters shown, the rest '*'; short values fully masked."""
    text = value.strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_name(value: str) -> str:
    """A name in a list others may see: 王*, 王*芳, 欧阳**锋 (first and last character kept;
    a two-character name keeps only the first). Counted in characters, so a rare character
    outside the BMP is one."""
    text = value.strip()
    if len(text) <= 1:
        return text
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


# -- phone numbers ----------------------------------------------------------------------

_MOBILE_DIGITS = "1[3-9][0-9]{9}"
_MOBILE = re.compile(rf"(?:\+86|0086|86)?({_MOBILE_DIGITS})", re.ASCII)
# A full resident ID or mobile number standing in free text (not part of a longer number):
# what must never reach paper unmasked.
FULL_ID_IN_TEXT = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")
MOBILE_IN_TEXT = re.compile(rf"(?<![0-9]){_MOBILE_DIGITS}(?![0-9])")
# Area codes: 010 and 02x have three digits, all others four. Local numbers start 2-9.
_LANDLINE = re.compile(
    r"(010|02[0-9]|0[3-9][0-9]{2})-?([2-9][0-9]{6,7})(?:(?:-|转|分机|ext\.?|x|#)([0-9]{1,6}))?",
    re.ASCII | re.IGNORECASE,
)


def validate_phone(value: object, field: str = "phone") -> str:
    """A mobile number ("13812345678") or a landline with area code ("0571-88889999",
    extension as "0571-88889999-123"). Spaces, brackets, dashes and +86 are tidied away."""
    text = re.sub(r"[\s()]", "", _as_text(value, field).translate(_HALF_WIDTH))
    if not text:
        raise ValidationError.single(field, "请填写联系电话")
    mobile = _MOBILE.fullmatch(text.replace("-", ""))
    if mobile:
        return mobile.group(1)
    landline = _LANDLINE.fullmatch(text)
    if landline:
        area, local, extension = landline.groups()
        return f"{area}-{local}" + (f"-{extension}" if extension else "")
    raise ValidationError.single(
        field, "电话号码格式不正确：手机号码为11位，固定电话需带区号（如0571-88889999）"
    )


def mask_phone(value: str) -> str:
    """Mobile as 138****5678; landline keeps area code, extension and the last 4 digits."""
    text = value.strip()
    if re.fullmatch(r"1[0-9]{10}", text, re.ASCII):
        return text[:3] + "****" + text[7:]
    area, dash, rest = text.partition("-")
    if not dash:
        return "*" * len(text) if len(text) <= 7 else text[:3] + "*" * (len(text) - 7) + text[-4:]
    local, dash2, extension = rest.partition("-")
    masked = "*" * (len(local) - 4) + local[-4:] if len(local) > 4 else "*" * len(local)
    return f"{area}-{masked}{dash2}{extension}"


# -- names and free text ----------------------------------------------------------------

# Look-alikes of the middle dot in ethnic-minority names (阿依古丽·买买提).
_MIDDLE_DOTS = str.maketrans(dict.fromkeys("•・･‧∙⋅．", "·"))
_NAME_PUNCTUATION = frozenset(" ·-'.")


def _name_char_allowed(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category[0] in "LM" or category == "Nl":  # letters, marks (variation selectors), 〇
        return True
    if category == "Cn":  # planes 2-3 hold CJK extensions newer than this Python (Ext H, I)
        return 0x20000 <= ord(ch) <= 0x3FFFF
    return ch in _NAME_PUNCTUATION


def _not_in_a_name(ch: str) -> str:
    """Why a character cannot be in a name, in words a clerk reads aloud."""
    category = unicodedata.category(ch)
    if category == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF:
        return f"姓名中不能有表情或图形符号“{ch}”，请删去"
    if category[0] == "N":
        return f"姓名中不能有数字“{ch}”"
    if category[0] in "PS":
        return f"姓名中不能有符号“{ch}”（只可用间隔号“·”、空格、连字符和撇号）"
    return f"姓名中有不能使用的字符（U+{ord(ch):04X}），请删去"


def validate_name(value: object, field: str = "name", max_len: int = 50) -> str:
    """A person's name: any script, rare characters outside the BMP, the middle dot."""
    text = _as_text(value, field).replace("\u3000", " ").strip().translate(_MIDDLE_DOTS)
    text = re.sub(" {2,}", " ", text)
    if not text:
        raise ValidationError.single(field, "不能为空")
    if len(text) > max_len:
        raise ValidationError.single(field, f"不能超过{max_len}个字")
    private = [i + 1 for i, ch in enumerate(text) if unicodedata.category(ch) == "Co"]
    if private:
        # Old ID card readers and some input methods put a private-use code point where a rare
        # character should be: it prints as a blank, so the clerk corrects it from the card.
        where = "、".join(f"第{i}个字（U+{ord(text[i - 1]):04X}）" for i in private)
        raise ValidationError.single(
            field, f"{where}是无法打印的私用字（常见于读卡器读出的生僻字）：请对照证件改正"
        )
    _check_script(text, field)
    bad = next((ch for ch in text if not _name_char_allowed(ch)), None)
    if bad is not None:
        raise ValidationError.single(field, _not_in_a_name(bad))
    if text[0] == "·" or text[-1] == "·" or "··" in text:
        raise ValidationError.single(field, "间隔号“·”的位置不正确")
    _check_covered(text, field)
    return text


# Scripts whose letters change shape with their neighbours: the PDF renderer draws one glyph per
# character, so a name in them would print as disjoined or wrong letters (docs/IDENTITY.md).
_SHAPED_SCRIPTS = (
    (0x0600, 0x06FF, "维吾尔文等阿拉伯字母", "阿依古丽·买买提"),
    (0x0750, 0x077F, "维吾尔文等阿拉伯字母", "阿依古丽·买买提"),
    (0x08A0, 0x08FF, "维吾尔文等阿拉伯字母", "阿依古丽·买买提"),
    (0xFB50, 0xFDFF, "维吾尔文等阿拉伯字母", "阿依古丽·买买提"),
    (0xFE70, 0xFEFF, "维吾尔文等阿拉伯字母", "阿依古丽·买买提"),
    (0x0F00, 0x0FFF, "藏文", "扎西顿珠"),
    (0x1800, 0x18AF, "蒙古文", "巴特尔"),
    (0x11660, 0x1167F, "蒙古文", "巴特尔"),
)


def _check_script(text: str, field: str) -> None:
    """Refuse a name in a script that needs shaping, saying so in words."""
    for ch in text:
        for lo, hi, script, example in _SHAPED_SCRIPTS:
            if lo <= ord(ch) <= hi:
                raise ValidationError.single(
                    field,
                    f"{script}写的姓名无法正确打印（字母须连写变形，本系统打印不支持），"
                    f"请填写证件上的汉字姓名，如“{example}”",
                )


def _check_covered(text: str, field: str) -> None:
    """Refuse a character no bundled font has (it would print as a blank), naming it."""
    from app.fonts import uncovered_chars

    missing = uncovered_chars(text)
    if missing:
        listed = "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in missing[:5])
        more = f"等{len(missing)}个字" if len(missing) > 5 else ""
        raise ValidationError.single(
            field,
            f"{listed}{more}无法打印：本系统的字体没有这个字，打印出来会是空白。"
            "请核对是否输错，或与管理员联系",
        )


def refuse_lone_surrogates(text: str, field: str) -> str:
    """A lone surrogate (U+D800-U+DFFF, from a broken paste or a non-UTF-8 argument) is no
    character: no database can store or compare it. Refused with a field message, not a crash."""
    bad = next((ch for ch in text if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        raise ValidationError.single(field, f"含有无效的字符（U+{ord(bad):04X}），请重新输入")
    return text


def validate_text(value: object, field: str, max_len: int, required: bool = True) -> str:
    """Free text: newlines kept (as \\n), tabs become spaces, other control characters
    and bidi marks refused; length counted in characters."""
    text = _as_text(value, field)
    for newline in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(newline, "\n")
    text = text.replace("\t", " ").strip()
    if not text:
        if required:
            raise ValidationError.single(field, "不能为空")
        return ""
    if len(text) > max_len:
        raise ValidationError.single(field, f"不能超过{max_len}个字")
    bad = next(
        (
            ch
            for ch in text
            if ch in _BIDI_CONTROLS or (ch != "\n" and unicodedata.category(ch) in ("Cc", "Cs"))
        ),
        None,
    )
    if bad is not None:
        raise ValidationError.single(field, f"含有不允许的控制字符（U+{ord(bad):04X}）")
    return text


def validate_login(value: object, field: str = "login") -> str:
    """A login name: 2-32 of a-z 0-9 _ . - (ASCII capitals are lowered)."""
    text = _as_text(value, field).strip()
    if text.isascii():
        text = text.lower()
    if not text:
        raise ValidationError.single(field, "请填写登录名")
    if not re.fullmatch(r"[a-z0-9_.-]{2,32}", text, re.ASCII):
        raise ValidationError.single(
            field, "登录名只能由小写字母、数字、下划线、点和短横线组成，长度2至32位"
        )
    return text


# -- collecting errors ------------------------------------------------------------------


class FieldErrors:
    """Collects every bad field of a form, so the clerk sees them all at once.

    Usage::

        with FieldErrors() as errors:
            name = errors.check("applicant_name", validate_name, form.name)
            phone = errors.check("phone", validate_phone, form.phone)
        # leaving the block raises one ValidationError if any field was bad
    """

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def check(self, field: str, validator: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run ``validator(*args, field=field, **kwargs)``; its value, or None if it failed."""
        try:
            return validator(*args, field=field, **kwargs)
        except ValidationError as exc:
            for name, message in exc.errors.items():
                self.errors.setdefault(name, message)
            return None

    def add(self, field: str, message: str) -> None:
        """Record a rule checked by hand; the first message for a field wins."""
        self.errors.setdefault(field, message)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def __enter__(self) -> FieldErrors:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.raise_if_any()


def is_mobile(phone: str) -> bool:
    """A tidied phone number (as validate_phone returns it) is a mobile number."""
    return _MOBILE.fullmatch(phone) is not None


def has_personal_numbers(text: str) -> bool:
    """Free text holds a full resident ID or a full mobile number."""
    return bool(FULL_ID_IN_TEXT.search(text) or MOBILE_IN_TEXT.search(text))


def mask_personal_numbers(text: str) -> str:
    """Free text as it may be printed: every full ID or mobile number typed into it masked."""
    text = FULL_ID_IN_TEXT.sub(lambda m: mask_id(m.group(0)), text)
    return MOBILE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
