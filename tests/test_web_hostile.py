"""Issue 18 items 2 and 7 through Starlette's test client: every hostile body is a 4xx with one clear JSON
line (never a 500 or a traceback), only JSON bodies are read, and a request from another origin is refused
before anything is processed. The same tables run against a real `serve` in test_web_hostile_serve.py."""

import pytest
from starlette.testclient import TestClient

from explorer.limits import WEB_MAX_BODY_BYTES
from explorer.web import create_app

from .web_hostile import BODIES, CONTENT_TYPES, GOOD, JSON, ORIGINS, check_error


@pytest.fixture(scope="module")
def client(kb):
    # raise_server_exceptions=False: a 500 must show up as a 500 here, as a browser would get it
    return TestClient(create_app(kb), raise_server_exceptions=False)


@pytest.mark.parametrize("path, body, status, part", BODIES)
def test_a_hostile_body_is_a_clear_4xx(client, path, body, status, part):
    done = client.post(path, content=body, headers={"content-type": JSON})
    check_error(done.status_code, done.headers["content-type"], done.text, status, part)


def test_a_body_past_the_limit_is_refused_while_it_is_read(client):
    chunks = (b" " * 4096 for _ in range(WEB_MAX_BODY_BYTES // 4096 + 2))  # chunked: no Content-Length
    done = client.post("/api/explore", content=chunks, headers={"content-type": JSON})
    check_error(done.status_code, done.headers["content-type"], done.text, 413, "larger than")


@pytest.mark.parametrize("content_type, status", CONTENT_TYPES)
def test_only_json_bodies_are_read(client, content_type, status):
    headers = {"content-type": content_type} if content_type else {}
    done = client.post("/api/explore", content=GOOD, headers=headers)
    if status == 200:
        assert done.status_code == 200 and done.json()["recognized"][0]["symptom"]["id"] == "numbness"
    else:
        check_error(done.status_code, done.headers["content-type"], done.text, 415, "Content-Type: application/json")


@pytest.mark.parametrize(
    "path", ["/api/explore", "/api/what-if", "/api/parse", "/api/questionnaire", "/api/network/path"]
)
def test_every_post_endpoint_refuses_plain_text(client, path):
    done = client.post(path, content=b'{"text": "numbness"}', headers={"content-type": "text/plain"})
    assert done.status_code == 415


@pytest.mark.parametrize("headers, status", ORIGINS)
def test_a_request_from_another_origin_is_refused(client, headers, status, monkeypatch):
    import explorer.web.routes as routes

    processed = []

    def reached(*args, **kwargs):
        # An ordinary exception (the server answers 500): pytest.fail's BaseException would tear down the test
        # client's event-loop portal in its thread, and a later request could find it gone (a flaky failure).
        processed.append(args)
        raise LookupError("the engine was reached")

    monkeypatch.setattr(routes, "explore", reached)
    done = client.post("/api/explore", content=GOOD, headers={"content-type": JSON, **headers("testserver")})
    if status == 403:
        check_error(done.status_code, done.headers["content-type"], done.text, 403, "refused")
        assert not processed and done.headers["x-content-type-options"] == "nosniff"
    else:
        assert processed, "a request from the page's own origin reaches the engine"


@pytest.mark.parametrize("headers, status", ORIGINS)
def test_get_stays_open_to_every_origin(client, headers, status):
    assert client.get("/api/conditions", headers=headers("testserver")).status_code == 200


def test_the_own_origin_is_the_host_the_request_was_sent_to(kb):
    from explorer.web.app import LOCAL_HOSTS

    local = TestClient(create_app(kb, allowed_hosts=LOCAL_HOSTS), base_url="http://127.0.0.1:8000")
    own = {"content-type": JSON, "origin": "http://127.0.0.1:8000"}
    assert local.post("/api/explore", content=GOOD, headers=own).status_code == 200
    by_name = {"content-type": JSON, "host": "localhost:8000", "origin": "http://localhost:8000"}
    assert local.post("/api/explore", content=GOOD, headers=by_name).status_code == 200
    # a rebound name is refused by the Host check before the Origin is even looked at
    rebound = {"content-type": JSON, "host": "evil.example:8000", "origin": "http://evil.example:8000"}
    assert local.post("/api/explore", content=GOOD, headers=rebound).status_code == 400


def test_the_openapi_description_lists_the_refusals_of_every_post(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    posts = {path: ops["post"]["responses"] for path, ops in paths.items() if "post" in ops}
    assert len(posts) == 9  # explore, what-if, parse, questionnaire (2), network path, lab (3)
    for path, responses in posts.items():
        assert {"200", "400", "403", "413", "415", "422"} <= set(responses), path
    assert posts["/api/explore"]["422"]["description"] == "No findings, too many, or a bad shape"  # its own
