"""字体设置: per role the font in use, its file, official or substitute, coverage, a sample; choose another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from export.fontchoices import LATIN, faces_of_file, load_choices, save_choices
from export.fontindex import GB2312_HANZI, gb2312_hanzi, load_index
from export.fonts import MIN_CHINESE_FONT, OFFICIAL, OFFICIAL_LABELS, ROLE_LABELS, ROLES, _norm, get_fontset

ROWS = (*ROLES, LATIN)
LABELS = {**ROLE_LABELS, LATIN: "数字和字母"}
SAMPLES = {"title": "关于2026年度履职情况的报告", "body": "一是突出管党治党主责主业。牢固树立抓好党建是最大政绩理念",
           "heading1": "一、履职情况", "heading2": "（一）加强政治建设", "pagenum": "— 1 —",
           LATIN: "0123456789 ABCDEFG abcdefg"}
AUTO, PICK_FILE = "auto", "file"
_FAMILIES: dict[str, str] = {}


def sample_family(path: str) -> str | None:
    """The Qt family of a font file, loaded once, so the sample is drawn in the very face."""
    if path not in _FAMILIES:
        fid = QFontDatabase.addApplicationFont(path)
        fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _FAMILIES[path] = fams[0] if fams else ""
    return _FAMILIES[path] or None


def report_chars(report, latin: bool) -> set[str]:
    """The distinct characters of the report a role's font must draw."""
    from models.fields import iter_fields

    text = "".join(t for _p, t in iter_fields(report)) if report is not None else ""
    if latin:
        return {c for c in text if c.isascii() and c.isalnum()}
    return {c for c in text if not c.isascii() and not c.isspace()}


class FontSettingsDialog(QDialog):
    """The choices are the user's (every report, export, preview, print and check); 确定 saves them."""

    def __init__(self, report=None, parent: QWidget | None = None, *, pick_file=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("字体设置"))
        self.report = report
        self.pick_file = pick_file  # (parent) -> path or None; tests answer instead of a file dialog
        self.choices = load_choices()
        self.faces = [f for f in load_index().faces if f.usable]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 12)  # the longest sample and file name kept off the frame
        lay.setSpacing(10)
        note = QLabel(self.tr("公文各部分所用字体。未安装规范字体时天报自动选用相近字体；也可以在这里指定。"
                              "设置对本机所有报告的导出、预览、打印和检查都有效。"), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for col, head in enumerate((self.tr("用途"), self.tr("字体"), self.tr("规范"), self.tr("常用汉字"),
                                    self.tr("本报告用字"), self.tr("字体文件"))):
            h = QLabel(head, self)
            h.setStyleSheet("color: #666;")
            grid.addWidget(h, 0, col)
        self.combos: dict[str, QComboBox] = {}
        self.info: dict[str, tuple[QLabel, ...]] = {}
        self.samples: dict[str, QLabel] = {}
        for k, role in enumerate(ROWS):
            row = 1 + 2 * k
            grid.addWidget(QLabel(self.tr(LABELS[role]), self), row, 0)
            combo = QComboBox(self)
            combo.setMinimumContentsLength(22)  # “自动：AR PL SungtiL GB” whole; longer names have a tooltip
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self._fill(combo, role)
            combo.activated.connect(lambda _i, r=role: self._picked(r))
            grid.addWidget(combo, row, 1)
            self.combos[role] = combo
            labels = tuple(QLabel(self) for _ in range(4))
            for col, lab in enumerate(labels, start=2):
                grid.addWidget(lab, row, col)
            self.info[role] = labels
            sample = QLabel(SAMPLES[role], self)
            sample.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            grid.addWidget(sample, row + 1, 1, 1, 5)
            self.samples[role] = sample
        grid.setColumnStretch(6, 1)  # spare width after the last column, not spread between the columns
        lay.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        reset = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        reset.setText(self.tr("全部恢复自动"))
        reset.clicked.connect(self.reset)
        self.convert_button = buttons.addButton(self.tr("转换字体…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.convert_button.clicked.connect(self.convert)
        self.convert_note = QLabel(self)
        self.convert_note.setWordWrap(True)
        self.convert_note.setStyleSheet("color: #a35200;")
        lay.addWidget(self.convert_note)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.refresh()
        self._show_convertible()
        hint = self.sizeHint()
        self.resize(hint.width() + 48, hint.height())  # room to breathe right of the last column

    # -- the choices -----------------------------------------------------------------

    def _fill(self, combo: QComboBox, role: str) -> None:
        combo.addItem(self.tr("自动选择"), AUTO)
        latin = role == LATIN
        seen = set()
        for f in sorted(self.faces, key=lambda f: (-(f.gb2312 >= MIN_CHINESE_FONT), f.zh or f.en)):
            if latin and not f.regular or not latin and f.gb2312 < MIN_CHINESE_FONT or (f.path, f.index) in seen:
                continue
            seen.add((f.path, f.index))
            combo.addItem(f.zh or f.en, {"path": f.path, "index": f.index})
        combo.addItem(self.tr("选择字体文件…"), PICK_FILE)

    def _picked(self, role: str) -> None:
        combo = self.combos[role]
        data = combo.currentData()
        if data == PICK_FILE:
            path = self._ask_file()
            usable = [f for f in faces_of_file(path) if f.usable] if path else []
            if not usable:
                if path:
                    self.info[role][0].setText(self.tr("该文件不能嵌入PDF"))
                self._select(role)
                return
            self.choices[role] = {"path": path, "index": usable[0].index}
        elif data == AUTO:
            self.choices.pop(role, None)
        else:
            self.choices[role] = dict(data)
        self.refresh()

    def _ask_file(self) -> str | None:
        if self.pick_file is not None:
            return self.pick_file(self)
        from ui.dialogs.base import start_folder
        from ui.dialogs.file_dialog import ask_path

        return ask_path(self, self.tr("选择字体文件"), start_folder(), self.tr("字体文件 (*.ttf *.ttc *.otf)"),
                        save=False)

    def reset(self) -> None:
        self.choices = {}
        self.refresh()

    def _select(self, role: str) -> None:
        combo = self.combos[role]
        choice = self.choices.get(role)
        if choice is None:
            combo.setCurrentIndex(0)
            return
        for i in range(combo.count()):
            if combo.itemData(i) == choice:
                combo.setCurrentIndex(i)
                return
        name = Path(choice["path"]).name  # a file outside the font folders
        combo.insertItem(combo.count() - 1, name, dict(choice))
        combo.setCurrentIndex(combo.count() - 2)

    # -- what is in use ----------------------------------------------------------------

    def refresh(self) -> None:
        fontset = get_fontset(overrides=self.choices)
        automatic = get_fontset(overrides={})
        hanzi = gb2312_hanzi()
        for role in ROWS:
            auto_face = automatic.latin if role == LATIN else automatic.face(role)
            self.combos[role].setItemText(0, self.tr("自动：%1").replace("%1", auto_face.family) if auto_face
                                          else self.tr("自动（随各部分字体）"))
            self._select(role)
            self.combos[role].setToolTip(self.combos[role].currentText())
            face = fontset.latin if role == LATIN else fontset.face(role)
            official_l, gb_l, own_l, file_l = self.info[role]
            if face is None:  # 数字和字母 on automatic: each role's own face draws them
                official_l.setText(self.tr("随各部分字体"))
                for lab in (gb_l, own_l, file_l):
                    lab.setText("")
                self.samples[role].setFont(self.font())
                continue
            if role == LATIN:
                official_l.setText(self.tr("—"))
            else:
                official = any(_norm(face.family) == _norm(n) for n in OFFICIAL[role])
                official_l.setText(self.tr("规范字体") if official else self.tr("代用字体"))
                official_l.setToolTip(self.tr("规范字体：%1").replace("%1", OFFICIAL_LABELS[role]))
                official_l.setStyleSheet("" if official else "color: #a35200;")
            has = [cp for cp in hanzi if face.has(chr(cp))] if face.path else list(hanzi)
            gb_l.setText(f"{len(has)}/{GB2312_HANZI}" if role != LATIN else "")
            chars = report_chars(self.report, role == LATIN)
            missing = sorted(c for c in chars if not face.has(c))
            own_l.setText(f"{len(chars) - len(missing)}/{len(chars)}" if chars else self.tr("（无）"))
            own_l.setToolTip(self.tr("缺：") + "".join(missing[:40]) if missing else "")
            file_l.setText(Path(face.path).name if face.path else self.tr("（PDF阅读器内置）"))
            file_l.setToolTip(face.path)
            family = sample_family(face.path) if face.path else None
            font = QFont(family) if family else QFont(self.font())
            font.setPointSizeF(self.font().pointSizeF() * 1.5)
            self.samples[role].setFont(font)

    def _show_convertible(self) -> None:
        from ui.dialogs.font_convert import pending_faces

        names = sorted({f.zh or f.en for f in pending_faces()})
        self.convert_button.setVisible(bool(names))
        self.convert_note.setVisible(bool(names))
        self.convert_note.setText(self.tr("已安装的 %1 为 OpenType/CFF 字体，转换为 TrueType 后才能用于导出和打印。")
                                  .replace("%1", "、".join(names)))

    def convert(self) -> None:
        """转换字体…: in the background, with progress and 取消; the lists refresh afterwards."""
        from ui.dialogs.font_convert import start_conversion

        self.convert_button.setEnabled(False)
        self.worker = start_conversion(self, self._converted)

    def _converted(self, paths: list, cancelled: bool) -> None:
        get_fontset(refresh=True, overrides=self.choices)
        self.faces = [f for f in load_index().faces if f.usable]
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            self._fill(combo, role)
            combo.blockSignals(False)
        self.convert_button.setEnabled(True)
        self.refresh()
        self.convert_note.setText(self.tr("已取消转换。") if cancelled else
                                  self.tr("已转换 %1 个字体。").replace("%1", str(len(paths))))
        self.convert_note.setVisible(True)

    def accept(self) -> None:
        save_choices(self.choices)
        super().accept()
