"""The bundled fonts as reportlab sees them: registered lazily, once per process.

Registering a font parses its whole file (the two HanaMin fallbacks are 22 and 30 MB, about
100 ms each), so a face is registered the first time a run of text needs it, never up front:
a receipt with common characters only ever touches WenQuanYi Micro Hei.

The ToUnicode fix
-----------------
reportlab embeds a TrueType font as simple-font subsets of up to 256 glyphs and writes, for each
subset, a ToUnicode CMap that maps a one-byte code to the character. It writes the destination as
the raw code point (``<20000>``), but a CMap destination is UTF-16BE, so a character beyond the
BMP must be written as a surrogate pair (``<D840DC00>``). The page looks right; copying,
searching and text extraction give garbage for exactly the rare characters of names that GB
18030 makes us support.

:class:`SubsetFont` fixes that in one place: it lets reportlab build the font objects as usual
(``TTFont.addObjects``), then rewrites the content of the ToUnicode streams of those subsets that
hold a character beyond the BMP. Nothing else of reportlab is patched. If a future reportlab
renames its CMap objects, the lookup fails loudly (``KeyError``) and the extraction tests in
``tests/unit/test_printing_fonts.py`` fail with it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from app.fonts import font_by_key, main_font

_lock = threading.Lock()
_registered: dict[str, str] = {}  # bundled font key -> reportlab font name


def utf16_hex(code_point: int) -> str:
    """The UTF-16BE code units of one character as CMap hex (surrogate pair beyond the BMP)."""
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(name: str, subset: Sequence[int]) -> str:
    """A ToUnicode CMap for one subset: byte code ``i`` is ``subset[i]``.

    Same structure as reportlab's, with UTF-16 destinations and ``bfchar`` blocks of at most
    100 entries (the limit the PDF reference sets).
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({name})",
        f"/Ordering ({name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    entries = [f"<{code:02X}> <{utf16_hex(cp)}>" for code, cp in enumerate(subset)]
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class SubsetFont(TTFont):
    """A reportlab TrueType font whose ToUnicode CMaps are right beyond the BMP."""

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if max(subset, default=0) <= 0xFFFF:
                continue  # reportlab's CMap is right for BMP-only subsets
            face = self.face
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base_name]
            stream.content = to_unicode_cmap(base_name, subset)


def register(key: str) -> str:
    """The reportlab font name of bundled face ``key``, registering it on first use."""
    name = _registered.get(key)
    if name is not None:
        return name
    with _lock:
        name = _registered.get(key)
        if name is None:
            font = font_by_key(key)
            # Our own registered name, so another registration of the same file (with reportlab's
            # plain TTFont) can never stand in for this one. The PDF shows the face's own name.
            name = f"frontdesk-{font.pdf_name}"
            pdfmetrics.registerFont(
                SubsetFont(name, str(font.path), subfontIndex=font.subfont_index)
            )
            _registered[key] = name
    return name


def main_font_name() -> str:
    return register(main_font().key)


def registered_keys() -> frozenset[str]:
    """Which bundled faces this process has registered so far (for tests and the bench)."""
    return frozenset(_registered)
