"""First-ever export (empty caches) and cold export against the floor, interleaved rounds (issue 12).

Run: python bench/bench_firstrun.py [--rounds N] [--root DIR] [--font-dirs DIR] [--baseline DIR]
--font-dirs points TIANBAO_FONT_DIRS at a folder (e.g. ~300 linked font files) instead of the system fonts.
--baseline measures another checkout's first-ever export in the same rounds (`git archive OLD | tar -x -C DIR`).
Uses bench/run.py's children, so figures match its table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import HERE, child, cli_export, compile_code, prepare  # noqa: E402


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--root", type=Path, default=HERE.parent)
    p.add_argument("--font-dirs", default=None)
    p.add_argument("--baseline", type=Path, default=None)
    args = p.parse_args(argv[1:])
    root = args.root.resolve()
    base = args.baseline.resolve() if args.baseline else None
    tmp = Path(tempfile.mkdtemp(prefix="tianbao-first-"))
    env = dict(os.environ, TIANBAO_DATA_DIR=str(tmp / "data"), TIANBAO_CONFIG_DIR=str(tmp / "config"),
               TIANBAO_CACHE_DIR=str(tmp / "cache"), PYTHONDONTWRITEBYTECODE="1")
    if args.font_dirs:
        env["TIANBAO_FONT_DIRS"] = args.font_dirs
    prep = prepare(root, tmp, env)
    if base is not None:
        compile_code(base)
    floor, cold, first, before = [], [], [], []
    for r in range(args.rounds):
        _, wall = child(root, env, "floor", str(tmp / "floor.pdf"), str(tmp / "chars.txt"), str(tmp / "faces.json"))
        floor.append(wall)
        cold.append(cli_export(root, env, prep["rid"], prep["db"], tmp / "cli.pdf"))
        first_env = dict(env, TIANBAO_CACHE_DIR=str(tmp / f"empty-cache-{r}"))
        first.append(cli_export(root, first_env, prep["rid"], prep["db"], tmp / "first.pdf"))
        if base is not None:
            base_env = dict(env, TIANBAO_CACHE_DIR=str(tmp / f"empty-cache-base-{r}"))
            before.append(cli_export(base, base_env, prep["rid"], prep["db"], tmp / "first-base.pdf"))
    f, c, e = (statistics.median(v) for v in (floor, cold, first))
    print(f"floor {1000 * f:.0f} ms  cold {1000 * c:.0f} ms ({c / f:.2f}x)  first-ever {1000 * e:.0f} ms ({e / f:.2f}x)"
          f"  [first-ever min {1000 * min(first):.0f} max {1000 * max(first):.0f}; {args.rounds} rounds,"
          f" load {os.getloadavg()[0]:.1f}]")
    if before:
        b = statistics.median(before)
        print(f"baseline {base}: first-ever {1000 * b:.0f} ms ({b / f:.2f}x) [min {1000 * min(before):.0f}"
              f" max {1000 * max(before):.0f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
