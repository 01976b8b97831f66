"""The output-format registry (explorer/formats/registry.py): every command's --format choices come from
it, every entry names a real view and function, and a new format is one file and one line."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer import explore, load_knowledge
from explorer.cli import cli
from explorer.formats.registry import FORMATS, VIEWS, formats_for, renderer

ROOT = Path(__file__).resolve().parent.parent

# command (as typed) -> the view its --format shows
COMMAND_VIEWS = {
    "match": "result",
    "batch": "batch",
    "conditions": "conditions",
    "show": "card",
    "symptoms": "symptoms",
    "parse": "parse",
    "rules": "rules",
    "compare": "comparison",
    "cases": "cases",
    "cases show": "case",
}


def format_choices(help_text: str) -> list[str]:
    return re.search(r"--format \[([^\]]+)\]", help_text).group(1).split("|")


@pytest.mark.parametrize("command,view", COMMAND_VIEWS.items())
def test_each_command_offers_the_formats_the_registry_has_for_its_view(command, view):
    done = CliRunner().invoke(cli, [*command.split(), "--help"])
    assert done.exit_code == 0
    assert format_choices(done.output) == list(formats_for(view))
    default = "jsonl" if view == "batch" else "text"
    assert f"[default: {default}]" in " ".join(done.output.split())


def test_every_entry_names_a_view_and_a_function_that_exists():
    for fmt, views in FORMATS.items():
        assert set(views) <= set(VIEWS), fmt
        for view in views:
            assert callable(renderer(view, fmt)), (fmt, view)
    assert all(formats_for(view) for view in VIEWS)
    with pytest.raises(KeyError):
        formats_for("no-such-view")


TOY_MODULE = '''"""A toy format: one line per suggestion, and a card in one line."""


def render_result(result, context):
    return "".join(f"TOY {s.rank} {s.condition.id}\\n" for s in result.suggestions)


def render_card(condition, context):
    return f"TOY CARD {condition.id}: {len(condition.links)} findings\\n"
'''
TOY_LINE = '    "toy": {"result": "toy_format:render_result", "card": "toy_format:render_card"},\n'

# Run in the copy: every command's --help, and the toy format at work.
PROBE = """
import json, re
from click.testing import CliRunner
from explorer.cli import cli
runner, seen = CliRunner(), {}
for command in COMMANDS:
    text = runner.invoke(cli, [*command.split(), "--help"]).output
    seen[command] = re.search(r"--format \\[([^\\]]+)\\]", text).group(1).split("|")
match = runner.invoke(cli, ["match", "numbness", "dry eyes", "--format", "toy"])
show = runner.invoke(cli, ["show", "sjogren", "--format", "toy"])
rules = runner.invoke(cli, ["rules", "--format", "toy"])
print(json.dumps({"help": seen, "match": [match.exit_code, match.output], "show": [show.exit_code, show.output],
                  "rules": rules.exit_code}))
"""


@pytest.mark.slow  # a copy of the package in a subprocess
def test_a_new_format_is_one_file_and_one_registry_line(tmp_path):
    shutil.copytree(ROOT / "explorer", tmp_path / "explorer", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("data", "rules"):  # where a source checkout keeps the knowledge (loader.packaged_folders)
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "explorer/formats/toy_format.py").write_text(TOY_MODULE)
    registry = tmp_path / "explorer/formats/registry.py"
    source = registry.read_text()
    last = re.search(r'^    "dot": .*\n', source, re.MULTILINE)
    registry.write_text(source[: last.end()] + TOY_LINE + source[last.end() :])

    probe = f"COMMANDS = {list(COMMAND_VIEWS)!r}\n" + PROBE
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    for command, view in COMMAND_VIEWS.items():
        expected = [*formats_for(view), "toy"] if view in ("result", "card") else list(formats_for(view))
        assert seen["help"][command] == expected, command
    suggested = explore(["numbness", "dry eyes"]).suggestions
    assert seen["match"] == [0, "".join(f"TOY {s.rank} {s.condition.id}\n" for s in suggested)]
    assert seen["show"] == [0, f"TOY CARD sjogren_syndrome: {_links('sjogren_syndrome')} findings\n"]
    assert seen["rules"] == 2  # a view the toy format does not render: click refuses it


def _links(condition_id: str) -> int:
    return len(load_knowledge().conditions[condition_id].links)
