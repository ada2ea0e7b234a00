"""Consistency across the report: the year of title, date and body; one name or figure written two
ways; a sentence left over from copy-paste; doubled words (的的, 了了)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.proofread import arithmetic, claims, names
from models.proofread.matcher import FULL_STOP, SENTENCE_MARK, Doc, Slip, after, around
from models.proofread.numbers import _CN_DIGIT, cn_small, percent_forms
from models.proofread.rules import CONSISTENCY, NUMBERS, PUNCTUATION, SRC_FIGURES
from models.report import Report

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?=年)|(?<![一二三四五六七八九十])(二[〇零○][〇零○一二三四五六七八九]{2})(?=年)")
_ABOUT_PAST = re.compile("审计|决算|预算执行|整改|巡察|巡视|督察|反馈|计划执行")
_SRC_YEAR = "公文写作规范：标题、成文日期与正文的年份一致"
_THIS_YEAR = re.compile(r"今年以来|今年上半年|今年前三季度|本年度|今年(?=[，是我全共累各以])")
_PAST_YEAR_USE = re.compile(r"(?<!\d)(20\d\d)年(?=度|以来|上半年|下半年|前三季度|[1-9]\d?[-—～至到]\d{1,2}月|[1-9]\d?月(?:份|以来|底|末)?[，,]|，|全年|共|累计|是|我|全|各)")
_COMPARE = re.compile(r"同比|环比|相比|比较|较(?=上|去|前|同|年初|\d|之|于)|比上|比去|与\d|对比|增长|下降|减少|增加|上年|去年|以前|之前|此前|期间|自|从|曾|连续|先后"
                      r"|民主生活会|组织生活会|整改|巡视|巡察|反馈|考核结果|表彰|述职|未按期|未完成|遗留|结转")
_SINCE_COMPARE = re.compile(r"同比|较上年|比上年|相比|累计|连续|两年|巡视|巡察|反馈|整改")
_MAX_REPEATS = 20
_SENTENCE = re.compile(r"[^。！？；\n\u2029]{16,}[。！？；]?")
_DOUBLED_CHAR = re.compile(r"(的|了|地|得|是|在|和|与|对|把|被|将|为|及|从|向|就|也|都|并|要|有)\1")
_DOUBLED_OK = ("的的确确", "是是非非", "地地道道", "和和美美", "多多益善")
# The doubled character is fine when the second one starts a word: 为了了解, 对对照检查, 就就业, 目的的.
_WORD_AFTER = {"了": "解结却断如无之然", "对": "象照标接口话比应策方外立", "和": "谐睦平美衷", "与": "会时其",
               "是": "否非", "在": "职岗编线建任校读场押逃于", "为": "民人官期主止难", "及": "时早格",
               "从": "严事业政军", "就": "业医学餐近地职绪", "把": "关握脉", "将": "来军领士",
               "地": "方区域下面块力质形貌震址位标级市委段铁理图产税表", "向": "导往", "都": "市会",
               "并": "购入列重非存", "得": "到出力分失", "被": "告动", "也": "许",
               "要": "求点素害务闻领件案塞职紧", "有": "关效力利益序机的些所待偿害"}
# ... or when the first one ends a word: 目的的, 耕地地力, 各地地方, 实在在于.
_WORD_BEFORE = {"的": "目有", "地": "耕土用基林草湿山田阵园实各本当外属就落场工腹高领辖产两驻圣", "在": "实存现潜外内自所",
                "为": "作认成行称因以较更", "和": "总缓温平", "是": "但就还可总凡正若于要或", "有": "所没只拥享具共私固持占"}
# Two words that meet on the same word: 党组织|组织生活会, 坚持学习|学习强国.
_DOUBLED_WORD_OK = re.compile(r"(?:党|团|基层|党的)组织组织(?:生活|关系|部|委员|工作)|学习学习强国|人大人大|政协政协委员")
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_NAME_END = re.compile(r"(?:委员会|党组|党委|党工委|办公室|局|厅|中心|支部|总支)(?![长部面限势])")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PLAN_OR_COMPARE = re.compile(r"计划|力争|预计|目标|确保|争取|拟|将|同比|较|比上|比去|增长|下降|减少|增加|提高|其中|分别|累计")
_FIGURE = re.compile(r"([\u4e00-\u9fff]{6})(\d+(?:\.\d+)?)(万|亿)?(个|次|件|起|人次|人|名|项|场|篇|条|批|家|元|%|％)")
_PLANNED_AHEAD = re.compile("力争|计划|预计|目标|确保|争取|拟|将")
_COMPARE_NEXT = re.compile(r"\s*(?:较|同比|环比|比上|比去|与上年|增长|下降|增加|减少|提高|降低)")
_QUALIFIERS = set("一二三四五六七八九十0123456789上下半前后去今本第")
_PART_SHARE = 0.6  # two figures this far apart are a total and a part more often than one figure mistyped
_NOT_ONE_FIGURE = ("同比", "增长", "下降", "其中", "分别", "累计", "今年", "上年")


def check(report: Report, doc: Doc) -> list[Slip]:
    out: list[Slip | None] = []
    _years(out, report, doc)
    _repeats(out, doc)
    _doubled(out, doc)
    _names(out, doc)
    names.check(out, doc)
    percent_forms(doc, out)
    _figures(out, doc)
    _transposed(out, doc)
    _lead_marks(out, doc)
    _wan_forms(out, doc)
    _count_forms(out, doc)
    claims.check(out, doc, report_year(report))
    claims.counted_parts(out, report)
    arithmetic.check(out, doc)
    return [s for s in out if s is not None]


def _to_year(m: re.Match) -> int:
    if m.group(1):
        return int(m.group(1))
    return int("".join(str(_CN_DIGIT[c]) for c in m.group(2)))


def report_year(report: Report) -> int | None:
    m = _YEAR.search(report.title)
    if m:
        return _to_year(m)
    return report.date.year if report.date else None


def _years(out: list, report: Report, doc: Doc) -> None:
    m = _YEAR.search(report.title)
    year = _to_year(m) if m else None
    date = report.date
    late_ok = _ABOUT_PAST.search(report.title)  # 关于2025年度预算执行审计查出问题整改情况的报告, in late 2026
    if year and date and not (date.year == year or (date.year == year + 1 and (date.month <= 4 or late_ok))):
        out.append(Slip("title", m.start(), m.end() + 1, "yz01", CONSISTENCY,
                        f"标题是{year}年，成文日期却是{date.year}年{date.month}月{date.day}日，请核对", None,
                        "标题中的年份与成文日期应对应（年度报告可在次年年初成文）", _SRC_YEAR))
    if year is None:
        year = date.year if date else None
    if year is None:
        return
    if date and date.year == year + 1:
        for m2 in _THIS_YEAR.finditer(doc.text):
            out.append(doc.slip(m2.start(), m2.end(), "yz02", CONSISTENCY,
                                f"报告写的是{year}年，成文于{date.year}年，“{m2.group()}”会被读作{date.year}年", None,
                                f"跨年成文时，用“{year}年”或“一年来”代替“今年”“本年度”", _SRC_YEAR))
    _plans_heading(out, report, year)
    if m is None and date and date.month <= 6:
        return  # not a year's report, written in the first half: last year's figures are the latest whole-year ones
    for m2 in _PAST_YEAR_USE.finditer(doc.text):
        y = int(m2.group(1))
        if y >= year or y < year - 1:
            continue
        i, _ = doc.where(m2.start())
        sentence = _sentence_around(doc.text, m2.start())
        since_last_year = doc.text.startswith("以来", m2.end())  # 2025年以来 in a 2026 report: a leftover line
        # a past year is right when said of the past: 较上年, 2025年度民主生活会…, 2025年，县委巡察反馈… — read from
        # its own clause to the sentence's end (整改隐患2140处，截至2025年11月底，…: the clause before is not about it)
        near = sentence if since_last_year else _from_clause(doc.text, m2.start())
        if (_SINCE_COMPARE if since_last_year else _COMPARE).search(near) or doc.fields[i][0] == "title":
            continue
        out.append(doc.slip(m2.start(), m2.end(), "yz03", CONSISTENCY,
                            f"这是{year}年的报告，这里写的是“{y}年”，可能是沿用了上年的材料", None,
                            "正文年份应与报告年度一致；确指上年的，写明比较关系（同比、较上年）", _SRC_YEAR))


_PLANS = re.compile(r"(20\d\d)年度?(?:工作)?(?:打算|思路|计划|安排|重点)")


def _plans_heading(out: list, report: Report, year: int) -> None:
    """A 2026 report whose part on next year's work is headed 2026年工作打算: last year's heading kept."""
    if report.date and report.date.year == year and report.date.month < 9:
        return  # a mid-year report plans the rest of its own year
    for i, section in enumerate(report.sections):
        m = _PLANS.match(section.heading.strip())
        if m and int(m.group(1)) == year:
            start = section.heading.index(m.group(1))
            out.append(Slip(f"sections.{i}.heading", start, start + 5, "yz16", CONSISTENCY,
                            f"这是{year}年的报告，下一步的打算应写{year + 1}年，这里写的是“{m.group(1)}年”",
                            f"{year + 1}年", "年度报告的“工作打算”写下一年", _SRC_YEAR))
        elif m and int(m.group(1)) == year + 1:  # 2027年工作计划 … 力争到2026年底: last year's plan kept
            for ii, item in enumerate(section.items):
                for y in re.finditer(f"(?<!\\d){year}年", item.body):
                    if _PLANNED_AHEAD.search(_clauses_around(item.body, y.start(), 1)):
                        out.append(Slip(f"sections.{i}.items.{ii}.body", y.start(), y.end(), "yz16", CONSISTENCY,
                                        f"这一部分是{year + 1}年的打算，这里写的是“{year}年”", f"{year + 1}年",
                                        "年度报告的“工作打算”写下一年", _SRC_YEAR))


def _from_clause(text: str, pos: int) -> str:
    """From the start of the clause holding ``pos`` to the end of its sentence."""
    return around(text, pos, _CLAUSE_MARK, 0) + after(text, pos, SENTENCE_MARK)


def _sentence_around(text: str, pos: int) -> str:
    return around(text, pos, SENTENCE_MARK)


_CLAUSE_MARK = re.compile("[，；。！？\n\u2029]")


def _repeats(out: list, doc: Doc) -> None:
    """A sentence of 16+ characters that appears twice: the second is a copy-paste left over."""
    seen: dict[str, int] = {}
    for m in _SENTENCE.finditer(doc.text):
        key = m.group().rstrip("。！？；").strip()
        if len(key) < 16:
            continue
        if key in seen:
            if sum(1 for f in out if f is not None and f.rule == "yz04") >= _MAX_REPEATS:
                break  # a report pasted twice over: the first few say enough
            first_field = doc.fields[doc.where(seen[key])[0]][0]
            from models.checks import place_name  # noqa: PLC0415 - place names live with the checks
            out.append(doc.slip(m.start(), m.start() + len(key), "yz04", CONSISTENCY,
                                f"这句话与{place_name(first_field)}的一句完全相同，可能是复制时遗留", None,
                                "同一句话在报告中重复出现，通常是复制粘贴遗留，应删改", "公文写作规范：避免重复表述"))
        else:
            seen[key] = m.start()


def _doubled(out: list, doc: Doc) -> None:
    text = doc.text
    for m in _DOUBLED_CHAR.finditer(text):
        ch, nxt, prev = m.group(1), text[m.end():m.end() + 1], text[m.start() - 1:m.start()]
        if text[m.start():m.end() + 2] in _DOUBLED_OK or text[m.start() - 2:m.end()] in _DOUBLED_OK:
            continue
        if nxt and nxt in _WORD_AFTER.get(ch, "") or prev and prev in _WORD_BEFORE.get(ch, ""):
            continue  # 为了了解, 对对照检查, 目的的, 就就业: the second character starts a word
        out.append(doc.slip(m.start() + 1, m.end(), "yz05", CONSISTENCY, f"“{m.group()}”多了一个“{ch}”",
                            "", "同一个字连写两次，多半是输入时多打了一个", "公文写作规范：杜绝多字"))
    for m in _DOUBLED_WORD.finditer(text):
        w = m.group(1)
        if w[0] in "一每天年月人家处时事个步层件项" or w in ("研究", "讨论", "商量") or len(set(w)) == 1:
            continue
        if _DOUBLED_WORD_OK.match(text, max(0, m.start() - 2)) or _DOUBLED_WORD_OK.match(text, max(0, m.start() - 1)) \
                or _DOUBLED_WORD_OK.match(text, m.start()):
            continue
        out.append(doc.slip(m.start() + len(w), m.end(), "yz06", CONSISTENCY, f"“{w}”连写了两次", "",
                            "同一个词连写两次，多半是复制或输入时重复", "公文写作规范：杜绝多字"))


def _names(out: list, doc: Doc) -> None:
    """The same body named two ways: characters swapped or one changed (农业农村局 / 农村农业局)."""
    tails: dict[int, Counter] = defaultdict(Counter)
    where: dict[str, int] = {}
    for m in _NAME_END.finditer(doc.text):
        for n in range(5, 9):
            s = m.end() - n
            if s < 0 or not _CJK_RUN.fullmatch(doc.text, s, m.end()):
                break
            tail = doc.text[s:m.end()]
            tails[n][tail] += 1
            where.setdefault(tail, s)
    odd: dict[str, str] = {}
    for counts in tails.values():
        names = sorted(counts)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if a[:2] != b[:2] or a[-1] != b[-1]:
                    continue
                swapped = Counter(a) == Counter(b)
                if not swapped:  # one character apart is too often two different units (卫健局, 住建局)
                    continue
                rare, common = (a, b) if (counts[a], -where[a]) < (counts[b], -where[b]) else (b, a)
                if not any(rare in r or r in rare for r in odd):
                    odd[rare] = common
    for rare, common in odd.items():
        i = where[rare]
        out.append(doc.slip(i, i + len(rare), "yz07", CONSISTENCY, f"“{rare}”与别处的“{common}”写法不同，请统一",
                            None, "同一单位、机构的名称全文写法应一致", "公文写作规范：同一名称前后一致"))


def _figures(out: list, doc: Doc) -> None:
    """The same six characters and unit with two figures: 开展廉政谈话32人次 / …35人次 (different), or
    培训干部1.2万人次 / …12000人次 (the same figure written two ways)."""
    by_key: dict[tuple[str, str], list[re.Match]] = defaultdict(list)
    for m in _FIGURE.finditer(doc.text):
        # 第三季度完成投资12亿元 / 第四季度完成投资15亿元, 2025年召开会议22次: two figures, told apart just before
        qualifier = "".join(c for c in doc.text[max(0, m.start() - 4):m.start()] if c in _QUALIFIERS)
        by_key[(m.group(1), m.group(4), qualifier)].append(m)
    for (words, _unit, _qualifier), hits in by_key.items():
        if len({m.group(2) + (m.group(3) or "") for m in hits}) < 2 or any(w in words for w in _NOT_ONE_FIGURE):
            continue
        hits = [m for m in hits if not _planned_or_compared(doc.text, m.start())]
        if len(hits) < 2:
            continue
        first = hits[0]
        shown = first.group(2) + (first.group(3) or "")
        for m in hits[1:]:
            here = m.group(2) + (m.group(3) or "")
            if here == shown or _one_sentence(doc.text, first, m):
                continue  # 参加县委理论学习中心组学习14次，主持局党组理论学习中心组学习12次: two things, set side by side
            same = _value(m) == _value(first)
            if not same and min(_value(m), _value(first)) < _PART_SHARE * max(_value(m), _value(first)):
                continue  # 整改问题金额2.87亿元 overall, 1.42亿元 for one kind of problem: a part, not a slip
            message = (f"“{m.group(1)}”前文写作{shown}{first.group(4)}，这里写作{here}{m.group(4)}，同一数字写法应一致"
                       if same else f"“{m.group(1)}”前文是{shown}{first.group(4)}，这里是{here}{m.group(4)}，请核对")
            out.append(doc.slip(m.start(2), m.end(4), "yz08", CONSISTENCY, message, None,
                                "同一数据在报告中前后应一致，写法也应一致", SRC_FIGURES))


def _planned_or_compared(text: str, pos: int) -> bool:
    """召开会议26次 in a clause that plans or compares (计划, 较上年), or followed by one that compares
    (…26次，较上年增加2次); a 其中 in the next clause is about another figure."""
    here = _clauses_around(text, pos, 1)
    if _PLANNED_AHEAD.search(around(text, pos, SENTENCE_MARK, 0)):
        return True  # 力争全年引进…，完成固定资产投资10亿元以上: a target, not this year's figure
    return bool(_PLAN_OR_COMPARE.search(here) or _COMPARE_NEXT.match(_clauses_around(text, pos, 2)[len(here) + 1:]))


def _clauses_around(text: str, pos: int, count: int) -> str:
    """The clause holding ``pos`` (and the next ones, up to ``count``): a 其中 further on in the sentence is about
    another figure."""
    return around(text, pos, _CLAUSE_MARK, count)


_COUNTED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?(个|次|件|起|人次|人|名|项|场|篇|条|批|家|元|%|％|亩|吨)"
                      r"(?=([\u4e00-\u9fff]{0,2}))")


def _transposed(out: list, doc: Doc) -> None:
    """312个村 here and 321个村 there, 86.3% and 83.6% of one 比率: the same digits in another order, with the
    same unit and the same word after it (or the same two characters before) — a figure typed wrong."""
    seen: dict[tuple, list[re.Match]] = defaultdict(list)
    for m in _COUNTED.finditer(doc.text):
        digits = m.group(1).replace(".", "")
        if len(digits) < 2 or len(set(digits)) < 2:
            continue
        whole = m.group(1).partition(".")[0]  # 31.2万人 / 3.12万人: the point moved, two other figures
        seen[("".join(sorted(digits)), len(whole), m.group(2), m.group(3))].append(m)
    for hits in seen.values():
        if len({m.group(1) for m in hits}) < 2:
            continue
        first = hits[0]
        for m in hits[1:]:
            if m.group(1) == first.group(1):
                continue
            before = m.group(3) not in "%％" and (  # 增长6.9% / 增长9.6% are too common to tell apart
                doc.text[max(0, m.start() - 2):m.start()] == doc.text[max(0, first.start() - 2):first.start()])
            if not (m.group(4) and m.group(4) == first.group(4) or before or _said_of_one_thing(doc.text, first, m)):
                continue
            shown = first.group(1) + (first.group(2) or "") + first.group(3)
            out.append(doc.slip(m.start(1), m.end(3), "yz10", CONSISTENCY,
                                f"这里是{m.group()}，前文是{shown}，数字相同而顺序不同，请核对", None,
                                "同一数据在报告中前后应一致（数字顺序颠倒多是输入错误）", SRC_FIGURES))


def _said_of_one_thing(text: str, a: re.Match, b: re.Match) -> bool:
    """Two figures in different sentences with words around them in common (新建高标准农田5.6万亩 /
    新建6.5万亩高标准农田; 优良天数比率达到86.3% / 优良天数比率83.6%的基础上). In one sentence they are two
    things set side by side (城镇居民收入增长9.6%，农村居民收入增长6.9%)."""
    if _one_sentence(text, a, b):
        return False
    lead_a, lead_b = (set(_CONTRAST.findall(text, max(0, m.start() - 16), m.start())) for m in (a, b))
    if lead_a != lead_b:
        return False  # 城镇居民人均可支配收入增长6.9% / 农村居民…增长9.6%: the same words said of two things
    return len(_bigrams(text, a) & _bigrams(text, b)) >= 2


_CONTRAST = re.compile("城镇|农村|城市|乡村|城乡|男性|女性|国有|民营|外资|一产|二产|三产|第[一二三]产业|上半年|下半年|本级|全县|全市|全省")
_GENERIC = re.compile("同比|环比|增长|下降|提高|降低|增加|减少|达到|较上年|比上年|上年|全年|累计|其中|分别|占比|比重|共计")


def _one_sentence(text: str, a: re.Match, b: re.Match) -> bool:
    """``a`` and ``b`` in one sentence; read at most 400 characters between them (a sentence is shorter), so
    comparing many figures stays linear."""
    return b.start() - a.end() <= 400 and not FULL_STOP.search(text, a.end(), b.start())


def _bigrams(text: str, m: re.Match) -> set[str]:
    """Pairs of characters just before and after a figure, words said of any figure (同比增长) left out."""
    near = _GENERIC.sub("|", text[max(0, m.start() - 12):m.start()] + "|" + text[m.end(3):m.end(3) + 8])
    return {near[i:i + 2] for i in range(len(near) - 1) if _CJK_RUN.fullmatch(near, i, i + 2)}


def _lead_marks(out: list, doc: Doc) -> None:
    """Leads (小标题) that mostly end without a mark and one that ends with 。(or the other way round)."""
    leads = [(base, text.rstrip()) for (path, text), base in zip(doc.fields, doc.starts, strict=True)
             if path.endswith(".lead") and text.strip()]
    ended = [(base, t) for base, t in leads if t[-1] in "。；"]
    if len(leads) < 4 or not ended or len(ended) * 4 > len(leads):
        return  # only a clear majority without marks makes the odd one a slip
    for base, t in ended:
        i = base + len(t) - 1
        out.append(doc.slip(i, i + 1, "bd31", PUNCTUATION, f"其他小标题末尾不加标点，这里的“{t[-1]}”应删去", "",
                            "同一篇报告的小标题写法一致；单独成行的标题末尾不用标点", "GB/T 15834-2011 附录A；公文写作规范"))


_IN_WAN = re.compile(r"(?<![\d.])\d+(?:\.\d+)?万(元|亩|吨|平方米|人次|人)")
_IN_FULL = re.compile(r"(?<![\d.,])([1-9]\d{5,})(元|亩|吨|平方米|人次|人)")


def _wan_forms(out: list, doc: Doc) -> None:
    """426000元 where the report writes its large figures in 万 (42.6万元) elsewhere: one form for one unit."""
    wan = Counter(m.group(1) for m in _IN_WAN.finditer(doc.text))
    for m in _IN_FULL.finditer(doc.text):
        if wan[m.group(2)] < 2:
            continue
        fix = f"{int(m.group(1)) / 10000:.4f}".rstrip("0").rstrip(".") + "万" + m.group(2)
        out.append(doc.slip(m.start(), m.end(), "sz44", NUMBERS, f"全文的{m.group(2)}数以“万”为单位，这里写作“{m.group()}”，"
                            f"可写作“{fix}”", fix, "同一篇报告中同一单位的大数写法一致", "GB/T 15835-2011 4.1.2（多位整数的写法）"))


def _value(m: re.Match) -> float:
    return float(m.group(2)) * {"万": 1e4, "亿": 1e8}.get(m.group(3) or "", 1)


_COUNT_CN = re.compile(r"(?<![第届十一二三四五六七八九“])([一二三四五六七八九]?十[一二三四五六七八九]?)"
                       r"(次|人次|件|起|名|家|项|场|篇|条|批|户|个(?=[，。；、）]))")  # 村卫生室二十三个，: a statistic; 十二个乡镇 reads as prose
_SMALL_CN = re.compile(r"(?<=[\u4e00-\u9fff])(?<![第每一这那几多再逐数])([二三四五六七八九])(次|人次|件|起|名|家|项|场|篇|条|批|户)"
                       r"(?=[，。；、）])")  # 专题研讨六次，: a statistic; 三项制度改革 reads as prose


def _beside_arabic(text: str, m: re.Match) -> bool:
    """专题研讨六次 in the sentence of 集中学习12次: a count in the form of its neighbour with the same unit."""
    unit = m.group(2)
    return any(a.group().endswith(unit) and not a.group().endswith("人" + unit)
               for a in _COUNT_AR.finditer(around(text, m.start(), SENTENCE_MARK, 2)))


_COUNT_AR = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:万|亿)?(?:次|人次|件|起|名|个|家|项|场|篇|条|批|户|人)")


def _count_forms(out: list, doc: Doc) -> None:
    """召开会议十二次 where the report counts in Arabic numerals elsewhere, 专题研讨六次 beside 集中学习12次: one form
    for one kind of number."""
    if len(_COUNT_AR.findall(doc.text)) < 3:
        return
    for m in [*_COUNT_CN.finditer(doc.text), *_SMALL_CN.finditer(doc.text)]:
        n = cn_small(m.group(1))
        if n is None or n < 11 and not _beside_arabic(doc.text, m):
            continue
        out.append(doc.slip(m.start(1), m.end(1), "sz36", NUMBERS,
                            f"“{m.group()}”宜写作“{n}{m.group(2)}”，与报告中其他统计数字一致", str(n),
                            "同一报告中同类统计数字用同一形式（阿拉伯数字）",
                            "GB/T 15835-2011 4.1（计量、计数用阿拉伯数字）、4.3（同类别同形式）"))
