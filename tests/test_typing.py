"""Typed edges: no import circles among the package's modules (lazy and type-only imports included), mypy
clean, and the lazily exported public names visible to users' type checkers with their real types."""

import ast
import importlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import explorer

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "explorer"
BIN = Path(sys.executable).parent
# Subpackages installed from other folders (explorer.data is data/): data only, they import nothing.
MAPPED = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"])


def _module_name(path: Path, package: Path) -> str:
    parts = [package.name, *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, modules: set[str]) -> set[str]:
    """The package's modules one import statement names (a name imported from a package counts as its
    submodule when there is one, else as the package)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            here = importer.split(".") if is_package else importer.split(".")[:-1]
            here = here[: len(here) - node.level + 1]
            base = ".".join([*here, *([base] if base else [])])
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
    found = set()
    for name in names:
        while name and name not in modules:  # `import a.b.c` names module a.b when c is an attribute
            name = name.rpartition(".")[0]
        if name:
            found.add(name)
    return found


def import_graph(package: Path) -> dict[str, set[str]]:
    """module -> the package's modules it imports anywhere: at the top, inside a function (lazily) or
    under ``if TYPE_CHECKING``. Imports by a name in a string (importlib) are not seen."""
    paths = {_module_name(p, package): p for p in package.rglob("*.py") if "__pycache__" not in p.parts}
    modules = set(paths) | MAPPED
    graph: dict[str, set[str]] = {name: set() for name in MAPPED}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        edges = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges |= _targets(node, name, is_package, modules)
        graph[name] = edges - {name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a circle (strongly connected
    components of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(cycles)


def test_no_import_cycles():
    cycles = import_cycles(import_graph(PACKAGE))
    assert cycles == [], f"modules importing each other (move what both need into a module of its own): {cycles}"


def test_the_graph_sees_lazy_and_type_only_imports():
    graph = import_graph(PACKAGE)
    assert "explorer.reasoning.reach" in graph["explorer.reasoning.engine"]  # inside a method
    assert "explorer.reasoning.explore" in graph["explorer"]  # under TYPE_CHECKING
    assert "explorer.knowledge.records" in graph["explorer.reasoning.result"]  # at the top


@pytest.mark.parametrize(
    "module, planted, circle",
    [
        # lazy: a function-level import back up the chain
        ("knowledge/loader.py", "\n\ndef _planted():\n    from ..api import list_symptoms\n", "explorer.api"),
        # type-only: a record module naming the Result for its annotations
        (
            "knowledge/records.py",
            "\nimport typing\n\nif typing.TYPE_CHECKING:\n    from ..reasoning.result import Result\n",
            "explorer.reasoning.result",
        ),
        # through the package root, which imports the public API for type checkers
        ("knowledge/cache.py", "\nfrom explorer import __version__ as _planted\n", "explorer"),
        # the circle this test was written against (engine and reach imported each other lazily)
        (
            "reasoning/reach.py",
            "\n\ndef _planted():\n    from .engine import engine_for\n",
            "explorer.reasoning.engine",
        ),
    ],
)
def test_a_planted_circle_is_found(tmp_path, module, planted, circle):
    copy = tmp_path / "explorer"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with open(copy / module, "a", encoding="utf-8") as out:
        out.write(planted)
    importer = _module_name(copy / module, copy)
    cycles = import_cycles(import_graph(copy))
    assert any({importer, circle} <= set(group) for group in cycles), cycles


def _type_checking_imports(path: Path) -> dict[str, str]:
    """name -> module (relative to the package) of every ``from .module import name`` under TYPE_CHECKING."""
    found = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.level == 1, ast.unparse(statement)
                found |= {alias.name: statement.module for alias in statement.names}
    return found


def test_the_type_checking_block_names_every_lazy_export():
    """Type checkers read the TYPE_CHECKING block, the interpreter reads _EXPORTS: they must agree."""
    assert _type_checking_imports(PACKAGE / "__init__.py") == explorer._EXPORTS
    assert explorer.__all__ == sorted([*explorer._EXPORTS, "__version__"])
    for name, module in explorer._EXPORTS.items():
        assert getattr(explorer, name) is getattr(importlib.import_module(f"explorer.{module}"), name)


def test_py_typed_ships_in_the_package():
    assert (PACKAGE / "py.typed").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in config["tool"]["setuptools"]["package-data"]["explorer"]


def _mypy() -> str:
    path = BIN / "mypy"
    found = str(path) if path.exists() else shutil.which("mypy")
    if not found:
        pytest.skip("mypy is not installed (pip install '.[test]')")
    return found


@pytest.mark.slow  # mypy over the package
def test_mypy_finds_nothing():
    done = subprocess.run([_mypy(), "explorer"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("Success: no issues found"), done.stdout


USER_SCRIPT = """\
import explorer
from explorer import explore

result = explore(["numbness"])
reveal_type(result)
reveal_type(explorer.list_conditions)
wrong: int = result
"""


@pytest.mark.slow  # builds and installs a wheel
def test_a_users_type_checker_sees_the_real_types(tmp_path, built_wheel):
    """As a user would: the built wheel (built once for the run, tests/conftest.py) installed into an
    environment, and mypy run on a script using the lazily exported names. Without py.typed mypy skips the
    package; without the TYPE_CHECKING block every lazy name is Any and the wrong annotation passes."""
    mypy = _mypy()
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, timeout=120)
    site = next(env.glob("lib/python3*/site-packages"))
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site)]
    subprocess.run([*install, str(built_wheel)], check=True, capture_output=True, timeout=300)
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    check = [mypy, "--no-incremental", "--python-executable", str(env / "bin" / "python"), "user.py"]
    done = subprocess.run(check, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    out = done.stdout
    assert 'user.py:5: note: Revealed type is "explorer.reasoning.result.Result"' in out, out
    assert "-> list[explorer.knowledge.records.Condition]" in out, out
    assert 'user.py:7: error: Incompatible types in assignment (expression has type "Result"' in out, out
    assert "Found 1 error" in out, out


def test_the_reasoning_functions_return_named_frozen_records(kb):
    """Records, not anonymous tuples: each field is read by name and none can be changed."""
    from explorer.reasoning.explore import Explored, explore_inference
    from explorer.reasoning.questionnaire import picture
    from explorer.reasoning.trials import Picture, Trials

    explored = explore_inference(["numbness", "dry eyes", "trouble breathing"], [], kb)
    assert isinstance(explored, Explored)
    shown = picture(explored.result)
    assert isinstance(shown, Picture)
    assert shown.suggestions[0] == ("sjogren_syndrome", "weak")  # numbness is common; breathing trouble unlinked
    assert shown.red_flags == tuple(f.id for f in explored.result.red_flags) != ()
    assert isinstance(Trials(kb, {"numbness"}, set()).picture("dry_eyes", "yes"), Picture)
    for record in (explored, shown):  # records (explorer/records.py) and a dataclass alike
        with pytest.raises(AttributeError, match="cannot assign to field"):
            record.__setattr__(next(iter(type(record).__annotations__)), None)
