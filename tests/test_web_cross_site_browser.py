"""Issue 18 item 2 in a real browser: a page served by a second local server, on another port, tries every
way a page has to post to the explorer's API (fetch without CORS as plain text and as a form, fetch with
CORS as JSON, a form submitted into a frame, a beacon). Each request reaches the server and none is
processed: the engine is never called. The same request from the explorer's own page is processed."""

import http.server
import socket
import threading
import time

import pytest
import uvicorn

import explorer.web.routes as routes
from explorer.web import create_app
from explorer.web.app import LOCAL_HOSTS

from .test_web_browser import driver, wait  # noqa: F401  (driver is a fixture)

pytestmark = pytest.mark.slow  # a real browser: left out by pytest -m 'not slow'

ATTACK = """<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" action="{api}/api/explore" enctype="text/plain" target="sink">
<input name='{{"present": ["numbness"], "x": "' value='"}}'></form>
<script>
const api = "{api}", body = JSON.stringify({{present: ["numbness"]}});
const tries = [
  fetch(api + "/api/explore", {{method: "POST", mode: "no-cors", headers: {{"content-type": "text/plain"}}, body}}),
  fetch(api + "/api/explore", {{method: "POST", mode: "no-cors",
    headers: {{"content-type": "application/x-www-form-urlencoded"}}, body}}),
  fetch(api + "/api/parse", {{method: "POST", headers: {{"content-type": "application/json"}},
    body: JSON.stringify({{text: "numbness"}})}}),
];
navigator.sendBeacon(api + "/api/explore", new Blob([body], {{type: "text/plain"}}));
document.getElementById("form").submit();
Promise.allSettled(tries).then(() => {{ document.title = "done"; }});
</script>"""


class Recorder:
    """ASGI middleware keeping each request's method, path, Origin and answer status."""

    def __init__(self, app):
        self.app, self.seen = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        entry = {"method": scope["method"], "path": scope["path"], "headers": dict(scope["headers"])}
        self.seen.append(entry)

        async def keep_status(message):
            if message["type"] == "http.response.start":
                entry["status"] = message["status"]
            await send(message)

        await self.app(scope, receive, keep_status)


def _listening() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


@pytest.fixture(scope="module")
def explorer_server(kb):
    """The explorer as `serve` runs it (answering only local host names), behind a Recorder."""
    sock = _listening()
    recorder = Recorder(create_app(kb, allowed_hosts=LOCAL_HOSTS))
    server = uvicorn.Server(uvicorn.Config(recorder, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", recorder
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def attacker(explorer_server):
    """A second local server, on another port, serving a page that posts to the explorer."""
    page = ATTACK.format(api=explorer_server[0]).encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def engine_calls(monkeypatch):
    calls = []
    original = routes.explore
    monkeypatch.setattr(routes, "explore", lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls


def test_a_page_on_another_port_cannot_get_a_request_processed(driver, explorer_server, attacker, engine_calls):  # noqa: F811
    api, recorder = explorer_server
    recorder.seen.clear()
    driver.get(attacker + "/")
    wait(driver, lambda d: d.title == "done")
    posts = lambda: [e for e in recorder.seen if e["method"] == "POST"]  # noqa: E731
    wait(driver, lambda d: len(posts()) >= 4 and all("status" in e for e in posts()))  # the beacon and form too
    assert {e["path"] for e in posts()} == {"/api/explore"}
    assert [e["status"] for e in posts()] == [403] * len(posts())
    assert all(e["headers"][b"origin"] == attacker.encode() for e in posts())
    # the CORS request as JSON never got past its preflight, which is refused
    assert [e["status"] for e in recorder.seen if e["path"] == "/api/parse"] == [405]
    assert engine_calls == [], "no request from the other page reached the engine"


def test_the_same_request_from_the_explorers_own_page_is_processed(driver, explorer_server, engine_calls):  # noqa: F811
    api, recorder = explorer_server
    driver.get(api + "/")
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/explore', {method: 'POST', headers: {'content-type': 'application/json'},"
        " body: JSON.stringify({present: ['numbness']})}).then((r) => done(r.status));"
    )
    assert status == 200 and len(engine_calls) == 1
