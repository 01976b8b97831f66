"""SIGTERM and SIGHUP (a closed terminal) end a command the way an error would: the `finally` blocks run,
so a half-written output file, a save lock and `batch --jobs` workers are cleaned up, and the exit code
is the shell's 128 + signal. Python's default for both signals is to die on the spot, leaving them."""

import signal
import threading


class Terminated(SystemExit):
    """The process was asked to stop by a signal; ``code`` is 128 + the signal's number."""


def stop_cleanly_on_signals() -> None:
    """From here on, SIGTERM and SIGHUP raise Terminated in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers (a command run from a script's thread keeps the defaults)
    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP does not exist on Windows
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _raise_terminated)


def _raise_terminated(number, _frame):
    # Once is enough: a second signal while cleaning up must not break the cleanup half-way.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Terminated(128 + number)
