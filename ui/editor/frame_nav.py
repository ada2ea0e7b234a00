"""Finding one's way in the 公文格式 tab: Tab order, the item shortcuts on 附件 and 签发人, field paths to widgets.

A mixin of FrameTab (ui/editor/frame_tab.py), which owns the widgets named here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from models.fields import parse_field
from ui.editor.frame_lists import AttachmentCard, SignerRow


class FrameNavigation:
    """Keyboard and click-to-edit for FrameTab; expects its widgets (mark, number, signer_list, …)."""

    # -- keyboard ----------------------------------------------------------------------

    def _chain(self) -> list[QWidget]:
        """The fields in the order they are shown; rows and cards made later join in their place."""
        chain: list[QWidget] = [self.letterhead_box, self.mark, self.number]
        chain += [row.name for row in self.signer_list.rows]
        chain += [self.copy_no, self.secrecy, self.urgency, self.seal]
        for card in self.attachment_list.ordered():
            chain += [card.title, card.body]
        chain += [self.attachment_list.add_button, self.record_box, self.cc, self.issuer, self.has_issue_date,
                  self.issue_date]
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        """Tab walks the frame top to bottom (Qt's order put 签发人 and 附件 added later at the very end)."""
        w = QApplication.focusWidget()
        chain = self._chain()
        while w is not None and w not in chain and w is not self:
            w = w.parentWidget()  # the line edit of a combo box, a date edit's inner field
        if w not in chain:
            return super().focusNextPrevChild(next)
        i = chain.index(w)
        step = 1 if next else -1
        for j in range(i + step, len(chain) if next else -1, step):
            target = chain[j]
            if target.isEnabled() and not target.isHidden() and target.focusPolicy() & Qt.FocusPolicy.TabFocus:
                target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
                self.ensureWidgetVisible(target, 0, 40)
                return True
        return super().focusNextPrevChild(next)

    def act_here(self, action: str, delta: int = 0) -> bool:
        """Ctrl+Enter, Ctrl+Shift+Delete, Alt+Up/Down on the 附件 card or 签发人 row holding the keyboard."""
        w = QApplication.focusWidget()
        while w is not None and w is not self and not isinstance(w, AttachmentCard | SignerRow):
            w = w.parentWidget()
        if isinstance(w, AttachmentCard):
            lst = self.attachment_list
        elif isinstance(w, SignerRow):
            lst = self.signer_list
        else:
            return False
        if action == "add":
            lst.add.emit(w.index + 1)
        elif action == "remove":
            lst.remove.emit(w.index)
        elif 0 <= w.index + delta < len(lst.attachments if lst is self.attachment_list else lst.signers):
            lst.move.emit(w.index, w.index + delta)
        return True

    # -- where a path lives -------------------------------------------------------------

    def focus_entry(self, path: str, index: int | None) -> None:
        """After an undo command: the keyboard goes to the entry it touched (or the list's add button)."""
        if path == "letterhead":
            w = self.mark if self.letterhead_box.isChecked() else self.letterhead_box
        elif path == "record":
            w = self.cc if self.record_box.isChecked() else self.record_box
        elif index is None or index < 0:  # the list is empty now
            w = self.attachment_list.add_button if path == "attachments" else self.signer_list.add_button
        else:
            w = self.field_widget(f"{path}.{index}" + (".title" if path == "attachments" else ""))
        if w is not None:
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(w, 0, 40)

    def field_widget(self, path: str) -> QWidget | None:
        """The widget editing a frame field path; a missing 签发人 or 附件 gives its list's add button.

        A field that cannot take the keyboard now gives the check box that would make it editable.
        """
        w = self._widget_of(path)
        if w is None or w.isEnabled():
            return w
        if path.startswith("letterhead") and not self.letterhead_box.isChecked():
            return self.letterhead_box
        if path.startswith("record") and not self.record_box.isChecked():
            return self.record_box
        return self.has_issue_date if w is self.issue_date else w

    def _widget_of(self, path: str) -> QWidget | None:
        parts = parse_field(path)
        if parts[0] == "letterhead":
            if len(parts) >= 2 and parts[1] == "signers":
                rows = self.signer_list.rows
                n = parts[2] if len(parts) == 3 else len(rows)
                return rows[n].name if 0 <= n < len(rows) else self.signer_list.add_button
            return {"mark": self.mark, "number": self.number, "copy_no": self.copy_no,
                    "secrecy": self.secrecy.lineEdit(), "urgency": self.urgency.lineEdit()}.get(parts[1])
        if parts[0] == "record":
            return {"cc": self.cc, "issuer": self.issuer, "date": self.issue_date}.get(parts[1])
        if parts[0] == "attachments":
            cards = self.attachment_list.ordered()
            if not 0 <= parts[1] < len(cards):
                return self.attachment_list.add_button
            card = cards[parts[1]]
            return card.body if len(parts) == 3 and parts[2] == "body" else card.title
        return None
