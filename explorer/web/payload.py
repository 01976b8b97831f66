"""Reading a request body safely: JSON only (by its Content-Type), a size limit checked while reading,
then decoded straight into its endpoint's shape (bodies.py) by msgspec, which reads strict JSON (no NaN
or Infinity, valid UTF-8, no lone surrogates) and builds nothing deeper than the shape. Every problem is
a WebInputError carrying the HTTP status and one clear message; the limits live in explorer/limits.py."""

import json
from typing import TypeVar

import msgspec

from ..limits import WEB_MAX_BODY_BYTES, WEB_MAX_FINDINGS
from . import body_errors
from .bodies import ExploreBody, QuestionnaireBody, as_list

Shape = TypeVar("Shape", bound=msgspec.Struct)


def too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes"


class WebInputError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


async def read_body(request, shape: type[Shape], limit: int = WEB_MAX_BODY_BYTES) -> Shape:
    """The body as a ``shape``, read no further than ``limit`` bytes (the Lab's bodies carry a rule pack)."""
    check_content_type(request.headers.get("content-type"))
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise WebInputError(413, too_large(limit))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise WebInputError(413, too_large(limit))
    return decode(bytes(body) or b"{}", shape)


def check_content_type(value: str | None) -> None:
    """Only JSON, so a page elsewhere cannot post a form or plain text here without a CORS preflight."""
    media, _, params = (value or "").partition(";")
    charset = dict(p.strip().lower().partition("=")[::2] for p in params.split(";") if p.strip())
    if media.strip().lower() == "application/json" and charset.get("charset", "utf-8").strip('"') == "utf-8":
        return
    got = f"it came as {value!r}" if value else "it came without one"
    raise WebInputError(415, f"the request body must be JSON sent with Content-Type: application/json ({got})")


def decode(body: bytes, shape: type[Shape]) -> Shape:
    try:
        decoded = msgspec.json.decode(body, type=shape)
    except msgspec.ValidationError as error:
        raise WebInputError(422, body_errors.message(shape, error)) from None
    except msgspec.DecodeError as error:
        raise WebInputError(400, f"the request body is not valid JSON ({error})") from None
    # Only now, once the body is known to be shallow and hold no numbers, is it read again for keys given
    # twice: the decoder keeps the last silently, and a list of findings lost that way could hide a warning.
    json.loads(body, object_pairs_hook=_no_repeated_keys)
    return decoded


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise WebInputError(422, f"key {repeated[0]!r} is given more than once; give each key once")
    return dict(pairs)


def check_count(*lists) -> None:
    count = sum(len([part for text in items for part in text.split(",") if part.strip()]) for items in lists)
    if count > WEB_MAX_FINDINGS:
        raise WebInputError(422, f"too many findings ({count}); at most {WEB_MAX_FINDINGS} at once")


def findings(body: ExploreBody, *more: list[str]) -> tuple[list[str], list[str]]:
    """``present`` and ``absent`` from an explore request, within the limit on findings (``more``, such as
    a what-if's changes, counts towards it)."""
    present, absent = as_list(body.present), as_list(body.absent)
    check_count(present, absent, *more)
    return present, absent


def answers(body: QuestionnaireBody) -> list[tuple[str, str]]:
    """The questionnaire's answers as (finding, answer) pairs."""
    return [(item.finding, item.answer) for item in body.answers]
