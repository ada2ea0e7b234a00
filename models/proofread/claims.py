"""Statements about one set of problems that contradict each other: 查摆问题23个，已全部完成整改 and, further on,
23个问题中尚有3个未完成整改. The total ties the two together; two sets of a different size are different sets
(巡察反馈的12个问题 / 民主生活会查摆的5个问题)."""

from __future__ import annotations

import re

from models.proofread.matcher import Doc, around
from models.proofread.rules import CONSISTENCY

_SRC = "公文写作规范：数据前后一致"
_SENTENCE_MARK = re.compile("[。！？；\n\u2029]")
_COUNT = re.compile(r"(?<![\d.第])(\d+)(?:个|项|条|处|件|批)")
_ALL_DONE = re.compile(r"(?:已|均已|现已)?全部(?:完成整改|整改到位|整改完成|整改落实|整改|办结|销号)|均已(?:完成整改|整改到位|办结)")
_STILL_OPEN = re.compile(r"(?:尚有|仍有|还有|剩余|另有)(\d+)(?:个|项|条|处|件)[^。；，\u2029]{0,8}?"
                         r"(?:未完成|尚未完成|没有完成|未|正在|仍在|持续)(?:整改|办结|销号)")
_NEAR = 24  # characters between a total and the words that say all of it is done


def check(out: list, doc: Doc) -> None:
    text = doc.text
    done: dict[int, int] = {}  # total → where it was said to be all done
    for m in _ALL_DONE.finditer(text):
        counts = _COUNT.findall(around(text, m.start(), _SENTENCE_MARK, 0)[-_NEAR:])
        if counts:
            done.setdefault(int(counts[-1]), m.start())
    if not done:
        return
    for m in _STILL_OPEN.finditer(text):
        head = around(text, m.start(), _SENTENCE_MARK, 0)
        total = next((int(t) for t in reversed(_COUNT.findall(head))
                      if int(t) in done and int(t) > int(m.group(1))), None)
        if total is None or m.start() - len(head) <= done[total] < m.start():
            continue  # nothing said done, or said in this same sentence: not two claims
        out.append(doc.slip(m.start(), m.end(), "yz11", CONSISTENCY,
                            f"前文说{total}个问题已全部整改，这里说尚有{m.group(1)}个未完成，请核对", None,
                            "同一批问题的整改情况前后应一致", _SRC))
