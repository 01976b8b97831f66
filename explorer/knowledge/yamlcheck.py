"""A small strict checker for YAML documents: unknown keys, missing keys and wrong types become
``file:line: where: what`` problems. Kept by hand because the shapes are few and the messages must
point at lines, which generic schema libraries do not know about."""

import re

from .quoting import described, shown
from .yamlsource import Located, LocatedList

ID = re.compile(r"^[a-z][a-z0-9_]*$")
RULE_ID = re.compile(r"^[a-z][a-z0-9_.-]*$")


class Problems:
    """Collects problems for one file; the loader raises them all at once."""

    def __init__(self, name: str):
        self.name = name
        self.items: list[str] = []
        self._seen: set[str] = set()

    def add(self, line: int, where: str, what: str):
        # line 0: a scalar, whose line the loader does not keep; the file and the path still say where
        item = f"{self.name}:{line}: {where}: {what}" if line else f"{self.name}: {where}: {what}"
        if item not in self._seen:  # two checks of one key (the keys' and the sources') say it once
            self._seen.add(item)
            self.items.append(item)


def line_of(container, key=None) -> int:
    """Best line for ``container[key]`` (or the container itself)."""
    if isinstance(container, Located):
        return container.key_lines.get(key, container.line) if key is not None else container.line
    if isinstance(container, LocatedList):
        if key is not None and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return 0


def is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_keys(node, where: str, problems: Problems, required: set, optional: set) -> bool:
    """Report a non-mapping, unknown keys and missing keys. Returns False if ``node`` is no mapping."""
    if not isinstance(node, dict):
        problems.add(line_of(node), where, f"expected a mapping, got {type_name(node)}")
        return False
    for key in node:
        if key not in required and key not in optional:
            allowed = ", ".join(sorted(required | optional))
            problems.add(line_of(node, key), where, f"unknown key {shown(key)} (allowed: {allowed})")
    for key in sorted(required - set(node)):
        problems.add(line_of(node), where, f"missing required key {shown(key)}")
    return True


def text(node, key, where, problems: Problems, default=None):
    """A required (default None) or optional non-empty string field."""
    if key not in node:
        return default
    value = node[key]
    if not is_text(value):
        problems.add(line_of(node, key), f"{where}.{key}", f"expected non-empty text, got {type_name(value)}")
        return default
    return " ".join(value.split())


def text_list(node, key, where, problems: Problems, pattern=None) -> tuple:
    """An optional list of non-empty strings (each matching ``pattern`` when given)."""
    if key not in node or node[key] is None:
        return ()
    value = node[key]
    if not isinstance(value, list):
        problems.add(line_of(node, key), f"{where}.{key}", f"expected a list, got {type_name(value)}")
        return ()
    out = []
    for i, item in enumerate(value):
        if not is_text(item):
            problems.add(line_of(value, i), f"{where}.{key}[{i}]", f"expected text, got {type_name(item)}")
        elif pattern is not None and not pattern.match(item):
            problems.add(line_of(value, i), f"{where}.{key}[{i}]", f"{shown(item)} is not a valid id")
        else:
            out.append(item.strip())
    return tuple(out)


def entries(document, where: str, problems: Problems) -> list:
    """The top level of a list-shaped knowledge file: (index, entry) for its mapping entries; any other
    entry is reported."""
    if document is None:
        return []
    if not isinstance(document, list):
        # a whole file that is one scalar starts on its first line
        problems.add(line_of(document) or 1, where, f"expected a list of entries, got {type_name(document)}")
        return []
    for index, entry in enumerate(document):
        if not isinstance(entry, dict):  # reported here, where the list knows the entry's line
            problems.add(line_of(document, index), f"{where}[{index}]", f"expected a mapping, got {type_name(entry)}")
    return [(index, entry) for index, entry in enumerate(document) if isinstance(entry, dict)]


def type_name(value) -> str:
    # What the value is, never what it says: the file may be a symlink to a secret (quoting.py).
    return described(value)
