"""Reading a request body safely: a size limit checked while reading, JSON only, and limits on the number
and length of findings. Every problem is a WebInputError carrying the HTTP status and one clear message."""

import json

MAX_BODY_BYTES = 64 * 1024
MAX_FINDINGS = 60  # the knowledge base holds fewer findings than this; more is a mistake or abuse
MAX_TEXT = 200  # characters in one finding's text
MAX_FREE_TEXT = 2000  # characters in the free-text box (a few sentences)


class WebInputError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


async def read_json(request) -> dict:
    """The body as a JSON object, read no further than MAX_BODY_BYTES."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise WebInputError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise WebInputError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
    try:
        data = json.loads(body.decode("utf-8")) if body else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebInputError(400, "the request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise WebInputError(400, "the request body must be a JSON object")
    return data


def text_list(data: dict, key: str) -> list[str]:
    """``data[key]`` as a list of finding texts: a list of strings, or one string with commas."""
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WebInputError(422, f"{key!r} must be a list of strings")
    for text in value:
        if len(text) > MAX_TEXT:
            raise WebInputError(422, f"a finding in {key!r} is longer than {MAX_TEXT} characters")
    return value


def check_count(*lists) -> None:
    count = sum(len([part for text in items for part in text.split(",") if part.strip()]) for items in lists)
    if count > MAX_FINDINGS:
        raise WebInputError(422, f"too many findings ({count}); at most {MAX_FINDINGS} at once")


def findings(data: dict, extra=()) -> tuple[list[str], list[str]]:
    """``present`` and ``absent`` from an explore request, within the limits."""
    unknown = sorted(set(data) - {"present", "absent", *extra})
    if unknown:
        expected = ", ".join(["present", "absent", *extra])
        raise WebInputError(422, f"unknown key(s): {', '.join(unknown)}; expected {expected}")
    present, absent = text_list(data, "present"), text_list(data, "absent")
    check_count(present, absent, data.get("changes", []) if isinstance(data.get("changes"), list) else [])
    return present, absent


def answers(data: dict) -> list[tuple[str, str]]:
    """The questionnaire's answers: ``[{finding, answer}]`` with answer yes, no or unsure."""
    value = data.get("answers", [])
    if not isinstance(value, list):
        raise WebInputError(422, "'answers' must be a list of {finding, answer}")
    if len(value) > MAX_FINDINGS:
        raise WebInputError(422, f"too many answers ({len(value)}); at most {MAX_FINDINGS}")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("finding"), str):
            raise WebInputError(422, "each answer must be an object {finding, answer}")
        if item.get("answer") not in ("yes", "no", "unsure"):
            raise WebInputError(422, "each answer must be yes, no or unsure")
        if len(item["finding"]) > MAX_TEXT:
            raise WebInputError(422, f"a finding is longer than {MAX_TEXT} characters")
        out.append((item["finding"], item["answer"]))
    return out
