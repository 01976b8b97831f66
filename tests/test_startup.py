"""Garbage collection while the installed command starts (explorer/startup.py): rare until the knowledge is
loaded, then what start-up made is frozen and the usual threshold is back; a script using the library,
and a command run in-process, keep their own settings."""

import gc
import json
import os
import subprocess
import sys

from click.testing import CliRunner

from explorer import startup
from explorer.cli import cli

PROBE = """
import atexit, gc, json, sys
usual = gc.get_threshold()
seen = []
atexit.register(lambda: print(json.dumps([usual, seen, gc.get_threshold(), gc.get_freeze_count()]), file=sys.stderr))
import explorer.knowledge.loader as loader
real = loader.load_knowledge
def watched(*args, **kwargs):
    seen.append(gc.get_threshold()[0])  # the threshold while the knowledge loads
    return real(*args, **kwargs)
import explorer.cli.app as app
app.load_knowledge = watched
from explorer.entry import main
sys.argv = ["symptom-explorer", "match", "numbness", "dry eyes"]
main()
"""


def test_the_installed_command_collects_rarely_until_the_knowledge_is_loaded(tmp_path):
    env = {**os.environ, "SYMPTOM_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and "Sjögren" in done.stdout, done.stderr
    usual, seen, after, frozen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen == [startup.START_THRESHOLD] and after == usual
    assert frozen > 10_000  # the modules and the knowledge base: never walked again


def test_in_process_the_collector_is_left_alone(kb):
    before = gc.get_threshold(), gc.get_freeze_count()
    result = CliRunner().invoke(cli, ["match", "numbness"])
    assert result.exit_code == 0, result.output
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
