"""How closely an independent renderer (LibreOffice, headless) sets Tianbao's .docx like Tianbao's own PDF.

Run: python bench/bench_docx_fidelity.py [OUT_DIR]   (not part of the test suite; installs LibreOffice Writer
with apt-get when soffice is missing). The official fonts are not installed here: a fontconfig file maps
the names the .docx asks for (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) to the faces Tianbao used.
Reports: tests/data/samples/congyan_2026.txt, a unit's report with the whole frame (bench/screenshot_frame.py),
the four templates and title/punctuation edge cases. Prints per report: pages (Tianbao / LibreOffice), pages with as many lines as Tianbao's, full pages
(neither first nor last; Tianbao's own may hold 21 when it keeps a heading with its text) with 22 lines,
full-width lines with 28 characters, and the share of Tianbao's line ends where LibreOffice ends a line at
the same character.

Two readings of each file. "as written": LibreOffice's own .docx import. "Word semantics": LibreOffice
(7.4, and its current source) imports w:overflowPunct inverted (val=0, "no hanging punctuation" in Word,
becomes hanging punctuation) and ignores w:autoSpaceDE/DN (it always puts a quarter em between Chinese and
Latin or digits); bench/lo_word_semantics.py switches both off through LibreOffice's Python bridge, as the
file asks and as Word and WPS read it, before exporting the PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from export import geometry as g  # noqa: E402

FULL_WIDTH = range(0x3000, 0xFFEF)


def ensure_soffice() -> str:
    """LibreOffice Writer and its Python bridge (for the "Word semantics" reading), installed when missing."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    uno = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode == 0
    if exe and uno:
        return exe
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "libreoffice-writer-nogui", "python3-uno"],
                   check=True)
    return shutil.which("soffice") or "soffice"


def fontconfig(out: Path) -> Path:
    """Alias every official name to the face Tianbao drew that role with."""
    from export.fonts import OFFICIAL, get_fontset

    fonts = get_fontset()
    rules = []
    for role, names in OFFICIAL.items():
        family = fonts.face(role).family
        for name in names:
            rules.append(f'<match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                         f'<edit name="family" mode="assign" binding="strong"><string>{escape(family)}</string>'
                         f'</edit></match>')
    conf = out / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' + "".join(rules)
                    + "</fontconfig>", encoding="utf-8")
    return conf


def lines_of(pdf_path: Path) -> list[list[tuple[str, float, float]]]:
    """Per page, the lines inside the 版心 as (text, x0, x1), top to bottom; page numbers left out."""
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            rows: dict[int, list] = {}
            for c in page.chars:
                if c["text"].isspace() or c["bottom"] > g.PAGE_HEIGHT - g.BLOCK_BOTTOM + 4:
                    continue
                key = round((c["top"] + c["bottom"]) / 2 / 6)
                rows.setdefault(key, []).append(c)
            lines = []
            for key in sorted(rows):
                cs = sorted(rows[key], key=lambda c: c["x0"])
                lines.append(("".join(c["text"] for c in cs), cs[0]["x0"], cs[-1]["x1"]))
            pages.append(lines)
    return pages


def line_ends(pages) -> set[int]:
    """Offsets in the document's text (whitespace removed) after which a line ends."""
    ends, pos = set(), 0
    for page in pages:
        for text, _x0, _x1 in page:
            pos += len(text)
            ends.add(pos)
    return ends


def convert_word_semantics(docs: list[Path], lo_dir: Path, soffice: str, conf: Path) -> None:
    """LibreOffice with hanging punctuation and Chinese/Latin autospace off, as the file says (lo_word_semantics)."""
    lo_dir.mkdir(exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    args = [str(x) for d in docs for x in (d, lo_dir / (d.stem + ".pdf"))]
    subprocess.run(["/usr/bin/python3", str(ROOT / "bench" / "lo_word_semantics.py"), soffice,
                    (lo_dir.parent / "lo-uno-profile").as_uri(), *args], env=env, check=True, capture_output=True,
                   timeout=600)


def convert(docx: Path, lo_dir: Path, soffice: str, conf: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    profile = (lo_dir.parent / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(lo_dir), str(docx)], env=env, check=True, capture_output=True, timeout=300)
    return lo_dir / (docx.stem + ".pdf")


def export_pair(name: str, report, out: Path) -> tuple[Path, Path]:
    from export.backends.docx import export_docx
    from export.backends.pdf import export_pdf

    tb_pdf, docx = out / f"{name}.pdf", out / f"{name}.docx"
    export_pdf(report, tb_pdf, deterministic=True)
    export_docx(report, docx)
    return tb_pdf, docx


def compare(tb_pdf: Path, lo_pdf: Path) -> dict:
    tb, lo = lines_of(tb_pdf), lines_of(lo_pdf)
    full_pages = [len(p) for p in lo[1:-1]]
    full_lines = [t for p in lo for t, x0, x1 in p
                  if x1 > g.BLOCK_RIGHT - 2 and x0 < g.BLOCK_LEFT + 2 and all(ord(ch) in FULL_WIDTH or
                                                                                "\u4e00" <= ch <= "\u9fff" for ch in t)]
    tb_ends, lo_ends = line_ends(tb), line_ends(lo)
    same = len(tb_ends & lo_ends) / max(len(tb_ends), 1)
    same_count = sum(len(a) == len(b) for a, b in zip(tb, lo, strict=False))
    return {"pages": (len(tb), len(lo)), "22 lines": f"{sum(n == 22 for n in full_pages)}/{len(full_pages)}",
            "lines/page": f"{same_count}/{len(tb)}",
            "28 chars": f"{sum(len(t) == 28 for t in full_lines)}/{len(full_lines)}", "same breaks": same}


def reports() -> dict:
    from bench.gallery_reports import edge_reports, template_reports
    from bench.sample_report import sample_report
    from bench.screenshot_frame import unit_report

    out = {"sample": sample_report(), "framed": unit_report()}  # congyan_2026.txt; a unit's report with the frame
    out.update(template_reports())
    edges = edge_reports()
    out.update({name: edges[name] for name in ("title2", "title3", "title_forced", "punct", "one_page")})
    return out


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="docx-fidelity-"))
    out.mkdir(parents=True, exist_ok=True)
    soffice = ensure_soffice()
    conf = fontconfig(out)
    pairs = {name: export_pair(name, report, out) for name, report in reports().items()}
    convert_word_semantics([docx for _tb, docx in pairs.values()], out / "lo-word", soffice, conf)
    for reading in ("as written", "Word semantics"):
        total_same, total_lines = 0.0, 0
        print(f"\n{reading}:\n{'report':<12} {'pages TB/LO':>11} {'lines/page':>10} {'22 lines':>9} {'28 chars':>9} "
              f"{'same breaks':>11}")
        for name, (tb_pdf, docx) in pairs.items():
            lo_pdf = convert(docx, out / "lo", soffice, conf) if reading == "as written" else \
                out / "lo-word" / f"{name}.pdf"
            m = compare(tb_pdf, lo_pdf)
            n = sum(len(p) for p in lines_of(tb_pdf))
            total_same += m["same breaks"] * n
            total_lines += n
            print(f"{name:<12} {m['pages'][0]:>5}/{m['pages'][1]:<5} {m['lines/page']:>10} {m['22 lines']:>9} "
                  f"{m['28 chars']:>9} {m['same breaks']:>10.1%}")
        print(f"all: {total_same / max(total_lines, 1):.1%} of Tianbao's lines end at the same character")
    _timings(out)
    print(f"\nfiles in {out}")


def _timings(out: Path) -> None:
    """Warm export times of the sample, per format (the first run of each pays for imports and font scans)."""
    import time

    from bench.sample_report import sample_report
    from export.backends import FORMATS, exporter_for

    report = sample_report()
    print()
    for suffix in FORMATS:
        _kind, export = exporter_for(f"x{suffix}")
        export(report, out / f"warm{suffix}")
        start = time.perf_counter()
        export(report, out / f"timed{suffix}")
        print(f"export sample {suffix:<5} {1000 * (time.perf_counter() - start):6.0f} ms, "
              f"{(out / f'timed{suffix}').stat().st_size / 1024:6.0f} KiB")


if __name__ == "__main__":
    main()
