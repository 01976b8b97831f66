"""The hostile requests of issue 18 (items 2 and 7) as tables, sent both through Starlette's test client
(tests/test_web_hostile.py) and to a real `serve` (tests/test_web_hostile_serve.py). Each row: what is
sent, the status expected and a piece of the one-line JSON error."""

import pytest

from explorer.limits import WEB_MAX_BODY_BYTES

GOOD = b'{"present": ["numbness"]}'
JSON = "application/json"


def _deep(opening: bytes, closing: bytes, depth: int, inner: bytes = b"") -> bytes:
    return opening * depth + inner + closing * depth


# (path, body, status, part of the error); every body is sent as application/json
BODIES = [
    # item 7's reproductions: deeply nested and 5,000-digit bodies were a 500 with a server traceback
    pytest.param(
        "/api/explore",
        b'{"present": ' + _deep(b"[", b"]", 5000) + b"}",
        422,
        "'present' must be a list of strings: item 1 is a list",
        id="nested-5000-deep",
    ),
    pytest.param("/api/explore", _deep(b"[", b"]", 20000), 422, "must be an object, not a list", id="body-20000-deep"),
    pytest.param(
        "/api/explore",
        b'{"present": ["numbness"], "x": ' + _deep(b'{"a": ', b"}", 5000, b"1") + b"}",
        422,
        "unknown key 'x'; expected present, absent",
        id="deep-object-under-an-unknown-key",
    ),
    pytest.param(
        "/api/questionnaire",
        b'{"answers": [{"finding": ' + _deep(b"[", b"]", 5000) + b', "answer": "yes"}]}',
        422,
        "'finding' of 'answers' item 1 must be a string, not a list",
        id="deep-in-an-answer",
    ),
    pytest.param(
        "/api/explore",
        b'{"present": [' + b"1" * 5000 + b"]}",
        422,
        "'present' item 1 is a number too long to read",
        id="number-5000-digits",
    ),
    pytest.param(
        "/api/what-if",
        b'{"present": ["numbness"], "changes": -' + b"9" * 5000 + b"}",
        422,
        "'changes' is a number too long to read",
        id="negative-number-5000-digits",
    ),
    pytest.param("/api/explore", b"1" * 5000, 422, "number too long to read", id="body-a-5000-digit-number"),
    pytest.param("/api/parse", b'{"text": 1e999999}', 422, "'text' is a number too long to read", id="exponent"),
    pytest.param("/api/explore", b'{"present": [12]}', 422, "list of strings: item 1 is a number", id="short-number"),
    pytest.param("/api/explore", b'{"present": [NaN]}', 400, "not valid JSON", id="NaN"),
    pytest.param("/api/explore", b'{"present": Infinity}', 400, "not valid JSON", id="Infinity"),
    pytest.param("/api/parse", b'{"text": -Infinity}', 400, "not valid JSON", id="minus-Infinity"),
    pytest.param(
        "/api/parse", b'{"text": "' + b"a" * 60000 + b'"}', 422, "'text' is longer than 2000", id="huge-string"
    ),
    pytest.param(
        "/api/explore",
        b'{"present": ["' + b"a" * 60000 + b'"]}',
        422,
        "'present' item 1 is longer than 200 characters",
        id="huge-finding",
    ),
    pytest.param(
        "/api/questionnaire/load",
        b'{"yaml": "' + b"a" * (WEB_MAX_BODY_BYTES + 1) + b'"}',
        413,
        f"larger than {WEB_MAX_BODY_BYTES} bytes",
        id="huge-string-past-the-body-limit",
    ),
    pytest.param(
        "/api/explore",
        b'{"present": [' + b'"a", ' * 10000 + b'"a"]}',
        422,
        "too many findings in 'present'; at most 60 at once",
        id="huge-array",
    ),
    pytest.param(
        "/api/questionnaire",
        b'{"answers": [' + b'{"finding": "numbness", "answer": "yes"}, ' * 1500 + b'{"finding": "a", "answer": "no"}]}',
        422,
        "too many findings in 'answers'",
        id="huge-array-of-objects",
    ),
    pytest.param(
        "/api/explore",
        b'{"present": ["chest pain"], "present": ["numbness"]}',
        422,
        "key 'present' is given more than once",
        id="duplicate-key",
    ),
    pytest.param(
        "/api/questionnaire",
        b'{"answers": [{"finding": "chest_pain", "answer": "yes", "answer": "no"}]}',
        422,
        "key 'answer' is given more than once",
        id="duplicate-key-in-an-answer",
    ),
    pytest.param("/api/explore", b'{"present": ["numb\xffness"]}', 400, "not valid JSON", id="invalid-utf-8"),
    pytest.param("/api/explore", b'{"present": ["\xed\xa0\x80"]}', 400, "not valid JSON", id="utf-8-surrogate"),
    pytest.param("/api/explore", b'{"present": ["\\udc00 x"]}', 400, "not valid JSON", id="lone-surrogate-escape"),
    pytest.param("/api/explore", b'{"present": ["numbness"]} x', 400, "not valid JSON", id="trailing-text"),
    pytest.param(
        "/api/questionnaire",
        b'{"answers": [{"finding": "dry_eyes", "answer": "maybe"}]}',
        422,
        "'answer' of 'answers' item 1 must be yes, no or unsure, not 'maybe'",
        id="answer-not-allowed",
    ),
    pytest.param("/api/questionnaire/load", b"{}", 422, 'yaml is missing: send {"yaml": ...}', id="missing-key"),
    pytest.param(
        "/api/questionnaire",
        b'{"answers": [{"finding": "dry_eyes"}]}',
        422,
        "answer is missing from 'answers' item 1",
        id="missing-key-in-an-answer",
    ),
]


# (Content-Type, status) for a good body; a form, plain text and multipart are what a page elsewhere can
# send without a CORS preflight
CONTENT_TYPES = [
    pytest.param("text/plain", 415, id="text-plain"),
    pytest.param("text/plain;charset=UTF-8", 415, id="text-plain-as-fetch-sends-it"),
    pytest.param("application/x-www-form-urlencoded", 415, id="form"),
    pytest.param("multipart/form-data; boundary=x", 415, id="multipart"),
    pytest.param(None, 415, id="missing"),
    pytest.param("application/json; charset=latin-1", 415, id="json-in-latin-1"),
    pytest.param("application/jsonx", 415, id="not-quite-json"),
    pytest.param("application/json", 200, id="json"),
    pytest.param("application/json; charset=utf-8", 200, id="json-utf-8"),
    pytest.param("Application/JSON; Charset=UTF-8", 200, id="json-any-case"),
]


def other_port(own: str) -> str:
    host, _, port = own.partition(":")
    return f"{host}:{int(port or 80) + 1}"


# (headers for a request sent to `own` (host:port), status): foreign origins and fetch metadata are
# refused; the page's own origin, a navigation ("none") and no such headers at all (a script) are fine
ORIGINS = [
    pytest.param(lambda own: {"Origin": "http://evil.example"}, 403, id="other-host"),
    pytest.param(lambda own: {"Origin": f"http://{other_port(own)}"}, 403, id="other-port"),
    pytest.param(lambda own: {"Origin": "null"}, 403, id="null"),
    pytest.param(lambda own: {"Origin": f"https://{own}"}, 403, id="other-scheme"),
    pytest.param(lambda own: {"Origin": f"http://{own}.evil.example"}, 403, id="own-name-as-a-prefix"),
    pytest.param(lambda own: {"Sec-Fetch-Site": "cross-site"}, 403, id="fetch-cross-site"),
    pytest.param(lambda own: {"Sec-Fetch-Site": "same-site"}, 403, id="fetch-same-site"),
    pytest.param(lambda own: {"Origin": "http://evil.example", "Sec-Fetch-Site": "same-origin"}, 403, id="origin-wins"),
    pytest.param(lambda own: {"Origin": f"http://{own}"}, 200, id="own-origin"),
    pytest.param(lambda own: {"Origin": f"http://{own}", "Sec-Fetch-Site": "same-origin"}, 200, id="own-page"),
    pytest.param(lambda own: {"Sec-Fetch-Site": "none"}, 200, id="fetch-none"),
    pytest.param(lambda own: {}, 200, id="no-origin-a-script"),
]


def check_error(status: int, content_type: str, text: str, expected_status: int, part: str = "") -> None:
    """A refused request: the status, one JSON error holding ``part``, never a traceback."""
    import json

    assert status == expected_status, text[:300]
    assert content_type.startswith("application/json"), content_type
    assert "Traceback" not in text and "\n" not in json.loads(text)["error"]
    assert part in json.loads(text)["error"], text[:300]
