"""Where results are written: stdout, or a file written whole or not at all.

A file given with -o is written to a temporary file beside it and renamed over it at the end, so an
interrupted run never leaves half a file and the input is never truncated, even when it is the same
file under another name (a hard link). Devices and pipes (/dev/null, /dev/full, a FIFO) are written
directly.

A run killed outright (kill -9) cannot remove its temporary file, so the name carries the writer's pid
and the writer holds an flock on it: the next run writing to that folder removes those whose process is
gone and whose lock is free, and says so.
"""

import contextlib
import os
import re
import stat
import sys

try:
    import fcntl
except ImportError:  # not on Windows: a live temporary file cannot be told from a stale one, none is removed
    fcntl = None  # type: ignore[assignment]

import click

from ..formats.escape import terminal_safe

TEMPORARY_PREFIX = ".symptom-explorer-"
_TEMPORARY_NAME = re.compile(r"\.symptom-explorer-(\d+)-[a-z0-9_]+\.tmp\Z")  # prefix, pid, mkstemp's letters


def same_file(source: str, output: str) -> bool:
    """Whether ``output`` names the file ``source`` (the same path, a symlink or a hard link)."""
    if "-" in (source, output):
        return False
    try:
        return os.path.samefile(source, output)
    except OSError:
        return False


@contextlib.contextmanager
def output_stream(path: str):
    """A text stream for ``path`` ("-" is stdout); a regular file only appears once complete."""
    if path == "-":
        with click.open_file("-", "w", encoding="utf-8") as out:
            yield out
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8") as out:
            yield out
        return
    target = os.path.abspath(path)
    _say_removed(remove_stale_temporaries(os.path.dirname(target)), os.path.dirname(path))
    import tempfile  # only when a file is written: tempfile pulls in shutil, bz2, lzma and random

    handle, temporary = tempfile.mkstemp(
        dir=os.path.dirname(target), prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=".tmp"
    )
    try:  # from here on, an interruption (Ctrl-C, SIGTERM) removes the temporary file
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the file is renamed: it is in use
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())  # not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def remove_stale_temporaries(folder: str) -> list[str]:
    """Remove the temporary files left in ``folder`` by runs that were killed before they could (named
    with a pid no longer running, and locked by no one); returns their names."""
    if fcntl is None:
        return []
    removed = []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return []
    for entry in entries:
        found = _TEMPORARY_NAME.match(entry.name)
        if found and not _running(int(found[1])) and _unlocked(entry.path):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return sorted(removed)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _unlocked(path: str) -> bool:
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:  # not ours to read: not ours to remove
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(handle)


def _say_removed(names: list[str], folder: str):
    if names:
        where = f" in {terminal_safe(folder)}" if folder else ""
        click.echo(
            f"symptom-explorer: removed {len(names)} temporary file(s){where} left by a run that was killed: "
            + ", ".join(names),
            err=True,
        )


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_error_message(exc: OSError, path: str | None) -> str:
    where = f"to {path}" if path and path != "-" else "the output"
    return f"symptom-explorer: cannot write {where}: {exc.strerror or exc}"


def quiet_stdout():
    """After a write error on stdout: point it at /dev/null, so Python's own flush at exit stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def write_output(text: str, path: str | None):
    """Echo ``text``, or write it whole to ``path`` (saying so on stderr); a file that cannot be written is
    a usage error with the reason, never a traceback."""
    if not path or path == "-":
        click.echo(text, nl=False)
        return
    try:
        with output_stream(path) as out:
            out.write(text)
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    click.echo(f"symptom-explorer: wrote {path}", err=True)
