"""The demo hall's catalog: items a county center and its townships commonly handle.

Written for the demo in our own words: the materials, limits and steps are plausible, not any
one county's published guide. Legal bases name the law or regulation; an article is named
only where its content is well known.
"""

from __future__ import annotations

from app.catalog.ports import ItemDraft, MaterialDraft, StepDraft
from app.catalog.service import record_draft
from app.ports import UnitOfWork

HALL = "清河县政务服务中心"
HOURS = "周一至周五 上午9:00—12:00，下午13:30—17:00（法定节假日除外）"
COMPLAINT = "12345"


def _at(window: int, name: str) -> str:
    return f"{HALL}一楼{window}号窗口（{name}）；{HOURS}"


def req(
    name: str,
    form: str = "original",
    copies: int = 1,
    *,
    medium: str = "paper",
    deferrable: bool = False,
    requirements: str = "",
    template_ref: str = "",
) -> MaterialDraft:
    """A material every applicant brings."""
    return MaterialDraft(
        name,
        form,
        medium,
        copies,
        "required",
        deferrable=deferrable,
        requirements=requirements,
        template_ref=template_ref,
    )


def cond(
    name: str,
    condition: str,
    form: str = "copy",
    *,
    deferrable: bool = False,
    requirements: str = "",
) -> MaterialDraft:
    """A material needed only when ``condition`` applies."""
    return MaterialDraft(
        name,
        form,
        necessity="conditional",
        condition=condition,
        deferrable=deferrable,
        requirements=requirements,
    )


def opt(name: str, form: str = "copy", *, template_ref: str = "") -> MaterialDraft:
    return MaterialDraft(name, form, necessity="optional", template_ref=template_ref)


ID_CARD = req("申请人居民身份证", "either", requirements="原件现场核验，复印件留存正反面")
HOUSEHOLD = req("户口簿", "either", requirements="原件核验，复印首页及本人页")
PROXY = cond(
    "委托书及受托人身份证",
    "委托他人代为办理的",
    "original",
    requirements="委托书须申请人签名或按手印",
)
PHOTO = req("近期一寸免冠彩色照片", copies=2, requirements="白底，半年内拍摄")
BANK = req(
    "本人银行账户（社保卡）信息",
    "copy",
    deferrable=True,
    requirements="用于发放补贴，户名须为本人",
)
AUTH = req(
    "家庭经济状况核对授权书",
    requirements="共同生活家庭成员均须签字",
    template_ref="家庭经济状况核对授权书（民政局统一格式）",
)


def _steps(
    *days: int, names: tuple[str, ...] = ("受理", "审核", "决定", "送达")
) -> tuple[StepDraft, ...]:
    return tuple(StepDraft(n, d) for n, d in zip(names, days, strict=True))


def _civil(code: str, name: str, window: int, **fields: object) -> ItemDraft:
    defaults: dict[str, object] = {
        "department": "县民政局",
        "category": "社会救助" if window == 1 else "养老服务",
        "where_when": _at(window, "社会救助窗口" if window == 1 else "养老服务窗口"),
        "consult_phone": "0310-6812301",
        "complaint_phone": COMPLAINT,
        "delivery_methods": "窗口领取；邮寄送达",
    }
    return ItemDraft(code=code, name=name, **{**defaults, **fields})  # type: ignore[arg-type]


CIVIL_AFFAIRS = [
    _civil(
        "MZ-001",
        "最低生活保障申请",
        1,
        legal_basis=(
            "《社会救助暂行办法》（国务院令第649号）第二章“最低生活保障”；"
            "民政部《最低生活保障审核确认办法》"
        ),
        conditions=(
            "持有本县户籍，共同生活的家庭成员人均月收入低于本县最低生活保障标准，"
            "且家庭财产状况符合规定。"
        ),
        statutory_days=30,
        committed_days=20,
        materials=(
            req("最低生活保障申请书", template_ref="低保申请书（民政局统一格式）"),
            ID_CARD,
            HOUSEHOLD,
            AUTH,
            req("家庭成员收入情况声明", requirements="如实填写近六个月收入"),
            cond(
                "残疾人证或病历、诊断证明",
                "家庭成员有残疾或重病的",
                deferrable=True,
            ),
            cond("离婚证及离婚协议或判决书", "申请人离异的"),
            opt("其他能证明家庭困难情况的材料"),
            PROXY,
        ),
        steps=_steps(1, 14, 4, 1, names=("受理", "入户调查和核对", "审核确认", "送达")),
    ),
    _civil(
        "MZ-002",
        "特困人员救助供养申请",
        1,
        legal_basis="《社会救助暂行办法》第三章“特困人员供养”；民政部《特困人员认定办法》",
        conditions=(
            "老年人、残疾人以及未满十六周岁的未成年人，同时无劳动能力、无生活来源、"
            "无法定赡养抚养扶养义务人或其义务人无履行能力。"
        ),
        statutory_days=30,
        committed_days=20,
        materials=(
            req("特困人员救助供养申请书", template_ref="特困人员救助供养申请书"),
            ID_CARD,
            HOUSEHOLD,
            AUTH,
            cond("残疾人证", "以残疾为由申请的", deferrable=True),
            cond("法定义务人无履行能力的证明", "有法定赡养、抚养、扶养义务人的"),
            cond("分散或集中供养意愿书", "申请集中供养的", "original"),
            PROXY,
        ),
        steps=_steps(1, 12, 6, 1, names=("受理", "调查核实", "审核认定", "送达")),
    ),
    _civil(
        "MZ-003",
        "临时救助申请",
        1,
        legal_basis="《社会救助暂行办法》第十一章“临时救助”",
        conditions=(
            "因火灾、交通事故等意外事件或重大疾病等原因，导致基本生活暂时出现严重困难的家庭或个人。"
            "情况紧急的，可先行救助，事后补齐手续。"
        ),
        statutory_days=15,
        committed_days=5,
        fee="不收费",
        materials=(
            req("临时救助申请书", template_ref="临时救助申请书"),
            ID_CARD,
            HOUSEHOLD,
            req(
                "遭遇困难的证明材料",
                "copy",
                deferrable=True,
                requirements="如医疗费用票据、事故认定书、火灾证明等",
            ),
            BANK,
            PROXY,
        ),
        steps=_steps(1, 2, 1, 1),
    ),
    _civil(
        "MZ-004",
        "高龄津贴申领",
        2,
        legal_basis=(
            "《中华人民共和国老年人权益保障法》第三十三条（鼓励地方建立八十周岁以上低收入老年人"
            "高龄津贴制度）；本省高龄津贴实施办法"
        ),
        conditions="本县户籍、年满八十周岁的老年人。",
        statutory_days=20,
        committed_days=10,
        visits_needed=1,
        materials=(ID_CARD, HOUSEHOLD, BANK, PROXY),
        steps=_steps(1, 6, 2, 1),
    ),
    _civil(
        "MZ-005",
        "困难残疾人生活补贴和重度残疾人护理补贴申请",
        2,
        legal_basis=(
            "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》"
            "（国发〔2015〕52号）"
        ),
        conditions=(
            "生活补贴：持第二代残疾人证、属于低保家庭的残疾人；护理补贴：残疾等级为一级、二级"
            "且需要长期照护的重度残疾人。"
        ),
        statutory_days=30,
        committed_days=15,
        materials=(
            req("残疾人两项补贴申请审批表", template_ref="残疾人两项补贴申请审批表"),
            ID_CARD,
            req("第二代残疾人证", "either"),
            HOUSEHOLD,
            cond("最低生活保障证", "申请生活补贴的", deferrable=True),
            BANK,
            PROXY,
        ),
        steps=_steps(1, 10, 3, 1),
    ),
    _civil(
        "MZ-006",
        "婚姻登记咨询及预约转介",
        6,
        department="县民政局婚姻登记处",
        category="婚姻登记",
        where_when=_at(6, "咨询导办窗口") + "。结婚、离婚登记本人须到县婚姻登记处办理。",
        legal_basis="《婚姻登记条例》：内地居民办理婚姻登记的机关是县级人民政府民政部门",
        conditions="咨询结婚、离婚、补领婚姻登记证等事项；本窗口登记预约并转介婚姻登记处。",
        statutory_days=0,
        committed_days=0,
        visits_needed=0,
        delivery_methods="当场告知；预约短信通知",
        materials=(opt("双方居民身份证和户口簿", "either"),),
    ),
    _civil(
        "MZ-007",
        "经济困难老年人养老服务补贴申请",
        2,
        legal_basis="《中华人民共和国老年人权益保障法》；本省经济困难老年人养老服务补贴办法",
        conditions="本县户籍、年满六十周岁，属于低保、特困或低收入家庭，经评估需要照护的老年人。",
        statutory_days=30,
        committed_days=15,
        materials=(
            req("养老服务补贴申请表", template_ref="养老服务补贴申请表"),
            ID_CARD,
            HOUSEHOLD,
            req("老年人能力评估报告", "copy", deferrable=True),
            cond("低保证、特困证或低收入家庭认定证明", "按经济困难条件申请的"),
            PROXY,
        ),
        steps=_steps(1, 10, 3, 1, names=("受理", "评估核实", "审批", "送达")),
    ),
    _civil(
        "MZ-008",
        "孤儿基本生活保障金申领",
        1,
        legal_basis="《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）",
        conditions="父母双方死亡或人民法院宣告失踪、不满十八周岁的未成年人。",
        statutory_days=30,
        committed_days=20,
        materials=(
            req("孤儿基本生活保障申请表", template_ref="孤儿基本生活保障申请表"),
            req("儿童户口簿或居民身份证", "either"),
            req("父母死亡证明或人民法院宣告失踪的判决书", "copy"),
            req("监护人居民身份证", "either"),
            BANK,
        ),
        steps=_steps(1, 12, 6, 1),
    ),
    _civil(
        "MZ-009",
        "基本殡葬服务费用减免",
        1,
        category="殡葬服务",
        legal_basis="《殡葬管理条例》；本县惠民殡葬政策",
        conditions="本县户籍居民去世后，在本县殡仪馆火化的，减免遗体接运、火化等基本殡葬服务费用。",
        statutory_days=10,
        committed_days=3,
        materials=(
            req("死亡证明", "copy"),
            req("经办人居民身份证", "either"),
            req("殡仪馆费用结算单", "original"),
            req("逝者户口簿", "either", deferrable=True, requirements="户口注销后可补交"),
        ),
        steps=_steps(1, 1, 1, names=("受理", "审核", "减免结算")),
    ),
    _civil(
        "MZ-010",
        "老年人优待证办理",
        2,
        legal_basis="《中华人民共和国老年人权益保障法》第五章“社会优待”",
        conditions="年满六十周岁的老年人（含常住本县的外地户籍老年人）。",
        statutory_days=5,
        committed_days=0,
        materials=(ID_CARD, PHOTO),
    ),
]


def _social(code: str, name: str, **fields: object) -> ItemDraft:
    defaults: dict[str, object] = {
        "department": "县人力资源和社会保障局",
        "category": "社会保险",
        "where_when": _at(3, "社保窗口"),
        "consult_phone": "0310-6812303",
        "complaint_phone": COMPLAINT,
        "statutory_days": 5,
        "committed_days": 0,
    }
    return ItemDraft(code=code, name=name, **{**defaults, **fields})  # type: ignore[arg-type]


SOCIAL_INSURANCE = [
    _social(
        "RS-001",
        "城乡居民基本养老保险参保登记",
        legal_basis=(
            "《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民"
            "基本养老保险制度的意见》（国发〔2014〕8号）"
        ),
        conditions="年满十六周岁（不含在校学生），非国家机关和事业单位工作人员，未参加职工基本养老保险的居民。",
        materials=(
            ID_CARD,
            HOUSEHOLD,
            opt("参保登记表", "original", template_ref="城乡居民养老保险参保登记表"),
        ),
    ),
    _social(
        "RS-002",
        "城乡居民基本养老保险待遇申领",
        legal_basis="《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
        conditions="参保人年满六十周岁、累计缴费满十五年（或符合规定的补缴条件），且未领取其他基本养老保障待遇。",
        statutory_days=20,
        committed_days=5,
        materials=(
            req("城乡居民养老保险待遇领取申请表", template_ref="待遇领取申请表"),
            ID_CARD,
            HOUSEHOLD,
            BANK,
            PROXY,
        ),
        steps=_steps(1, 2, 1, 1, names=("受理", "资格审核", "待遇核定", "告知")),
    ),
    _social(
        "YB-001",
        "城乡居民基本医疗保险参保登记",
        department="县医疗保障局",
        category="医疗保障",
        legal_basis=(
            "《中华人民共和国社会保险法》第二十五条；"
            "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）"
        ),
        conditions="未参加职工基本医疗保险的本县户籍居民及持本县居住证的常住人口。",
        materials=(
            ID_CARD,
            HOUSEHOLD,
            cond("居住证", "非本县户籍的常住居民"),
            cond("出生医学证明", "新生儿参保的", "either"),
        ),
    ),
    _social(
        "RS-003",
        "社会保障卡补领、换领",
        category="社会保障卡",
        legal_basis="《中华人民共和国社会保险法》第五十八条（社会保障号码为公民身份号码）",
        conditions="社会保障卡遗失、损坏或需要更换的参保人。",
        fee="不收费",
        materials=(ID_CARD, cond("原社会保障卡", "换领的", "original"), PROXY),
    ),
    _social(
        "RS-004",
        "就业失业登记",
        category="就业服务",
        legal_basis="《中华人民共和国就业促进法》；《就业服务与就业管理规定》",
        conditions="在法定劳动年龄内、有劳动能力和就业要求的城乡劳动者。",
        materials=(
            ID_CARD,
            cond("劳动合同或解除劳动合同证明", "办理就业登记或失业登记时有劳动关系变化的"),
            opt("学历证书", "copy"),
        ),
    ),
]


def _water(code: str, name: str, **fields: object) -> ItemDraft:
    defaults: dict[str, object] = {
        "department": "县水利局",
        "category": "水行政许可",
        "where_when": _at(4, "水务窗口"),
        "consult_phone": "0310-6812304",
        "complaint_phone": COMPLAINT,
        "delivery_methods": "窗口领取；邮寄送达",
        "visits_needed": 1,
        # 乡镇代收、县级审批: a township convenience center accepts these and hands the case
        # over to the county, whose water bureau decides it (app.handover).
        "decision_level": "county",
    }
    return ItemDraft(code=code, name=name, **{**defaults, **fields})  # type: ignore[arg-type]


LICENCE = req("营业执照或法人证书", "copy", requirements="加盖单位公章")
APPLICANT_ID = req(
    "法定代表人身份证明及经办人身份证",
    "copy",
    requirements="非法定代表人办理的，另附授权委托书",
)

WATER = [
    _water(
        "SL-001",
        "取水许可",
        legal_basis=(
            "《中华人民共和国水法》第七条（取水许可制度和有偿使用制度）、第四十八条；"
            "《取水许可和水资源费征收管理条例》（国务院令第460号）"
        ),
        conditions="直接从江河、湖泊或者地下取用水资源的单位和个人（法定免于申请的情形除外）。",
        statutory_days=45,
        committed_days=20,
        materials=(
            req("取水许可申请书", template_ref="取水许可申请书（水利部格式）"),
            LICENCE,
            APPLICANT_ID,
            req(
                "建设项目水资源论证报告书（表）",
                requirements="按规定需要论证的，附专家评审意见",
            ),
            req("与第三者利害关系的相关说明", deferrable=True),
            cond("取水工程所在地县级人民政府或相关部门意见", "利用地下水的"),
            cond("退水方案及退水口设置论证", "有退水的"),
        ),
        steps=_steps(
            1, 12, 5, 2, names=("受理", "审查（现场勘验及专家评审不计入时限）", "决定", "送达")
        ),
    ),
    _water(
        "SL-002",
        "取水许可证延续",
        legal_basis="《取水许可和水资源费征收管理条例》（国务院令第460号）",
        conditions="取水许可证有效期届满需要延续，并在有效期届满45日前提出申请的。",
        statutory_days=20,
        committed_days=10,
        materials=(
            req("取水许可延续申请书"),
            req("原取水许可证", "either"),
            req("取水计量设施运行及近年取水情况说明", "original"),
            LICENCE,
        ),
        steps=_steps(1, 6, 2, 1),
    ),
    _water(
        "SL-003",
        "河道管理范围内建设项目工程建设方案审批",
        legal_basis=(
            "《中华人民共和国水法》第三十八条；《中华人民共和国防洪法》第二十七条；"
            "《中华人民共和国河道管理条例》"
        ),
        conditions="在河道管理范围内建设桥梁、码头、道路、管道、缆线及其他拦河、跨河、临河建筑物和构筑物的建设单位。",
        statutory_days=20,
        committed_days=12,
        materials=(
            req("河道管理范围内建设项目申请书", template_ref="河道管理范围内建设项目申请书"),
            LICENCE,
            APPLICANT_ID,
            req("建设项目防洪影响评价报告", requirements="附专家评审意见"),
            req("工程设计方案及平面布置图、断面图", copies=2),
            req("项目批准、核准或备案文件", "copy", deferrable=True),
            cond("与第三方达成的协议", "项目涉及第三方合法水事权益的"),
        ),
        steps=_steps(1, 7, 3, 1, names=("受理", "审查（现场勘验不计入时限）", "决定", "送达")),
    ),
    _water(
        "SL-004",
        "生产建设项目水土保持方案审批",
        category="水土保持",
        legal_basis="《中华人民共和国水土保持法》第二十五条",
        conditions="在山区、丘陵区、风沙区以及水土保持规划确定的容易发生水土流失的其他区域开办可能造成水土流失的生产建设项目。",
        statutory_days=20,
        committed_days=10,
        materials=(
            req("水土保持方案审批申请文件"),
            req("水土保持方案报告书（报告表）", copies=2),
            req("技术评审意见", deferrable=True),
            LICENCE,
        ),
        steps=_steps(1, 6, 2, 1),
    ),
]


def _general(code: str, name: str, department: str, **fields: object) -> ItemDraft:
    defaults: dict[str, object] = {
        "department": department,
        "where_when": _at(5, "综合受理窗口"),
        "consult_phone": "0310-6812305",
        "complaint_phone": COMPLAINT,
    }
    return ItemDraft(code=code, name=name, **{**defaults, **fields})  # type: ignore[arg-type]


GENERAL = [
    _general(
        "GA-001",
        "居住证申领",
        "县公安局",
        category="户籍与居住",
        legal_basis="《居住证暂行条例》（国务院令第663号）",
        conditions="离开常住户口所在地，在本县居住半年以上，有合法稳定就业、合法稳定住所或连续就读条件之一的公民。",
        statutory_days=15,
        committed_days=7,
        fee="首次申领不收费",
        delivery_methods="窗口领取；邮寄送达",
        materials=(
            ID_CARD,
            PHOTO,
            req(
                "居住登记凭证或住所证明",
                "copy",
                requirements="房屋租赁合同、房产证明或单位住宿证明",
            ),
            cond("劳动合同或营业执照", "以合法稳定就业申领的"),
            cond("学生证或学校在读证明", "以连续就读申领的"),
        ),
        steps=_steps(1, 3, 3, names=("受理", "审核", "制证")),
    ),
    _general(
        "SC-001",
        "个体工商户设立登记",
        "县市场监督管理局",
        category="市场主体登记",
        legal_basis=(
            "《促进个体工商户发展条例》（国务院令第755号）；"
            "《中华人民共和国市场主体登记管理条例》（国务院令第746号）：材料齐全、符合法定形式的当场登记"
        ),
        conditions="有经营能力的公民，在本县从事工商业经营。",
        statutory_days=3,
        committed_days=0,
        delivery_methods="当场发照",
        materials=(
            req("个体工商户登记（备案）申请书", template_ref="个体工商户登记申请书"),
            ID_CARD,
            req("经营场所使用证明", "copy", requirements="房屋产权证明或租赁合同"),
            cond("委托代理人证明及其身份证", "委托代理人办理的", "original"),
        ),
    ),
    _general(
        "SC-002",
        "个体工商户注销登记",
        "县市场监督管理局",
        category="市场主体登记",
        legal_basis="《中华人民共和国市场主体登记管理条例》（国务院令第746号）",
        conditions="个体工商户不再从事经营活动的。",
        statutory_days=3,
        committed_days=0,
        delivery_methods="当场办结",
        materials=(req("个体工商户注销登记申请书"), ID_CARD, opt("营业执照正、副本", "original")),
    ),
    _general(
        "NY-001",
        "农业机械购置补贴申请",
        "县农业农村局",
        category="农业补贴",
        legal_basis="《中华人民共和国农业机械化促进法》；年度农机购置与应用补贴实施方案",
        conditions="购买列入补贴范围的农业机械的农户和农业生产经营组织。",
        statutory_days=20,
        committed_days=15,
        materials=(
            req("农机购置补贴申请表", template_ref="农机购置补贴申请表"),
            ID_CARD,
            req("购机发票", "either"),
            req("机具铭牌及人机合影照片", "either", medium="either"),
            BANK,
            cond("拖拉机、联合收割机行驶证", "购买需要牌证管理的机具的", "copy"),
        ),
        steps=_steps(1, 10, 3, 1, names=("受理", "机具核验", "审核公示", "兑付")),
    ),
    _general(
        "NY-002",
        "农村土地经营权流转合同备案",
        "县农业农村局",
        category="农村经营管理",
        legal_basis="《中华人民共和国农村土地承包法》第二章第五节“土地经营权”",
        conditions="以出租（转包）、入股等方式流转土地经营权并签订书面合同的当事人。",
        statutory_days=10,
        committed_days=3,
        materials=(
            req("土地经营权流转合同", copies=2),
            req("流转双方身份证明", "copy"),
            req("农村土地承包经营权证", "copy", deferrable=True),
        ),
        steps=_steps(1, 1, 1, names=("受理", "审查", "备案")),
    ),
    _general(
        "GD-001",
        "低压居民用电新装",
        "国网清河县供电公司",
        category="用电报装",
        legal_basis="《电力供应与使用条例》；供电企业供电服务承诺",
        conditions="有合法用电需求的居民用户。",
        statutory_days=5,
        committed_days=3,
        where_when=_at(5, "综合受理窗口") + "；也可拨打95598预约上门",
        consult_phone="95598",
        materials=(
            ID_CARD,
            req("房屋产权证明或其他合法使用证明", "copy"),
            cond("委托书", "非户主办理的", "original"),
        ),
        steps=_steps(1, 1, 1, names=("受理", "现场勘查", "装表接电")),
    ),
    _general(
        "GD-002",
        "居民用电过户",
        "国网清河县供电公司",
        category="用电报装",
        legal_basis="《供电营业规则》",
        conditions="房屋产权变更后需要变更用电户名的居民用户。",
        statutory_days=5,
        committed_days=0,
        consult_phone="95598",
        materials=(
            ID_CARD,
            req("新产权人房屋产权证明", "copy"),
            req("电费结清凭证", "either", deferrable=True),
        ),
    ),
    _general(
        "CL-001",
        "残疾人证申领",
        "县残疾人联合会",
        category="残疾人服务",
        legal_basis="《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》",
        conditions="符合残疾标准的本县户籍居民。",
        statutory_days=30,
        committed_days=20,
        materials=(
            req("残疾人证申请表", template_ref="残疾人证申请表"),
            ID_CARD,
            HOUSEHOLD,
            PHOTO,
            opt("既往病历及检查报告", "copy"),
        ),
        steps=_steps(1, 12, 6, 1, names=("受理", "残疾评定", "审核发证", "送达")),
    ),
    _general(
        "WJ-001",
        "生育登记",
        "县卫生健康局",
        category="卫生健康",
        legal_basis="《中华人民共和国人口与计划生育法》；本省人口与计划生育条例",
        conditions="本县户籍或在本县居住的育龄夫妻。",
        statutory_days=0,
        committed_days=0,
        visits_needed=0,
        delivery_methods="当场办结；网上办理",
        materials=(
            req("夫妻双方居民身份证", "either", medium="either"),
            opt("结婚证", "either"),
        ),
    ),
]

DEMO_ITEMS: tuple[ItemDraft, ...] = (*CIVIL_AFFAIRS, *SOCIAL_INSURANCE, *WATER, *GENERAL)


def load_demo_catalog(uow: UnitOfWork) -> tuple[str, ...]:
    """Add the demo items whose codes are not in the catalog yet (inside the caller's write
    transaction), published as a working hall's catalog is (by the set-up: no one in
    particular). Items already there are left as they are, edited or not."""
    added = []
    for draft in DEMO_ITEMS:
        if uow.catalog.item_by_code(draft.code) is None:
            saved = record_draft(uow, None, draft, login="init")
            uow.catalog.publish_version(saved.version_id, uow.clock.now(), None)
            added.append(draft.code)
    return tuple(added)
