"""Draw Tianbao's icon (a red-headed page with ruled lines) with QPainter: resources/icons/tianbao.{png,ico,svg}.

Drawn by us, no font needed; run once after changing the drawing and commit the files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b71c1c"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 36 * s, 36 * s)
    p.setBrush(QColor("#fffdf7"))
    p.drawRect(QRectF(52 * s, 30 * s, 152 * s, 196 * s))
    # The red 版头 band and its rule, then the body lines on a grid.
    p.setBrush(QColor("#d32f2f"))
    p.drawRect(QRectF(72 * s, 50 * s, 112 * s, 22 * s))
    p.setPen(QPen(QColor("#d32f2f"), 4 * s))
    p.drawLine(int(64 * s), int(86 * s), int(192 * s), int(86 * s))
    p.setPen(QPen(QColor("#37474f"), 7 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for k, y in enumerate(range(112, 212, 22)):
        x0 = 84 if k in (0, 3) else 70
        x1 = 150 if k == 4 else 186
        p.drawLine(int(x0 * s), int(y * s), int(x1 * s), int(y * s))
    p.end()
    return img


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "tianbao.png"))
    draw(64).save(str(OUT / "tianbao-64.png"))
    if not draw(256).save(str(OUT / "tianbao.ico")):
        print("Qt has no .ico writer here; tianbao.ico not made", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
