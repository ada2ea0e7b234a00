"""Prints what font discovery costs: cold scan, warm load, lookups, reportlab registration, coverage.

Run: python bench/bench_fonts.py   (uses a fresh temporary cache folder, never the user's)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.sample_report import SAMPLE  # noqa: E402  (tests/data/samples, or TIANBAO_SAMPLE)

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from export import fontindex
from export.fonts import get_fontset, ROLES
t1 = time.perf_counter()
fs = get_fontset()
t2 = time.perf_counter()
for role in ROLES:
    fs.face(role).has("中")
t3 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
for ch in text:
    for role in ROLES:
        fs.font_for(role, ch)
t4 = time.perf_counter()
used = {fs.face(r).rl_name: fs.face(r) for r in ROLES}
fs.register(list(used.values()))
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "get_fontset": t2 - t1, "first_has": t3 - t2,
                  "font_for_sample": t4 - t3, "register_primaries": t5 - t4,
                  "files_scanned": fontindex.scan_count}))
"""


def child(cache: str, *, python_flags: tuple[str, ...] = ()) -> tuple[dict, float]:
    env = {**os.environ, "TIANBAO_CACHE_DIR": cache}
    start = time.perf_counter()
    out = subprocess.run([sys.executable, *python_flags, "-c", CHILD, str(SAMPLE)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout), time.perf_counter() - start


def ms(x: float) -> str:
    return f"{x * 1000:7.1f} ms"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="tianbao-bench-fonts-") as cache:
        cold, cold_wall = child(cache)
        warm, warm_wall = child(cache)
        print("Process timings (fresh interpreter each)      cold scan     warm (index on disk)")
        for key in ("import", "get_fontset", "first_has", "font_for_sample", "register_primaries"):
            print(f"  {key:<42} {ms(cold[key])}    {ms(warm[key])}")
        print(f"  {'whole child process (wall)':<42} {ms(cold_wall)}    {ms(warm_wall)}")
        print(f"  {'font files parsed':<42} {cold['files_scanned']:7d}       {warm['files_scanned']:7d}")

        os.environ["TIANBAO_CACHE_DIR"] = cache
        from export import fontindex
        from export.fonts import ROLES, get_fontset, register_face

        index = fontindex.load_index()
        runs = [time.perf_counter()]
        for _ in range(20):
            fontindex.load_index()
            runs.append(time.perf_counter())
        print(f"\nWarm load_index (fc-list + stat + JSON), mean of 20: {ms((runs[-1] - runs[0]) / 20)}")
        fs = get_fontset()
        text = SAMPLE.read_text(encoding="utf-8")
        start = time.perf_counter()
        for _ in range(10):
            for ch in text:
                fs.face("body").has(ch)
                fs.face("body").advance(ch, 16)
        per = (time.perf_counter() - start) / (10 * 2 * len(text))
        print(f"has()+advance() per call, warm: {per * 1e9:.0f} ns")

        print("\nreportlab TTFont per face: parse (first ever) vs restore from export.rlcache:")
        import reportlab.pdfbase.pdfmetrics  # noqa: F401  (import cost out of the figures)
        from reportlab.pdfbase.ttfonts import TTFont

        from export import rlcache

        seen = set()
        for role in ROLES:
            for face in fs.chain(role)[:5]:
                if face.rl_name in seen or not face.path:
                    continue
                seen.add(face.rl_name)
                t = time.perf_counter()
                TTFont(face.rl_name, face.path, subfontIndex=face.index)
                parse = time.perf_counter() - t
                rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key)  # writes cache
                t = time.perf_counter()
                rlcache.load_ttfont(face.rl_name, face.path, face.index, face.key)
                restore = time.perf_counter() - t
                register_face(face)
                size = os.path.getsize(face.path) / 1e6
                print(f"  {face.family:<28} {size:5.1f} MB  parse {ms(parse)}   restore {ms(restore)}")

        cff = [f for f in index.faces if not f.glyf and f.embeddable]
        if cff:
            from export import fontconvert

            info = min(cff, key=lambda f: f.codepoints)
            t = time.perf_counter()
            fontconvert.convert(info)
            took = time.perf_counter() - t
            print(f"\nCFF -> TrueType conversion of {info.en} ({info.codepoints} glyphs): {ms(took)}, "
                  f"{took / max(info.codepoints, 1) * 1000:.2f} ms per glyph")

        print("\nCoverage of CJK faces (GB 2312 hanzi; sample distinct characters; sample characters):")
        chars = [c for c in text if not c.isspace()]
        distinct = set(chars)
        for info in sorted((f for f in index.faces if f.cjk), key=lambda f: (-f.gb2312, f.en)):
            face = next((f for r in ROLES for f in fs.chain(r)
                         if f.path == info.path and f.index == info.index), None)
            if face is None:
                print(f"  {info.en:<28} not in any chain (usable={info.usable})")
                continue
            d = sum(1 for c in distinct if face.has(c))
            o = sum(1 for c in chars if face.has(c))
            print(f"  {info.en:<28} GB2312 {info.gb2312:4d}/6763 {info.gb2312 / 6763:6.1%}   "
                  f"distinct {d:3d}/{len(distinct)} {d / len(distinct):6.1%}   "
                  f"all {o:4d}/{len(chars)} {o / len(chars):6.1%}")

        print("\nChosen faces:")
        for role in ROLES:
            chain = fs.chain(role)
            print(f"  {role:<9} {chain[0].family} [{Path(chain[0].path).name}#{chain[0].index}]"
                  f"  then {', '.join(f.family for f in chain[1:5])}, ... ({len(chain)} faces)")
        for line in fs.substitutions:
            print("  *", line)


if __name__ == "__main__":
    main()
