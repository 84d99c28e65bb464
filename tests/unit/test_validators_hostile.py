"""Every validator under hostile input (tests/helpers/hostile.py): it returns a clean value or
refuses with a message at the field it was given, never another exception; what it returns
holds no control character or direction mark; a value it accepted is accepted again as is."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.auth import check_password_strength
from app.cases.common import require_reason
from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
from app.catalog.service import validate_draft
from app.errors import ValidationError
from app.signing import PayloadError, parse_payload
from app.validation import (
    mask_id,
    mask_phone,
    validate_login,
    validate_name,
    validate_phone,
    validate_resident_id,
    validate_text,
)
from app.workdays import parse_schedule
from tests.helpers import hostile
from tests.helpers.figures import record_figures
from tests.helpers.hostile import FORM_SETTINGS, fed, id_numbers, names, phones, texts

TODAY = date(2026, 11, 24)
BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@pytest.fixture(scope="module", autouse=True)
def report_inputs() -> Iterator[None]:
    yield
    counts = {k: v for k, v in sorted(hostile.INPUTS.items()) if k.startswith("validator:")}
    record_figures(
        hostile.figures_name("bad_input_validators"), {"full": hostile.FULL, "inputs": counts}
    )


def clean(text: str, newlines: bool = False) -> bool:
    return not any(
        ch in BIDI
        or unicodedata.category(ch) == "Cs"
        or (unicodedata.category(ch) == "Cc" and not (newlines and ch == "\n"))
        for ch in text
    )


def refused_or_clean(
    form: str, validator: Callable[..., str], value: object, newlines: bool = False, **kw: object
) -> str | None:
    fed(f"validator:{form}")
    try:
        result = validator(value, field="the_field", **kw)
    except ValidationError as exc:
        assert list(exc.errors) == ["the_field"] and exc.errors["the_field"].strip()
        return None
    assert isinstance(result, str) and clean(result, newlines)
    assert validator(result, field="the_field", **kw) == result  # stable: saved as shown
    return result


@FORM_SETTINGS
@given(id_numbers())
def test_resident_id(value: str) -> None:
    result = refused_or_clean("resident_id", validate_resident_id, value, today=TODAY)
    if result is not None:
        assert len(result) == 18 and mask_id(result).count("*") == 8


@FORM_SETTINGS
@given(phones)
def test_phone(value: str) -> None:
    result = refused_or_clean("phone", validate_phone, value)
    if result is not None:
        assert result[-4:] in mask_phone(result) and result not in mask_phone(result)


@FORM_SETTINGS
@given(names)
def test_name(value: str) -> None:
    result = refused_or_clean("name", validate_name, value)
    if result is not None:
        assert 0 < len(result) <= 50


@FORM_SETTINGS
@given(texts, st.integers(1, 2000), st.booleans())
def test_free_text(value: str, max_len: int, required: bool) -> None:
    result = refused_or_clean(
        "text", validate_text, value, newlines=True, max_len=max_len, required=required
    )
    if result is not None:
        assert len(result) <= max_len and (result or not required)


@FORM_SETTINGS
@given(texts)
def test_login(value: str) -> None:
    refused_or_clean("login", validate_login, value)


@FORM_SETTINGS
@given(texts)
def test_password_strength(value: str) -> None:
    fed("validator:password")
    try:
        check_password_strength(value, field="the_field")
    except ValidationError as exc:
        assert list(exc.errors) == ["the_field"]


@FORM_SETTINGS
@given(texts)
def test_reason(value: str) -> None:
    fed("validator:reason")
    try:
        result = require_reason(value, field="the_field")
    except ValidationError as exc:
        assert list(exc.errors) == ["the_field"]
    else:
        assert result.strip() and clean(result, newlines=True)


@FORM_SETTINGS
@given(st.lists(st.one_of(texts, hostile.date_texts), max_size=6).map("\n".join))
def test_holiday_schedule(value: str) -> None:
    fed("validator:schedule")
    try:
        days = parse_schedule(value)
    except ValidationError as exc:
        assert exc.errors and all(key.startswith("line ") for key in exc.errors)
    else:
        assert all(clean(d.name) for d in days)


@FORM_SETTINGS
@given(texts)
def test_scanned_payload(value: str) -> None:
    fed("validator:payload")
    try:
        parse_payload(value)
    except PayloadError as exc:
        assert exc.message.strip()


def drafts() -> st.SearchStrategy[ItemDraft]:
    ints = st.one_of(st.integers(-5, 400), hostile.typed_ints)
    material = st.builds(
        MaterialDraft,
        name=texts,
        form=st.one_of(st.sampled_from(["original", "copy", "original_and_copy"]), texts),
        medium=st.one_of(st.sampled_from(["paper", "electronic", "either"]), texts),
        copies=ints,
        necessity=st.one_of(st.sampled_from(["required", "conditional", "optional"]), texts),
        condition=texts,
        deferrable=st.booleans(),
        requirements=texts,
        template_ref=texts,
    )
    return st.builds(
        ItemDraft,
        code=texts,
        name=texts,
        department=texts,
        statutory_days=ints,
        committed_days=ints,
        category=texts,
        legal_basis=texts,
        conditions=texts,
        fee=texts,
        fee_basis=texts,
        where_when=texts,
        visits_needed=ints,
        consult_phone=texts,
        complaint_phone=texts,
        delivery_methods=texts,
        materials=st.lists(material, max_size=4).map(tuple),
        steps=st.lists(st.builds(StepDraft, name=texts, days=ints), max_size=4).map(tuple),
    )


FIELDS_OF_DRAFT = set(ItemDraft.__dataclass_fields__) - {"base_version_id"}


@FORM_SETTINGS
@given(drafts())
def test_catalog_item_draft(draft: ItemDraft) -> None:
    fed("validator:item_draft")
    try:
        clean_draft = validate_draft(draft)
    except ValidationError as exc:
        for key in exc.errors:  # "materials[2].name" names the material and its field
            assert key.split("[", 1)[0].split(".", 1)[0] in FIELDS_OF_DRAFT, key
    else:
        assert validate_draft(clean_draft) == clean_draft
        json.dumps([m.name for m in clean_draft.materials], ensure_ascii=False)
