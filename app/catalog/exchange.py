"""Hand a catalog from one hall to another: export the current catalog to JSON or XLSX, import it.

A county exports its catalog and each township imports it. Import is all or nothing: every row
is checked first and every problem is reported with its place (sheet and row in a workbook,
item and material number in JSON); only a clean file is written, in one transaction. Items
whose content is unchanged keep their version; changed items get a new version; items of the
hall that are not in the file are left alone.

The workbook has three sheets: 事项 (one row per item), 材料 (one row per material, keyed by
the item's code) and 步骤 (one row per step). JSON holds the same content.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from app import audit
from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
from app.catalog.records import DecisionLevel, MaterialForm, MaterialMedium, Necessity
from app.catalog.service import (
    check_draft,
    draft_of,
    normalize_code,
    record_draft,
    same_content,
    set_item_active,
)
from app.errors import DomainError, ValidationError
from app.ports import UnitOfWork
from app.roles import Actor, Role, allowed_roles
from app.validation import FieldErrors

FORMAT = "frontdesk-catalog"
FORMAT_VERSION = 1
ITEMS, MATERIALS, STEPS = "事项", "材料", "步骤"

ITEM_COLUMNS = {
    "code": "事项编码",
    "name": "事项名称",
    "department": "实施部门",
    "category": "事项类别",
    "statutory_days": "法定时限（工作日）",
    "committed_days": "承诺时限（工作日）",
    "extension_allowance": "经负责人批准可延长（工作日）",
    "decision_level": "作出决定",
    "legal_basis": "设定依据",
    "conditions": "受理条件",
    "fee": "收费标准",
    "fee_basis": "收费依据",
    "where_when": "办理地点和时间",
    "visits_needed": "到现场次数",
    "consult_phone": "咨询电话",
    "complaint_phone": "监督投诉电话",
    "delivery_methods": "送达方式",
    "active": "状态",
}
MATERIAL_COLUMNS = {
    "code": "事项编码",
    "position": "序号",
    "name": "材料名称",
    "form": "原件/复印件",
    "medium": "纸质/电子",
    "copies": "份数",
    "necessity": "必要性",
    "condition": "适用情形",
    "deferrable": "可容缺",
    "requirements": "材料要求",
    "template_ref": "样表",
}
STEP_COLUMNS = {
    "code": "事项编码",
    "position": "序号",
    "name": "环节名称",
    "days": "时限（工作日）",
}
_INT_FIELDS = {
    *("statutory_days", "committed_days", "extension_allowance", "visits_needed"),
    *("copies", "days", "position"),
}
ENUM_LABELS: dict[str, dict[str, str]] = {
    "form": {
        MaterialForm.ORIGINAL: "原件",
        MaterialForm.COPY: "复印件",
        MaterialForm.EITHER: "原件或复印件",
    },
    "medium": {
        MaterialMedium.PAPER: "纸质",
        MaterialMedium.ELECTRONIC: "电子",
        MaterialMedium.EITHER: "纸质或电子",
    },
    "necessity": {
        Necessity.REQUIRED: "必需",
        Necessity.CONDITIONAL: "视情况",
        Necessity.OPTIONAL: "可选",
    },
}
# 乡镇代收、县级审批 (app.catalog.records.DecisionLevel). A file without the column (written
# before it existed) leaves its items decided by the accepting hall.
DECISION_LABELS = {DecisionLevel.LOCAL: "受理中心", DecisionLevel.COUNTY: "县级部门"}
OPTIONAL_COLUMNS = ("active", "position", "decision_level")
_YES = {"是", "true", "1", "yes", "y", "启用"}
_NO = {"否", "false", "0", "no", "n", "停用"}
_KEY = re.compile(r"(materials|steps)\[(\d+)\]\.(\w+)")


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in an import file: where (sheet and row, or item number), which column."""

    where: str
    column: str
    message: str

    def describe(self) -> str:
        column = f"“{self.column}”" if self.column else ""
        return f"{self.where}{column}：{self.message}"


class CatalogImportRejected(DomainError):
    """The file was not imported; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[ImportProblem]) -> None:
        self.problems = tuple(problems)
        lines = [p.describe() for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"……共{len(self.problems)}处问题")
        super().__init__("目录文件有误，未导入任何内容：\n" + "\n".join(lines))


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    activated: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in asdict(self).items()}

    def describe(self) -> str:
        text = f"新增{len(self.created)}项，更新{len(self.updated)}项，未变{len(self.unchanged)}项"
        if self.activated or self.deactivated:
            text += f"，启用{len(self.activated)}项，停用{len(self.deactivated)}项"
        return text


@dataclass
class _Incoming:
    """One item read from a file, with the place of each of its parts for error messages."""

    draft: ItemDraft
    active: bool
    where: str
    material_where: list[str]
    step_where: list[str]

    def problem(self, key: str, message: str) -> ImportProblem:
        """The problem a validation error key ("materials[2].name") points at in the file."""
        found = _KEY.fullmatch(key)
        if found:
            kind, index, name = found.group(1), int(found.group(2)), found.group(3)
            places = self.material_where if kind == "materials" else self.step_where
            columns = MATERIAL_COLUMNS if kind == "materials" else STEP_COLUMNS
            return ImportProblem(places[index], columns.get(name, name), message)
        label = {"materials": "申请材料", "steps": "办理环节"}.get(key, ITEM_COLUMNS.get(key, key))
        return ImportProblem(self.where, label, message)


# -- export ------------------------------------------------------------------------------


def export_json(uow: UnitOfWork) -> bytes:
    """The whole current catalog (deactivated items marked so) as UTF-8 JSON."""
    return _json_bytes(_current(uow))


def export_xlsx(uow: UnitOfWork) -> bytes:
    """The whole current catalog as a workbook with the sheets 事项, 材料 and 步骤."""
    return _xlsx_bytes(_current(uow))


def export_file(uow: UnitOfWork, path: Path) -> int:
    """Write the catalog to ``path`` (.json or .xlsx); the number of items written."""
    entries = _current(uow)
    path.write_bytes(_by_suffix(path, _json_bytes, _xlsx_bytes)(entries))
    return len(entries)


def _current(uow: UnitOfWork) -> list[tuple[ItemDraft, bool]]:
    with uow.read():
        return [(draft_of(e.version), e.item.active) for e in uow.catalog.current_entries()]


def _json_bytes(entries: list[tuple[ItemDraft, bool]]) -> bytes:
    items = [_item_dict(draft, active) for draft, active in entries]
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "items": items}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _xlsx_bytes(entries: list[tuple[ItemDraft, bool]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    items = book.active
    items.title = ITEMS
    materials = book.create_sheet(MATERIALS)
    steps = book.create_sheet(STEPS)
    for sheet, columns in (
        (items, ITEM_COLUMNS),
        (materials, MATERIAL_COLUMNS),
        (steps, STEP_COLUMNS),
    ):
        _write_row(sheet, 1, list(columns.values()))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    for draft, active in entries:
        values = asdict(draft)
        values["active"] = "启用" if active else "停用"
        values["decision_level"] = DECISION_LABELS.get(
            DecisionLevel(draft.decision_level), draft.decision_level
        )
        _write_row(items, items.max_row + 1, [values[k] for k in ITEM_COLUMNS])
        for position, m in enumerate(draft.materials, start=1):
            row = {**asdict(m), "code": draft.code, "position": position}
            for key, labels in ENUM_LABELS.items():
                row[key] = labels[row[key]]
            row["deferrable"] = "是" if m.deferrable else "否"
            _write_row(materials, materials.max_row + 1, [row[k] for k in MATERIAL_COLUMNS])
        for position, s in enumerate(draft.steps, start=1):
            _write_row(steps, steps.max_row + 1, [draft.code, position, s.name, s.days])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _item_dict(draft: ItemDraft, active: bool) -> dict[str, Any]:
    values = asdict(draft)
    del values["base_version_id"]
    values["active"] = active
    values["materials"] = [
        {k: str(v) if k in ENUM_LABELS else v for k, v in m.items()} for m in values["materials"]
    ]
    return values


def _write_row(sheet: Any, row: int, values: list[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text that looks like a formula stays text


# -- import ------------------------------------------------------------------------------


@allowed_roles(Role.ADMIN)
def import_json(uow: UnitOfWork, actor: Actor, data: bytes) -> ImportResult:
    return _apply(uow, actor, _read_json(data))


@allowed_roles(Role.ADMIN)
def import_xlsx(uow: UnitOfWork, actor: Actor, data: bytes) -> ImportResult:
    return _apply(uow, actor, _read_xlsx(data))


@allowed_roles(Role.ADMIN)
def import_file(uow: UnitOfWork, actor: Actor, path: Path) -> ImportResult:
    reader = _by_suffix(path, _read_json, _read_xlsx)
    return _apply(uow, actor, reader(path.read_bytes()))


def _by_suffix(path: Path, json_way: Callable[..., Any], xlsx_way: Callable[..., Any]) -> Any:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return json_way
    if suffix == ".xlsx":
        return xlsx_way
    raise ValidationError.single("path", "只支持 .json 和 .xlsx 文件")


def _apply(
    uow: UnitOfWork, actor: Actor, read: tuple[list[_Incoming], list[ImportProblem]]
) -> ImportResult:
    incoming, problems = read
    clean = _validate(incoming, problems)
    result = ImportResult()
    with uow.write():
        for entry, draft in clean:
            existing = uow.catalog.item_by_code(draft.code, lock=True)
            current = (
                uow.catalog.version(existing.current_version_id)
                if existing and existing.current_version_id
                else None
            )
            if current is None:
                record_draft(uow, actor, draft)
                result.created.append(draft.code)
            elif same_content(draft_of(current), draft):
                result.unchanged.append(draft.code)
            else:
                record_draft(uow, actor, replace(draft, base_version_id=current.id))
                result.updated.append(draft.code)
            was_active = existing.active if existing else True  # new items start active
            if was_active != entry.active:
                set_item_active(uow, actor, draft.code, entry.active)
                (result.activated if entry.active else result.deactivated).append(draft.code)
        if result.created or result.updated or result.activated or result.deactivated:
            audit.record(uow, actor, "catalog_imported", "catalog", "", None, result.counts())
    return result


def _validate(
    incoming: list[_Incoming], problems: list[ImportProblem]
) -> list[tuple[_Incoming, ItemDraft]]:
    """Every entry checked like ``save_item`` checks it; all problems raised together."""
    clean: list[tuple[_Incoming, ItemDraft]] = []
    seen: dict[str, str] = {}
    for entry in incoming:
        errors = FieldErrors()
        draft = check_draft(entry.draft, errors)
        problems.extend(entry.problem(key, message) for key, message in errors.errors.items())
        if draft.code and draft.code in seen:
            problems.append(
                ImportProblem(entry.where, ITEM_COLUMNS["code"], f"与{seen[draft.code]}重复")
            )
        seen.setdefault(draft.code, entry.where)
        clean.append((entry, draft))
    if problems:
        raise CatalogImportRejected(problems)
    return clean


# -- reading JSON ------------------------------------------------------------------------


def _read_json(data: bytes) -> tuple[list[_Incoming], list[ImportProblem]]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogImportRejected(
            [ImportProblem("文件", "", f"不是有效的 JSON（{exc}）")]
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CatalogImportRejected([ImportProblem("文件", "", "不是本系统导出的事项目录")])
    if document.get("format_version") != FORMAT_VERSION:
        raise CatalogImportRejected(
            [ImportProblem("文件", "", "目录格式版本不受支持，请升级本系统")]
        )
    items = document.get("items")
    if not isinstance(items, list):
        raise CatalogImportRejected([ImportProblem("文件", "", "缺少事项列表")])
    problems: list[ImportProblem] = []
    incoming: list[_Incoming] = []
    for n, raw in enumerate(items, start=1):
        where = f"第{n}个事项"
        if not isinstance(raw, dict):
            problems.append(ImportProblem(where, "", "格式不正确"))
            continue
        where += f"（{raw.get('code', '')}）"
        materials = [m if isinstance(m, dict) else {} for m in _list(raw.get("materials"))]
        steps = [s if isinstance(s, dict) else {} for s in _list(raw.get("steps"))]
        active = raw.get("active", True)
        if not isinstance(active, bool):
            problems.append(ImportProblem(where, ITEM_COLUMNS["active"], "只能是 true 或 false"))
        incoming.append(
            _Incoming(
                draft=_draft(raw, materials, steps),
                active=active is not False,
                where=where,
                material_where=[f"{where}第{i}项材料" for i in range(1, len(materials) + 1)],
                step_where=[f"{where}第{i}个环节" for i in range(1, len(steps) + 1)],
            )
        )
    return incoming, problems


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _draft(
    item: dict[str, Any], materials: list[dict[str, Any]], steps: list[dict[str, Any]]
) -> ItemDraft:
    defaults = ItemDraft(code="", name="", department="", statutory_days=0, committed_days=0)
    fields = {k: item.get(k, getattr(defaults, k)) for k in ITEM_COLUMNS if k != "active"}
    for k in ("statutory_days", "committed_days"):
        fields[k] = item.get(k)
    material_defaults = MaterialDraft(name="")
    return ItemDraft(
        **fields,
        materials=tuple(
            MaterialDraft(
                **{
                    k: m.get(k, getattr(material_defaults, k))
                    for k in MaterialDraft.__dataclass_fields__
                }
            )
            for m in materials
        ),
        steps=tuple(StepDraft(name=s.get("name", ""), days=s.get("days")) for s in steps),  # type: ignore[arg-type]
    )


# -- reading XLSX ------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> tuple[list[_Incoming], list[ImportProblem]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # other programs' workbooks trip style warnings
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise CatalogImportRejected(
            [ImportProblem("文件", "", "不是有效的 Excel 工作簿（.xlsx）")]
        ) from None
    try:
        problems: list[ImportProblem] = []
        tables = {
            name: _sheet_rows(book, name, columns, problems)
            for name, columns in (
                (ITEMS, ITEM_COLUMNS),
                (MATERIALS, MATERIAL_COLUMNS),
                (STEPS, STEP_COLUMNS),
            )
        }
    finally:
        book.close()
    if problems:  # sheets or columns missing: nothing below would make sense
        raise CatalogImportRejected(problems)
    return _assemble(tables, problems), problems


def _sheet_rows(
    book: Any, name: str, columns: dict[str, str], problems: list[ImportProblem]
) -> list[tuple[int, dict[str, Any]]]:
    if name not in book.sheetnames:
        problems.append(ImportProblem(f"工作表“{name}”", "", "缺少此工作表"))
        return []
    rows = book[name].iter_rows(values_only=True)
    header = [_text(h) for h in next(rows, ())]
    index: dict[str, int] = {}
    for key, label in columns.items():
        if label in header:
            index[key] = header.index(label)
        elif key not in OPTIONAL_COLUMNS:
            problems.append(ImportProblem(f"{name} 第1行", label, "缺少此列"))
    found: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(rows, start=2):
        if all(v is None or _text(v) == "" for v in values):
            continue
        found.append(
            (number, {k: values[i] if i < len(values) else None for k, i in index.items()})
        )
    return found


def _assemble(
    tables: dict[str, list[tuple[int, dict[str, Any]]]], problems: list[ImportProblem]
) -> list[_Incoming]:
    materials: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    steps: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    codes = {normalize_code(_text(row.get("code"))) for _, row in tables[ITEMS]}
    for sheet, target in ((MATERIALS, materials), (STEPS, steps)):
        for number, row in tables[sheet]:
            code = normalize_code(_text(row.get("code")))
            if code not in codes:
                problems.append(
                    ImportProblem(
                        f"{sheet} 第{number}行", "事项编码", f"事项表中没有编码为“{code}”的事项"
                    )
                )
                continue
            target.setdefault(code, []).append((number, row))
    incoming = []
    for number, row in tables[ITEMS]:
        code = normalize_code(_text(row.get("code")))
        where = f"{ITEMS} 第{number}行"
        active = _flag(row.get("active"), True)
        if active is None:
            problems.append(ImportProblem(where, ITEM_COLUMNS["active"], "只能是“启用”或“停用”"))
        item_materials = sorted(materials.get(code, []), key=_position)
        item_steps = sorted(steps.get(code, []), key=_position)
        item = {k: _cell(k, row.get(k)) for k in ITEM_COLUMNS}
        item["decision_level"] = _decision_level(item["decision_level"])
        material_dicts = []
        for m_number, m in item_materials:
            values = {k: _cell(k, m.get(k)) for k in MATERIAL_COLUMNS}
            for key, labels in ENUM_LABELS.items():
                values[key] = _enum_value(values[key], labels)
            deferrable = _flag(m.get("deferrable"), False)
            if deferrable is None:
                problems.append(
                    ImportProblem(f"{MATERIALS} 第{m_number}行", "可容缺", "只能是“是”或“否”")
                )
            values["deferrable"] = bool(deferrable)
            material_dicts.append(values)
        incoming.append(
            _Incoming(
                draft=_draft(
                    item,
                    material_dicts,
                    [{k: _cell(k, s.get(k)) for k in STEP_COLUMNS} for _, s in item_steps],
                ),
                active=active is not False,
                where=where,
                material_where=[f"{MATERIALS} 第{n}行" for n, _ in item_materials],
                step_where=[f"{STEPS} 第{n}行" for n, _ in item_steps],
            )
        )
    return incoming


def _decision_level(text: str) -> str:
    """The label or the value; empty is the accepting hall; anything else is passed on for
    validation to name the field."""
    text = text.strip()
    if not text:
        return str(DecisionLevel.LOCAL)
    by_label = {label: str(level) for level, label in DECISION_LABELS.items()}
    return by_label.get(text, text)


def _position(entry: tuple[int, dict[str, Any]]) -> tuple[int, int]:
    number, row = entry
    position = _cell("position", row.get("position"))
    return (position if isinstance(position, int) else 1_000_000, number)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(key: str, value: object) -> Any:
    """A cell as the draft wants it: whole numbers as int, everything else as text. A number
    that cannot be read is passed on as text, so validation names the field."""
    if key not in _INT_FIELDS:
        return _text(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = unicodedata.normalize("NFKC", _text(value)).strip()
    if text == "" and value is None:
        return None
    return int(text) if re.fullmatch(r"-?[0-9]+", text) else text


def _enum_value(value: str, labels: dict[str, str]) -> str:
    text = value.strip()
    for code, label in labels.items():
        if text in (label, str(code)):
            return str(code)
    return text


def _flag(value: object, default: bool) -> bool | None:
    """是/否 (or 启用/停用, true/false); an empty cell is the default; None if unreadable."""
    text = _text(value).strip().lower()
    if not text:
        return default
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None
