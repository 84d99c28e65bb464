"""Guarded updates: a row changes only if it is still as the caller last saw it — at the same
``row_version`` (bumped by the change), or still in the state the move starts from. Anything
else means someone else got there first: :class:`ConcurrentEdit` with the caller's words, and
nothing is changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.errors import ConcurrentEdit
from db.sealed import fill_derived


def _update_one(session: Session, model: Any, guard: Any, refusal: str, **changes: Any) -> None:
    changes = fill_derived(model, changes)  # a changed phone or ID number moves its index
    done = session.execute(
        update(model).where(guard).values(**changes).execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentEdit(refusal)


def update_at_version(
    session: Session, model: Any, row_id: int, expected_version: int, refusal: str, **changes: Any
) -> None:
    """Change row ``row_id`` of ``model`` if its ``row_version`` is still ``expected_version``."""
    guard = (model.id == row_id) & (model.row_version == expected_version)
    _update_one(session, model, guard, refusal, **changes, row_version=model.row_version + 1)


def update_in_state(
    session: Session, model: Any, row_id: int, expected_state: str, refusal: str, **changes: Any
) -> None:
    """Change row ``row_id`` of ``model`` if its ``state`` is still ``expected_state``."""
    guard = (model.id == row_id) & (model.state == str(expected_state))
    _update_one(session, model, guard, refusal, **changes)
