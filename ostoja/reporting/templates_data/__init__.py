"""Starting report templates as data: generic, Konin 2017, Wieruszów 2018 (YAML files here)."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent


def template_names() -> list[str]:
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))


def template_definition(name: str) -> dict:
    """Read a template definition: title, legal_basis, aliases, sections (in order)."""
    path = DATA_DIR / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(name)
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    data.setdefault("name", name)
    data.setdefault("aliases", {})
    data.setdefault("legal_basis", "")
    for section in data["sections"]:
        section.setdefault("kind", "narrative")
        section.setdefault("narrative", "")
        section.setdefault("config", {})
        section.setdefault("label", "")
        section.setdefault("parent", None)
        section.setdefault("show_heading", True)
    return data
