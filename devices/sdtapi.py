"""The ID card reader through the vendor's SDT library (sdtapi.dll / termb.dll / libsdtapi.so).

The library is loaded with ctypes from the path configured on this PC; on Windows the vendor
libraries use the stdcall convention (``WinDLL``). The functions and their return codes are
those of the reader API every second-generation ID card reader ships with:

    int SDT_OpenPort(int port);                        0x90 ok
    int SDT_ClosePort(int port);                       0x90 ok
    int SDT_StartFindIDCard(int port, unsigned char *manage_info, int if_open);  0x9F found
    int SDT_SelectIDCard(int port, unsigned char *serial, int if_open);          0x90 ok
    int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                        unsigned char *photo, unsigned int *photo_len, int if_open);  0x90 ok

Ports 1-16 are serial ports, 1001-1016 USB readers. ``if_open`` is 0: the port is opened once
with ``open`` and kept while the counter's applicant form is open.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from pathlib import Path

from app.idcard import (
    CARD_FOUND,
    NO_CARD,
    NOT_CONFIGURED,
    OK,
    PHOTO_BLOCK_SIZE,
    TEXT_BLOCK_SIZE,
    IdCard,
    ReaderError,
    ReaderNotConfigured,
    parse_text_block,
)

FUNCTIONS = (
    "SDT_OpenPort",
    "SDT_ClosePort",
    "SDT_StartFindIDCard",
    "SDT_SelectIDCard",
    "SDT_ReadBaseMsg",
)
USB_PORTS = range(1001, 1017)
SERIAL_PORTS = range(1, 17)


def check_port(port: int) -> int:
    if port not in USB_PORTS and port not in SERIAL_PORTS:
        raise ReaderNotConfigured(
            f"读卡器端口 {port} 不正确：USB读卡器为1001～1016，串口读卡器为1～16"
        )
    return port


def load_library(path: str | os.PathLike[str]) -> ctypes.CDLL:
    """The vendor library with its functions typed; a clear message when it cannot be used."""
    if not str(path).strip():
        raise ReaderNotConfigured(NOT_CONFIGURED)
    file = Path(path)
    if not file.is_file():
        raise ReaderNotConfigured(f"找不到读卡器动态库：{file}（请检查本机设置中的位置）")
    loader = ctypes.WinDLL if sys.platform == "win32" else ctypes.CDLL  # type: ignore[attr-defined]
    try:
        lib = loader(str(file))
    except OSError as exc:
        raise ReaderNotConfigured(
            f"读卡器动态库无法加载：{file}（{exc.strerror or exc}；32位的库需要32位的程序）"
        ) from None
    missing = [name for name in FUNCTIONS if not hasattr(lib, name)]
    if missing:
        names = ", ".join(missing)
        raise ReaderNotConfigured(f"{file.name} 不是身份证读卡器的动态库（缺少 {names}）")
    c_int, c_uint_p, c_buf = ctypes.c_int, ctypes.POINTER(ctypes.c_uint), ctypes.c_char_p
    lib.SDT_OpenPort.argtypes = [c_int]
    lib.SDT_ClosePort.argtypes = [c_int]
    lib.SDT_StartFindIDCard.argtypes = [c_int, c_buf, c_int]
    lib.SDT_SelectIDCard.argtypes = [c_int, c_buf, c_int]
    lib.SDT_ReadBaseMsg.argtypes = [c_int, c_buf, c_uint_p, c_buf, c_uint_p, c_int]
    for name in FUNCTIONS:
        getattr(lib, name).restype = c_int
    return lib


class SdtReader:
    """app.idcard.IdCardReader over the vendor library. One call at a time (a lock): the
    counter polls from a worker thread while the clerk may also press 读卡."""

    def __init__(self, library: str | os.PathLike[str], port: int) -> None:
        self._path = library
        self._port = check_port(port)
        self._lib: ctypes.CDLL | None = None
        self._open = False
        self._lock = threading.Lock()

    def open(self) -> None:
        with self._lock:
            if self._lib is None:
                self._lib = load_library(self._path)
            if not self._open:
                rc = self._lib.SDT_OpenPort(self._port)
                if rc != OK:
                    raise ReaderError.from_code(rc, "打开端口")
                self._open = True

    def read(self) -> IdCard | None:
        if not self._open:
            self.open()
        with self._lock:
            lib = self._lib
            assert lib is not None
            manage = ctypes.create_string_buffer(8)
            rc = lib.SDT_StartFindIDCard(self._port, manage, 0)
            if rc == NO_CARD:
                return None
            if rc != CARD_FOUND:
                self._after_failure(rc)
                raise ReaderError.from_code(rc, "找卡")
            serial = ctypes.create_string_buffer(8)
            rc = lib.SDT_SelectIDCard(self._port, serial, 0)
            if rc != OK:
                self._after_failure(rc)
                raise ReaderError.from_code(rc, "选卡")
            text = ctypes.create_string_buffer(TEXT_BLOCK_SIZE + 1)
            photo = ctypes.create_string_buffer(PHOTO_BLOCK_SIZE + 1)
            text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
            try:
                rc = lib.SDT_ReadBaseMsg(
                    self._port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0
                )
            finally:
                # The photo is not kept: not by this driver, not in memory after the call.
                ctypes.memset(photo, 0, len(photo))
            if rc != OK:
                self._after_failure(rc)
                raise ReaderError.from_code(rc, "读卡")
            length = min(text_len.value, TEXT_BLOCK_SIZE)
            raw = text.raw[:length]
            ctypes.memset(text, 0, len(text))
        return parse_text_block(raw)

    def _after_failure(self, rc: int) -> None:
        # An unplugged reader or a lost port: the next read opens the port again.
        if rc in (0x01, 0x02, 0x04, 0x06):
            self._close_locked()

    def close(self) -> None:
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        if self._open and self._lib is not None:
            self._lib.SDT_ClosePort(self._port)
        self._open = False
