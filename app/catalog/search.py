"""The catalog's search key: code, name and the pinyin initials of the name, computed at save time.

Clerks find an item by typing its code, a piece of its name, or the first letters of its
pinyin ("zdsh", or "dbsq" for 低保申请 within 最低生活保障申请). Computing the initials when a
version is written keeps a search to one SQL query over ``service_item_version.search_key``.
"""

from __future__ import annotations

import re
import unicodedata

SEARCH_KEY_MAX = 400  # the column's length
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Full-width letters and digits to half-width, lower case, no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def pinyin_initials(name: str) -> str:
    """The first letter of each Chinese character's reading; ASCII letters and digits kept.

    pypinyin reads characters in context (重度 → zhongdu), which is what a clerk types.
    Punctuation and characters without a known reading are dropped.
    """
    from pypinyin import Style, lazy_pinyin  # loading its dictionary takes a moment

    letters: list[str] = []
    for part in lazy_pinyin(fold(name), style=Style.FIRST_LETTER, errors="default"):
        if len(part) == 1 and part.isascii() and part.isalpha() and not _HAN.search(part):
            letters.append(part)
        else:
            letters.extend(_ASCII_WORD.findall(part.lower()))
    return "".join(letters)


def search_key(code: str, name: str) -> str:
    """``"<code> <name> <initials>"``, folded; the code has no spaces, so the parts stay apart."""
    return f"{fold(code)} {fold(name)} {pinyin_initials(name)}"[:SEARCH_KEY_MAX]


def normalize_query(text: str) -> str:
    """What the repository searches for: folded like the key, at most 64 characters."""
    return fold(text)[:64]
