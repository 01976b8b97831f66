import collections
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

# Compiled bytecode is written (to __pycache__/, git-ignored) even where the environment sets
# PYTHONDONTWRITEBYTECODE: otherwise every test process compiles the package and rewrites every test
# module's asserts afresh, and so does every command a test starts (about 0.45 s of CPU each, hundreds of
# them). Set before the package is imported; the commands started inherit it. (Not a PYTHONPYCACHEPREFIX:
# Python would then look there alone, and compile the standard library and every dependency again.)
if sys.dont_write_bytecode:
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

import pytest  # noqa: E402

from explorer.knowledge import yamlsource  # noqa: E402
from explorer.knowledge.loader import load_knowledge, packaged_folders  # noqa: E402
from tests.shared import one_at_a_time, run_folder  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    # A run started in the background by a script (`pytest &`) inherits Ctrl-C ignored, and so would every
    # command the tests start: the Ctrl-C tests would wait out their timeouts. The user they play presses
    # Ctrl-C in a terminal, where it is not ignored: this process takes it back (its children then start with
    # the default).
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    # The knowledge cache goes to a folder of this test run (subprocesses inherit it), never ~/.cache.
    config._knowledge_cache = tempfile.mkdtemp(prefix="symptom-explorer-cache-")
    os.environ["SYMPTOM_EXPLORER_CACHE_DIR"] = config._knowledge_cache
    _unchanged_knowledge_files_parsed_once()


def _unchanged_knowledge_files_parsed_once():
    """In this test process, a packaged knowledge file's exact text is parsed once; later the parse is a
    copy of that first result (a pickle round trip, a tenth of the cost, fresh objects every time). The
    tests that break a copy of the knowledge load it whole, re-parsing about twenty unchanged files for
    the one they edited (a hundred loads in the knowledge tests alone, four fifths of their CPU time). Any
    other text (an edited file, a hostile one, a case file) is parsed as always."""
    texts = {path.read_text(encoding="utf-8") for folder in packaged_folders() for path in folder.glob("*.yaml")}
    parse, parsed = yamlsource.parse_yaml, {}

    def parse_yaml(text: str):
        if text not in texts:
            return parse(text)
        if text not in parsed:
            parsed[text] = pickle.dumps(parse(text))
        return pickle.loads(parsed[text])

    yamlsource.parse_yaml = parse_yaml


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_knowledge_cache", ""), ignore_errors=True)


def pytest_xdist_auto_num_workers(config):
    # `-n auto`: one worker more than the cores, because many tests wait (on a browser, a server, the
    # installed command, a killed process) and a waiting worker leaves its core idle.
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(config, items):
    # The modules holding the most slow tests run first, each still whole and in its own order: pytest-xdist
    # hands out tests in this order, so the long ones start early and the many quick ones fill in at the end,
    # instead of one worker still in the browser tests (last by name) while the other has finished.
    slow = collections.Counter(item.module.__name__ for item in items if item.get_closest_marker("slow"))
    items.sort(key=lambda item: -slow[item.module.__name__])


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """The one headless Chromium of this test process (tests/chromium.py), for every module that draws pages."""
    from tests import chromium as browser

    yield from browser.start(str(tmp_path_factory.mktemp("chromium-profile")))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that drew pages, the shared Chromium goes to about:blank unless the next test draws pages
    too (its own load replaces the page; a detour through about:blank costs a tenth of a CPU-second a test): a
    page left showing the reasoning graph keeps the graph library's animation-frame loop running (about a
    tenth of a core, measured) through every later test of the process."""
    if "chromium" in item.fixturenames and not (nextitem and "chromium" in nextitem.fixturenames):
        browser = item.funcargs.get("chromium")
        if browser is not None:
            browser.get("about:blank")


@pytest.fixture(scope="session")
def kb():
    return load_knowledge()


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    """A writable copy of the packaged knowledge folder (data/ and rules/), for tests that break it."""
    for source, folder in zip(packaged_folders(), ("data", "rules")):
        target = tmp_path / "kb" / folder
        target.mkdir(parents=True)
        for entry in source.iterdir():
            if entry.name.endswith(".yaml"):
                target.joinpath(entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "kb"


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    """The project built as a wheel, once for the whole run (all xdist workers), under a lock: pip builds
    in the checkout's own build/ folder, which two builds at once would spoil."""
    wheels = run_folder(tmp_path_factory) / "wheel"
    with one_at_a_time(REPO):
        if not any(wheels.glob("symptom_explorer-*.whl")):
            build = subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert build.returncode == 0, build.stderr
    return next(wheels.glob("symptom_explorer-*.whl"))
