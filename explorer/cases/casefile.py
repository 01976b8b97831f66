"""Files that hold one case: answers saved by the questionnaire, read back by `ask --answers` and
`match --from`. The format is a one-case YAML list, so the same file is also valid `batch` input."""

import contextlib
import itertools
import os
from types import ModuleType

import yaml

from ..knowledge.records import KnowledgeBase
from .batch import BatchFileError, Case, CaseError, open_cases, read_cases
from .readers import open_text

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # not on Windows: no lock there
    fcntl = None


def load_one_case(path, kb: KnowledgeBase) -> Case:
    """The single case in a file (a saved questionnaire, or a batch file holding one case)."""
    with open_text(path) as stream:
        fmt, cases = open_cases(stream, str(path))
        found = list(itertools.islice(read_cases(cases, fmt, kb), 2))  # one case is expected: never read on
    if len(found) != 1:
        raise BatchFileError(f"{path} holds more than one case; one was expected (use `batch` for several)")
    if isinstance(found[0], CaseError):
        raise BatchFileError(f"{path}:{found[0].line}: {found[0].message}")
    return found[0]


def save_case(path, case: dict, header: str = ""):
    """Write ``case`` as a one-case YAML list (valid for batch, match --from and ask --answers),
    atomically: the old file stays whole until the new one is complete. The temporary file has one
    fixed name per save file, so a session killed mid-write leaves at most that one, which the next
    save replaces."""
    target = os.path.abspath(path)
    text = header + yaml.safe_dump([case], allow_unicode=True, sort_keys=False, default_flow_style=None)
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
def save_lock(path):
    """Hold ``path`` for one session, so a second session saving to the same file is refused instead
    of both saying "saved" and one losing its answers. The lock is an flock on a sidecar file,
    removed when the session ends (the kernel releases the lock if the process dies)."""
    if not path or fcntl is None:
        yield
        return
    lock_path = _sidecar(os.path.abspath(path), "lock")
    for _ in range(3):  # the file may be removed by a session ending between our open and our lock
        try:
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise BatchFileError(f"cannot save to {path}: {exc.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise BatchFileError(
                f"{path} is in use by another `ask --save` session; finish that one first or save to another file"
            ) from None
        if _same_inode(handle, lock_path):
            break
        os.close(handle)
    else:
        raise BatchFileError(f"cannot lock {path}: its lock file keeps changing")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(handle)


def _same_inode(handle: int, path: str) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except OSError:
        return False


def _sidecar(target: str, kind: str) -> str:
    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name}.symptom-explorer.{kind}")
