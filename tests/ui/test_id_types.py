"""The counter offers exactly the identity documents the services accept."""

from __future__ import annotations

from app.validation import ID_TYPES
from ui.counter.labels import id_types


def test_the_id_type_list_matches_the_services() -> None:
    assert tuple(code for code, _label in id_types()) == ID_TYPES
