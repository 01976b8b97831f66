"""The output faces carry the safety content: what-if and the HTML handout show red flags first, with
their level and action; `ask` wraps to the terminal and colours its warnings like `match`; every format
carries the disclaimer. Through click's CliRunner, the installed command, and a real pty for `ask`."""

import re
import subprocess

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.test_installed import installed, installed_command

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli, list(args), input=input, env=env)


# -- 1. what-if: the urgent block first, for the case after the change ----------------------------------
def test_what_if_text_starts_with_the_urgent_block():
    done = run("match", "trouble breathing", "numbness", "--what-if", "+dry eyes")
    assert done.exit_code == 0, done.stderr
    first = done.stdout.splitlines()
    assert first[0] == "!! URGENT - EMERGENCY NOW:"
    assert first[1].startswith("   - Trouble breathing: Call your local emergency number")
    assert "(raised by the change)" not in done.stdout  # it was there before the change too
    assert done.stdout.index("!! URGENT") < done.stdout.index("What if: +Dry eyes")


def test_what_if_says_which_flags_the_change_raised_and_cleared():
    args = ["match", "trouble breathing", "numbness", "--what-if", "-trouble breathing", "--what-if", "+double vision"]
    text = run(*args).stdout
    assert text.startswith("!! URGENT - SEE A DOCTOR WITHIN A DAY:\n   - Double vision: See a doctor within a day")
    assert "(raised by the change)" in text.split("\n\n")[0]
    assert "EMERGENCY NOW:" not in text  # the breathing flag no longer holds after the change...
    cleared = text[text.index("!! The case before the change raised (cleared by the change):") :]
    assert "- Trouble breathing (emergency now): Call your local emergency number" in cleared  # ...but says so
    assert text.index("!! The case before") < text.index("What if:")
    changed = text[text.index("What changed:") :]
    assert "Red flags raised: Double vision (see a doctor within a day): See a doctor" in changed
    assert "Red flags cleared: Trouble breathing (emergency now): Call your local" in changed
    markdown = run(*args, "--format", "markdown").stdout
    assert markdown.index("## Urgent: see a doctor within a day") < markdown.index("## Before")
    assert "**Double vision: See a doctor within a day" in markdown and "(raised by the change)" in markdown
    assert "## The case before the change raised (cleared by the change)" in markdown
    assert "- **Trouble breathing (emergency now): Call your local" in markdown


def test_what_if_levels_highest_first_and_no_block_without_flags():
    text = run("match", "numbness", "--what-if", "+double vision", "--what-if", "+trouble breathing").stdout
    assert text.index("!! URGENT - EMERGENCY NOW:") < text.index("!! URGENT - SEE A DOCTOR WITHIN A DAY:")
    plain = run("match", "numbness", "dry eyes", "--what-if", "+dry mouth").stdout
    assert plain.startswith("What if: +Dry mouth") and "URGENT" not in plain


@pytest.mark.slow
def test_what_if_installed_command():
    done = installed("match", "trouble breathing", "numbness", "--what-if", "+dry eyes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("!! URGENT - EMERGENCY NOW:\n")


# -- 2. the HTML handout: flags right after the disclaimer, grouped by level ----------------------------
def _urgent_sections(page: str) -> list[str]:
    return re.findall(r'<section class="urgent [a-z_]+">.*?</section>', page, re.S)


def test_html_handout_flags_after_the_disclaimer_by_level_with_title_and_action():
    page = run("match", "double vision", "trouble breathing", "numbness", "--format", "html").stdout
    sections = _urgent_sections(page)
    assert [re.search(r"<h2>(.*?)</h2>", s).group(1) for s in sections] == [
        "Urgent: Emergency now",
        "Urgent: See a doctor within a day",
    ]
    assert "<strong>Trouble breathing: Call your local emergency number (999, 112 or 911) now.</strong>" in sections[0]
    assert "<strong>Double vision: See a doctor within a day" in sections[1]
    same_day = re.sub(r"<strong>.*?</strong>", "", sections[1])  # the action may name the emergency number
    assert "need medical care now" not in page and " now" not in re.search(r"<h2>.*?</h2>", same_day).group(0)
    disclaimer_end = page.index("</p>", page.index('class="disclaimer"'))
    assert disclaimer_end < page.index(sections[0]) < page.index("<h2>Findings</h2>")


@pytest.mark.slow
def test_cases_show_html_has_levelled_flags_installed():
    done = installed("cases", "show", "cannot-move-cannot-swallow", "--format", "html")
    assert done.returncode == 0, done.stderr
    sections = _urgent_sections(done.stdout)
    assert sections and sections[0].startswith('<section class="urgent emergency"><h2>Urgent: Emergency now</h2>')
    assert done.stdout.index(sections[0]) < done.stdout.index("<h2>Findings</h2>")


def test_html_without_flags_has_no_urgent_section():
    assert 'class="urgent' not in run("match", "numbness", "dry eyes", "--format", "html").stdout


# -- 3. ask: the terminal's width and colour ------------------------------------------------------------
pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")


def _ask_in_pty(columns: int, env=None):
    child = pexpect.spawn(
        installed_command(),
        ["ask"],
        encoding="utf-8",
        timeout=30,
        dimensions=(40, columns),
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", **(env or {})},
    )
    child.expect("findings> ")
    child.sendline("muscle weakness, tingling, trouble breathing, dry eyes, numbness")
    child.expect("findings> ")
    seen = child.before
    child.sendline("")
    child.expect(r"\] > ")
    child.sendline("why")
    child.expect(r"\] > ")
    seen += child.before
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return seen + child.before


@pytest.mark.slow
def test_ask_wraps_to_an_80_column_terminal_at_spaces_and_colours_the_warning():
    seen = _ask_in_pty(80)
    assert "\x1b[1;31m!! URGENT - EMERGENCY NOW: Call your local emergency number" in seen
    lines = ANSI.sub("", seen).replace("\r", "").splitlines()
    assert all(len(line) <= 80 or " " not in line.strip() for line in lines)  # only a lone long word (an address)
    words = set(ANSI.sub("", seen).split())
    assert {"Guillain-Barré", "emergency", "diagnosis"} <= words  # no word broken across lines
    assert "What was found so far:" in seen


@pytest.mark.slow
def test_ask_no_color_env_turns_colour_off():
    seen = _ask_in_pty(100, env={"NO_COLOR": "1"})
    assert "\x1b[" not in seen and "!! URGENT - EMERGENCY NOW:" in seen


def test_ask_through_a_pipe_has_no_colour_and_follows_columns():
    done = run("ask", input="trouble breathing, muscle weakness, zzqx flibber\n\nquit\n", env={"COLUMNS": "60"})
    assert done.exit_code == 0, done.stderr
    assert "\x1b[" not in done.stdout and "!! URGENT - EMERGENCY NOW:" in done.stdout
    assert 'Not recognized: "zzqx flibber"' in done.stdout
    assert all(len(line) <= 60 or " " not in line.strip() for line in done.stdout.splitlines())


# -- 4. every format carries the disclaimer; diagram red-flag nodes show their level ---------------------
@pytest.mark.parametrize(
    "args, comment",
    [
        (["match", "trouble breathing", "double vision", "--format", "mermaid"], "%% "),
        (["match", "trouble breathing", "double vision", "--format", "dot"], "// "),
        (["rules", "--format", "mermaid"], "%% "),
        (["rules", "--format", "dot"], "// "),
    ],
)
def test_diagrams_carry_the_disclaimer_and_flag_levels(args, comment):
    done = run(*args)
    assert done.exit_code == 0, done.stderr
    assert f"{comment}Educational only, not a diagnosis" in done.stdout
    assert "Red flag (emergency now): breathing" in done.stdout
    assert "Red flag (see a doctor within a day): double vision" in done.stdout


@pytest.mark.slow
def test_dot_with_the_disclaimer_is_still_graphviz():
    dot = pytest.importorskip("shutil").which("dot")
    if dot is None:
        pytest.skip("Graphviz's dot is not installed")
    text = run("rules", "--for", "sjogren", "--format", "dot").stdout
    drawn = subprocess.run([dot, "-Tsvg"], input=text, capture_output=True, text=True, timeout=60)
    assert drawn.returncode == 0 and "<svg" in drawn.stdout, drawn.stderr


@pytest.mark.slow
def test_cases_listing_carries_the_disclaimer():
    text = run("cases").stdout
    tail = text[text.rindex("Quiz a class with") :]
    assert "Educational only, not a diagnosis" in tail and text.rstrip().endswith("worries you.")
    assert run("cases", "--format", "markdown").stdout.rstrip().endswith("that worries you.*")
    data = installed("cases", "--format", "json")
    assert data.returncode == 0 and '"disclaimer": "Educational only, not a diagnosis' in data.stdout


# -- 5. batch CSV and Markdown: each red flag with its level, and the highest level ----------------------
def _batch_source(tmp_path):
    source = tmp_path / "cases.csv"
    source.write_text(
        'id,present\nboth,"double vision;trouble breathing;numbness"\nsoon,"double vision"\nnone,"dry eyes"\n',
        encoding="utf-8",
    )
    return source


def test_batch_csv_has_levels_and_an_urgency_column(tmp_path):
    import csv
    import io

    done = run("batch", str(_batch_source(tmp_path)), "--format", "csv")
    assert done.exit_code == 0, done.stderr
    header = done.stdout.splitlines()[0].split(",")
    assert header[header.index("red_flags") + 1] == "urgency"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(done.stdout))}
    assert rows["both"]["red_flags"] == "breathing (emergency); double_vision (same_day)"
    assert rows["both"]["urgency"] == "emergency"
    assert (rows["soon"]["red_flags"], rows["soon"]["urgency"]) == ("double_vision (same_day)", "same_day")
    assert (rows["none"]["red_flags"], rows["none"]["urgency"]) == ("", "")


@pytest.mark.slow
def test_batch_markdown_names_each_flags_level_installed(tmp_path):
    done = installed("batch", str(_batch_source(tmp_path)), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    both = next(line for line in done.stdout.splitlines() if line.startswith("| both |"))
    assert "| breathing (emergency now), double_vision (see a doctor within a day) |" in both
    soon = next(line for line in done.stdout.splitlines() if line.startswith("| soon |"))
    assert "| double_vision (see a doctor within a day) |" in soon


# -- 6. web API status codes, through the test client ---------------------------------------------------
@pytest.fixture(scope="module")
def client(kb):
    pytest.importorskip("starlette", reason="the web extra: pip install '.[web]'")
    from starlette.testclient import TestClient

    from explorer.web import create_app

    return TestClient(create_app(kb))


def test_parse_without_text_is_422(client):
    missing = client.post("/api/parse", json={})
    assert missing.status_code == 422 and missing.json()["error"].startswith("text is missing")
    assert client.post("/api/parse", json={"text": ""}).status_code == 200  # an empty box reads nothing


@pytest.mark.parametrize(
    "params, named", [({"a": "gbs"}, "b is missing"), ({"b": "gbs"}, "a is missing"), ({}, "a and b are missing")]
)
def test_compare_names_the_missing_condition(client, params, named):
    done = client.get("/api/compare", params=params)
    assert done.status_code == 422 and done.json()["error"].startswith(named)


@pytest.mark.parametrize("method, path, allowed", [("GET", "/api/explore", "POST"), ("POST", "/api/cases", "GET")])
def test_wrong_method_is_a_json_405(client, method, path, allowed):
    done = client.request(method, path)
    assert done.status_code == 405 and done.headers["content-type"] == "application/json"
    assert done.json() == {"error": f"{method} is not allowed on {path}; use {done.headers['allow']}"}
    assert allowed in done.headers["allow"]
    assert done.headers["x-content-type-options"] == "nosniff"  # the security headers stay on


# -- 7. Ctrl-C during `batch -o FILE`: exit 130, no file, and one line saying so -------------------------
def test_batch_interrupted_says_nothing_was_written(tmp_path, monkeypatch):
    import explorer.cli.batch as batch_module

    def interrupted(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    source = _batch_source(tmp_path)
    monkeypatch.setattr(batch_module, "run_cases_parallel", interrupted)
    target = tmp_path / "out.csv"
    done = run("batch", str(source), "--format", "csv", "-o", str(target))
    assert done.exit_code == 130 and done.stdout == ""
    assert done.stderr == f"symptom-explorer: interrupted: nothing was written to {target}\n"
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]
    target.write_text("old results\n", encoding="utf-8")
    again = run("batch", str(source), "-o", str(target))
    assert again.exit_code == 130 and "nothing was written to" in again.stderr and "(it is as it was)" in again.stderr
    assert target.read_text(encoding="utf-8") == "old results\n"


def _waiting_for_input(pid: int, folder) -> bool:
    """The half-made output file is there and the process sleeps (Linux: state S), i.e. blocks on stdin."""
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        state = stat.read().rsplit(")", 1)[1].split()[0]
    return state == "S" and any(folder.glob(".symptom-explorer-*.tmp"))


@pytest.mark.slow
def test_batch_ctrl_c_in_the_installed_command(tmp_path):
    import signal
    import time

    target = tmp_path / "out.jsonl"
    child = subprocess.Popen(
        [installed_command(), "batch", "-", "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    child.stdin.write('{"id": "a", "symptoms": ["numbness", "dry eyes"]}\n')
    child.stdin.flush()  # stdin stays open: the batch waits for the next case, its output file half made
    # Ctrl-C once the batch has made its output file and sleeps reading stdin: the file alone appears a moment
    # before the batch is ready to clean it up, and a signal in that moment was a flaky failure.
    deadline = time.monotonic() + 60
    while not _waiting_for_input(child.pid, tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _waiting_for_input(child.pid, tmp_path), "the batch never started its output and waited for input"
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == f"symptom-explorer: interrupted: nothing was written to {target}"
    assert "Traceback" not in stderr and list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_compare_json_carries_the_disclaimer(client):
    import json

    done = installed("compare", "gbs", "ms", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["disclaimer"].startswith("Educational only")
    assert client.get("/api/compare", params={"a": "gbs", "b": "ms"}).json()["disclaimer"].startswith("Educational")


def test_quiz_quit_at_once_still_ends_with_the_disclaimer():
    done = run("quiz", input="q\n")
    assert done.exit_code == 0, done.stderr
    assert "Final score: 0 of 0" in done.stdout and done.stdout.rstrip().endswith("worries you.")


def test_html_handout_says_why_each_input_was_not_used():
    page = run(
        "match", "my mother has lupus", "dry eyes", "chest pain years ago", "chest pian", "--format", "html"
    ).stdout
    used = page[page.index("<h3>Not used</h3>") : page.index("</section>", page.index("<h3>Not used</h3>"))]
    absent = page[page.index("<h3>Reported absent</h3>") : page.index("<h3>Not used</h3>")]
    # a past event is absent now, with its words and its urgent note
    assert "Chest pain (a past event (&#x27;years ago&#x27;): if it is happening now" in absent
    assert "Chest pain needs emergency care" in absent
    assert "Not read as the person&#x27;s own: &quot;mother has lupus&quot;" in used
    assert "Not recognized: &quot;chest pian&quot; (did you mean: Chest pain," in used
