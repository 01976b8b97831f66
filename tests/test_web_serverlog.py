"""`serve`'s stderr (issue 18 item 3): one short line per event, at most SERVE_LOG_LINES_PER_MINUTE a minute,
and logging never waits for a stderr nobody reads. The real server under dropping clients is in
test_web_hostile_serve.py."""

import logging
import os
import threading

from explorer.limits import SERVE_LOG_LINES_PER_MINUTE, SERVE_LOG_QUEUE
from explorer.web import serverlog
from explorer.web.serverlog import BoundedStderr, bounded_server_log, one_line

from .test_web_hostile_serve import filled_pipe


def record(message: str, exc: BaseException | None = None) -> logging.LogRecord:
    info = (type(exc), exc, exc.__traceback__) if exc else None
    return logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, message, None, info)


def test_an_exception_is_one_short_line_without_its_traceback():
    try:
        raise ConnectionResetError("Connection reset by peer\nsecond line")
    except ConnectionResetError as exc:
        line = one_line(record("Exception in ASGI application\n", exc))
    assert line == "symptom-explorer: Exception in ASGI application (ConnectionResetError: Connection reset by peer)"
    assert one_line(record("bad \x1b[31mbytes\x07")) == "symptom-explorer: bad ?[31mbytes?"
    assert len(one_line(record("x" * 10_000))) == 200


def everything_written(handler, read_end: int, write_end: int) -> bytes:
    """All the handler wrote, read to the end of the pipe (read while it writes, as the pipe may be full):
    the handler is closed, its writer thread ends, then the write end is closed. Waiting for the writer
    itself, not for a pause in the pipe, which a loaded machine can make at any moment."""

    def finish():
        handler.close()
        handler.writer.join(60)
        os.close(write_end)

    closer = threading.Thread(target=finish)
    closer.start()
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    closer.join()
    os.close(read_end)
    assert not handler.writer.is_alive()
    return b"".join(chunks)


def test_logging_into_a_full_pipe_never_waits():
    read_end, write_end, filled = filled_pipe()
    handler = BoundedStderr(write_end)
    # Nothing reads the full pipe until all are logged: a handler that waited for it would never finish.
    logging_all = threading.Thread(target=lambda: [handler.handle(record(f"event {n}")) for n in range(1000)])
    logging_all.start()
    logging_all.join(60)
    assert not logging_all.is_alive(), "1,000 records must not wait for the pipe"
    written = everything_written(handler, read_end, write_end)[filled:].decode()
    assert written.splitlines() == [f"symptom-explorer: event {n}" for n in range(SERVE_LOG_LINES_PER_MINUTE)]


def test_past_the_limit_lines_are_counted_then_summed_up(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(serverlog.time, "monotonic", lambda: now[0])
    read_end, write_end = os.pipe()
    handler = BoundedStderr(write_end, per_minute=3)
    for number in range(5):
        handler.handle(record(f"event {number}"))
    now[0] += 61
    handler.handle(record("later"))
    lines = everything_written(handler, read_end, write_end).decode().splitlines()
    assert lines == [
        "symptom-explorer: event 0",
        "symptom-explorer: event 1",
        "symptom-explorer: event 2",
        "symptom-explorer: 2 more server messages in the last minute were not shown",
        "symptom-explorer: later",
    ]


def test_the_queue_is_bounded_when_the_writer_is_stuck():
    read_end, write_end, _ = filled_pipe()
    handler = BoundedStderr(write_end, per_minute=10 * SERVE_LOG_QUEUE)
    for number in range(5 * SERVE_LOG_QUEUE):
        handler.handle(record(f"event {number}"))
    assert handler.lines.qsize() <= SERVE_LOG_QUEUE
    everything_written(handler, read_end, write_end)


def test_closing_with_a_full_queue_ends_the_writer_once_stderr_is_read():
    read_end, write_end, _ = filled_pipe()
    handler = BoundedStderr(write_end, per_minute=10 * SERVE_LOG_QUEUE)
    for number in range(2 * SERVE_LOG_QUEUE):
        handler.handle(record(f"event {number}"))
    assert handler.lines.full()  # the writer is stuck on the full pipe
    handler.close()
    reader = threading.Thread(target=lambda: [None for _ in iter(lambda: os.read(read_end, 65536), b"")])
    reader.start()  # stderr read again: the writer gets to the end mark and stops
    handler.writer.join(30)
    assert not handler.writer.is_alive()
    os.close(write_end)
    reader.join(30)
    os.close(read_end)


def test_every_logger_goes_through_it_while_serving_and_is_restored_after():
    root = logging.getLogger()
    before = root.handlers[:]
    read_end, write_end = os.pipe()
    with bounded_server_log(fd=write_end) as handler:
        assert root.handlers == [handler]
        logging.getLogger("uvicorn.error").error("from uvicorn", exc_info=ValueError("boom"))
        logging.getLogger("asyncio").warning("from asyncio")
    assert root.handlers == before
    lines = everything_written(handler, read_end, write_end).decode().splitlines()
    assert lines == ["symptom-explorer: from uvicorn (ValueError: boom)", "symptom-explorer: from asyncio"]
