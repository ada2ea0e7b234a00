"""Every figure of issue 12 in one run, interleaved rounds, with ratios; prints a table and writes JSON.

Run: QT_QPA_PLATFORM=offscreen python bench/run.py [--rounds N] [--root DIR] [--json FILE] [--quick] [--startup] [--layout]
--root measures another checkout (e.g. `git archive OLD | tar -x -C DIR`) with the same children.
Each figure is a median of the rounds with its min and max; ratios are of medians of this run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "run_children.py"


def child(root: Path, env: dict, *args: str, timeout: float = 120) -> tuple[dict, float]:
    """Run one measurement in a fresh process: (its JSON figures, wall seconds from spawn to exit).

    The child and anything it started (the preview's worker) form a process group, ended afterwards."""
    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    err = Path(out).with_suffix(".err")
    t = time.time()
    with open(err, "w") as errf:
        proc = subprocess.Popen([sys.executable, str(CHILD), str(root), *args], stdout=subprocess.DEVNULL,
                                stderr=errf, env=dict(env, BENCH_OUT=out), cwd=root, start_new_session=True)
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            code = None
        wall = time.time() - t
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    text = Path(out).read_text(encoding="utf-8")
    if code is None or not text:
        raise RuntimeError(f"{args[0]} failed ({code}): {err.read_text()[-800:]}")
    figures = json.loads(text)
    figures["_spawn"] = t
    return figures, wall


def cli_export(root: Path, env: dict, rid: int, db: Path, out: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(root / "main.py"), "export", str(rid), "-o", str(out), "--db", str(db)],
                          capture_output=True, text=True, env=env, cwd=root)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-800:])
    return wall


def compile_code(root: Path) -> None:
    """Byte-compile the code measured, as an installed program has it (pip and PyInstaller compile at install;
    the children run with PYTHONDONTWRITEBYTECODE, so without this every start would compile our sources)."""
    targets = [str(root / name) for name in ("main.py", "ui", "models", "export") if (root / name).exists()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0", *targets], check=True, stdout=subprocess.DEVNULL)


def prepare(root: Path, tmp: Path, env: dict) -> dict:
    """The code byte-compiled; the sample in a database, the fonts and characters its export uses (for the floor)."""
    compile_code(root)
    code = f"""
import json, sys
sys.path.insert(0, {str(root)!r})
from tests.export.sample import sample_report
from models.store import Store
from export.layout import layout_report
report = sample_report()
store = Store({str(tmp / 'sample.db')!r}); rid = store.create(report); store.close()
lay = layout_report(report)
chars = "".join(gl.char for p in lay.pages for ln in p.lines for gl in ln.glyphs)
faces = [[n, f.path, f.index, getattr(f, 'key', '')] for n, f in lay.fonts.items() if getattr(f, 'path', '')]
open({str(tmp / 'chars.txt')!r}, 'w', encoding='utf-8').write(chars)
json.dump(dict(title=report.title, preamble=report.preamble, signature=report.signature,
               headings=[s.heading for s in report.sections]), open({str(tmp / 'plain.json')!r}, 'w'))
json.dump(faces, open({str(tmp / 'faces.json')!r}, 'w'))
print(rid)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-800:])
    return {"rid": int(out.stdout.split()[-1]), "db": tmp / "sample.db"}


def summary(values: list[float]) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def layout_round(root: Path, env: dict, add) -> None:
    """Layout of 10, 100 and 1,000 pages of two shapes, each in a fresh process."""
    for shape in ("short", "long"):
        for pages in (10, 100, 1000):
            lay, _ = child(root, env, "layout", shape, str(pages))
            add(f"layout_{shape}_{pages}_ms_per_page", lay["per_page_ms"])
            add(f"layout_{shape}_{pages}_cpu_ms_per_page", lay.get("cpu_per_page_ms"))
            if pages == 1000:
                add(f"layout_{shape}_1000_s", lay["seconds"])
                add(f"layout_{shape}_1000_peak_mb", lay["peak_mb"])


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--root", type=Path, default=HERE.parent)
    p.add_argument("--json", type=Path, default=None)
    p.add_argument("--quick", action="store_true", help="fewer edits and a shorter typing run")
    p.add_argument("--startup", action="store_true", help="only the start-up figures (bare window, ours, preview)")
    p.add_argument("--layout", action="store_true", help="only the layout figures (two shapes, 10 to 1,000 pages)")
    args = p.parse_args(argv[1:])
    root = args.root.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-run-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               TIANBAO_DATA_DIR=str(tmp / "data"), TIANBAO_CONFIG_DIR=str(tmp / "config"),
               TIANBAO_CACHE_DIR=str(tmp / "cache"), PYTHONDONTWRITEBYTECODE="1")
    prep = prepare(root, tmp, env)
    # The window opens the last report: this database, as the default one of the temp data folder.
    (tmp / "data").mkdir(exist_ok=True)
    shutil.copy(prep["db"], tmp / "data" / "tianbao.db")
    edits = "6" if args.quick else "20"
    typing = "3" if args.quick else "8"
    raw: dict[str, list] = {}

    def add(name: str, value) -> None:
        raw.setdefault(name, []).append(value)

    for r in range(args.rounds):
        if args.layout:
            layout_round(root, env, add)
            print(f"round {r + 1}/{args.rounds} done, load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
            continue
        # start-up: a bare window, then ours (same round, back to back)
        bare, _ = child(root, env, "bare_window")
        add("bare_window_s", bare["shown_at"] - bare["_spawn"])
        plain, _ = child(root, env, "plain_window", str(tmp / "plain.json"))
        add("plain_window_s", plain["shown_at"] - plain["_spawn"])
        win, _ = child(root, env, "window", str(tmp / "data" / "tianbao.db"))
        add("window_shown_s", win["shown_at"] - win["_spawn"])
        add("preview_first_page_s", win.get("preview"))
        if args.startup:
            print(f"round {r + 1}/{args.rounds} done, load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
            continue
        # export: the floor, a cold CLI export, the first-ever run (empty caches), a warm export
        _, floor_wall = child(root, env, "floor", str(tmp / "floor.pdf"), str(tmp / "chars.txt"),
                              str(tmp / "faces.json"))
        add("floor_s", floor_wall)
        add("cli_export_s", cli_export(root, env, prep["rid"], prep["db"], tmp / "cli.pdf"))
        first_env = dict(env, TIANBAO_CACHE_DIR=str(tmp / f"empty-cache-{r}"))
        add("first_run_export_s", cli_export(root, first_env, prep["rid"], prep["db"], tmp / "first.pdf"))
        warm, _ = child(root, env, "warm_export", "sample", str(tmp / "warm.pdf"), "10")
        add("warm_export_s", warm["warm"])
        layout_round(root, env, add)
        # the preview while typing
        for kind, name in (("sample", "sample"), ("143", "143p")):
            pv, _ = child(root, env, "preview", kind, edits, typing)
            add(f"preview_{name}_latency_s", pv["latency_median"])
            add(f"preview_{name}_latency_max_s", pv["latency_max"])
            add(f"preview_{name}_stall_worst_s", pv["stall_worst"])
            add(f"memory_{name}_mb", pv["rss_window"] + pv["rss_worker"])
        print(f"round {r + 1}/{args.rounds} done, load average {os.getloadavg()[0]:.1f}", file=sys.stderr)

    figures = {k: summary(v) for k, v in raw.items()}
    med = {k: v["median"] for k, v in figures.items()}

    def ratio(a: str, b: str):
        return med[a] / med[b] if med.get(a) and med.get(b) else None

    rows = [
        # (figure, unit, value key, ratio text, ratio, target)
        ("Preview: page on screen after the last keystroke, sample", "ms", "preview_sample_latency_s", None, None, "≤ 200 (worst ≤ 300)"),
        ("  worst of the edits, sample", "ms", "preview_sample_latency_max_s", None, None, "≤ 300"),
        ("Preview: same, 143-page report", "ms", "preview_143p_latency_s", None, None, "≤ 500"),
        ("Worst event-loop stall while typing, sample", "ms", "preview_sample_stall_worst_s", None, None, "≤ 50"),
        ("Worst event-loop stall while typing, 143 pages", "ms", "preview_143p_stall_worst_s", None, None, "≤ 50"),
        ("Bare PySide6 window shown", "ms", "bare_window_s", None, None, "(reference)"),
        ("Plain Qt window: same kinds of widgets and text, no Tianbao code", "ms", "plain_window_s", "× bare",
         ratio("plain_window_s", "bare_window_s"), "(reference)"),
        ("Window shown with the last report open", "ms", "window_shown_s", "× bare", ratio("window_shown_s", "bare_window_s"), "≤ 1.3× bare"),
        ("Preview's first page after the window", "ms", "preview_first_page_s", None, None, "≤ 150"),
        ("Floor: reportlab draws the sample's characters", "ms", "floor_s", None, None, "(reference)"),
        ("Cold `main.py export` of the sample", "ms", "cli_export_s", "× floor", ratio("cli_export_s", "floor_s"), "≤ 1.5× floor"),
        ("First-ever export (empty caches)", "ms", "first_run_export_s", "× floor", ratio("first_run_export_s", "floor_s"), "≤ 2× floor"),
        ("Warm export of the sample (in process)", "ms", "warm_export_s", None, None, "≤ 30"),
    ]
    for shape, label in (("short", "many short paragraphs"), ("long", "few very long paragraphs")):
        for pages in (10, 100, 1000):
            key = f"layout_{shape}_{pages}_ms_per_page"
            rows.append((f"Layout per page, {label}, {pages} pages", "ms", key,
                         "× 10 p" if pages != 10 else None,
                         ratio(key, f"layout_{shape}_10_ms_per_page") if pages != 10 else None, "flat ±20 %"))
        cpu = f"layout_{shape}_1000_cpu_ms_per_page"
        rows.append(("  1000 pages, CPU time per page (less swayed by other processes)", "ms", cpu, "× 10 p",
                     ratio(cpu, f"layout_{shape}_10_cpu_ms_per_page"), "flat ±20 %"))
        rows.append((f"Layout of 1,000 pages, {label}", "s", f"layout_{shape}_1000_s", None, None, "≤ 3"))
        rows.append((f"Peak memory, 1,000 pages, {label}", "MB", f"layout_{shape}_1000_peak_mb", None, None, "≤ 250"))
    rows.append(("Window + preview worker, sample", "MB", "memory_sample_mb", None, None, "(reference)"))
    rows.append(("Window + preview worker, 143 pages", "MB", "memory_143p_mb", None, None, "≤ 200"))

    def fmt(v, key: str, unit: str) -> str:
        if v is None:
            return "–"
        if key.endswith("_ms_per_page"):
            return f"{v:.2f}"
        if unit == "ms":
            return f"{1000 * v:.0f}"
        return f"{v:.2f}" if unit == "s" else f"{v:.0f}"

    lines = ["| Figure | median | min | max | ratio | target |", "|---|---:|---:|---:|---:|---|"]
    table = []
    for label, unit, key, rtext, rvalue, target in rows:
        if key not in figures:
            continue  # not measured in this run (--startup)
        f = figures.get(key, {"median": None, "min": None, "max": None})
        rtxt = f"{rvalue:.2f}{rtext[1:]}" if rvalue is not None else ""
        lines.append(f"| {label} ({unit}) | {fmt(f['median'], key, unit)} | {fmt(f['min'], key, unit)} | "
                     f"{fmt(f['max'], key, unit)} | {rtxt} | {target} |")
        table.append({"figure": label, "unit": unit, "key": key, **f, "ratio": rvalue, "target": target})
    machine = (f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
               f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
               f"{args.rounds} rounds, load average at the end {os.getloadavg()[0]:.1f}")
    print("\n".join(lines))
    print(f"\nMachine: {machine}")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=root).stdout.strip()
    only = "-startup" if args.startup else "-layout" if args.layout else ""
    name = f"run-{commit or 'nocommit'}{only}.json"
    out = args.json or (HERE / "results" / name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine, "commit": commit, "root": str(root), "rounds": args.rounds,
                               "figures": figures, "table": table, "raw": raw}, indent=1, ensure_ascii=False),
                   encoding="utf-8")
    print(f"JSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
