"""Issue 18 items 2, 3 and 7 against the installed `symptom-explorer serve`, as a user runs it: the hostile
bodies, content types and origins of tests/web_hostile.py over real HTTP, and clients that drop at every
point of a request while the server's stderr is a pipe nobody reads (item 3: the server used to log ~60
lines of traceback per drop and, once the pipe was full, stopped answering)."""

import contextlib
import fcntl
import http.client
import os
import select
import signal
import socket
import struct
import subprocess
import threading
import time

import pytest

from explorer.limits import SERVE_LOG_LINES_PER_MINUTE

from .test_installed import installed_command
from .web_hostile import BODIES, CONTENT_TYPES, GOOD, JSON, ORIGINS, check_error

pytestmark = pytest.mark.slow  # a real serve process: left out by pytest -m 'not slow'

DROPS_PER_POINT = 200


def start_serve(tmp_path, stderr):
    env = dict(os.environ, HOME=str(tmp_path), TMPDIR=str(tmp_path), SYMPTOM_EXPLORER_CACHE="0")
    process = subprocess.Popen(
        [installed_command(), "serve", "--port", "0"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=stderr
    )
    line = process.stdout.readline().decode()
    assert "is running at" in line, line
    return process, int(line.split(" at ", 1)[1].split()[0].rstrip("/").rsplit(":", 1)[1])


def stop(process) -> bytes:
    """Ctrl-C, as a user stops it: a clean exit; what it wrote on stderr when that is a pipe of ours."""
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 0 and b"Stopped." in out
    return err or b""


def request(port, method, path, body=None, headers=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("content-type", ""), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    process, port = start_serve(tmp_path_factory.mktemp("serve"), subprocess.PIPE)
    yield port
    assert stop(process) == b"", "nothing on stderr: every refusal is an answer, not a log line"


@pytest.mark.parametrize("path, body, status, part", BODIES)
def test_a_hostile_body_is_a_clear_4xx_from_the_real_server(served, path, body, status, part):
    check_error(*request(served, "POST", path, body, {"content-type": JSON}), status, part)


@pytest.mark.parametrize("content_type, status", CONTENT_TYPES)
def test_only_json_bodies_are_read_by_the_real_server(served, content_type, status):
    done = request(served, "POST", "/api/explore", GOOD, {"content-type": content_type} if content_type else {})
    if status == 200:
        assert done[0] == 200 and '"numbness"' in done[2]
    else:
        check_error(*done, 415, "Content-Type: application/json")


@pytest.mark.parametrize("headers, status", ORIGINS)
def test_the_real_server_refuses_other_origins(served, headers, status):
    done = request(served, "POST", "/api/explore", GOOD, {"content-type": JSON, **headers(f"127.0.0.1:{served}")})
    if status == 200:
        assert done[0] == 200 and '"numbness"' in done[2]
    else:
        check_error(*done, 403, "refused")


# -- item 3: clients that go away -------------------------------------------------------------------------

POST_HEAD = b"POST /api/explore HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
DROPS = {
    "mid-body": POST_HEAD + b'Content-Length: 1000\r\n\r\n{"present": ["numb',
    "after-headers": POST_HEAD + b"Content-Length: 1000\r\n\r\n",
    "mid-headers": POST_HEAD[:30],
    "while-working": POST_HEAD + b"Content-Length: %d\r\n\r\n" % len(GOOD) + GOOD,
    "mid-response": b"GET /api/network HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "not-http": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n",  # a TLS hello: logged by uvicorn
}


def drop(port: int, sent: bytes, reset: bool) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(sent)
        if sent.startswith(b"GET"):
            sock.recv(100)  # the answer has started: leave in the middle of it
        if reset:  # an abrupt reset, as a crashed client or a dropped network leaves it
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def filled_pipe() -> tuple[int, int, int]:
    """A pipe whose buffer is already full, as after a pager stopped reading: (read end, write end, bytes)."""
    read_end, write_end = os.pipe()
    flags = fcntl.fcntl(write_end, fcntl.F_GETFL)
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    filled = 0
    with contextlib.suppress(BlockingIOError):
        while True:
            filled += os.write(write_end, b"x" * 4096)
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags)
    return read_end, write_end, filled


def drain(read_end: int) -> bytes:
    chunks = []
    while select.select([read_end], [], [], 0.5)[0]:
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("full", [False, True], ids=["stderr-never-read", "stderr-already-full"])
def test_dropping_clients_never_wedge_the_server_nor_flood_stderr(tmp_path, full):
    read_end, write_end = os.pipe()
    filled = 0
    if full:
        os.close(read_end), os.close(write_end)
        read_end, write_end, filled = filled_pipe()
    process, port = start_serve(tmp_path, write_end)
    os.close(write_end)
    try:
        for number in range(DROPS_PER_POINT):
            for sent in DROPS.values():
                drop(port, sent, reset=number % 2 == 0)
        started = time.monotonic()
        status, _, text = request(port, "POST", "/api/explore", GOOD, {"content-type": JSON}, timeout=10)
        answered_in = time.monotonic() - started
    finally:
        # only now is stderr read, from a thread, so the server can write what it still holds, and stop
        captured: list[bytes] = []
        reader = threading.Thread(target=lambda: captured.append(drain(read_end)))
        reader.start()
        time.sleep(1)
        stop(process)
        reader.join(30)
        os.close(read_end)
    assert status == 200 and '"numbness"' in text
    assert answered_in < 5, f"a normal request took {answered_in:.1f} s after {DROPS_PER_POINT} drops per point"
    written = captured[0][filled:].decode("utf-8", "replace")
    assert "Traceback" not in written and "  File " not in written
    lines = written.splitlines()
    assert len(lines) <= SERVE_LOG_LINES_PER_MINUTE + 1, lines[:5]
    assert all(line.startswith("symptom-explorer: ") and len(line) <= 200 for line in lines), lines[:5]
    # the requests that were not HTTP were logged, one short line each, up to the limit
    assert any("Invalid HTTP request" in line for line in lines), lines[:5]
