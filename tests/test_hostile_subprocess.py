"""Hostile input to the installed command in a real subprocess, each run under a fixed cap: 60 s of
wall time and 1 GiB of address space (setrlimit). A hang or a memory blow-up fails the run; so does a
traceback or a message of more than one line."""

import os
import resource
import signal
import subprocess
import time

import pytest

from tests.test_installed import installed_command

pytestmark = pytest.mark.slow  # the installed command in a subprocess, under caps: left out by pytest -m 'not slow'

CAP_SECONDS = 60
CAP_BYTES = 1 << 30


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))


def capped(args, cwd, stdin=None, input=None):
    done = subprocess.run(
        [installed_command(), *args],
        cwd=cwd,
        stdin=stdin,
        input=input,
        capture_output=True,
        timeout=CAP_SECONDS,
        preexec_fn=_limits,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "MemoryError" not in stderr, stderr
    return done.returncode, done.stdout.decode("utf-8"), stderr


@pytest.mark.parametrize(
    "args",
    [["batch", "/dev/zero"], ["match", "--from", "/dev/zero"], ["ask", "--answers", "/dev/zero"]],
    ids=["batch", "match --from", "ask --answers"],
)
def test_endless_zero_bytes_are_refused_at_once(args, tmp_path):
    code, _, stderr = capped(args, tmp_path)
    assert code == 2 and "NUL character" in stderr and len(stderr.splitlines()) <= 4


def test_endless_stdin_with_no_newline_runs_in_bounded_memory(tmp_path):
    source = tmp_path / "long.jsonl"
    source.write_bytes(b'{"id": "a", "symptoms": ["numbness"]}\n' + b"x" * (60 << 20))
    with open(source, "rb") as stdin:
        code, stdout, stderr = capped(["batch", "-", "--input-format", "jsonl"], tmp_path, stdin=stdin)
    assert code == 1 and '"id":"a"' in stdout and "longer than 1,048,576 characters" in stdout


def test_a_50_mb_json_element_is_skipped_and_the_next_case_runs(tmp_path):
    source = tmp_path / "big.json"
    source.write_bytes(
        b'[{"id": "big", "symptoms": ["' + b"a" * (50 << 20) + b'"]}, {"id": "b", "symptoms": ["fever"]}]'
    )
    code, stdout, _ = capped(["batch", str(source)], tmp_path)
    assert code == 1 and "larger than 1,048,576 characters" in stdout and '"id":"b"' in stdout


def test_one_finding_of_120_kb_is_refused_quickly(tmp_path):
    code, _, stderr = capped(["match", "pain " * 24000], tmp_path)  # 120 KB: about the most one argument can hold
    assert code == 2 and "over the limit of" in stderr


def test_output_to_a_full_device(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [installed_command(), "match", "numbness"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert (
        done.returncode == 2 and done.stderr == "symptom-explorer: cannot write the output: No space left on device\n"
    )
    source = tmp_path / "c.yaml"
    source.write_text("- id: a\n  symptoms: [numbness]\n", encoding="utf-8")
    code, _, stderr = capped(["batch", str(source), "-o", "/dev/full"], tmp_path)
    assert code == 2 and stderr == "symptom-explorer: cannot write to /dev/full: No space left on device\n"


def test_a_hard_link_to_the_input_is_not_truncated(tmp_path):
    source = tmp_path / "c.yaml"
    source.write_text("- id: a\n  symptoms: [numbness]\n", encoding="utf-8")
    os.link(source, tmp_path / "link.yaml")
    code, _, stderr = capped(["batch", str(source), "-o", str(tmp_path / "link.yaml")], tmp_path)
    assert code == 2 and "must not be the input" in stderr
    assert source.read_text(encoding="utf-8") == "- id: a\n  symptoms: [numbness]\n"


# Loaded by the child as its sitecustomize (through PYTHONPATH): when the module named in PAUSE_AT is first
# imported, it writes one byte to the pipe READY_FD and waits there, so the test's Ctrl-C lands exactly at
# that import on an idle or a loaded machine alike (a timed signal could land before the command's own code).
PAUSE_AT_IMPORT = """
import os, sys, time


class PauseAt:
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["PAUSE_AT"]:
            sys.meta_path.remove(self)
            os.write(int(os.environ["READY_FD"]), b"!")
            # Ended by the test's SIGINT. Short sleeps, not one long one: a signal that lands between the write
            # and the sleep's system call would not wake a long sleep, and Python acts on it only once it returns.
            for _ in range(600):
                time.sleep(0.1)
        return None


sys.meta_path.insert(0, PauseAt())
"""


@pytest.mark.parametrize(
    "module",
    [
        "explorer.cli",  # the first import inside the entry point's guard
        "click.core",  # a dependency, while the command line loads
        "explorer.knowledge.loader",
        "explorer.formats.text_format",  # the command is running: its formatter loads
        "experta",  # the engine loads
    ],
)
def test_ctrl_c_during_start_up_exits_quietly(module, tmp_path):
    """SIGINT while the command loads, sent once the command is really importing ``module``."""
    (tmp_path / "sitecustomize.py").write_text(PAUSE_AT_IMPORT, encoding="utf-8")
    ready_read, ready_write = os.pipe()
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PAUSE_AT": module, "READY_FD": str(ready_write)}
    process = subprocess.Popen(
        [installed_command(), "match", "numbness"],
        cwd=tmp_path,
        env=env,
        pass_fds=(ready_write,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.close(ready_write)
    with os.fdopen(ready_read, "rb") as ready:
        reached = ready.read(1)  # b"" when the command ended without importing the module
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=CAP_SECONDS)
    assert reached == b"!", f"the command never imported {module}: {stderr!r}"
    # nothing printed; once click runs the command it ends the terminal's line after the ^C
    assert process.returncode == 130 and stderr in (b"", b"\n"), (process.returncode, stderr)


def test_the_entry_point_turns_an_interrupted_import_into_130(monkeypatch):
    import builtins

    from explorer import entry

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "cli" or name.endswith("explorer.cli"):
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 130


def test_two_sessions_saving_to_one_file(tmp_path):
    first = subprocess.Popen(
        [installed_command(), "ask", "--save", "s.yaml"], cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    first.stdin.write(b"numbness\n")
    first.stdin.flush()
    deadline = time.monotonic() + CAP_SECONDS  # until the first session holds the file (slow on a loaded machine)
    while not (tmp_path / "s.yaml").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (tmp_path / "s.yaml").exists(), "the first session never saved its answer"
    code, _, stderr = capped(["ask", "--save", "s.yaml"], tmp_path, input=b"fever\n\n")
    first.communicate(input=b"\n", timeout=CAP_SECONDS)
    assert code == 2 and "in use by another `ask --save` session" in stderr
    assert "numbness" in (tmp_path / "s.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no lock or temporary file left


def test_ask_piped_into_head_ends_quietly(tmp_path):
    done = subprocess.run(
        f"printf 'numbness, dry eyes\\n\\nyes\\nno\\nyes\\n' | {installed_command()} ask | head -2",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=CAP_SECONDS,
    )
    assert done.stderr == "" and len(done.stdout.splitlines()) == 2


def test_escape_sequences_typed_into_ask_come_back_visible_and_a_second_session_is_refused(tmp_path):
    """In a real terminal: typed control sequences are echoed back as ^[ text, never obeyed; while the
    session holds its save file, another session on it is refused."""
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        installed_command(),
        ["ask", "--save", "s.yaml"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=30,
        env={"TERM": "dumb", "PATH": "/usr/bin:/bin"},
    )
    child.expect("findings> ")
    child.sendline("numbness, \x1b]0;owned\x07\x1b[31mred")
    child.expect(r'Not recognized: "0"')  # the parser leaves the digit of "\x1b]0" over
    child.expect(r'Not recognized: "owned\^G\^\[\[31mred"')
    code, _, stderr = capped(["ask", "--save", "s.yaml"], tmp_path, input=b"fever\n\n")
    assert code == 2 and "in use by another `ask --save` session" in stderr
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    assert "\x1b[31m" not in child.before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_piped_into_head_ends_quietly(tmp_path, jobs):
    """A reader that stops early is not an error worth a message, with or without worker processes."""
    cases = "".join(f'{{"id": "c{i}", "symptoms": ["numbness", "dry eyes"]}}\n' for i in range(400))
    (tmp_path / "cases.jsonl").write_text(cases, encoding="utf-8")
    done = subprocess.run(
        f"{installed_command()} batch --jobs {jobs} cases.jsonl | head -1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=CAP_SECONDS,
    )
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1
