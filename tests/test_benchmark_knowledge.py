"""The benchmark's generated knowledge folders must stay valid as the shipped knowledge and its checks
change (benchmarks/speed.py measures start-up on them)."""

import sys
from pathlib import Path

from explorer.knowledge.loader import load_knowledge

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate_knowledge import generate  # noqa: E402


def test_generated_folder_passes_the_checks(tmp_path, kb):
    folder = generate(tmp_path / "kb", len(kb.rules) + 40)
    generated = load_knowledge(folder)
    assert len(generated.rules) == len(kb.rules) + 40
    assert sum(rule.id.startswith("generated.") for rule in generated.rules) == 40
