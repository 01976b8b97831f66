"""Where results are written: stdout, or a file written whole or not at all.

A file given with -o is written to a temporary file beside it and renamed over it at the end, so an
interrupted run never leaves half a file and the input is never truncated, even when it is the same
file under another name (a hard link). Devices and pipes (/dev/null, /dev/full, a FIFO) are written
directly.
"""

import contextlib
import os
import stat
import sys

import click


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
    import tempfile  # only when a file is written: tempfile pulls in shutil, bz2, lzma and random

    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".symptom-explorer-", suffix=".tmp")
    os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())  # not mkstemp's 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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
