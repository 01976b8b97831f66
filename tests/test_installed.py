"""As a user would: the installed `symptom-explorer` command in a subprocess, and a non-editable
install (a built wheel) run from another directory, which proves the knowledge files ship inside it."""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the installed command run, a wheel built: left out by pytest -m 'not slow'

REPO = Path(__file__).resolve().parents[1]


def installed_command() -> str:
    here = Path(sys.executable).parent / "symptom-explorer"
    found = str(here) if here.exists() else shutil.which("symptom-explorer")
    if not found:
        pytest.fail("the symptom-explorer command is not installed: pip install '.[test]'")
    return found


def installed(*args, input=None, env=None, cwd=None):
    """Run the installed command as a user would, with ``env`` added to this environment."""
    return subprocess.run(
        [installed_command(), *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_installed_command_matches_from_any_directory(tmp_path):
    done = subprocess.run(
        [installed_command(), "match", "numbness", "dry eyes"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "1. Sjögren's syndrome - moderate match" in done.stdout
    assert done.stderr == ""


def test_installed_command_bad_input_has_no_traceback(tmp_path):
    done = subprocess.run(
        [installed_command(), "match", "--format", "json", "tinggeling"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["unrecognized"][0]["did_you_mean"][0]["id"] == "tingling"


def test_output_piped_into_head_ends_quietly(tmp_path):
    pipeline = f"'{installed_command()}' symptoms | head -n 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", pipeline], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def test_python_dash_m_works(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith("symptom-explorer, version")


def test_built_wheel_ships_the_knowledge_and_runs_outside_the_checkout(tmp_path, built_wheel):
    wheel = built_wheel
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "explorer/data/symptoms.yaml",
        "explorer/data/conditions.yaml",
        "explorer/rules/10_patterns.yaml",
        "explorer/data/cases/examples.yaml",
        "explorer/data/lab/rule_template.yaml",  # rules new, and the rule lab's exercise packs
        "explorer/data/lab/exercise1_sjogren_or_lupus.yaml",
    ):
        assert expected in names, expected
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    done = subprocess.run(
        [sys.executable, "-c", "import explorer; print(explorer.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.startswith(str(target)), done.stdout + done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "match", "joint pain", "swollen joints", "stiff joints"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "1. Rheumatoid arthritis - strong match" in done.stdout
