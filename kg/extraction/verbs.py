"""The verbs of the genre that the claim rules share: actions that make a clause a promise
or a report (推进, 实施, 新建…), the verbs that promise works before their name (做好, 加快…),
the verb that opens an item of a list (完成…、启动…), the verbs that put works under way,
and the works that name an object by what is done to it (东平路提档升级)."""

from __future__ import annotations

import re

ACTION = re.compile(
    r"推进|推动|实施|建设|新建|改建|扩建|改造|打造|开展|启动|完成|实现|落实|举办|创建|争创|引进|建成|整治|贯通"
    r"|迎接|加快|筹建|提升改造|拓展|开设|设立|部署|办理|推出|组建|编制|制定|签约|招引|导入|修缮|更新|新增|增设|抓好|修复|重砌|砌筑"
)


# The verbs that promise works, before the works' name (做好…项目, 加快…项目建设).
PROMISE_VERBS = re.compile(r"做好|抓好|推进|推动|加快|实施|启动|完成|开展|继续|持续|全面|加大|落实|确保|力争|争取|谋划|建成|开工")


# Verbs that put works under way: a promise to 建设/实施/推进 works that names no stage
# promises at least that they are being built (开工).
BUILDS = re.compile(
    r"建设|实施|新建|改建|扩建|迁建|改造|修缮|修复|打造|推进|推动|加快|开建|施工|整治|提质|提升|启动|硬化|铺设|安装|修建|重修|整修|维修|做好|抓好|浇筑|重砌|砌筑|^建"
)


# An object named by the works done to it (东平路提档升级, 共康路大修).
WORKS_WORD = re.compile(r"(?:提档升级|改造提升|提升改造|提质改造|改造|拓宽|大修|修缮|整治|硬化)$")


# A verb that opens an item of a list of promises (完成…、启动…、规划建设…、重修…).
ITEM_VERB = re.compile(
    r"(?:年内|年底前|力争|确保)?(?:完成|启动|开工|建成|新建|改建|扩建|重修|修缮|规划建设|规划|建设|实施|推进|开展|编制|"
    r"实现|改造|提升|打造|硬化|安装|迁建|筹建)"
)
