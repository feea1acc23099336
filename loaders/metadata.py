"""Report metadata read from the text: title, place, date, congress session, speaker.

Work reports open with a title block such as::

    政府工作报告
    ——2023年7月26日在上海市宝山区庙行镇
    第八届人民代表大会第四次会议上
    庙行镇镇长 朱峻峰

or with the date in brackets under the speaker's name. The place is read from
"在<place>第N届人民代表大会" or, failing that, "我代表<place>人民政府"; nothing is taken
from the file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

_NUM = r"[一二三四五六七八九十百零〇\d]+"
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SESSION = re.compile(rf"第\s*({_NUM})\s*届\s*人民代表大会\s*第\s*({_NUM})\s*次\s*(?:全体)?会议")
_PLACE_BEFORE_CONGRESS = re.compile(rf"在(?P<place>[^\s，。：“”（）]{{2,30}}?)第\s*{_NUM}\s*届\s*人民代表大会")
_PLACE_OF_GOVERNMENT = re.compile(r"代表(?P<place>[^\s，。：“”（）]{2,30}?)人民政府")
_CITY = re.compile(r"^(?P<city>[^\s]{2,4}?市)(?=.)")
_DISTRICT = re.compile(r"^(?P<district>[^\s]{1,5}?(?:新区|区|县))(?=.)")
_TOWN = re.compile(r"^(?P<town>[^\s]{1,8}?(?:镇|乡|街道))$")
_ROLE_WORDS = ("镇长", "乡长", "主任", "区长", "县长", "市长", "书记")
_SPEAKER = re.compile(rf"^(?P<role>\S*?(?:{'|'.join(_ROLE_WORDS)}))\s*(?P<name>[\u4e00-\u9fff·]{{2,5}})$")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,2}\s*[\u4e00-\u9fff]{1,3}$")


@dataclass
class Metadata:
    title: str | None = None
    city: str | None = None
    district: str | None = None
    town: str | None = None
    date: date | None = None
    session: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None


@cache
def district_cities() -> dict[str, str]:
    table = {}
    text = resources.files("loaders").joinpath("data/districts.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("code\t") or not line.strip():
            continue
        _, district, city = line.split("\t")
        table[district] = city
    return table


def split_place(place: str) -> tuple[str | None, str | None, str | None]:
    """'上海市宝山区庙行镇' → ('上海市', '宝山区', '庙行镇').

    >>> split_place("宝山区大场镇")
    ('上海市', '宝山区', '大场镇')
    """
    city = district = town = None
    rest = place
    if m := _CITY.match(rest):
        city, rest = m.group("city"), rest[m.end() :]
    if m := _DISTRICT.match(rest):
        district, rest = m.group("district"), rest[m.end() :]
    if m := _TOWN.match(rest):
        town = m.group("town")
    elif rest.endswith(("区", "县")) and district is None:
        district = rest
    if city is None and district is not None:
        city = district_cities().get(district)
    return city, district, town


def read_metadata(header_lines: list[str], opening: str) -> Metadata:
    """Metadata from the normalised lines before the salutation, and the opening text
    (the salutation and the paragraphs up to the first part heading)."""
    meta = Metadata()
    lines = [line.strip().strip("#*").strip() for line in header_lines if line.strip()]
    if lines:
        meta.title = lines[0].strip("*").strip() or None
    header = "".join(lines)
    if m := _DATE.search(header):
        try:
            meta.date = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            meta.date = None
    if m := _SESSION.search(header):
        meta.session = f"第{m.group(1)}届人民代表大会第{m.group(2)}次会议"
    for pattern, text in ((_PLACE_BEFORE_CONGRESS, header), (_PLACE_OF_GOVERNMENT, opening), (_PLACE_OF_GOVERNMENT, header)):
        if m := pattern.search(text):
            city, district, town = split_place(m.group("place"))
            meta.city = meta.city or city
            meta.district = meta.district or district
            meta.town = meta.town or town
            if meta.town and meta.district:
                break
    for line in lines[1:]:
        compact = line.strip("（）()")
        if _DATE.search(compact) or "人民代表大会" in compact:
            continue
        if m := _SPEAKER.match(compact):
            role = m.group("role")
            if meta.town and role.startswith(meta.town):
                role = role[len(meta.town) :]
            meta.speaker_role, meta.speaker = role or None, m.group("name")
            break
        if _NAME_ONLY.match(compact):
            meta.speaker = compact.replace(" ", "")
            break
    return meta
