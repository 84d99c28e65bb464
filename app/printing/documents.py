"""The documents the counter prints, as plain frozen values (never ORM rows).

Every kind shares the fields the template prints on all of them (the center's name, the number,
the issue date, the window/clerk/phone block, the signed QR payload, a reprint mark) and says
what else it prints through ``body()`` (and ``stub_body()`` for kinds with a stub), as blocks
from ``app.printing.blocks``. Builders in ``app.printing.builders`` make them from records.

People appear only as a name and masked numbers (:class:`ApplicantLine`); the template also
refuses to print anything that looks like a full ID or mobile number.

To add a kind: a subclass with ``kind = DocumentKind.X`` and its own
fields, ``body()`` returning blocks, an entry in ``app.printing.kinds.KIND_SPECS`` (already
there for every kind), and, if it can be printed by number, a loader in
``app.printing.loaders``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from app.printing.blocks import (
    Block,
    Display,
    Fields,
    Grid,
    Heading,
    Para,
    block_texts,
    cn_citizen_date,
    cn_date,
)
from app.printing.blocks import cn_datetime as cn_time
from app.printing.kinds import DocumentKind, KindSpec, kind_spec
from app.validation import mask_id, mask_phone

# 行政复议法 (60 days) and 行政诉讼法 (6 months): the remedies a refusal must name.
DEFAULT_REMEDY = (
    "如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
    "或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。"
)


@dataclass(frozen=True)
class CounterDesk:
    """The window/clerk/phone block: who served the applicant, and where to ask."""

    window: str = ""  # 1号窗口（社会救助窗口）
    clerk: str = ""
    phone: str = ""

    def line(self) -> str:
        parts = [
            f"窗口：{self.window}" if self.window else "",
            f"经办人：{self.clerk}" if self.clerk else "",
            f"咨询电话：{self.phone}" if self.phone else "",
        ]
        return "　　".join(p for p in parts if p)


@dataclass(frozen=True)
class ReprintMark:
    """Printed on every copy after the first: 补打（第 n 次）and when."""

    count: int
    printed_at: datetime

    def text(self) -> str:
        return f"补打（第{self.count}次） {cn_time(self.printed_at)}"


@dataclass(frozen=True)
class ApplicantLine:
    """Who applied, as printed: the name and masked numbers, nothing more."""

    name: str
    id_masked: str = ""
    phone_masked: str = ""
    agent_name: str = ""
    agent_id_masked: str = ""

    @classmethod
    def masked(
        cls,
        name: str,
        id_number: str = "",
        phone: str = "",
        agent_name: str = "",
        agent_id_number: str = "",
    ) -> ApplicantLine:
        return cls(
            name=name,
            id_masked=mask_id(id_number) if id_number else "",
            phone_masked=mask_phone(phone) if phone else "",
            agent_name=agent_name,
            agent_id_masked=mask_id(agent_id_number) if agent_id_number else "",
        )

    def describe(self) -> str:
        extra = [
            f"证件号码 {self.id_masked}" if self.id_masked else "",
            f"电话 {self.phone_masked}" if self.phone_masked else "",
        ]
        details = "，".join(e for e in extra if e)
        return f"{self.name}（{details}）" if details else self.name

    def agent(self) -> str:
        if not self.agent_name:
            return ""
        return self.agent_name + (
            f"（证件号码 {self.agent_id_masked}）" if self.agent_id_masked else ""
        )


@dataclass(frozen=True)
class MaterialLine:
    """One material as a document lists it."""

    name: str
    form: str = ""  # 原件 / 复印件 / 原件或复印件
    copies: int = 0
    note: str = ""  # a requirement, what to correct, a condition


@dataclass(frozen=True, kw_only=True)
class PrintedDocument(ABC):
    """What every document carries; subclasses add their own fields and ``body()``."""

    kind: ClassVar[DocumentKind]
    center_name: str
    number: str
    issued_on: date
    desk: CounterDesk = field(default_factory=CounterDesk)
    qr_payload: str = ""  # the signed payload (app.signing); empty: no QR code
    reprint: ReprintMark | None = None

    @property
    def spec(self) -> KindSpec:
        return kind_spec(self.kind)

    @property
    def title(self) -> str:
        return self.spec.title

    @abstractmethod
    def body(self) -> tuple[Block, ...]:
        """The document's own content; the template adds the common parts."""

    def stub_body(self) -> tuple[Block, ...]:
        """The stub's content, for kinds whose spec has a stub."""
        return (Fields((("编号", self.number), ("出具日期", cn_date(self.issued_on)))),)

    def closing_body(self) -> tuple[Block, ...]:
        """Blocks kept on one page with the closing (center name and date): signatures."""
        return ()

    def texts(self) -> Iterator[str]:
        """Every string the document prints, from all its parts."""
        yield from (self.center_name, self.title, self.number, self.desk.line())
        if self.reprint:
            yield self.reprint.text()
        parts = (*self.body(), *self.closing_body(), *(self.stub_body() if self.spec.stub else ()))
        for block in parts:
            yield from block_texts(block)


def _materials_grid(lines: tuple[MaterialLine, ...], note_header: str = "说明") -> Grid:
    return Grid(
        ("序号", "材料名称", "形式", "份数", note_header),
        tuple(
            (str(i), m.name, m.form, str(m.copies) if m.copies else "", m.note)
            for i, m in enumerate(lines, 1)
        ),
        (0.9, 4.0, 1.6, 0.9, 3.6),
    )


def _requirement(m: MaterialLine) -> tuple[str, ...]:
    return (m.form + (f"{m.copies}份" if m.copies else ""), m.note)


def _days(days: int) -> str:
    return "即办（当场办结）" if days == 0 else f"{days}个工作日"


# Short values that share a line on the receipt.
RECEIPT_PAIRS = frozenset({"收件时间", "受理时间", "法定时限", "承诺时限", "收费", "结果送达方式"})


@dataclass(frozen=True, kw_only=True)
class AcceptanceReceipt(PrintedDocument):
    """受理回执: handed over when a case is accepted."""

    kind: ClassVar[DocumentKind] = DocumentKind.RECEIPT
    item_name: str
    item_code: str
    catalog_version: int
    applicant: ApplicantLine
    received_at: datetime
    accepted_at: datetime
    statutory_days: int
    committed_days: int
    due_date: date | None
    due_provisional: bool = False
    materials: tuple[MaterialLine, ...] = ()
    deferred: tuple[MaterialLine, ...] = ()
    deferred_supply_by: date | None = None
    deferred_supply_provisional: bool = False
    progress_phone: str = ""
    delivery: str = ""
    pickup_place: str = ""
    fee: str = ""
    is_agency: bool = False
    agency_agent: str = ""  # 全程代办: the staff member who carries the case
    agency_reason: str = ""

    def due_text(self) -> str:
        if self.committed_days == 0:
            return "当场办结"
        if self.due_date is None:
            return "计时中止"
        text = cn_date(self.due_date)
        if self.due_provisional:
            text += "（暂定：该年度法定节假日安排公布后可能调整）"
        return text

    def body(self) -> tuple[Block, ...]:
        rows = [
            ("办件编号", self.number + ("（全程代办件）" if self.is_agency else "")),
            (
                "申请事项",
                f"{self.item_name}（事项编码 {self.item_code}，第{self.catalog_version}版）",
            ),
            ("申请人", self.applicant.describe()),
        ]
        if self.applicant.agent_name:
            rows.append(("代理人", self.applicant.agent()))
        if self.is_agency:
            rows.append(("全程代办", self.agency_text()))
        rows += [
            ("收件时间", cn_time(self.received_at)),
            ("受理时间", cn_time(self.accepted_at)),
            ("法定时限", _days(self.statutory_days)),
            ("承诺时限", _days(self.committed_days)),
            ("承诺办结日期", self.due_text()),
            ("收费", self.fee or "不收费"),
            ("结果送达方式", self.delivery),
            ("领取地点", self.pickup_place),
        ]
        blocks: list[Block] = [
            Para(
                f"{self.applicant.name}：您申请的“{self.item_name}”已于"
                f"{cn_time(self.accepted_at)}受理，现将有关事项告知如下。"
            ),
            Fields(tuple((k, v) for k, v in rows if v), RECEIPT_PAIRS),
            Heading("已收材料"),
            _materials_grid(self.materials),
        ]
        if self.deferred:
            blocks += [
                Heading(
                    "容缺材料（请于"
                    f"{cn_citizen_date(self.deferred_supply_by, self.deferred_supply_provisional)}"
                    "前补交）"
                ),
                _materials_grid(self.deferred),
            ]
        return tuple(blocks)

    def closing_body(self) -> tuple[Block, ...]:
        """Beside the seal (``app.printing.template``): the page keeps its seal and date."""
        phone = f"拨打 {self.progress_phone}，" if self.progress_phone else ""
        return (
            Heading("进度查询"),
            Para(f"{phone}或持本回执到本中心任一窗口扫描二维码，即可查询办理进度。"),
            Para(
                "请妥善保管本回执；领取办理结果时，请出示本回执及申请人身份证件。",
                small=True,
            ),
        )

    def agency_text(self) -> str:
        """本件由本中心全程代办（服务对象：高龄老人），代办员：张伟"""
        text = "本件由本中心全程代办"
        if self.agency_reason:
            text += f"（服务对象：{self.agency_reason}）"
        return text + (f"，代办员：{self.agency_agent}" if self.agency_agent else "")

    def stub_body(self) -> tuple[Block, ...]:
        rows = [
            ("办件编号", self.number),
            ("申请事项", self.item_name),
            ("申请人", self.applicant.describe()),
        ]
        if self.is_agency:
            rows.append(("全程代办", self.agency_text()))
        return (
            Fields(
                (
                    *rows,
                    ("受理时间", cn_time(self.accepted_at)),
                    ("承诺办结日期", self.due_text()),
                    (
                        "已收材料",
                        f"{len(self.materials)}项"
                        + (f"，容缺{len(self.deferred)}项" if self.deferred else ""),
                    ),
                )
            ),
        )


@dataclass(frozen=True, kw_only=True)
class OneTimeNotice(PrintedDocument):
    """一次性告知单: everything missing, told at once, in writing."""

    kind: ClassVar[DocumentKind] = DocumentKind.ONE_TIME_NOTICE
    item_name: str
    item_code: str
    catalog_version: int
    applicant: ApplicantLine
    received_at: datetime
    missing: tuple[MaterialLine, ...]
    received: tuple[MaterialLine, ...] = ()
    supply_by: date | None = None
    supply_by_provisional: bool = False
    complaint_phone: str = ""

    def body(self) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Para(
                f"{self.applicant.name}：您于{cn_time(self.received_at)}申请办理"
                f"“{self.item_name}”（事项编码 {self.item_code}，第{self.catalog_version}版），"
                "经审查，申请材料不齐全或不符合法定形式。现将需要补充的全部材料一次性告知如下："
            ),
            Fields((("申请人", self.applicant.describe()),)),
            Heading("需补充的材料"),
            _materials_grid(self.missing, "要求"),
        ]
        if self.supply_by:
            by = cn_citizen_date(self.supply_by, self.supply_by_provisional)
            blocks.append(Para(f"请于{by}前补齐上述材料后再次提交。"))
        complaint = f"，请拨打 {self.complaint_phone} 反映" if self.complaint_phone else ""
        blocks.append(
            Para(
                "以上为需补充的全部材料。材料补齐后即予受理，窗口不会再要求本告知单以外的材料"
                f"；如被要求{complaint}。",
                emphasis=True,
            )
        )
        if self.received:
            blocks += [Heading("已收材料"), _materials_grid(self.received)]
        return tuple(blocks)

    def stub_body(self) -> tuple[Block, ...]:
        return (
            Fields(
                (
                    ("告知单编号", self.number),
                    ("申请事项", self.item_name),
                    ("申请人", self.applicant.describe()),
                    ("告知时间", cn_date(self.issued_on)),
                    ("需补充材料", "、".join(m.name for m in self.missing)),
                )
            ),
        )


@dataclass(frozen=True, kw_only=True)
class ReferralSlip(PrintedDocument):
    """引导单: the first responder sends the visitor to a named colleague (or, for a matter
    outside the center's remit, to the body that handles it), and stays responsible. For a
    catalog item the slip also lists, once and in full, what to bring (一次性告知)."""

    kind: ClassVar[DocumentKind] = DocumentKind.REFERRAL
    matter: str
    to_place: str
    visitor: str = ""
    to_person: str = ""
    to_phone: str = ""
    reason: str = ""
    external: bool = False  # outside the center: to_place is the body, to_phone how to reach it
    escort: bool = False  # elderly or disabled: a member of staff walks them there
    item_name: str = ""
    checklist: tuple[MaterialLine, ...] = ()

    def body(self) -> tuple[Block, ...]:
        rows = (
            ("来访人", self.visitor + ("（需陪同）" if self.escort else "")),
            ("咨询/办理事项", self.matter),
            ("承办单位" if self.external else "请前往", self.to_place),
            ("接待人员", self.to_person),
            ("联系方式" if self.external else "联系电话", self.to_phone),
            ("服务事项", self.item_name),
            ("不属本中心办理的原因" if self.external else "引导原因", self.reason),
        )
        blocks: list[Block] = [Fields(tuple((k, v) for k, v in rows if v))]
        if self.checklist:
            blocks += [
                Heading("请携带以下材料（一次性告知）"),
                # Three columns, not five: an A5 slip keeps its closing on the first page.
                Grid(
                    ("序号", "材料名称", "形式、份数及要求"),
                    tuple(
                        (str(i), m.name, "；".join(p for p in _requirement(m) if p))
                        for i, m in enumerate(self.checklist, 1)
                    ),
                    (0.9, 4.1, 6.0),
                ),
            ]
        phone = f"或拨打 {self.desk.phone} " if self.desk.phone else ""
        blocks.append(
            Para(
                f"首问负责：如到达后未能得到接待或办理，请持本单返回首问窗口{phone}，"
                f"由首问人员{self.desk.clerk}继续负责到底。",
                emphasis=True,
            )
        )
        return tuple(blocks)


@dataclass(frozen=True, kw_only=True)
class RefusalNotice(PrintedDocument):
    """不予受理通知书: always with the reason, its legal basis and where to go instead."""

    kind: ClassVar[DocumentKind] = DocumentKind.REFUSAL
    item_name: str
    item_code: str
    applicant: ApplicantLine
    applied_at: datetime
    reason: str
    legal_basis: str
    redirect_to: str = ""
    remedy: str = DEFAULT_REMEDY

    def body(self) -> tuple[Block, ...]:
        rows = [("申请人", self.applicant.describe()), ("不予受理理由", self.reason)]
        rows.append(("法律依据", self.legal_basis))
        if self.redirect_to:
            rows.append(("建议", f"请向{self.redirect_to}申请办理"))
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.applied_at)}提出的“{self.item_name}”"
                f"（事项编码 {self.item_code}）申请，经审查，决定不予受理。理由如下："
            ),
            Fields(tuple(rows)),
            Para(self.remedy),
        )

    def stub_body(self) -> tuple[Block, ...]:
        return (
            Fields(
                (
                    ("通知书编号", self.number),
                    ("申请事项", self.item_name),
                    ("申请人", self.applicant.describe()),
                    ("不予受理理由", self.reason),
                    ("出具日期", cn_date(self.issued_on)),
                )
            ),
        )


@dataclass(frozen=True, kw_only=True)
class CasePaper(PrintedDocument):
    """A paper issued on an accepted case and numbered after it (``<case>-X``): it names the
    case, the item and the applicant, and its stub (存根) begins the same way on every such
    paper — the paper's own number, the case, (the item,) the applicant — then its own lines."""

    case_number: str
    item_name: str
    applicant: ApplicantLine
    number_label: ClassVar[str] = "通知书编号"  # 回执编号, 告知书编号, 决定书编号
    stub_names_item: ClassVar[bool] = False  # a paper that decides or ends the case: yes

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        """What the stub says after the applicant."""
        return ()

    def stub_body(self) -> tuple[Block, ...]:
        item = (("申请事项", self.item_name),) if self.stub_names_item else ()
        return (
            Fields(
                (
                    (self.number_label, self.number),
                    ("办件编号", self.case_number),
                    *item,
                    ("申请人", self.applicant.describe()),
                    *self.stub_lines(),
                )
            ),
        )


@dataclass(frozen=True, kw_only=True)
class CorrectionRequest(CasePaper):
    """补正材料通知书: what to correct; the clock stops until the corrections arrive."""

    kind: ClassVar[DocumentKind] = DocumentKind.CORRECTION
    accepted_at: datetime
    corrections: tuple[MaterialLine, ...]
    supply_by: date | None = None

    def body(self) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提交的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}），经审查，需要补正以下材料，"
                "请按要求一次性补正："
            ),
            self._grid(),
        ]
        if self.supply_by:
            blocks.append(
                Para(f"请于{cn_date(self.supply_by)}前补正；逾期未补正的，将按有关规定处理。")
            )
        blocks.append(
            Para("补正期间不计入办理时限，自收到全部补正材料之日起恢复计时。", emphasis=True)
        )
        return tuple(blocks)

    def _grid(self) -> Grid:
        lines = enumerate(self.corrections, 1)
        if any(m.note for m in self.corrections):
            rows = tuple((str(i), m.name, m.note) for i, m in lines)
            return Grid(("序号", "材料名称", "补正要求"), rows, (0.7, 4.0, 6.3))
        return Grid(
            ("序号", "补正内容及要求"), tuple((str(i), m.name) for i, m in lines), (0.7, 10.3)
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("补正材料", "、".join(m.name for m in self.corrections)),
            ("出具日期", cn_date(self.issued_on)),
        )


@dataclass(frozen=True, kw_only=True)
class DeferredMaterialsNotice(PrintedDocument):
    """容缺受理通知: accepted with a minor material missing, to be supplied by a date."""

    kind: ClassVar[DocumentKind] = DocumentKind.DEFERRED
    item_name: str
    applicant: ApplicantLine
    accepted_at: datetime
    deferred: tuple[MaterialLine, ...]
    supply_by: date
    commitment: str
    supply_by_provisional: bool = False

    def body(self) -> tuple[Block, ...]:
        return (
            Para(
                f"{self.applicant.name}：您申请的“{self.item_name}”（办件编号 {self.number}）"
                f"主要申请材料齐全，符合容缺受理条件，已于{cn_time(self.accepted_at)}受理。"
                "以下材料请于"
                f"{cn_citizen_date(self.supply_by, self.supply_by_provisional)}前补交："
            ),
            _materials_grid(self.deferred),
            Heading("申请人承诺"),
            Para(self.commitment, emphasis=True),
            Para("逾期未补交的，本件将按有关规定中止或终止办理。"),
        )

    def stub_body(self) -> tuple[Block, ...]:
        return (
            Fields(
                (
                    ("办件编号", self.number),
                    ("申请人", self.applicant.describe()),
                    ("容缺材料", "、".join(m.name for m in self.deferred)),
                    ("补交期限", cn_citizen_date(self.supply_by, self.supply_by_provisional)),
                )
            ),
        )


@dataclass(frozen=True, kw_only=True)
class CompletionNotice(PrintedDocument):
    """办结通知: the decision, and how and where to collect the result."""

    kind: ClassVar[DocumentKind] = DocumentKind.COMPLETION
    item_name: str
    applicant: ApplicantLine
    accepted_at: datetime
    decided_at: datetime
    outcome: str  # 准予办理 / 不予许可
    decision_note: str = ""
    delivery: str = ""
    pickup_place: str = ""

    def body(self) -> tuple[Block, ...]:
        rows = [
            ("办件编号", self.number),
            ("申请事项", self.item_name),
            ("申请人", self.applicant.describe()),
            ("受理时间", cn_time(self.accepted_at)),
            ("办结时间", cn_time(self.decided_at)),
            ("办理结果", self.outcome),
            ("说明", self.decision_note),
            ("送达方式", self.delivery),
            ("领取地点", self.pickup_place),
        ]
        return (
            Para(f"{self.applicant.name}：您申请的“{self.item_name}”已办结，结果如下。"),
            Fields(tuple((k, v) for k, v in rows if v)),
            Para(
                "领取时请携带申请人身份证件及受理回执；委托他人领取的，另带委托书及受托人身份证件。"
            ),
        )


@dataclass(frozen=True, kw_only=True)
class SupplyReceipt(CasePaper):
    """容缺材料补交回执: the deferred materials that came in, and what is still owed."""

    kind: ClassVar[DocumentKind] = DocumentKind.SUPPLY
    number_label: ClassVar[str] = "回执编号"
    supplied_at: datetime
    supplied: tuple[MaterialLine, ...]
    outstanding: tuple[MaterialLine, ...] = ()
    supply_by: date | None = None

    def body(self) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Para(
                f"{self.applicant.name}：您申请的“{self.item_name}”（办件编号 {self.case_number}）"
                f"容缺受理时承诺补交的材料，已于{cn_time(self.supplied_at)}收到以下各项："
            ),
            _materials_grid(self.supplied),
        ]
        if self.outstanding:
            by = f"于{cn_date(self.supply_by)}前" if self.supply_by else "尽快"
            blocks += [
                Heading(f"尚需补交（请{by}补交）"),
                _materials_grid(self.outstanding),
                Para("逾期未补交的，本件将按有关规定中止或终止办理。"),
            ]
        else:
            blocks.append(Para("容缺材料已全部补齐，本件按承诺时限继续办理。", emphasis=True))
        return tuple(blocks)

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("收到材料", "、".join(m.name for m in self.supplied)),
            ("尚需补交", "、".join(m.name for m in self.outstanding) or "无"),
            ("收到时间", cn_time(self.supplied_at)),
        )


@dataclass(frozen=True, kw_only=True)
class SpecialProcedureNotice(CasePaper):
    """特别程序告知书 (行政许可法 Art. 45): which procedure the case needs, why, how long it is
    expected to take; its time is not counted in the limit."""

    kind: ClassVar[DocumentKind] = DocumentKind.SPECIAL
    number_label: ClassVar[str] = "告知书编号"
    accepted_at: datetime
    started_at: datetime
    procedure: str
    reason: str
    expected_days: int
    expected_end: date | None
    expected_end_provisional: bool = False

    def body(self) -> tuple[Block, ...]:
        end = ""
        if self.expected_end is not None:
            mark = "（暂定，以国务院公布的节假日安排为准）" if self.expected_end_provisional else ""
            end = f"，预计于{cn_date(self.expected_end)}{mark}前完成"
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提出的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}），依法需要进行{self.procedure}。"
            ),
            Fields(
                (
                    ("特别程序", self.procedure),
                    ("原因", self.reason),
                    ("开始时间", cn_time(self.started_at)),
                    ("预计所需时间", f"{self.expected_days}个工作日{end}"),
                )
            ),
            Para(
                f"依照《中华人民共和国行政许可法》第四十五条，{self.procedure}所需时间不计算在"
                "办理期限内。程序完成后本件恢复计时，继续办理；如需延长，将另行书面告知。",
                emphasis=True,
            ),
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("特别程序", self.procedure),
            ("预计所需时间", f"{self.expected_days}个工作日"),
            ("告知日期", cn_date(self.issued_on)),
        )


DENIAL_REMEDY = (
    "如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，"
    "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。"
)


# The same remedies as against a decision (行政复议法 Art. 20, 行政诉讼法 Art. 46).
TERMINATION_REMEDY = (
    "如对终止办理不服，可以自收到本通知书之日起六十日内依法申请行政复议，"
    "或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。"
)


@dataclass(frozen=True, kw_only=True)
class HaltNotice(CasePaper):
    """中止办理通知书: a deferred (容缺) material was not supplied by the date the applicant
    promised; the case is suspended until it comes, its clock stopped, as the signed commitment
    said; still not supplied, the case will be terminated."""

    kind: ClassVar[DocumentKind] = DocumentKind.HALT
    accepted_at: datetime
    halted_at: datetime
    supply_by: date | None
    owed: tuple[MaterialLine, ...]
    reason: str

    def body(self) -> tuple[Block, ...]:
        by = f"于{cn_date(self.supply_by)}前" if self.supply_by else "在约定期限内"
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提出的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}）系容缺受理，您书面承诺{by}补交下列材料，"
                "逾期至今仍未补交："
            ),
            _materials_grid(self.owed),
            Fields((("中止办理时间", cn_time(self.halted_at)), ("说明", self.reason))),
            Para(
                "依照您签署的容缺受理承诺，本中心自上述时间起中止办理本件，中止期间不计算在"
                "办理期限内。请携本通知书尽快补交上述材料，补齐后恢复办理；仍不补交的，"
                "本中心将终止办理本件。",
                emphasis=True,
            ),
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("未补交材料", "、".join(m.name for m in self.owed)),
            ("中止办理时间", cn_time(self.halted_at)),
        )


@dataclass(frozen=True, kw_only=True)
class TerminationNotice(CasePaper):
    """终止办理通知书: a deferred (容缺) material was never supplied, so the case ends without a
    decision on the merits; the applicant may apply again, and has the same remedies as against
    a decision."""

    kind: ClassVar[DocumentKind] = DocumentKind.TERMINATION
    stub_names_item: ClassVar[bool] = True
    accepted_at: datetime
    terminated_at: datetime
    supply_by: date | None
    owed: tuple[MaterialLine, ...]
    reason: str
    remedy: str = TERMINATION_REMEDY

    def body(self) -> tuple[Block, ...]:
        by = f"于{cn_date(self.supply_by)}前" if self.supply_by else "在约定期限内"
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提出的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}）系容缺受理，您书面承诺{by}补交下列材料，"
                "逾期仍未补交："
            ),
            _materials_grid(self.owed),
            Fields((("终止办理时间", cn_time(self.terminated_at)), ("说明", self.reason))),
            Para(
                "依照您签署的容缺受理承诺，本中心决定终止办理本件。终止办理不影响您备齐材料后"
                "重新提出申请。",
                emphasis=True,
            ),
            Para(self.remedy),
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("未补交材料", "、".join(m.name for m in self.owed)),
            ("终止办理时间", cn_time(self.terminated_at)),
        )


@dataclass(frozen=True, kw_only=True)
class ExtensionNotice(CasePaper):
    """延期告知书 (行政许可法 Art. 42): the limit is extended, by how much, why, until when, and
    who approved an extension beyond the statutory limit."""

    kind: ClassVar[DocumentKind] = DocumentKind.EXTENSION
    number_label: ClassVar[str] = "告知书编号"
    accepted_at: datetime
    days: int
    reason: str
    approved_by: str = ""
    new_due: date | None = None
    new_due_provisional: bool = False

    def body(self) -> tuple[Block, ...]:
        if self.new_due is None:
            until = "（本件现中止计时，恢复计时后顺延）"
        else:
            mark = "（暂定，以国务院公布的节假日安排为准）" if self.new_due_provisional else ""
            until = cn_date(self.new_due) + mark
        rows = [
            ("延长期限", f"{self.days}个工作日"),
            ("延期理由", self.reason),
            ("办结期限延至", until),
        ]
        if self.approved_by:
            rows.append(("批准人", f"{self.approved_by}（行政机关负责人）"))
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提出的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}），因下列理由不能在原定期限内作出决定，"
                "依照《中华人民共和国行政许可法》第四十二条，决定延长办理期限："
            ),
            Fields(tuple(rows)),
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("延长期限", f"{self.days}个工作日"),
            ("延期理由", self.reason),
            ("告知日期", cn_date(self.issued_on)),
        )


def _draft_warning(drafts: tuple[str, ...]) -> tuple[Block, ...]:
    """The hall's posted papers made while an item in force is an unpublished draft say so
    first (app.catalog.publication): such a paper is not to be posted."""
    if not drafts:
        return ()
    return (
        Para(
            f"【草稿，不得张贴】以下{len(drafts)}个事项的现行版本尚未公布：{'、'.join(drafts)}。"
            "请中心负责人或系统管理员公布后重新打印。",
            emphasis=True,
        ),
    )


@dataclass(frozen=True, kw_only=True)
class ServiceCommitment(PrintedDocument):
    """服务承诺书: the hall's public pledge, with its figures taken from the catalog in force,
    so the paper on the wall never promises what the counter does not do."""

    kind: ClassVar[DocumentKind] = DocumentKind.COMMITMENT
    items: int
    on_the_spot: int
    committed_days: int  # sum over the items with a limit
    statutory_days: int  # the same items' statutory limits
    visits_zero_or_one: int  # items needing at most one trip to the hall
    complaint_phone: str
    hours: str = ""
    drafts: tuple[str, ...] = ()  # items in force not yet published: "code name"

    def body(self) -> tuple[Block, ...]:
        saved = 0
        if self.statutory_days:
            saved = round(100 * (self.statutory_days - self.committed_days) / self.statutory_days)
        pledges = (
            (
                "首问负责",
                "您第一位询问的工作人员负责到底：当场解答、受理，或把您引导到具体承办人"
                "并确认对方接手，不推诿、不让您来回跑。",
            ),
            (
                "一次性告知",
                "申请材料不齐全或不符合法定形式的，当场一次性书面告知需要补正的"
                "全部内容；告知单以外的材料，不再要求您补交。",
            ),
            (
                "限时办结",
                f"本中心公示的{self.items}个事项中，即办件{self.on_the_spot}个当场办结；"
                f"其余事项的承诺时限比法定时限平均缩短{saved}%，在承诺期限内办结。"
                "需要延期的，书面告知理由和新的期限。",
            ),
            ("最多跑一次", f"{self.visits_zero_or_one}个事项材料齐全时最多跑一次即可办结。"),
            ("容缺受理", "主要材料齐全、次要材料暂缺的，经您书面承诺后先行受理，限期补交。"),
            ("AB岗", "工作人员因故不在岗时，由B岗人员顶岗办理，窗口不空岗、业务不断档。"),
            ("好差评", "每次服务都请您评价；差评事项专人回访整改，并将结果告诉您。"),
            ("责任追究", "超期未办结、违反一次性告知的，按规定追究经办人员责任。"),
        )
        blocks: list[Block] = [
            *_draft_warning(self.drafts),
            Para(f"为方便群众和企业办事，{self.center_name}郑重承诺："),
            Fields(tuple((f"{i}. {title}", text) for i, (title, text) in enumerate(pledges, 1))),
        ]
        if self.hours:
            blocks.append(Para(f"服务时间：{self.hours}"))
        phone = self.complaint_phone or "12345"
        blocks.append(
            Para(f"欢迎监督。监督投诉电话：{phone}；政务服务便民热线：12345。", emphasis=True)
        )
        return tuple(blocks)


@dataclass(frozen=True, kw_only=True)
class CatalogDisclosure(PrintedDocument):
    """政务服务事项公示清单: every item in force with its legal basis, fee, statutory and
    committed limit, and its flow, for the hall's notice board (公示)."""

    kind: ClassVar[DocumentKind] = DocumentKind.DISCLOSURE
    # code, name, department, basis, fee, statutory limit, committed limit, flow; a draft
    # row's name says "（草稿，未公布）"
    rows: tuple[tuple[str, ...], ...]
    drafts: tuple[str, ...] = ()  # items in force not yet published: "code name"

    def body(self) -> tuple[Block, ...]:
        return (
            *_draft_warning(self.drafts),
            Para(f"以下{len(self.rows)}个事项为本中心现行办理事项，自公示之日起按此办理。"),
            Grid(
                (
                    *("序号", "事项编码", "事项名称", "实施部门", "设定依据", "收费"),
                    *("法定时限", "承诺时限", "办理流程"),
                ),
                tuple((str(i), *row) for i, row in enumerate(self.rows, 1)),
                (0.8, 1.4, 3.0, 1.6, 3.0, 1.2, 1.5, 1.5, 3.4),
                align=(
                    *("right", "left", "left", "left", "left", "left"),
                    *("right", "right", "left"),
                ),
            ),
            Para("时限均为工作日；即办件当场办结。对公示内容有疑问的，请向窗口工作人员咨询。"),
        )


@dataclass(frozen=True, kw_only=True)
class DenialDecision(CasePaper):
    """不予行政许可决定书 (行政许可法 Art. 38(2)): the decision in writing, with its reasons,
    their legal basis, and the applicant's right to administrative review and to sue."""

    kind: ClassVar[DocumentKind] = DocumentKind.DENIAL
    number_label: ClassVar[str] = "决定书编号"
    stub_names_item: ClassVar[bool] = True
    accepted_at: datetime
    decided_at: datetime
    reason: str
    legal_basis: str
    remedy: str = DENIAL_REMEDY

    def body(self) -> tuple[Block, ...]:
        return (
            Para(
                f"{self.applicant.name}：您于{cn_time(self.accepted_at)}提出的“{self.item_name}”"
                f"申请（办件编号 {self.case_number}），本机关已依法受理。经审查，"
                f"于{cn_time(self.decided_at)}决定不予行政许可。理由和依据如下："
            ),
            Fields(
                (
                    ("申请人", self.applicant.describe()),
                    ("不予许可的理由", self.reason),
                    ("法律依据", self.legal_basis),
                )
            ),
            Para(self.remedy, emphasis=True),
            Para("特此决定。"),
        )

    def stub_lines(self) -> tuple[tuple[str, str], ...]:
        return (
            ("不予许可的理由", self.reason),
            ("决定日期", cn_date(self.issued_on)),
        )


@dataclass(frozen=True, kw_only=True)
class ServiceGuide(PrintedDocument):
    """办事指南: one catalog version as published (number: item code and version)."""

    kind: ClassVar[DocumentKind] = DocumentKind.GUIDE
    item_name: str
    item_code: str
    version_no: int
    department: str
    category: str = ""
    legal_basis: str = ""
    conditions: str = ""
    statutory_days: int = 0
    committed_days: int = 0
    fee: str = ""
    fee_basis: str = ""
    where_when: str = ""
    visits_needed: int = 1
    consult_phone: str = ""
    complaint_phone: str = ""
    delivery_methods: str = ""
    materials: tuple[MaterialLine, ...] = ()
    steps: tuple[tuple[str, int], ...] = ()

    def body(self) -> tuple[Block, ...]:
        fee = self.fee + (f"（依据：{self.fee_basis}）" if self.fee_basis else "")
        rows = (
            ("事项名称", self.item_name),
            ("事项编码", f"{self.item_code}（第{self.version_no}版）"),
            ("实施部门", self.department),
            ("事项类型", self.category),
            ("设定依据", self.legal_basis),
            ("受理条件", self.conditions),
            ("法定时限", _days(self.statutory_days)),
            ("承诺时限", _days(self.committed_days)),
            ("收费标准", fee),
            ("办理地点和时间", self.where_when),
            ("到现场次数", f"{self.visits_needed}次"),
            ("结果送达", self.delivery_methods),
            ("咨询电话", self.consult_phone),
            ("投诉电话", self.complaint_phone),
        )
        blocks: list[Block] = [Fields(tuple((k, v) for k, v in rows if v))]
        if self.materials:
            blocks += [Heading("申请材料"), _materials_grid(self.materials, "要求及说明")]
        if self.steps:
            blocks += [
                Heading("办理流程"),
                Grid(
                    ("序号", "环节", "时限"),
                    tuple(
                        (str(i), name, _days(days)) for i, (name, days) in enumerate(self.steps, 1)
                    ),
                    (0.7, 6.0, 4.3),
                ),
            ]
        return tuple(blocks)


WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True, kw_only=True)
class AppointmentConfirmation(PrintedDocument):
    """预约确认单: when and where to come, for what, and what to bring (A5, handed over at the
    counter or read out on the phone)."""

    kind: ClassVar[DocumentKind] = DocumentKind.APPOINTMENT
    visitor: ApplicantLine
    item_name: str
    item_code: str
    day: date
    slot: str  # 09:00-09:30
    place: str  # 1号窗口（社会救助窗口）
    booked_at: datetime
    channel: str = ""  # 电话预约 / 现场预约
    notes: str = ""
    materials: tuple[MaterialLine, ...] = ()
    day_provisional: bool = False  # the day's year has no final holiday schedule yet

    def when(self) -> str:
        text = f"{cn_date(self.day)}（星期{WEEKDAYS[self.day.weekday()]}）{self.slot}"
        if self.day_provisional:
            text += "（暂定：该年度节假日安排公布后如遇放假，将另行通知改约）"
        return text

    def body(self) -> tuple[Block, ...]:
        booked = "，".join(p for p in (self.channel, cn_time(self.booked_at)) if p)
        rows = (
            ("预约时间", self.when()),
            ("办理地点", self.place),
            ("办理事项", f"{self.item_name}（{self.item_code}）"),
            ("预约人", self.visitor.describe()),
            ("预约登记", booked),
            ("备注", self.notes),
        )
        blocks: list[Block] = [Fields(tuple((k, v) for k, v in rows if v))]
        if self.materials:
            # One run-on list, so a slip for an item with many materials stays on one A5 page.
            listed = "；".join(
                f"{i}. {m.name}（{'，'.join(p for p in (m.form, m.note) if p)}）"
                for i, m in enumerate(self.materials, 1)
            )
            blocks += [Heading("请携带以下材料"), Para(listed + "。")]
        phone = f"请致电 {self.desk.phone}" if self.desk.phone else "请提前告知"
        blocks.append(
            Para(
                f"请提前10分钟到达，凭预约号到窗口签到；时段结束仍未到的视为爽约。"
                f"改约或取消{phone}。",
                emphasis=True,
            )
        )
        return tuple(blocks)


def grouped_hash(digest: str) -> str:
    """A hash in groups of eight, as printed: easier to read aloud and to compare by eye."""
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))


@dataclass(frozen=True, kw_only=True)
class DailyLog(PrintedDocument):
    """工作日志 / 台账: a day's (or a period's) counts per window and clerk, the cases handled,
    the supervisor's signature, and the audit chain's head at the end of the period, which
    anchors the trail: once the paper is signed, a later edit of the records breaks the chain
    or leaves this head out of it (``frontdesk check --anchor``)."""

    kind: ClassVar[DocumentKind] = DocumentKind.DAILY_LOG
    period: str  # 2026年11月24日, or 2026年11月1日至2026年11月30日
    count_groups: tuple[tuple[str, int], ...]  # section titles over the count columns
    count_headers: tuple[str, ...]
    count_rows: tuple[tuple[str, ...], ...]  # window, clerk, then one text per count column
    totals: tuple[str, ...]  # one text per count column
    cases: tuple[tuple[str, ...], ...]  # number, item, applicant (masked), clerk, state, due, card
    supervisor: str
    prepared_by: str
    made_at: datetime
    chain_seq: int
    chain_hash: str
    chain_at: datetime | None
    notes: tuple[str, ...] = ()

    def body(self) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Fields(
                (
                    ("统计期间", self.period),
                    ("制表人", f"{self.prepared_by}（制表时间 {cn_time(self.made_at)}）"),
                )
            ),
            Heading("一、分窗口、分人员统计"),
            Grid(
                ("", "", *self.count_headers),
                (*self.count_rows, ("合计", "", *self.totals)),
                (3.0, 1.7, *(1.0,) * len(self.count_headers)),
                groups=(("窗口", 1), ("工作人员", 1), *self.count_groups),
                align=("left", "left", *("right",) * len(self.count_headers)),
                total_rows=1,
                dense=True,
            ),
        ]
        blocks += [Para(note, small=True) for note in self.notes]
        blocks += [
            Heading(f"二、办件清单（{len(self.cases)}件）"),
            Grid(
                ("序号", "办件编号", "事项", "申请人", "负责人", "状态", "承诺办结日期", "预警"),
                tuple((str(i), *row) for i, row in enumerate(self.cases, 1)),
                (0.7, 2.3, 5.0, 1.2, 1.1, 1.2, 1.9, 0.8),
                align=("right", "left", "left", "left", "left", "left", "left", "center"),
                dense=True,
            ),
        ]
        return tuple(blocks)

    def closing_body(self) -> tuple[Block, ...]:
        return (
            Heading("三、审核签字"),
            Para(f"中心负责人：{self.supervisor}" if self.supervisor else "中心负责人："),
            Para("签字：________________________　　　　日期：________年______月______日"),
            Para(self._anchor_text(), emphasis=True),
        )

    def _anchor_text(self) -> str:
        if not self.chain_hash:
            return "审计链锚点：本期间结束时审计链尚无记录。"
        when = cn_time(self.chain_at) if self.chain_at else ""
        return (
            f"审计链锚点：截至{when}（第 {self.chain_seq} 条事件）的链头哈希\n"
            f"{grouped_hash(self.chain_hash)}\n"
            "核对：frontdesk check --anchor 加上述哈希。本日志签字后，"
            "其所载记录如被改动，核对将不能通过。"
        )


ALL_DOCUMENT_CLASSES: tuple[type[PrintedDocument], ...] = (
    AcceptanceReceipt,
    OneTimeNotice,
    ReferralSlip,
    RefusalNotice,
    CorrectionRequest,
    DeferredMaterialsNotice,
    CompletionNotice,
    DenialDecision,
    SupplyReceipt,
    SpecialProcedureNotice,
    ExtensionNotice,
    ServiceCommitment,
    CatalogDisclosure,
    ServiceGuide,
    AppointmentConfirmation,
    DailyLog,
)


@dataclass(frozen=True, kw_only=True)
class QueueTicketSlip(PrintedDocument):
    """排队号票: the number large, the item group, when it was taken, how many wait ahead, and
    which windows call it (A6, or the 80 mm roll of a receipt printer at the entrance)."""

    kind: ClassVar[DocumentKind] = DocumentKind.QUEUE_TICKET
    group_name: str
    taken_at: datetime
    ahead: int
    windows: tuple[int, ...] = ()

    def body(self) -> tuple[Block, ...]:
        rows = [
            ("业务类别", self.group_name),
            ("取号时间", cn_time(self.taken_at)),
            ("前面等候", f"{self.ahead}人"),
        ]
        if self.windows:
            rows.append(("办理窗口", "、".join(str(n) for n in self.windows) + "号窗口"))
        return (
            Display(self.number),
            Fields(tuple(rows)),
            Para("请留意大厅显示屏和语音叫号；过号请重新取号。本号当日有效。", small=True),
        )


ALL_DOCUMENT_CLASSES += (QueueTicketSlip,)
