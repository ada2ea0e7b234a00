"""The same name written two ways across a report: a person (张晓明同志 / 张小明同志) or a numbered body
(第三纪检监察组 / 第3纪检监察组)."""

from __future__ import annotations

import re
from collections import Counter

from models.proofread.matcher import Doc
from models.proofread.numbers import cn_small
from models.proofread.rules import CONSISTENCY

_SRC = "公文写作规范：同一名称前后一致"
# Given-name characters that sound alike and are typed one for another (the input method offers them together).
_SOUND_ALIKE = ("晓小筱", "明铭鸣", "华化桦", "伟玮炜纬", "军君钧", "红宏洪鸿虹", "林琳霖麟", "峰锋丰枫", "杰洁",
                "丽莉俐", "静婧靖", "涛韬", "勇永咏", "辉晖徽", "刚钢纲", "斌彬", "立力利历", "建健剑", "志智", "新鑫欣馨",
                "云芸耘", "平萍苹", "玲灵凌翎", "燕艳雁", "东冬", "文雯闻", "磊蕾", "娟鹃", "英瑛莹", "敏闽",
                "芳方", "荣蓉容融", "成诚城程", "宇雨羽禹", "飞菲斐", "波博", "金锦", "梅玫", "琴芹勤", "霞侠",
                "佳嘉家", "俊骏", "龙隆", "庆", "海", "亮靓", "春纯", "兵冰", "超", "勋迅",
                # place names (青石镇 / 清石镇)
                "青清轻", "石时", "河何", "杉衫", "阳杨洋", "坪", "安鞍", "溪西希", "桥乔", "湾弯", "源园元原",
                "沟勾", "坝霸", "岭领", "塘唐堂", "庄装", "川穿")
_ALIKE = {c: i for i, group in enumerate(_SOUND_ALIKE) for c in group}
_PERSON = re.compile(r"(?=([\u4e00-\u9fff]{2,3})(?:同志|书记|局长|主任|县长|镇长|乡长|部长|科长|组长))"
                     r"|(?=([\u4e00-\u9fff]{2}(?:镇|乡|村|街道|社区)))")  # … and places: 青石镇
_PLACE_ENDS = ("镇", "乡", "村", "街道", "社区")
_ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,2})(?=([\u4e00-\u9fff]{2}))")


def check(out: list, doc: Doc) -> None:
    _people(out, doc)
    _ordinals(out, doc)


def _people(out: list, doc: Doc) -> None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in _PERSON.finditer(doc.text):
        name = m.group(1) or m.group(2)
        counts[name] += 1
        first.setdefault(name, m.start(1))
    names = sorted(counts)
    done: set[str] = set()
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if len(a) != len(b) or a[0] != b[0] and not a.endswith(_PLACE_ENDS):  # a person keeps the surname
                continue
            diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(diff) != 1 or _ALIKE.get(diff[0][0], -1) != _ALIKE.get(diff[0][1], -2):
                continue
            rare, common = (a, b) if (counts[a], -first[a]) < (counts[b], -first[b]) else (b, a)
            if rare in done:
                continue
            done.add(rare)
            _report(out, doc, rare, common, "同一人的姓名全文写法应一致")


def _ordinals(out: list, doc: Doc) -> None:
    forms: dict[tuple[int, str], Counter] = {}
    where: dict[str, int] = {}
    for m in _ORDINAL.finditer(doc.text):
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else cn_small(raw)
        if not n:
            continue
        written = f"第{raw}{m.group(2)}"
        forms.setdefault((n, m.group(2)), Counter())[written] += 1
        where.setdefault(written, m.start())
    for counts in forms.values():
        if len(counts) < 2:
            continue
        common = max(counts, key=lambda w: (counts[w], -where[w]))
        for rare in counts:
            if rare != common:
                _report(out, doc, rare, common, "同一名称中的序数全文写法应一致")


def _report(out: list, doc: Doc, rare: str, common: str, reason: str) -> None:
    i = doc.text.find(rare)
    while i >= 0:
        out.append(doc.slip(i, i + len(rare), "yz09", CONSISTENCY, f"“{rare}”与别处的“{common}”写法不同，请统一",
                            None, reason, _SRC))
        i = doc.text.find(rare, i + len(rare))
