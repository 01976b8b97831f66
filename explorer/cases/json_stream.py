"""A JSON array of cases read element by element, so a large file runs in bounded memory."""

import json

from .mapping import case_from_mapping
from .records import BatchFileError

_CHUNK = 1 << 16


def read_json(stream, kb):
    """A JSON array of cases (read element by element), or one object (a case or a phenopacket)."""
    decoder = json.JSONDecoder()
    buffer, line, ordinal = "", 1, 0
    finished = False

    def fill():
        nonlocal buffer, finished
        chunk = stream.read(_CHUNK)
        finished = chunk == ""
        buffer += chunk

    def skip_space():
        nonlocal buffer, line
        while True:
            stripped = buffer.lstrip()
            line += buffer.count("\n", 0, len(buffer) - len(stripped))
            buffer = stripped
            if buffer or finished:
                return
            fill()

    fill()
    skip_space()
    if not buffer:
        raise BatchFileError("the JSON input is empty")
    if buffer[0] != "[":
        yield _single_object(buffer + stream.read(), line, kb)
        return
    buffer = buffer[1:]
    while True:
        skip_space()
        if buffer.startswith("]"):
            return
        if not buffer and finished:
            raise BatchFileError("the JSON array is not closed")
        while True:
            try:
                data, end = decoder.raw_decode(buffer)
                break
            except ValueError as exc:
                if finished:
                    raise BatchFileError(
                        f"not valid JSON near line {line + exc.lineno - 1}: {exc.msg}; "
                        f"the cases before it were processed"
                    ) from None
                fill()
        ordinal += 1
        yield case_from_mapping(data, line, kb, ordinal)
        line += buffer.count("\n", 0, end)
        buffer = buffer[end:]
        skip_space()  # reads on until there is text or the input ends
        if buffer.startswith(","):
            buffer = buffer[1:]
        elif not buffer.startswith("]"):
            raise BatchFileError(
                f"not valid JSON near line {line}: expected ',' or ']' between cases; "
                f"the cases before it were processed"
            )


def _single_object(text: str, line: int, kb):
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BatchFileError(f"not valid JSON: {exc.msg} at line {line + exc.lineno - 1}") from None
    return case_from_mapping(data, line, kb, 1)
