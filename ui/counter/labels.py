"""How the counter names identity documents and material states, translatable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.catalog.records import MaterialForm, MaterialMedium, MaterialRecord, Necessity

RECEIVED, MISSING, DEFERRED, NOT_APPLICABLE = "received", "missing", "deferred", "not_applicable"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # lupdate files calls of a bare tr() under the empty context; with ``n``, a numerus form.
    return QCoreApplication.translate("", text, disambiguation, n)


def id_types() -> list[tuple[str, str]]:
    """(code stored on the record, label). Only the resident ID has a checked format."""
    return [
        ("resident_id", tr("居民身份证")),
        ("hk_macao_taiwan", tr("港澳台居民居住证/通行证")),
        ("passport", tr("护照")),
        ("foreign_permanent", tr("外国人永久居留身份证")),
        ("other", tr("其他有效证件")),
    ]


def state_text(state: str) -> str:
    # Marks from GB 2312, so every Chinese font has them: the state reads without colour too.
    return {
        RECEIVED: tr("√ 已收"),
        MISSING: tr("× 未收"),
        DEFERRED: tr("△ 容缺"),
        NOT_APPLICABLE: tr("－ 不适用"),
    }[state]


STATE_COLORS = {
    RECEIVED: ("#1b5e20", "#e3f4e1"),
    MISSING: ("#b71c1c", "#fde0e0"),
    DEFERRED: ("#8a5a00", "#fff4c2"),
    NOT_APPLICABLE: ("#555555", "#eeeeee"),
}


def necessity_text(m: MaterialRecord) -> str:
    if m.necessity is Necessity.REQUIRED:
        text = tr("必交")
    elif m.necessity is Necessity.CONDITIONAL:
        text = tr("视情况：%s") % m.condition
    else:
        text = tr("选交")
    if m.deferrable:
        text += tr("；可容缺")
    return text


def form_text(m: MaterialRecord) -> str:
    form = {
        MaterialForm.ORIGINAL: tr("原件"),
        MaterialForm.COPY: tr("复印件"),
        MaterialForm.EITHER: tr("原件或复印件"),
    }[m.form]
    medium = {
        MaterialMedium.PAPER: "",
        MaterialMedium.ELECTRONIC: tr("，电子"),
        MaterialMedium.EITHER: tr("，纸质或电子"),
    }[m.medium]
    # Numerus: "1 copy", "2 copies" in English.
    return form + medium + tr("，%n份", None, m.copies)
