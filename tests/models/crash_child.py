"""Crash-test child: edits a report through the real Store the way the window does, until SIGKILLed.

Run as a small fork server so each trial costs a fork, not a Python start-up:
    stdin  "GO <seed> <seq>"   -> fork a worker; prints "PID <pid>"; when the worker dies, "DONE <pid> <status>"
Each worker opens the database with open_store (lock file included), loads report 1 (creating it
the first time) and loops: make a random edit, print "TRY <seq> <sha>", store.save(), then print
"ACK <seq> <sha>" and flush. ``sha`` is the SHA-256 of the report's content (see content_sha).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from models.exchange import report_to_data  # noqa: E402
from models.opening import open_store  # noqa: E402
from models.report import HEADING, NONE, YISHI, Item, Report, Section  # noqa: E402
from models.store import ReportNotFound  # noqa: E402

REPORT_ID = 1
PIECES = ["抓学习", "坚持第一议题制度", "𠮷", "😀", "\u200f", "e\u0301", "\x00", "，", "。", "X", "***", "\n"]


def content_sha(report: Report) -> str:
    data = json.dumps(report_to_data(report), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def text(rng: random.Random, longest: int = 60) -> str:
    n = rng.choice([0, 1, 5, longest, longest * 40]) if rng.random() < 0.1 else rng.randrange(longest)
    return "".join(rng.choice(PIECES) for _ in range(n))


def edit(report: Report, rng: random.Random) -> None:
    """One change a person could make in the window."""
    sections = report.sections
    items = [(s, i) for s in sections for i in s.items]
    roll = rng.random()
    if roll < 0.45 and items:
        s, it = rng.choice(items)
        if rng.random() < 0.5:
            it.body += text(rng)  # typing at the end
        else:
            cut = rng.randrange(len(it.body) + 1)
            it.body = it.body[:cut] + text(rng, 10) + it.body[cut + rng.randrange(5):]
    elif roll < 0.55 and items:
        rng.choice(items)[1].lead = text(rng, 12)
    elif roll < 0.65 and sections:
        s = rng.choice(sections)
        s.items.insert(rng.randrange(len(s.items) + 1), Item(text(rng, 8), text(rng)))
    elif roll < 0.72 and items:
        s, it = rng.choice(items)
        s.items.remove(it)
    elif roll < 0.80 and items:
        s, it = rng.choice(items)  # move, possibly to another section (keeps the id)
        s.items.remove(it)
        t = rng.choice(sections)
        t.items.insert(rng.randrange(len(t.items) + 1), it)
    elif roll < 0.85:
        report.title = text(rng, 30)
    elif roll < 0.89:
        report.preamble = text(rng, 80)
    elif roll < 0.93 and len(sections) < 6:
        sections.insert(rng.randrange(len(sections) + 1),
                        Section(heading=text(rng, 6), numbering=rng.choice([YISHI, HEADING, NONE])))
    elif roll < 0.96 and len(sections) > 1:
        sections.pop(rng.randrange(len(sections)))
    elif sections:
        rng.shuffle(sections)


def worker(db: str, seed: int, seq: int) -> None:
    rng = random.Random(seed)
    store, readonly = open_store(db)
    assert not readonly
    try:
        report = store.load(REPORT_ID)
    except ReportNotFound:
        report = Report(title="崩溃测试", sections=[Section(heading="履职情况", items=[Item("抓学习", "正文")])])
        report.id = REPORT_ID
    out = sys.stdout
    while True:
        seq += 1
        edit(report, rng)
        sha = content_sha(report)
        out.write(f"TRY {seq} {sha}\n")
        out.flush()
        store.save(report)
        out.write(f"ACK {seq} {sha}\n")
        out.flush()
        if seq % 25 == 0:
            store.snapshot(REPORT_ID, "定时保存")


def serve(db: str) -> None:
    print("READY", flush=True)
    for line in sys.stdin:
        cmd, seed, seq = line.split()
        if cmd != "GO":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                worker(db, int(seed), int(seq))
            except BaseException:
                traceback.print_exc()
            os._exit(3)  # only reached on an error: the worker is meant to die by SIGKILL
        print(f"PID {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"DONE {pid} {status}", flush=True)


if __name__ == "__main__":
    serve(sys.argv[1])
