"""docs/modules.md names every module of the package by layer, with the concept it holds, and is current
(tools/module_map.py makes it from the modules' docstrings)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("module_map", ROOT / "tools" / "module_map.py")
module_map = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module_map)


def test_the_module_map_is_current():
    assert module_map.OUTPUT.read_text(encoding="utf-8") == module_map.render(), (
        "docs/modules.md is stale: run python tools/module_map.py"
    )


def test_every_module_is_named_once_with_its_concept():
    text = module_map.OUTPUT.read_text(encoding="utf-8")
    for path in (ROOT / "explorer").rglob("*.py"):
        name = path.relative_to(ROOT / "explorer").as_posix()
        assert text.count(f"| `{name}` | ") == 1, name
    assert "| `reasoning/ranking.py` | How suggestions are ranked" in text


def test_a_new_module_makes_the_map_stale(tmp_path, monkeypatch):
    package = tmp_path / "explorer"
    package.mkdir()
    (package / "toy.py").write_text('"""A toy concept. More words."""\n', encoding="utf-8")
    monkeypatch.setattr(module_map, "PACKAGE", package)
    assert "| `toy.py` | A toy concept. |" in module_map.render()
