"""Write docs/modules.md: every module of the package, by layer, with the one concept it holds (the first
sentence of its docstring, which tests/test_house.py requires). The architecture docs link to it, so no
module goes unnamed; tests/test_module_map.py fails when the file is stale.

    python tools/module_map.py            # regenerate docs/modules.md
    python tools/module_map.py --check    # exit 1 when it is stale
"""

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explorer"
OUTPUT = ROOT / "docs" / "modules.md"
# Highest layer first, as data flows (pyproject.toml's import-linter contract); the leaves last.
LAYERS = ("cli", "web", "formats", "api", "cases", "reasoning", "language", "knowledge")
HEADER = """# Every module, by layer

Made by `python tools/module_map.py` from each module's docstring (its first sentence names the one
concept the module holds); do not edit by hand. A layer imports only the layers below it (the contract
in `pyproject.toml`); the leaves at the end may be imported from anywhere.
"""


def concept(path: Path) -> str:
    """The first sentence of the module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraph = " ".join(doc.split("\n\n", 1)[0].split())
    sentence = re.split(r"(?<=[^.]\.)\s(?=[A-Z])", paragraph, maxsplit=1)[0]  # not at "..."
    return sentence.replace("|", "\\|")


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) > 1:
        return parts[0]
    return path.stem if path.stem in LAYERS else "leaves"


def render() -> str:
    rows: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        rows.setdefault(layer_of(path), []).append(f"| `{name}` | {concept(path)} |")
    out = [HEADER]
    for layer in (*LAYERS, "leaves"):
        title = f"`{layer}/`" if layer not in ("api", "leaves") else ("`api.py`" if layer == "api" else "Leaves")
        out += [f"## {title}", "", "| module | holds |", "|---|---|", *rows.get(layer, []), ""]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/modules.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print("docs/modules.md is stale: run python tools/module_map.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
