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


def validate_resident_id(value: object, field: str = "id_number", today: date | None = None) -> str:
    """An 18-character resident ID number, upper-case X; spaces inside are dropped."""
    text = re.sub(r"\s+", "", _as_text(value, field).translate(_HALF_WIDTH)).replace("x", "X")
    if not text:
        raise ValidationError.single(field, "请填写身份证号码")
    if re.fullmatch(r"[0-9]{15}", text, re.ASCII):
        raise ValidationError.single(field, "15位旧身份证号码已停用，请填写18位身份证号码")
    if len(text) != 18:
        raise ValidationError.single(field, "身份证号码应为18位")
    if not re.fullmatch(r"[0-9]{17}[0-9X]", text, re.ASCII):
        raise ValidationError.single(field, "身份证号码只能由数字组成，最后一位可以是X")
    if int(text[:2]) not in PROVINCE_CODES:
        raise ValidationError.single(field, "身份证号码前两位不是有效的省级行政区划代码")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValidationError.single(field, "身份证号码中的出生日期无效") from None
    if born.year < 1900:
        raise ValidationError.single(field, "身份证号码中的出生日期无效")
    if born > (today or date.today()):
        raise ValidationError.single(field, "身份证号码中的出生日期晚于今天")
    if id_check_char(text[:17]) != text[17]:
        raise ValidationError.single(field, "身份证号码校验位不正确")
    return text


# The kinds of identity document the counter records (labels in ui/counter/labels.py); only
# the resident ID has a checked format, the others are kept as typed (at most 40 characters).
ID_TYPES = ("resident_id", "hk_macao_taiwan", "passport", "foreign_permanent", "other")


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

_MOBILE = re.compile(r"(?:\+86|0086|86)?(1[3-9][0-9]{9})", re.ASCII)
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
    if category == "Co":  # private-use rare characters still come from old ID card readers
        return True
    if category == "Cn":  # planes 2-3 hold CJK extensions newer than this Python (Ext H, I)
        return 0x20000 <= ord(ch) <= 0x3FFFF
    return ch in _NAME_PUNCTUATION


def validate_name(value: object, field: str = "name", max_len: int = 50) -> str:
    """A person's name: any script, rare characters outside the BMP, the middle dot."""
    text = _as_text(value, field).replace("\u3000", " ").strip().translate(_MIDDLE_DOTS)
    text = re.sub(" {2,}", " ", text)
    if not text:
        raise ValidationError.single(field, "不能为空")
    if len(text) > max_len:
        raise ValidationError.single(field, f"不能超过{max_len}个字")
    bad = next((ch for ch in text if not _name_char_allowed(ch)), None)
    if bad is not None:
        raise ValidationError.single(field, f"含有不允许的字符（U+{ord(bad):04X}）")
    if text[0] == "·" or text[-1] == "·" or "··" in text:
        raise ValidationError.single(field, "间隔号“·”的位置不正确")
    return text


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
