"""What the commands share: the one credential check, passwords, dates, writing files."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DomainError

if TYPE_CHECKING:
    from app.roles import Actor
    from cli.wiring import CliContext

EXIT_USER_ERROR = 2
Handler = Callable[[argparse.Namespace], int]


def count_arg(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (else a one-line usage error)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {text}")
        return value

    parse.__name__ = "number"
    return parse


def iso_date(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"{flag}: not a date: {text} (use YYYY-MM-DD)") from None


def login_as(
    ctx: CliContext,
    args: argparse.Namespace,
    *roles: str,
    password: str | None = None,
    data_key: bool = True,
) -> Actor:
    """The one credential check of the commands that change, export or replace data: the
    ``--as`` login (default admin) with FRONTDESK_PASSWORD, in one of ``roles``. Then, unless
    ``data_key`` is False, that this PC holds the personal data key (app.datakey)."""
    from app import datakey
    from app.roles import Role

    actor = ctx.cli_actor(
        args.as_login,
        password or admin_password(),
        roles=frozenset(Role(r) for r in roles),
    )
    if data_key:
        datakey.require_data_key(ctx.uow())
    return actor


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DomainError(f"{path} is not a text file") from None


def write_bytes_file(out: Path, data: bytes, private: bool = True) -> None:
    """Write ``data`` to ``out`` whole or not at all (a partial file renamed into place);
    owner-only unless ``private`` is False."""
    partial = out.with_name(out.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True) if partial.parent.is_dir() else None
        raise DomainError(f"cannot write {out}: {exc.strerror}") from None


def write_text_file(out: Path, text: str, private: bool = True) -> None:
    write_bytes_file(out, text.encode("utf-8"), private)


def key_file_password(confirm: bool = False) -> str:
    hint = "set FRONTDESK_KEYS_PASSWORD to the password that protects the key file"
    given = os.environ.get("FRONTDESK_KEYS_PASSWORD")
    if given:
        return given
    first = prompt_secret("password for the key file: ", hint)
    if confirm and prompt_secret("repeat it: ", hint) != first:
        raise DomainError("the two passwords differ")
    return first


def admin_password() -> str:
    return os.environ.get("FRONTDESK_PASSWORD") or prompt_secret(
        "password of the --as login (default admin): ",
        "set FRONTDESK_PASSWORD to the password of the --as login (default admin)",
    )


def ask_new_password(login: str) -> str:
    hint = f"no password given for {login}: use --password (init: --admin-password)"
    first = prompt_secret(f"new password for {login}: ", hint)
    if prompt_secret("repeat it: ", hint) != first:
        raise DomainError("the two passwords differ")
    return first


def prompt_secret(prompt: str, hint_without_terminal: str) -> str:
    if not sys.stdin.isatty():
        raise DomainError(hint_without_terminal)
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise DomainError(hint_without_terminal) from exc


def say(message: str) -> None:
    print(message, file=sys.stderr)


def no_screen() -> bool:
    """On Linux without X11, Wayland or a platform chosen by hand, Qt would abort with a page
    of plugin names: the window commands say it in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
