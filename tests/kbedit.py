"""Helpers for tests that edit a copy of the knowledge files."""

from pathlib import Path

import pytest

from explorer.errors import KnowledgeError
from explorer.knowledge.loader import load_knowledge


def edit(path: Path, old: str, new: str, count: int = 1):
    """Replace text in a knowledge file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def problems_for(kb_dir) -> list[str]:
    """The problems loading ``kb_dir`` reports (it must fail to load)."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_dir)
    return caught.value.problems


def assert_breakage_reported(kb_dir: Path, name: str, old: str, new: str, needle: str, message: str):
    """Break one knowledge file of the copy ``kb_dir``; the problem must name its file and line."""
    path = kb_dir / name
    edit(path, old, new)
    problems = problems_for(kb_dir)
    where = f"{path}:{line_of(path, needle)}: "
    assert any(p.startswith(where) and message in p for p in problems), (where, message, problems)
