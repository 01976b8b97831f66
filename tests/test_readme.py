"""The README's and the docs pages' promises: the Quick start block, the CI script that runs it, a table of
contents whose links all resolve, the JSON keys, every command documented, and the lesson plan."""

import json
import re
import shlex
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = {path.name: path.read_text(encoding="utf-8") for path in sorted((REPO / "docs").glob("*.md"))}


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


def test_the_json_output_page_lists_the_json_keys_in_order():
    table = DOCS["json-output.md"]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    data = json.loads(CliRunner().invoke(cli, ["match", "--format", "json", "numbness"]).stdout)
    assert documented == list(data)


def test_every_command_is_documented_in_the_readme_or_a_docs_page():
    names = cli.list_commands(None)  # lists lazily loaded commands too
    assert "match" in names and "batch" in names
    everything = README + "".join(DOCS.values())
    for name in names:
        assert f"symptom-explorer {name}" in everything, name


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_stays_short_with_a_table_of_contents_whose_links_resolve():
    assert len(README.splitlines()) < 120
    contents = README.split("## Contents", 1)[1].split("\n## ", 1)[0]
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)", contents))
    assert linked == set(DOCS), "the contents list every docs page"
    for page, text in [("README.md", README), *((f"docs/{name}", text) for name, text in DOCS.items())]:
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith("http"):
                continue
            path, _, fragment = target.partition("#")
            file = (REPO / page).parent / path if path else REPO / page
            assert file.exists(), (page, target)
            if fragment and file.suffix == ".md":
                headings = re.findall(r"^#+ (.*)$", file.read_text(encoding="utf-8"), re.M)
                assert fragment in {anchor(h) for h in headings}, (page, target)


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of each fenced block, those indented inside a list item too."""
    blocks: list[tuple[str, str]] = []
    info, lines = None, []
    for line in text.splitlines():
        fence = line.strip().startswith("```")
        if fence and info is None:
            info, lines = line.strip()[3:].strip(), []
        elif fence:
            blocks.append((info, textwrap.dedent("\n".join(lines))))
            info = None
        elif info is not None:
            lines.append(line)
    return blocks


def commands(block: str) -> list[list[str]]:
    """Each command line of an sh block, split as the shell would (comments dropped)."""
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip() and line[0] != "#"]


def lesson_steps() -> list[tuple[list[list[str]], list[str]]]:
    """Each numbered step of "A 15-minute lesson plan" (docs/teaching.md): its commands, and the output
    blocks shown under them."""
    plan = DOCS["teaching.md"].split("## A 15-minute lesson plan", 1)[1].split("\n## ", 1)[0]
    steps = []
    for step in re.split(r"^\d+\. ", plan, flags=re.M)[1:]:
        blocks = fenced_blocks(step)
        steps.append(
            ([c for info, body in blocks if info == "sh" for c in commands(body)], [b for i, b in blocks if not i])
        )
    return steps


# What a class types at the interactive steps: --step, two steps then quit; the quiz, an answer a case.
KEYS = {"--step": "\n\nq\n", "quiz": "1\n1\n"}


def test_every_lesson_plan_step_runs_as_written_and_shows_real_output(tmp_path, monkeypatch):
    """Each step's commands, typed as the page writes them, succeed; each output block is what they
    print on an 80-column terminal; the handout step writes a whole handout."""
    monkeypatch.chdir(tmp_path)
    steps = lesson_steps()
    assert len(steps) == 5 and all(step_commands for step_commands, _ in steps)
    for step_commands, outputs in steps:
        shown = []
        for command in step_commands:
            assert command[0] == "symptom-explorer", command
            keys = next((k for word, k in KEYS.items() if word in command), None)
            done = CliRunner().invoke(cli, command[1:], input=keys, env={"COLUMNS": "80"})
            assert done.exit_code == 0, (command, done.output)
            shown += [line.strip() for line in done.stdout.splitlines()]
        for block in outputs:
            for line in block.splitlines():
                assert line.strip() in shown, (step_commands, line)
    handout = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert "Sjögren" in handout and "Trouble breathing" in handout and "</html>" in handout


@pytest.mark.slow  # the installed command
def test_the_lesson_plan_handout_step_as_a_user_types_it(tmp_path):
    from tests.test_installed import installed_command

    (line,) = [c for c in lesson_steps()[-1][0] if "case.html" in c]
    done = subprocess.run([installed_command(), *line[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "symptom-explorer: wrote case.html\n"
    assert "Sjögren" in (tmp_path / "case.html").read_text(encoding="utf-8")
