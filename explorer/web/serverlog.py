"""What `serve` writes to stderr while it runs: one short line per event (never a traceback), at most
SERVE_LOG_LINES_PER_MINUTE lines a minute (the rest are counted, then summed up in one line), written by
a thread of its own. The server's event loop only puts a line in a bounded queue and never waits, so a
stderr nobody reads (a paused pager, a pipe left full) cannot stop it from answering: past
SERVE_LOG_QUEUE waiting lines, new ones are dropped."""

import contextlib
import logging
import os
import queue
import threading
import time

from ..limits import SERVE_LOG_LINES_PER_MINUTE, SERVE_LOG_QUEUE

LINE_CHARS = 200  # far below PIPE_BUF, so each line reaches a pipe whole
PREFIX = "symptom-explorer: "


def one_line(record: logging.LogRecord) -> str:
    """The record's first line, with the exception's type and first line when it carries one."""
    text = record.getMessage().strip().split("\n", 1)[0]
    if record.exc_info and record.exc_info[1] is not None:
        exc = record.exc_info[1]
        detail = str(exc).strip().split("\n", 1)[0]
        text += f" ({type(exc).__name__}{': ' + detail if detail else ''})"
    text = "".join(c if c.isprintable() else "?" for c in text)  # a client's bytes never reach the terminal raw
    return (PREFIX + text)[:LINE_CHARS]


class BoundedStderr(logging.Handler):
    """A logging handler that writes one line per record to file descriptor ``fd`` from its own thread."""

    def __init__(self, fd: int = 2, per_minute: int = SERVE_LOG_LINES_PER_MINUTE, waiting: int = SERVE_LOG_QUEUE):
        super().__init__(logging.WARNING)
        self.fd, self.per_minute = fd, per_minute
        self.lines: queue.Queue[str | None] = queue.Queue(maxsize=waiting)
        self.window, self.shown, self.held = time.monotonic(), 0, 0
        self.writer = threading.Thread(target=self._write, name="serve-stderr", daemon=True)
        self.writer.start()

    def emit(self, record: logging.LogRecord) -> None:
        now = time.monotonic()  # logging.Handler.handle holds self.lock here: the counts need no other
        if now - self.window >= 60:
            if self.held:
                self._put(f"{PREFIX}{self.held} more server messages in the last minute were not shown")
            self.window, self.shown, self.held = now, 0, 0
        if self.shown >= self.per_minute:
            self.held += 1
            return
        self.shown += 1
        self._put(one_line(record))

    def _put(self, line: str | None) -> None:
        with contextlib.suppress(queue.Full):  # stderr is not being read: drop the line rather than wait
            self.lines.put_nowait(line)

    def _write(self) -> None:
        # os.write, not sys.stderr: a write blocked on a full pipe holds no lock the interpreter needs to exit
        while (line := self.lines.get()) is not None:
            with contextlib.suppress(OSError):  # stderr closed: nothing more to say
                os.write(self.fd, (line + "\n").encode("utf-8", "replace"))

    def close(self) -> None:
        # The end mark must get in even when stderr is not read and the queue is full, or the writer thread
        # would wait for it forever: the oldest waiting line gives way, as lines do whenever the queue is full.
        while True:
            try:
                self.lines.put_nowait(None)
                break
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    self.lines.get_nowait()
        super().close()


# loggers that a uvicorn configured earlier in the same process (its default dictConfig) keeps to itself
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


@contextlib.contextmanager
def bounded_server_log(fd: int = 2):
    """Every log record (uvicorn's, asyncio's, Starlette's) goes through one BoundedStderr while inside."""
    root = logging.getLogger()
    handler = BoundedStderr(fd)
    own = [logging.getLogger(name) for name in UVICORN_LOGGERS]
    saved_root = (root.handlers, root.level)
    saved_own = [(logger.handlers, logger.propagate) for logger in own]
    root.handlers, root.level = [handler], logging.WARNING
    for logger in own:
        logger.handlers, logger.propagate = [], True
    try:
        yield handler
    finally:
        root.handlers, root.level = saved_root
        for logger, (handlers, propagate) in zip(own, saved_own):
            logger.handlers, logger.propagate = handlers, propagate
        handler.close()
