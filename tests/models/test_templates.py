"""Report kinds are data: the shipped templates, and a new kind added by dropping in a file."""

import json

from models.exchange import report_to_data
from models.report import NUMBERING_STYLES
from models.templates import TEMPLATE_DIR, load_templates

ISSUE_KINDS = {
    "congyan": ["履职情况", "存在问题", "下步措施"],
    "duizhao": ["存在问题", "原因剖析", "整改措施"],
}


def test_shipped_templates():
    templates = {t.kind: t for t in load_templates()}
    assert {"blank", "congyan", "shuzhi", "duizhao", "zongjie"} <= set(templates)
    for kind, headings in ISSUE_KINDS.items():
        assert [s.heading for s in templates[kind].new_report().sections] == headings
    congyan = templates["congyan"].new_report()
    assert congyan.preamble == "按照要求，现就履行全面从严治党责任情况报告如下："
    for t in templates.values():
        report = t.new_report()
        assert report.kind == t.kind and t.name
        assert all(s.numbering in NUMBERING_STYLES for s in report.sections)


def test_a_new_kind_is_a_data_file(tmp_path):
    for path in TEMPLATE_DIR.glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "50_diaoyan.json").write_text(json.dumps({
        "kind": "diaoyan", "name": "调研报告", "preamble": "根据安排，现将调研情况报告如下：",
        "sections": [{"heading": "基本情况", "numbering": "none"}, {"heading": "对策建议", "numbering": "heading"}],
    }, ensure_ascii=False), encoding="utf-8")
    templates = load_templates(tmp_path)
    assert templates[-1].kind == "diaoyan"
    data = report_to_data(templates[-1].new_report())
    assert [s["heading"] for s in data["sections"]] == ["基本情况", "对策建议"]
    assert data["kind"] == "diaoyan"
