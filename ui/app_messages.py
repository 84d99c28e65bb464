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

# The messages of app/auth.py, app/validation.py and app/cases/acceptance.py a clerk meets at
# the login and the counter.
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
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for listed in MESSAGES:
        template = str(listed)  # QT_TRANSLATE_NOOP hands back the text as it was given
        parts = [re.escape(p) for p in template.split("{}")]
        out.append((re.compile("(.+?)".join(parts) + r"\Z", re.S), template))
    return tuple(out)


def translated(message: str) -> str:
    """``message`` in the interface language, line by line (several field messages may come
    joined)."""
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
        values = [*found.groups(), *[""] * len(pieces)]
        return "".join(p + (values[i] if i < len(pieces) - 1 else "") for i, p in enumerate(pieces))
    return message
