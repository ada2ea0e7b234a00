"""The same name written two ways across a report: a person (张晓明同志 / 张小明同志) or a numbered body
(第三纪检监察组 / 第3纪检监察组)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.proofread.matcher import FULL_STOP, Doc, around
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
                "沟勾", "坝霸", "岭领", "塘唐堂", "庄装", "川穿", "柳流留")
# … and those a fuzzy-pinyin input method mixes up (front and back nasals: 张建明 / 张建民).
_FUZZY = ("明民", "林临", "岭林", "静进近", "英音", "宁凝", "星新", "京金", "兵斌彬", "清琴", "庆勤", "平频", "玲林", "凌琳")


def _alike_groups(groups: tuple[str, ...]) -> dict[str, set[int]]:
    """Each character to the groups it sounds alike in (明 is in 明铭鸣 and in 明民)."""
    alike: dict[str, set[int]] = defaultdict(set)
    for i, group in enumerate(groups):
        for c in group:
            alike[c].add(i)
    return dict(alike)


_ALIKE = _alike_groups(_SOUND_ALIKE + _FUZZY)
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤")
# A name after a title ends where the sentence goes on: a mark, 同志, or a word that follows a name.
_NAME_END = ("同志|[，。、；：（]|主持|带头|指出|强调|牵头|要求|先后|出席|参加|讲话|表示|分管|负责|深入|带队|亲自|多次|"
             "召集|率先|带领|代表|履行|落实|推动|督促|组织|开展|作|任|兼|在|到|对|为|是|同|和|与|等|就|也|还|以|从|向|把|将|被")
_NAME_AFTER_TITLE = f"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?(?=(?:{_NAME_END}))"
_PERSON = re.compile(r"(?=([\u4e00-\u9fff]{2,3})(?:同志|书记|局长|主任|县长|镇长|乡长|部长|科长|组长))"
                     r"|(?=([\u4e00-\u9fff]{2}(?:镇|乡|村|街道|社区|县)))"  # … and places: 青石镇
                     # … and a name after its title, up to where the sentence goes on: 局长张建明带头, 书记李军主持
                     r"|(?<=书记|局长|主任|县长|镇长|乡长|部长|科长|组长|区长|市长|站长|所长|院长|校长)"
                     f"(?=({_NAME_AFTER_TITLE}))")
_PLACE_ENDS = ("镇", "乡", "村", "街道", "社区", "县")
# A post one person holds (局党组书记、局长王建国 … 局党组书记王建军): two names there are one name written two ways.
_POST = re.compile(r"(?<![副原前代任])(党组书记|党委书记|党工委书记|局长|县长|镇长|乡长|区长)(?:、[\u4e00-\u9fff]{1,3}?长)?"
                   f"(?=({_NAME_AFTER_TITLE}))")
_ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,2})(?=([\u4e00-\u9fff]{2}))")


def check(out: list, doc: Doc) -> None:
    _people(out, doc)
    _posts(out, doc)
    _ordinals(out, doc)


def _people(out: list, doc: Doc) -> None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in _PERSON.finditer(doc.text):
        group = m.lastindex or 1
        name = m.group(group)
        counts[name] += 1
        first.setdefault(name, m.start(group))
    names = sorted(counts)
    done: set[str] = set()
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if len(a) != len(b) or a[0] != b[0] and not a.endswith(_PLACE_ENDS):  # a person keeps the surname
                continue
            diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(diff) != 1 or not _ALIKE.get(diff[0][0], set()) & _ALIKE.get(diff[0][1], set()):
                continue
            rare, common = (a, b) if (counts[a], -first[a]) < (counts[b], -first[b]) else (b, a)
            if rare in done or _side_by_side(doc.text, rare, common):
                continue
            done.add(rare)
            _report(out, doc, rare, common, "同一人的姓名全文写法应一致")


def _posts(out: list, doc: Doc) -> None:
    """局党组书记王建国 here and 局党组书记王建军 there: one post, one person, the name typed two ways. The post is
    told by its title and the unit just before it (县财政局局长 and 县审计局局长 are two posts; 局党组书记 and
    县住建局党组书记 one); 原/前任/时任 name someone who held it before."""
    holders: list[tuple[str, str, Counter]] = []  # (title, unit, names)
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in _POST.finditer(doc.text):
        unit = _unit_before(doc.text, m.start())
        name = m.group(2)
        counts[name] += 1
        first.setdefault(name, m.start(2))
        for title, u, names in holders:
            if title == m.group(1) and u and unit and (u.endswith(unit) or unit.endswith(u)):
                names[name] += 1
                break
        else:
            holders.append((m.group(1), unit, Counter({name: 1})))
    for _title, unit, names in holders:
        if len(names) != 2 or not unit:
            continue  # one name, or several people over the years
        a, b = sorted(names, key=lambda n: (-counts[n], first[n]))
        if len(a) == len(b) == 3 and a[:2] == b[:2] and not _side_by_side(doc.text, b, a):
            _report(out, doc, b, a, "同一职务的人名全文写法应一致")


def _unit_before(text: str, pos: int) -> str:
    """The unit a title belongs to: the Chinese characters just before it, at most three (住建局, 镇党委 → 镇)."""
    i = pos
    while i > 0 and pos - i < 3 and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    return text[i:pos]


def _side_by_side(text: str, rare: str, common: str) -> bool:
    """Both names in one sentence (局长张建明、副局长张建民分工负责): two people, not one written two ways."""
    i = text.find(rare)
    while i >= 0:
        if common in around(text, i, FULL_STOP):
            return True
        i = text.find(rare, i + 1)
    return False


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
    done = {(s.field, s.start) for s in out if s is not None and s.rule == "yz09"}
    while i >= 0:
        slip = doc.slip(i, i + len(rare), "yz09", CONSISTENCY, f"“{rare}”与别处的“{common}”写法不同，请统一",
                        None, reason, _SRC)
        if slip is not None and (slip.field, slip.start) not in done:
            out.append(slip)
        i = doc.text.find(rare, i + len(rare))
