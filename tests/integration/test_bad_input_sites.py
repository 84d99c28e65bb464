"""The county's site register and county content (issue #16) fed hostile input
(tests/helpers/hostile.py) on a real store, with the checks of
tests/integration/test_bad_input.py (``attempt``): no crash, field refusals name fields of the
form, a refused call leaves every table and the audit chain as they were.

The hall is a county (the demo hall QH): townships are registered into it, their enrolment
files written, their key files taken in; county content sent to a county is refused."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.sites_register import (
    NEW_SITE_CODE,
    add_site,
    apply_county_content,
    import_site_keys,
    write_enrolment,
)
from app.validation import validate_text
from tests.helpers.bad_input import Hall, attempt, hall_per_store
from tests.helpers.hostile import FORM_SETTINGS, texts

hall = hall_per_store()

FED = {
    "app.sites_register.add_site": "site_add",
    "app.sites_register.write_enrolment": "site_enrolment",
    "app.sites_register.import_site_keys": "site_keys_import",
    "app.sites_register.apply_county_content": "county_content_apply",
}
NO_TYPED_INPUT = {"app.sites_register.list_sites"}

site_codes = st.one_of(st.from_regex(NEW_SITE_CODE, fullmatch=True), texts)
kinds = st.one_of(st.sampled_from(["township", "county", "Township", ""]), texts)


@FORM_SETTINGS
@given(code=site_codes, name=texts, kind=kinds)
def test_site_add(hall: Hall, code: str, name: str, kind: str) -> None:
    saved = attempt(
        hall,
        "site_add",
        {"code", "name", "kind"},
        lambda: add_site(hall.uow(), hall.admin, code, name, kind),
    )
    if saved is not None:
        assert saved.code == code.strip().upper() and kind == "township"
        assert saved.name == validate_text(name, "name", 100)


@FORM_SETTINGS
@given(code=st.one_of(st.sampled_from(["QHXZ", "qhxz", "QH"]), site_codes))
def test_site_enrolment(hall: Hall, code: str) -> None:
    add_site_once(hall)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "site.enrol"
        written = attempt(
            hall,
            "site_enrolment",
            {"code"},
            lambda: write_enrolment(hall.uow(), hall.admin, code, out),
        )
        if written is not None:
            assert written.site_code == "QHXZ" and out.exists()


def add_site_once(hall: Hall) -> None:
    uow = hall.uow()
    with uow.read():
        known = uow.sites.by_code("QHXZ") is not None
    if not known:
        add_site(hall.uow(), hall.admin, "QHXZ", "清河县西镇便民服务中心", "township")


key_files = st.one_of(
    texts,
    st.builds(
        lambda code, key, name: json.dumps(
            {
                "format": "frontdesk-site-key",
                "site_code": code,
                "public_key": key,
                "site_name": name,
            }
        ),
        st.one_of(st.sampled_from(["QHXZ", "QH", "QHNONE"]), texts),
        st.one_of(st.from_regex(r"[0-9a-f]{64}", fullmatch=True), texts),
        texts,
    ),
)


@FORM_SETTINGS
@given(content=key_files)
def test_site_keys_import(hall: Hall, content: str) -> None:
    add_site_once(hall)
    attempt(
        hall,
        "site_keys_import",
        {"public_key"},
        lambda: import_site_keys(hall.uow(), hall.admin, content),
    )


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=12,
)
contents = st.one_of(
    st.dictionaries(
        st.sampled_from(["county", "sites", "catalog_versions", "calendar_days", "trust"]),
        st.lists(st.dictionaries(texts, json_values, max_size=4), max_size=3),
        max_size=5,
    ),
    st.builds(
        lambda as_of, code: {
            "county": [{"format": 1, "county_code": code, "as_of": as_of}],
            "calendar_days": [{"day": "2027-01-04", "is_workday": False, "entered_at": as_of}],
        },
        st.one_of(st.just("2026-11-24T09:00:00+08:00"), texts),
        st.one_of(st.just("QH"), texts),
    ),
)


@FORM_SETTINGS
@given(content=contents)
def test_county_content_apply(hall: Hall, content: dict) -> None:  # type: ignore[type-arg]
    attempt(
        hall,
        "county_content_apply",
        {"content"},
        lambda: apply_county_content(hall.uow(), hall.admin, content),
    )
