"""Render a varied set of reports to PDF and PNG pages, so a person can look at every page.

Run: python bench/render_gallery.py [OUT_DIR]   (default /tmp/gallery; not part of the test suite)
Writes NAME.pdf, NAME-N.png (80 dpi pages) and NAME-hi-N.png (200 dpi, for zoomed crops) per report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gallery_reports import edge_reports, heading_at_bottom, template_reports  # noqa: E402
from tests.export.sample import long_report, sample_report  # noqa: E402


def reports() -> dict:
    out = {"sample": sample_report(), "long": long_report(9)}
    out.update(template_reports())
    out.update(edge_reports())
    out["heading_bottom"] = heading_at_bottom()
    return out


def render(name: str, report, out: Path, hi: bool) -> tuple[int, list[str]]:
    from export.backends.pdf import export_pdf

    pdf = out / f"{name}.pdf"
    result = export_pdf(report, pdf, deterministic=True)
    for old in out.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out / name)], check=True)
    if hi:
        subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(out / f"{name}-hi")], check=True)
    return result.pages, result.warnings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default="/tmp/gallery")
    ap.add_argument("--only", help="comma-separated report names")
    ap.add_argument("--no-hi", action="store_true", help="skip the 200 dpi pages")
    ap.add_argument("--builtin", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.builtin:
        pages, warnings = render("builtin", sample_report(), out, not args.no_hi)
        print(f"builtin: {pages} pages; " + " | ".join(warnings))
        return
    wanted = set(args.only.split(",")) if args.only else None
    for name, report in reports().items():
        if wanted and name not in wanted:
            continue
        pages, warnings = render(name, report, out, not args.no_hi)
        extra = f" (page limit {report.page_limit})" if report.page_limit else ""
        print(f"{name}: {pages} pages{extra}")
    if wanted is None or "builtin" in wanted:
        # No installed CJK font: reportlab's STSong-Light; in a child so this process's font set is untouched.
        with tempfile.TemporaryDirectory() as fonts, tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, TIANBAO_FONT_DIRS=fonts, TIANBAO_CACHE_DIR=cache)
            cmd = [sys.executable, __file__, str(out), "--builtin"] + (["--no-hi"] if args.no_hi else [])
            subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
