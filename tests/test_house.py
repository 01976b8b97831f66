"""The house rules: layers import one way only, ruff is clean, a module holds one named concept, functions
stay short."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "explorer"
BIN = Path(sys.executable).parent
# A module is split when it holds two concepts, not when it reaches a length (house-style.md, "Rooms by
# concept"); this cap only catches a module that has clearly grown into several.
MAX_MODULE_LINES = 600
# A first docstring line that names no concept: a grab-bag module, which is what the concept rule forbids.
GRAB_BAG = re.compile(r"\b(helpers?|utils?|utilities|misc(ellaneous)?|various|stuff)\b", re.IGNORECASE)
MAX_FUNCTION_LINES = 60
# Functions allowed to be longer, each with the reason.
LONG_FUNCTIONS = {
    # One literal: the JSON contract, key by key, in the order the README documents.
    "explorer/reasoning/result.py:result_to_dict",
}


def _tool(name):
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"{name} is not installed (pip install '.[test]')")
        return found
    return str(path)


def _lint_imports(cwd: Path, pythonpath: Path):
    env = {"PATH": str(BIN), "PYTHONPATH": str(pythonpath), "LANG": "C.UTF-8"}
    return subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_layer_contract_holds():
    done = _lint_imports(ROOT, ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "module, upward",
    [
        ("explorer/knowledge/_upward.py", "from explorer.reasoning import explore\n"),
        ("explorer/knowledge/_upward.py", "from explorer.language.parser import parse\n"),
        ("explorer/language/_upward.py", "from explorer.reasoning import explore\n"),
        ("explorer/reasoning/_upward.py", "import explorer.formats.text_format\n"),
        ("explorer/formats/_upward.py", "from explorer.cli import main\n"),
    ],
)
def test_an_upward_import_breaks_the_contract(tmp_path, module, upward):
    """A copy of the package with one module importing a layer above it: the contract must fail."""
    shutil.copytree(PACKAGE, tmp_path / "explorer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / module).write_text(upward)
    done = _lint_imports(tmp_path, tmp_path)
    assert done.returncode != 0, done.stdout
    assert "BROKEN" in done.stdout
    assert Path(module).stem in done.stdout


def test_ruff_finds_nothing():
    ruff = _tool("ruff")
    check = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_past_the_sanity_cap():
    long = {
        str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines (one concept each: split by concept): {long}"


def concept_problems(source: str, name: str) -> list[str]:
    """Why module ``name``'s docstring does not name its one concept: missing, an empty first line, a grab-bag."""
    doc = ast.get_docstring(ast.parse(source))
    first = doc.strip().splitlines()[0].strip() if doc and doc.strip() else ""
    if not first:
        return [f"{name}: no docstring naming the module's one concept"]
    if GRAB_BAG.search(first):
        return [f"{name}: the docstring's first line names no concept ({first!r})"]
    return []


def test_every_module_names_its_one_concept_in_its_docstring():
    problems = [p for path in _modules() for p in concept_problems(path.read_text(), str(path.relative_to(ROOT)))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "source, named",
    [
        ('"""Negation with a scope, after NegEx: a cue makes the findings after it absent."""\n', True),
        ("import os\n", False),
        ('"""\n\n"""\n', False),
        ('"""Helpers for the parser."""\n', False),
        ('"""Misc: tokens, negation and spelling."""\n', False),
    ],
)
def test_the_concept_rule_tells_a_named_module_from_one_that_is_not(source, named):
    assert (concept_problems(source, "probe.py") == []) is named


def test_no_function_is_too_long():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                name = f"{path.relative_to(ROOT)}:{node.name}"
                if length > MAX_FUNCTION_LINES and name not in LONG_FUNCTIONS:
                    long[name] = length
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split them, or list them with a reason): {long}"


def test_the_core_never_imports_click_or_prints():
    for path in _modules():
        rel = path.relative_to(PACKAGE).parts
        if rel[0] in ("cli", "web", "__main__.py"):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] == "click" for n in names), f"{path} imports click"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "print", f"{path}:{node.lineno} prints"


def test_the_pre_commit_hooks_run_what_the_tests_check():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "knowledge-check", "layer-contract", "mypy"} <= set(hooks)
    # The mypy hook runs what tests/test_typing.py runs, on the whole package (not only the changed files).
    assert hooks["mypy"]["entry"].split() == ["mypy", "explorer"]
    assert hooks["mypy"]["pass_filenames"] is False
    # The local knowledge hook's command must really validate this checkout's knowledge files.
    command = hooks["knowledge-check"]["entry"].split()
    assert command[:3] == ["python", "-m", "explorer"]
    done = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: .:")
