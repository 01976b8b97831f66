"""The speed benchmark times its baselines fresh: a CLIPS environment slows down the more queries it has
answered, so a ratio against a reused one flatters the explorer (benchmarks/fresh.py)."""

import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import speed  # noqa: E402
from fresh import FreshBaseline, StaleBaseline  # noqa: E402

from explorer.reasoning.engine import Engine  # noqa: E402


def test_a_baseline_is_rebuilt_before_every_block_and_never_timed_past_it():
    built = []

    def build():
        built.append([])
        return built[-1]

    baseline = FreshBaseline(build, lambda used, i: used.append(i), block=3, warm_up=1)
    speed.side_by_side([baseline], count=5, rounds=2)
    # 10 timed calls in blocks of 3: four instances, none of which answered more than 3 timed queries
    # (plus its one untimed warm-up).
    assert len(built) == 4
    assert all(len(queries) <= 4 for queries in built)


def test_timing_a_used_up_baseline_fails():
    baseline = FreshBaseline(list, lambda used, i: used.append(i), block=2)
    baseline.prepare()
    baseline(0)
    baseline(1)
    with pytest.raises(StaleBaseline):
        baseline(2)


class WearingClips:
    """Stands in for clips_rules.ClipsEngine: fires what the explorer fires, and fails when one
    environment is asked for more queries than the benchmark's block allows."""

    instances: list = []

    def __init__(self, kb):
        self.engine, self.runs, self.last = Engine(kb, matcher="fast"), 0, set()
        WearingClips.instances.append(self)

    def run(self, present, absent):
        self.runs += 1
        # one untimed warm-up query, then at most a block of timed ones
        if self.runs > speed.FRESH_BLOCK + 1 and self is not WearingClips.instances[0]:
            raise AssertionError(f"a CLIPS environment timed on its query {self.runs}")
        self.last = {step.rule for step in self.engine.run(present, absent).steps}

    def fired(self):
        return self.last


def test_the_clips_comparison_times_fresh_environments(monkeypatch, capsys):
    WearingClips.instances = []
    monkeypatch.setitem(sys.modules, "clips_rules", types.SimpleNamespace(ClipsEngine=WearingClips))
    monkeypatch.setattr(speed, "FRESH_BLOCK", 7)
    speed.versus_clips({"shipped": (None, 51)}, count=20)
    # The first environment checks the rules fire alike (untimed); the rest are timed, 7 queries each at
    # most: 20 queries x 3 rounds + 20 x 3 again for the fresh-reading pass.
    checker, *timed = WearingClips.instances
    assert checker.runs == 20
    assert len(timed) >= (20 * 3 * 2) // 7
    assert "fresh environments" in capsys.readouterr().out
