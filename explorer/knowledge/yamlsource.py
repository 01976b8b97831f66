"""Safe YAML loading that remembers where every mapping and list item came from.

Validation errors must say ``file:line``, so mappings load as ``Located`` dicts that carry the line of
the mapping and of each key, and lists as ``LocatedList`` with the line of each item. Only the safe
loader is used (libyaml's when present, for speed); duplicate keys are errors, not silently merged.
"""

import re
from typing import TYPE_CHECKING

import yaml

from ..errors import ExplorerError, KnowledgeError
from ..limits import MAX_DEPTH
from .quoting import shown

if TYPE_CHECKING:
    _Base = yaml.SafeLoader  # libyaml's loader, when present, has the same methods
else:
    _Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict):
    """A mapping from YAML, with ``line`` (1-based) and ``key_lines``."""

    line = 0
    key_lines: dict


class LocatedList(list):
    """A list from YAML, with ``line`` and ``item_lines``."""

    line = 0
    item_lines: list


class _Loader(_Base):
    def construct_yaml_map(self, node):
        data = Located()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.constructor.ConstructorError(None, None, "keys must be plain scalars", key_node.start_mark)
            if key in data:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {shown(key)}", key_node.start_mark)
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = key_node.start_mark.line + 1

    def construct_yaml_seq(self, node):
        data = LocatedList()
        data.line = node.start_mark.line + 1
        data.item_lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        data.extend(self.construct_object(item, deep=True) for item in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)


CYCLE = "an alias refers to a list or mapping that contains it (a loop no reader can walk to its end)"


class YamlSyntaxError(ExplorerError):
    """Text that is not valid YAML (or that the safe loader refuses), with the 1-based line (0 if unknown)."""

    def __init__(self, line: int, message: str):
        self.line, self.message = line, message
        super().__init__(f"line {line}: {message}")


def parse_yaml(text: str):
    """Parse YAML text with the safe, line-keeping loader; raises YamlSyntaxError, also for nesting
    deeper than MAX_DEPTH and for an alias inside itself (checked on the parsed nodes before any object
    is built)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        deepest = _depth(node)
        if deepest > MAX_DEPTH:
            raise YamlSyntaxError(node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep (the limit)")
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(mark.line + 1 if mark else 0, _unquoted(str(exc.problem or exc.context))) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        # ValueError: a scalar Python refuses to build, such as an integer past its digit limit.
        raise YamlSyntaxError(0, _unquoted(str(exc).split(";")[0].split("\n")[0][:200])) from None
    finally:
        loader.dispose()


def _unquoted(message: str) -> str:
    """PyYAML's message with what it quotes from the text (a tag, an alias) kept only when it is a name."""
    return _QUOTED.sub(lambda m: shown(m.group(1)), message)


_QUOTED = re.compile(r"'([^'\n]{2,})'")


def _depth(root) -> int:
    """How deeply collections nest under ``root``, without recursion; aliases share a node, so each
    node is measured once (a "billion laughs" document stays linear). A node met again while its own
    children are still being walked is an alias inside itself: no reader could walk it to an end, so
    it is refused (YamlSyntaxError) before any object is built. Stops early past MAX_DEPTH. Scalars
    (depth 1) are never walked: they are most nodes, and no loop can pass through one."""
    if not isinstance(root, _COLLECTIONS):
        return 1
    depth_of: dict[int, int] = {}
    walking = {id(root)}  # the nodes on the current path, root first
    stack = [(root, iter(_collections(root)))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            walking.discard(id(node))
            scalars = 1 if node.value else 0  # an empty list or mapping is depth 1, one of scalars depth 2
            depth_of[id(node)] = 1 + max((depth_of[id(c)] for c in _collections(node)), default=scalars)
        elif id(child) in walking:
            raise YamlSyntaxError(node.start_mark.line + 1, CYCLE)
        elif id(child) not in depth_of:
            if len(stack) > MAX_DEPTH:
                return len(stack) + 1
            walking.add(id(child))
            stack.append((child, iter(_collections(child))))
    return depth_of[id(root)]


_COLLECTIONS = (yaml.SequenceNode, yaml.MappingNode)


def _collections(node) -> list:
    """The lists and mappings directly under a list or mapping node (keys included)."""
    if isinstance(node, yaml.SequenceNode):
        return [child for child in node.value if isinstance(child, _COLLECTIONS)]
    return [part for pair in node.value for part in pair if isinstance(part, _COLLECTIONS)]


def load_yaml_text(text: str, name: str):
    """Parse a knowledge file's text; syntax errors become a KnowledgeError naming ``name:line``."""
    try:
        return parse_yaml(text)
    except YamlSyntaxError as exc:
        raise KnowledgeError([f"{name}:{exc.line}: {exc.message}" if exc.line else f"{name}: {exc.message}"]) from None
