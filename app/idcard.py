"""The second-generation resident ID card, as a desktop reader hands it to the counter.

Readers sold to service halls ship a vendor library implementing the reader API of the Ministry
of Public Security's standard (``SDT_OpenPort``, ``SDT_StartFindIDCard``, ``SDT_SelectIDCard``,
``SDT_ReadBaseMsg``, ``SDT_ClosePort``). The driver that loads it lives in ``devices/``; this
module holds what does not depend on the library: the port the counter talks to, the layout of
the card's 256-byte text block, the meaning of the return codes, and the checks the clerk must
see (an expired card, a rare character the reader could not encode).

The photo is never kept: the driver wipes its buffer, and nothing here carries it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from app.errors import DomainError

# -- return codes of the reader API ----------------------------------------------------

OK = 0x90
CARD_FOUND = 0x9F
NO_CARD = 0x80

# Code -> (kind, message). Kinds: "port" (the reader is not reachable on the configured port),
# "unplugged" (it stopped answering), "card" (the card is not one the counter can read),
# "retry" (the card moved or was read badly: put it down again), "reader" (the reader's own
# security module or firmware failed: call the hall's IT).
RETURN_CODES: dict[int, tuple[str, str]] = {
    0x01: ("port", "读卡器端口打不开或尚未打开：请检查读卡器的连线和本机设置中的端口号"),
    0x02: ("unplugged", "读卡器没有应答（接收超时）：读卡器可能已拔下或断电"),
    0x03: ("retry", "读卡器数据校验出错：请把证件放稳后重试"),
    0x04: ("port", "读卡器的USB设备未配置：请重新插拔读卡器"),
    0x05: ("port", "该串口上没有读卡器"),
    0x06: ("port", "读卡器的USB设备被系统禁用"),
    0x10: ("reader", "读卡器安全模块校验和出错"),
    0x11: ("reader", "读卡器安全模块接收超时"),
    0x21: ("reader", "读卡器不认识收到的命令（读卡器驱动与动态库版本不符？）"),
    0x23: ("reader", "读卡器拒绝了越权的操作"),
    0x24: ("reader", "读卡器报告无法识别的错误"),
    0x31: ("retry", "证件认证读卡器失败：请把证件放稳后重试"),
    0x32: ("retry", "读卡器认证证件失败：请把证件放稳后重试"),
    0x33: ("card", "证件信息验证失败：证件可能已损坏，请手工录入并核对原件"),
    0x34: ("retry", "尚未找到证件：请把证件放在读卡区"),
    0x40: ("card", "无法识别的卡片：请放居民身份证"),
    0x41: ("retry", "读卡失败：请把证件放稳后重试"),
    0x47: ("retry", "读卡器取随机数失败：请重试"),
    0x60: ("reader", "读卡器安全模块自检失败，不能读卡"),
    0x66: ("reader", "读卡器安全模块未经授权，不能使用"),
    0x81: ("retry", "选卡不成功：证件被移动了，请放稳后重试"),
    0x91: ("card", "证件中没有这项内容"),
}


class ReaderError(DomainError):
    """The reader or its library refused; ``kind`` says what the clerk can do about it."""

    def __init__(self, message: str, code: int | None = None, kind: str = "reader") -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind

    @classmethod
    def from_code(cls, code: int, step: str) -> ReaderError:
        kind, message = RETURN_CODES.get(
            code, ("reader", f"读卡器返回了未知的代码 0x{code:02X}（{step}）")
        )
        return cls(message, code=code, kind=kind)


class ReaderNotConfigured(ReaderError):
    """No library is configured on this PC, or the configured one cannot be used."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind="setup")


NOT_CONFIGURED = (
    "本机没有配置身份证读卡器：请在“设置—本机”中填写读卡器动态库（如 sdtapi.dll）的位置和端口"
)


# -- the card's text block -------------------------------------------------------------

TEXT_BLOCK_SIZE = 256
PHOTO_BLOCK_SIZE = 1024

# (field, characters) in the order of the block; UCS-2 little-endian, padded with spaces.
TEXT_LAYOUT: tuple[tuple[str, int], ...] = (
    ("name", 15),
    ("sex", 1),
    ("nation", 2),
    ("birth_date", 8),
    ("address", 35),
    ("id_number", 18),
    ("authority", 15),
    ("valid_from", 8),
    ("valid_to", 8),
    ("reserved", 18),
)
# The last character of the reserved field says which card this is: a space on the resident
# card, "J" on the residence permit for Hong Kong, Macao and Taiwan residents (same layout),
# "I" on the foreigner's permanent residence card (a different layout, typed by hand).
CARD_KIND_OFFSET = 127

SEXES = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

# GB 3304: the codes of the 56 nationalities.
NATIONS = (
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
)
NATION_NAMES = {f"{i:02d}": name for i, name in enumerate(NATIONS, start=1)} | {
    "97": "其他",
    "98": "外国血统中国籍人士",
}

LONG_TERM = "长期"


@dataclass(frozen=True)
class IdCard:
    """What the counter takes from a card. ``valid_to`` is None for a long-term (长期) card."""

    name: str
    sex: str
    nation: str
    birth_date: date
    address: str
    id_number: str
    authority: str
    valid_from: date
    valid_to: date | None
    kind: str = "resident"  # or "permit" (港澳台居民居住证)


@dataclass(frozen=True)
class CardNote:
    """Something the clerk must see before using the card's data: ``field`` is the form field."""

    field: str
    message: str
    blocking: bool


def _date(text: str, field: str) -> date:
    if len(text) != 8 or not text.isdigit():
        raise ReaderError(f"读卡器返回的{field}不是日期（{text!r}）：请手工录入", kind="card")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        message = f"读卡器返回的{field}不是日期（{text}）：请手工录入"
        raise ReaderError(message, kind="card") from None


def parse_text_block(block: bytes) -> IdCard:
    """The card's fields from the reader's 256-byte text block."""
    if len(block) < TEXT_BLOCK_SIZE:
        message = f"读卡器只返回了{len(block)}字节的文字信息（应为{TEXT_BLOCK_SIZE}）：请重试"
        raise ReaderError(message, kind="retry")
    text = block[:TEXT_BLOCK_SIZE].decode("utf-16-le", errors="replace")
    kind_char = text[CARD_KIND_OFFSET]
    if kind_char == "I":
        raise ReaderError("这是外国人永久居留身份证：请手工录入", kind="card")
    fields: dict[str, str] = {}
    at = 0
    for field, width in TEXT_LAYOUT:
        fields[field] = text[at : at + width].strip(" \x00")
        at += width
    valid_to_text = fields["valid_to"]
    valid_to = (
        None if valid_to_text.startswith(LONG_TERM) else _date(valid_to_text, "有效期截止日期")
    )
    return IdCard(
        name=fields["name"],
        sex=SEXES.get(fields["sex"], fields["sex"]),
        nation=NATION_NAMES.get(fields["nation"], fields["nation"]),
        birth_date=_date(fields["birth_date"], "出生日期"),
        address=fields["address"],
        id_number=fields["id_number"].upper(),
        authority=fields["authority"],
        valid_from=_date(fields["valid_from"], "有效期起始日期"),
        valid_to=valid_to,
        kind="permit" if kind_char == "J" else "resident",
    )


def build_text_block(card: IdCard, sex_code: str = "1", nation_code: str = "01") -> bytes:
    """The text block a reader would return for ``card`` (for stand-in readers and tests)."""
    values = {
        "name": card.name,
        "sex": sex_code,
        "nation": nation_code,
        "birth_date": card.birth_date.strftime("%Y%m%d"),
        "address": card.address,
        "id_number": card.id_number,
        "authority": card.authority,
        "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_to": card.valid_to.strftime("%Y%m%d") if card.valid_to else LONG_TERM,
        "reserved": " " * 17 + ("J" if card.kind == "permit" else " "),
    }
    out = ""
    for field, width in TEXT_LAYOUT:
        value = values[field]
        if len(value) > width:
            raise ValueError(f"{field} longer than {width} characters")
        out += value.ljust(width)
    return out.encode("utf-16-le")


def _private_use_positions(text: str) -> list[int]:
    return [i + 1 for i, ch in enumerate(text) if unicodedata.category(ch) == "Co"]


def review(card: IdCard, today: date) -> list[CardNote]:
    """What the clerk must see: an expired card, characters the reader could not encode.

    Readers return a private-use code point for a rare character that is not in their
    character set: it prints as a blank or a box on every paper, so the clerk corrects it by
    hand from the card; it is never kept silently (blocking until corrected).
    """
    notes = []
    if card.valid_to is not None and card.valid_to < today:
        notes.append(
            CardNote(
                "id_number",
                f"证件已过期（有效期至{card.valid_to.isoformat()}）：请申请人出示有效证件或临时身份证",
                blocking=False,
            )
        )
    if card.valid_from > today:
        notes.append(
            CardNote("id_number", f"证件有效期从{card.valid_from.isoformat()}开始，尚未生效", False)
        )
    for field, label in (("name", "姓名"), ("address", "住址")):
        positions = _private_use_positions(getattr(card, field))
        if positions:
            where = "、".join(f"第{p}个字" for p in positions)
            notes.append(
                CardNote(
                    field,
                    f"{label}的{where}是读卡器无法识别的生僻字：请对照证件原件手工改正",
                    blocking=True,
                )
            )
    return notes


def unresolved_private_use(text: str) -> bool:
    """A value still holding a reader's private-use placeholder."""
    return bool(_private_use_positions(text))


class IdCardReader(Protocol):
    """A reader on this PC. ``read`` returns None when no card lies on it."""

    def open(self) -> None: ...

    def read(self) -> IdCard | None: ...

    def close(self) -> None: ...
