"""The services' messages in the interface language.

``app/`` has no Qt, so its refusals (a wrong password, a wrong check digit) are Chinese text.
The screens show them through :func:`translated`: each message the services give, with ``{}``
where a value goes, is listed here for lupdate (context ``app``); a message not listed is shown
as it came. In Chinese nothing changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The messages a clerk meets at the login, the counter and the case window (app/auth.py,
# app/validation.py, app/cases, app/notices, app/agency, app/idcard.py).
MESSAGES = (
    QT_TRANSLATE_NOOP("app", "用户名或密码不正确"),
    QT_TRANSLATE_NOOP("app", "用户名或密码不正确（还可尝试 {} 次）"),
    QT_TRANSLATE_NOOP("app", "连续输错密码 {} 次，账号已锁定 {} 分钟"),
    QT_TRANSLATE_NOOP("app", "连续输错密码次数过多，账号已锁定，请 {} 分钟后再试"),
    QT_TRANSLATE_NOOP("app", "密码至少需要 {} 个字符"),
    QT_TRANSLATE_NOOP("app", "密码不能以空格开头或结尾，也不能含控制字符"),
    QT_TRANSLATE_NOOP("app", "用户不一致"),
    QT_TRANSLATE_NOOP("app", "格式不正确"),
    QT_TRANSLATE_NOOP("app", "请填写身份证号码"),
    QT_TRANSLATE_NOOP("app", "15位旧身份证号码已停用，请填写18位身份证号码"),
    QT_TRANSLATE_NOOP("app", "身份证号码应为18位"),
    QT_TRANSLATE_NOOP("app", "身份证号码只能由数字组成，最后一位可以是X"),
    QT_TRANSLATE_NOOP("app", "身份证号码前两位不是有效的省级行政区划代码"),
    QT_TRANSLATE_NOOP("app", "身份证号码中的出生日期无效"),
    QT_TRANSLATE_NOOP("app", "身份证号码中的出生日期晚于今天"),
    QT_TRANSLATE_NOOP("app", "身份证号码校验位不正确"),
    QT_TRANSLATE_NOOP("app", "请填写联系电话"),
    QT_TRANSLATE_NOOP(
        "app", "电话号码格式不正确：手机号码为11位，固定电话需带区号（如0571-88889999）"
    ),
    QT_TRANSLATE_NOOP("app", "不能为空"),
    QT_TRANSLATE_NOOP("app", "不能超过{}个字"),
    QT_TRANSLATE_NOOP("app", "姓名中不能有表情或图形符号“{}”，请删去"),
    QT_TRANSLATE_NOOP("app", "姓名中不能有数字“{}”"),
    QT_TRANSLATE_NOOP("app", "姓名中不能有符号“{}”（只可用间隔号“·”、空格、连字符和撇号）"),
    QT_TRANSLATE_NOOP("app", "姓名中有不能使用的字符（U+{}），请删去"),
    QT_TRANSLATE_NOOP("app", "间隔号“·”的位置不正确"),
    QT_TRANSLATE_NOOP("app", "含有不允许的控制字符（U+{}）"),
    QT_TRANSLATE_NOOP("app", "请填写登录名"),
    QT_TRANSLATE_NOOP("app", "登录名只能由小写字母、数字、下划线、点和短横线组成，长度2至32位"),
    QT_TRANSLATE_NOOP("app", "请选择证件类型"),
    QT_TRANSLATE_NOOP("app", "请填写证件号码"),
    QT_TRANSLATE_NOOP("app", "收件时间不能晚于现在"),
    QT_TRANSLATE_NOOP("app", "视为受理日期不能晚于今天"),
    QT_TRANSLATE_NOOP("app", "容缺受理须记录申请人的补交承诺"),
    QT_TRANSLATE_NOOP("app", "请填写容缺材料的补交期限"),
    QT_TRANSLATE_NOOP("app", "补交期限不能早于今天"),
    QT_TRANSLATE_NOOP("app", "补交期限不能晚于承诺办结日期 {}"),
    QT_TRANSLATE_NOOP("app", "“{}”不可容缺，必须当场提交"),
    QT_TRANSLATE_NOOP("app", "“{}”是必交材料，不能标为不适用"),
    QT_TRANSLATE_NOOP("app", "材料不齐，不能受理，请出具一次性告知单。缺少：{}"),
    QT_TRANSLATE_NOOP("app", "没有 {} 号窗口"),
    # app/validation.py: the other ID documents, scripts and characters a name cannot print.
    QT_TRANSLATE_NOOP("app", "{}中的出生日期无效（{}年）"),
    QT_TRANSLATE_NOOP("app", "居住证号码应为18位"),
    QT_TRANSLATE_NOOP("app", "居住证号码只能由数字组成，最后一位可以是X"),
    QT_TRANSLATE_NOOP("app", "居住证号码中的出生日期无效"),
    QT_TRANSLATE_NOOP("app", "居住证号码中的出生日期晚于今天"),
    QT_TRANSLATE_NOOP("app", "居住证号码校验位不正确"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码应为18位"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码只能由数字组成，最后一位可以是X"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码中的出生日期无效"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码中的出生日期晚于今天"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码校验位不正确"),
    QT_TRANSLATE_NOOP("app", "身份证号码"),
    QT_TRANSLATE_NOOP("app", "居住证号码"),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码"),
    QT_TRANSLATE_NOOP(
        "app", "以9开头的18位号码是外国人永久居留身份证，请把证件类型选为“外国人永久居留身份证”"
    ),
    QT_TRANSLATE_NOOP(
        "app", "港澳居民来往内地通行证号码应为字母H或M加8位数字（2013年前的旧证为10位数字）"
    ),
    QT_TRANSLATE_NOOP(
        "app", "港澳台居民居住证号码前6位应为810000（香港）、820000（澳门）或830000（台湾）"
    ),
    QT_TRANSLATE_NOOP(
        "app", "10位数字的号码请在前面加H或M（港澳通行证）；台湾居民来往大陆通行证为8位数字"
    ),
    QT_TRANSLATE_NOOP(
        "app",
        "号码格式不对：港澳通行证为H或M加8位数字，台胞证为8位数字，港澳台居民居住证为以81、82、83开头的18位号码",
    ),
    QT_TRANSLATE_NOOP("app", "请填写护照号码"),
    QT_TRANSLATE_NOOP("app", "护照号码只能由英文字母和数字组成，不含空格以外的符号"),
    QT_TRANSLATE_NOOP("app", "护照号码应为5至9位字母或数字，现为{}位"),
    QT_TRANSLATE_NOOP("app", "护照号码中应有数字"),
    QT_TRANSLATE_NOOP("app", "中国普通护照号码应为E加8位数字（或E加1位字母和7位数字）"),
    QT_TRANSLATE_NOOP("app", "请填写永久居留身份证号码"),
    QT_TRANSLATE_NOOP("app", "旧版永久居留身份证号码应为3位英文字母（国籍）加12位数字"),
    QT_TRANSLATE_NOOP(
        "app", "新版永久居留身份证号码以9开头；以其他数字开头的18位号码是居民身份证，请改选证件类型"
    ),
    QT_TRANSLATE_NOOP("app", "永久居留身份证号码第2、3位{}不是有效的受理地省份代码"),
    QT_TRANSLATE_NOOP(
        "app",
        "永久居留身份证号码应为18位（新版，以9开头）或15位（旧版，3位字母加12位数字），现为{}位",
    ),
    QT_TRANSLATE_NOOP("app", "第{}个字（U+{}）"),
    QT_TRANSLATE_NOOP("app", "{}是无法打印的私用字（常见于读卡器读出的生僻字）：请对照证件改正"),
    QT_TRANSLATE_NOOP(
        "app",
        "{}写的姓名无法正确打印（字母须连写变形，本系统打印不支持），请填写证件上的汉字姓名，如“{}”",
    ),
    QT_TRANSLATE_NOOP("app", "维吾尔文等阿拉伯字母"),
    QT_TRANSLATE_NOOP("app", "藏文"),
    QT_TRANSLATE_NOOP("app", "蒙古文"),
    QT_TRANSLATE_NOOP(
        "app",
        "{}无法打印：本系统的字体没有这个字，打印出来会是空白。请核对是否输错，或与管理员联系",
    ),
    QT_TRANSLATE_NOOP("app", "含有无效的字符（U+{}），请重新输入"),
    # The counter's one-time notices and refusals (app/notices), the agency box (app/agency),
    # the password (app/staff.py).
    QT_TRANSLATE_NOOP("app", "补齐期限不能早于今天"),
    QT_TRANSLATE_NOOP("app", "补齐期限不能超过一年"),
    QT_TRANSLATE_NOOP("app", "材料已齐全，请直接受理，无需出具告知单"),
    QT_TRANSLATE_NOOP("app", "回访时须按原告知单上的事项版本办理"),
    QT_TRANSLATE_NOOP("app", "以下材料不在原告知单上，须先说明理由（额外要求）：{}"),
    QT_TRANSLATE_NOOP("app", "没有编号为 {} 的告知单"),
    QT_TRANSLATE_NOOP("app", "告知单 {} 已受理（办件编号 {}）"),
    QT_TRANSLATE_NOOP("app", "告知单 {} 已办结，不能再使用"),
    QT_TRANSLATE_NOOP("app", "要求告知单以外的材料，须写明理由"),
    QT_TRANSLATE_NOOP("app", "该材料不属于告知单上的事项"),
    QT_TRANSLATE_NOOP("app", "“{}”已列在告知单上，可以直接要求"),
    QT_TRANSLATE_NOOP("app", "“{}”的额外要求已经记录"),
    QT_TRANSLATE_NOOP("app", "结束日期不能早于开始日期"),
    QT_TRANSLATE_NOOP("app", "请输入或扫描告知单编号，或输入身份证号码、姓名和电话"),
    QT_TRANSLATE_NOOP("app", "核验码无效：{}"),
    QT_TRANSLATE_NOOP("app", "这是{}（{}），不是一次性告知单"),
    QT_TRANSLATE_NOOP("app", "其他文书"),
    QT_TRANSLATE_NOOP("app", "请输入告知单编号、身份证号码，或姓名加电话（如：王芳 13812345678）"),
    QT_TRANSLATE_NOOP("app", "不予受理的理由"),
    QT_TRANSLATE_NOOP("app", "法律依据"),
    QT_TRANSLATE_NOOP("app", "没有编号为 {} 的不予受理通知书"),
    QT_TRANSLATE_NOOP("app", "原密码不正确"),
    QT_TRANSLATE_NOOP("app", "请指定代办员"),
    QT_TRANSLATE_NOOP("app", "代办员须为本中心在岗的窗口工作人员或负责人"),
    QT_TRANSLATE_NOOP("app", "请选择代办原因"),
    QT_TRANSLATE_NOOP("app", "请填写委托书签署日期"),
    QT_TRANSLATE_NOOP("app", "委托日期不能晚于今天"),
    QT_TRANSLATE_NOOP("app", "委托书签署已超过一年，请申请人重新签署"),
    QT_TRANSLATE_NOOP("app", "委托事项和权限"),
    QT_TRANSLATE_NOOP("app", "委托书编号或存放位置"),
    # The ID card reader's notes and refusals at the counter (app/idcard.py).
    QT_TRANSLATE_NOOP("app", "证件已过期（有效期至{}）：请申请人出示有效证件或临时身份证"),
    QT_TRANSLATE_NOOP("app", "证件有效期从{}开始，尚未生效"),
    QT_TRANSLATE_NOOP("app", "{}的{}是读卡器无法识别的生僻字：请对照证件原件手工改正"),
    QT_TRANSLATE_NOOP("app", "姓名"),
    QT_TRANSLATE_NOOP("app", "住址"),
    QT_TRANSLATE_NOOP("app", "第{}个字"),
    QT_TRANSLATE_NOOP("app", "读卡器返回的{}不是日期（{}）：请手工录入"),
    QT_TRANSLATE_NOOP("app", "读卡器只返回了{}字节的文字信息（应为{}）：请重试"),
    QT_TRANSLATE_NOOP("app", "这是外国人永久居留身份证：请手工录入"),
    QT_TRANSLATE_NOOP("app", "有效期截止日期"),
    QT_TRANSLATE_NOOP("app", "出生日期"),
    QT_TRANSLATE_NOOP("app", "有效期起始日期"),
    # The case window's steps (app/cases); a step's name and a case's state, and the field a
    # "请填写{}" asks for, are translated where they are put into a message.
    QT_TRANSLATE_NOOP("app", "材料不属于该事项的当前版本（{}）"),
    QT_TRANSLATE_NOOP("app", "找不到本服务中心"),
    QT_TRANSLATE_NOOP("app", "没有编号为 {} 的办件"),
    QT_TRANSLATE_NOOP("app", "请填写{}"),
    QT_TRANSLATE_NOOP("app", "原因"),
    QT_TRANSLATE_NOOP("app", "办件 {} 已被{}于 {} 修改，请刷新后再办理"),
    QT_TRANSLATE_NOOP("app", "他人"),
    QT_TRANSLATE_NOOP("app", "办件 {} 由{}负责，您不能办理"),
    # 乡镇代收、县级审批 (app/handover.py) and the county's views (app/reports/county.py)
    QT_TRANSLATE_NOOP("app", "此案件现由{}办理（{}），本中心不能操作"),
    # another site's visit, complaint, rating, notice ... (app/site_rules.py), and what it is
    QT_TRANSLATE_NOOP("app", "{} {} 属于{}（{}），由该中心办理；本中心只能查看，不能操作"),
    QT_TRANSLATE_NOOP("app", "来访登记"),
    QT_TRANSLATE_NOOP("app", "转办"),
    QT_TRANSLATE_NOOP("app", "投诉"),
    QT_TRANSLATE_NOOP("app", "评价"),
    QT_TRANSLATE_NOOP("app", "差评申诉"),
    QT_TRANSLATE_NOOP("app", "差评整改"),
    QT_TRANSLATE_NOOP("app", "告知单"),
    QT_TRANSLATE_NOOP("app", "业务"),
    QT_TRANSLATE_NOOP("app", "工作人员"),
    QT_TRANSLATE_NOOP("app", "B 岗须为本中心的工作人员"),
    QT_TRANSLATE_NOOP("app", "请选择移交到的县级服务中心"),
    QT_TRANSLATE_NOOP("app", "办件 {} 已移交{}"),
    QT_TRANSLATE_NOOP("app", "只有乡镇便民服务中心的办件才移交县级审批"),
    QT_TRANSLATE_NOOP("app", "{}不是县级服务中心"),
    QT_TRANSLATE_NOOP("app", "事项“{}”由本中心作出决定，不需移交县级审批"),
    QT_TRANSLATE_NOOP("app", "办件 {} 未移交，无需退回"),
    QT_TRANSLATE_NOOP("app", "只有县级中心可以查看{}的统计"),
    QT_TRANSLATE_NOOP("app", "全县统计只能在县级中心查看"),
    QT_TRANSLATE_NOOP("app", "乡镇报送情况只能在县级中心查看"),
    QT_TRANSLATE_NOOP("app", "按窗口或科室统计时请选择一个服务中心"),
    QT_TRANSLATE_NOOP("app", "请选择由本中心还是县级部门作出决定"),
    QT_TRANSLATE_NOOP("app", "办件当前状态为“{}”，不能{}"),
    QT_TRANSLATE_NOOP("app", "已受理"),
    QT_TRANSLATE_NOOP("app", "办理中"),
    QT_TRANSLATE_NOOP("app", "已中止计时"),
    QT_TRANSLATE_NOOP("app", "已办结"),
    QT_TRANSLATE_NOOP("app", "已送达"),
    QT_TRANSLATE_NOOP("app", "已撤回"),
    QT_TRANSLATE_NOOP("app", "受理"),
    QT_TRANSLATE_NOOP("app", "开始办理"),
    QT_TRANSLATE_NOOP("app", "完成环节"),
    QT_TRANSLATE_NOOP("app", "中止计时"),
    QT_TRANSLATE_NOOP("app", "恢复计时"),
    QT_TRANSLATE_NOOP("app", "延期"),
    QT_TRANSLATE_NOOP("app", "作出决定"),
    QT_TRANSLATE_NOOP("app", "送达"),
    QT_TRANSLATE_NOOP("app", "申请人撤回"),
    QT_TRANSLATE_NOOP("app", "补交容缺材料"),
    QT_TRANSLATE_NOOP("app", "请选择中止计时的类型"),
    QT_TRANSLATE_NOOP("app", "请填写特别程序预计所需的工作日（书面告知申请人）"),
    QT_TRANSLATE_NOOP("app", "预计所需工作日应在1～{}之间"),
    QT_TRANSLATE_NOOP("app", "延期天数须为正数"),
    QT_TRANSLATE_NOOP(
        "app",
        "延期后共 {} 个工作日，超过法定时限 {} 个工作日加可延长的 {} 个工作日（最多还能延 {} 天）",
    ),
    QT_TRANSLATE_NOOP("app", "批准超过法定时限（{}个工作日）延期的负责人"),
    QT_TRANSLATE_NOOP("app", "请选择准予或不予许可"),
    QT_TRANSLATE_NOOP("app", "不予许可的理由"),
    QT_TRANSLATE_NOOP("app", "不予许可的法律依据"),
    QT_TRANSLATE_NOOP("app", "请选择送达方式"),
    QT_TRANSLATE_NOOP("app", "请勾选收到的容缺材料"),
    QT_TRANSLATE_NOOP("app", "{} 不是本件尚未补交的容缺材料"),
    QT_TRANSLATE_NOOP("app", "补交的材料不正确"),
    QT_TRANSLATE_NOOP("app", "容缺材料（{}）尚未补交，不能准予；请先登记补交，或由负责人决定"),
    QT_TRANSLATE_NOOP("app", "容缺材料（{}）尚未补交时准予的理由"),
    QT_TRANSLATE_NOOP("app", "情况说明"),
    QT_TRANSLATE_NOOP("app", "处理结果"),
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for listed in MESSAGES:
        template = str(listed)  # QT_TRANSLATE_NOOP hands back the text as it was given
        parts = [re.escape(p) for p in template.split("{}")]
        out.append((re.compile("(.+?)".join(parts) + r"\Z", re.S), template))
    return tuple(out)


# A ValidationError's own message: "field: message; field: message".
_FIELD_MESSAGES = re.compile(r"[a-z_]+: .+?(?:; [a-z_]+: .+?)*\Z", re.S)


def translated(message: str) -> str:
    """``message`` in the interface language, line by line (several field messages may come
    joined). A value put into a listed message is translated too when it is itself listed (a
    case's state, a step's name, the field a "请填写{}" asks for), also item by item in a list
    joined with "、"; any other value (a name, a number) stays as it is."""
    if "\n" in message:
        return "\n".join(translated(line) for line in message.split("\n"))
    for pattern, template in _patterns():
        found = pattern.match(message)
        if found is None:
            continue
        text = QCoreApplication.translate("app", template)
        if text == template:
            return message  # Chinese, or no translation: as it came
        pieces = text.split("{}")
        values = [*(_value(v) for v in found.groups()), *[""] * len(pieces)]
        return "".join(p + (values[i] if i < len(pieces) - 1 else "") for i, p in enumerate(pieces))
    if _FIELD_MESSAGES.match(message):
        fields = (part.partition(": ") for part in message.split("; "))
        return "; ".join(f"{field}: {translated(text)}" for field, _, text in fields)
    return message


def _value(value: str) -> str:
    items = value.split("、")
    done = [translated(item) for item in items]
    if done == items:
        return value
    return ", ".join(done) if len(items) > 1 else done[0]
