"""`batch --jobs N`: cases explored in N processes give the same bytes, in input order, as one process."""

import json
import multiprocessing
import subprocess
import sys

import pytest
from click.testing import CliRunner

from explorer.cases.parallel import CHUNK, run_cases_parallel
from explorer.cases.records import CaseError
from explorer.cli import cli
from tests.test_installed import installed_command

FINDINGS = [
    ["numbness", "dry eyes"],
    ["joint pain", "swollen joints", "morning stiffness"],
    ["weakness", "tingling", "flu", "trouble breathing"],
    ["butterfly rash", "tired", "joint pain"],
    ["qqqq"],  # no usable finding: an error record
    ["double vision", "clumsy", "xyzzy"],  # partly recognized
]


def cases_file(tmp_path, count=3 * CHUNK + 5):
    """More cases than fit in a few chunks, with a malformed line and error cases among them."""
    lines = [json.dumps({"id": f"c{i}", "symptoms": FINDINGS[i % len(FINDINGS)]}) for i in range(count)]
    lines.insert(count // 2, '{"id": "broken", "symptoms": [')
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown"])
def test_jobs_give_the_same_bytes_as_one_process(tmp_path, fmt):
    source = cases_file(tmp_path)
    one = CliRunner().invoke(cli, ["batch", "--format", fmt, str(source)])
    two = CliRunner().invoke(cli, ["batch", "--jobs", "2", "--format", fmt, str(source)])
    assert one.exit_code == two.exit_code == 1  # some cases could not be used
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert one.stdout.count("c1") > 10


@pytest.mark.slow
def test_installed_command_with_jobs_keeps_input_order(tmp_path):
    source = cases_file(tmp_path)
    runs = [
        subprocess.run(
            [installed_command(), "batch", "--jobs", jobs, str(source)], capture_output=True, timeout=120, cwd=tmp_path
        )
        for jobs in ("1", "3", "0")
    ]
    assert len({run.stdout for run in runs}) == 1 and all(run.returncode == 1 for run in runs)
    ids = [json.loads(line)["case"]["id"] for line in runs[1].stdout.decode().splitlines()]
    expected = [f"c{i}" for i in range(3 * CHUNK + 5)]
    expected.insert(len(expected) // 2, None)  # the malformed line's record, where it was
    assert [i if i is None or i.startswith("c") else None for i in ids] == expected


POOL_MODULES = ("multiprocessing", "concurrent.futures.process", "ctypes")
IMPORTED = f"""
import sys
from explorer.cli import main
sys.argv = ["symptom-explorer", "batch", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("pool:", *sorted(m for m in sys.modules if m in {set(POOL_MODULES) | {"yaml"}!r}), file=sys.stderr)
"""


@pytest.mark.slow
def test_a_one_process_batch_never_imports_the_process_pool(tmp_path):
    """The pool's modules cost start-up (parallel.py): a batch in one process, the default, goes without them,
    and JSON Lines input goes without PyYAML."""
    source = cases_file(tmp_path, 5)
    for jobs, expected in (("1", []), ("2", sorted(POOL_MODULES))):
        done = subprocess.run(
            [sys.executable, "-c", IMPORTED, "--jobs", jobs, str(source)], capture_output=True, text=True, timeout=120
        )
        assert done.stderr.splitlines()[-1].split()[1:] == expected, (jobs, done.stderr[-500:])
        assert done.stdout.count('"case":') == 6  # five cases and the malformed line's record


def test_input_broken_part_way_keeps_every_case_before_it(tmp_path):
    path = tmp_path / "cases.json"
    good = ",\n".join(json.dumps({"id": f"x{i}", "symptoms": ["numbness"]}) for i in range(2 * CHUNK + 3))
    path.write_text(f'[{good},\n {{"id": "y", "symp', encoding="utf-8")
    one = CliRunner().invoke(cli, ["batch", str(path)])
    two = CliRunner().invoke(cli, ["batch", "--jobs", "2", str(path)])
    assert one.exit_code == two.exit_code == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert len(two.stdout.splitlines()) == 2 * CHUNK + 3


def test_parallel_outcomes_equal_serial_outcomes(kb):
    from explorer.cases.records import Case

    items = [Case(f"c{i}", i + 1, tuple(FINDINGS[i % len(FINDINGS)]), ()) for i in range(CHUNK + 7)]
    items.insert(5, CaseError("bad", 99, "malformed"))
    serial = list(run_cases_parallel(iter(items), kb, 1))
    parallel = list(run_cases_parallel(iter(items), kb, 2))
    assert parallel == serial and len(serial) == len(items)


def test_negative_jobs_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["batch", "--jobs", "-1", str(cases_file(tmp_path, 3))])
    assert result.exit_code == 2 and "--jobs" in result.stderr


@pytest.mark.slow
def test_spawned_workers_load_the_same_custom_knowledge(tmp_path, kb_copy, monkeypatch):
    """Where processes cannot be forked, workers load the knowledge folder themselves."""
    from tests.kbedit import edit

    # swollen joints made very rare in rheumatoid arthritis: case c1 (its classic picture) is no longer strong
    edit(
        kb_copy / "data" / "conditions.yaml",
        '{symptom: joint_swelling, annotation: "OMIM:180300", role: hallmark}',
        '{symptom: joint_swelling, annotation: "OMIM:180300", frequency: very rare}',
    )
    source = cases_file(tmp_path, CHUNK + 3)
    one = CliRunner().invoke(cli, ["batch", "--knowledge", str(kb_copy), str(source)])
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    two = CliRunner().invoke(cli, ["batch", "--jobs", "2", "--knowledge", str(kb_copy), str(source)])
    assert two.stdout == one.stdout and one.exit_code == two.exit_code == 1
    assert '"strength":"strong"' not in one.stdout.split('"id":"c1"', 1)[1].split("\n", 1)[0]


# A worker sends each chunk's records back through one pipe; this makes Ctrl-C land in a worker half-way
# through writing them (the moment a Ctrl-C to the whole process group can hit), and notes that it did.
INTERRUPTED_WHILE_SENDING = """
import functools, os, signal, sys
import multiprocessing.connection as connection
from explorer import load_knowledge
from explorer.cases.parallel import run_cases_parallel
from explorer.cases.records import Case
from explorer.cli.batch import _record

parent, send = os.getpid(), connection.Connection._send

def send_interrupted(self, buf):
    if os.getpid() == parent or len(buf) < 65536 or getattr(send_interrupted, "done", False):
        return send(self, buf)
    send_interrupted.done = True
    send(self, buf[: len(buf) // 2])
    open(f"interrupted-{os.getpid()}", "w").close()
    os.kill(os.getpid(), signal.SIGINT)
    send(self, buf[len(buf) // 2 :])

connection.Connection._send = send_interrupted
cases = [Case(f"c{i}", i + 1, ("numbness", "dry eyes", "tingling in my feet"), ()) for i in range(100)]
records = list(run_cases_parallel(iter(cases), load_knowledge(), 2, functools.partial(_record, "jsonl")))
print(len(records), sorted({status for status, *_ in records}))
"""


def test_ctrl_c_in_a_worker_half_way_through_sending_leaves_the_run_whole(tmp_path):
    """Ctrl-C reaches the workers too. One interrupted half-way through sending its records used to leave
    half a message in the pool's result pipe: the run broke, or (as in a CI run) the pool waited for the
    rest of it for ever while shutting down. Workers now leave Ctrl-C to the parent."""
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_SENDING], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert list(tmp_path.glob("interrupted-*")), "no worker was interrupted while sending: the test tests nothing"
    assert done.returncode == 0, done.stderr
    assert done.stdout == "100 ['ok']\n" and "Traceback" not in done.stderr


def _what_the_worker_had(outcome):
    """Run in a worker: how many texts its reader had read afresh, and which engine it ran."""
    from explorer.cases import parallel
    from explorer.language.parser import parser_for
    from explorer.reasoning.engine import engine_for

    kb = parallel._worker_kb
    return parser_for(kb)._remembered.cache_info().misses, id(engine_for(kb).full)


def test_forked_workers_inherit_the_readings_and_the_engine_built_before_the_fork(kb):
    """The parent reads the first chunk's texts and builds the engine before forking, so the workers find
    them built (the same objects) instead of each building its own: a worker reads no text afresh."""
    from explorer.cases.records import Case
    from explorer.language.parser import parser_for
    from explorer.reasoning.engine import engine_for

    texts = ("numbness in the left big toe since the batch test", "dry eyes after the batch test")
    items = [Case(f"c{i}", i + 1, texts, ()) for i in range(2 * CHUNK)]
    seen = set(run_cases_parallel(iter(items), kb, 2, _what_the_worker_had))
    assert seen == {(parser_for(kb)._remembered.cache_info().misses, id(engine_for(kb).full))}
