"""The simulated hall's applicants and visitors: names, ID numbers and phones, from a seed."""

from __future__ import annotations

import random
from datetime import date

from app.cases.records import ApplicantInput
from app.validation import id_check_char

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文欧阳"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰红梅志强文斌海燕淑"
    "珍桂芳凤英玉梅婷雪晨宇浩然子涵欣怡梓萱一诺𠇹䶮〇"
)
AREAS = ["130524", "130525", "130526", "130527", "130528"]  # a county's area codes


def person(rng: random.Random, today: date) -> ApplicantInput:
    surname = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    born = date(rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28))
    first17 = f"{rng.choice(AREAS)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return ApplicantInput(
        name=surname + given,
        id_number=first17 + id_check_char(first17),
        phone=f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}",
    )
