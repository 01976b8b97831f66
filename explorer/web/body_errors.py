"""The decoder's complaint about a request body as one sentence that names the field, in the project's
words ("'present' item 2 is longer than 200 characters"), found from msgspec's message and its path."""

import re
import types
from typing import Annotated, Union, get_args, get_origin

import msgspec

KINDS = {
    "str": "a string",
    "str | array": "a list of strings (or one string)",
    "array": "a list",
    "object": "an object",
    "int": "a number",
    "float": "a number",
    "null": "null",
    "bool": "true or false",
}
_PATH = re.compile(r"\.(\w+)|\[(\d+)\]")


def message(shape: type[msgspec.Struct], error: msgspec.ValidationError) -> str:
    """One sentence for ``error``, raised while decoding a body of type ``shape``."""
    text, _, at = str(error).partition(" - at `")
    path: list[str | int] = [name or int(index) for name, index in _PATH.findall(at.rstrip("`"))]
    where = _where(path)
    if found := re.match(r"Expected `(\w+)` of length <= (\d+)", text):
        if found.group(1) == "str":
            return f"{where} is longer than {found.group(2)} characters"
        return f"too many findings in {where}; at most {found.group(2)} at once"
    if re.match(r"Expected `str` of length >= 1", text):
        return f"{where} is empty"
    if re.match(r"Expected `str` matching regex", text):  # the one pattern: a rule pack's name (bodies.py)
        return f"{where} must be a plain file name, without /, \\ or control characters"
    if found := re.match(r"Expected `([^`]+)`, got `(\w+)`", text):
        expected, got = (KINDS.get(kind, kind) for kind in found.groups())
        if found.group(1) == "str" and path and isinstance(path[-1], int):
            return f"{_where(path[:-1])} must be a list of strings: item {path[-1] + 1} is {got}"
        return f"{where} must be {expected}, not {got}"
    if text.startswith("Number out of range"):
        return f"{where} is a number too long to read (a finding is text)"
    if found := re.match(r"Object contains unknown field `([^`]+)`", text):
        known = ", ".join(f.name for f in msgspec.structs.fields(_type_at(shape, path)))
        return f"unknown key {found.group(1)!r}{'' if not path else ' in ' + where}; expected {known}"
    if found := re.match(r"Object missing required field `([^`]+)`", text):
        name = found.group(1)
        return f"{name} is missing from {where}" if path else f'{name} is missing: send {{"{name}": ...}}'
    if found := re.match(r"Invalid enum value (.+)", text):
        allowed = [str(value) for value in get_args(_type_at(shape, path))]
        return f"{where} must be {', '.join(allowed[:-1])} or {allowed[-1]}, not {found.group(1)}"
    return f"{where}: {text}"


def _where(path: list[str | int]) -> str:
    """``["answers", 0, "answer"]`` as "'answer' of 'answers' item 1"."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int) and parts:
            parts[-1] += f" item {step + 1}"
        else:
            parts.append(f"{step!r}")
    return " of ".join(reversed(parts)) or "the request body"


def _type_at(shape, path: list[str | int]):
    """The declared type at ``path`` inside ``shape`` (a Struct), with Annotated and unions opened."""
    node = shape
    for step in path:
        node = _plain(node, list if isinstance(step, int) else msgspec.Struct)
        if isinstance(step, int):
            node = get_args(node)[0]
        else:
            node = {field.name: field.type for field in msgspec.structs.fields(node)}[step]
    return _plain(node, msgspec.Struct)


def _plain(kind, want):
    """``kind`` without Annotated; from a union, the member that is a ``want`` (list, a Struct...)."""
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    if get_origin(kind) in (Union, types.UnionType):
        for member in get_args(kind):
            member = _plain(member, want)
            if get_origin(member) is want or (isinstance(member, type) and issubclass(member, want)):
                return member
    return kind
