"""The README's promises: the Quick start block, the CI script that runs it, and the JSON keys."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands():
    block = re.search(r"```sh\n(.*?)```", README.split("## Quick start", 1)[1], re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_quick_start_holds_an_install_and_match_then_an_install_and_test():
    first, second = quick_start_commands()
    assert "pip install ." in first and "symptom-explorer match" in first
    assert 'pip install ".[test]"' in second and "pytest" in second


def test_ci_runs_the_second_quick_start_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in script and "lines[1]" in script


def test_readme_lists_the_json_keys_in_order():
    table = README.split("## JSON output", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    data = json.loads(CliRunner().invoke(cli, ["match", "--format", "json", "numbness"]).stdout)
    assert documented == list(data)


def test_every_command_is_documented_in_the_readme():
    names = cli.list_commands(None)  # lists lazily loaded commands too
    assert "match" in names and "batch" in names
    for name in names:
        assert f"symptom-explorer {name}" in README, name


def test_the_lesson_plan_shows_real_output():
    """Each output block of "A 15-minute lesson plan" is what its command prints on an 80-column terminal."""
    plan = README.split("### A 15-minute lesson plan", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.*?)```", plan, re.S)
    commands = [
        (["rules", "--for", "sjogren"], None),
        (["match", "--step", "numbness", "dry eyes", "trouble breathing"], "\n\nq\n"),
        (["match", "numbness", "dry eyes", "--what-if", "+dry mouth", "--what-if", "!numbness"], None),
        (["compare", "sjogren", "lupus"], None),
    ]
    assert len(blocks) == len(commands)
    for block, (args, keys) in zip(blocks, commands):
        shown = CliRunner().invoke(cli, args, input=keys, env={"COLUMNS": "80"}).stdout
        lines = [line.strip() for line in shown.splitlines()]
        for line in block.splitlines():
            assert line.strip() in lines, (args, line)
