"""Files that hold one case: answers saved by the questionnaire, read back by `ask --answers` and
`match --from`. The format is a one-case YAML list, so the same file is also valid `batch` input.

A saved file is always one `ask --answers` can carry on from: answers are written only once they can be
read back. A session holds a lock beside the file, with its pid in it; a session killed outright leaves
the lock file behind, and the next session takes it over (the kernel has released its flock)."""

import contextlib
import io
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

import yaml

from ..knowledge.records import KnowledgeBase
from .batch import BatchFileError, Case, CaseError, open_cases, read_cases
from .readers import named_problems, open_text

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # not on Windows: no lock there
    fcntl = None


@dataclass(frozen=True)
class TakenOver:
    """A lock file left by a session that ended without removing it (killed), now held by this one."""

    lock_path: str
    pid: int | None  # the ended session's, when its lock file says


def load_one_case(path, kb: KnowledgeBase) -> Case:
    """The single case in a file (a saved questionnaire, or a batch file holding one case)."""
    with open_text(path) as stream:
        return _one_case(stream, str(path), kb)


def _one_case(stream, name: str, kb: KnowledgeBase) -> Case:
    fmt, cases = open_cases(stream, name)
    with named_problems(name):
        found = list(itertools.islice(read_cases(cases, fmt, kb), 2))  # one case is expected: never read on
    if len(found) != 1:
        raise BatchFileError(f"{name} holds more than one case; one was expected (use `batch` for several)")
    if isinstance(found[0], CaseError):
        raise BatchFileError(f"{name}:{found[0].line}: {found[0].message}")
    return found[0]


def save_answers(path, case: dict, kb: KnowledgeBase, header: str = "") -> bool:
    """Save a session's answers so that `ask --answers` can always carry on from the file: ``case`` when
    the reader `--answers` uses accepts it; otherwise (nothing answered yet, or every answer taken back)
    no file at all, which leaves the name free for a new session. True when the file was written."""
    text = _case_text(case, header)
    try:
        _one_case(io.StringIO(text), str(path), kb)
    except BatchFileError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return False
    _write_whole(path, text)
    return True


def check_writable(path) -> None:
    """Raise OSError now, not at the first answer, if a file cannot be saved at ``path``."""
    temporary = _sidecar(os.path.abspath(path), "tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT, 0o600))
    os.unlink(temporary)


def _case_text(case: dict, header: str) -> str:
    return header + yaml.safe_dump([case], allow_unicode=True, sort_keys=False, default_flow_style=None)


def _write_whole(path, text: str):
    """Write ``text`` atomically: the old file stays whole until the new one is complete. The temporary
    file has one fixed name per save file, so a session killed mid-write leaves at most that one, which
    the next save (or the next session's lock) removes."""
    target = os.path.abspath(path)
    temporary = _sidecar(target, "tmp")
    try:
        # Private (0600), like the temporary file it replaces: the answers are personal.
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def save_lock(path) -> Iterator[TakenOver | None]:
    """Hold ``path`` for one session, so a second session saving to the same file is refused (naming the
    lock and the pid holding it) instead of both saying "saved" and one losing its answers. The lock is
    an flock on a sidecar file holding the session's pid, removed when the session ends. The kernel
    releases the flock when a process dies, so a lock file left by a killed session is taken over: this
    yields what was taken over (None when nothing was)."""
    if not path or fcntl is None:
        yield None
        return
    lock_path = _sidecar(os.path.abspath(path), "lock")
    handle = _acquire(path, lock_path)
    try:
        previous = _read_pid(handle)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        with contextlib.suppress(OSError):  # a killed session's half-written save, never renamed over the file
            os.unlink(_sidecar(os.path.abspath(path), "tmp"))
        yield None if previous is None else TakenOver(lock_path, previous or None)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(handle)


def _acquire(path, lock_path: str) -> int:
    """An open, flocked handle on ``lock_path`` (called only where fcntl exists)."""
    assert fcntl is not None
    for _ in range(3):  # the file may be removed by a session ending between our open and our lock
        try:
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise BatchFileError(f"cannot save to {path}: {exc.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pid = _read_pid(handle)
            os.close(handle)
            held = f"pid {pid}, lock file {lock_path}" if pid else f"lock file {lock_path}"
            raise BatchFileError(
                f"{path} is in use by another `ask --save` session ({held}); "
                "finish that one first or save to another file"
            ) from None
        if _same_inode(handle, lock_path):
            return handle
        os.close(handle)
    raise BatchFileError(f"cannot lock {path}: its lock file keeps changing")


def _read_pid(handle: int) -> int | None:
    """The pid a lock file holds: None for a new (empty) file, 0 for one that holds no pid."""
    data = os.pread(handle, 32, 0)
    if not data:
        return None
    text = data.decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else 0


def _same_inode(handle: int, path: str) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except OSError:
        return False


def _sidecar(target: str, kind: str) -> str:
    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name}.symptom-explorer.{kind}")
