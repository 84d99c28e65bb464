"""What a counter's keyboard, a card reader, a scanner or a confused user can type: strategies
for property tests of every validator and every service that takes typed input, and the count
of inputs each form was fed.

The default run feeds each form ``EXAMPLES_PER_FORM`` inputs (50). The full run, a separate
command because it takes long, feeds 10,000 per form:

    HYPOTHESIS_PROFILE=full python -m pytest -p no:cacheprovider \\
        tests/unit/test_validators_hostile.py tests/integration/test_bad_input*.py

Each module writes its counts to ``build/reliability/bad_input_<module>[_full].json``.
"""

from __future__ import annotations

import operator
import os
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.clock import DEFAULT_TZ
from app.validation import PROVINCE_CODES, id_check_char

FULL = os.environ.get("HYPOTHESIS_PROFILE") == "full"
EXAMPLES_PER_FORM = int(os.environ.get("FRONTDESK_INPUTS_PER_FORM", 10_000 if FULL else 50))

FORM_SETTINGS = settings(
    max_examples=EXAMPLES_PER_FORM,
    deadline=None,
    # One store per module serves every example; generating long strings is slow on purpose.
    suppress_health_check=list(HealthCheck),
    derandomize=not FULL,  # the default run is the same on every push
    print_blob=True,
)

INPUTS: Counter[str] = Counter()  # form -> inputs fed
ACCEPTED: Counter[str] = Counter()  # form -> inputs the service took (stored or answered)


def fed(form: str) -> None:
    INPUTS[form] += 1


def figures_name(base: str) -> str:
    """The full run keeps its figures apart, so a default run meanwhile does not replace them."""
    return f"{base}_full" if FULL else base


# -- text ---------------------------------------------------------------------------------

SPECIAL = (
    "",
    " ",
    "\u3000",
    "\t",
    "\n",
    "\r\n",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\uffff",
    "'",
    '"',
    "\\",
    "%",
    "_",
    "' OR '1'='1",
    "'; DROP TABLE case_file; --",
    "Robert'); DROP TABLE staff;--",
    "1; SELECT password_hash FROM staff",
    '" UNION SELECT * FROM audit_event --',
    "%' AND 1=1 --",
    "NULL",
    "None",
    "<script>alert(1)</script>",
    "../../../etc/passwd",
    "C:\\Windows\\System32",
    "%s%s%n",
    "{0}{1}",
    "${jndi:ldap://x}",
    "𠀀",
    "𪚥",
    "𬌗",
    "䶮",
    "\U00030000",  # CJK Extension G
    "\U00031350",  # CJK Extension H
    "\U0002ebf0",  # CJK Extension I
    "王𠇹",
    "阿依古丽·买买提",
    "　王　芳　",
    "e\u0301",
    "\U000e0001",
    "\U0010ffff",
    "\ue000",
    "﷽",
    "🙂",
    "👨\u200d👩\u200d👧",
    "Ｘ",
    "１２３",
    "—",
)

_special = st.sampled_from(SPECIAL)
_short = st.text(max_size=12)
_long = st.builds(operator.mul, st.text(min_size=1, max_size=4), st.integers(60, 4000))
_mixed = st.lists(st.one_of(_special, _short), min_size=1, max_size=6).map("".join)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    """A correctly formed 18-character ID (province, birth date, check character)."""
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    born = draw(st.dates(date(1900, 1, 1), date(2025, 12, 31)))
    first17 = f"{province:02d}{draw(st.integers(0, 9999)):04d}{born:%Y%m%d}"
    first17 += f"{draw(st.integers(0, 999)):03d}"
    return first17 + id_check_char(first17)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    """Good IDs and the ways they go wrong: a typo, lower-case x, spaces, full-width digits,
    old 15-digit numbers, wrong lengths, letters."""
    good = draw(resident_ids())
    how = draw(st.integers(0, 7))
    if how == 0:
        return good
    if how == 1:
        pos = draw(st.integers(0, 17))
        return good[:pos] + draw(st.sampled_from("0123456789Xx ")) + good[pos + 1 :]
    if how == 2:
        return good.lower()
    if how == 3:
        return " ".join([good[:6], good[6:14], good[14:]])
    if how == 4:
        return good.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if how == 5:
        return good[:6] + good[8:17]  # the old 15-digit form
    if how == 6:
        return draw(st.from_regex(r"[0-9Xx]{0,25}", fullmatch=True))
    return draw(_mixed)


phones = st.one_of(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.from_regex(r"\+86 ?1[3-9][0-9] ?[0-9]{4} ?[0-9]{4}", fullmatch=True),
    st.from_regex(r"0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?", fullmatch=True),
    st.from_regex(r"[0-9+\-() ]{0,24}", fullmatch=True),
    _mixed,
)

date_texts = st.one_of(
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(
        ["2026-02-30", "2026-13-01", "0000-00-00", "2026/11/24", "11/24/2026", "2026-1-5", "今天"]
    ),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    _mixed,
)

# Days a calendar form may really save: two years, so the calendar stays the size of a real
# one however many inputs a run feeds (every saved day re-dates the open cases).
calendar_days = st.one_of(
    st.dates(date(2026, 1, 1), date(2027, 12, 31)).map(date.isoformat),
    st.sampled_from(
        ["2026-02-30", "2026-13-01", "0000-00-00", "2026/11/24", "11/24/2026", "2026-1-5", "今天"]
    ),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True).filter(lambda t: t[:2] != "20"),
    _mixed,
)

# Any text a field may receive: the hostile list, free Unicode, very long, mixed, and text
# that looks like an ID number, a phone number or a date.
texts = st.one_of(_special, _short, _long, _mixed, id_numbers(), phones, date_texts)
names = st.one_of(texts, st.sampled_from(["王𠇹", "阿依古丽·买买提", "欧阳娜娜", "Zhang Wei"]))

# Numbers typed into spin boxes or on the command line (the latter are unbounded).
typed_ints = st.one_of(st.integers(-1000, 100_000), st.integers(-(2**70), 2**70))

# Dates and times from the pickers: aware, in a wide range.
picked_dates = st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2200, 12, 31)))
picked_times = st.one_of(
    st.none(),
    st.datetimes(
        datetime(1900, 1, 1), datetime(2200, 12, 31), timezones=st.sampled_from([UTC, DEFAULT_TZ])
    ),
)


@st.composite
def spoiled(
    draw: st.DrawFn,
    valid: dict[str, st.SearchStrategy[Any]],
    bad: dict[str, st.SearchStrategy[Any]],
) -> dict[str, Any]:
    """One form's fields: valid values for every field, then hostile values in a few of them
    (in none of them a third of the time, so the accepted path is walked as well). Drawing each
    field from a mix instead would leave almost no input of a many-field form valid."""
    fields = sorted(bad)
    spoilt: set[str] = set()
    if draw(st.integers(0, 2)) > 0 and fields:
        spoilt = draw(st.sets(st.sampled_from(fields), min_size=1, max_size=len(fields)))
    return {
        field: draw(bad[field]) if field in spoilt else draw(strategy)
        for field, strategy in valid.items()
    }
