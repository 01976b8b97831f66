"""`batch -j 2 -o OUT` stopped by a signal at different moments, as a user (or the system) would stop it:
no process of the run is left, OUT is whole or absent, and nothing is left that the next run does not
clean up. Linux only: the run's processes are found through /proc."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.test_installed import installed_command

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from reliability import TAG, orphans, tagged_processes, write_cases  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc"),
    pytest.mark.slow,  # processes killed at points of a real run: left out by pytest -m "not slow"
]
DEADLINE = 60


@pytest.fixture
def tag():
    """The run's tag; whatever carries it is killed at the end, so that a failing test leaves no orphan."""
    tag = uuid.uuid4().hex
    yield tag
    for pid in tagged_processes(tag):
        os.kill(pid, signal.SIGKILL)


def wait_for(condition, what: str):
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def start_batch(tmp_path: Path, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [installed_command(), "batch", "-j", "2", "cases.jsonl", "-o", "out.jsonl"],
        cwd=tmp_path,
        env={**os.environ, TAG: tag},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell job: "group" sends Ctrl-C to all of it
    )


MOMENTS = {
    "start-up": lambda folder, tag: time.sleep(0.1),  # the interpreter is still loading
    "workers started": lambda folder, tag: wait_for(lambda: len(tagged_processes(tag)) >= 3, "the workers"),
    "writing": lambda folder, tag: wait_for(
        lambda: any(p.stat().st_size > 64_000 for p in folder.glob("*.tmp") if p.exists()), "the output"
    ),
}
# signal, where it is sent, the exit code, the last line of stderr (None: killed, nothing said)
SIGNALS = {
    "SIGKILL": (signal.SIGKILL, "parent", -9, None),
    "SIGTERM": (signal.SIGTERM, "parent", 143, "terminated: nothing was written to out.jsonl"),
    "SIGHUP": (signal.SIGHUP, "parent", 129, "terminated: nothing was written to out.jsonl"),
    "SIGINT": (signal.SIGINT, "parent", 130, "interrupted: nothing was written to out.jsonl"),
    "Ctrl-C": (signal.SIGINT, "group", 130, "interrupted: nothing was written to out.jsonl"),
}


@pytest.mark.parametrize(
    "name, moment",
    [
        ("SIGKILL", "start-up"),
        ("SIGKILL", "workers started"),
        ("SIGKILL", "writing"),
        ("SIGTERM", "workers started"),
        ("SIGTERM", "writing"),
        ("SIGHUP", "writing"),
        ("SIGINT", "writing"),
        ("Ctrl-C", "writing"),
    ],
)
def test_a_stopped_batch_leaves_no_process_and_no_partial_output(tmp_path, tag, name, moment):
    number, where, code, message = SIGNALS[name]
    write_cases(tmp_path / "cases.jsonl", 1500)
    run = start_batch(tmp_path, tag)
    MOMENTS[moment](tmp_path, tag)
    assert run.poll() is None, "the run ended before the signal"
    if where == "group":
        os.killpg(run.pid, number)
    else:
        run.send_signal(number)
    _, stderr = run.communicate(timeout=DEADLINE)  # returns only once no process holds its pipes
    assert orphans(tag) == []
    assert run.returncode == code, stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "out.jsonl").exists()
    if message:
        assert stderr.splitlines()[-1] == f"symptom-explorer: {message}"
        assert temporaries(tmp_path) == []  # removed on the way out
    assert_next_run_cleans_up(tmp_path)


def assert_next_run_cleans_up(folder: Path):
    left = temporaries(folder)
    write_cases(folder / "small.jsonl", 3)
    done = subprocess.run(
        [installed_command(), "batch", "small.jsonl", "-o", "out.jsonl"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )
    assert done.returncode == 0, done.stderr
    if left:
        assert f"removed {len(left)} temporary file(s) left by a run that was killed: {', '.join(left)}" in done.stderr
    assert temporaries(folder) == []
    assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_kill_9_while_writing_keeps_the_old_output_whole(tmp_path, tag):
    (tmp_path / "out.jsonl").write_text("old results\n", encoding="utf-8")
    write_cases(tmp_path / "cases.jsonl", 1500)
    run = start_batch(tmp_path, tag)
    MOMENTS["writing"](tmp_path, tag)
    run.kill()
    run.communicate(timeout=DEADLINE)
    assert orphans(tag) == []
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "old results\n"
    assert len(temporaries(tmp_path)) == 1
    assert_next_run_cleans_up(tmp_path)


# -- the guards, one at a time ------------------------------------------------------------------------------
GUARDED_CHILD = """
import multiprocessing, os, sys, time
from explorer.cases import lifeline

def worker(parent, ready, guard):
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # not the test's pipe: the test must not wait for this process to end
    os.dup2(devnull, 2)
    if guard != "kernel and watcher":
        if guard != "kernel":
            lifeline._kernel_death_signal = lambda: False
        if guard != "watcher":
            lifeline._watch = lambda parent: None
    lifeline.bind_to_parent(parent)
    ready.set()
    time.sleep(30)

context = multiprocessing.get_context("fork")
ready = context.Event()
child = context.Process(target=worker, args=(os.getpid(), ready, sys.argv[1]))
child.start()
ready.wait(30)
print(child.pid, flush=True)
os._exit(0)  # the parent dies at once, as with kill -9: no clean-up of its own
"""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("guard", ["kernel and watcher", "kernel", "watcher", "none"])
def test_each_guard_alone_ends_a_worker_whose_parent_died(guard):
    """PR_SET_PDEATHSIG alone, the watcher thread alone (as where prctl is absent), both, and neither (the
    control: the worker then outlives its parent, which proves the check can see an orphan)."""
    done = subprocess.run(
        [sys.executable, "-c", GUARDED_CHILD, guard], capture_output=True, text=True, timeout=DEADLINE, check=True
    )
    pid = int(done.stdout)
    deadline = time.monotonic() + 3
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    left = _alive(pid)
    if left:
        os.kill(pid, signal.SIGKILL)
    assert left == (guard == "none")


# -- temporary files left by a killed run -----------------------------------------------------------------
def _dead_pid() -> int:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(ended.stdout)


def test_only_stale_temporary_files_are_removed(tmp_path):
    """Removed: ours, named with a pid that has ended and locked by no one. Kept: one whose writer runs,
    one locked by a live process (a writer in another pid namespace), an older name without a pid, and
    anything else."""
    import fcntl

    dead = _dead_pid()
    stale = f".symptom-explorer-{dead}-abc_123.tmp"
    kept = [
        f".symptom-explorer-{os.getpid()}-livewriter.tmp",
        f".symptom-explorer-{dead}-lockedbyone.tmp",
        ".symptom-explorer-k2j4h5g6.tmp",
        f".notes-{dead}-x.tmp",
        "cases.yaml",
    ]
    for name in [stale, *kept]:
        (tmp_path / name).write_text("- id: a\n  symptoms: [numbness]\n", encoding="utf-8")
    with open(tmp_path / kept[1]) as locked:
        fcntl.flock(locked, fcntl.LOCK_EX)  # as a writer holds it
        result = CliRunner().invoke(cli, ["batch", str(tmp_path / "cases.yaml"), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"symptom-explorer: removed 1 temporary file(s) in {tmp_path} left by a run that was killed: {stale}\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*kept, "out.jsonl"])


def test_match_output_cleans_up_too(tmp_path):
    stale = tmp_path / f".symptom-explorer-{_dead_pid()}-abcdefgh.tmp"
    stale.write_text("half", encoding="utf-8")
    result = CliRunner().invoke(cli, ["match", "numbness", "-o", str(tmp_path / "out.txt")])
    assert result.exit_code == 0 and not stale.exists()
    assert "removed 1 temporary file(s)" in result.stderr


def test_the_reliability_run_counts_nothing_left(tmp_path):
    """A small run of benchmarks/reliability.py (the README's figures come from 50 kills of each)."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parents[1] / "benchmarks" / "reliability.py")]
        + ["--kills", "2", "--cases", "300", "--seed", "7"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    counts = [line for line in done.stdout.splitlines() if line.startswith("  ")]
    assert len(counts) == 8 and all(": 0" in line for line in counts), done.stdout


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_a_workers_start_waits_for_the_start_to_end(name):
    # Raised inside the fork's own callbacks (logging's lock release), the parent's Terminated was printed as
    # "Exception ignored" and lost: the run went on and ended with the wrong code.
    from explorer.cases.lifeline import signals_held

    number, seen = getattr(signal, name), []
    previous = signal.signal(number, lambda got, _frame: seen.append(got))
    try:
        with signals_held():
            os.kill(os.getpid(), number)
            time.sleep(0.05)
            assert seen == []  # held while a worker may be starting
        assert seen == [number]  # delivered as the block ends
    finally:
        signal.signal(number, previous)
