"""Report kinds are data files in resources/templates; adding a kind needs no code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from models.exchange import sections_from_data
from models.report import Report

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"


@dataclass(frozen=True)
class Template:
    kind: str
    name: str
    description: str
    data: dict

    def new_report(self) -> Report:
        d = self.data
        return Report(
            kind=self.kind,
            title=d.get("title", ""),
            preamble=d.get("preamble", ""),
            sections=sections_from_data(d.get("sections", [])),
            closing=d.get("closing", ""),
        )


def load_templates(folder: Path = TEMPLATE_DIR) -> list[Template]:
    """Every template file in ``folder``, in file-name order."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Template(data["kind"], data["name"], data.get("description", ""), data))
    return out


def template_names() -> dict[str, str]:
    """kind -> display name, for showing a report's kind."""
    return {t.kind: t.name for t in load_templates()}
