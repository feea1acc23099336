"""How a node looks: colour and caption per class, read from the Browser style sheet
``schema/neo4j/kg.grass`` so that Neo4j Browser, the HTML page and GraphML captions agree.

>>> node_style({"label": "Commitment", "status": "DELIVERED", "text": "建成三湾公园"}).caption
'建成三湾公园'
>>> node_style({"label": "Report", "town": "庙行镇", "date": "2023-01-05"}).caption
'庙行镇 2023-01-05'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.graph.ontology import status_labels
from kg.resources import schema_dir

_RULE = re.compile(r"^(node|relationship)(?:\.(\w+))? \{(.*?)^\}", re.M | re.S)
_PROPERTY = re.compile(r"^\s*([\w-]+):\s*(.*?);\s*$", re.M)


@dataclass(frozen=True)
class NodeStyle:
    color: str
    border: str
    text_color: str
    caption: str


def grass_path() -> Path:
    return schema_dir() / "neo4j" / "kg.grass"


@cache
def grass_rules() -> dict[tuple[str, str | None], dict[str, str]]:
    """(``node``/``relationship``, label or type or None) → the rule's properties."""
    text = re.sub(r"/\*.*?\*/", "", grass_path().read_text("utf-8"), flags=re.S)
    return {
        (kind, name or None): {k: v.strip('"') for k, v in _PROPERTY.findall(body)} for kind, name, body in _RULE.findall(text)
    }


def _fill(template: str, data: dict) -> str:
    text = re.sub(r"\{(\w+)\}", lambda m: "" if data.get(m[1]) is None else str(data[m[1]]), template)
    return " ".join(text.split())


def node_style(data: dict) -> NodeStyle:
    """A node's colours and caption as Browser draws them: the class's rule, then (for a
    commitment) its status's rule over it, as Browser applies a node's labels in order."""
    rules = grass_rules()
    merged = dict(rules[("node", None)])
    merged.update(rules.get(("node", data.get("label")), {}))
    if data.get("label") == "Commitment" and data.get("status") in status_labels():
        merged.update(rules.get(("node", status_labels()[data["status"]]), {}))
    caption = _fill(merged.get("caption", "{name}"), data) or str(data.get("name") or data.get("id") or "")
    return NodeStyle(
        merged["color"], merged.get("border-color", merged["color"]), merged.get("text-color-internal", "#000000"), caption
    )


def relationship_colour(rel_type: str) -> str:
    return grass_rules().get(("relationship", rel_type), {}).get("color") or grass_rules()[("relationship", None)]["color"]
