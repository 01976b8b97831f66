"""Kills the installed command with kill -9 at random moments and counts what a killed run leaves behind.
Linux only (it reads /proc). A script: it prints the figures, and exits 1 when any count is not 0.

- `batch -j 2 CASES -o OUT` over generated cases: orphans (its processes still alive after the kill),
  a partial OUT under the final name, temporary files still there after the next run writes to OUT;
- `ask --save S` typed into a pseudo-terminal (pexpect): orphans, stale locks that block the next run,
  save files the next run cannot carry on from, lock or temporary files still there after it.

    python benchmarks/reliability.py [--seed 1] [--kills 50] [--cases 2000]
"""

import argparse
import ctypes
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

TAG = "SYMPTOM_EXPLORER_RUN_TAG"  # every process of one run inherits it: how its orphans are found
GRACE_SECONDS = 5.0  # how long a killed run's processes get to end before they count as orphans
FINDINGS = [
    ["numbness", "dry eyes"],
    ["joint pain", "swollen joints", "morning stiffness"],
    ["weakness", "tingling", "recent flu"],
    ["butterfly rash", "tired", "joint pain"],
    ["double vision", "clumsy", "xyzzy"],
]
ANSWER_PROMPT = r"\[yes/no/not sure, why, how, back, skip, quit, help\] > "
REPLIES = ["yes", "no", "not sure", "skip", "back", "why", "add fever"]


COMMAND: list[str] = []  # --command, when another build is to be tried


def command() -> str:
    if COMMAND:
        return COMMAND[0]
    here = Path(sys.executable).parent / "symptom-explorer"
    return str(here) if here.exists() else shutil.which("symptom-explorer") or "symptom-explorer"


def tagged_processes(tag: str) -> list[int]:
    """Processes alive (zombies are dead) that were started with ``tag`` in their environment."""
    needle = f"{TAG}={tag}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z" and needle in environ.split(b"\0"):
            found.append(int(entry))
    return found


def orphans(tag: str, grace: float = GRACE_SECONDS) -> list[int]:
    """The killed run's processes still alive after ``grace`` seconds; they are then killed, so that
    one failure does not spoil the next trial."""
    deadline = time.monotonic() + grace
    while (left := tagged_processes(tag)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def tagged_env(tag: str) -> dict:
    return {**os.environ, TAG: tag, "TERM": "dumb", "NO_COLOR": "1"}


def write_cases(path: Path, count: int) -> Path:
    lines = (json.dumps({"id": f"c{i}", "symptoms": FINDINGS[i % len(FINDINGS)]}) for i in range(count))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- batch -j 2 ---------------------------------------------------------------------------------------------
class BatchTrials:
    """kill -9 of `batch -j 2 CASES -o OUT` at a random moment, then a small run to the same OUT."""

    def __init__(self, folder: Path, cases: int):
        self.folder, self.out = folder, folder / "out.jsonl"
        self.source = write_cases(folder / "cases.jsonl", cases)
        self.small = write_cases(folder / "small.jsonl", 3)
        start = time.monotonic()
        subprocess.run(self.batch_args(self.source), capture_output=True, check=False, cwd=folder)
        self.seconds = time.monotonic() - start  # how long a whole run takes: the window for the kills
        self.reference = self.out.read_bytes()
        self.out.unlink()
        self.counts: Counter = Counter()

    def batch_args(self, source: Path) -> list[str]:
        return [command(), "batch", "-j", "2", str(source), "-o", str(self.out)]

    def trial(self, rng: random.Random):
        tag = uuid.uuid4().hex
        run = subprocess.Popen(
            self.batch_args(self.source),
            env=tagged_env(tag),
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0, 1.1 * self.seconds))
        running = len(tagged_processes(tag))
        finished = run.poll() is not None
        run.kill()
        run.wait()
        phase = "after it had finished" if finished else "at start-up" if running <= 1 else "mid-batch"
        self.counts[phase] += 1
        self.counts["orphans"] += len(orphans(tag))
        if self.out.exists() and self.out.read_bytes() != self.reference:
            self.counts["partial outputs"] += 1
        self.out.unlink(missing_ok=True)
        self.counts["temporary files left by the kill"] += len(self.temporaries())
        after = subprocess.run(
            [command(), "batch", str(self.small), "-o", str(self.out)], capture_output=True, text=True, cwd=self.folder
        )
        if after.returncode != 0 or len(self.out.read_text(encoding="utf-8").splitlines()) != 3:
            self.counts["next runs that failed"] += 1
        left = self.temporaries()
        self.counts["temporary files left after the next run"] += len(left)
        for path in [*left, self.out]:  # each trial starts from a clean folder
            path.unlink(missing_ok=True)

    def temporaries(self) -> list[Path]:
        return [p for p in self.folder.iterdir() if p.name.endswith(".tmp")]

    def report(self, kills: int) -> list[str]:
        c = self.counts
        phases = ", ".join(f"{c[p]} {p}" for p in ("at start-up", "mid-batch", "after it had finished"))
        return [
            f"batch -j 2 ({len(self.reference.splitlines())} cases, {self.seconds:.1f} s a run): {kills} kills "
            f"({phases})",
            f"  orphans (processes left whose parent was killed): {c['orphans']}",
            f"  partial output files under the final name: {c['partial outputs']}",
            f"  temporary files left after the next run: {c['temporary files left after the next run']} "
            f"(the kills left {c['temporary files left by the kill']})",
            f"  next runs that failed: {c['next runs that failed']}",
        ]

    def problems(self) -> int:
        keys = ("orphans", "partial outputs", "temporary files left after the next run", "next runs that failed")
        return sum(self.counts[k] for k in keys)


# -- ask --save in a pseudo-terminal ------------------------------------------------------------------------
class AskTrials:
    """kill -9 of `ask --save S` at a random moment while findings and answers are typed, then the next
    session on S: `ask --answers S --save S` when S is there, `ask --save S` when it is not."""

    def __init__(self, folder: Path):
        import pexpect  # a test dependency: pip install ".[test]"

        self.pexpect, self.folder, self.save = pexpect, folder, folder / "s.yaml"
        self.counts: Counter = Counter()

    def trial(self, rng: random.Random):
        tag = uuid.uuid4().hex
        child = self.pexpect.spawn(
            command(), ["ask", "--save", self.save.name], cwd=str(self.folder), env=tagged_env(tag), timeout=20
        )
        phase = self.drive(child, rng, time.monotonic() + rng.uniform(0, 3.0))
        if child.isalive():
            os.kill(child.pid, signal.SIGKILL)
        child.close(force=True)
        self.counts[phase] += 1
        self.counts["orphans"] += len(orphans(tag))
        self.next_session()

    def drive(self, child, rng: random.Random, kill_at: float) -> str:
        """Type findings, then random replies, until ``kill_at``; returns where the kill came."""
        phase = "at start-up"
        while True:
            left = kill_at - time.monotonic()
            if left <= 0:
                return phase
            try:
                seen = child.expect(["findings> ", ANSWER_PROMPT, self.pexpect.EOF], timeout=left)
            except self.pexpect.TIMEOUT:
                return phase if phase != "after a reply" else "just after a reply (saving)"
            if seen == 2:
                return "after the session had ended"
            time.sleep(rng.uniform(0, 0.2))
            if seen == 0:
                typed = phase == "typing findings"
                child.sendline("" if typed else rng.choice(["numbness, dry eyes", "weakness, tingling", "fever"]))
                phase = "typing findings"
            else:
                child.sendline(rng.choice(REPLIES))
                phase = "after a reply"

    def next_session(self):
        resume = self.save.exists()
        args = (
            ["ask", "--answers", self.save.name, "--save", self.save.name]
            if resume
            else ["ask", "--save", self.save.name]
        )
        done = subprocess.run(
            [command(), *args],
            cwd=self.folder,
            input="quit\n" if resume else "numbness\n\nquit\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.counts["sessions resumed" if resume else "sessions started afresh"] += 1
        self.counts["stale locks taken over"] += "took over" in done.stderr
        if done.returncode != 0:
            blocked = "in use by another" in done.stderr
            self.counts["stale locks that block" if blocked else "unresumable save files"] += 1
        elif resume and "Loaded" not in done.stdout:
            self.counts["unresumable save files"] += 1
        left = [p for p in self.folder.iterdir() if p.name != self.save.name]
        self.counts["files left after the next run"] += len(left)
        for path in [*left, self.save]:  # each trial starts from a clean folder
            path.unlink(missing_ok=True)

    def report(self, kills: int) -> list[str]:
        c = self.counts
        phases = ", ".join(
            f"{c[p]} {p}"
            for p in ("at start-up", "typing findings", "after a reply", "just after a reply (saving)")
            + ("after the session had ended",)
        )
        return [
            f"ask --save (in a pty): {kills} kills ({phases})",
            f"  orphans: {c['orphans']}",
            f"  stale locks that block the next run: {c['stale locks that block']} "
            f"({c['stale locks taken over']} taken over with a note)",
            f"  unresumable save files: {c['unresumable save files']} ({c['sessions resumed']} resumed with "
            f"--answers, {c['sessions started afresh']} killed before anything could be saved, started afresh)",
            f"  lock or temporary files left after the next run: {c['files left after the next run']}",
        ]

    def problems(self) -> int:
        keys = ("orphans", "stale locks that block", "unresumable save files", "files left after the next run")
        return sum(self.counts[k] for k in keys)


def reap_adopted():
    """Collect the exit status of processes adopted as orphans (see main), so none stays a zombie."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def run_trials(trials, kills: int, seed: int):
    rng = random.Random(seed)
    for _ in range(kills):
        trials.trial(rng)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="the random kill moments (default 1)")
    parser.add_argument("--kills", type=int, default=50, help="kills of each command (default 50)")
    parser.add_argument("--cases", type=int, default=2000, help="cases in the batch input (default 2000)")
    parser.add_argument("--command", help="the symptom-explorer command to try (default: the installed one)")
    args = parser.parse_args(argv)
    COMMAND[:] = [args.command] if args.command else []
    # Orphans of the killed runs are adopted by this process (not by init), so it can collect them.
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "batch").mkdir()
        (Path(folder) / "ask").mkdir()
        batch, ask = BatchTrials(Path(folder) / "batch", args.cases), AskTrials(Path(folder) / "ask")
        # The two kinds run side by side (ask mostly waits for its kill moment), each with its own seed.
        side = threading.Thread(target=run_trials, args=(ask, args.kills, args.seed + 1))
        side.start()
        run_trials(batch, args.kills, args.seed)
        side.join()
    reap_adopted()  # only now: while trials run, it could take the exit status a trial waits for
    print(f"reliability: seed {args.seed}, kill -9 at random moments, {time.monotonic() - start:.0f} s in all")
    print("\n".join(batch.report(args.kills) + ask.report(args.kills)))
    return 1 if batch.problems() + ask.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
