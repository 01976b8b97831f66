"""experta 1.9.4 must import and fire on the running Python, without touching the user's logging."""

import logging
import subprocess
import sys

import pytest


def test_engine_imports_and_fires_on_this_python():
    from explorer.reasoning._experta import AS, Fact, KnowledgeEngine, Rule

    class Seen(Fact):
        pass

    fired = []

    class Probe(KnowledgeEngine):
        @Rule(AS.fact << Seen(name="x"))
        def saw(self, fact):
            fired.append(fact["name"])

    engine = Probe()
    engine.reset()
    engine.declare(Seen(name="x"), Seen(name="y"))
    engine.run()
    assert fired == ["x"], sys.version


@pytest.mark.slow
def test_importing_the_engine_leaves_the_root_logger_alone():
    code = "import logging, explorer.reasoning.engine, sys; sys.exit(len(logging.getLogger().handlers))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, "experta's logging.basicConfig() handler was left installed"
    assert done.stderr == ""


def test_experta_watcher_logs_do_not_reach_stderr(capsys):
    import explorer.reasoning.engine  # noqa: F401

    logging.getLogger("experta.watchers.RULES").warning("should stay quiet")
    assert capsys.readouterr().err == ""
