"""One ID number, one name: the names an ID was recorded under before, when they differ from
the one being typed (a typing slip, a changed name, or someone else's ID card).

The counter warns as soon as the clerk has both the name and a valid ID number; it does not
refuse, because a name may really have changed (the clerk checks the card and decides).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.ports import UnitOfWork
from app.roles import ANY_ROLE, Actor, allowed_roles

NAMES_SHOWN = 3
LOOKED_AT = 20  # spellings read; more than that under one ID is not a slip
# The middle dot of minority and foreign names is typed many ways; they are one name.
DOTS = str.maketrans({c: "·" for c in "•・‧∙⋅．.｡"})


@dataclass(frozen=True)
class EarlierName:
    name: str
    times: int  # cases, one-time notices and refusals recorded under it


def name_key(name: str) -> str:
    """A name with width folding, the dot variants and spaces set aside."""
    folded = unicodedata.normalize("NFKC", name).translate(DOTS)
    return "".join(folded.split())


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


@allowed_roles(*ANY_ROLE)
def other_names(
    uow: UnitOfWork, actor: Actor, id_type: str, id_number: str, name: str
) -> list[EarlierName]:
    """The names this ID number was recorded under that are not ``name``, most used first.
    Empty while the name or the number is missing."""
    number = id_number.strip()
    if id_type == "resident_id":
        number = number.upper()  # as the check digit rule stores it
    if not number or not name.strip():
        return []
    with uow.read():
        found = uow.cases.names_for_id(id_type, number, LOOKED_AT)
    # One name however it was spaced: counted together, shown as most often written.
    merged: dict[str, EarlierName] = {}
    for written, times in found:  # most used first
        key = name_key(written)
        before = merged.get(key)
        merged[key] = EarlierName(
            before.name if before else written, times + (before.times if before else 0)
        )
    mine = name_key(name)
    others = [n for key, n in merged.items() if key != mine]
    others.sort(key=lambda n: -n.times)  # stable: ties keep the repository's order
    return others[:NAMES_SHOWN]
