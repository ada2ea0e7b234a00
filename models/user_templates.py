"""另存为模板: a report's structure, headings, numbering, fixed sentences and frame as the user's own template.

Kept in the database (models/store/templates.py), listed in 新建 beside the built-in ones, and shared
with colleagues as a .json file of its own format.
"""

from __future__ import annotations

import json
import os
from typing import Any

from models.exchange import ExchangeError, frame_from_data, read_json, report_to_data, sections_from_data, write_atomic
from models.report import Report
from models.templates import Template

FORMAT = "tianbao.template"
VERSION = 1
USER_KIND_PREFIX = "user:"  # Template.kind of a user template is "user:<id>"; the report keeps its own kind


def template_data(report: Report) -> dict[str, Any]:
    """What a template keeps: structure, headings, numbering, fixed sentences (title, preamble, intros,
    closing, signature) and the frame; items keep their number and lead phrases empty, bodies are dropped."""
    data = report_to_data(report)
    for s in data["sections"]:
        s["items"] = [{"lead": "", "body": ""} for _ in s["items"]] or [{"lead": "", "body": ""}]
    data["attachments"] = [{"title": a["title"], "body": ""} for a in data["attachments"]]
    for key in ("format", "version", "date"):
        data.pop(key, None)
    if data.get("record"):
        data["record"]["date"] = None
    return data


def new_report_from(data: dict, kind: str) -> Report:
    report = Report(kind=kind, title=data.get("title", ""), preamble=data.get("preamble", ""),
                    sections=sections_from_data(data.get("sections", [])), closing=data.get("closing", ""),
                    signature=data.get("signature", ""))
    frame_from_data(data, report)
    return report


class UserTemplate(Template):
    """A Template whose new_report() also brings the frame and signature."""

    def new_report(self) -> Report:
        return new_report_from(self.data, self.data.get("kind", "blank"))


def user_template(tid: int, name: str, data: dict) -> UserTemplate:
    return UserTemplate(f"{USER_KIND_PREFIX}{tid}", name, data.get("description") or "我的模板", data)


def validate(data: Any) -> dict:
    """Refuse what new_report_from could not turn into a report, with one Chinese sentence."""
    if not isinstance(data, dict):
        raise ExchangeError("模板内容格式不正确")
    new_report_from(data, "blank")
    return data


def dump_template(name: str, data: dict, path: str | os.PathLike) -> None:
    doc = {"format": FORMAT, "version": VERSION, "name": name, "template": data}
    write_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))


def load_template_file(path: str | os.PathLike) -> tuple[str, dict]:
    """(name, data) of a shared template file; ExchangeError says why a file is refused."""
    doc = read_json(path, "模板文件")  # a FIFO, a device or a huge file is refused before it is read
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError("这不是天报的模板文件")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise ExchangeError("模板文件由较新版本的天报保存，请升级天报后再导入")
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ExchangeError("模板文件缺少名称")
    return name.strip(), validate(doc.get("template"))
