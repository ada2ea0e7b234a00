"""Convert .docx files to PDF in LibreOffice with the two settings its .docx import gets wrong set as the file says.

Run by the system python3 (python3-uno), from bench/bench_docx_fidelity.py:
    python3 bench/lo_word_semantics.py SOFFICE PROFILE_URL IN.docx OUT.pdf [IN.docx OUT.pdf …]

LibreOffice reads w:overflowPunct inverted (val=0, "no hanging punctuation", becomes hanging punctuation) and
ignores w:autoSpaceDE/DN (it always adds space between Chinese and Latin or digits). Tianbao's .docx asks for
neither; this sets ParaIsHangingPunctuation and ParaIsCharacterDistance off on every paragraph style and
paragraph, as Word and WPS read the file, then exports the PDF.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import uno  # noqa: I001 - python3-uno, the system interpreter's
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def paragraphs(text):
    items = text.createEnumeration()
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.Paragraph"):
            yield item
        elif item.supportsService("com.sun.star.text.TextTable"):
            for name in item.CellNames:
                yield from paragraphs(item.getCellByName(name).Text)


def main(argv: list[str]) -> None:
    soffice, profile, files = argv[1], argv[2], argv[3:]
    pipe = f"tianbao_bench_{os.getpid()}"
    proc = subprocess.Popen([soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
                             f"--accept=pipe,name={pipe};urp;"])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(300):  # LibreOffice takes a few seconds to listen
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # noqa: BLE001 - NoConnectException until it listens
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    for src, dst in zip(files[::2], files[1::2], strict=True):
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        styles = doc.StyleFamilies.getByName("ParagraphStyles")
        targets = [styles.getByName(n) for n in styles.ElementNames] + list(paragraphs(doc.Text))
        for target in targets:
            target.ParaIsHangingPunctuation = False
            target.ParaIsCharacterDistance = False
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - the bridge drops as LibreOffice quits
        pass
    proc.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv)
