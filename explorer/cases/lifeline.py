"""Worker processes that end with the process that started them.

A `batch --jobs` worker killed with its parent (kill -9, a crash) would otherwise wait for work for ever,
holding the parent's output pipes open. Two guards, so that one failing is not enough to leave it:
- on Linux the kernel kills the worker when its parent dies (prctl PR_SET_PDEATHSIG, through ctypes; strictly,
  when the thread that started it ends: parallel.py starts and shuts down its pool within one call);
- everywhere, a thread in the worker watches the parent: the pipe multiprocessing keeps from the parent
  (its end closes when the parent dies) and the parent's pid (which changes when the worker is adopted).
A worker ignores Ctrl-C (SIGINT): the parent, told too, stops the run and lets each worker finish the chunk
it holds; ``signals_held`` keeps the signal from a worker until it can ignore it, and keeps SIGTERM and SIGHUP
from the parent while it forks (raised inside the fork's own callbacks, the parent's Terminated would be lost).
A worker has no files of its own to clean up: the output is written by the parent only.
"""

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.2  # how often the watcher looks, when the pipe says nothing
ORPHANED = 1  # the exit code of a worker that found its parent gone (nobody reads it: init reaps it)
HELD = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def bind_to_parent(parent: int) -> None:
    """Make this process end when process ``parent`` (its parent) ends. Call it first in the worker."""
    for name in ("SIGTERM", "SIGHUP"):  # the parent's clean-exit handlers (cli/terminate.py) are not the worker's
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    # Ctrl-C reaches the whole process group, and the parent alone decides what it stops: interrupted
    # half-way through sending a result, a worker would leave half a message in the result pipe, and the
    # parent's pool would then break, or wait for the rest of it for ever while shutting down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)  # held by the parent while it started us
    _kernel_death_signal()
    if os.getppid() != parent:  # the parent died before the guards were up
        os._exit(ORPHANED)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _kernel_death_signal() -> bool:
    """Ask Linux to send SIGKILL to this process when its parent ends; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):  # no C library to load, or one without prctl
        return False


def _watch(parent: int) -> None:
    pipe = multiprocessing.parent_process()  # None when not started by multiprocessing
    while os.getppid() == parent and (pipe is None or pipe.is_alive()):
        if pipe is None:
            threading.Event().wait(WATCH_SECONDS)
        else:
            pipe.join(WATCH_SECONDS)  # returns at once when the parent's end of the pipe closes
    os._exit(ORPHANED)


@contextlib.contextmanager
def signals_held():
    """Hold SIGINT, SIGTERM and SIGHUP back while the block runs. A worker started in it inherits them blocked, so
    it cannot be interrupted before ``bind_to_parent`` sets what it does with them. This process only notes one
    that comes meanwhile (another thread may take it from the kernel, and Python then runs its handler here at
    once, even inside a fork's own callbacks, where an exception is printed and lost), and runs the handler it
    had as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows, where the group has no Ctrl-C of this kind
        yield
        return
    noted: list = []
    handlers = _note_instead(noted)
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for number, frame in noted[:1]:  # once is enough, as for the handlers themselves
            handlers[number](number, frame)


def _note_instead(noted: list) -> dict:
    """Put a handler that only notes the signal in place of each Python handler of the held signals (in the main
    thread, the only one that may); returns the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    handlers = {number: signal.getsignal(number) for number in HELD}
    handlers = {number: handler for number, handler in handlers.items() if callable(handler)}
    for number in handlers:
        signal.signal(number, lambda number, frame: noted.append((number, frame)))
    return handlers
