"""What test processes share. pytest-xdist runs the suite in several worker processes, and other runs may go
on beside it on the same machine: work that writes one place (a cache in the home folder, the checkout's
build/ folder, node_modules) is done under a lock, once, and its result is reused."""

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def one_at_a_time(place: Path) -> Iterator[None]:
    """An exclusive lock for ``place`` among all processes on this machine, held for the ``with`` block."""
    name = hashlib.sha256(str(place.resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"symptom-explorer-tests-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of this test run, the same for all its xdist workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
